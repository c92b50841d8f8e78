"""Creating a session file, and opening one for an interview: lock, read, load its banks, wire the service."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from elicit.core.banks.catalog import BankCatalog
from elicit.core.banks.models import Bank
from elicit.core.findings import ElicitError
from elicit.core.session.engine import Interview, banks_for_session
from elicit.core.session.models import BankRef, Participant, Session
from elicit.core.session.service import SessionService, now
from elicit.core.session.storage import SessionStore

if TYPE_CHECKING:
    from elicit.core.session.staged import SessionTail


@dataclass
class OpenSession:
    """Everything a front end needs to run an interview on one file."""

    path: Path
    store: SessionStore
    session: Session
    interview: Interview
    service: SessionService
    notes: list[str] = field(default_factory=list)
    tail: SessionTail | None = None
    """Opened staged: the stories and what follows them, still to read (:meth:`finish_loading`); None once read."""
    warnings: list[str] = field(default_factory=list)
    """What the file holds that the user should check (an answer that does not fit its question)."""
    head_only: bool = False
    """Opened for changes to the head only (``open_session(head_only=True)``): :meth:`save` keeps the tail's text."""

    @property
    def loading(self) -> bool:
        """Whether the session's stories (and follow-ups, rounds, proposals) are still to be read: nothing saves meanwhile."""
        return self.tail is not None

    def read_tail(self) -> None:
        """Read the stories (any thread; slow for a big file); raise FindingsError as opening the whole file would."""
        if self.tail is not None:
            self.tail.read()

    def finish_loading(self) -> None:
        """Put the stories into the session (on the thread that owns it; reads them first if no worker did); raise FindingsError.

        After a FindingsError the session stays as it is, unsaved, and saving stays refused: the file on disk is intact.
        """
        tail = self.tail
        if tail is None:
            return
        tail.fill(self.session)
        self.tail = None
        self.store.incomplete = False

    def save(self) -> str | None:
        """Save the session now (atomic, keeps .bak); return a warning to show, if any (saved without a backup)."""
        if self.head_only:
            return self.store.save_head(self.session, self.tail, head_only=self.service.stories_revision == 0)
        return self.store.save(self.session)

    def close(self) -> None:
        """Release the lock."""
        self.store.close()


def open_session(
    path: Path,
    command: str = "elicit",
    catalog: BankCatalog | None = None,
    *,
    saves_once: bool = False,
    staged: bool = False,
    head_only: bool = False,
) -> OpenSession:
    """Lock and read a session and load its banks; raise ElicitError or FindingsError.

    ``saves_once``: the caller saves at most once (a command-line command), so no TOML is kept for a next save.
    ``staged``: the stories may be left for later (the app shows the first question first): see
    :attr:`OpenSession.loading` and :meth:`OpenSession.finish_loading`; nothing is saved until then.
    ``head_only``: a command that saves once and changes answers only (``elicit answer``): a file this
    elicit wrote is read up to its stories, which are saved again as the text they were
    (:meth:`SessionStore.open_head`); the file saved is the one a full save writes.
    """
    if head_only:
        store, session, tail = SessionStore.open_head(path, command=command)
        saves_once = True
    elif staged:
        store, session, tail = SessionStore.open_staged(path, command=command)
    else:
        (store, session), tail = SessionStore.open(path, command=command, saves_once=saves_once), None
    try:
        banks, notes = banks_for_session(session, catalog or BankCatalog.default(), path.parent)
    except BaseException:
        store.close()
        raise
    if store.note:
        notes.insert(0, store.note)
    interview = Interview(session, banks)
    warnings = interview.answer_notes(most=None if saves_once else 3)
    service = SessionService(session, interview)
    return OpenSession(path, store, session, interview, service, notes, tail=tail, warnings=warnings, head_only=head_only)


def create_session(
    path: Path,
    banks: list[Bank],
    bank_paths: list[str],
    *,
    title: str,
    client: str = "",
    project: str = "",
    interviewer: str = "",
    participants: list[Participant] | None = None,
    target_minutes: int | None = None,
    command: str = "elicit",
) -> Interview:
    """Write a new session file on ``banks`` (never overwriting) and return its interview.

    ``bank_paths`` says, bank by bank, which file to record for a bank that
    may not be found by id later ("" for none). ``target_minutes`` is the
    planned length; without it, the sum of the banks' section budgets.
    """
    if target_minutes is not None and (isinstance(target_minutes, bool) or target_minutes < 1):
        raise ElicitError(f"the target length is a whole number of minutes, 1 or more, not {target_minutes}")
    session = Session(
        title=title,
        client=client,
        project=project,
        interviewer=interviewer,
        started_at=now(),
        participants=list(participants or []),
        banks=[BankRef(bank.id, bank.version, bank.content_hash, recorded) for bank, recorded in zip(banks, bank_paths, strict=True)],
    )
    interview = Interview(session, banks)
    from elicit.core.session.summary import budget_minutes  # only a new session needs it: 'elicit answer' never loads summary

    session.target_minutes = target_minutes if target_minutes is not None else budget_minutes(interview)
    first = interview.current
    session.current = first.id if first else ""
    SessionStore.create(path, session, command=command).close()
    return interview
