"""The session file format (``*.elicit.toml``): session <-> TOML data.

Reading is strict: a key this version does not know (perhaps written by a
newer elicit) is refused with a clear message rather than silently dropped,
so that saving can never lose it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .findings import FindingsError
from .models import Answer, Session
from .record_reader import ANSWER_KEYS, ASSUMPTION_KEYS, DECISION_KEYS, META_KEYS, OPEN_QUESTION_KEYS, STORY_KEYS, RecordReader
from .tomlsource import TomlDocument, read_document, text_document

SCHEMA = "elicit.session/1"
SCHEMA_PREFIX = "elicit.session/"
SCHEMA_VERSION = 1
SUFFIX = ".elicit.toml"

_TOP_TABLES = ("participants", "banks", "answers", "stories", "open_questions", "decisions", "assumptions", "glossary")
TOP_KEYS = ("schema",) + META_KEYS + _TOP_TABLES


# Writing ----------------------------------------------------------------------------


def session_to_data(session: Session) -> dict[str, Any]:
    """The TOML-ready data for a session (empty values left out)."""
    data: dict[str, Any] = {"schema": SCHEMA}
    for name in META_KEYS:
        _put(data, name, getattr(session, name))
    data["participants"] = [_table(p, ("name", "role"), keep=("name",)) for p in session.participants]
    data["banks"] = [_table(b, ("id", "version", "hash", "path"), keep=("id",)) for b in session.banks]
    data["answers"] = {question_id: _answer_table(answer) for question_id, answer in session.answers.items()}
    data["stories"] = [_table(story, STORY_KEYS, keep=("id", "role", "want", "priority", "status")) for story in session.stories]
    data["open_questions"] = [_table(item, OPEN_QUESTION_KEYS, keep=("id", "text", "status")) for item in session.open_questions]
    data["decisions"] = [_table(item, DECISION_KEYS, keep=("id", "text")) for item in session.decisions]
    data["assumptions"] = [_table(item, ASSUMPTION_KEYS, keep=("id", "text")) for item in session.assumptions]
    data["glossary"] = [_table(item, ("term", "definition"), keep=("term",)) for item in session.glossary]
    return {key: value for key, value in data.items() if value not in ([], {})}


def dumps_session(session: Session) -> str:
    """The session as TOML text."""
    import tomli_w

    data = session_to_data(session)
    # Multi-line strings read better in git, but TOML folds "\r\n" in them.
    multiline = not _has_carriage_return(data)
    return tomli_w.dumps(data, multiline_strings=multiline)


def _put(data: dict[str, Any], name: str, value: Any) -> None:
    if value not in (None, "", [], {}):
        data[name] = value


def _table(item: Any, names: tuple[str, ...], keep: tuple[str, ...]) -> dict[str, Any]:
    """The item's fields as a table; fields in ``keep`` are written even when empty."""
    table: dict[str, Any] = {}
    for name in names:
        value = getattr(item, name)
        if name in keep:
            table[name] = value
        else:
            _put(table, name, value)
    return table


def _answer_table(answer: Answer) -> dict[str, Any]:
    """An answer's table; an empty value ("" or []) is kept, only None is left out."""
    table = _table(answer, ("notes", "status", "answered_at", "updated_at"), keep=("status",))
    if answer.value is not None:
        table = {"value": answer.value, **table}
    return table


def _has_carriage_return(value: Any) -> bool:
    if isinstance(value, str):
        return "\r" in value
    if isinstance(value, dict):
        return any(_has_carriage_return(k) or _has_carriage_return(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_carriage_return(item) for item in value)
    return False


# Reading -----------------------------------------------------------------------------


def read_session(path: Path) -> Session:
    """Read and check a session file; raise FindingsError on any problem."""
    return session_from_document(read_document(path))


def loads_session(text: str, name: str = "<session>") -> Session:
    """Parse session TOML text (used by tests and imports)."""
    return session_from_document(text_document(text, name))


def session_from_document(document: TomlDocument) -> Session:
    """Build a session from parsed TOML, checking every key and type."""
    reader = _Reader(document)
    session = reader.session()
    if reader.findings:
        raise FindingsError(reader.findings)
    return session


class _Reader(RecordReader):
    def session(self) -> Session:
        data = self.document.data
        schema = data.get("schema")
        if schema is None:
            self.add(
                "missing-key",
                "schema",
                "missing 'schema': this does not look like an elicit session",
                f'a session file starts with schema = "{SCHEMA}"',
            )
            return Session(title="")
        if not isinstance(schema, str) or not schema.startswith(SCHEMA_PREFIX):
            self.add("bad-schema", "schema", f"schema {schema!r} is not an elicit session schema", f'expected "{SCHEMA}"')
            return Session(title="")
        version = schema[len(SCHEMA_PREFIX) :]
        if version != str(SCHEMA_VERSION):
            newer = version.isdigit() and int(version) > SCHEMA_VERSION
            hint = "upgrade elicit to open it" if newer else f'expected "{SCHEMA}"'
            self.add(
                "newer-schema" if newer else "bad-schema",
                "schema",
                f"this file uses schema '{schema}', which this elicit cannot read",
                hint,
            )
            return Session(title="")
        self.keys(data, TOP_KEYS, "")
        session = self.meta(data)
        self.records(data, session)
        session.answers = self.answers(data)
        return session

    def answers(self, data: dict[str, Any]) -> dict[str, Answer]:
        raw = data.get("answers", {})
        if not isinstance(raw, dict):
            self.add("wrong-type", "answers", "'answers' must be a table of answers by question id", '[answers."bank.section.question"]')
            return {}
        answers: dict[str, Answer] = {}
        for question_id, table in raw.items():
            key = f'answers."{question_id}"' if "." in question_id else f"answers.{question_id}"
            if not isinstance(table, dict):
                self.add("wrong-type", key, "an answer must be a table", "write value = ..., status = ... under it")
                continue
            self.keys(table, ANSWER_KEYS, key)
            answers[question_id] = self.answer(key, table)
        return answers
