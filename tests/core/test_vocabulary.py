"""Priority words: the one reader behind plain mode, the backlog import and the app's story filter."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from elicit.core.vocabulary import PRIORITIES, priority_from_word


@pytest.mark.parametrize(
    ("text", "priority"),
    [
        ("must", "must"),
        ("Must have", "must"),
        ("  SHOULD   have ", "should"),
        ("could", "could"),
        ("won't", "wont"),
        ("Won’t have", "wont"),
        ("wont", "wont"),
        ("will not have", "wont"),
        ("M", "must"),
        ("s", "should"),
        ("c", "could"),
        ("W", "wont"),
    ],
)
def test_the_ways_a_priority_is_written(text, priority):
    assert priority_from_word(text) == priority


@pytest.mark.parametrize("text", ["", "urgent", "high", "have", "must must", "x", "mu"])
def test_other_words_are_not_priorities(text):
    assert priority_from_word(text) is None


def test_initials_can_be_refused():
    assert priority_from_word("c", initials=False) is None
    assert priority_from_word("could", initials=False) == "could"


@given(st.text(max_size=20))
def test_the_answer_is_a_priority_or_none(text):
    assert priority_from_word(text) in (*PRIORITIES, None)
