"""`elicit new` on a terminal asks for what the command line left out (questionary, in a real pty)."""

from __future__ import annotations

from pathlib import Path

from elicit.core.session.file_format import read_session
from tests.conftest import MINI_BANK
from tests.support.plain import ENTER, PtyProcess


def run_new(tmp_path: Path, *args: str) -> PtyProcess:
    return PtyProcess(["new", "acme", *args], env={"NO_COLOR": "1"}, cwd=tmp_path)


def test_new_asks_for_title_client_and_interviewer(tmp_path):
    process = run_new(tmp_path, "--bank", str(MINI_BANK))
    try:
        process.expect("Interview title")
        process.send(ENTER)  # keep the title suggested from the file name
        process.expect("Client")
        process.send("ACME Wholesale" + ENTER)
        process.expect("Interviewer")
        process.send("Kim" + ENTER)
        process.expect("Participant")
        process.send(ENTER)  # nobody named: none asked for again
        process.expect("created")
        assert process.wait() == 0
    finally:
        process.kill()
    session = read_session(tmp_path / "acme.elicit.toml")
    assert (session.title, session.client, session.interviewer) == ("acme", "ACME Wholesale", "Kim")
    assert [bank.id for bank in session.banks] == ["mini"] and session.participants == []


def test_new_asks_for_the_people_interviewed_one_at_a_time(tmp_path):
    """trial7 T7-19: a session made on the terminal had nobody to credit answers to (the app's form asks)."""
    process = run_new(tmp_path, "--bank", str(MINI_BANK), "--title", "T", "--client", "C", "--interviewer", "I")
    try:
        process.expect("Participant")
        process.send("Dr Maria Chen: practice owner" + ENTER)
        process.expect("Participant")
        process.send("Tom Reyes - receptionist" + ENTER)
        process.expect("Participant")
        process.send(ENTER)
        process.expect("created")
        assert process.wait() == 0
    finally:
        process.kill()
    people = [(p.name, p.role) for p in read_session(tmp_path / "acme.elicit.toml").participants]
    assert people == [("Dr Maria Chen", "practice owner"), ("Tom Reyes", "receptionist")]


def test_new_offers_the_banks_with_discovery_ticked(tmp_path):
    process = run_new(tmp_path, "--title", "T", "--client", "C", "--interviewer", "I", "--participant", "Ann")
    try:
        process.expect("Question banks to use")
        process.send(ENTER)  # accept what is ticked
        process.expect("created")
        assert process.wait() == 0
    finally:
        process.kill()
    assert [bank.id for bank in read_session(tmp_path / "acme.elicit.toml").banks] == ["discovery"]


def test_new_interrupted_while_asking_writes_nothing(tmp_path):
    process = run_new(tmp_path, "--bank", str(MINI_BANK))
    try:
        process.expect("Interview title")
        process.send("\x03")
        assert process.wait() != 0
    finally:
        process.kill()
    assert "Traceback" not in process.text
    assert not (tmp_path / "acme.elicit.toml").exists()
