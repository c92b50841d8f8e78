"""The elicit app: owns the open session, its autosave and the lock; screens do the rest.

``run(path)`` is the entry point used by ``elicit`` (launcher) and
``elicit open PATH`` (straight into the interview).
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive

from elicit.core.findings import ElicitError, FindingsError
from elicit.core.session import OpenSession, open_session

from .autosave import FAILED, SAVED, AutoSaver
from .keymap import load_keymap

STARTED = time.perf_counter()
OPEN_COMMAND = "elicit open"


class ElicitApp(App[int]):
    """The interview assistant."""

    TITLE = "elicit"
    CSS_PATH = ["app.tcss", "widgets/common/common.tcss", "widgets/interview/interview.tcss"]
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True, tooltip="Save and quit"),
        Binding("f1", "keys", "Keys", id="app.keys", tooltip="Show or hide every key of this screen"),
    ]

    save_state: reactive[str] = reactive(SAVED)

    def __init__(
        self,
        opened: OpenSession | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
        cursor_blink: bool = True,
        keymap: dict[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.opened: OpenSession | None = None
        self.saver: AutoSaver | None = None
        self.clock = clock
        self.cursor_blink = cursor_blink
        self.opened_at = self.now()
        self._initial = opened
        self._keymap_override = keymap
        self._save_failures = 0
        if opened is not None:
            self._adopt(opened)

    # time, settable for tests

    def now(self) -> datetime:
        """The current time (fixed in tests)."""
        if self.clock is not None:
            return self.clock()
        return datetime.now().astimezone().replace(microsecond=0)

    # start-up

    def on_mount(self) -> None:
        keymap, problems = (self._keymap_override, []) if self._keymap_override is not None else load_keymap()
        if keymap:
            self.set_keymap(keymap)
        for problem in problems:
            self.notify(problem, severity="warning", timeout=8)
        if self.opened is not None:
            self._show_interview(self.opened)
        else:
            from .screens.launcher import LauncherScreen

            self.push_screen(LauncherScreen())

    def on_ready(self) -> None:
        if os.environ.get("ELICIT_DEBUG") or "debug" in self.features:
            took = (time.perf_counter() - STARTED) * 1000
            self.log.info(f"elicit ready in {took:.0f} ms")
            if os.environ.get("ELICIT_DEBUG"):
                self.notify(f"ready in {took:.0f} ms", timeout=3)

    # the open session

    def _adopt(self, opened: OpenSession) -> None:
        self.opened = opened
        self.opened_at = self.now()
        self.saver = AutoSaver(self, opened, self._save_state_changed)
        self.save_state = SAVED

    def open_path(self, path: Path) -> bool:
        """Open a session file and show its interview; report problems in the app."""
        from elicit.core.session import remember

        if self.opened is not None:
            self.notify("Close the open session first.", severity="warning")
            return False
        try:
            opened = open_session(path, command=OPEN_COMMAND)
        except FindingsError as error:
            self.notify("\n".join(f.format() for f in error.findings[:5]), title="Cannot open the session", severity="error", timeout=12)
            return False
        except ElicitError as error:
            self.notify(str(error), title="Cannot open the session", severity="error", timeout=12)
            return False
        self._adopt(opened)
        remember(path, title=opened.session.title, client=opened.session.client)
        self._show_interview(opened)
        return True

    def _show_interview(self, opened: OpenSession) -> None:
        from .screens.interview import InterviewScreen

        for note in opened.notes:
            self.notify(note, timeout=8)
        self.push_screen(InterviewScreen(opened))

    def _save_state_changed(self, state: str, detail: str) -> None:
        self.save_state = state
        if state == FAILED:
            self._save_failures += 1
            if self._save_failures == 1:
                self.notify(
                    f"{detail}\nelicit keeps trying; your answers stay in memory until a save succeeds.",
                    title="Could not save",
                    severity="error",
                    timeout=15,
                )
        elif state == SAVED and self._save_failures:
            self._save_failures = 0
            self.notify("Saved again.", timeout=3)

    def save_now(self) -> str | None:
        """Write unsaved changes now; notify and return the error if that fails."""
        if self.saver is None:
            return None
        error = self.saver.flush()
        if error is not None:
            self.notify(error, title="Could not save", severity="error", timeout=10)
        return error

    def _release(self) -> None:
        """Stop autosave, remember progress for the launcher and drop the lock (after a flush)."""
        opened = self.opened
        if opened is None:
            return
        from elicit.core.session import remember

        if self.saver is not None:
            self.saver.close()
        progress = opened.interview.progress()
        remember(opened.path, title=opened.session.title, client=opened.session.client, done=progress.done, total=progress.total)
        opened.close()
        self.opened = None
        self.saver = None

    def _leave(self, leaving: str, then: Callable[[], object]) -> None:
        """Flush, then call ``then``; if the save fails, ask first whether to leave anyway."""
        error = self.save_now()
        if error is None:
            then()
            return
        from .screens.confirm import ConfirmDialog

        def decided(anyway: bool | None) -> None:
            if anyway:
                then()

        self.push_screen(
            ConfirmDialog(
                f"Could not save: {leaving} anyway?",
                f"{error}\nChanges since the last save would be lost. Choose No, fix the problem (free space, permissions) and try again.",
                yes=f"{leaving.capitalize()} anyway",
                no="Stay",
            ),
            decided,
        )

    def close_session(self) -> None:
        """Save, release the session and go back to the launcher."""
        if self.opened is None:
            return
        self._commit_screens()
        self._leave("close", self._after_close)

    def _after_close(self) -> None:
        self._release()
        self.run_worker(self._show_launcher(), group="screens")

    async def _show_launcher(self) -> None:
        from .screens.launcher import LauncherScreen

        while len(self.screen_stack) > 2:
            await self.pop_screen()
        if not isinstance(self.screen, LauncherScreen):
            await self.switch_screen(LauncherScreen())

    def _commit_screens(self) -> None:
        for screen in self.screen_stack:
            commit = getattr(screen, "commit", None)
            if commit is not None:
                commit()

    def action_quit(self) -> None:  # type: ignore[override]  # Textual runs a plain method as an action too
        """Save everything and quit; never lose a change silently."""
        if self.opened is None:
            self.exit(0)
            return
        self._commit_screens()
        self._leave("quit", self._quit_now)

    def _quit_now(self) -> None:
        self._release()
        self.exit(0)

    def action_keys(self) -> None:
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def shutdown_session(self) -> str | None:
        """Last resort after the app stopped (or crashed): save and release; return the save error."""
        if self.opened is None:
            return None
        error = self.saver.flush() if self.saver is not None else None
        if error is None:
            self._release()
        else:
            self.opened.close()
            self.opened = None
        return error

    def action_help_quit(self) -> None:
        self.notify(f"Press {self.get_key_display(Binding('ctrl+q', 'quit'))} to save and quit.", timeout=3)


def run(path: Path | None) -> int:
    """Run the app on the launcher (``path`` None) or on a session file; return the exit code."""
    opened = None
    if path is not None:
        try:
            opened = open_session(path, command=OPEN_COMMAND)
        except FindingsError as error:
            for finding in error.findings:
                sys.stderr.write(finding.format() + "\n")
            return 1
        except ElicitError as error:
            sys.stderr.write(f"elicit: error: {error}\n")
            return 1
        from elicit.core.session import remember

        remember(path, title=opened.session.title, client=opened.session.client)
    app = ElicitApp(opened)
    previous = _save_on_signals(app)
    code: Any = 1
    try:
        code = app.run()
    finally:
        save_error = app.shutdown_session()
        for number, handler in previous.items():
            signal.signal(number, handler)
        if save_error is not None:
            sys.stderr.write(f"elicit: error: {save_error}\n")
            code = 1
    if app.return_code not in (None, 0) and not code:
        code = app.return_code
    return int(code or 0)


def _save_on_signals(app: ElicitApp) -> dict[int, Any]:
    """On SIGTERM or SIGHUP (terminal closed), save and quit instead of dying mid-interview."""
    previous: dict[int, Any] = {}

    def stop(number: int, _frame: Any) -> None:
        app.shutdown_session()
        app.exit(128 + number)

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is None:
            continue
        try:
            previous[number] = signal.signal(number, stop)
        except (ValueError, OSError):
            pass
    return previous
