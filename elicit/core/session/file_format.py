"""The session file format (``*.elicit.toml``): session <-> TOML data.

Reading is strict: a key this version does not know (perhaps written by a
newer elicit) is refused with a clear message rather than silently dropped,
so that saving can never lose it.
"""

from __future__ import annotations

import functools
import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from elicit.core.data import record_dict
from elicit.core.files.toml_source import TomlDocument, dumps_toml, read_document, text_document
from elicit.core.session.answers import has_value
from elicit.core.session.models import (
    Answer,
    Assumption,
    Decision,
    InterviewAnswer,
    OpenQuestion,
    Proposal,
    Round,
    Session,
    Settings,
    Story,
)
from elicit.core.session.record_reader import (
    ANSWER_KEYS,
    ASSUMPTION_KEYS,
    BANK_REF_KEYS,
    CLOCK_KEYS,
    DECISION_KEYS,
    GLOSSARY_KEYS,
    INTERVIEW_ANSWER_KEYS,
    MERGED_FROM_KEYS,
    META_KEYS,
    OPEN_QUESTION_KEYS,
    PARTICIPANT_KEYS,
    PROPOSAL_KEYS,
    SETTINGS_KEYS,
    STORY_COPY_KEYS,
    STORY_KEYS,
    STORY_VERSION_KEYS,
    RecordReader,
)

SCHEMA_PREFIX = "elicit.session/"
SCHEMA = f"{SCHEMA_PREFIX}1"
SUFFIX = ".elicit.toml"
SPEC_SCHEMA_PREFIX = "elicit.spec/"
"""How a TOML spec exported by elicit names its schema (elicit.core.spec adds the version), so a spec opened as a session is named as one."""

_TOP_TABLES = (
    "settings", "participants", "banks", "answers", "stories", "open_questions", "decisions", "assumptions", "glossary", "rounds", "proposals",
    "merged_from", "conflicts",
)  # fmt: skip
_STORY_FIELDS = tuple(name for name in STORY_KEYS if name not in ("history", "copies"))
TOP_KEYS = ("schema",) + META_KEYS + CLOCK_KEYS + _TOP_TABLES


# Writing ----------------------------------------------------------------------------


def session_to_data(session: Session) -> dict[str, Any]:
    """The TOML-ready data for a session (empty values left out)."""
    data: dict[str, Any] = {"schema": SCHEMA}
    for name in META_KEYS:
        _put(data, name, getattr(session, name))
    if session.interview_seconds:
        data["interview_seconds"] = session.interview_seconds
    if session.target_minutes is not None:
        data["target_minutes"] = session.target_minutes
    data["section_seconds"] = dict(session.section_seconds)
    if session.settings != Settings():
        data["settings"] = record_dict(session.settings, SETTINGS_KEYS)
    data["participants"] = [record_dict(p, PARTICIPANT_KEYS, keep=("name",)) for p in session.participants]
    data["banks"] = [record_dict(b, BANK_REF_KEYS, keep=("id",)) for b in session.banks]
    data["answers"] = {question_id: answer_table(answer) for question_id, answer in session.answers.items()}
    data["stories"] = [story_table(story) for story in session.stories]
    data.update(_follow_up_tables(session.open_questions, session.decisions, session.assumptions))
    data["glossary"] = [record_dict(item, GLOSSARY_KEYS, keep=("term",)) for item in session.glossary]
    data["rounds"] = [_round_table(item) for item in session.rounds]
    data["proposals"] = _proposal_tables(session.proposals)
    data["merged_from"] = [record_dict(item, MERGED_FROM_KEYS, keep=("id",)) for item in session.merged_from]
    data["conflicts"] = list(session.conflicts)
    return {key: value for key, value in data.items() if value not in ([], {})}


def _follow_up_tables(
    open_questions: list[OpenQuestion], decisions: list[Decision], assumptions: list[Assumption]
) -> dict[str, list[dict[str, Any]]]:
    return {
        "open_questions": [record_dict(item, OPEN_QUESTION_KEYS, keep=("id", "text", "status")) for item in open_questions],
        "decisions": [record_dict(item, DECISION_KEYS, keep=("id", "text")) for item in decisions],
        "assumptions": [record_dict(item, ASSUMPTION_KEYS, keep=("id", "text")) for item in assumptions],
    }


def _proposal_tables(proposals: list[Proposal]) -> list[dict[str, Any]]:
    return [record_dict(item, PROPOSAL_KEYS, keep=("id", "story", "change", "status")) for item in proposals]


def _round_table(frozen: Round) -> dict[str, Any]:
    """A round's table: when, the note, and the frozen stories and follow-ups as they stood."""
    table: dict[str, Any] = {"number": frozen.number}
    _put(table, "at", frozen.at)
    _put(table, "note", frozen.note)
    table["stories"] = [story_table(story) for story in frozen.stories]
    table.update(_follow_up_tables(frozen.open_questions, frozen.decisions, frozen.assumptions))
    table["proposals"] = _proposal_tables(frozen.proposals)
    table["glossary"] = [record_dict(item, GLOSSARY_KEYS, keep=("term",)) for item in frozen.glossary]
    return {key: value for key, value in table.items() if value != []}


def dumps_session(session: Session) -> str:
    """The session as TOML text."""
    return dumps_toml(session_to_data(session))


def _put(data: dict[str, Any], name: str, value: Any) -> None:
    if value not in (None, "", [], {}):
        data[name] = value


def story_table(story: Story) -> dict[str, Any]:
    """A story's table, its earlier wordings (if any) as ``[[stories.history]]`` tables."""
    table = record_dict(story, _STORY_FIELDS, keep=("id", "role", "want", "priority", "status"))
    if story.history:
        table["history"] = [record_dict(version, STORY_VERSION_KEYS, keep=("role", "want", "priority", "status")) for version in story.history]
    if story.copies:
        table["copies"] = [record_dict(item, STORY_COPY_KEYS, keep=("interview", "id", "priority")) for item in story.copies]
    return table


def answer_table(answer: Answer) -> dict[str, Any]:
    """An answer's table; an empty value ("" or []) is kept, only None is left out."""
    table = record_dict(answer, [name for name in ANSWER_KEYS[1:] if name != "interviews"], keep=("status",))
    if answer.value is not None:
        table = {"value": answer.value, **table}
    if answer.interviews:
        table["interviews"] = [_interview_answer_table(item) for item in answer.interviews]
    return table


def _interview_answer_table(item: InterviewAnswer) -> dict[str, Any]:
    """One interview's answer in a merged session; like an answer, its value is left out only when None."""
    table = record_dict(item, INTERVIEW_ANSWER_KEYS, keep=("interview", "status"))
    if item.value is not None:
        table["value"] = item.value
    return table


# Reading -----------------------------------------------------------------------------

@functools.cache
def _schema_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The patterns :func:`is_session_file` reads a file's first statement with: (schema line, not TOML, first schema).

    Compiled on first use: no command that only reads or writes a session needs them (issue 18, ``elicit answer``).
    """
    schema_line = re.compile(rf"""^[ \t]*(?:schema|"schema"|'schema')[ \t]*=[ \t]*(?:"|'){re.escape(SCHEMA_PREFIX)}""", re.MULTILINE)
    # A first statement (after blank and comment lines only) that no TOML document can start with: a character no
    # statement starts with (Markdown's '*', HTML's '<', JSON's '{'), or a bare key followed by neither '=' nor '.'
    # (Gherkin's 'Feature:', a CSV header's 'ID,'). ASCII only: a later TOML may allow other letters in bare keys.
    # The last class is every ASCII character but '.' (2e) and '=' (3d), spelt as ranges: written as a negated class
    # up to U+10FFFF it took 3 ms to compile.
    not_toml = re.compile(r"""\A(?:[ \t]*(?:#[^\n]*)?\n)*[ \t]*(?:[\x21-\x7e](?<![A-Za-z0-9_\-"'\[#])|[A-Za-z0-9_-]++[ \t]*+[\x00-\x2d\x2f-\x3c\x3e-\x7f])""")
    # A first statement (after blank and comment lines only) setting the top-level schema to a plain basic string.
    first_schema = re.compile(r'\A(?:[ \t]*(?:#[^\n]*)?\n)*[ \t]*schema[ \t]*=[ \t]*"([^"\\\x00-\x1f\x7f]*)"[ \t]*(?:#[^\n]*)?\r?\n')
    return schema_line, not_toml, first_schema


def has_schema_line(text: str) -> bool:
    """Whether a line of ``text`` sets a session's schema: ``_schema_patterns()[0].search(text)``, looked for only
    on the lines that hold the word ``schema``, which every match holds.

    The pattern searched from every character of a 4 MB Markdown export being replaced costs ~0.36 G instructions
    (issue 18); ``str.find`` skips to the lines that can match, and the pattern is tried at the start of each.
    """
    schema_line = _schema_patterns()[0]
    at = text.find("schema")
    while at != -1:
        line_start = text.rfind("\n", 0, at) + 1
        if schema_line.match(text, line_start):
            return True
        line_end = text.find("\n", at)
        if line_end == -1:
            return False
        at = text.find("schema", line_end)
    return False


def is_session_file(path: Path) -> bool:
    """Whether ``path`` is a regular file holding an elicit session, or what is left of one.

    Decided as the reader decides: the file is parsed as TOML and its
    ``schema`` read, however it is quoted or spaced and wherever it is. A file
    that no longer parses counts as a session when one of its lines sets
    such a schema: a damaged session is still someone's interview.
    """
    from elicit.core.files.toml_parser import TomlSyntaxError, loads

    try:
        if not path.is_file():
            return False
        text = path.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return False
    _schema_line, not_toml, first_schema = _schema_patterns()
    if not_toml.match(text):  # not TOML at all (another format's export): judged by its schema line, as a broken file is
        return has_schema_line(text)
    first = first_schema.match(text)
    if first is not None and not first.group(1).startswith(SCHEMA_PREFIX) and not has_schema_line(text):
        # Another schema set first (an earlier TOML spec export): if the file parses, that is its one top-level
        # schema (a key is set once); if it does not, no line sets a session's. No parse needed (issue 18: the
        # 10,000-story spec.toml being replaced was parsed whole at every export).
        return False
    try:
        data = loads(text)
    except (TomlSyntaxError, RecursionError, ValueError):
        return has_schema_line(text)
    schema = data.get("schema")
    return isinstance(schema, str) and schema.startswith(SCHEMA_PREFIX)


def read_session(path: Path) -> Session:
    """Read and check a session file; raise FindingsError on any problem."""
    with collector_paused():  # every datetime a session keeps is read by RecordReader.when, which gives it its zone
        return session_from_document(read_document(path, standard_zones=False))


def loads_session(text: str, name: str = "<session>") -> Session:
    """Parse session TOML text (used by tests and imports)."""
    with collector_paused():
        return session_from_document(text_document(text, name))


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's garbage collector off while a session is read: it would walk the objects being made, again and again.

    Reading makes hundreds of thousands of objects and no garbage cycles; the
    collections they set off cost a fifth of reading 10,000 stories (about
    280 -> 220 ms, 24 -> 18 ms for 1,000). Left as it was when it was off already.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def session_from_document(document: TomlDocument) -> Session:
    """Build a session from parsed TOML, checking every key and type."""
    return _Reader.read(document)


class _Reader(RecordReader):
    schema = SCHEMA
    kind = "session"
    starts_like = "a session file"
    this = "this file"
    upgrade_to = "open"

    def schema_ok(self, schema: Any) -> bool:
        if isinstance(schema, str) and schema.startswith(SPEC_SCHEMA_PREFIX):
            self.add(
                "not-a-session",
                "schema",
                "this is a spec exported by elicit, not a session file",
                f"to make a session from it: 'elicit import {self.document.path} -o NEW{SUFFIX}'",
            )
            return False
        return super().schema_ok(schema)

    def session(self) -> Session:
        data = self.document.data
        if not self.schema_ok(data.get("schema")):
            return Session(title="")
        self.keys(data, TOP_KEYS, "")
        session = self.meta(data)
        self.clock(data, session)
        self.settings(data, session)
        self.records(data, session)
        self.review(data, session)
        session.merged_from = self.merged_from(data)
        self.conflicts(data, session)
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
            answer = self.answer(key, table)
            if not is_empty_answer(answer):
                answers[question_id] = answer
        return answers


def is_empty_answer(answer: Answer) -> bool:
    """Whether an answer says "answered" but holds nothing (no value, no notes).

    Older versions wrote such answers (a skip or an empty field recorded as
    answered); reading drops them, so the question is open everywhere (the
    app, the summary, the specs) instead of "answered" in one place and open
    in another.
    """
    return answer.status == "answered" and not has_value(answer.value) and not answer.notes.strip() and not answer.interviews
