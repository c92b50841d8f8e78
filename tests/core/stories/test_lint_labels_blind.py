"""The checks every blind label file passes, whichever set it belongs to (hold-out, GitHub, second GitHub).

Each set's own module names its backlogs and their lengths (its ``SET``); the checks themselves are
tests.support.labels.BlindSet's. They measure nothing; without a set's stories beside the checkout (CI)
the tests that need its lines skip.
"""

from __future__ import annotations

import pytest

from elicit.core.stories.lint import CHECKS
from tests.core.stories.test_lint_labels_github import SET as GITHUB
from tests.core.stories.test_lint_labels_github2 import SET as GITHUB2
from tests.core.stories.test_lint_labels_holdout import SET as HOLDOUT
from tests.support.labels import CODES, check_entry

FILES = [pytest.param(blind, path, id=f"{blind.split}-{path.stem}") for blind in (HOLDOUT, GITHUB, GITHUB2) for path in blind.files()]


@pytest.mark.parametrize(("blind", "path"), FILES)
def test_each_file_labels_its_whole_backlog_once(blind, path):
    blind.check_whole_backlog_once(path)


@pytest.mark.parametrize(("blind", "path"), FILES)
def test_every_code_is_a_known_lint_code_with_a_reason(blind, path):
    assert set(CHECKS) >= CODES
    for item in blind.entries(path):
        check_entry(item)


@pytest.mark.parametrize(("blind", "path"), FILES)
def test_the_header_gives_the_backlogs_no_benefit_share(blind, path):
    blind.check_share_line(path)


@pytest.mark.parametrize(("blind", "path"), FILES)
def test_the_entries_match_every_non_empty_line(blind, path):
    blind.check_entries_match_lines(path)


@pytest.mark.parametrize(("blind", "path"), FILES)
def test_no_entry_copies_story_text(blind, path):
    blind.check_no_quotes(path)
