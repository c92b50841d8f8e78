"""The command line, run as a user runs it: a subprocess per command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from elicit.core.session.file_format import read_session
from elicit.core.session.locking import SessionLock
from tests.conftest import MINI_BANK
from tests.support.cli import NOT_FOR_ANSWER, run_elicit


def elicit(*args: str, cwd: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    """Run ``elicit ARGS`` in a subprocess; check it never imports a front end."""
    return run_elicit(*args, cwd=cwd, stdin=stdin)


@pytest.fixture
def session(tmp_path: Path) -> Path:
    result = elicit(
        "new",
        str(tmp_path / "demo"),
        "--bank",
        str(MINI_BANK),
        "--title",
        "Demo",
        "--client",
        "ACME",
        "--participant",
        "Ann:Owner",
        "--no-input",
    )
    assert result.returncode == 0, result.stderr
    return tmp_path / "demo.elicit.toml"


def test_version():
    result = subprocess.run([sys.executable, "-m", "elicit", "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stdout.startswith("elicit ")


def test_help_for_every_command():
    for args in (["--help"], ["banks", "--help"], ["banks", "list", "--help"], ["banks", "show", "--help"], ["banks", "validate", "--help"],
                 ["new", "--help"], ["answer", "--help"], ["story", "--help"], ["story", "add", "--help"], ["story", "list", "--help"],
                 ["summary", "--help"], ["open", "--help"]):  # fmt: skip
        result = elicit(*args)
        assert result.returncode == 0 and "usage: elicit" in result.stdout, args


def test_usage_errors_exit_2_in_one_line():
    for args in (
        ["nonsense"],
        ["new"],
        ["answer", "x.elicit.toml"],
        ["story", "add", "x.elicit.toml", "--want", "w"],
        ["story", "add", "x", "--role", "r", "--want", "w", "--priority", "urgent"],
    ):
        result = elicit(*args)
        assert result.returncode == 2, args
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "error:" in result.stderr and "--help" in result.stderr


def test_banks_list_json_and_table(tmp_path):
    listed = elicit("banks", "list", "--json", cwd=tmp_path)
    assert listed.returncode == 0
    rows = json.loads(listed.stdout)
    assert {"id", "title", "version", "questions", "source", "path", "overrides", "problems"} <= set(rows[0])
    assert elicit("banks", "list", cwd=tmp_path).stdout.startswith(rows[0]["id"])


def test_banks_list_shows_project_overrides(tmp_path):
    (tmp_path / "question_banks").mkdir()
    (tmp_path / "question_banks" / "mine.toml").write_text(
        MINI_BANK.read_text().replace('id = "mini"', 'id = "discovery"'), encoding="utf-8"
    )
    rows = {row["id"]: row for row in json.loads(elicit("banks", "list", "--json", cwd=tmp_path).stdout)}
    assert rows["discovery"]["source"] == "project"
    assert rows["discovery"]["overrides"][0].endswith("discovery.toml")
    assert "overrides" in elicit("banks", "list", cwd=tmp_path).stdout


def test_banks_show_json_shape():
    result = elicit("banks", "show", str(MINI_BANK), "--json")
    data = json.loads(result.stdout)
    assert {"id", "title", "version", "sections"} <= set(data)
    question = data["sections"][0]["questions"][1]
    assert question["id"] == "mini.context.platform" and question["kind"] == "choice" and question["options"][0] == "Web"
    assert {"id", "prompt", "kind"} <= set(question)


def test_banks_show_text_and_unknown_bank():
    shown = elicit("banks", "show", str(MINI_BANK))
    assert shown.returncode == 0 and "mini.context.platform" in shown.stdout
    missing = elicit("banks", "show", "no-such-bank")
    assert missing.returncode == 1 and "no bank with id 'no-such-bank'" in missing.stderr


def test_banks_show_gives_section_minutes_and_exclusive_options(tmp_path):
    """What a bank author wrote about time budgets and "stands alone" options is shown, in text and JSON (issue 13)."""
    bank = tmp_path / "timed.toml"
    text = MINI_BANK.read_text(encoding="utf-8").replace('goal = "Understand the product."', 'goal = "Understand the product."\nminutes = 15', 1)
    text = text.replace('kind = "choice"\noptions = ["Web", "Mobile", "Desktop", "Not sure"]', 'kind = "multi"\noptions = ["Web", "Mobile", { label = "Not sure", exclusive = true }]')
    bank.write_text(text, encoding="utf-8")
    shown = elicit("banks", "show", str(bank)).stdout
    assert "Context mini.context · 15 min" in shown and "Users mini.users\n" in shown, shown
    assert "mini.context.platform · multi: Web / Mobile / Not sure (exclusive)" in shown
    data = json.loads(elicit("banks", "show", str(bank), "--json").stdout)
    assert [section.get("minutes") for section in data["sections"]] == [15, None]
    platform = data["sections"][0]["questions"][1]
    assert platform["options"] == ["Web", "Mobile", "Not sure"] and platform["exclusive_options"] == ["Not sure"]


def test_banks_show_wraps_long_prompts_under_themselves_and_keeps_brackets(tmp_path):
    long_prompt = "What [bold]happens[/] when " + "the client waits for the order " * 4 + "?"
    bank = tmp_path / "long.toml"
    bank.write_text(MINI_BANK.read_text(encoding="utf-8").replace("Where will people use it?", long_prompt), encoding="utf-8")
    shown = elicit("banks", "show", str(bank)).stdout.splitlines()  # COLUMNS=100
    start = next(i for i, line in enumerate(shown) if line.startswith("   What [bold]happens[/] when"))
    continued = shown[start + 1]
    assert continued.startswith("   ") and not continued.startswith("    ") and len(shown[start]) <= 100
    assert " ".join(line.strip() for line in shown[start : start + 2]) == " ".join(long_prompt.split())
    assert all(line == line.rstrip() for line in shown)


def test_banks_validate_reports_every_problem_with_file_and_line(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'id = "bad"\ntitle = "B"\nversion = "1"\n[[sections]]\nid = "s"\ntitle = "S"\ngoal = "G"\n[[sections.questions]]\nid = "q"\npromt = "Q?"\n',
        encoding="utf-8",
    )
    result = elicit("banks", "validate", str(bad), str(MINI_BANK))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith(f"elicit: error: {bad}:8: sections[0].questions[0].prompt: missing required key 'prompt'")
    assert lines[1] == f"elicit: error: {bad}:10: sections[0].questions[0].promt: unknown key 'promt' in question; did you mean 'prompt'?"
    assert lines[-1] == "2 problem(s) in 2 bank(s)"


def test_banks_validate_everything_found(tmp_path):
    result = elicit("banks", "validate", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.startswith("ok: ")


def test_new_reads_participants_as_the_app_does(tmp_path):
    result = elicit(
        "new", str(tmp_path / "p"), "--bank", str(MINI_BANK), "--title", "P", "--no-input",
        "--participant", "Raj - account manager", "--participant", "Anne-Marie",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    people = [(p.name, p.role) for p in read_session(tmp_path / "p.elicit.toml").participants]
    assert people == [("Raj", "account manager"), ("Anne-Marie", "")]
    refused = elicit("new", str(tmp_path / "q"), "--bank", str(MINI_BANK), "--title", "Q", "--no-input", "--participant", ":Owner")
    assert refused.returncode == 2 and "--participant needs a name" in refused.stderr


def test_new_creates_a_session(session):
    data = read_session(session)
    assert data.title == "Demo" and data.client == "ACME"
    assert data.participants[0].name == "Ann" and data.participants[0].role == "Owner"
    assert data.banks[0].id == "mini" and data.banks[0].hash.startswith("sha256:")
    assert data.current == "mini.context.problem"
    assert not (session.parent / "demo.elicit.toml.lock").exists()


def test_new_refuses_to_overwrite(session):
    before = session.read_bytes()
    result = elicit("new", str(session), "--bank", str(MINI_BANK), "--no-input")
    assert result.returncode == 1 and "already exists" in result.stderr
    assert session.read_bytes() == before


def test_new_needs_a_bank_without_input(tmp_path):
    result = elicit("new", str(tmp_path / "x"), "--no-input")
    assert result.returncode == 2 and "--bank" in result.stderr
    assert not (tmp_path / "x.elicit.toml").exists()


def test_new_with_a_broken_bank_writes_nothing(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("id = ", encoding="utf-8")
    result = elicit("new", str(tmp_path / "x"), "--bank", str(bad), "--no-input")
    assert result.returncode == 1 and f"{bad}:1: TOML syntax error" in result.stderr
    assert not (tmp_path / "x.elicit.toml").exists()


def test_new_with_a_builtin_bank_by_id(tmp_path):
    result = elicit("new", str(tmp_path / "disc"), "--bank", "discovery", "--no-input")
    assert result.returncode == 0, result.stderr
    data = read_session(tmp_path / "disc.elicit.toml")
    assert data.banks[0].id == "discovery" and data.banks[0].path == ""
    assert data.title == "disc"


def test_answer_every_kind(session):
    for question, value in (
        ("problem", "Counts are wrong"),
        ("platform", "2"),
        ("offline", "yes"),
        ("offline_how_long", "8"),
        ("channels", "email, chat"),
        ("satisfaction", "4"),
        ("count", "12"),
    ):
        result = elicit("answer", str(session), question, value)
        assert result.returncode == 0, result.stderr
    answers = read_session(session).answers
    assert answers["mini.context.platform"].value == "Mobile"
    assert answers["mini.context.offline"].value is True
    assert answers["mini.users.channels"].value == ["Email", "Chat"]
    assert answers["mini.users.satisfaction"].value == 4
    assert answers["mini.context.problem"].answered_at is not None


def test_answer_loads_only_what_it_needs(session):
    """Lock, load, save: no story lint, no spec exporters, no rich, no TOML writer but elicit's own (issue 18)."""
    result = run_elicit("answer", str(session), "problem", "Counts are wrong", forbid=NOT_FOR_ANSWER)
    assert result.returncode == 0, result.stderr
    assert read_session(session).answers["mini.context.problem"].value == "Counts are wrong"


def test_answer_notes_and_status(session):
    assert elicit("answer", str(session), "who", "--status", "skipped").returncode == 0
    assert elicit("answer", str(session), "mini.context.problem", "slow", "--notes", "said twice", "--status", "revisit").returncode == 0
    assert elicit("answer", str(session), "count", "--notes", "ask finance").returncode == 0
    answers = read_session(session).answers
    assert answers["mini.users.who"].status == "skipped"
    assert (answers["mini.context.problem"].value, answers["mini.context.problem"].notes, answers["mini.context.problem"].status) == (
        "slow",
        "said twice",
        "revisit",
    )
    assert answers["mini.users.count"].notes == "ask finance"
    assert (session.parent / "demo.elicit.toml.bak").exists()


def test_answer_to_a_question_that_does_not_apply_is_kept_with_a_note(session):
    result = elicit("answer", str(session), "offline", "no")
    assert result.returncode == 0 and "does not apply" in result.stderr
    assert read_session(session).answers["mini.context.offline"].value is False


def test_bad_answers_change_nothing(session):
    before = session.read_bytes()
    for args, fragment in (
        (("platform", "Mars"), "is not an option"),
        (("satisfaction", "9"), "takes 5 or less"),
        (("nope", "x"), "no question 'nope'"),
        (("offline", "perhaps"), "answer yes or no"),
    ):
        result = elicit("answer", str(session), *args)
        assert result.returncode == 1 and fragment in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert session.read_bytes() == before


def test_answer_on_a_missing_or_broken_file(tmp_path):
    result = elicit("answer", str(tmp_path / "none.elicit.toml"), "q", "x")
    assert result.returncode == 1 and "no such session file" in result.stderr
    broken = tmp_path / "broken.elicit.toml"
    broken.write_text('schema = "elicit.session/1"\ntitle = \n', encoding="utf-8")
    result = elicit("answer", str(broken), "q", "x")
    assert result.returncode == 1 and f"{broken}:2: TOML syntax error" in result.stderr
    assert broken.read_text(encoding="utf-8") == 'schema = "elicit.session/1"\ntitle = \n'


def test_answer_while_the_session_is_open_elsewhere(session):
    with SessionLock(session, "elicit open"):
        result = elicit("answer", str(session), "problem", "x")
    assert result.returncode == 1
    assert "is open in another elicit" in result.stderr and "elicit open" in result.stderr


def test_story_add_and_list(session):
    added = elicit(
        "story", "add", str(session), "--role", "field engineer", "--want", "to record visits offline", "--so-that", "nothing is lost",
        "--priority", "must", "--accept", "Given no signal, when I save, then it syncs later", "--accept", "It shows what is unsynced",
        "--quote", "we lose half the forms", "--source", "offline", "--tag", "mobile",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert added.stdout == "US-001\n"
    assert elicit("story", "add", str(session), "--role", "manager", "--want", "a weekly report").stdout == "US-002\n"
    stories = json.loads(elicit("story", "list", str(session), "--json").stdout)
    assert [s["id"] for s in stories] == ["US-001", "US-002"]
    assert set(stories[0]) == {"id", "role", "want", "so_that", "priority", "acceptance", "quote", "source", "tags", "status", "reason", "by"}
    assert stories[0]["source"] == ["mini.context.offline"] and stories[0]["acceptance"][1] == "It shows what is unsynced"
    assert stories[1]["priority"] == "should" and stories[1]["status"] == "draft"
    table = elicit("story", "list", str(session))
    assert "US-001" in table.stdout and "Must" in table.stdout


def test_story_add_with_an_unknown_source_changes_nothing(session):
    before = session.read_bytes()
    result = elicit("story", "add", str(session), "--role", "r", "--want", "w", "--source", "nope")
    assert result.returncode == 1 and "no question 'nope'" in result.stderr
    assert session.read_bytes() == before


def test_story_list_empty(session):
    result = elicit("story", "list", str(session))
    assert result.returncode == 0 and "no stories yet" in result.stdout
    assert elicit("story", "list", str(session), "--json").stdout == "[]\n"


def test_summary(session):
    elicit("answer", str(session), "platform", "Web")
    elicit("answer", str(session), "who", "--status", "revisit")
    elicit("story", "add", str(session), "--role", "r", "--want", "w", "--priority", "must")
    result = elicit("summary", str(session))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Demo" in out and "ACME" in out
    assert "Progress: 1/5 questions done (20%)" in out
    assert "Coverage by section" in out and "Context" in out and "1/2" in out
    assert "Required questions still open (1)" in out and "mini.context.problem" in out
    assert "Flagged to revisit (1)" in out
    assert "Stories: 1" in out and "Must 1" in out
    assert "Story quality: 1 of 1 stories has notes" in out  # a Must story without acceptance criteria


def test_summary_wraps_a_long_story_under_its_text(session):
    want = "see every order from the shop the moment it is placed, " * 3
    elicit("story", "add", str(session), "--role", "warehouse clerk", "--want", want.strip(), "--priority", "must")
    lines = elicit("summary", str(session)).stdout.splitlines()  # COLUMNS=100
    start = next(i for i, line in enumerate(lines) if line.startswith("  US-001  As a warehouse clerk"))
    assert lines[start + 1].startswith(" " * 10) and not lines[start + 1].startswith(" " * 11)
    assert all(line == line.rstrip() for line in lines[start : start + 3])


def test_summary_piped_at_80_columns_has_no_trailing_space(session):
    """Trial5 T5-9 (as trial4 T4-9 for compare): the progress line wrapped at 80 with a space before the break."""
    elicit("answer", str(session), "platform", "Web")
    printed = run_elicit("summary", str(session), columns=80)
    assert printed.returncode == 0, printed.stderr
    lines = printed.stdout.splitlines()
    assert [line for line in lines if line != line.rstrip()] == []
    assert max(len(line) for line in lines) <= 80
    assert any(line.startswith("Progress:") for line in lines)


def test_story_list_piped_has_no_padding_after_the_text(session):
    elicit("story", "add", str(session), "--role", "r", "--want", "w", "--priority", "must")
    want = "see every order from the shop the moment it is placed, " * 3  # wraps in the story column (COLUMNS=100)
    elicit("story", "add", str(session), "--role", "warehouse clerk", "--want", want.strip())
    listed = elicit("story", "list", str(session)).stdout.splitlines()
    assert len(listed) > 3 and [line for line in listed if line != line.rstrip()] == []


def test_summary_of_a_session_whose_bank_is_gone(tmp_path):
    bank = tmp_path / "gone.toml"
    bank.write_text(MINI_BANK.read_text().replace('id = "mini"', 'id = "gone"'), encoding="utf-8")
    assert elicit("new", str(tmp_path / "s"), "--bank", str(bank), "--no-input").returncode == 0
    bank.unlink()
    result = elicit("summary", str(tmp_path / "s.elicit.toml"))
    assert result.returncode == 1 and "bank 'gone' used by this session was not found" in result.stderr


def test_session_from_a_newer_elicit_is_refused(session):
    session.write_text(session.read_text(encoding="utf-8").replace('title = "Demo"', 'title = "Demo"\nsponsor = "CFO"'), encoding="utf-8")
    result = elicit("answer", str(session), "problem", "x")
    assert result.returncode == 1
    assert "unknown key 'sponsor'" in result.stderr and "upgrade elicit" in result.stderr
    assert "sponsor" in session.read_text(encoding="utf-8")


def test_new_puts_the_session_on_the_launchers_recent_list(session):
    from elicit.core.session.recent import recent

    listed = recent()
    assert listed[0].path == session.resolve() and listed[0].title == "Demo" and listed[0].client == "ACME"
    assert listed[0].progress == "0/5"
