"""The JSON Schemas of banks, sessions and the spec: shipped, printed, and in step with what elicit reads.

The rule for everyone who adds a key to a bank or a session file: add it to
``elicit/schemas/bank.schema.json`` or ``session.schema.json`` too, and copy
the file to ``docs/``. The key-list tests below fail with that instruction
when a key is missing.
"""

from __future__ import annotations

import json
import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from jsonschema import validators

from elicit.core.banks import loader
from elicit.core.files.schemas import SCHEMA_NAMES, schema_file_name, schema_text
from elicit.core.findings import FindingsError
from elicit.core.session import file_format, record_reader
from elicit.core.session.file_format import dumps_session, loads_session
from tests.conftest import MINI_BANK
from tests.support import REPO
from tests.support.cli import run_elicit
from tests.support.export import json_ready, rich_session, sessions

PACKAGE = REPO / "elicit" / "schemas"
DOCS = REPO / "docs"
BUILT_IN = sorted((REPO / "question_banks").glob("*.toml"))
DIRECTIVE = "#:schema ../docs/bank.schema.json"


@cache
def validator(name: str) -> Any:
    schema = json.loads(schema_text(name))
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def errors(name: str, data: Any) -> list[str]:
    return [f"{'.'.join(map(str, error.absolute_path)) or '(top)'}: {error.message}" for error in validator(name).iter_errors(data)]


def behind(name: str, what: str, problems: list[str]) -> str:
    return (
        f"{what} does not validate against elicit/schemas/{schema_file_name(name)}: {problems[:3]}. "
        f"If elicit accepts it, the schema is behind: update elicit/schemas/{schema_file_name(name)} and copy it to docs/."
    )


# Shipping ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_docs_hold_the_same_schema_as_the_package(name):
    packaged = (PACKAGE / schema_file_name(name)).read_text(encoding="utf-8")
    assert (DOCS / schema_file_name(name)).read_text(encoding="utf-8") == packaged, (
        f"docs/{schema_file_name(name)} differs from elicit/schemas/{schema_file_name(name)}: copy the package's file to docs/"
    )
    assert schema_text(name) == packaged
    validator(name)  # a valid schema of its draft


def test_cli_prints_each_schema():
    for name in SCHEMA_NAMES:
        result = run_elicit("schema", name)
        assert result.returncode == 0, result.stderr
        assert result.stdout == schema_text(name)
    result = run_elicit("schema", "nope")
    assert result.returncode == 2
    assert result.stderr.startswith("elicit: error:")  # issue 13: every error line starts the same way
    assert "bank" in result.stderr


def test_parser_offers_exactly_the_shipped_schemas():
    from elicit.cli.parser import build_parser

    parser = build_parser(["schema"])
    for name in SCHEMA_NAMES:
        assert parser.parse_args(["schema", name]).name == name


# Banks --------------------------------------------------------------------------------


def _properties(name: str, *path: str) -> set[str]:
    node = json.loads(schema_text(name))
    for step in path:
        node = node["definitions"][step] if step != "" else node
    return set(node["properties"])


@pytest.mark.parametrize(
    ("keys", "definition", "source"),
    [
        (loader.BANK_KEYS, "", "BANK_KEYS"),
        (loader.SECTION_KEYS, "section", "SECTION_KEYS"),
        (loader.INCLUDE_KEYS, "include", "INCLUDE_KEYS"),
        (loader.OPTION_KEYS, "option", "OPTION_KEYS"),
        (loader.QUESTION_KEYS, "question", "QUESTION_KEYS"),
        (loader.STORY_KEYS, "story", "STORY_KEYS"),
    ],
)
def test_bank_schema_knows_every_key_elicit_reads(keys, definition, source):
    described = _properties("bank", definition)
    missing = set(keys) - described
    assert not missing, (
        f"bank keys {sorted(missing)} are read by elicit/core/banks/loader.py ({source}) but missing from "
        f"elicit/schemas/bank.schema.json ({definition or 'top level'}): add them to the schema (with a description) "
        "and copy it to docs/bank.schema.json"
    )
    extra = described - set(keys)
    assert not extra, f"elicit/schemas/bank.schema.json describes {sorted(extra)}, which elicit refuses: remove them"


@pytest.mark.parametrize("path", BUILT_IN + [MINI_BANK], ids=lambda path: path.name)
def test_bank_validates_against_the_schema(path):
    problems = errors("bank", tomllib.loads(path.read_text(encoding="utf-8")))
    assert not problems, behind("bank", path.name, problems)


@pytest.mark.parametrize("path", BUILT_IN, ids=lambda path: path.name)
def test_built_in_bank_starts_with_the_schema_directive(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == DIRECTIVE
    assert (path.parent / first.removeprefix("#:schema ").strip()).resolve() == (DOCS / "bank.schema.json").resolve()


GOOD = '''
id = "b"
title = "B"
version = "1"
'''
SECTION = '''
[[sections]]
id = "s"
title = "S"
goal = "G"
'''


def _bank(questions: str, head: str = GOOD, section: str = SECTION) -> str:
    return head + section + questions


BROKEN_BANKS = {
    "unknown key in a question": _bank('[[sections.questions]]\nid = "q"\nprompt = "P?"\npromt = "typo"\n'),
    "unknown key in the bank": _bank('[[sections.questions]]\nid = "q"\nprompt = "P?"\n', head=GOOD + 'author = "me"\n'),
    "unknown key in a section": _bank('[[sections.questions]]\nid = "q"\nprompt = "P?"\n', section=SECTION + 'colour = "red"\n'),
    "unknown key in a story hint": _bank('[[sections.questions]]\nid = "q"\nprompt = "P?"\nstory = { role = "r", want = "w", why = "x" }\n'),
    "required is a string": _bank('[[sections.questions]]\nid = "q"\nprompt = "P?"\nrequired = "yes"\n'),
    "options is a string": _bank('[[sections.questions]]\nid = "q"\nprompt = "P?"\nkind = "choice"\noptions = "a, b"\n'),
    "version is a number": _bank('[[sections.questions]]\nid = "q"\nprompt = "P?"\n', head=GOOD.replace('"1"', "1")),
    "probes is a string": _bank('[[sections.questions]]\nid = "q"\nprompt = "P?"\nprobes = "why?"\n'),
    "tags hold a number": _bank('[[sections.questions]]\nid = "q"\nprompt = "P?"\ntags = [1]\n'),
    "bad kind": _bank('[[sections.questions]]\nid = "q"\nprompt = "P?"\nkind = "essay"\n'),
    "kind in capitals": _bank('[[sections.questions]]\nid = "q"\nprompt = "P?"\nkind = "Text"\n'),
    "missing prompt": _bank('[[sections.questions]]\nid = "q"\n'),
    "missing goal": _bank('[[sections.questions]]\nid = "q"\nprompt = "P?"\n', section=SECTION.replace('goal = "G"\n', "")),
    "bank without sections": GOOD,
    "bank id with a dot": _bank('[[sections.questions]]\nid = "q"\nprompt = "P?"\n', head=GOOD.replace('id = "b"', 'id = "b.c"')),
    "question id with a space": _bank('[[sections.questions]]\nid = "q 1"\nprompt = "P?"\n'),
    "empty title": _bank('[[sections.questions]]\nid = "q"\nprompt = "P?"\n', head=GOOD.replace('"B"', '""')),
    "choice without options": _bank('[[sections.questions]]\nid = "q"\nprompt = "P?"\nkind = "choice"\n'),
    "choice with one option": _bank('[[sections.questions]]\nid = "q"\nprompt = "P?"\nkind = "choice"\noptions = ["a"]\n'),
    "repeated option": _bank('[[sections.questions]]\nid = "q"\nprompt = "P?"\nkind = "multi"\noptions = ["a", "a"]\n'),
    "options on a yes/no question": _bank('[[sections.questions]]\nid = "q"\nprompt = "P?"\nkind = "yesno"\noptions = ["a", "b"]\n'),
    "range on a text question": _bank('[[sections.questions]]\nid = "q"\nprompt = "P?"\nmin = 1\n'),
    "labels on a number question": _bank('[[sections.questions]]\nid = "q"\nprompt = "P?"\nkind = "number"\nlabels = ["lo", "hi"]\n'),
    "unit on a scale question": _bank('[[sections.questions]]\nid = "q"\nprompt = "P?"\nkind = "scale"\nunit = "h"\n'),
    "scale with a fraction": _bank('[[sections.questions]]\nid = "q"\nprompt = "P?"\nkind = "scale"\nmax = 4.5\n'),
    "exclusive option on a choice question": _bank(
        '[[sections.questions]]\nid = "q"\nprompt = "P?"\nkind = "choice"\noptions = ["a", { label = "b", exclusive = true }]\n'
    ),
    "option table without a label": _bank('[[sections.questions]]\nid = "q"\nprompt = "P?"\nkind = "multi"\noptions = ["a", { exclusive = true }]\n'),
    "unknown key in an option": _bank('[[sections.questions]]\nid = "q"\nprompt = "P?"\nkind = "multi"\noptions = ["a", { label = "b", only = true }]\n'),
    "minutes is a string": _bank('[[sections.questions]]\nid = "q"\nprompt = "P?"\n', section=SECTION + 'minutes = "10"\n'),
    "minutes is zero": _bank('[[sections.questions]]\nid = "q"\nprompt = "P?"\n', section=SECTION + "minutes = 0\n"),
    "story hint without want": _bank('[[sections.questions]]\nid = "q"\nprompt = "P?"\nstory = { role = "r" }\n'),
    "include with other keys": GOOD + '[[sections]]\ninclude = "mini.context"\ntitle = "T"\n',
}


@pytest.mark.parametrize("text", BROKEN_BANKS.values(), ids=BROKEN_BANKS.keys())
def test_broken_bank_is_refused_by_the_schema_as_by_elicit(tmp_path, text):
    path = tmp_path / "b.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FindingsError):
        loader.load_bank(path)
    assert errors("bank", tomllib.loads(text)), "the schema accepts a bank elicit refuses"


GOOD_BANKS = {
    "every kind": _bank(
        '[[sections.questions]]\nid = "t"\nprompt = "P?"\nwhy = ""\nprobes = []\nrequired = false\ntags = ["x"]\n'
        '[[sections.questions]]\nid = "c"\nprompt = "P?"\nkind = "choice"\noptions = ["a", "b"]\n'
        '[[sections.questions]]\nid = "m"\nprompt = "P?"\nkind = "multi"\noptions = ["a", "b", "c"]\nwhen = "c == \'a\'"\n'
        '[[sections.questions]]\nid = "y"\nprompt = "P?"\nkind = "yesno"\n'
        '[[sections.questions]]\nid = "s"\nprompt = "P?"\nkind = "scale"\nmin = 0\nmax = 10\nlabels = ["lo", "hi"]\n'
        '[[sections.questions]]\nid = "n"\nprompt = "P?"\nkind = "number"\nmin = 0.5\nunit = "hours"\n'
        '[[sections.questions]]\nid = "h"\nprompt = "P?"\nstory = { role = "r", want = "w", so_that = "s" }\n'
    ),
    "a section with no questions yet": GOOD + SECTION + "questions = []\n",
    "a time budget and an exclusive option": _bank(
        '[[sections.questions]]\nid = "m"\nprompt = "P?"\nkind = "multi"\noptions = ["a", "b", { label = "Not sure", exclusive = true }]\n',
        section=SECTION + "minutes = 15\n",
    ),
}


@pytest.mark.parametrize("text", GOOD_BANKS.values(), ids=GOOD_BANKS.keys())
def test_bank_elicit_accepts_is_accepted_by_the_schema(tmp_path, text):
    path = tmp_path / "b.toml"
    path.write_text(text, encoding="utf-8")
    loader.load_bank(path)
    problems = errors("bank", tomllib.loads(text))
    assert not problems, behind("bank", "a bank elicit accepts", problems)


# Sessions -----------------------------------------------------------------------------

SESSION_TABLES = {
    "participants": ("participant", record_reader.PARTICIPANT_KEYS, "PARTICIPANT_KEYS"),
    "banks": ("bank", record_reader.BANK_REF_KEYS, "BANK_REF_KEYS"),
    "answers": ("answer", record_reader.ANSWER_KEYS, "ANSWER_KEYS"),
    "stories": ("story", record_reader.STORY_KEYS, "STORY_KEYS"),
    "stories.history": ("story_version", record_reader.STORY_VERSION_KEYS, "STORY_VERSION_KEYS"),
    "stories.copies": ("story_copy", record_reader.STORY_COPY_KEYS, "STORY_COPY_KEYS"),
    "answers.interviews": ("interview_answer", record_reader.INTERVIEW_ANSWER_KEYS, "INTERVIEW_ANSWER_KEYS"),
    "merged_from": ("merged_interview", record_reader.MERGED_FROM_KEYS, "MERGED_FROM_KEYS"),
    "open_questions": ("open_question", record_reader.OPEN_QUESTION_KEYS, "OPEN_QUESTION_KEYS"),
    "decisions": ("decision", record_reader.DECISION_KEYS, "DECISION_KEYS"),
    "assumptions": ("assumption", record_reader.ASSUMPTION_KEYS, "ASSUMPTION_KEYS"),
    "glossary": ("term", record_reader.GLOSSARY_KEYS, "GLOSSARY_KEYS"),
}


def test_session_schema_knows_every_top_level_key():
    described = _properties("session", "")
    missing = set(file_format.TOP_KEYS) - described
    assert not missing, (
        f"session keys {sorted(missing)} are read by elicit/core/session/file_format.py (TOP_KEYS) but missing from "
        "elicit/schemas/session.schema.json: add them to the schema (with a description) and copy it to docs/session.schema.json"
    )
    assert described == set(file_format.TOP_KEYS), "the session schema describes keys elicit refuses: remove them"


@pytest.mark.parametrize("table", SESSION_TABLES)
def test_session_schema_knows_every_key_of_each_record(table):
    definition, keys, source = SESSION_TABLES[table]
    described = _properties("session", definition)
    missing = set(keys) - described
    assert not missing, (
        f"{table} keys {sorted(missing)} are read by elicit/core/session/record_reader.py ({source}) but missing from "
        f"elicit/schemas/session.schema.json (definitions.{definition}): add them to the schema (with a description) "
        "and copy it to docs/session.schema.json"
    )
    assert described == set(keys), f"the session schema's {definition} describes keys elicit refuses: remove them"


def _session_data(text: str) -> Any:
    return json_ready(tomllib.loads(text))


def test_documented_example_session_validates():
    page = (DOCS / "session-format.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n(.*?)```", page, re.DOTALL).group(1)
    loads_session(example)
    problems = errors("session", _session_data(example))
    assert not problems, behind("session", "the example in docs/session-format.md", problems)


SAMPLE_SESSIONS = sorted((REPO / "tests" / "data").glob("**/*.elicit.toml"))


@pytest.mark.parametrize("path", SAMPLE_SESSIONS, ids=lambda path: path.name)
def test_sample_session_validates(path):
    text = path.read_text(encoding="utf-8")
    loads_session(text)
    problems = errors("session", _session_data(text))
    assert not problems, behind("session", path.name, problems)


def test_there_are_sample_sessions():
    assert SAMPLE_SESSIONS, "tests/data holds sample sessions that the schema test validates"


def test_rich_session_file_validates():
    text = dumps_session(rich_session())
    problems = errors("session", _session_data(text))
    assert not problems, behind("session", "a session file elicit writes", problems)


def test_session_written_by_the_cli_validates(mini_session_path):
    run_elicit("answer", mini_session_path, "mini.context.problem", "Paper job sheets", "--notes", "n")
    run_elicit("answer", mini_session_path, "mini.users.count", "--status", "skipped")
    run_elicit("story", "add", mini_session_path, "--role", "tech", "--want", "work offline", "--accept", "a", "--tag", "t")
    text = Path(mini_session_path).read_text(encoding="utf-8")
    problems = errors("session", _session_data(text))
    assert not problems, behind("session", "a session file written by the CLI", problems)


@given(sessions())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_session_file_elicit_writes_validates(session):
    problems = errors("session", _session_data(dumps_session(session)))
    assert not problems, behind("session", "a session file elicit writes", problems)


BROKEN_SESSIONS = {
    "no schema": 'title = "t"\n',
    "unknown top-level key": 'schema = "elicit.session/1"\ntitel = "t"\n',
    "unknown story key": 'schema = "elicit.session/1"\n[[stories]]\nid = "US-1"\nrole = "r"\nwant = "w"\nprio = "must"\n',
    "bad story status": 'schema = "elicit.session/1"\n[[stories]]\nid = "US-1"\nstatus = "done"\n',
    "bad priority": 'schema = "elicit.session/1"\n[[stories]]\nid = "US-1"\npriority = "high"\n',
    "title is a number": 'schema = "elicit.session/1"\ntitle = 3\n',
    "acceptance is a string": 'schema = "elicit.session/1"\n[[stories]]\nid = "US-1"\nacceptance = "it works"\n',
    "bad answer status": 'schema = "elicit.session/1"\n[answers."a.b.c"]\nstatus = "done"\n',
    "unknown answer key": 'schema = "elicit.session/1"\n[answers."a.b.c"]\nvalue = "x"\ncomment = "y"\n',
    "answer value is a table": 'schema = "elicit.session/1"\n[answers."a.b.c"]\nvalue = { x = 1 }\n',
    "bank without an id": 'schema = "elicit.session/1"\n[[banks]]\nversion = "1"\n',
    "newer schema": 'schema = "elicit.session/2"\n',
    "negative interview time": 'schema = "elicit.session/1"\ninterview_seconds = -1\n',
    "section time as text": 'schema = "elicit.session/1"\n[section_seconds]\n"a.b" = "ten"\n',
    "unknown history key": 'schema = "elicit.session/1"\n[[stories]]\nid = "US-1"\n[[stories.history]]\nwhen = 1\n',
}


@pytest.mark.parametrize("text", BROKEN_SESSIONS.values(), ids=BROKEN_SESSIONS.keys())
def test_broken_session_is_refused_by_the_schema_as_by_elicit(text):
    with pytest.raises(FindingsError):
        loads_session(text)
    assert errors("session", _session_data(text)), "the schema accepts a session file elicit refuses"


def test_a_session_with_a_proposal_to_add_a_story_validates():
    """Trial4 T4-4: an `add` proposal (no story until accepted, the client's criteria) is in both schema copies."""
    from elicit.core.session.models import Proposal

    session = rich_session()
    session.proposals = [
        Proposal("P-001", "", "add", "As a clerk, I want a stamp", "could", round=1, row=7, acceptance=["One", "Two"]),
        Proposal("P-002", "US-001", "add", "As a clerk, I want a map", status="accepted", round=1, row=8),
    ]
    data = _session_data(dumps_session(session))
    assert data["proposals"][0]["acceptance"] == ["One", "Two"] and data["proposals"][0]["story"] == ""
    problems = errors("session", data)
    assert not problems, behind("session", "a session with a proposal to add a story", problems)
