"""A session file opened for writing: locked, read, saved atomically."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from elicit.core.files.atomic import BackupBlockedError, is_read_only, remove_leftover_temporaries, write_atomic
from elicit.core.findings import ElicitError
from elicit.core.session.file_format import SUFFIX, dumps_session, read_session
from elicit.core.session.locking import SessionLock
from elicit.core.session.models import Session

if TYPE_CHECKING:
    from elicit.core.session.fragments import PreparedSave, SessionWriter
    from elicit.core.session.staged import SessionTail


class SessionStore:
    """Holds the lock on a session file and saves the session to it."""

    def __init__(self, path: Path, lock: SessionLock, *, saves_once: bool = False):
        self.path = path
        self.lock = lock
        self._leftovers_checked = False
        # Keeps the TOML of what did not change, so saving again is quick. A command that saves once (``elicit
        # answer``) writes the whole file in one go instead: a first save through the writer costs it 2-3 times more.
        self._writer = None if saves_once else _writer()
        self._warned = ""
        self._marks = False
        """Whether a save marks the file as written whole from a session read whole (:mod:`written`): see :meth:`open_head`."""
        self.incomplete = False
        """Set while the session in memory lacks part of the file (its stories, still loading): saving is refused."""

    @property
    def note(self) -> str | None:
        """A note for the user from opening (a stale lock taken over)."""
        return self.lock.note

    @classmethod
    def open(cls, path: Path, command: str = "elicit", *, saves_once: bool = False) -> tuple[SessionStore, Session]:
        """Lock and read an existing session file (``saves_once``: for a command that saves at most once)."""
        store, session, _ = cls._open(path, command, saves_once=saves_once, staged=False)
        return store, session

    @classmethod
    def open_staged(cls, path: Path, command: str = "elicit") -> tuple[SessionStore, Session, SessionTail | None]:
        """Lock and read a session file, its stories left for later when the file allows (:mod:`staged`).

        With a tail to read, the store refuses to save (``incomplete``) until
        :meth:`SessionTail.fill` has put it in and ``incomplete`` is cleared:
        a session without its stories never reaches the disk.
        """
        return cls._open(path, command, saves_once=False, staged=True)

    @classmethod
    def open_head(cls, path: Path, command: str = "elicit") -> tuple[SessionStore, Session, SessionTail | None]:
        """Lock and read a session file for a command that changes its head only (an answer) and saves once.

        A file this elicit wrote whole (:func:`written.is_marked`) is read up to
        its stories (:mod:`staged`); the tail returned is kept as text for
        :meth:`save_head`. Any other file is read whole (tail None), exactly
        as :meth:`open` reads it. Either way the save marks the file, so that
        the next such command reads only its head.
        """
        return cls._open(path, command, saves_once=True, staged=True, head_only=True)

    def save_head(self, session: Session, tail: SessionTail | None, *, head_only: bool) -> str | None:
        """Save a session opened by :meth:`open_head`; return a warning to show, if any.

        ``head_only``: every change kept to the head (answers, the current
        question, the clock). Then the file is the one a full save writes: the
        session's head written in full, then the tail's text as read
        (:meth:`SessionTail.joined`), or, where that would not be exact, the
        tail read and everything written; and the file is marked. Otherwise
        (a change that may touch the tail) nothing is saved: the session in
        memory lacks the tail, and its change cannot be told apart from it.
        """
        if tail is not None and not head_only:
            raise ElicitError(f"{self.path}: not saved: a change beyond the answers was made on a session read in part; the file is intact")
        self._marks = head_only
        if tail is None:
            return self.save(session)
        text = tail.joined(dumps_session(session))
        if text is None:
            tail.fill(session)
            self.incomplete = False
            text = dumps_session(session)
        return self._write(text)

    @classmethod
    def _open(
        cls, path: Path, command: str, *, saves_once: bool, staged: bool, head_only: bool = False
    ) -> tuple[SessionStore, Session, SessionTail | None]:
        lock = SessionLock(path, command)
        if not path.exists():
            raise ElicitError(f"{path}: no such session file; create one with 'elicit new {path} --bank discovery'")
        if is_read_only(path):
            raise ElicitError(
                f"{path}: the session file is read-only, so elicit cannot save changes to it; "
                f"make it writable (chmod u+w {path}) or read it with 'elicit summary {path}'"
            )
        lock.acquire()
        tail = None
        try:
            if staged:
                from elicit.core.session.staged import read_staged
                from elicit.core.session.written import is_marked

                session, tail = read_staged(path, only_if=functools.partial(is_marked, path) if head_only else None)
            else:
                session = read_session(path)
        except BaseException:
            lock.release()
            raise
        store = cls(path, lock, saves_once=saves_once)
        store.incomplete = tail is not None
        return store, session, tail

    @classmethod
    def create(cls, path: Path, session: Session, command: str = "elicit") -> SessionStore:
        """Write a new session file; refuse to overwrite an existing one."""
        if path.exists():
            raise ElicitError(f"{path} already exists; choose another name (elicit never overwrites a session)")
        if not path.parent.is_dir():
            raise ElicitError(f"{path.parent}: no such folder; create it first")
        lock = SessionLock(path, command).acquire()
        store = cls(path, lock)
        try:
            if path.exists():
                raise ElicitError(f"{path} already exists; choose another name (elicit never overwrites a session)")
            store.save(session)
        except BaseException:
            lock.release()
            raise
        return store

    def prepare(self, session: Session, *, stories_unchanged: bool = False, check: range | None = None) -> PreparedSave:
        """The part of a save that must see the session (on the thread that changes it): what changed, copied.

        Hand the result to :meth:`save` on another thread: it shares nothing mutable with ``session``.
        ``stories_unchanged``: no story changed since the last prepare; ``check``: the positions of the stories
        compared all the same (see :meth:`SessionWriter.prepare`).
        """
        if self._writer is None:
            self._writer = _writer()
        return self._writer.prepare(session, stories_unchanged=stories_unchanged, check=check)

    def warm_up(self, prepared: PreparedSave, pause: Callable[[], None] | None = None) -> None:
        """Make the text of every answer and story of ``prepared`` now, without writing anything (any thread).

        The next :meth:`save` then makes TOML only for what changed since
        ``prepared`` was made: the app does this right after a session opens,
        so the first save while the consultant types is as small as the others.
        """
        self._prepared_writer().render(prepared, pause)

    def save(self, session: Session | PreparedSave, pause: Callable[[], None] | None = None) -> str | None:
        """Write the session atomically, keeping the previous file as .bak; return a warning to show, if any.

        ``session`` is the session itself or what :meth:`prepare` made of it.
        The text is made by a :class:`SessionWriter`, which reuses the TOML of
        the answers and stories that did not change since the last save;
        ``pause`` is called now and then while it works (a thread passes
        ``time.sleep(0)`` so that the UI thread gets its turn).

        Through a symbolic link, the file it points to is saved and the link
        stays. Hidden temporary files left by an earlier save that was cut
        short (a kill, a power cut) are removed after the first save that succeeds.

        When a folder has the backup's name the session is still saved (the
        interview matters more than its previous version), without a backup;
        the warning saying so is returned by the first such save, and again
        only after a save that kept its backup.
        """
        if self.incomplete:
            raise ElicitError(f"{self.path}: not saved: the session's stories are still loading; the file is intact")
        if not isinstance(session, Session):  # a PreparedSave
            text = self._prepared_writer().render(session, pause)
        elif self._writer is None:
            text = dumps_session(session)
        else:
            text = self._writer.dumps(session, pause)
        return self._write(text)

    def _write(self, text: str) -> str | None:
        data = text.encode("utf-8")
        warning = ""
        try:
            try:
                write_atomic(self.path, data)
            except BackupBlockedError as blocked:
                write_atomic(self.path, data, keep_backup=False)
                warning = f"{self.path}: saved without a backup: {blocked.advice()}"
        except OSError as exc:
            raise ElicitError(f"{self.path}: could not save: {exc.strerror or exc}; the last saved version is intact") from None
        if self._marks:
            from elicit.core.session.written import mark

            mark(self.path, data)
        try:
            self.lock.follow()
        except ElicitError:
            pass  # the new file is ours alone; the lock file still guards it
        if not self._leftovers_checked:
            self._leftovers_checked = True
            remove_leftover_temporaries(self.path)
        new_warning = warning if warning != self._warned else None
        self._warned = warning
        return new_warning or None

    def _prepared_writer(self) -> SessionWriter:
        if self._writer is None:
            raise ValueError("save a PreparedSave only from this store's own prepare()")
        return self._writer

    def close(self) -> None:
        """Release the lock."""
        self.lock.release()


def _writer() -> SessionWriter:
    """A writer that keeps the TOML of what did not change; loaded only by a store that saves more than once."""
    from elicit.core.session.fragments import SessionWriter

    return SessionWriter()


def session_path(text: str) -> Path:
    """A session path from the user's argument, adding ``.elicit.toml`` if it has no .toml suffix."""
    path = Path(text).expanduser()
    if path.name and not path.name.endswith(".toml"):
        path = path.with_name(path.name + SUFFIX)
    return path


def existing_session_path(text: str) -> Path:
    """The session file the user means by ``text`` (``x`` finds ``x.elicit.toml``); raise ElicitError naming what they typed.

    A file that exists but is not a session (``stories.txt``) is refused as
    such, never reported as a missing ``stories.txt.elicit.toml``.
    """
    typed = Path(text).expanduser()
    if typed.is_dir():
        raise ElicitError(f"{text} is a folder, not a session file (sessions are *{SUFFIX} files)")
    if typed.is_file():
        if typed.name.endswith(".toml"):
            return typed
        raise ElicitError(
            f"{text} is not a session file (sessions are *{SUFFIX} files); to add the stories in it to a session: "
            f"'elicit import-stories SESSION {text}'"
        )
    path = session_path(text)
    if path.is_file():
        return path
    raise ElicitError(f"{text}: no such session file; create one with 'elicit new {text} --bank discovery'")
