"""Making a session from a TOML spec (``elicit import``).

The spec holds everything the session holds, so the session comes back whole:
metadata, participants, banks, every answer (from the sections' questions and
from ``other_answers``), stories, open questions, decisions, assumptions and
the glossary. What the spec adds for readers (question prompts and statuses,
the summary) is ignored. Reading is strict like the session format: unknown
keys, wrong types and repeated ids are refused with file, line and key.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from elicit.core.files.toml_source import TomlDocument, read_document, text_document
from elicit.core.session.file_format import SCHEMA_PREFIX as SESSION_SCHEMA_PREFIX
from elicit.core.session.models import Answer, Session
from elicit.core.session.record_reader import ANSWER_KEYS, RecordReader
from elicit.core.spec.exporters.spec_data import (
    BANK_KEYS,
    QUESTION_KEYS,
    READABLE_SCHEMAS,
    SECTION_KEYS,
    SPEC_SCHEMA,
    TOP_KEYS,
    TOP_KEYS_V1,
)


def session_from_spec(path: Path) -> Session:
    """Read a TOML spec and make the session it was exported from; raise FindingsError on any problem."""
    return session_from_spec_document(read_document(path))


def loads_spec(text: str, name: str = "<spec>") -> Session:
    """The session from TOML spec text (for tests and front ends holding the text)."""
    return session_from_spec_document(text_document(text, name))


def session_from_spec_document(document: TomlDocument) -> Session:
    """The session from a parsed spec, checking every key the import uses."""
    return _SpecReader.read(document)


class _SpecReader(RecordReader):
    newer_hint = "remove it; a spec from a newer elicit needs a newer elicit to import"
    schema = SPEC_SCHEMA
    kind = "spec"
    starts_like = "a TOML spec"
    this = "this spec"
    upgrade_to = "import"

    def session(self) -> Session:
        data = self.document.data
        if not self.schema_ok(data.get("schema")):
            return Session(title="")
        version_1 = data.get("schema") == READABLE_SCHEMAS[0]
        self.keys(data, TOP_KEYS + TOP_KEYS_V1[-1:] if version_1 else TOP_KEYS, "")
        if "summary" in data and not isinstance(data["summary"], dict):
            self.add("wrong-type", "summary", "'summary' must be a table", "write it as [summary], or leave it out (import ignores it)")
        session = self.meta(data)
        self.settings(data, session)
        self.clock(data, session)
        self.records(data, session, BANK_KEYS)
        session.answers = self.answers(data)
        session.merged_from = self.merged_from(data)
        self.conflicts(data, session)
        session.proposals = self.proposals(data)  # the client's review edits: their comments stay in the spec
        self.unique([item.id for item in session.proposals], "proposals", "proposal")
        return session

    def schema_ok(self, schema: Any) -> bool:
        if isinstance(schema, str) and schema.startswith(SESSION_SCHEMA_PREFIX):
            self.add(
                "not-a-spec",
                "schema",
                "this is an elicit session file, not a spec",
                "open it directly, or export a spec from it with 'elicit export PATH --format toml'",
            )
            return False
        if schema in READABLE_SCHEMAS:
            return True  # version 1 differs only in what import ignores or reads the same way
        return super().schema_ok(schema)

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
        question_id: str = table[name]
        return question_id
