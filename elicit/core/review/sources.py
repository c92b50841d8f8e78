"""The two sides of a diff: a session file, a TOML spec, or a round of a session (``SESSION@N``, ``SESSION@last``)."""

from __future__ import annotations

from pathlib import Path

from elicit.core.files.toml_source import read_document
from elicit.core.findings import ElicitError
from elicit.core.review.diff import State
from elicit.core.session.file_format import SCHEMA_PREFIX, session_from_document
from elicit.core.session.models import Round, Session
from elicit.core.spec.importer import session_from_spec_document


def load_state(name: str) -> State:
    """The state named on the command line; ElicitError or FindingsError when it cannot be read."""
    path, round_name = _split(name)
    document = read_document(path)
    schema = document.data.get("schema")
    if isinstance(schema, str) and schema.startswith(SCHEMA_PREFIX):
        session = session_from_document(document)
    else:
        if round_name is not None:
            raise ElicitError(f"{path}: a TOML spec has no rounds; '@{round_name}' needs a session file")
        session = session_from_spec_document(document)
    if round_name is None:
        return session_state(session, str(path))
    return round_state(pick_round(session, round_name, path), str(path))


def session_state(session: Session, label: str) -> State:
    """A session as it stands now."""
    return State(label, session.stories, session.decisions, session.open_questions, session.assumptions, session.proposals, session.glossary)


def round_state(frozen: Round, label: str) -> State:
    """A round as it was sent."""
    return State(
        f"{label}@{frozen.number}",
        frozen.stories,
        frozen.decisions,
        frozen.open_questions,
        frozen.assumptions,
        frozen.proposals,
        frozen.glossary,
        round_number=frozen.number,
    )


def pick_round(session: Session, name: str, path: Path) -> Round:
    """Round ``name`` (a number, or ``last``) of a session."""
    if not session.rounds:
        raise ElicitError(f"{path}: no round recorded yet; record one with 'elicit round {path}'")
    if name == "last":
        return session.rounds[-1]
    numbers = ", ".join(str(item.number) for item in session.rounds)
    if not (name.isascii() and name.isdigit()):
        raise ElicitError(f"{path}: '@{name}' is not a round; use a round number ({numbers}) or @last")
    for item in session.rounds:
        if item.number == int(name):
            return item
    raise ElicitError(f"{path}: no round {name}; its rounds are {numbers}")


def _split(name: str) -> tuple[Path, str | None]:
    """``file@3`` -> (file, "3"); a file whose own name holds '@' stays whole."""
    path = Path(name)
    if path.exists() or "@" not in name:
        return path, None
    head, _, tail = name.rpartition("@")
    return Path(head), tail
