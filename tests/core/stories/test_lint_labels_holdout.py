"""Integrity of the hold-out label sets (tests/data/lint_holdout/, issue 19).

Each file holds hand labels for every line of one backlog that ../shared does
not hold (the other eight backlogs of the same public data set), made blind:
without reading the lint, running it, or seeing its figures. Like the fresh
set, a file keeps no story text, only line numbers and a sha1 of each line.
These tests check that each file covers its whole backlog exactly once, still
points at the same lines, gives every label a reason and quotes no story; they
measure nothing (bench/lint_real_backlogs.py does).

The checks every label file passes are in test_lint_labels_blind.py, for all the blind sets at once.
"""

from __future__ import annotations

from tests.conftest import DATA, HOLDOUT_STORIES
from tests.support.labels import BlindSet, fresh_anatomy

HOLDOUT = DATA / "lint_holdout"
BACKLOGS = {
    "g05-openspending": 53,
    "g11-nsf": 73,
    "g14-datahub": 67,
    "g19-alfred": 138,
    "g22-rdadmp": 83,
    "g25-duraspace": 100,
    "g27-culrepo": 115,
    "g28-zooniverse": 60,
}
"""Every backlog a hold-out file may label, with its number of non-empty lines."""


SET = BlindSet(HOLDOUT, HOLDOUT_STORIES, BACKLOGS, "holdout", "hold-out", "docs/quality.md says where to get it")


def test_the_rules_are_the_fresh_sets_rules():
    rules = (HOLDOUT / "RULES.md").read_text(encoding="utf-8")
    assert fresh_anatomy() in rules
