"""The app's session side: the open session, its autosave, the lock, the clock and the keys.

Screens and widgets reach it through a typed ``app`` property
(``app = getters.app(SessionApp)``). It does not know the screens: moving
from screen to screen is asked of it through the ``show_*`` methods, which
:class:`elicit.tui.app.ElicitApp` fills in, so no screen imports another
one to open it and the screens never import the module that imports them.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Protocol, runtime_checkable

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.notifications import Notify
from textual.reactive import var

from elicit.core.findings import ElicitError, FindingsError
from elicit.core.session import OpenSession, open_session

from .autosave import FAILED, SAVED, AutoSaver
from .bindings import bindings
from .keymap import load_keymap
from .type_ahead import is_plain_typing, settled

OPEN_COMMAND = "elicit open"


@runtime_checkable
class Commits(Protocol):
    """A screen holding typed text that is not applied yet (the interview's answer inputs)."""

    def commit(self) -> None: ...


@runtime_checkable
class HoldsDraft(Protocol):
    """A dialog holding something typed that is not in the session yet (the story editor, a capture editor)."""

    def unsaved(self) -> str:
        """What is typed and not saved ("story", "decision"), or "" when nothing is."""
        ...

    def action_save(self) -> None: ...


CONFIRMATION_SECONDS = 5
"""A toast shown this long or less is a confirmation ("US-006 saved"): the next toast replaces it."""


class SessionApp(App[int]):
    """What every screen can count on: the open session, saving, the clock, and moving between screens."""

    BINDINGS = bindings("app")

    # vars, not reactives: a reactive on the App repaints the whole screen when it changes (App.refresh), and a
    # save changes save_state three times; the widgets that show these watch them and redraw themselves.
    save_state: var[str] = var(SAVED)
    """What the autosaver last said (SAVED, saving, unsaved, failed); the interview's header watches it."""
    stories_loading: var[bool] = var(False)
    """Whether the open session's stories are still being read (opened staged: the first question shows first)."""
    paused: var[bool] = var(False)
    """Whether the interview clock is paused (front-end state; the session counts only unpaused time)."""

    def __init__(
        self,
        opened: OpenSession | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
        cursor_blink: bool = True,
        keymap: dict[str, str] | None = None,
        clock_ticks: bool = True,
    ) -> None:
        super().__init__()
        self.clock_ticks = clock_ticks
        """Whether the interview clock counts by itself once a second (off in tests, which call ``tick``)."""
        self.opened: OpenSession | None = None
        self.saver: AutoSaver | None = None
        self.clock = clock
        self.cursor_blink = cursor_blink
        self.opened_at = self.now()
        self._keymap_override = keymap
        self._save_failures = 0
        self._keys_in_flight = 0
        self._keys_handling = 0
        """Keys whose handling has started and not ended (a key that is not plain typing waits for widgets meanwhile)."""
        self._waiting_keys: deque[events.Key] = deque()
        """Keys typed while something an earlier key started is not done, in the order typed."""
        self._held_keys: list[events.Key] | None = None
        """Keys held until the stories are in (None: not holding)."""
        self.load_error: FindingsError | None = None
        """Why the open session's stories could not be read (the app then stops; nothing was saved)."""
        if opened is not None:
            self._adopt(opened)

    async def on_event(self, event: events.Event) -> None:
        """Keys that are not plain typing wait for the keys before them, and the keys after them wait for what they do."""
        if not isinstance(event, events.Key):
            await super().on_event(event)
        elif self._held_keys is not None and not event.is_forwarded and (self._held_keys or not is_plain_typing(self, event)):
            self._held_keys.append(event)  # a command waits for the stories to be read; the keys after it wait behind it
        else:
            self._keys_handling += 1
            try:
                await self._key(event)
            finally:
                self._keys_handling -= 1

    async def _key(self, event: events.Key) -> None:
        if event.is_forwarded:  # came back up unhandled: the app runs its binding
            await super().on_event(event)
            await settled(self, laid_out=True)
            self._hold_keys()
        elif self._keys_in_flight or self._waiting_keys:
            # Something a key before it started is not done: wait behind it, in the order typed. (Posting it to the
            # back of the queue again let a later key overtake the ones before it: a burst of backspaces and a word
            # in Go to came out scrambled, trial2 T5.)
            self._waiting_keys.append(event)
        else:
            await self._dispatch_key(event)

    async def _dispatch_key(self, event: events.Key) -> None:
        if is_plain_typing(self, event):
            await super().on_event(event)
        else:
            before = await settled(self, laid_out=True)
            await super().on_event(event)
            await settled(self, before, laid_out=True)
            self._hold_keys()

    async def _release_keys(self) -> None:
        """The keys that waited, oldest first, until one of them starts something to wait for again."""
        while self._waiting_keys and not self._keys_in_flight:
            self._keys_handling += 1
            try:
                await self._dispatch_key(self._waiting_keys.popleft())
            finally:
                self._keys_handling -= 1

    async def _replay_keys(self) -> None:
        """The keys held while the stories were read, in the order typed (new ones queue behind until this is done)."""
        held = self._held_keys or []
        while held:
            await self._key(held.pop(0))
        self._held_keys = None

    @property
    def keys_waiting(self) -> bool:
        """Whether a typed key is being handled (waiting for the widgets it reaches), waits behind what an earlier key
        started, or is held.

        Keys still in the app's queue, not yet taken up, are not counted.
        """
        return self._keys_handling > 0 or self._keys_in_flight > 0 or bool(self._held_keys) or bool(self._waiting_keys)

    def _hold_keys(self) -> None:
        """Keys that arrive before what is queued now (a focus change, a key on its way back up) wait behind it."""
        if self.call_later(self._key_landed):
            self._keys_in_flight += 1

    def _key_landed(self) -> None:
        self._keys_in_flight -= 1
        if not self._keys_in_flight and self._waiting_keys:
            self.call_later(self._release_keys)

    # what the app shell fills in

    def show_launcher_screen(self) -> None:
        """Put the launcher on screen (first screen, or after a close)."""
        raise NotImplementedError

    def show_interview(self, opened: OpenSession) -> Awaitable[object]:
        """Put the interview of ``opened`` on screen; awaiting the result waits until it is mounted."""
        raise NotImplementedError

    def show_stories(self) -> None:
        """The stories table of the open session."""
        raise NotImplementedError

    def show_summary(self, then: Callable[[str | None], None] | None = None) -> None:
        """The summary; ``then`` gets the question the consultant picked there (or None)."""
        raise NotImplementedError

    def show_read_back(self) -> None:
        """Read the stories back to the client."""
        raise NotImplementedError

    def show_export(self) -> None:
        """The export screen."""
        raise NotImplementedError

    def show_items(self) -> None:
        """Decisions, open questions, assumptions and terms of the open session."""
        raise NotImplementedError

    def show_review(self) -> None:
        """The client's proposals, to accept or decline one by one."""
        raise NotImplementedError

    def record_round(self, then: Callable[[int | None], None] | None = None) -> None:
        """Ask for a note and record a review round; ``then`` gets its number (None when cancelled)."""
        raise NotImplementedError

    def ask(self, question: str, detail: str, then: Callable[[bool | None], None], *, yes: str = "Yes", no: str = "No") -> None:
        """Ask a yes/no question in a dialog; ``then`` gets the answer."""
        raise NotImplementedError

    # time, settable for tests

    def now(self) -> datetime:
        """The current time (fixed in tests)."""
        if self.clock is not None:
            return self.clock()
        return datetime.now().astimezone().replace(microsecond=0)

    # start-up

    async def on_mount(self) -> None:
        keymap, problems = (self._keymap_override, []) if self._keymap_override is not None else load_keymap()
        if keymap:
            self.set_keymap(keymap)
        for problem in problems:
            self.notify(problem, severity="warning", timeout=8)
        opened = self.opened
        shown = getattr(self.screen, "shown", None)
        if getattr(self.screen, "opened", None) is opened and opened is not None and isinstance(shown, asyncio.Event):
            # The app's first screen is the session's interview (ElicitApp.get_default_screen). Wait until it is
            # mounted, so that nothing (a test's first step, a key) reaches it half-built; its first layout and
            # frame come after the app's start-up batch (inside it, that frame would be drawn and thrown away).
            self._notify_opened(opened)
            await shown.wait()
        elif opened is not None:
            # Mounted before the app counts as ready (within its start-up batch, so no half-built frame is
            # drawn): nothing, a test's first step or a key, reaches a screen still being put together.
            await self._show_opened(opened)
        else:
            self.show_launcher_screen()

    # the open session

    def _adopt(self, opened: OpenSession) -> None:
        self.opened = opened
        opened.service.resume_speaker()  # who spoke when the app last stopped speaks again (trial5 T5-4)
        self.opened_at = self.now()
        self.saver = AutoSaver(self, opened, self._save_state_changed)
        self.save_state = SAVED
        self.paused = False
        if opened.loading:
            opened.service.hold_notices()  # autosave hears of changes once the stories are in
            self._held_keys = []
            self.stories_loading = True

    # the stories of a session opened staged (core/session/staged.py), read once the first question shows

    def load_stories(self) -> None:
        """Start reading the open session's stories in a worker (the interview screen calls this after its first frame)."""
        opened = self.opened
        if opened is not None and opened.loading:
            self.run_worker(
                lambda: self._read_stories(opened), name="stories", group="stories", thread=True, exclusive=True, exit_on_error=False
            )

    def _read_stories(self, opened: OpenSession) -> None:
        try:
            opened.read_tail()
        except FindingsError:
            pass  # finish_stories raises it again, on the UI thread
        try:
            self.call_from_thread(self._stories_read, opened)
        except RuntimeError:
            pass  # the app has stopped: shutdown_session reads what is left

    def _stories_read(self, opened: OpenSession) -> None:
        if opened is self.opened and self.finish_stories() is None:
            self.warm_up_saves()

    def warm_up_saves(self) -> None:
        """Make the open session's file text now (in a worker), so that the first save while typing is small."""
        if self.saver is not None:
            self.saver.warm_up()

    def finish_stories(self) -> FindingsError | None:
        """Put the stories into the open session (reading them now if no worker has); return the error, if any.

        On an error (the end of the file is broken) the app stops with it, as
        ``elicit open`` does for a file it cannot read, and nothing is saved:
        the file on disk stays as it is.
        """
        opened = self.opened
        if opened is None or not opened.loading:
            return self.load_error
        try:
            opened.finish_loading()
        except FindingsError as error:
            self.load_error = error
            self._held_keys = None  # the app stops: what they asked for cannot be done
            self.exit(1, return_code=1)
            return error
        opened.service.release_notices()
        self.stories_loading = False
        if self._held_keys is not None:
            self.call_later(self._replay_keys)
        return None

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
        self._show_opened(opened)
        self.call_after_refresh(self.warm_up_saves)
        return True

    def _show_opened(self, opened: OpenSession) -> Awaitable[object]:
        self._notify_opened(opened)
        return self.show_interview(opened)

    def _notify_opened(self, opened: OpenSession) -> None:
        for note in opened.notes:
            self.notify(note, timeout=8)
        for warning in opened.warnings:
            self.notify(warning, title="Check this answer", severity="warning", timeout=12)

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
        if state == SAVED:
            self._drop_saved_draft()

    def _drop_saved_draft(self) -> None:
        """Once the session is on disk and no editor is open, a story editor's draft beside it (kept against a
        crash, trial5 T5-3) holds nothing the session lacks: remove it."""
        opened, saver = self.opened, self.saver
        if opened is None or saver is None or saver.user_dirty or any(isinstance(screen, HoldsDraft) for screen in self.screen_stack):
            return
        from elicit.core.session import clear_draft, draft_path

        if draft_path(opened.path).exists():
            clear_draft(opened.path)

    def save_now(self) -> str | None:
        """Write unsaved changes now; notify and return the error if that fails."""
        if self.saver is None:
            return None
        if self.finish_stories() is not None:
            return "the session's stories could not be read: nothing is saved, the file is as it was"
        error = self.saver.flush()
        if error is not None:
            self.notify(error, title="Could not save", severity="error", timeout=10)
        return error

    def _release(self) -> None:
        """Stop autosave, remember progress for the launcher and drop the lock (after a flush)."""
        opened = self.opened
        if opened is None:
            return
        from elicit.core.session import remember, summarise

        if self.saver is not None:
            self.saver.close()
        summary = summarise(opened.interview)
        remember(opened.path, title=opened.session.title, client=opened.session.client, done=summary.done, total=summary.questions)
        opened.close()
        self.opened = None
        self.saver = None

    def _leave(self, leaving: str, then: Callable[[], object]) -> None:
        """Flush, then call ``then``; if the save fails, ask first whether to leave anyway."""
        error = self.save_now()
        if error is None:
            then()
            return

        def decided(anyway: bool | None) -> None:
            if anyway:
                then()

        self.ask(
            f"Could not save: {leaving} anyway?",
            f"{error}\nChanges since the last save would be lost. Choose No, fix the problem (free space, permissions) and try again.",
            decided,
            yes=f"{leaving.capitalize()} anyway",
            no="Stay",
        )

    def close_session(self) -> None:
        """Save, release the session and go back to the launcher."""
        if self.opened is None:
            return
        self.commit_screens()
        self._leave("close", self._after_close)

    def _after_close(self) -> None:
        self._release()
        self.show_launcher_screen()

    def commit_screens(self) -> None:
        """Apply what the screens' inputs hold now (before saving, exporting or leaving)."""
        for screen in self.screen_stack:
            if isinstance(screen, Commits):
                screen.commit()

    def tick(self, section_id: str | None) -> None:
        """One second of interview time, unless paused (the interview screen calls this once a second)."""
        if self.opened is None or self.paused:
            return
        self.opened.service.tick(1, section_id)

    def action_quit(self) -> None:  # type: ignore[override]  # Textual runs a plain method as an action too
        """Save everything and quit; never lose a change silently."""
        if self.opened is None:
            self.exit(0)
            return
        if self._ask_about_drafts():
            return
        self.commit_screens()
        self._leave("quit", self._quit_now)

    def _ask_about_drafts(self) -> bool:
        """A story or a decision being typed in a dialog is not in the session yet: quitting asks first
        (trial2 T29: ctrl+q threw it away). Return whether it asked."""
        editor = next((screen for screen in reversed(self.screen_stack) if isinstance(screen, HoldsDraft) and screen.unsaved()), None)
        if editor is None:
            return False
        what = editor.unsaved()

        def decided(save: bool | None) -> None:
            if not save or editor is not self.screen:
                return
            editor.action_save()  # refused (no 'I want' yet) keeps the editor open, saying why; nothing quits
            if editor not in self.screen_stack:
                self.call_later(self.action_quit)

        self.ask(
            f"Save the {what} you are typing, then quit?",
            f"The {what} is not saved yet. Stay to go on typing (Escape in the editor discards it).",
            decided,
            yes="Save it and quit",
            no="Stay",
        )
        return True

    def _quit_now(self) -> None:
        self._release()
        self.exit(0)

    def _on_notify(self, event: Notify) -> None:
        """A new toast replaces the short confirmations still showing (trial2 T2: "2 follow-up questions now apply",
        "Split into ...", "US-006 saved" piled up over half the navigator at 80x24, one cut to a lone '?').
        Warnings, errors and the longer notes (what opening the session found) stay until they time out."""
        for shown in list(self._notifications):
            if shown.severity == "information" and shown.timeout <= CONFIRMATION_SECONDS:
                self._unnotify(shown, refresh=False)
        # A toast shows its text as written: it repeats file names, typed words and hints such as "tables need
        # [brackets]", which Textual's markup (on by default for a widget's notify) took for a tag and dropped.
        event.notification.markup = False
        super()._on_notify(event)

    def action_keys(self) -> None:
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def action_show_help_panel(self) -> None:
        """Textual's keys panel, elicit's keys first (the module loads on the first f1)."""
        from .keys_panel import KeysPanel

        if not self.screen.query("HelpPanel"):
            self.screen.mount(KeysPanel())

    def shutdown_session(self) -> str | None:
        """Last resort after the app stopped (or crashed): save and release; return the save error."""
        if self.opened is None:
            return None
        if self.finish_stories() is not None:  # never write a session without its stories: leave the file alone
            if self.saver is not None:
                self.saver.close()
            self.opened.close()
            self.opened = None
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
