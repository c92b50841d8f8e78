"""Integrity of the sixth GitHub label set (tests/data/lint_github6/, issue 19): the tenth blind set.

Each file holds hand labels for every line of one whole user-story backlog of a public GitHub
project, labelled blind (without reading the lint, running it, or seeing its figures); these
backlogs are in neither F. Dalpiaz's data set nor any earlier GitHub set, and come from other
owners, so the lint was never tuned on them. The lines live in ../github6-user-stories/ (its
README.md says where each comes from); a file keeps only line numbers and a sha1 of each line.

This module only names the set; its checks (the rule book, the backlogs' lengths, and the per-file
checks) run with every other blind set's in test_lint_labels_blind.py. Without
../github6-user-stories (CI) the tests that need the lines skip.
"""

from __future__ import annotations

from tests.conftest import DATA, GITHUB6_STORIES
from tests.support.labels import BlindSet

BACKLOGS = {
    "n1-ckan": 61,
    "n2-brightsum": 50,
    "n3-govex": 41,
    "p1-simplergrants": 113,
    "p2-datacurator": 83,
}
"""Every backlog a sixth-GitHub-set label file may label, with its number of non-empty lines."""

SET = BlindSet(DATA / "lint_github6", GITHUB6_STORIES, BACKLOGS, "github6", "sixth GitHub", "see tests/data/lint_github6/RULES.md")
