"""The elicit app: the session side (:mod:`.host`) plus the screens it moves between.

``run(path)`` is the entry point used by ``elicit`` (launcher) and
``elicit open PATH`` (straight into the interview).
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual.screen import Screen

from elicit.core.findings import ElicitError, FindingsError
from elicit.core.session import OpenSession, open_session
from elicit.core.text import printable

from .host import OPEN_COMMAND, SessionApp

STARTED = time.perf_counter()
LAUNCHER_MODE = "launcher"
"""The stack the launcher moves to when the session the app started on is closed."""


class ElicitApp(SessionApp):
    """The interview assistant: the session side of :class:`SessionApp` and the screens."""

    TITLE = "elicit"
    CSS_PATH = ["app.tcss", "screens/interview.tcss"]
    """The interview's styles too, read with the app's: a screen's own sheet read when it is pushed makes Textual
    parse every sheet again and restyle the app (the interview screen keeps its CSS_PATH; the file is read once)."""

    remember_when_ready = False
    """Put the open session at the top of the recent list once the first screen is up (in a thread: it writes a file)."""

    when_drawn: Callable[[], None] | None = None
    """Run once the first screen is drawn (``elicit open`` keeps the dataclasses' compiled methods then)."""

    def get_default_screen(self) -> Screen:
        """Started on a session, the app's first screen is its interview (Textual's hook for the first screen).

        Pushed over Textual's blank first screen instead, the interview was laid out and drawn once inside the
        app's start-up batch and that frame thrown away (15-20 ms before the first question showed)."""
        if self.opened is None:
            return super().get_default_screen()
        from .screens.interview import InterviewScreen

        return InterviewScreen(self.opened)

    def on_ready(self) -> None:
        self.screen.call_after_refresh(_collector_back_on)  # after the first frame is painted (see load_stories)
        if self.when_drawn is not None:
            self.screen.call_after_refresh(self.when_drawn)
        if self.stories_loading:  # a big session's stories: read once its first question is on screen
            self.screen.call_after_refresh(self.load_stories)  # then the saves warm up (_stories_read)
        else:
            self.screen.call_after_refresh(self.warm_up_saves)
        if self.remember_when_ready and self.opened is not None:
            self.run_worker(self._remember_opened, thread=True, group="recent", exit_on_error=False)
        if os.environ.get("ELICIT_DEBUG") or "debug" in self.features:
            took = (time.perf_counter() - STARTED) * 1000
            self.log.info(f"elicit ready in {took:.0f} ms")
            if os.environ.get("ELICIT_DEBUG"):
                self.notify(f"ready in {took:.0f} ms", timeout=3)

    def _remember_opened(self) -> None:
        from elicit.core.session import remember

        opened = self.opened
        if opened is not None:
            remember(opened.path, title=opened.session.title, client=opened.session.client)

    # moving between screens: the screens ask, the app knows them all

    def show_launcher_screen(self) -> None:
        self.run_worker(self._show_launcher(), group="screens")

    async def _show_launcher(self) -> None:
        from .screens.launcher import LauncherScreen

        while len(self.screen_stack) > 1 and not isinstance(self.screen, LauncherScreen):
            await self.pop_screen()
        if isinstance(self.screen, LauncherScreen):
            return
        if type(self.screen) is Screen:  # Textual's blank first screen: the app started on the launcher
            await self.push_screen(LauncherScreen())
        else:  # the interview the app started on (get_default_screen)
            await self._leave_first_screen(LauncherScreen())

    async def _leave_first_screen(self, screen: Screen) -> None:
        """After the session the app started on is closed: ``screen`` on a stack of its own, the interview's taken down.

        Textual cannot replace or pop the first screen of its default stack, so the app moves to another
        stack (a mode) and empties the old one's screens; the interview's clock stops with its session
        (``InterviewScreen.tick``)."""
        left = list(self.screen_stack)
        self.add_mode(LAUNCHER_MODE, lambda: screen)
        await self.switch_mode(LAUNCHER_MODE)
        for old in reversed(left):
            await old.remove_children()

    def ask(self, question: str, detail: str, then: Callable[[bool | None], None], *, yes: str = "Yes", no: str = "No") -> None:
        from .screens.confirm import ConfirmDialog

        self.push_screen(ConfirmDialog(question, detail, yes=yes, no=no), then)

    def show_interview(self, opened: OpenSession) -> Awaitable[object]:
        from .screens.interview import InterviewScreen

        return self.push_screen(InterviewScreen(opened))

    def _opened(self) -> OpenSession:
        if self.opened is None:
            raise RuntimeError("no session is open")
        return self.opened

    def show_stories(self) -> None:
        from .screens.stories import StoriesScreen

        self.push_screen(StoriesScreen(self._opened()))

    def show_summary(self, then: Callable[[str | None], None] | None = None) -> None:
        from .screens.summary import SummaryScreen

        self.push_screen(SummaryScreen(self._opened()), then)

    def show_read_back(self) -> None:
        from .screens.readback import ReadBackScreen

        self.push_screen(ReadBackScreen(self._opened()))

    def show_export(self) -> None:
        from .screens.export import ExportScreen

        self.push_screen(ExportScreen(self._opened()))

    def show_items(self) -> None:
        from .screens.items import ItemsScreen

        self.push_screen(ItemsScreen(self._opened()))

    def show_review(self) -> None:
        from .screens.review import ReviewScreen

        self.push_screen(ReviewScreen(self._opened()))

    def record_round(self, then: Callable[[int | None], None] | None = None) -> None:
        from .screens.ask_text import AskText

        opened = self._opened()
        number = max((item.number for item in opened.session.rounds), default=0) + 1

        def noted(note: str | None) -> None:
            if note is None:
                if then is not None:
                    then(None)
                return
            self.commit_screens()
            frozen = opened.service.record_round(note)
            self.notify(f"Round {frozen.number} recorded: what the client has now is kept to compare with later.", timeout=4)
            if then is not None:
                then(frozen.number)

        question = f"Record round {number}: a note on what is sent (optional; Enter records it)"
        self.push_screen(AskText(question, placeholder="e.g. sent to Ann for sign-off", required=False), noted)


def _collector_back_on() -> None:
    """The first screen is drawn: collect garbage again (``elicit open`` turned it off to start faster)."""
    gc.enable()


def _error_line(message: str) -> None:
    """``elicit: error: ...`` on stderr, one line, control characters shown (as the CLI prints errors)."""
    sys.stderr.write(printable("elicit: error: " + " ".join(message.splitlines())) + "\n")


def _findings_lines(error: FindingsError) -> None:
    for finding in error.findings:
        _error_line(finding.format())


def run(path: Path | None, *, when_drawn: Callable[[], None] | None = None) -> int:
    """Run the app on the launcher (``path`` None) or on a session file; return the exit code.

    ``when_drawn`` runs once the first screen is on the terminal."""
    opened = None
    if path is not None:
        try:
            opened = open_session(path, command=OPEN_COMMAND, staged=True)  # the stories are read once the first question shows
        except FindingsError as error:
            _findings_lines(error)
            return 1
        except ElicitError as error:
            _error_line(str(error))
            return 1
    app = ElicitApp(opened)
    app.remember_when_ready = opened is not None
    app.when_drawn = when_drawn
    previous = _save_on_signals(app)
    code: Any = 1
    try:
        code = app.run()
    finally:
        gc.enable()  # if the app stopped before its first screen was drawn
        save_error = app.shutdown_session()
        for number, handler in previous.items():
            signal.signal(number, handler)
        if save_error is not None:
            _error_line(save_error)
            code = 1
        if app.load_error is not None:  # the stories could not be read: as if the file could not be opened
            _findings_lines(app.load_error)
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
