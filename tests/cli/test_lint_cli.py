"""``elicit lint`` and ``elicit import-stories`` run in a subprocess, as a user runs them."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from elicit.core.session.file_format import read_session
from tests.conftest import USER_STORIES
from tests.support.cli import NOT_FOR_LINT, run_elicit

GOOD = "As a nurse, I want to see today's ward list, so that I can plan my shift."
BAD = "As a nurse, I want to create and edit the ward list quickly."


def run(*args: str | Path) -> subprocess.CompletedProcess:
    """``elicit ARGS``; asserts it imported no front end and printed no traceback."""
    return run_elicit(*args, columns=120)


@pytest.fixture
def session(mini_session_path: Path) -> Path:
    return mini_session_path


def stories_file(tmp_path: Path, *lines: str, name: str = "stories.txt", encoding: str = "utf-8", ending: str = "\n") -> Path:
    path = tmp_path / name
    path.write_bytes(ending.join(lines).encode(encoding))
    return path


# elicit lint ---------------------------------------------------------------------------------------------


def test_lint_of_a_text_file_loads_only_what_it_needs(tmp_path):
    """No banks, no engine, no session file format, no rich, no writers: start-up is most of a small lint (issue 18)."""
    result = run_elicit("lint", str(stories_file(tmp_path, GOOD, BAD)), forbid=NOT_FOR_LINT)
    assert result.returncode == 0, result.stderr
    assert "not-atomic" in result.stdout


def test_lint_a_clean_file(tmp_path):
    path = stories_file(tmp_path, GOOD)
    result = run("lint", path, "--strict")
    assert result.returncode == 0, result.stderr
    assert "no findings in 1 story" in result.stdout


def test_lint_a_file_with_findings_prints_a_table_and_strict_exits_1(tmp_path):
    path = stories_file(tmp_path, GOOD, BAD, "Reporting")
    result = run("lint", path)
    assert result.returncode == 0, result.stderr
    for text in ("line 2", "not-atomic", "ambiguous", "line 3", "not-a-story", "findings in 2 of 3 stories"):
        assert text in result.stdout, text
    assert run("lint", path, "--strict").returncode == 1


def test_lint_says_when_no_benefit_is_off_because_the_backlog_gives_none(tmp_path):
    bare = ["As a nurse, I want to see the ward list.", "As a nurse, I want to print the list.", "As a doctor, I want to book a room."]
    path = stories_file(tmp_path, *bare, "As a clerk, I want to file forms, so that I save time.", BAD)
    result = run("lint", path)
    assert result.returncode == 0, result.stderr
    assert "no-benefit is off: only 1 of the 5 stories (20%) gives a benefit" in " ".join(result.stdout.split())
    assert "no-benefit is off" not in run("lint", stories_file(tmp_path, GOOD, GOOD, GOOD, BAD, name="b.txt")).stdout
    assert "no-benefit is off" not in run("lint", path, "--disable", "no-benefit").stdout


def test_lint_says_when_a_structure_check_is_off_because_the_backlog_is_in_an_unknown_shape(tmp_path):
    unknown = [f"Nurse => see ward list {n} => plan my shift" for n in range(1, 5)]
    path = stories_file(tmp_path, *unknown, GOOD)
    result = run("lint", path)
    assert result.returncode == 0, result.stderr
    said = " ".join(result.stdout.split())
    assert "not-a-story is off: 4 of the 5 stories could not be read as a story" in said
    assert "not-a-story" not in said.replace("not-a-story is off", "")
    assert "is off" not in run("lint", path, "--disable", "not-a-story").stdout


def test_lint_says_which_checks_are_quiet_on_lines_it_could_not_place(tmp_path):
    unread = "A text mining robot wants to harvest the PDF versions of the papers."
    path = stories_file(tmp_path, GOOD, GOOD, GOOD, BAD, unread)
    result = run("lint", path)
    assert result.returncode == 0, result.stderr
    said = " ".join(result.stdout.split())
    assert "note: not-a-story is quiet on 1 line: it asks for something in a shape the lint cannot read" in said
    assert "line 5" not in said
    assert "is quiet" not in run("lint", path, "--disable", "not-a-story").stdout


def test_lint_json(tmp_path):
    path = stories_file(tmp_path, GOOD, BAD)
    result = run("lint", path, "--json")
    assert result.returncode == 0, result.stderr
    findings = json.loads(result.stdout)
    assert {f["code"] for f in findings} == {"not-atomic", "ambiguous", "no-benefit"}
    for finding in findings:
        assert set(finding) == {"story_id", "code", "message", "suggestion", "text"}
        assert finding["story_id"] == "line 2" and finding["text"] == BAD
    assert json.loads(run("lint", stories_file(tmp_path, GOOD, name="good.txt"), "--json").stdout) == []


def test_lint_disable(tmp_path):
    path = stories_file(tmp_path, GOOD, BAD)
    result = run("lint", path, "--json", "--disable", "ambiguous", "--disable", "no-benefit,not-atomic", "--strict")
    assert result.returncode == 0 and json.loads(result.stdout) == []
    wrong = run("lint", path, "--disable", "ambigous")
    assert wrong.returncode == 2
    assert "unknown check 'ambigous'" in wrong.stderr and "did you mean 'ambiguous'" in wrong.stderr
    assert len(wrong.stderr.splitlines()) == 1


def test_lint_a_session(tmp_path, session):
    stories = stories_file(tmp_path, GOOD, BAD)
    assert run("import-stories", session, stories).returncode == 0
    result = run("lint", session, "--json")
    assert result.returncode == 0, result.stderr
    findings = json.loads(result.stdout)
    assert {f["story_id"] for f in findings} == {"US-002"}
    assert findings[0]["text"].startswith("As a nurse, I want to create and edit")
    # the session name without its suffix works too
    short = str(session).removesuffix(".elicit.toml")
    assert json.loads(run("lint", short, "--json").stdout) == findings


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_lint_any_line_ending(tmp_path, ending):
    path = stories_file(tmp_path, GOOD, BAD, ending=ending)
    findings = json.loads(run("lint", path, "--json").stdout)
    assert {f["story_id"] for f in findings} == {"line 2"}


def test_lint_cp1252_warns_once_on_stderr(tmp_path):
    path = stories_file(tmp_path, GOOD, "As a café owner, I want to print menus, so that guests can read them.", encoding="cp1252")
    result = run("lint", path, "--json")
    assert result.returncode == 0
    assert result.stderr.count("warning:") == 1 and "cp1252" in result.stderr
    assert json.loads(result.stdout) == []


def test_lint_bad_input_gets_one_line_and_exit_1(tmp_path):
    missing = run("lint", tmp_path / "nothing.txt")
    assert missing.returncode == 1 and "no such file" in missing.stderr and len(missing.stderr.splitlines()) == 1
    broken = tmp_path / "broken.elicit.toml"
    broken.write_text("title = [\n", encoding="utf-8")
    result = run("lint", broken)
    assert result.returncode == 1 and str(broken) in result.stderr
    binary = tmp_path / "picture.txt"
    binary.write_bytes(b"\x89PNG\x00\x00")
    assert run("lint", binary).returncode == 1


def test_lint_the_real_backlogs(tmp_path):
    if not USER_STORIES.is_dir():
        pytest.skip(f"real user stories not found at {USER_STORIES}")
    source = USER_STORIES / "g12-camperplus.txt"
    path = stories_file(tmp_path, *source.read_text(encoding="utf-8").splitlines())
    findings = json.loads(run("lint", path, "--json").stdout)
    codes = {f["code"] for f in findings}
    assert {"duplicate", "non-uniform", "no-benefit", "not-atomic"} <= codes


# elicit import-stories ----------------------------------------------------------------------------------


def test_imported_stories_are_credited_to_nobody_even_with_one_participant(tmp_path, session):
    """A backlog line was said by no one in the room; a one-participant session's speaker (trial3 T3-3) is not its author."""
    assert run("participant", "add", session, "Priya Shah: volunteer coordinator").returncode == 0
    assert run("import-stories", session, stories_file(tmp_path, GOOD)).returncode == 0
    assert [story.by for story in read_session(session).stories] == [""]


def test_import_stories_adds_every_line(tmp_path, session):
    path = stories_file(tmp_path, GOOD, "", "Reporting", "As a clerk I can file forms in order to save time", ending="\r\n")
    result = run("import-stories", session, path)
    assert result.returncode == 0, result.stderr
    assert "imported 3 stories" in result.stdout and "US-001 to US-003" in result.stdout
    assert f"{path}:3: could not read this as a user story; added as US-002" in result.stderr
    stories = read_session(session).stories
    assert [(s.id, s.role, s.want, s.so_that) for s in stories] == [
        ("US-001", "nurse", "to see today's ward list", "I can plan my shift"),
        ("US-002", "", "Reporting", ""),
        ("US-003", "clerk", "to file forms", "I can save time"),
    ]
    assert stories[1].tags == ["unparsed"]
    assert stories[2].quote == "As a clerk I can file forms in order to save time"


def test_import_stories_from_csv(tmp_path, session):
    path = tmp_path / "jira.csv"
    path.write_text(
        'Issue key;Summary;User story;Priority;Acceptance criteria\nW-1;Ward list;"' + GOOD + '";Must;"- shows beds\n- shows names"\n',
        encoding="utf-8-sig",
    )
    result = run("import-stories", session, path)
    assert result.returncode == 0, result.stderr
    assert "column 'User story'" in result.stdout
    (story,) = read_session(session).stories
    assert (story.role, story.priority, story.acceptance) == ("nurse", "must", ["shows beds", "shows names"])
    other = tmp_path / "other.csv"
    other.write_text(f'Notes,Text\nx,"{GOOD}"\n', encoding="utf-8")
    # Issue 13: the same story again is reported and skipped; --keep-duplicates adds it anyway.
    again = run("import-stories", session, other, "--column", "Text")
    assert again.returncode == 0 and "skipped 1 story already in the session: line 2 (US-001)" in again.stdout
    assert len(read_session(session).stories) == 1
    assert run("import-stories", session, other, "--column", "Text", "--keep-duplicates").returncode == 0
    assert len(read_session(session).stories) == 2


def test_import_stories_cp1252(tmp_path, session):
    path = stories_file(tmp_path, "As a café owner, I want to print menus, so that guests can read them.", encoding="cp1252")
    result = run("import-stories", session, path)
    assert result.returncode == 0 and "cp1252" in result.stderr
    assert read_session(session).stories[0].role == "café owner"


def test_a_bad_file_leaves_the_session_untouched(tmp_path, session):
    before = session.read_bytes()
    for args in (
        [tmp_path / "missing.txt"],
        [stories_file(tmp_path, "", "  ", name="empty.txt")],
        [stories_file(tmp_path, "Key,Points", "A,1", name="nostory.csv")],
        [stories_file(tmp_path, f'"{GOOD}"', name="one.csv"), "--column", "Nope"],
        [stories_file(tmp_path, GOOD, name="plain.txt"), "--column", "Story"],
    ):
        result = run("import-stories", session, *args)
        assert result.returncode == 1, args
        assert len(result.stderr.splitlines()) == 1, result.stderr
    assert session.read_bytes() == before
    assert not list(session.parent.glob("*.lock"))


def test_import_into_a_missing_session(tmp_path):
    result = run("import-stories", tmp_path / "none.elicit.toml", stories_file(tmp_path, GOOD))
    assert result.returncode == 1 and "no such session file" in result.stderr


def test_import_stories_keeps_whole_unquoted_stories_and_reports_each_skip(tmp_path, session):
    unquoted = tmp_path / "backlog.csv"
    unquoted.write_text(
        "As a nurse, I want ward lists, so that I plan shifts.\nAs a porter, I want jobs, so that I walk less.\n", encoding="utf-8"
    )
    result = run("import-stories", session, unquoted)
    assert result.returncode == 0, result.stderr
    assert "read as one story a line" in result.stderr
    assert [(s.role, s.so_that) for s in read_session(session).stories] == [("nurse", "I plan shifts"), ("porter", "I walk less")]
    rows = tmp_path / "rows.csv"
    rows.write_text('Story,Priority\n"As a clerk, I want forms, so that I save time.",Must\n,Could\n', encoding="utf-8")
    result = run("import-stories", session, rows)
    assert result.returncode == 0, result.stderr
    assert f"{rows}:3: skipped: no story text in column 'Story' (the row holds: Could)" in result.stderr
    assert "1 row of the file gave no story and was skipped" in result.stdout
