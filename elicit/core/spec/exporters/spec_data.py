"""The draft spec as plain data: the content shared by the TOML and JSON exports.

The shape is documented key by key in ``docs/spec-format.md`` and checked by
``docs/spec.schema.json``. It holds everything the session holds, so that
importing a TOML spec gives the session back, plus what the banks say about
each question (prompt, kind, whether it applies, its status) and a summary,
which are there for readers and ignored on import.

Keys always appear, with empty values where there is nothing, except those
TOML cannot write empty: timestamps, the target length, an answer's ``value``, and
the time per section, left out when none was recorded; and what only a
merged session has (``merged_from``, ``conflicts``, an answer's ``interviews``,
a story's ``copies``), which appears only where there is some.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from elicit.core.data import record_dict
from elicit.core.session.file_format import SPEC_SCHEMA_PREFIX, is_empty_answer
from elicit.core.session.models import Answer, InterviewAnswer
from elicit.core.session.record_reader import (
    ASSUMPTION_KEYS,
    DECISION_KEYS,
    GLOSSARY_KEYS,
    INTERVIEW_ANSWER_KEYS,
    MERGED_FROM_KEYS,
    OPEN_QUESTION_ALWAYS,
    OPEN_QUESTION_KEYS,
    PARTICIPANT_KEYS,
    PROPOSAL_KEYS,
    SETTINGS_KEYS,
    STORY_COPY_KEYS,
)
from elicit.core.session.summary import QUESTION_COUNTS, summarise

if TYPE_CHECKING:
    from elicit.core.banks.models import Question
    from elicit.core.session.engine import Interview
    from elicit.core.session.models import Session

SPEC_SCHEMA = f"{SPEC_SCHEMA_PREFIX}2"
READABLE_SCHEMAS = (f"{SPEC_SCHEMA_PREFIX}1", SPEC_SCHEMA)
"""What ``elicit import`` reads: version 1 had the app's cursor (``current``) and no ``why``/``when``/``minutes``."""

META_KEYS = ("title", "client", "project", "interviewer")
TIME_KEYS = ("started_at", "ended_at")
CLOCK_KEYS = ("interview_seconds", "target_minutes", "section_seconds")
"""The interview clock, as the session file has it (``target_minutes`` only when planned, ``section_seconds`` when timed)."""
# The export's own order (status after priority), unlike the session file's.
STORY_KEYS = (
    "id",
    "role",
    "want",
    "so_that",
    "priority",
    "status",
    "reason",
    "acceptance",
    "quote",
    "by",
    "source",
    "tags",
    "created_at",
    "updated_at",
)
BANK_KEYS = ("id", "title", "version", "hash", "path")
SECTION_KEYS = ("id", "title", "goal", "minutes", "questions")
SUMMARY_KEYS = (*QUESTION_COUNTS, "percent", "stories", "open_questions", "stories_by_priority", "stories_by_status")
"""The keys of the spec's ``[summary]``: figures of the one counter (``summarise``), which the import ignores."""
QUESTION_KEYS = (
    "id",
    "prompt",
    "why",
    "kind",
    "required",
    "when",
    "applies",
    "status",
    "options",
    "labels",
    "min",
    "max",
    "unit",
    "answer",
)
TOP_KEYS_V1 = ("schema",) + META_KEYS + TIME_KEYS + ("current",)
TOP_KEYS = (
    ("schema",)
    + META_KEYS
    + TIME_KEYS
    + CLOCK_KEYS
    + ("summary", "settings", "participants", "banks", "sections", "other_answers", "stories", "open_questions", "decisions")
    + ("assumptions", "glossary", "proposals", "merged_from", "conflicts")
)


def spec_data(session: Session, interview: Interview) -> dict[str, Any]:
    """The spec as plain data (datetimes stay datetimes), in a stable order."""
    data: dict[str, Any] = {"schema": SPEC_SCHEMA}
    for name in META_KEYS:
        data[name] = getattr(session, name)
    for name in TIME_KEYS:
        _put_time(data, name, getattr(session, name))
    _put_clock(data, session)
    data["summary"] = _summary(interview)
    data["settings"] = record_dict(session.settings, SETTINGS_KEYS)  # read back on import: a spec keeps how it is exported
    data["participants"] = [record_dict(p, PARTICIPANT_KEYS) for p in session.participants]
    titles = {bank.id: bank.title for bank in interview.banks}
    data["banks"] = [_bank(b.id, titles.get(b.id, ""), b.version, b.hash, b.path) for b in session.banks]
    data["sections"] = _sections(session, interview)
    data["other_answers"] = _other_answers(session, interview)
    data["stories"] = [_story(story) for story in session.stories]
    data["open_questions"] = [record_dict(item, OPEN_QUESTION_KEYS, keep=OPEN_QUESTION_ALWAYS) for item in session.open_questions]
    data["decisions"] = [record_dict(item, DECISION_KEYS) for item in session.decisions]
    data["assumptions"] = [record_dict(item, ASSUMPTION_KEYS) for item in session.assumptions]
    data["glossary"] = [record_dict(item, GLOSSARY_KEYS) for item in session.glossary]
    if session.proposals:  # the client's edits on the review sheets, and what became of each (trial6 T6-6)
        data["proposals"] = [record_dict(item, PROPOSAL_KEYS) for item in session.proposals]
    _put_merged(data, session)
    return data


def _put_clock(data: dict[str, Any], session: Session) -> None:
    """The interview clock: seconds so far, the planned minutes (when planned), seconds per section (when timed)."""
    data["interview_seconds"] = session.interview_seconds
    if session.target_minutes is not None:
        data["target_minutes"] = session.target_minutes
    if session.section_seconds:
        data["section_seconds"] = dict(session.section_seconds)


def _put_merged(data: dict[str, Any], session: Session) -> None:
    """A merged session's interviews and conflicts: who said what stays in the spec the team's tools read."""
    if session.merged_from:
        data["merged_from"] = [record_dict(item, MERGED_FROM_KEYS) for item in session.merged_from]
    if session.conflicts:
        data["conflicts"] = list(session.conflicts)


def _bank(bank_id: str, title: str, version: str, content_hash: str, path: str) -> dict[str, Any]:
    """A bank the session used; ``path`` only for a bank read from a file (a built-in bank has none)."""
    item: dict[str, Any] = {"id": bank_id, "title": title, "version": version, "hash": content_hash}
    if path:
        item["path"] = path
    return item


def _sections(session: Session, interview: Interview) -> list[dict[str, Any]]:
    sections = []
    for section in interview.sections:
        item: dict[str, Any] = {"id": section.id, "title": section.title, "goal": section.goal}
        if section.minutes is not None:
            item["minutes"] = section.minutes
        item["questions"] = [_question(question, session, interview) for question in section.questions]
        sections.append(item)
    return sections


def _other_answers(session: Session, interview: Interview) -> list[dict[str, Any]]:
    """Answers to questions no bank of the session asks (kept, never dropped)."""
    listed = {question.id for question in interview.questions}
    return [
        {"question": question_id, **_answer(session.answers[question_id])}
        for question_id in sorted(session.answers)
        if question_id not in listed
    ]


def _summary(interview: Interview) -> dict[str, Any]:
    """The spec's ``[summary]``: the counts of the one counter (``summarise``), in the spec's keys."""
    return record_dict(summarise(interview), SUMMARY_KEYS)


def _question(question: Question, session: Session, interview: Interview) -> dict[str, Any]:
    item: dict[str, Any] = {"id": question.id, "prompt": question.prompt, "why": question.why, "kind": question.kind}
    item["required"] = question.required
    if question.when:
        item["when"] = question.when
    item["applies"] = interview.applies(question.id)
    item["status"] = interview.status(question.id)
    if question.options:
        item["options"] = list(question.options)
    if question.labels:
        item["labels"] = list(question.labels)
    if question.min is not None:
        item["min"] = question.min
    if question.max is not None:
        item["max"] = question.max
    if question.unit:
        item["unit"] = question.unit
    answer = session.answers.get(question.id)
    if answer is not None and not is_empty_answer(answer):
        item["answer"] = _answer(answer)  # notes without a value are kept, under a question whose status is open
    return item


def _answer(answer: Answer) -> dict[str, Any]:
    item: dict[str, Any] = {}
    if answer.value is not None:
        item["value"] = list(answer.value) if isinstance(answer.value, list) else answer.value
    item["notes"] = answer.notes
    item["status"] = answer.status
    item["by"] = answer.by
    _put_time(item, "answered_at", answer.answered_at)
    _put_time(item, "updated_at", answer.updated_at)
    if answer.interviews:
        item["interviews"] = [_interview_answer(each) for each in answer.interviews]
    return item


def _interview_answer(each: InterviewAnswer) -> dict[str, Any]:
    """One interview's answer in a merged session; its value is left out only when there is none."""
    item = record_dict(each, [name for name in INTERVIEW_ANSWER_KEYS if name != "value"])
    if each.value is not None:
        item["value"] = list(each.value) if isinstance(each.value, list) else each.value
    return item


def _story(story: Any) -> dict[str, Any]:
    item = record_dict(story, STORY_KEYS[:-2])
    _put_time(item, "created_at", story.created_at)
    _put_time(item, "updated_at", story.updated_at)
    if story.copies:
        item["copies"] = [record_dict(copy, STORY_COPY_KEYS) for copy in story.copies]
    return item


def _put_time(table: dict[str, Any], name: str, value: datetime | None) -> None:
    if value is not None:
        table[name] = value


def format_time(value: datetime) -> str:
    """A timestamp as RFC 3339 text, as TOML writes it (UTC as ``Z``)."""
    return value.isoformat().replace("+00:00", "Z")
