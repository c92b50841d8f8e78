"""The session file format (``*.elicit.toml``): session <-> TOML data.

Reading is strict: a key this version does not know (perhaps written by a
newer elicit) is refused with a clear message rather than silently dropped,
so that saving can never lose it.
"""

from __future__ import annotations

import tomllib
from datetime import datetime
from pathlib import Path
from typing import Any

from .findings import Finding, FindingsError, did_you_mean
from .models import (
    ANSWER_STATUSES,
    OPEN_QUESTION_STATUSES,
    PRIORITIES,
    STORY_STATUSES,
    Answer,
    Assumption,
    BankRef,
    Decision,
    GlossaryTerm,
    OpenQuestion,
    Participant,
    Session,
    Story,
)
from .tomlsource import TomlDocument, parse_toml, syntax_finding

SCHEMA = "elicit.session/1"
SCHEMA_PREFIX = "elicit.session/"
SCHEMA_VERSION = 1
SUFFIX = ".elicit.toml"

_META = ("title", "client", "project", "interviewer", "started_at", "ended_at", "current")
_TOP_TABLES = ("participants", "banks", "answers", "stories", "open_questions", "decisions", "assumptions", "glossary")
TOP_KEYS = ("schema",) + _META + _TOP_TABLES
_STORY_KEYS = ("id", "role", "want", "so_that", "priority", "acceptance", "quote", "source", "tags", "status", "created_at", "updated_at")
_OPEN_QUESTION_KEYS = ("id", "text", "owner", "status", "resolution", "source")
_DECISION_KEYS = ("id", "text", "rationale", "decided_by", "source")
_ASSUMPTION_KEYS = ("id", "text", "rationale", "source")


# Writing ----------------------------------------------------------------------------


def session_to_data(session: Session) -> dict[str, Any]:
    """The TOML-ready data for a session (empty values left out)."""
    data: dict[str, Any] = {"schema": SCHEMA}
    for name in _META:
        _put(data, name, getattr(session, name))
    data["participants"] = [_table(p, ("name", "role"), keep=("name",)) for p in session.participants]
    data["banks"] = [_table(b, ("id", "version", "hash", "path"), keep=("id",)) for b in session.banks]
    data["answers"] = {question_id: _answer_table(answer) for question_id, answer in session.answers.items()}
    data["stories"] = [_table(story, _STORY_KEYS, keep=("id", "role", "want", "priority", "status")) for story in session.stories]
    data["open_questions"] = [_table(item, _OPEN_QUESTION_KEYS, keep=("id", "text", "status")) for item in session.open_questions]
    data["decisions"] = [_table(item, _DECISION_KEYS, keep=("id", "text")) for item in session.decisions]
    data["assumptions"] = [_table(item, _ASSUMPTION_KEYS, keep=("id", "text")) for item in session.assumptions]
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
    document, problem = parse_toml(path)
    if problem is not None:
        raise FindingsError([problem])
    assert document is not None
    return session_from_document(document)


def loads_session(text: str, name: str = "<session>") -> Session:
    """Parse session TOML text (used by tests and imports)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FindingsError([syntax_finding(name, str(exc), text)]) from None
    return session_from_document(TomlDocument(Path(name), text, data, text.encode()))


def session_from_document(document: TomlDocument) -> Session:
    """Build a session from parsed TOML, checking every key and type."""
    reader = _Reader(document)
    session = reader.session()
    if reader.findings:
        raise FindingsError(reader.findings)
    return session


class _Reader:
    def __init__(self, document: TomlDocument):
        self.document = document
        self.findings: list[Finding] = []

    def add(self, code: str, key: str, message: str, hint: str) -> None:
        self.findings.append(Finding(code, message, str(self.document.path), self.document.line_of(key) or 1, key, hint))

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
        session = Session(
            title=self.string(data, "title", ""),
            client=self.string(data, "client", ""),
            project=self.string(data, "project", ""),
            interviewer=self.string(data, "interviewer", ""),
            started_at=self.when(data, "started_at", ""),
            ended_at=self.when(data, "ended_at", ""),
            current=self.string(data, "current", ""),
        )
        session.participants = [
            Participant(self.string(t, "name", k, required=True), self.string(t, "role", k))
            for k, t in self.tables(data, "participants", ("name", "role"))
        ]
        session.banks = [
            BankRef(
                self.string(t, "id", k, required=True), self.string(t, "version", k), self.string(t, "hash", k), self.string(t, "path", k)
            )
            for k, t in self.tables(data, "banks", ("id", "version", "hash", "path"))
        ]
        session.answers = self.answers(data)
        session.stories = [self.story(k, t) for k, t in self.tables(data, "stories", _STORY_KEYS)]
        session.open_questions = [
            OpenQuestion(
                self.string(t, "id", k, required=True),
                self.string(t, "text", k, required=True),
                self.string(t, "owner", k),
                self.choice(t, "status", k, OPEN_QUESTION_STATUSES, "open"),
                self.string(t, "resolution", k),
                self.strings(t, "source", k),
            )
            for k, t in self.tables(data, "open_questions", _OPEN_QUESTION_KEYS)
        ]
        session.decisions = [
            Decision(
                self.string(t, "id", k, required=True),
                self.string(t, "text", k, required=True),
                self.string(t, "rationale", k),
                self.string(t, "decided_by", k),
                self.strings(t, "source", k),
            )
            for k, t in self.tables(data, "decisions", _DECISION_KEYS)
        ]
        session.assumptions = [
            Assumption(
                self.string(t, "id", k, required=True),
                self.string(t, "text", k, required=True),
                self.string(t, "rationale", k),
                self.strings(t, "source", k),
            )
            for k, t in self.tables(data, "assumptions", _ASSUMPTION_KEYS)
        ]
        session.glossary = [
            GlossaryTerm(self.string(t, "term", k, required=True), self.string(t, "definition", k))
            for k, t in self.tables(data, "glossary", ("term", "definition"))
        ]
        self.unique([s.id for s in session.stories], "stories", "story")
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
            self.keys(table, ("value", "notes", "status", "answered_at", "updated_at"), key)
            value = table.get("value")
            if value is not None and not _answer_value_ok(value):
                self.add(
                    "wrong-type", f"{key}.value", "an answer value must be text, true/false, a number or a list of text", "fix the value"
                )
                value = None
            answers[question_id] = Answer(
                value=value,
                notes=self.string(table, "notes", key),
                status=self.choice(table, "status", key, ANSWER_STATUSES, "answered"),
                answered_at=self.when(table, "answered_at", key),
                updated_at=self.when(table, "updated_at", key),
            )
        return answers

    def story(self, key: str, table: dict[str, Any]) -> Story:
        return Story(
            id=self.string(table, "id", key, required=True),
            role=self.string(table, "role", key),
            want=self.string(table, "want", key),
            so_that=self.string(table, "so_that", key),
            priority=self.choice(table, "priority", key, PRIORITIES, "should"),
            acceptance=self.strings(table, "acceptance", key),
            quote=self.string(table, "quote", key),
            source=self.strings(table, "source", key),
            tags=self.strings(table, "tags", key),
            status=self.choice(table, "status", key, STORY_STATUSES, "draft"),
            created_at=self.when(table, "created_at", key),
            updated_at=self.when(table, "updated_at", key),
        )

    # field readers

    def keys(self, table: dict[str, Any], allowed: tuple[str, ...], key: str) -> None:
        for name in table:
            if name not in allowed:
                path = f"{key}.{name}" if key else name
                close = did_you_mean(name, allowed)
                hint = (
                    f"{close} If the file comes from a newer elicit, upgrade elicit to open it"
                    if close
                    else "the file may come from a newer elicit: upgrade elicit to open it"
                )
                self.add("unknown-key", path, f"unknown key '{name}'", hint)

    def tables(self, data: dict[str, Any], name: str, allowed: tuple[str, ...]) -> list[tuple[str, dict[str, Any]]]:
        raw = data.get(name, [])
        if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
            self.add("wrong-type", name, f"'{name}' must be an array of tables", f"write each one as a [[{name}]] table")
            return []
        result = []
        for index, table in enumerate(raw):
            key = f"{name}[{index}]"
            self.keys(table, allowed, key)
            result.append((key, table))
        return result

    def string(self, table: dict[str, Any], name: str, key: str, *, required: bool = False) -> str:
        path = f"{key}.{name}" if key else name
        value = table.get(name)
        if value is None:
            if required:
                self.add("missing-key", path, f"missing '{name}'", f'add {name} = "..."')
            return ""
        if not isinstance(value, str):
            self.add("wrong-type", path, f"'{name}' must be a string", f'write {name} = "..."')
            return ""
        return value

    def strings(self, table: dict[str, Any], name: str, key: str) -> list[str]:
        value = table.get(name, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.add("wrong-type", f"{key}.{name}", f"'{name}' must be a list of strings", f'write {name} = ["..."]')
            return []
        return list(value)

    def choice(self, table: dict[str, Any], name: str, key: str, allowed: tuple[str, ...], default: str) -> str:
        value = table.get(name, default)
        if value not in allowed:
            hint = did_you_mean(str(value), allowed) or f"use one of: {', '.join(allowed)}"
            self.add("bad-value", f"{key}.{name}", f"'{name}' is {value!r}", hint)
            return default
        return value

    def when(self, table: dict[str, Any], name: str, key: str) -> datetime | None:
        value = table.get(name)
        if value is None:
            return None
        if not isinstance(value, datetime):
            self.add(
                "wrong-type",
                f"{key}.{name}" if key else name,
                f"'{name}' must be a date and time",
                f"write {name} = 2026-01-31T09:30:00+01:00 (no quotes)",
            )
            return None
        return value

    def unique(self, ids: list[str], key: str, what: str) -> None:
        seen: set[str] = set()
        for index, item in enumerate(ids):
            if item and item in seen:
                self.add("duplicate-id", f"{key}[{index}].id", f"{what} id '{item}' is used twice", "give each one its own id")
            seen.add(item)


def _answer_value_ok(value: Any) -> bool:
    if isinstance(value, (str, bool, int, float)):
        return True
    return isinstance(value, list) and all(isinstance(item, str) for item in value)
