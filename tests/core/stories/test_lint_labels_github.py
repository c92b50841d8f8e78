"""Integrity of the GitHub label sets (tests/data/lint_github/, issue 19).

Each file holds hand labels for every line of one whole user-story backlog of a public GitHub
project outside F. Dalpiaz's data set (so no tuning or hold-out set holds it), made blind: without
reading the lint, running it, or seeing its figures. The lines live in ../github-user-stories/
(its README.md says where each backlog comes from); like the hold-out sets, a file keeps no story
text, only line numbers and a sha1 of each line. These tests check that each file covers its whole
backlog exactly once, still points at the same lines, gives every label a reason and quotes no
story; they measure nothing. Without ../github-user-stories (CI) the tests that need the lines skip.
"""

from __future__ import annotations

import pytest

from elicit.core.stories.lint import CHECKS
from tests.conftest import DATA, GITHUB_STORIES
from tests.support.labels import CODES, BlindSet, check_entry

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


@pytest.mark.parametrize("path", SET.files(), ids=lambda path: path.stem)
def test_each_file_labels_its_whole_backlog_once(path):
    SET.check_whole_backlog_once(path)


@pytest.mark.parametrize("path", SET.files(), ids=lambda path: path.stem)
def test_every_code_is_a_known_lint_code_with_a_reason(path):
    assert set(CHECKS) >= CODES
    for item in SET.entries(path):
        check_entry(item)


@pytest.mark.parametrize("path", SET.files(), ids=lambda path: path.stem)
def test_the_header_gives_the_backlogs_no_benefit_share(path):
    SET.check_share_line(path)


@pytest.mark.parametrize("path", SET.files(), ids=lambda path: path.stem)
def test_the_entries_match_every_non_empty_line(path):
    SET.check_entries_match_lines(path)


@pytest.mark.parametrize("path", SET.files(), ids=lambda path: path.stem)
def test_no_entry_copies_story_text(path):
    SET.check_no_quotes(path)
