"""Making a session from a TOML spec (``elicit import``).

The spec holds everything the session holds, so the session comes back whole:
metadata, participants, banks, every answer (from the sections' questions and
from ``other_answers``), stories, open questions, decisions, assumptions and
the glossary. What the spec adds for readers (question prompts and statuses,
the summary) is ignored. Reading is strict like the session format: unknown
keys, wrong types and repeated ids are refused with file, line and key.
"""

from __future__ import annotations

import tomllib
from datetime import datetime
from pathlib import Path
from typing import Any

from .exporters.spec_data import (
    ANSWER_KEYS,
    ASSUMPTION_KEYS,
    BANK_KEYS,
    DECISION_KEYS,
    GLOSSARY_KEYS,
    OPEN_QUESTION_KEYS,
    PARTICIPANT_KEYS,
    QUESTION_KEYS,
    SECTION_KEYS,
    SPEC_SCHEMA,
    SPEC_SCHEMA_PREFIX,
    SPEC_VERSION,
    STORY_KEYS,
    TOP_KEYS,
)
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
from .session_format import SCHEMA_PREFIX as SESSION_SCHEMA_PREFIX
from .tomlsource import TomlDocument, parse_toml, syntax_finding


def session_from_spec(path: Path) -> Session:
    """Read a TOML spec and make the session it was exported from; raise FindingsError on any problem."""
    document, problem = parse_toml(path)
    if problem is not None:
        raise FindingsError([problem])
    assert document is not None
    return session_from_spec_document(document)


def loads_spec(text: str, name: str = "<spec>") -> Session:
    """The session from TOML spec text (for tests and front ends holding the text)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FindingsError([syntax_finding(name, str(exc), text)]) from None
    return session_from_spec_document(TomlDocument(Path(name), text, data, text.encode("utf-8", "surrogatepass")))


def session_from_spec_document(document: TomlDocument) -> Session:
    """The session from a parsed spec, checking every key the import uses."""
    reader = _SpecReader(document)
    session = reader.session()
    if reader.findings:
        raise FindingsError(reader.findings)
    return session


class _SpecReader:
    def __init__(self, document: TomlDocument):
        self.document = document
        self.findings: list[Finding] = []

    def add(self, code: str, key: str, message: str, hint: str) -> None:
        self.findings.append(Finding(code, message, str(self.document.path), self.document.line_of(key) or 1, key, hint))

    def session(self) -> Session:
        data = self.document.data
        if not self.schema_ok(data.get("schema")):
            return Session(title="")
        self.keys(data, TOP_KEYS, "")
        if "summary" in data and not isinstance(data["summary"], dict):
            self.add("wrong-type", "summary", "'summary' must be a table", "write it as [summary], or leave it out (import ignores it)")
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
            for k, t in self.tables(data, "participants", PARTICIPANT_KEYS)
        ]
        session.banks = [
            BankRef(
                self.string(t, "id", k, required=True), self.string(t, "version", k), self.string(t, "hash", k), self.string(t, "path", k)
            )
            for k, t in self.tables(data, "banks", BANK_KEYS)
        ]
        session.answers = self.answers(data)
        session.stories = [self.story(k, t) for k, t in self.tables(data, "stories", STORY_KEYS)]
        session.open_questions = [
            OpenQuestion(
                self.string(t, "id", k, required=True),
                self.string(t, "text", k, required=True),
                self.string(t, "owner", k),
                self.choice(t, "status", k, OPEN_QUESTION_STATUSES, "open"),
                self.string(t, "resolution", k),
                self.strings(t, "source", k),
            )
            for k, t in self.tables(data, "open_questions", OPEN_QUESTION_KEYS)
        ]
        session.decisions = [
            Decision(
                self.string(t, "id", k, required=True),
                self.string(t, "text", k, required=True),
                self.string(t, "rationale", k),
                self.string(t, "decided_by", k),
                self.strings(t, "source", k),
            )
            for k, t in self.tables(data, "decisions", DECISION_KEYS)
        ]
        session.assumptions = [
            Assumption(
                self.string(t, "id", k, required=True),
                self.string(t, "text", k, required=True),
                self.string(t, "rationale", k),
                self.strings(t, "source", k),
            )
            for k, t in self.tables(data, "assumptions", ASSUMPTION_KEYS)
        ]
        session.glossary = [
            GlossaryTerm(self.string(t, "term", k, required=True), self.string(t, "definition", k))
            for k, t in self.tables(data, "glossary", GLOSSARY_KEYS)
        ]
        self.unique([s.id for s in session.stories], "stories", "story")
        return session

    def schema_ok(self, schema: Any) -> bool:
        if schema is None:
            self.add(
                "missing-key",
                "schema",
                "missing 'schema': this does not look like an elicit spec",
                f'a TOML spec starts with schema = "{SPEC_SCHEMA}"',
            )
            return False
        if isinstance(schema, str) and schema.startswith(SESSION_SCHEMA_PREFIX):
            self.add(
                "not-a-spec",
                "schema",
                "this is an elicit session file, not a spec",
                "open it directly, or export a spec from it with 'elicit export PATH --format toml'",
            )
            return False
        if not isinstance(schema, str) or not schema.startswith(SPEC_SCHEMA_PREFIX):
            self.add("bad-schema", "schema", f"schema {schema!r} is not an elicit spec schema", f'expected "{SPEC_SCHEMA}"')
            return False
        version = schema[len(SPEC_SCHEMA_PREFIX) :]
        if version != str(SPEC_VERSION):
            newer = version.isdigit() and int(version) > SPEC_VERSION
            self.add(
                "newer-schema" if newer else "bad-schema",
                "schema",
                f"this spec uses schema '{schema}', which this elicit cannot read",
                "upgrade elicit to import it" if newer else f'expected "{SPEC_SCHEMA}"',
            )
            return False
        return True

    def answers(self, data: dict[str, Any]) -> dict[str, Answer]:
        answers: dict[str, Answer] = {}
        where: dict[str, str] = {}

        def keep(question_id: str, key: str, table: Any, *, check_keys: bool = True) -> None:
            if not isinstance(table, dict):
                self.add("wrong-type", key, "'answer' must be a table", "write value = ..., status = ... under it")
                return
            if check_keys:
                self.keys(table, ANSWER_KEYS, key)
            if question_id in answers:
                self.add(
                    "duplicate-answer",
                    key,
                    f"question '{question_id}' has a second answer (the first is at {where[question_id]})",
                    "keep one answer per question",
                )
                return
            where[question_id] = key
            answers[question_id] = self.answer(key, table)

        for section_key, section in self.tables(data, "sections", SECTION_KEYS):
            for question_key, question in self.tables(section, "questions", QUESTION_KEYS, section_key):
                if "answer" not in question:
                    continue
                question_id = self.question_id(question, "id", question_key)
                if question_id is not None:
                    keep(question_id, f"{question_key}.answer", question["answer"])
        for key, table in self.tables(data, "other_answers", ("question",) + ANSWER_KEYS):
            question_id = self.question_id(table, "question", key)
            if question_id is not None:
                keep(question_id, key, table, check_keys=False)
        return answers

    def question_id(self, table: dict[str, Any], name: str, key: str) -> str | None:
        """The question an answer belongs to (any string, even empty), or None after a finding."""
        if name not in table:
            self.add("missing-key", f"{key}.{name}", f"missing '{name}': the answer's question id", f'add {name} = "bank.section.question"')
            return None
        if not isinstance(table[name], str):
            self.add("wrong-type", f"{key}.{name}", f"'{name}' must be a string", f'write {name} = "bank.section.question"')
            return None
        return table[name]

    def answer(self, key: str, table: dict[str, Any]) -> Answer:
        value = table.get("value")
        if value is not None and not _answer_value_ok(value):
            self.add("wrong-type", f"{key}.value", "an answer value must be text, true/false, a number or a list of text", "fix the value")
            value = None
        return Answer(
            value=value,
            notes=self.string(table, "notes", key),
            status=self.choice(table, "status", key, ANSWER_STATUSES, "answered"),
            answered_at=self.when(table, "answered_at", key),
            updated_at=self.when(table, "updated_at", key),
        )

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
                    f"{close} A spec from a newer elicit needs a newer elicit to import"
                    if close
                    else "remove it; a spec from a newer elicit needs a newer elicit to import"
                )
                self.add("unknown-key", path, f"unknown key '{name}'", hint)

    def tables(self, data: dict[str, Any], name: str, allowed: tuple[str, ...], parent: str = "") -> list[tuple[str, dict[str, Any]]]:
        path = f"{parent}.{name}" if parent else name
        raw = data.get(name, [])
        if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
            self.add("wrong-type", path, f"'{name}' must be an array of tables", f"write each one as a [[{path.split('[')[0]}]] table")
            return []
        result = []
        for index, table in enumerate(raw):
            key = f"{path}[{index}]"
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
