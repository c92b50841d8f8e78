"""Integrity of the third GitHub label set (tests/data/lint_github3/, issue 19): the seventh blind set.

Each file holds hand labels for every line of one whole user-story backlog of a public GitHub
project, labelled blind (without reading the lint, running it, or seeing its figures); these six
backlogs are in neither F. Dalpiaz's data set nor either earlier GitHub set, and come from other
owners, so the lint was never tuned on them. The lines live in ../github3-user-stories/ (its
README.md says where each comes from); a file keeps only line numbers and a sha1 of each line.

This module only names the set; its checks (the rule book, the backlogs' lengths, and the per-file
checks) run with every other blind set's in test_lint_labels_blind.py. Without
../github3-user-stories (CI) the tests that need the lines skip.
"""

from __future__ import annotations

from tests.conftest import DATA, GITHUB3_STORIES
from tests.support.labels import BlindSet

BACKLOGS = {
    "h1-localsupport": 85,
    "h2-sharetribe": 51,
    "h3-diaspora": 40,
    "h4-bengalevents": 34,
    "h5-alligrader": 31,
    "h6-tracks": 31,
}
"""Every backlog a third-GitHub-set label file may label, with its number of non-empty lines."""

SET = BlindSet(DATA / "lint_github3", GITHUB3_STORIES, BACKLOGS, "github3", "third GitHub", "see tests/data/lint_github3/RULES.md")
