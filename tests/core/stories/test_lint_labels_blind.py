"""The checks every blind label file passes, whichever set it belongs to (hold-out and the seven GitHub sets).

Each set's own module names its backlogs and their lengths (its ``SET``); the checks themselves are
tests.support.labels.BlindSet's. They measure nothing; without a set's stories beside the checkout (CI)
the tests that need its lines skip.
"""

from __future__ import annotations

import pytest

from elicit.core.stories.lint import CHECKS
from tests.core.stories.test_lint_labels_github import SET as GITHUB
from tests.core.stories.test_lint_labels_github2 import SET as GITHUB2
from tests.core.stories.test_lint_labels_github3 import SET as GITHUB3
from tests.core.stories.test_lint_labels_github4 import SET as GITHUB4
from tests.core.stories.test_lint_labels_github5 import SET as GITHUB5
from tests.core.stories.test_lint_labels_github6 import SET as GITHUB6
from tests.core.stories.test_lint_labels_github7 import SET as GITHUB7
from tests.core.stories.test_lint_labels_holdout import SET as HOLDOUT
from tests.support.labels import CODES, check_entry

COPIES = [pytest.param(blind, id=blind.split) for blind in (GITHUB3, GITHUB4, GITHUB5, GITHUB6, GITHUB7)]
"""Sets whose only module is their ``SET``: their rule book and backlog lengths are checked here
(the older sets' modules check their own)."""
LENGTHS = [pytest.param(blind, name, id=f"{blind.split}-{name}") for blind in (GITHUB3, GITHUB4, GITHUB5, GITHUB6, GITHUB7) for name in sorted(blind.backlogs)]

FILES = [pytest.param(blind, path, id=f"{blind.split}-{path.stem}") for blind in (HOLDOUT, GITHUB, GITHUB2, GITHUB3, GITHUB4, GITHUB5, GITHUB6, GITHUB7) for path in blind.files()]


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


@pytest.mark.parametrize("blind", COPIES)
def test_the_rule_book_is_the_hold_out_rule_book(blind):
    blind.check_rules_are_the_hold_out_rules()


@pytest.mark.parametrize(("blind", "name"), LENGTHS)
def test_each_backlog_beside_the_checkout_has_its_known_length(blind, name):
    blind.check_known_length(name)
