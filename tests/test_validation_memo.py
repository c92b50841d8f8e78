"""``elicit banks validate`` remembers its last result, and never shows a stale one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from elicit.cli import validate_command
from elicit.core.validation_memo import Outcome, code_fingerprint, inputs_key, recall, remember
from tests.conftest import MINI_BANK

BROKEN = MINI_BANK.read_text(encoding="utf-8").replace('prompt = "Where will people use it?"', 'promt = "Where will people use it?"')


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with a bank of its own, made the current folder."""
    (tmp_path / "question_banks").mkdir()
    (tmp_path / "question_banks" / "mini.toml").write_text(MINI_BANK.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_validate(capsys: pytest.CaptureFixture[str], *paths: str) -> Outcome:
    code = validate_command.validate_paths(list(paths))
    captured = capsys.readouterr()
    return Outcome(code, captured.out, captured.err)


def forbid_checking(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(paths: list[str]) -> Outcome:
        raise AssertionError("the banks were checked again")

    monkeypatch.setattr(validate_command, "check_banks", fail)


def test_unchanged_banks_give_the_remembered_result(project, capsys, monkeypatch):
    first = run_validate(capsys)
    assert first.code == 0 and first.out.startswith("ok: ")
    forbid_checking(monkeypatch)
    assert run_validate(capsys) == first


def test_remembered_findings_are_shown_again_with_exit_1(project, capsys, monkeypatch):
    (project / "bad.toml").write_text(BROKEN, encoding="utf-8")
    first = run_validate(capsys, "bad.toml")
    assert first.code == 1 and "unknown key 'promt'" in first.err and first.err.endswith("2 problem(s) in 1 bank(s)\n")
    forbid_checking(monkeypatch)
    assert run_validate(capsys, "bad.toml") == first


def test_an_edit_of_the_same_size_is_checked_afresh(project, capsys):
    bank = project / "question_banks" / "mini.toml"
    assert run_validate(capsys).code == 0
    text = bank.read_text(encoding="utf-8")
    stat = bank.stat()
    bank.write_text(text.replace("prompt =", "promt  =", 1), encoding="utf-8")
    os.utime(bank, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same time: only the bytes differ
    second = run_validate(capsys)
    assert second.code == 1 and "promt" in second.err


def test_a_new_bank_in_a_bank_folder_is_checked_afresh(project, capsys):
    assert run_validate(capsys).code == 0
    (project / "question_banks" / "extra.toml").write_text(BROKEN.replace('id = "mini"', 'id = "extra"'), encoding="utf-8")
    second = run_validate(capsys)
    assert second.code == 1 and "extra.toml" in second.err


def test_a_bank_beside_a_named_file_is_part_of_the_key(project):
    named = project / "named"
    named.mkdir()
    (named / "main.toml").write_text(MINI_BANK.read_text(encoding="utf-8"), encoding="utf-8")
    before = inputs_key(["named/main.toml"], project)
    (named / "included.toml").write_text("id = 'included'\n", encoding="utf-8")
    assert inputs_key(["named/main.toml"], project) != before


def test_the_key_depends_on_how_files_are_named_and_where_from(project):
    keys = {
        inputs_key(["question_banks/mini.toml"], project),
        inputs_key([str(project / "question_banks" / "mini.toml")], project),
        inputs_key(["mini.toml"], project / "question_banks"),
        inputs_key([], project),
    }
    assert len(keys) == 4


def test_a_change_to_elicits_code_changes_the_key(tmp_path):
    package = tmp_path / "elicit"
    (package / "core").mkdir(parents=True)
    module = package / "core" / "banks.py"
    module.write_text("CHECK = 1\n", encoding="utf-8")
    before = code_fingerprint(package)
    module.write_text("CHECK = 22\n", encoding="utf-8")
    assert code_fingerprint(package) != before


def test_a_damaged_memo_is_ignored(project, capsys, isolated_dirs):
    first = run_validate(capsys)
    memos = list((isolated_dirs / "cache" / "validate").iterdir())
    assert len(memos) == 1
    memos[0].write_text("elicit-validate-memo/1\nnot a key\n", encoding="utf-8")
    assert run_validate(capsys) == first
    memos[0].write_bytes(b"\xff\xfe garbage")
    assert run_validate(capsys) == first


def test_a_result_is_not_kept_when_a_bank_changed_while_checking(project, capsys, monkeypatch):
    bank = project / "question_banks" / "mini.toml"
    original = bank.read_bytes()
    key_before = inputs_key([], project)
    check = validate_command.check_banks

    def check_while_editing(paths: list[str]) -> Outcome:
        outcome = check(paths)
        bank.write_text(BROKEN, encoding="utf-8")
        return outcome

    monkeypatch.setattr(validate_command, "check_banks", check_while_editing)
    assert run_validate(capsys).code == 0
    bank.write_bytes(original)  # back as it was: the result made while it changed must not be recalled
    assert key_before is not None and inputs_key([], project) == key_before
    assert recall([], project, key_before) is None


@settings(max_examples=60, deadline=None)
@given(
    code=st.integers(min_value=0, max_value=255),
    out=st.text(),
    err=st.text(),
    paths=st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\0"), min_size=1), max_size=3),
)
def test_any_outcome_comes_back_as_it_was_kept(tmp_path_factory, code, out, err, paths):
    cwd = tmp_path_factory.mktemp("cwd")
    outcome = Outcome(code, out, err)
    remember(paths, cwd, "k" * 64, outcome)
    assert recall(paths, cwd, "k" * 64) == outcome
    assert recall(paths, cwd, "j" * 64) is None


FAST_PROBE = """
import sys
from elicit.cli import main
code = main(sys.argv[1:])
heavy = ("argparse", "tomllib", "platformdirs", "dataclasses", "elicit.core.banks", "elicit.core.catalog")
sys.stderr.write("LOADED:" + ",".join(name for name in heavy if name in sys.modules) + "\\n")
sys.exit(code)
"""


def test_a_remembered_validation_loads_neither_the_parser_nor_the_checker(project):
    """Why the command starts fast: with nothing changed, it reads files and prints."""

    def probe() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", FAST_PROBE, "banks", "validate"], capture_output=True, text=True, cwd=project, check=False
        )

    first, second = probe(), probe()
    assert first.returncode == second.returncode == 0 and first.stdout == second.stdout
    assert "elicit.core.banks" in first.stderr  # the first run checked the banks
    assert second.stderr.strip() == "LOADED:"


def test_validate_with_options_still_goes_through_the_parser(project):
    result = subprocess.run(
        [sys.executable, "-m", "elicit", "banks", "validate", "--", "question_banks/mini.toml"],
        capture_output=True,
        text=True,
        cwd=project,
        check=False,
    )
    assert result.returncode == 0 and result.stdout.startswith("ok: 1 bank(s)")
    wrong = subprocess.run(
        [sys.executable, "-m", "elicit", "banks", "validate", "--jsn"], capture_output=True, text=True, cwd=project, check=False
    )
    assert wrong.returncode == 2 and "unrecognized arguments: --jsn" in wrong.stderr


def test_outcome_equality_and_repr():
    assert Outcome(1, "a", "b") == Outcome(1, "a", "b") != Outcome(0, "a", "b")
    assert "code=1" in repr(Outcome(1, "", "")) and Outcome(0, "", "") != "Outcome"
