"""Integrity of the fifth GitHub label set (tests/data/lint_github5/, issue 19): the ninth blind set.

Each file holds hand labels for every line of one whole user-story backlog of a public GitHub
project, labelled blind (without reading the lint, running it, or seeing its figures); these six
backlogs are in neither F. Dalpiaz's data set nor any earlier GitHub set, and come from other
owners, so the lint was never tuned on them. The lines live in ../github5-user-stories/ (its
README.md says where each comes from); a file keeps only line numbers and a sha1 of each line.

This module only names the set; its checks (the rule book, the backlogs' lengths, and the per-file
checks) run with every other blind set's in test_lint_labels_blind.py. Without
../github5-user-stories (CI) the tests that need the lines skip.
"""

from __future__ import annotations

from tests.conftest import DATA, GITHUB5_STORIES
from tests.support.labels import BlindSet

BACKLOGS = {
    "m1-prereview": 53,
    "m2-mojneeds": 58,
    "m3-quizarchive": 55,
    "m4-opensocial": 100,
    "m5-coar": 29,
    "m6-tahoe": 33,
}
"""Every backlog a fifth-GitHub-set label file may label, with its number of non-empty lines."""

SET = BlindSet(DATA / "lint_github5", GITHUB5_STORIES, BACKLOGS, "github5", "fifth GitHub", "see tests/data/lint_github5/RULES.md")
