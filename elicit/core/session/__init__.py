"""An interview session: its models, file format, storage and lock, the engine that walks it, the service that changes it."""

from elicit.core.session.answers import answer_text, format_answer, has_value, parse_answer
from elicit.core.session.engine import OPEN, Interview, Progress, banks_for_session, locate_ref
from elicit.core.session.file_format import SUFFIX, read_session
from elicit.core.session.models import (
    Answer,
    Assumption,
    BankRef,
    Decision,
    GlossaryTerm,
    OpenQuestion,
    Participant,
    Session,
    Story,
    snapshot,
)
from elicit.core.session.opening import OpenSession, create_session, open_session
from elicit.core.session.participants import parse_participant
from elicit.core.session.recent import RecentSession, forget, recent, remember
from elicit.core.session.service import SessionService
from elicit.core.session.storage import SessionStore, session_path

__all__ = [
    "OPEN",
    "SUFFIX",
    "Answer",
    "Assumption",
    "BankRef",
    "Decision",
    "GlossaryTerm",
    "Interview",
    "OpenQuestion",
    "OpenSession",
    "Participant",
    "Progress",
    "RecentSession",
    "Session",
    "SessionService",
    "SessionStore",
    "Story",
    "answer_text",
    "banks_for_session",
    "create_session",
    "forget",
    "format_answer",
    "has_value",
    "locate_ref",
    "open_session",
    "parse_answer",
    "parse_participant",
    "read_session",
    "recent",
    "remember",
    "session_path",
    "snapshot",
]
