"""Integrity of the second GitHub label set (tests/data/lint_github2/, issue 19): the fifth blind set.

Like tests/data/lint_github/, each file holds hand labels for every line of one whole user-story
backlog of a public GitHub project, labelled blind (without reading the lint, running it, or seeing
its figures); these five backlogs are in neither F. Dalpiaz's data set nor the first GitHub set, so
the lint was never tuned on them. The lines live in ../github2-user-stories/ (its README.md says
where each comes from); a file keeps only line numbers and a sha1 of each line. The checks are the
shared ones of tests.support.labels.BlindSet; they measure nothing. Without
../github2-user-stories (CI) the tests that need the lines skip.

The checks every label file passes are in test_lint_labels_blind.py, for all the blind sets at once.
"""

from __future__ import annotations

import pytest

from tests.conftest import DATA, GITHUB2_STORIES
from tests.support.labels import BlindSet

BACKLOGS = {
    "g1-thekeep": 91,
    "g2-openemory": 109,
    "g3-findingaids": 37,
    "g4-hca": 52,
    "g5-whitehall": 39,
}
"""Every backlog a second-GitHub-set label file may label, with its number of non-empty lines."""

SET = BlindSet(DATA / "lint_github2", GITHUB2_STORIES, BACKLOGS, "github2", "second GitHub", "see tests/data/lint_github2/RULES.md")


def test_the_rules_are_the_hold_out_rules():
    SET.check_rules_are_the_hold_out_rules()


@pytest.mark.parametrize("name", sorted(BACKLOGS))
def test_each_backlog_beside_the_checkout_has_its_known_length(name):
    SET.check_known_length(name)
