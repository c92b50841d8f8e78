"""Who said it on the command line (issue 16): ``--by NAME`` on answer, story add and the follow-ups."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from elicit.core.session.file_format import dumps_session, read_session
from elicit.core.session.models import Participant
from tests.support.cli import run_elicit

PEOPLE = [Participant("Ann Lee", "owner"), Participant("Ben Cho", "baker")]


@pytest.fixture
def voices(mini_session_path: Path) -> Path:
    session = read_session(mini_session_path)
    session.participants = list(PEOPLE)
    mini_session_path.write_text(dumps_session(session), encoding="utf-8")
    return mini_session_path


def one_error(result: subprocess.CompletedProcess, code: int = 1) -> str:
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("elicit: error: "), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_every_capture_command_credits_the_participant_named(voices):
    assert run_elicit("answer", voices, "mini.context.problem", "Orders on paper", "--by", "Ann Lee").returncode == 0
    assert run_elicit("story", "add", voices, "--role", "baker", "--want", "see tomorrow's orders", "--by", "ben").stdout == "US-001\n"
    assert run_elicit("decision", "add", voices, "Cash only", "--by", "2", "--decided-by", "the board").stdout == "D-001\n"
    assert run_elicit("open-question", "add", voices, "Which till?", "--by", "ann").stdout == "OQ-001\n"
    assert run_elicit("assumption", "add", voices, "Wi-Fi in the shop", "--by", "Ben Cho - baker").stdout == "A-001\n"
    session = read_session(voices)
    assert session.answers["mini.context.problem"].by == "Ann Lee"
    assert [session.stories[0].by, session.decisions[0].by, session.open_questions[0].by, session.assumptions[0].by] == [
        "Ben Cho", "Ben Cho", "Ann Lee", "Ben Cho",
    ]  # fmt: skip
    assert session.decisions[0].decided_by == "the board"


def test_list_json_and_tables_show_who_said_it(voices):
    run_elicit("decision", "add", voices, "Cash only", "--by", "Ben Cho")
    run_elicit("story", "add", voices, "--role", "baker", "--want", "see orders", "--by", "Ann Lee")
    (decision,) = json.loads(run_elicit("decision", "list", voices, "--json").stdout)
    assert decision["by"] == "Ben Cho" and decision["decided_by"] == ""
    (story,) = json.loads(run_elicit("story", "list", voices, "--json").stdout)
    assert story["by"] == "Ann Lee"
    assert "Ben Cho" in run_elicit("decision", "list", voices).stdout


@pytest.mark.parametrize(
    "command",
    [
        ["answer", "{path}", "mini.context.problem", "Orders on paper"],
        ["story", "add", "{path}", "--role", "baker", "--want", "see orders"],
        ["decision", "add", "{path}", "Cash only"],
        ["open-question", "add", "{path}", "Which till?"],
        ["assumption", "add", "{path}", "Wi-Fi"],
    ],
    ids=lambda command: " ".join(command[:2]),
)
def test_an_unknown_name_is_refused_with_the_participants_and_a_did_you_mean(voices, command):
    before = voices.read_bytes()
    line = one_error(run_elicit(*[str(voices) if part == "{path}" else part for part in command], "--by", "Ann Le"))
    assert "'Ann Le' is not a participant of this session" in line and "did you mean 'Ann Lee'?" in line
    assert "participants: 1. Ann Lee (owner), 2. Ben Cho (baker)" in line
    assert voices.read_bytes() == before


def test_by_on_a_session_without_participants_says_what_to_do(mini_session_path):
    before = mini_session_path.read_bytes()
    line = one_error(run_elicit("story", "add", mini_session_path, "--role", "r", "--want", "w", "--by", "Ann"))
    assert "no participants" in line and "--participant" in line and "[[participants]]" in line
    assert mini_session_path.read_bytes() == before


def test_without_by_nothing_is_credited(voices):
    run_elicit("answer", voices, "mini.context.problem", "Orders on paper")
    run_elicit("story", "add", voices, "--role", "baker", "--want", "see orders")
    session = read_session(voices)
    assert session.answers["mini.context.problem"].by == "" and session.stories[0].by == ""
    assert "by =" not in voices.read_text(encoding="utf-8")


def test_by_on_an_answer_needs_the_value_it_credits(voices):
    line = one_error(run_elicit("answer", voices, "mini.context.problem", "--status", "revisit", "--by", "Ann"), code=2)
    assert "--by" in line and "VALUE" in line


def test_an_owner_read_as_a_participant_is_named_on_stderr(voices):
    """trial9 T9-8: '--owner lena' was stored as 'Lena Park' with nothing said; a name typed in full, or a
    name that is no participant's, is stored as typed and needs no note."""
    names = [p.name for p in read_session(voices).participants]
    first = names[0].split()[0].lower()
    added = run_elicit("open-question", "add", voices, "Which till?", "--owner", first)
    assert added.returncode == 0 and added.stdout == "OQ-001\n"
    assert added.stderr == f"elicit: note: owner '{first}' read as the participant '{names[0]}'\n"
    for owner in (names[0], "the board", f" {names[0]} "):
        quiet = run_elicit("open-question", "add", voices, "Which till?", "--owner", owner)
        assert quiet.returncode == 0 and quiet.stderr == "", owner
    assert [q.owner for q in read_session(voices).open_questions] == [names[0], names[0], "the board", names[0]]
