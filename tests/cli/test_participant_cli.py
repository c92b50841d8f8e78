"""``elicit participant add|list`` as a user runs them: the service's add_participant, bad input, the file kept."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from elicit.core.session.file_format import read_session
from tests.support.cli import run_elicit


@pytest.fixture
def session(tmp_path: Path) -> Path:
    path = tmp_path / "reminders.elicit.toml"
    made = run_elicit("new", path, "--bank", "discovery", "--participant", "Dr. Maria Okafor: practice owner", "--no-input")
    assert made.returncode == 0, made.stderr
    return path


def test_add_prints_the_participant_numbered_as_by_takes_them_and_by_credits_them(session):
    added = run_elicit("participant", "add", session, "Lena Park - receptionist")
    assert (added.returncode, added.stdout, added.stderr) == (0, "2. Lena Park (receptionist)\n", "")
    assert [(p.name, p.role) for p in read_session(session).participants] == [
        ("Dr. Maria Okafor", "practice owner"),
        ("Lena Park", "receptionist"),
    ]
    answered = run_elicit("answer", session, "discovery.problem.in_their_words", "The phone rings all morning", "--by", "2")
    assert answered.returncode == 0, answered.stderr
    assert read_session(session).answers["discovery.problem.in_their_words"].by == "Lena Park"


def test_list_as_lines_and_json(session):
    run_elicit("participant", "add", session, "Tom Reyes")
    listed = run_elicit("participant", "list", session)
    assert listed.stdout == "1. Dr. Maria Okafor (practice owner)\n2. Tom Reyes\n"
    data = json.loads(run_elicit("participant", "list", session, "--json").stdout)
    assert data == [{"name": "Dr. Maria Okafor", "role": "practice owner"}, {"name": "Tom Reyes"}]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("maria okafor", None),  # not a duplicate: another name
        ("dr. maria okafor: dentist", "elicit: error: 'Dr. Maria Okafor' is already a participant of this session; participants: Dr. Maria Okafor (practice owner)\n"),
        ("", "elicit: error: a participant needs a name, as NAME, NAME: ROLE or 'NAME - ROLE', not ''\n"),
        (": receptionist", "elicit: error: a participant needs a name, as NAME, NAME: ROLE or 'NAME - ROLE', not ': receptionist'\n"),
        ("Lena\nPark", "elicit: error: a participant's name and role are one line of text each, not 'Lena Park'\n"),
    ],
)
def test_bad_input_is_one_line_and_leaves_the_file_alone(session, typed, message):
    before = hashlib.sha256(session.read_bytes()).hexdigest()
    result = run_elicit("participant", "add", session, typed)
    if message is None:
        assert result.returncode == 0, result.stderr
        return
    assert (result.returncode, result.stdout, result.stderr) == (1, "", message)
    assert hashlib.sha256(session.read_bytes()).hexdigest() == before


def test_a_missing_session_and_a_missing_subcommand(tmp_path):
    missing = run_elicit("participant", "add", tmp_path / "nope.elicit.toml", "Ann")
    assert missing.returncode == 1 and missing.stderr.startswith("elicit: error: ") and missing.stderr.count("\n") == 1
    bare = run_elicit("participant")
    assert bare.returncode == 2 and bare.stderr == "elicit: error: choose a command: add, list (see 'elicit participant --help')\n"
