"""Integrity of the unseen label set (tests/data/lint_labels_unseen.toml, issue 19).

The file holds hand labels for whole backlogs the lint was never tuned on. It
keeps no story text, only backlog, line and a sha1 of the line, so these tests
check that it still points at the same stories, does not overlap the tuning
set, and that every label is a known code with its reason. Precision and recall
on it are measured elsewhere (bench/lint_real_backlogs.py).
"""

from __future__ import annotations

import tomllib
from collections import Counter

import pytest

from elicit.core.stories.lint import CHECKS
from tests.conftest import DATA, USER_STORIES
from tests.support.labels import CODES, sha1_12, tuning_keys

UNSEEN = DATA / "lint_labels_unseen.toml"
BACKLOGS = {
    "g18-neurohub": 71,
    "g26-racdam": 70,
    "g10-scrumalliance": 67,
    "g02-federalspending": 65,
    "g21-badcamp": 49,
}


def _unseen() -> list[dict]:
    return tomllib.loads(UNSEEN.read_text(encoding="utf-8"))["story"]




def test_every_entry_is_unseen_and_listed_once():
    items = _unseen()
    keys = Counter((item["backlog"], item["line"]) for item in items)
    assert [key for key, count in keys.items() if count > 1] == []
    assert set(keys) & tuning_keys() == set(), "a line of lint_labels.toml is labelled again"
    assert Counter(item["backlog"] for item in items) == BACKLOGS
    assert {item["split"] for item in items} == {"unseen"}


def test_every_code_is_a_known_lint_code_with_a_reason():
    assert set(CHECKS) >= CODES
    for item in _unseen():
        assert set(item["expected"]) <= CODES, item
        assert len(item["expected"]) == len(set(item["expected"])), item
        reasons = item.get("reasons", {})
        assert set(reasons) == set(item["expected"]), item  # a reason for every label, and no other
        assert all(reason.strip() for reason in reasons.values()), item
        assert "text" not in item, "story text must not be copied into the repository"


def test_the_entries_match_the_current_backlog_lines():
    if not USER_STORIES.is_dir():
        pytest.skip(f"real user stories not found at {USER_STORIES}")
    lines = {name: (USER_STORIES / f"{name}.txt").read_text(encoding="utf-8").splitlines() for name in BACKLOGS}
    for item in _unseen():
        number = item["line"]
        assert 1 <= number <= len(lines[item["backlog"]]), item
        line = lines[item["backlog"]][number - 1]
        assert line.strip(), item
        assert sha1_12(line) == item["sha1"], f"{item['backlog']}:{number} changed since it was labelled"


def test_every_non_empty_line_of_the_five_backlogs_is_labelled_somewhere():
    if not USER_STORIES.is_dir():
        pytest.skip(f"real user stories not found at {USER_STORIES}")
    labelled = {(item["backlog"], item["line"]) for item in _unseen()} | tuning_keys()
    for name in BACKLOGS:
        text = (USER_STORIES / f"{name}.txt").read_text(encoding="utf-8").splitlines()
        missing = [number for number, line in enumerate(text, start=1) if line.strip() and (name, number) not in labelled]
        assert missing == [], f"{name}: lines {missing} are in neither label file"
