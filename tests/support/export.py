"""Sessions, strategies and checkers shared by the export and import tests."""

from __future__ import annotations

import csv
import io
import json
import re
import tomllib
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from functools import cache
from typing import Any

from hypothesis import strategies as st

from elicit.core.banks.loader import load_bank
from elicit.core.session.engine import Interview
from elicit.core.session.file_format import is_empty_answer
from elicit.core.session.models import (
    ANSWER_STATUSES,
    OPEN_QUESTION_STATUSES,
    PRIORITIES,
    STORY_STATUSES,
    Answer,
    Assumption,
    Bank,
    BankRef,
    Decision,
    GlossaryTerm,
    InterviewAnswer,
    MergedInterview,
    OpenQuestion,
    Participant,
    Session,
    Story,
    StoryCopy,
)
from elicit.core.spec.exporters.spec_data import format_time
from elicit.core.vocabulary import MERGE_QUESTION_KINDS
from tests.conftest import MINI_BANK
from tests.support import REPO

ROOT = REPO
SCHEMA_PATH = ROOT / "docs" / "spec.schema.json"
WHEN = datetime(2026, 1, 31, 9, 30, tzinfo=timezone(timedelta(hours=1)))

HOSTILE = (
    "# heading",
    "## sub\n### subsub",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "```\ncode\n```",
    "~~~python\nx\n~~~",
    "`tick`",
    "<script>alert(1)</script>",
    "<div>\nblock\n</div>",
    "<!-- comment -->",
    "- item\n- item",
    "* star\n+ plus",
    "1. one\n2) two",
    "> quoted\n>> deeper",
    "[link](http://x) ![img](y) [ref]: /url",
    "<http://autolink> www.example.com",
    "trailing backslash\\",
    "line\\\n# after a hard break",
    "para\n===",
    "para\n---",
    "***\n___\n- - -",
    "    indented code",
    "\tTabbed - item",
    "&amp; &#35; &copy;",
    "**bold** _em_ ~~strike~~",
    "\x0c# form feed",
    "a\rb\r\nc\n",
    "\u2028# line separator\u2029- para separator\x85next",
    "\x1c- \x1d1. \x1e> ",
    "Scenario: injected\nGiven a step",
    "@tag @other\nFeature: two",
    "# language: fr",
    "Given x, when y, then z",
    '"""\ndoc string\n"""',
    "Examples:\n| a |",
    "Rule: r\nBackground: b",
    '=HYPERLINK("http://x")',
    '"quoted", comma, ""double""',
    "\x00nul",
    "   ",
    "",
    "日本語 — émoji 🎉 \u200b zero width",
)

hostile_text = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=40),
    st.lists(st.sampled_from(HOSTILE) | st.text(max_size=10), max_size=4).map("\n".join),
)
timestamps = st.one_of(
    st.none(),
    st.datetimes(
        min_value=datetime(1970, 1, 1),
        max_value=datetime(2100, 1, 1),
        timezones=st.sampled_from([None, UTC, timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=-8))]),
    ),
)
answer_values = st.one_of(
    st.none(),
    hostile_text,
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.lists(hostile_text, max_size=3),
)


@cache
def mini_bank() -> Bank:
    """The mini test bank (loaded once; hypothesis tests cannot use fixtures)."""
    return load_bank(MINI_BANK)


def mini_ids() -> list[str]:
    """Every question id of the mini bank."""
    return [question.id for question in mini_bank().questions]


@st.composite
def sessions(draw: st.DrawFn) -> Session:
    """Arbitrary sessions on the mini bank, full of hostile text."""
    text = hostile_text
    answers_ids = draw(st.lists(st.one_of(st.sampled_from(mini_ids()), text), unique=True, max_size=6))
    answers = {
        question_id: Answer(
            value=draw(answer_values),
            notes=draw(text),
            status=draw(st.sampled_from(ANSWER_STATUSES)),
            answered_at=draw(timestamps),
            updated_at=draw(timestamps),
            by=draw(text),
            interviews=draw(
                st.lists(st.builds(InterviewAnswer, text, text, st.one_of(st.none(), answer_values), text, st.sampled_from(ANSWER_STATUSES)), max_size=2)
            ),
        )
        for question_id in answers_ids
    }
    # An "answered" answer holding nothing reads as open (issue 13): no part of a round trip (merge never writes one either).
    answers = {key: answer for key, answer in answers.items() if not is_empty_answer(replace(answer, interviews=[]))}
    story_ids = draw(st.lists(text, unique=True, max_size=4))
    stories = [
        Story(
            id=story_id,
            role=draw(text),
            want=draw(text),
            so_that=draw(text),
            priority=draw(st.sampled_from(PRIORITIES)),
            acceptance=draw(st.lists(text, max_size=3)),
            quote=draw(text),
            source=draw(st.lists(st.one_of(st.sampled_from(mini_ids()), text), max_size=2)),
            tags=draw(st.lists(text, max_size=3)),
            status=draw(st.sampled_from(STORY_STATUSES)),
            created_at=draw(timestamps),
            updated_at=draw(timestamps),
            by=draw(text),
            copies=draw(st.lists(st.builds(StoryCopy, text, text, text, text, st.sampled_from(PRIORITIES)), max_size=2)),
        )
        for story_id in story_ids
    ]
    # A decision's stories: some of this session's, some that name no story (a story deleted since).
    story_links = st.lists(st.sampled_from(story_ids) | text if story_ids else text, max_size=3)
    return Session(
        title=draw(text),
        client=draw(text),
        project=draw(text),
        interviewer=draw(text),
        started_at=draw(timestamps),
        ended_at=draw(timestamps),
        current=draw(st.one_of(st.sampled_from(mini_ids()), text)),
        participants=draw(st.lists(st.builds(Participant, text, text), max_size=2)),
        banks=[BankRef("mini", "1.0", mini_bank().content_hash, str(MINI_BANK))]
        + draw(st.lists(st.builds(BankRef, text, text, text, text), max_size=1)),
        answers=answers,
        stories=stories,
        open_questions=draw(
            st.lists(
                st.builds(
                    OpenQuestion,
                    text,
                    text,
                    text,
                    st.sampled_from(OPEN_QUESTION_STATUSES),
                    text,
                    st.lists(text, max_size=2),
                    text,
                    st.sampled_from(("", *MERGE_QUESTION_KINDS)),
                    story_links,
                    st.lists(text, max_size=2),
                ),
                max_size=2,
            )
        ),
        decisions=draw(st.lists(st.builds(Decision, text, text, text, text, st.lists(text, max_size=2), story_links, text), max_size=2)),
        assumptions=draw(st.lists(st.builds(Assumption, text, text, text, st.lists(text, max_size=2), text), max_size=2)),
        glossary=draw(st.lists(st.builds(GlossaryTerm, text, text, st.lists(text, max_size=2)), max_size=2)),
        merged_from=draw(
            st.lists(st.builds(MergedInterview, text, text, text, st.lists(text, max_size=2), st.dictionaries(text, text, max_size=2)), max_size=2)
        ),
        conflicts=draw(st.lists(text, max_size=2)),
    )


def rich_session() -> Session:
    """A realistic session touching every part of the spec."""
    bank = mini_bank()
    session = Session(
        title="Field service app — discovery",
        client="ACME Ltd",
        project="Fieldy",
        interviewer="Dana",
        started_at=WHEN,
        ended_at=WHEN + timedelta(minutes=95),
        current="mini.users.who",
        participants=[Participant("Sam", "Operations lead"), Participant("Kim", "")],
        banks=[BankRef(bank.id, bank.version, bank.content_hash, str(MINI_BANK))],
    )
    session.answers = {
        "mini.context.problem": Answer(
            "Technicians re-key job sheets.\nIt costs a day a week.", "Sam was emphatic.", "answered", WHEN, WHEN
        ),
        "mini.context.platform": Answer("Mobile", "", "answered", WHEN, WHEN),
        "mini.context.offline": Answer(True, "", "answered", WHEN, WHEN),
        "mini.context.offline_how_long": Answer(None, "Not sure yet.", "revisit", WHEN, WHEN),
        "mini.users.count": Answer(None, "", "skipped", WHEN, WHEN),
        "mini.users.satisfaction": Answer(2, "", "answered", WHEN, None),
        "mini.gone.question": Answer("kept from an older bank", "", "answered", None, None),
    }
    session.stories = [
        Story(
            "US-001",
            "technician",
            "record a job offline",
            "I can work in basements",
            "must",
            ["Given no connection, when I save a job, then it is queued", "Jobs sync within a minute of reconnecting"],
            "We lose half a day when the signal drops.",
            ["mini.context.offline"],
            ["offline", "mobile app"],
            "confirmed",
            WHEN,
            WHEN,
        ),
        Story("US-002", "dispatcher", "see every technician on a map", "", "should", [], "", ["mini.users.who"], [], "draft"),
        Story(
            "US-003",
            "manager",
            "export monthly reports",
            "I can bill clients",
            "could",
            ["Given a month\nWhen I export\nThen I get a CSV"],
            status="changed",
        ),
        Story("US-004", "admin", "theme the app", "", "wont", status="rejected"),
    ]
    session.open_questions = [OpenQuestion("OQ-001", "Which MDM do they use?", "Sam", "open", "", ["mini.context.platform"])]
    session.decisions = [Decision("D-001", "Mobile first", "Technicians are never at a desk.", "Sam", [])]
    session.assumptions = [Assumption("A-001", "Android only", "All devices are company Android phones.", [])]
    session.glossary = [GlossaryTerm("Job sheet", "The paper form a technician fills in per visit.", ["mini.context.problem"])]
    return session


def interview_for(session: Session) -> Interview:
    """The session walked through the mini bank."""
    return Interview(session, [mini_bank()])


def story_parts(line: str) -> tuple[str, str, str]:
    """A crude split of "As a X, I want Y, so that Z" (role, want, so that)."""
    found = re.match(r"\s*as an? (.*?),? i (?:want|would like|need|can|am able)(?: to)? (.*)", line, re.IGNORECASE | re.DOTALL)
    if not found:
        return "user", line.strip(), ""
    role, rest = found.group(1), found.group(2)
    parts = re.split(r",?\s+so that\s+", rest, maxsplit=1, flags=re.IGNORECASE)
    want, so_that = (parts[0], parts[1]) if len(parts) == 2 else (rest, "")
    return role.strip(), want.strip().rstrip("."), so_that.strip().rstrip(".")


def session_from_story_lines(lines: list[str]) -> Session:
    """A session holding one story per line, with criteria on some of them."""
    session = rich_session()
    session.stories = []
    for index, line in enumerate(lines, 1):
        role, want, so_that = story_parts(line)
        acceptance = []
        if index % 3 == 0:
            acceptance.append(f"Given a {role}, when they {want}, then it works")
        if index % 5 == 0:
            acceptance.append(f"It is done within a day ({index})")
        session.stories.append(
            Story(
                f"US-{index:04d}",
                role,
                want,
                so_that,
                PRIORITIES[index % 4],
                acceptance,
                line,
                ["mini.context.problem"] if index % 2 else [],
                [role.split()[-1].lower()] if role else [],
                STORY_STATUSES[index % 4],
            )
        )
    return session


# Checkers -----------------------------------------------------------------------------


def json_ready(value: Any) -> Any:
    """TOML data with datetimes as the RFC 3339 strings the JSON export uses."""
    if isinstance(value, datetime):
        return format_time(value)
    if isinstance(value, dict):
        return {key: json_ready(item) for key, item in value.items()}
    if isinstance(value, list):
        return [json_ready(item) for item in value]
    return value


@cache
def schema_validator():
    """A validator for docs/spec.schema.json (checked against its metaschema)."""
    from jsonschema import Draft202012Validator

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def validate_toml_spec(text: str) -> dict[str, Any]:
    """Parse a TOML spec and validate it against the schema; return its JSON-ready data."""
    data = json_ready(tomllib.loads(text))
    schema_validator().validate(data)
    return data


def validate_json_spec(text: str) -> dict[str, Any]:
    """Parse a JSON spec and validate it against the schema."""
    data = json.loads(text)
    schema_validator().validate(data)
    return data


def parse_gherkin(text: str) -> dict[str, Any]:
    """Parse a feature file with the official Cucumber parser (raises on any error)."""
    from gherkin.parser import Parser

    return Parser().parse(text)


def read_csv(text: str) -> list[list[str]]:
    """Read CSV text back with the csv module."""
    return list(csv.reader(io.StringIO(text, newline="")))


def markdown_tokens(text: str) -> list[Any]:
    """Parse Markdown as CommonMark plus GFM tables and strikethrough."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(text)


def as_imported(session: Session) -> Session:
    """What importing a spec of ``session`` gives back: the app's cursor is not in a spec (elicit.spec/2),
    nor an answer that says nothing (no value, no notes, no mark) to a question
    of the banks. Notes without a value are kept (their question's status is open)."""
    import copy

    expected = copy.deepcopy(session)
    expected.current = ""
    interview = interview_for(expected)
    listed = {question.id for question in interview.questions}
    for question_id in list(expected.answers):
        answer = expected.answers[question_id]
        if question_id in listed and is_empty_answer(answer):
            del expected.answers[question_id]
    return expected
