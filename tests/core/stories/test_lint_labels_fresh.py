"""Integrity of the fresh label set (tests/data/lint_labels_fresh.toml, issue 19).

The file holds hand labels for nine whole backlogs, made blind (without looking at
the lint); measured once blind, then promoted to tuning data on 2026-12-01 and
tuned on in round 3 (docs/quality.md's honesty record). It keeps no story text, only backlog, line and
a sha1 of the line, so these tests check that it still points at the same
stories, covers every line of its scope exactly once, does not overlap the
tuning set, and that every label is a known code with its reason. They measure
no precision or recall: that is bench/lint_real_backlogs.py's job.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter

import pytest

from elicit.core.stories.lint import CHECKS
from tests.conftest import DATA, USER_STORIES
from tests.support.labels import CODES, check_entry, quotes_story, sha1_12, tuning_keys

FRESH = DATA / "lint_labels_fresh.toml"
BACKLOGS = {
    "g03-loudoun": 40,
    "g04-recycling": 36,
    "g08-frictionless": 47,
    "g12-camperplus": 38,
    "g13-planningpoker": 37,
    "g16-mis": 46,
    "g17-cask": 46,
    "g23-archivesspace": 38,
    "g24-unibath": 38,
}


def _fresh() -> list[dict]:
    return tomllib.loads(FRESH.read_text(encoding="utf-8"))["story"]


def _backlog_lines(name: str) -> list[str]:
    return (USER_STORIES / f"{name}.txt").read_text(encoding="utf-8").splitlines()


def test_every_entry_is_fresh_and_listed_once():
    items = _fresh()
    keys = Counter((item["backlog"], item["line"]) for item in items)
    assert [key for key, count in keys.items() if count > 1] == []
    assert set(keys) & tuning_keys() == set(), "a line of lint_labels.toml is labelled again"
    assert Counter(item["backlog"] for item in items) == BACKLOGS
    assert {item["split"] for item in items} == {"fresh"}


def test_every_code_is_a_known_lint_code_with_a_reason():
    assert set(CHECKS) >= CODES
    for item in _fresh():
        check_entry(item)


def test_the_header_gives_the_no_benefit_share_of_every_backlog():
    header = FRESH.read_text(encoding="utf-8").split("[[story]]", 1)[0]
    for name in BACKLOGS:
        assert re.search(rf"^#\s+{re.escape(name)}\s+\d+/\d+\s+=", header, re.MULTILINE), name


def test_the_entries_match_the_current_backlog_lines():
    if not USER_STORIES.is_dir():
        pytest.skip(f"real user stories not found at {USER_STORIES}")
    lines = {name: _backlog_lines(name) for name in BACKLOGS}
    for item in _fresh():
        number = item["line"]
        assert 1 <= number <= len(lines[item["backlog"]]), item
        line = lines[item["backlog"]][number - 1]
        assert line.strip(), item
        assert sha1_12(line) == item["sha1"], f"{item['backlog']}:{number} changed since it was labelled"


def test_every_non_empty_line_of_the_backlogs_is_labelled_somewhere():
    if not USER_STORIES.is_dir():
        pytest.skip(f"real user stories not found at {USER_STORIES}")
    labelled = {(item["backlog"], item["line"]) for item in _fresh()} | tuning_keys()
    for name in BACKLOGS:
        text = _backlog_lines(name)
        missing = [number for number, line in enumerate(text, start=1) if line.strip() and (name, number) not in labelled]
        assert missing == [], f"{name}: lines {missing} are in neither label file"


def test_no_entry_copies_story_text():
    """The data set's README asks not to copy the stories: short quotes of parts only."""
    if not USER_STORIES.is_dir():
        pytest.skip(f"real user stories not found at {USER_STORIES}")
    lines = {name: _backlog_lines(name) for name in BACKLOGS}
    for item in _fresh():
        assert not quotes_story(item, lines[item["backlog"]][item["line"] - 1]), f"{item['backlog']}:{item['line']} quotes the story"
