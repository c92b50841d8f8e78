"""Integrity of the fourth GitHub label set (tests/data/lint_github4/, issue 19): the eighth blind set.

Each file holds hand labels for every line of one whole user-story backlog of a public GitHub
project, labelled blind (without reading the lint, running it, or seeing its figures); these five
backlogs are in neither F. Dalpiaz's data set nor any earlier GitHub set, and come from other
owners, so the lint was never tuned on them. The lines live in ../github4-user-stories/ (its
README.md says where each comes from); a file keeps only line numbers and a sha1 of each line.

This module only names the set; its checks (the rule book, the backlogs' lengths, and the per-file
checks) run with every other blind set's in test_lint_labels_blind.py. Without
../github4-user-stories (CI) the tests that need the lines skip.
"""

from __future__ import annotations

from tests.conftest import DATA, GITHUB4_STORIES
from tests.support.labels import BlindSet

BACKLOGS = {
    "k1-micropurchase": 59,
    "k2-primero": 139,
    "k3-hackney": 69,
    "k4-scotent": 30,
    "k5-dfeassessment": 33,
}
"""Every backlog a fourth-GitHub-set label file may label, with its number of non-empty lines."""

SET = BlindSet(DATA / "lint_github4", GITHUB4_STORIES, BACKLOGS, "github4", "fourth GitHub", "see tests/data/lint_github4/RULES.md")
