"""Hostile files through the real command line (issue 11): one clear line, never a traceback, nothing damaged."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cli import FRONT_ENDS, run_elicit


@pytest.fixture
def deep_bank_folder(tmp_path: Path) -> Path:
    (tmp_path / "question_banks").mkdir()
    (tmp_path / "question_banks" / "deep.toml").write_text("a = " + "[" * 1000 + "]" * 1000, encoding="utf-8")
    return tmp_path


def test_a_deeply_nested_bank_does_not_break_listing_or_other_banks(deep_bank_folder: Path):
    listing = run_elicit("banks", "list", cwd=deep_bank_folder)
    assert listing.returncode == 0, listing.stderr
    assert "deep" in listing.stdout and "problem" in listing.stdout
    new = run_elicit("new", "s.elicit.toml", "--bank", "discovery", "--no-input", cwd=deep_bank_folder)
    assert new.returncode == 0, new.stderr
    validate = run_elicit("banks", "validate", "question_banks/deep.toml", cwd=deep_bank_folder)
    assert validate.returncode == 1
    assert "question_banks/deep.toml:1: nested too deeply" in validate.stdout + validate.stderr


def _session(tmp_path: Path, *, schema: str = "elicit.session/1", story_id: str = "US-001") -> Path:
    path = tmp_path / "s.elicit.toml"
    path.write_text(
        f'schema = "{schema}"\ntitle = "T"\n\n[[stories]]\nid = "{story_id}"\nrole = "user"\nwant = "pay"\npriority = "should"\nstatus = "draft"\n',
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("version", ["²", "9" * 5000], ids=["superscript", "5000-digits"])
def test_odd_schema_digits_are_one_line_from_every_reading_command(tmp_path: Path, version: str):
    path = _session(tmp_path, schema=f"elicit.session/{version}")
    before = path.read_bytes()
    for args in (["summary", path], ["story", "list", path], ["export", path, "-f", "md"], ["answer", path, "x", "y"]):
        result = run_elicit(*args)
        assert result.returncode == 1, (args, result.stderr)
        assert len(result.stderr.splitlines()) == 1 and "schema" in result.stderr and len(result.stderr) < 400
    assert path.read_bytes() == before


@pytest.mark.parametrize("story_id", ["US-²", "US-" + "7" * 5000], ids=["superscript", "5000-digits"])
def test_story_add_after_an_odd_story_id(tmp_path: Path, story_id: str):
    path = _session(tmp_path, story_id=story_id)
    result = run_elicit("story", "add", path, "--role", "user", "--want", "export")
    assert result.returncode == 0, result.stderr
    assert "US-001" in result.stdout


ESCAPES = ("\x1b]0;pwned\x07", "\x1b]52;c;ZWNobyBoaQ==\x07", "\x1b[2J", "\x9b31m", "\x00")


@pytest.fixture
def evil_session(tmp_path: Path) -> Path:
    from elicit.core.session.file_format import dumps_session
    from elicit.core.session.models import Session, Story

    session = Session(title="Evil" + ESCAPES[0] + ESCAPES[1], client="C" + ESCAPES[3], stories=[Story("US-001", "user" + ESCAPES[2], "pay" + ESCAPES[4])])
    path = tmp_path / "evil.elicit.toml"
    path.write_text(dumps_session(session), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "args",
    [["summary"], ["story", "list"], ["lint"], ["story", "list", "--json"], ["summary", "--json"]],
    ids=["summary", "story-list", "lint", "story-list-json", "summary-json"],
)
def test_no_control_character_from_a_session_reaches_the_terminal(evil_session: Path, args: list[str]):
    result = run_elicit(*args[:2], evil_session, *args[2:]) if args[0] == "story" else run_elicit(args[0], evil_session, *args[1:])
    assert result.returncode in (0, 1), result.stderr
    shown = result.stdout + result.stderr
    assert not any(char in shown for char in "\x1b\x07\x00\x9b"), ascii(shown)
    if args == ["story", "list", "--json"]:  # JSON escapes them: the data itself is kept exactly
        import json

        assert json.loads(result.stdout)[0]["want"] == "pay\x00"


def test_plain_console_shows_control_characters():
    import io

    from elicit.plain.output import Console

    stream = io.StringIO()
    Console(stream).say("title" + ESCAPES[1])
    assert "\x1b" not in stream.getvalue() and "\x07" not in stream.getvalue()
    assert "\u241b]52;c;" in stream.getvalue()


def test_import_stories_names_an_evil_title_harmlessly(evil_session: Path, tmp_path: Path):
    backlog = tmp_path / "stories.txt"
    backlog.write_text("As a user, I want to pay\n", encoding="utf-8")
    result = run_elicit("import-stories", evil_session, backlog)
    assert result.returncode == 0, result.stderr
    assert "Evil\u241b]0;pwned" in result.stdout
    assert not any(char in result.stdout + result.stderr for char in "\x1b\x07\x00\x9b")


def test_a_huge_unknown_key_is_clipped_in_the_error(tmp_path: Path):
    """A 5 MB key comes back as one short line with an ellipsis, not as a 10 MB error (issue 11 item 20)."""
    huge = "k" * 5_000_000
    session = _session(tmp_path)
    session.write_text(session.read_text(encoding="utf-8").replace('title = "T"\n', f'title = "T"\n{huge} = 1\n'), encoding="utf-8")
    bank = tmp_path / "huge.toml"
    bank.write_text(f'id = "huge"\ntitle = "H"\nversion = "1"\n{huge} = 1\n', encoding="utf-8")
    for args, at in ((["summary", session], ":3: "), (["banks", "validate", bank], ":4: ")):
        result = run_elicit(*args)
        assert result.returncode == 1, result.stderr
        (line,) = [line for line in (result.stdout + result.stderr).splitlines() if "unknown key" in line]
        assert len(line) < 600 and "kkk…" in line and at in line, line[:300]


def test_every_line_on_stderr_says_elicit_and_what_it_is(tmp_path: Path):
    """Errors are 'elicit: error: ...' (a finding inside: 'FILE:LINE: key: message; hint'), warnings and notes the same way."""
    broken = _session(tmp_path)
    broken.write_text(broken.read_text(encoding="utf-8").replace('title = "T"', 'title = "T"\ntilte = "x"'), encoding="utf-8")
    session = tmp_path / "ok.elicit.toml"
    assert run_elicit("new", session, "--title", "T", "--bank", "discovery", "--no-input").returncode == 0
    backlog = tmp_path / "stories.txt"
    backlog.write_text("As a clerk, I want a report, so that I see totals\nnot a story at all\n", encoding="utf-8")
    bank = tmp_path / "bad.toml"
    bank.write_text('id = "bad"\ntitle = "B"\nversion = "1"\ncolour = 1\n', encoding="utf-8")
    runs = [
        (["summary", broken], 1),
        (["open", broken], 1),  # the app's own door: refused before any screen
        (["banks", "validate", bank], 1),
        (["answer", session, "no.such.question", "x"], 1),
        (["import-stories", session, backlog], 0),
    ]
    for args, code in runs:
        result = run_elicit(*args, forbid=() if args[0] == "open" else FRONT_ENDS)
        assert result.returncode == code, (args, result.stderr)
        lines = [line for line in result.stderr.splitlines() if not line.endswith("problem(s) in 1 bank(s)")]
        assert lines, args
        for line in lines:
            assert line.startswith(("elicit: error: ", "elicit: warning: ", "elicit: note: ")), (args, line)
    finding = run_elicit("open", broken, forbid=()).stderr.strip()
    assert finding.startswith(f"elicit: error: {broken}:3: tilte: unknown key 'tilte'"), finding
