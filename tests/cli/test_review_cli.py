"""The review loop on the command line: round, review sheet / import / list / accept / decline, diff."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from elicit.core.session.file_format import read_session
from tests.support.cli import run_elicit


@pytest.fixture
def session(mini_session_path: Path) -> Path:
    for want, priority in (("to record a job offline", "must"), ("to see jobs on a map", "should")):
        added = run_elicit("story", "add", mini_session_path, "--role", "technician", "--want", want, "--priority", priority, "--source", "problem")
        assert added.returncode == 0, added.stderr
    return mini_session_path


def test_round_prints_its_number_and_freezes_the_stories(session):
    first = run_elicit("round", session, "--note", "sent to Sam")
    assert first.returncode == 0 and first.stdout == "round 1\n"
    assert run_elicit("story", "set", session, "US-001", "--want", "to save a job offline").returncode == 0
    assert run_elicit("round", session).stdout == "round 2\n"
    rounds = read_session(session).rounds
    assert [r.note for r in rounds] == ["sent to Sam", ""]
    assert rounds[0].stories[0].want == "to record a job offline" and rounds[1].stories[0].want == "to save a job offline"


def test_a_sheet_written_for_another_session_is_refused_with_one_line(session, tmp_path):
    """Trial2 T19: another session's sheet was imported by story id without a word."""
    run_elicit("round", session)
    sheet = tmp_path / "review.csv"
    assert run_elicit("review", "sheet", session, "-o", sheet).returncode == 0
    text = sheet.read_text(encoding="utf-8-sig")
    sheet.write_text(text + "US-001,,,,change,\"As a ghost, I want nothing\",,\r\n", encoding="utf-8")
    other = tmp_path / "other.elicit.toml"
    other.write_text(re.sub(r'(?m)^title = ".*"$', 'title = "Hygienists"', session.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    before = other.read_bytes()
    result = run_elicit("review", "import", other, sheet)
    assert result.returncode != 0 and other.read_bytes() == before
    [line] = result.stderr.splitlines()
    assert line.startswith(f"elicit: error: {sheet}: this sheet is from '") and "round 1" in line and "not from this session ('Hygienists')" in line


def test_the_whole_loop_sheet_import_accept_decline_and_diff(session, tmp_path):
    run_elicit("round", session)
    sheet = tmp_path / "review.xlsx"
    written = run_elicit("review", "sheet", session, "-o", sheet)
    assert written.returncode == 0 and "2 stories" in written.stdout
    workbook = load_workbook(sheet)
    rows = workbook.active
    rows["E3"], rows["F3"], rows["H3"] = "change", "As a technician, I want to save a job with no signal", "Basements"
    rows["G4"] = "Must"
    workbook.save(sheet)
    imported = run_elicit("review", "import", session, sheet)
    assert imported.returncode == 0, imported.stderr
    assert f"2 proposals to accept or decline; see 'elicit review list {session}'" in imported.stdout  # not 'proposal(s)'
    assert read_session(session).stories[0].want == "to record a job offline"  # importing changes nothing
    listed = json.loads(run_elicit("review", "list", session, "--json").stdout)
    assert [(p["id"], p["story"], p["change"], p["status"]) for p in listed] == [("P-001", "US-001", "change", "open"), ("P-002", "US-002", "change", "open")]
    assert set(listed[0]) == {"id", "story", "change", "wording", "priority", "comment", "status", "reason"}
    assert "priority Must" in run_elicit("review", "list", session).stdout  # as the app and the specs write it (T4: 'wont')
    assert run_elicit("review", "accept", session, "P-001").returncode == 0
    declined = run_elicit("review", "decline", session, "P-002", "--reason", "Maps come after the pilot")
    assert declined.returncode == 0 and "D-001" in declined.stdout
    after = read_session(session)
    assert after.stories[0].want == "to save a job with no signal" and after.stories[0].status == "changed"
    assert after.stories[0].history[-1].want == "to record a job offline"
    assert after.stories[1].priority == "should"
    changes = json.loads(run_elicit("diff", f"{session}@last", session, "--format", "json").stdout)
    assert [(c["kind"], c["id"], c["change"]) for c in changes] == [("story", "US-001", "changed"), ("decision", "D-001", "added")]
    assert changes[0]["reason"] == "changed at the client's request (the review sheet of round 1, row 3): Basements" and changes[1]["reason"] == "Maps come after the pilot"
    page = run_elicit("diff", f"{session}@1", session, "--format", "md").stdout
    assert page.startswith("# What changed since round 1") and "Maps come after the pilot" in page
    client_spec = run_elicit("export", session, "--format", "md").stdout
    assert "Maps come after the pilot" in client_spec


def test_bad_rows_are_reported_with_their_row_and_the_rest_imported(session, tmp_path):
    sheet = tmp_path / "back.csv"
    sheet.write_text("ID;Your priority;Your comment\nUS-001;;ok\nUS-404;Must;\nUS-002;Soon;\n", encoding="utf-8-sig")
    result = run_elicit("review", "import", session, sheet)
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1].startswith("2 proposals to accept or decline, 1 row skipped;")
    assert result.stderr.splitlines() == [
        f"elicit: warning: {sheet}: the sheet does not say which session and round it is from (written by an older elicit); check it is this session's before accepting",
        f"elicit: warning: {sheet}: row 4: 'Soon' is not a priority (Must, Should, Could or Won't); kept in the proposal's comment",
        f"elicit: warning: {sheet}: row 3: no story 'US-404' in this session; row skipped",
    ]  # trial4 T4-2: a priority in the client's own words keeps its row, the words in the comment
    assert [(p.story, p.comment) for p in read_session(session).proposals] == [("US-001", "ok"), ("US-002", "your priority: Soon")]


def test_mistakes_get_one_clear_line(session, tmp_path):
    cases = [
        (("diff", f"{session}@1", session), "no round recorded yet"),
        (("review", "accept", session, "P-001"), "import a review sheet first"),
        (("review", "sheet", session, "-o", tmp_path / "x.ods"), ".csv or .xlsx"),
        (("review", "import", session, tmp_path / "missing.csv"), "not found"),
    ]
    for args, words in cases:
        result = run_elicit(*args)
        assert result.returncode == 1, args
        [line] = result.stderr.splitlines()
        assert line.startswith("elicit: error: ") and words in line, line
    assert run_elicit("review").returncode == 2
    assert run_elicit("review", "decline", session, "P-001").returncode == 2  # --reason is required


def test_lint_reports_a_suspect_story_until_it_is_confirmed(session):
    assert run_elicit("answer", session, "problem", "Jobs are re-keyed every evening").returncode == 0
    assert run_elicit("story", "set", session, "US-001", "--status", "confirmed").returncode == 0
    codes = lambda: [f["code"] for f in json.loads(run_elicit("lint", session, "--json").stdout) if f["story_id"] == "US-001"]  # noqa: E731
    assert "suspect" not in codes()
    assert run_elicit("answer", session, "problem", "Jobs are re-keyed twice a week").returncode == 0
    assert "suspect" in codes()
    assert "suspect" not in [f["code"] for f in json.loads(run_elicit("lint", session, "--json", "--disable", "suspect").stdout)]
    assert run_elicit("story", "set", session, "US-001", "--status", "confirmed").returncode == 0
    assert "suspect" not in codes()


def test_export_for_the_client_records_a_round_in_the_same_step(session, tmp_path):
    spec = tmp_path / "acme.spec.md"
    exported = run_elicit("export", session, "--format", "md", "--audience", "client", "-o", spec, "--round", "--note", "sent to Sam")
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout == f"wrote {spec}\nround 1\n"
    [frozen] = read_session(session).rounds
    assert frozen.note == "sent to Sam" and [story.want for story in frozen.stories] == ["to record a job offline", "to see jobs on a map"]
    assert "to record a job offline" in spec.read_text(encoding="utf-8")

    to_stdout = run_elicit("export", session, "--format", "md", "--round")
    assert to_stdout.returncode == 0 and to_stdout.stdout.startswith("# "), "the spec alone on stdout"
    assert "round 2" in to_stdout.stderr
    assert [item.note for item in read_session(session).rounds] == ["sent to Sam", ""]


def test_export_round_mistakes_record_nothing(session, tmp_path):
    for args, message in (
        (("--audience", "team", "--round"), "--round records what the client is sent"),
        (("--note", "sent"), "--note is the note of a round: give --round too"),
    ):
        result = run_elicit("export", session, "--format", "md", "-o", tmp_path / "x.md", *args)
        assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
    failed = run_elicit("export", session, "--format", "md", "-o", tmp_path / "missing" / "deeper" / "x.md", "--round")
    assert failed.returncode != 0 and "Traceback" not in failed.stderr
    assert not (tmp_path / "x.md").exists()
    assert read_session(session).rounds == [], "a round is recorded only when the export was written"


def test_a_new_story_on_the_sheet_is_imported_listed_accepted_and_in_the_diff(session, tmp_path):
    """Trial4 T4-4: a row with no story ID was skipped; it is a proposal to add the story."""
    run_elicit("round", session)
    sheet = tmp_path / "review.csv"
    assert run_elicit("review", "sheet", session, "-o", sheet).stdout == f"wrote {sheet}: 2 stories for the client to review (round 1)\n"
    run_elicit("story", "set", session, "US-002", "--status", "rejected", "--reason", "later")
    assert "1 story for the client" in run_elicit("review", "sheet", session, "-o", tmp_path / "one.csv").stdout
    text = sheet.read_text(encoding="utf-8-sig")
    run_elicit("story", "set", session, "US-002", "--status", "draft")
    sheet.write_text(text + ',"As a planning officer, I want to see a map of the site",Could,The site boundary shows,,,,new one from me\r\n', encoding="utf-8-sig")
    imported = run_elicit("review", "import", session, sheet)
    assert imported.returncode == 0 and imported.stderr == ""
    assert "P-001  (new story)  add  (row 5)" in imported.stdout
    [listed] = json.loads(run_elicit("review", "list", session, "--json").stdout)
    assert listed == {
        "id": "P-001", "story": "", "change": "add", "wording": "As a planning officer, I want to see a map of the site", "priority": "could",
        "comment": "new one from me", "status": "open", "reason": "", "acceptance": ["The site boundary shows"],
    }  # fmt: skip
    table = run_elicit("review", "list", session)
    assert "(new story)" in table.stdout and "add" in table.stdout
    assert [line for line in table.stdout.splitlines() if line != line.rstrip()] == [], "piped: no padding after the text"
    accepted = run_elicit("review", "accept", session, "P-001")
    assert accepted.returncode == 0 and accepted.stdout == "P-001 accepted: the client's story is added as US-003\n"
    story = read_session(session).stories[-1]
    assert (story.id, story.role, story.want, story.priority, story.acceptance) == ("US-003", "planning officer", "to see a map of the site", "could", ["The site boundary shows"])
    [change] = json.loads(run_elicit("diff", f"{session}@1", session, "--format", "json").stdout)
    assert (change["id"], change["change"], change["reason"]) == ("US-003", "added", "added at the client's request (the review sheet of round 1, row 5): new one from me")
