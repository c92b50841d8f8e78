"""Nothing lost: save on every change, and end cleanly on a hang-up or a kill.

A dropped SSH connection sends SIGHUP, a shutdown SIGTERM. Both become
:class:`Disconnected`, a SystemExit, so it passes through prompt_toolkit's
event loop (which swallows ordinary exceptions from callbacks) up to plain
mode's runner, which saves what is pending and releases the lock. Saves and
the final clean-up run with those signals (and Ctrl-C) held back, so a save
is never cut in half.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from elicit.core.findings import ElicitError
from elicit.core.session import OpenSession, answer_text

from .output import Console

_HANG_UPS = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name))
_HELD_BACK = {signal.SIGINT, *_HANG_UPS}


class Disconnected(SystemExit):
    """The terminal hung up or the process was asked to end."""

    def __init__(self, signum: int):
        super().__init__(128 + signum)
        self.signum = signum


@contextmanager
def disconnect_guard() -> Iterator[None]:
    """Turn SIGHUP and SIGTERM into Disconnected while the block runs (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def hang_up(signum: int, frame: FrameType | None) -> None:
        for number in _HANG_UPS:
            signal.signal(number, signal.SIG_IGN)  # a second signal must not cut the clean-up short
        raise Disconnected(signum)

    previous = {number: signal.signal(number, hang_up) for number in _HANG_UPS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


@contextmanager
def signals_held() -> Iterator[None]:
    """Hold Ctrl-C, SIGHUP and SIGTERM back until the block ends (where the platform allows)."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD_BACK)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


class Saver:
    """Saves the session after every change; a failed save is reported and retried.

    Until a save succeeds, every change stays in memory (the session object)
    and is listed in :attr:`unsaved`; each reply retries the save.
    """

    def __init__(self, opened: OpenSession, console: Console):
        self.opened = opened
        self.console = console
        self.pending = False
        self.error: str | None = None
        self.unsaved: list[str] = []
        """What changed since the last save that worked, as the service names it (``answer <id>``)."""

    def changed(self, what: str) -> None:
        """Listener for SessionService: save at once."""
        self.pending = True
        if what not in self.unsaved and what != "clock":  # interview time is no words of the client's
            self.unsaved.append(what)
        self.flush()

    def flush(self) -> bool:
        """Save if anything is unsaved; return whether everything is on disk."""
        if not self.pending:
            return True
        try:
            with signals_held():
                warning = self.opened.save()
        except ElicitError as error:
            if str(error) != self.error:
                self.console.say(f"Could not save: {error}.")
            self.error = str(error)
            return False
        self.pending = False
        self.unsaved = []
        if warning:
            self.console.say(warning)
        if self.error is not None:
            self.console.say("Saved now; nothing was lost.")
            self.error = None
        return True

    def not_saved_line(self) -> str:
        """Said after each change while saving fails."""
        count = len(self.unsaved)
        return (
            f"{count} change{'s are' if count != 1 else ' is'} only in memory, not on disk; "
            "elicit tries to save again after your next reply (free some space or fix the folder)."
        )

    def unsaved_lines(self) -> list[str]:
        """Exactly what is not on disk, with the values, so it can be typed in again."""
        session = self.opened.session
        lines = []
        for what in self.unsaved:
            kind, _, rest = what.partition(" ")
            if kind == "current":
                continue  # only where the interview was; nothing the client said
            if kind == "answer" and rest in session.answers:
                answer = session.answers[rest]
                lines.append(f"  the answer to {rest}: {answer_text(answer.value) or '(no answer)'}")
            elif kind == "status":
                question_id, _, status = rest.rpartition(" ")
                lines.append(f"  {question_id} marked {status}")
            elif kind == "notes" and rest in session.answers:
                lines.append(f"  the notes on {rest}: {session.answers[rest].notes}")
            elif kind == "story":
                story_id = rest.split(" ", 1)[0]
                story = next((item for item in session.stories if item.id == story_id), None)
                lines.append(f"  story {rest}" + (f": as {story.role or 'a user'}, I want {story.want}" if story is not None else ""))
            else:
                lines.append(f"  {what}")
        return lines
