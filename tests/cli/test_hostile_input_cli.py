"""Hostile files through the real command line (issue 11): one clear line, never a traceback, nothing damaged."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cli import run_elicit


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
