"""What the second consultant trial (wt/notes/trial2.md) found, checked through the real command."""

from __future__ import annotations

import subprocess
import tomllib
from pathlib import Path

from tests.support.cli import run_elicit


def one_error(result: subprocess.CompletedProcess, code: int = 1) -> str:
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("elicit: error: "), result.stderr
    return lines[0]


def recorded(path: Path, question_id: str) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))["answers"][question_id]


# T6: a decimal comma is read as a decimal, never as a thousands separator ------------------------


def test_a_decimal_comma_is_recorded_as_the_decimal_it_says(mini_session_path: Path):
    result = run_elicit("answer", mini_session_path, "count", "1,5")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "mini.users.count: 1.5\n"
    assert recorded(mini_session_path, "mini.users.count")["value"] == 1.5
    assert run_elicit("answer", mini_session_path, "count", "1,200").returncode == 0
    assert recorded(mini_session_path, "mini.users.count")["value"] == 1200


def test_a_comma_that_is_neither_decimal_nor_thousands_is_refused_and_nothing_changes(mini_session_path: Path):
    before = mini_session_path.read_bytes()
    line = one_error(run_elicit("answer", mini_session_path, "count", "1.200,5"))
    assert line == (
        "elicit: error: mini.users.count: this question takes a number, not '1.200,5'; "
        "write one and a half as 1.5 or 1,5, twelve hundred as 1200 or 1,200"
    )
    assert mini_session_path.read_bytes() == before
