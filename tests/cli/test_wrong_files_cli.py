"""A file that is not what the command expects, or a session hand-edited into answers that do not fit: one clear line (trial 2, T18-T22)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.support.cli import run_elicit


def lines_of(result: subprocess.CompletedProcess) -> list[str]:
    assert "Traceback" not in result.stderr, result.stderr
    return result.stderr.strip().splitlines()


def one_error(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    lines = lines_of(result)
    assert len(lines) == 1 and lines[0].startswith("elicit: error: "), result.stderr
    return lines[0]


@pytest.mark.parametrize("folder", [".", "sub"])
def test_open_on_a_folder_says_it_is_a_folder(tmp_path: Path, folder: str):
    (tmp_path / "sub").mkdir()
    result = run_elicit("open", folder, cwd=tmp_path)
    assert one_error(result) == f"elicit: error: {folder} is a folder, not a session file (sessions are *.elicit.toml files)"


def test_open_on_a_spec_says_how_to_make_a_session_from_it(tmp_path: Path, mini_session_path: Path):
    spec = tmp_path / "spec.toml"
    assert run_elicit("export", mini_session_path, "--format", "toml", "-o", spec).returncode == 0
    before = spec.read_bytes()
    line = one_error(run_elicit("open", spec, forbid=()))
    assert "this is a spec exported by elicit, not a session file" in line
    assert f"'elicit import {spec} -o NEW.elicit.toml'" in line
    assert spec.read_bytes() == before


def test_a_spec_or_a_session_given_as_a_bank_is_named_as_such_in_one_line(tmp_path: Path, mini_session_path: Path):
    spec = tmp_path / "spec.toml"
    run_elicit("export", mini_session_path, "--format", "toml", "-o", spec)
    for path, kind in ((spec, "spec"), (mini_session_path, "session")):
        result = run_elicit("banks", "validate", path)
        assert result.returncode == 1
        errors = [line for line in lines_of(result) if line.startswith("elicit: error: ")]
        assert len(errors) == 1, result.stderr
        assert re.search(rf":1: schema: this is an elicit {kind} file \(schema 'elicit\.{kind}/\d+'\), not a question bank", errors[0])


def _hand_edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_hand_edited_answer_that_does_not_fit_its_question_is_named_and_kept(mini_session_path: Path):
    assert run_elicit("answer", mini_session_path, "satisfaction", "4").returncode == 0
    assert run_elicit("answer", mini_session_path, "problem", "Orders get lost").returncode == 0
    _hand_edit(mini_session_path, "value = 4\n", 'value = "four"\n')
    _hand_edit(mini_session_path, '[answers."mini.context.problem"]', '[answers."mini.context.problme"]')
    before = mini_session_path.read_bytes()
    result = run_elicit("summary", mini_session_path)
    assert result.returncode == 0
    warnings = [line for line in lines_of(result) if line.startswith("elicit: warning: ")]
    assert any("the answer to mini.users.satisfaction is 'four', not a whole number from 1 to 5" in line for line in warnings), warnings
    assert any("'mini.context.problme' belongs to no question" in line and "did you mean 'mini.context.problem'?" in line for line in warnings)
    assert mini_session_path.read_bytes() == before
    assert run_elicit("answer", mini_session_path, "offline", "yes").returncode == 0
    assert "mini.context.problme" in mini_session_path.read_text(encoding="utf-8"), "the orphan answer is kept on save"
