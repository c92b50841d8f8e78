"""Integrity of the GitHub label sets (tests/data/lint_github/, issue 19).

Each file holds hand labels for every line of one whole user-story backlog of a public GitHub
project outside F. Dalpiaz's data set (so no tuning or hold-out set holds it), made blind: without
reading the lint, running it, or seeing its figures. The lines live in ../github-user-stories/
(its README.md says where each backlog comes from); like the hold-out sets, a file keeps no story
text, only line numbers and a sha1 of each line. These tests check that each file covers its whole
backlog exactly once, still points at the same lines, gives every label a reason and quotes no
story; they measure nothing. Without ../github-user-stories (CI) the tests that need the lines skip.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from elicit.core.stories.lint import CHECKS
from tests.conftest import DATA, GITHUB_STORIES
from tests.support.labels import CODES, check_entry, quotes_story, sha1_12

GITHUB = DATA / "lint_github"
BACKLOGS = {
    "gh1-readux": 121,
    "gh2-databrary": 31,
    "gh3-derrida": 87,
    "gh4-winthrop": 49,
    "gh5-asvs": 74,
}
"""Every backlog a GitHub label file may label, with its number of non-empty lines."""


def _files() -> list[Path]:
    return sorted(GITHUB.glob("*.toml"))


def _entries(path: Path) -> list[dict]:
    return tomllib.loads(path.read_text(encoding="utf-8")).get("story", [])


def _lines(name: str) -> list[str]:
    path = GITHUB_STORIES / f"{name}.txt"
    if not path.is_file():
        pytest.skip(f"GitHub backlog {name} not found in {GITHUB_STORIES} (see tests/data/lint_github/RULES.md)")
    return path.read_text(encoding="utf-8").splitlines()


def test_the_rules_are_the_hold_out_rules():
    rules = (GITHUB / "RULES.md").read_text(encoding="utf-8")
    holdout = (DATA / "lint_holdout" / "RULES.md").read_text(encoding="utf-8")
    assert rules[rules.index("```text") :] == holdout[holdout.index("```text") :]
    fresh = (DATA / "lint_labels_fresh.toml").read_text(encoding="utf-8")
    anatomy = fresh[fresh.index("# Anatomy.") : fresh.index("# must-no-acceptance")]
    copied = "\n".join(line[2:] if line.startswith("# ") else line.lstrip("#") for line in anatomy.splitlines())
    assert copied in rules


@pytest.mark.parametrize("name", sorted(BACKLOGS))
def test_each_backlog_beside_the_checkout_has_its_known_length(name):
    lines = _lines(name)
    assert sum(1 for line in lines if line.strip()) == BACKLOGS[name]


@pytest.mark.parametrize("path", _files(), ids=lambda path: path.stem)
def test_each_file_labels_its_whole_backlog_once(path):
    assert path.stem in BACKLOGS, f"{path.name}: not one of the GitHub backlogs"
    items = _entries(path)
    keys = Counter(item["line"] for item in items)
    assert [line for line, count in keys.items() if count > 1] == []
    assert {item["backlog"] for item in items} == {path.stem}
    assert {item["split"] for item in items} == {"github"}
    assert len(items) == BACKLOGS[path.stem]


@pytest.mark.parametrize("path", _files(), ids=lambda path: path.stem)
def test_every_code_is_a_known_lint_code_with_a_reason(path):
    assert set(CHECKS) >= CODES
    for item in _entries(path):
        check_entry(item)


@pytest.mark.parametrize("path", _files(), ids=lambda path: path.stem)
def test_the_header_gives_the_backlogs_no_benefit_share(path):
    header = path.read_text(encoding="utf-8").split("[[story]]", 1)[0]
    assert re.search(rf"^#\s+{re.escape(path.stem)}\s+\d+/\d+\s+=", header, re.MULTILINE), path.name


@pytest.mark.parametrize("path", _files(), ids=lambda path: path.stem)
def test_the_entries_match_every_non_empty_line(path):
    lines = _lines(path.stem)
    wanted = {number for number, line in enumerate(lines, start=1) if line.strip()}
    assert {item["line"] for item in _entries(path)} == wanted
    for item in _entries(path):
        assert sha1_12(lines[item["line"] - 1]) == item["sha1"], f"{path.stem}:{item['line']} changed since it was labelled"


@pytest.mark.parametrize("path", _files(), ids=lambda path: path.stem)
def test_no_entry_copies_story_text(path):
    lines = _lines(path.stem)
    for item in _entries(path):
        assert not quotes_story(item, lines[item["line"] - 1]), f"{path.stem}:{item['line']} quotes the story"
