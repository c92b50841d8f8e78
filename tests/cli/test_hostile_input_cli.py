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
