"""bench/lint_real_backlogs.py reads every GitHub label set through one reader (``--github``, ``--github2`` ...,
``--github7``), with the stories outside the repository; made-up backlogs here, never a real set's labels."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[3] / "bench" / "lint_real_backlogs.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("lint_real_backlogs_under_test", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("number", ["4", "5", "6", "7"])
def test_every_github_set_has_an_option_and_reads_its_own_folders(bench, number):
    assert list(bench.GITHUB_SETS) == ["--github", "--github2", "--github3", "--github4", "--github5", "--github6", "--github7"]
    title, labels, stories = bench.GITHUB_SETS[f"--github{number}"]
    assert labels == bench.ROOT / "tests" / "data" / f"lint_github{number}"
    assert stories.name == f"github{number}-user-stories"
    assert title == f"GitHub {number}"


@pytest.mark.parametrize("option", ["--github4", "--github5", "--github6", "--github7"])
def test_the_later_sets_go_through_the_same_reader_per_backlog(bench, tmp_path, monkeypatch, capsys, option):
    labels, stories = tmp_path / "labels", tmp_path / "stories"
    labels.mkdir()
    stories.mkdir()
    (stories / "x1-shop.txt").write_text(
        "As a clerk, I want to print and archive the totals, so that I can close the day.\n"
        "As a clerk, I want to lock the till, so that nobody takes money.\n",
        encoding="utf-8",
    )
    (labels / "x1-shop.toml").write_text(
        '[[story]]\nbacklog = "x1-shop"\nline = 1\nexpected = ["not-atomic"]\n\n'
        '[[story]]\nbacklog = "x1-shop"\nline = 2\nexpected = []\n',
        encoding="utf-8",
    )
    monkeypatch.setitem(bench.GITHUB_SETS, option, (bench.GITHUB_SETS[option][0], labels, tmp_path / "nowhere"))
    assert bench.main([option, f"{option}-dir", str(stories)]) == 0
    out = capsys.readouterr().out
    assert "labelled (1 of 1): x1-shop" in out
    assert "x1-shop (2 lines)" in out  # per backlog, always
    row = next(line for line in out.splitlines() if line.strip().startswith("not-atomic"))
    assert row.split()[2:5] == ["1", "0", "0"]


@pytest.mark.parametrize("option", ["--github4", "--github5", "--github6", "--github7"])
def test_the_later_sets_say_where_their_stories_are_missing(bench, tmp_path, monkeypatch, capsys, option):
    labels = tmp_path / "labels"
    labels.mkdir()
    (labels / "x1-shop.toml").write_text('[[story]]\nbacklog = "x1-shop"\nline = 1\nexpected = []\n', encoding="utf-8")
    monkeypatch.setitem(bench.GITHUB_SETS, option, (bench.GITHUB_SETS[option][0], labels, tmp_path / "nowhere"))
    assert bench.main([option]) == 1
    assert f"use {option}-dir DIR" in capsys.readouterr().err
