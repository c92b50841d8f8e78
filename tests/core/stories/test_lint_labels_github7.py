"""Integrity of the seventh GitHub label set (tests/data/lint_github7/, issue 19): the eleventh blind set.

Each file holds hand labels for every line of one whole user-story backlog of a public GitHub
project, labelled blind (without reading the lint, running it, or seeing its figures); these
backlogs are in neither F. Dalpiaz's data set nor any earlier GitHub set, and come from other
owners, so the lint was never tuned on them. The lines live in ../github7-user-stories/
(bench/story_sources/github7-user-stories/ says where each comes from and rebuilds it); a file
keeps only line numbers and a sha1 of each line.

This module only names the set; its checks (the rule book, the backlogs' lengths, and the per-file
checks) run with every other blind set's in test_lint_labels_blind.py. Without
../github7-user-stories (CI) the tests that need the lines skip.
"""

from __future__ import annotations

from tests.conftest import DATA, GITHUB7_STORIES
from tests.support.labels import BlindSet

BACKLOGS = {
    "s1-opendj": 72,
    "s2-pdsvalidate": 95,
    "s3-mozcollections": 25,
    "t1-noosfero": 94,
    "t2-keps": 92,
}
"""Every backlog a seventh-GitHub-set label file may label, with its number of non-empty lines."""

SET = BlindSet(
    DATA / "lint_github7", GITHUB7_STORIES, BACKLOGS, "github7", "seventh GitHub", "see bench/story_sources/github7-user-stories/README.md"
)
