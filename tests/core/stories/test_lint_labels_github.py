"""Integrity of the GitHub label sets (tests/data/lint_github/, issue 19).

Each file holds hand labels for every line of one whole user-story backlog of a public GitHub
project outside F. Dalpiaz's data set (so no tuning or hold-out set holds it), made blind: without
reading the lint, running it, or seeing its figures. The lines live in ../github-user-stories/
(its README.md says where each backlog comes from); like the hold-out sets, a file keeps no story
text, only line numbers and a sha1 of each line. These tests check that each file covers its whole
backlog exactly once, still points at the same lines, gives every label a reason and quotes no
story; they measure nothing. Without ../github-user-stories (CI) the tests that need the lines skip.

The checks every label file passes are in test_lint_labels_blind.py, for all the blind sets at once.
"""

from __future__ import annotations

import pytest

from tests.conftest import DATA, GITHUB_STORIES
from tests.support.labels import BlindSet

GITHUB = DATA / "lint_github"
BACKLOGS = {
    "gh1-readux": 121,
    "gh2-databrary": 31,
    "gh3-derrida": 87,
    "gh4-winthrop": 49,
    "gh5-asvs": 74,
}
"""Every backlog a GitHub label file may label, with its number of non-empty lines."""


SET = BlindSet(GITHUB, GITHUB_STORIES, BACKLOGS, "github", "GitHub", "see tests/data/lint_github/RULES.md")


def test_the_rules_are_the_hold_out_rules():
    SET.check_rules_are_the_hold_out_rules()


@pytest.mark.parametrize("name", sorted(BACKLOGS))
def test_each_backlog_beside_the_checkout_has_its_known_length(name):
    SET.check_known_length(name)
