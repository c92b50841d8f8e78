"""Saving the open session in the background, at most about a second after the last change.

Every change made through the session service schedules a save: after
``QUIET`` seconds without another change, and never later than ``LONGEST``
seconds after the first unsaved change, so that steady typing is saved too.

The write happens in a thread worker so typing never waits for the disk.
The UI thread only *prepares* the save (``store.prepare``, the core's
:class:`SessionWriter`): it compares each answer and story with the copy
kept from the last save and copies only those that changed, so the worker
and the UI thread never share a mutable object. The stories are compared
only when the session service says one may have changed
(``stories_revision``; 6-7 ms for 5,000 stories, on the thread that
handles the keys); every other save compares the next tenth of them, so each
story is compared at least once every ``COMPARE_EVERY`` saves whatever the
service says. The worker makes TOML only for those records, joins the
cached text of the others and writes the bytes (a few milliseconds of
Python for 5,000 stories, against 40 ms when every story was looked at
again, and 200 ms for all of it as one document); it lets go of the GIL
every few hundred records (``time.sleep(0)``), so a keystroke never waits
behind a save for long.

The garbage collector is the other cause of a stalled keystroke: with
thousands of stories in memory, a full collection walks all of them
(20-150 ms, measured at 5,000). After each save the objects alive then
(the session, the app's widgets) are moved out of its sight
(``gc.freeze()``, which costs nothing), so collections while typing walk
only what was made since. What the frozen objects leave as garbage (the
widgets of a question left behind) is collected when the typing stops
(``SWEEP_AFTER`` seconds without a change) and when the session closes.

The first save of a session makes the TOML of every answer and story
(80-100 ms of Python for 5,000 stories, in the worker, where it holds the
GIL against the UI thread). So that it never falls on the first keystrokes,
:meth:`AutoSaver.warm_up` does that part as soon as the session is on
screen (the app calls it after the first frame, or once a big session's
stories are in), before the consultant has read the first question; the
first real save then makes text only for what changed, as every other does.

The interview clock changes the session every second (``tick``); those
changes are saved quietly, every ``CLOCK_EVERY`` seconds, without showing
*unsaved* in the header: a crash loses at most that much clock time, never
an answer.

One write runs at a time. A failed write (disk full, read-only folder,
locked file) leaves the last good file as it was (the core's atomic write
guarantees that), is reported through ``on_state`` and is retried with a
growing delay until it succeeds.
"""

from __future__ import annotations

import gc
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from elicit.core.findings import ElicitError
from elicit.core.session import OpenSession, PreparedSave

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

SAVED = "saved"
PENDING = "pending"
SAVING = "saving"
FAILED = "failed"

QUIET = 0.25
LONGEST = 0.8
RETRY_FIRST = 1.0
RETRY_LONGEST = 10.0
CLOCK_EVERY = 10.0
SWEEP_AFTER = 5.0
"""Seconds without a change after which the objects frozen after saves are collected once."""
COMPARE_EVERY = 10
"""Every story is compared with its copy at least once in this many saves (a share of them at each save that
trusts the service's stories_revision for the rest)."""
CLOCK = "clock"
"""What the service says when only the interview clock moved."""

StateListener = Callable[[str, str], None]
"""Called on the UI thread with the new state and, for failures, the reason."""


class AutoSaver:
    """Keeps one open session saved; lives on the app, runs its writes in a worker."""

    def __init__(self, app: App, opened: OpenSession, on_state: StateListener | None = None) -> None:
        self.app = app
        self.opened = opened
        self.on_state = on_state
        self.state = SAVED
        self.saves = 0
        self._write_lock = threading.Lock()
        self._disk_revision = opened.service.revision  # changed only while holding _write_lock
        self._user_revision = opened.service.revision  # the last change that was not the clock
        self._clock_timer = False
        self._first_unsaved: float | None = None
        self._last_change = 0.0
        self._timer: Timer | None = None
        self._sweep: Timer | None = None
        self._writing = False
        self._retry_delay = RETRY_FIRST
        self._closed = False
        self._stories_prepared: int | None = None  # the service's stories_revision at the last prepare
        self._trusted = 0  # prepares since the last one that compared every story (which share is next)
        opened.service.subscribe(self._changed)

    @property
    def dirty(self) -> bool:
        """Whether some change has not reached the disk yet."""
        return self.opened.service.revision != self._disk_revision

    @property
    def user_dirty(self) -> bool:
        """Whether a change other than the clock has not reached the disk yet."""
        return self._user_revision > self._disk_revision

    # scheduling (UI thread)

    def _changed(self, what: str) -> None:
        if self._closed:
            return
        if what == CLOCK:
            if self._timer is None and not self._writing:
                self._schedule(CLOCK_EVERY, clock=True)
            return
        self._user_revision = self.opened.service.revision
        self._stop_sweep()
        if self._clock_timer and self._timer is not None:
            self._timer.stop()
            self._timer = None
        now = time.monotonic()
        self._last_change = now
        if self._first_unsaved is None:
            self._first_unsaved = now
        if self.state != FAILED:
            self._set_state(PENDING)
        if self._timer is None and not self._writing:
            self._schedule(QUIET)

    def _due(self) -> float:
        """Seconds until the save is due: QUIET after the last change, at most LONGEST after the first."""
        first = self._first_unsaved if self._first_unsaved is not None else self._last_change
        return max(0.0, min(self._last_change + QUIET, first + LONGEST) - time.monotonic())

    def _schedule(self, delay: float, *, clock: bool = False) -> None:
        # One timer at a time: typing only moves a time stamp, it does not make timers.
        if self._timer is not None:
            self._timer.stop()
        self._clock_timer = clock
        self._timer = self.app.set_timer(max(0.01, delay), self._start_write, name="autosave")

    def _start_write(self) -> None:
        self._timer = None
        if self._closed or self._writing or not self.dirty:
            return
        wait = self._due() if self.state != FAILED and self.user_dirty else 0.0
        if wait > 0.005:
            self._schedule(wait)
            return
        revision = self.opened.service.revision
        with _no_collections():
            copy = self._prepare()
        gc.freeze()  # the copies live until the next save: no collection need walk them
        self._writing = True
        if self.user_dirty or self.state == FAILED:
            self._set_state(SAVING)
        self.app.run_worker(lambda: self._write(copy, revision), name="autosave", group="autosave", thread=True, exit_on_error=False)

    def warm_up(self) -> None:
        """Make the text of the whole session now, in the worker, so that the first save is a small one (see above)."""
        if self._closed or self._writing or self.opened.loading:
            return
        with _no_collections():
            copy = self._prepare()
        gc.freeze()  # the session and its copies live on: collections while typing need not walk them
        self._writing = True  # one write at a time: a change meanwhile is saved when this is done
        self.app.run_worker(lambda: self._warm(copy), name="autosave-warm-up", group="autosave", thread=True, exit_on_error=False)

    def _prepare(self) -> PreparedSave:
        """Copy what changed since the last save. While only answers change (typing), the stories are not
        compared again (6-7 ms for 5,000 on the thread that handles the keys): the session service, the one
        place that changes them, says whether it did (``stories_revision``). Each of those saves still compares
        a share of them, the next 1/COMPARE_EVERY of the list in turn, so that every story is compared at
        least once every COMPARE_EVERY saves (a whole comparison every COMPARE_EVERY-th save put 7-9 ms on
        one keystroke, the worst of 300)."""
        stories = self.opened.service.stories_revision
        trust = stories == self._stories_prepared
        check = None
        if trust:
            count = len(self.opened.session.stories)
            share = -(-count // COMPARE_EVERY)  # rounded up: COMPARE_EVERY shares cover the list
            start = self._trusted % COMPARE_EVERY * share
            check = range(start, min(count, start + share))
        copy = self.opened.store.prepare(self.opened.session, stories_unchanged=trust, check=check)
        self._trusted = self._trusted + 1 if trust else 0
        self._stories_prepared = stories
        return copy

    # the worker thread

    def _warm(self, copy: PreparedSave) -> None:
        try:
            with self._write_lock, _short_turns():
                self.opened.store.warm_up(copy, pause=_let_others_run)
        except Exception:  # nothing was written; the first save makes it all and reports what fails
            pass
        try:
            self.app.call_from_thread(self._warmed)
        except RuntimeError:
            pass  # the app has stopped


    def _write(self, copy: PreparedSave, revision: int) -> None:
        try:
            with self._write_lock:
                # A flush may have written a newer revision meanwhile: never put an older one over it.
                warning = None
                if revision > self._disk_revision:
                    with _short_turns():
                        warning = self.opened.store.save(copy, pause=_let_others_run)
                    self._disk_revision = revision
        except ElicitError as error:
            self._report(self._failed, revision, str(error))
        except Exception as error:  # an unexpected failure must still be shown, never lose the session
            self._report(self._failed, revision, f"could not save: {error}")
        else:
            self._report(self._written, revision, warning or "")

    def _report(self, callback: Callable[[int, str], None], revision: int, message: str) -> None:
        try:
            self.app.call_from_thread(callback, revision, message)
        except RuntimeError:
            pass  # the app has stopped; flush() reports instead

    # results (UI thread)

    def _written(self, revision: int, warning: str = "") -> None:
        self._writing = False
        self.saves += 1
        if not self._closed:  # a write that ends after the app closed must not keep its objects from the collector
            gc.freeze()  # what lives now stays: later collections, while typing, need not walk it
        self._warn(warning)
        self._retry_delay = RETRY_FIRST
        if self.user_dirty:
            self._first_unsaved = time.monotonic()
            self._set_state(PENDING)
            self._schedule(QUIET)
        elif self.dirty:
            self._first_unsaved = None
            self._set_state(SAVED)
            self._schedule(CLOCK_EVERY, clock=True)
        else:
            self._first_unsaved = None
            self._set_state(SAVED)
        if not self.user_dirty and not self._closed:
            self._stop_sweep()
            self._sweep = self.app.set_timer(SWEEP_AFTER, self._sweep_now, name="autosave-sweep")

    def _warmed(self) -> None:
        self._writing = False
        if self._closed:
            return
        gc.freeze()
        if self.user_dirty:
            self._schedule(self._due())
        elif self.dirty:
            self._schedule(CLOCK_EVERY, clock=True)

    def _stop_sweep(self) -> None:
        if self._sweep is not None:
            self._sweep.stop()
            self._sweep = None

    def _sweep_now(self) -> None:
        """Typing has stopped: collect what the objects frozen after saves have left as garbage, then freeze again."""
        self._sweep = None
        gc.unfreeze()
        gc.collect()
        if not self._closed:
            gc.freeze()

    def _failed(self, _revision: int, message: str) -> None:
        self._writing = False
        self._set_state(FAILED, message)
        if not self._closed:
            self._schedule(self._retry_delay)
            self._retry_delay = min(RETRY_LONGEST, self._retry_delay * 2)

    def _warn(self, warning: str | None) -> None:
        """Show what a save that worked wants known (saved without a backup)."""
        if warning and not self._closed:
            self.app.notify(warning, title="Saved, but", severity="warning", timeout=15)

    def _set_state(self, state: str, detail: str = "") -> None:
        changed = state != self.state or detail
        self.state = state
        if changed and self.on_state is not None:
            self.on_state(state, detail)

    # now, on the UI thread

    def flush(self) -> str | None:
        """Write any unsaved change now (waiting for a running write); return the error, or None."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        with self._write_lock:
            if not self.dirty:
                return None
            revision = self.opened.service.revision
            try:
                warning = self.opened.store.save(self.opened.session)
            except ElicitError as error:
                message = str(error)
                self._set_state(FAILED, message)
                return message
            self._disk_revision = revision
        self._warn(warning)
        self._first_unsaved = None
        self._retry_delay = RETRY_FIRST
        self._set_state(SAVED)
        return None

    def close(self) -> None:
        """Stop saving (call after the last flush)."""
        self._closed = True
        self._stop_sweep()
        gc.unfreeze()  # the app's objects become collectable again once it is gone
        if self._timer is not None:
            self._timer.stop()
            self._timer = None


def _let_others_run() -> None:
    """Give the GIL away for a moment, so that the UI thread handles a waiting keystroke now."""
    time.sleep(0)


@contextmanager
def _no_collections() -> Iterator[None]:
    """No garbage collection while the save is prepared: what it makes lives on (the copies of the changed records;
    all of them the first time, thousands of objects that would set off collection after collection)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


SAVE_TURN = 0.0005
"""Seconds the save thread may hold the GIL while the UI thread waits for it (Python's default is 0.005)."""


@contextmanager
def _short_turns() -> Iterator[None]:
    """While saving, the UI thread waits at most SAVE_TURN for the GIL, not Python's 5 ms, each time it asks."""
    previous = sys.getswitchinterval()
    sys.setswitchinterval(min(previous, SAVE_TURN))
    try:
        yield
    finally:
        sys.setswitchinterval(previous)
