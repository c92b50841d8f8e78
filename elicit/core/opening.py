"""Opening a session for an interview: lock, read, load its banks, wire the service."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .catalog import BankCatalog
from .engine import Interview, banks_for_session
from .models import Session
from .service import SessionService
from .storage import SessionStore


@dataclass
class OpenSession:
    """Everything a front end needs to run an interview on one file."""

    path: Path
    store: SessionStore
    session: Session
    interview: Interview
    service: SessionService
    notes: list[str] = field(default_factory=list)

    def save(self) -> None:
        """Save the session now (atomic, keeps .bak)."""
        self.store.save(self.session)

    def close(self) -> None:
        """Release the lock."""
        self.store.close()


def open_session(path: Path, command: str = "elicit", catalog: BankCatalog | None = None) -> OpenSession:
    """Lock and read a session and load its banks; raise ElicitError or FindingsError."""
    store, session = SessionStore.open(path, command=command)
    try:
        banks, notes = banks_for_session(session, catalog or BankCatalog.default(), path.parent)
    except BaseException:
        store.close()
        raise
    if store.note:
        notes.insert(0, store.note)
    interview = Interview(session, banks)
    return OpenSession(path, store, session, interview, SessionService(session, interview), notes)
