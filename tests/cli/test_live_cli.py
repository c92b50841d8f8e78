"""Issue 13 on the command line: follow-ups, story editing, empty answers, summary --json, one error style."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from elicit.core.session.file_format import read_session
from tests.conftest import MINI_BANK
from tests.support.cli import run_elicit


def elicit(*args: str | Path) -> subprocess.CompletedProcess:
    return run_elicit(*args)


@pytest.fixture
def session(mini_session_path: Path) -> Path:
    return mini_session_path


def one_error(result: subprocess.CompletedProcess, code: int = 1) -> str:
    """The single error line of a failed command, checked to start with 'elicit: error: '."""
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("elicit: error: "), result.stderr
    return lines[0]


# Defect 1: an empty answer is never "answered" ---------------------------------------------------


def test_an_empty_answer_is_refused_and_says_how_to_skip_or_clear(session):
    before = session.read_bytes()
    line = one_error(elicit("answer", session, "problem", ""))
    assert "--status skipped" in line and "--clear" in line
    one_error(elicit("answer", session, "problem", "   "))
    assert session.read_bytes() == before


def test_clear_removes_an_answer(session):
    assert elicit("answer", session, "problem", "slow stock counts").returncode == 0
    result = elicit("answer", session, "problem", "--clear")
    assert result.returncode == 0 and result.stdout == "mini.context.problem: cleared\n"
    assert "mini.context.problem" not in read_session(session).answers
    assert elicit("answer", session, "problem", "--clear").stdout == "mini.context.problem: no answer to clear\n"
    one_error(elicit("answer", session, "problem", "x", "--clear"), code=2)


def test_skip_through_the_cli_drops_the_value(session):
    elicit("answer", session, "problem", "slow")
    assert elicit("answer", session, "problem", "--status", "skipped").returncode == 0
    answer = read_session(session).answers["mini.context.problem"]
    assert (answer.status, answer.value) == ("skipped", None)
    one_error(elicit("answer", session, "problem", "slow", "--status", "skipped"), code=2)


# Defect 7: whole numbers stay integers --------------------------------------------------------------


def test_1e3_is_stored_as_the_integer_1000(session):
    result = elicit("answer", session, "count", "1e3")
    assert result.returncode == 0 and result.stdout == "mini.users.count: 1000\n"
    assert "value = 1000\n" in session.read_text(encoding="utf-8")
    assert type(read_session(session).answers["mini.users.count"].value) is int


def test_one_hour_not_one_hours(session):
    elicit("answer", session, "platform", "Mobile")
    elicit("answer", session, "offline", "yes")
    assert elicit("answer", session, "offline_how_long", "1").stdout == "mini.context.offline_how_long: 1 hour\n"


# Defect 8: one error style, sub-commands required, paths as typed -----------------------------------


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("banks", "show", "no-such-bank"), "no bank with id 'no-such-bank'"),
        (("new", "x", "--bank", "no-such-bank", "--no-input"), "no bank with id 'no-such-bank'"),
        (("summary", "nope.elicit.toml"), "nope.elicit.toml: no such session file"),
        (("export", "nope", "--format", "md"), "nope: no such session file"),
        (("banks", "show", "broken.toml"), "broken.toml:1: TOML syntax error"),
        (("summary", "broken.toml"), "broken.toml:1: TOML syntax error"),
        (("answer", "nope", "q", "x"), "nope: no such session file"),
        (("new", "x", "--target-minutes", "0", "--bank", "mini"), "whole number of minutes"),
    ],
)
def test_every_error_line_starts_the_same_way(tmp_path, args, fragment):
    (tmp_path / "broken.toml").write_text("x = \n", encoding="utf-8")
    result = run_elicit(*args, cwd=tmp_path)
    line = one_error(result, code=2 if "--target-minutes" in args else 1)
    assert fragment in line


@pytest.mark.parametrize("command", ["story", "banks", "decision", "open-question", "assumption", "term"])
def test_a_command_without_its_sub_command_exits_2(command):
    line = one_error(elicit(command), code=2)
    assert "choose a command: add, list" in line or "choose a command: list, show, validate" in line


def test_summary_of_a_text_file_talks_about_the_file_typed(tmp_path):
    stories = tmp_path / "stories.txt"
    stories.write_text("As a user, I want x\n", encoding="utf-8")
    line = one_error(run_elicit("summary", "stories.txt", cwd=tmp_path))
    assert "stories.txt.elicit.toml" not in line
    assert "stories.txt is not a session file" in line and "elicit import-stories SESSION stories.txt" in line
    line = one_error(run_elicit("summary", "missing.txt", cwd=tmp_path))
    assert "missing.txt.elicit.toml" not in line and "missing.txt: no such session file" in line


def test_hints_name_commands_that_exist(session, tmp_path):
    stories = tmp_path / "stories.txt"
    stories.write_text("As a nurse, I want to see the ward list, so that I can plan\nhello there\n", encoding="utf-8")
    result = elicit("import-stories", session, stories)
    assert result.returncode == 0, result.stderr
    commands = set(re.findall(r"'elicit ([a-z-]+(?: [a-z-]+)?)", result.stdout + result.stderr))
    commands |= set(re.findall(r"with: elicit ([a-z-]+)", result.stdout))
    assert {"story set", "story delete", "lint"} <= commands
    for command in commands:
        assert elicit(*command.split()[:2], "--help").returncode == 0 or elicit(command.split()[0], "--help").returncode == 0


# Defect 9: import-stories twice -----------------------------------------------------------------------


def test_import_stories_twice_skips_what_the_session_holds(session, tmp_path):
    stories = tmp_path / "stories.txt"
    stories.write_text("As a nurse, I want to see the ward list\nAs a porter, I want my jobs on my phone\n", encoding="utf-8")
    assert elicit("import-stories", session, stories).returncode == 0
    again = elicit("import-stories", session, stories)
    assert again.returncode == 0
    assert again.stdout.startswith("imported 0 stories") and "skipped 2 stories already in the session" in again.stdout
    assert "line 1 (US-001), line 2 (US-002)" in again.stdout and "--keep-duplicates" in again.stdout
    assert len(read_session(session).stories) == 2
    kept = elicit("import-stories", session, stories, "--keep-duplicates")
    assert kept.returncode == 0 and len(read_session(session).stories) == 4


# Follow-ups ---------------------------------------------------------------------------------------------


def test_decision_add_prints_its_id_and_lists_as_json(session):
    added = elicit("decision", "add", session, "Android only", "--rationale", "all staff have Android", "--decided-by", "Ann", "--source", "platform")
    assert added.returncode == 0 and added.stdout == "D-001\n"
    assert elicit("decision", "add", session, "Weekly report").stdout == "D-002\n"
    items = json.loads(elicit("decision", "list", session, "--json").stdout)
    assert items[0] == {
        "id": "D-001",
        "text": "Android only",
        "rationale": "all staff have Android",
        "decided_by": "Ann",
        "source": ["mini.context.platform"],
        "stories": [],
        "by": "",
    }
    assert "Android only" in elicit("decision", "list", session).stdout


def test_a_mistyped_source_is_refused_with_did_you_mean(session):
    before = session.read_bytes()
    line = one_error(elicit("decision", "add", session, "Android only", "--source", "mini.context.platfrom"))
    assert "did you mean 'mini.context.platform'" in line
    assert session.read_bytes() == before


def test_open_questions_are_added_resolved_and_listed(session):
    assert elicit("open-question", "add", session, "Which scanners?", "--owner", "Ann", "--source", "problem").stdout == "OQ-001\n"
    resolved = elicit("open-question", "resolve", session, "OQ-001", "--resolution", "Zebra TC52")
    assert resolved.returncode == 0 and resolved.stdout == "OQ-001 resolved: Zebra TC52\n"
    (item,) = json.loads(elicit("open-question", "list", session, "--json").stdout)
    assert item == {
        "id": "OQ-001",
        "text": "Which scanners?",
        "owner": "Ann",
        "status": "resolved",
        "resolution": "Zebra TC52",
        "source": ["mini.context.problem"],
        "by": "",
    }
    assert "did you mean 'OQ-001'" in one_error(elicit("open-question", "resolve", session, "OQ-01", "--resolution", "x"))
    one_error(elicit("open-question", "resolve", session, "OQ-001"), code=2)


def test_assumptions_and_terms(session):
    assert elicit("assumption", "add", session, "Wi-Fi in every aisle", "--rationale", "seen on the visit").stdout == "A-001\n"
    assert json.loads(elicit("assumption", "list", session, "--json").stdout) == [
        {"id": "A-001", "text": "Wi-Fi in every aisle", "rationale": "seen on the visit", "source": [], "by": ""}
    ]
    assert elicit("term", "add", session, "SKU", "stock unit").stdout == "added SKU: stock unit\n"
    assert elicit("term", "add", session, "sku", "stock keeping unit").stdout == "updated SKU: stock keeping unit\n"
    assert json.loads(elicit("term", "list", session, "--json").stdout) == [{"term": "SKU", "definition": "stock keeping unit", "source": []}]
    assert elicit("term", "list", session).returncode == 0


def test_a_term_records_the_questions_it_came_from(session):
    """Like decisions, open questions and assumptions, a term names its source question (issue 13)."""
    assert elicit("term", "add", session, "SKU", "stock unit", "--source", "context.problem").returncode == 0
    elicit("term", "add", session, "sku", "stock keeping unit", "--source", "mini.context.platform")
    (item,) = json.loads(elicit("term", "list", session, "--json").stdout)
    assert item == {"term": "SKU", "definition": "stock keeping unit", "source": ["mini.context.problem", "mini.context.platform"]}
    assert "mini.context.problem" in elicit("term", "list", session).stdout
    assert "did you mean" in one_error(elicit("term", "add", session, "pick face", "a shelf", "--source", "mini.context.problme"))
    empty = elicit("decision", "list", session)
    assert empty.returncode == 0 and "elicit decision add" in empty.stdout


# Stories --------------------------------------------------------------------------------------------------


def test_story_set_changes_only_what_is_given_and_keeps_history(session):
    elicit("story", "add", session, "--role", "picker", "--want", "to scan a shelf", "--accept", "a count", "--tag", "stock")
    result = elicit("story", "set", session, "US-001", "--want", "to scan a bin", "--priority", "Must", "--accept", "Given a bin, then a count")
    assert result.returncode == 0 and result.stdout == "US-001 (Must, draft): As a picker, I want to scan a bin\n"
    story = read_session(session).stories[0]
    assert (story.want, story.priority, story.acceptance, story.tags) == ("to scan a bin", "must", ["Given a bin, then a count"], ["stock"])
    assert [(v.want, v.priority) for v in story.history] == [("to scan a shelf", "should")]
    rejected = elicit("story", "set", session, "US-001", "--status", "rejected", "--reason", "the ERP does it")
    assert rejected.returncode == 0
    (listed,) = json.loads(elicit("story", "list", session, "--json").stdout)
    assert (listed["status"], listed["reason"]) == ("rejected", "the ERP does it")


def test_story_set_refuses_nonsense(session):
    elicit("story", "add", session, "--role", "picker", "--want", "to scan")
    before = session.read_bytes()
    one_error(elicit("story", "set", session, "US-001"), code=2)
    one_error(elicit("story", "set", session, "US-001", "--priority", "urgent"), code=2)
    one_error(elicit("story", "set", session, "US-001", "--reason", "no"), code=2)
    assert "did you mean 'US-001'" in one_error(elicit("story", "set", session, "US-01", "--want", "x"))
    assert "needs a 'want'" in one_error(elicit("story", "set", session, "US-001", "--want", " "))
    assert session.read_bytes() == before


def test_story_delete(session):
    elicit("story", "add", session, "--role", "picker", "--want", "to scan")
    elicit("story", "add", session, "--role", "manager", "--want", "a report")
    assert elicit("story", "delete", session, "US-001").stdout == "deleted US-001\n"
    assert [s.id for s in read_session(session).stories] == ["US-002"]
    one_error(elicit("story", "delete", session, "US-001"))


# Summary and time-boxing ------------------------------------------------------------------------------------


def test_summary_json_counts_everything(session):
    elicit("answer", session, "problem", "slow")
    elicit("answer", session, "platform", "--status", "skipped")
    elicit("answer", session, "who", "--status", "revisit")
    elicit("story", "add", session, "--role", "picker", "--want", "to scan", "--priority", "must", "--status", "confirmed")
    elicit("story", "add", session, "--role", "manager", "--want", "a report", "--priority", "could")
    result = elicit("summary", session, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["answered"], data["skipped"], data["revisit"], data["open"], data["required_open"]) == (1, 1, 1, 2, 0)
    assert data["stories"]["by_priority"] == {"must": 1, "should": 0, "could": 1, "wont": 0}
    assert data["stories"]["by_status"] == {"draft": 1, "confirmed": 1, "changed": 0, "rejected": 0}
    assert data["interview_seconds"] == 0 and data["target_minutes"] is None
    context = data["sections"][0]
    assert {key: context[key] for key in ("id", "title", "answered", "open", "minutes_spent", "minutes_budget")} == {
        "id": "mini.context",
        "title": "Context",
        "answered": 1,
        "open": 0,
        "minutes_spent": 0,
        "minutes_budget": None,
    }


def test_new_sets_the_target_length(tmp_path):
    given = elicit("new", tmp_path / "a", "--bank", MINI_BANK, "--target-minutes", "45", "--no-input")
    assert given.returncode == 0 and "45 minutes planned" in given.stdout
    assert read_session(tmp_path / "a.elicit.toml").target_minutes == 45
    default = elicit("new", tmp_path / "b", "--bank", "discovery", "--no-input")
    target = read_session(tmp_path / "b.elicit.toml").target_minutes
    assert target and target >= 30 and f"{target} minutes planned" in default.stdout
    assert json.loads(elicit("summary", tmp_path / "b", "--json").stdout)["target_minutes"] == target
    text = elicit("summary", tmp_path / "b").stdout
    assert f"Interview time: 0 min of {target} planned" in text


def test_the_toml_spec_never_shows_an_open_question_whose_answer_says_answered(session, tmp_path):
    # A file written by an older elicit: a skip recorded as status = "answered" with an empty value.
    text = session.read_text(encoding="utf-8") + '\n[answers."mini.context.problem"]\nvalue = ""\nstatus = "answered"\n'
    session.write_text(text, encoding="utf-8")
    elicit("answer", session, "platform", "Web")
    result = elicit("export", session, "--format", "toml")
    assert result.returncode == 0, result.stderr
    import tomllib

    spec = tomllib.loads(result.stdout)
    for section in spec["sections"]:
        for question in section["questions"]:
            answer = question.get("answer")
            if answer is not None:
                assert answer["status"] == question["status"], question["id"]
            else:
                assert question["status"] == "open"
    problem = spec["sections"][0]["questions"][0]
    assert problem["id"] == "mini.context.problem" and problem["status"] == "open" and "answer" not in problem
