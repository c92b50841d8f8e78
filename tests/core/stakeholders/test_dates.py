"""Dates in statements read as one word each (trial7 T7-9: two interviews' go-live dates were no conflict)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from elicit.core.stakeholders.dates import Date, dated_words, dates_differ, read_date
from elicit.core.stakeholders.statements import contradiction, read_statement

WORDS = re.compile(r"\d+(?:[.,:]\d+)*|[a-z]+(?:[-'][a-z]+)*")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("on 1 march 2027", Date(2027, 3, 1)),
        ("on the 1st of march", Date(0, 3, 1)),
        ("march 1st, 2027", Date(2027, 3, 1)),
        ("by 2027-04-15", Date(2027, 4, 15)),
        ("by 2027-04", Date(2027, 4, 0)),
        ("due 15/4/2027", Date(2027, 4, 15)),
        ("due 1/3/27", Date(2027, 3, 1)),  # day first, as British English writes it
        ("due 3/15/2027", Date(2027, 3, 15)),  # the second number cannot be a month
        ("by the end of june", Date(0, 6, 0)),
        ("in sept 2027", Date(2027, 9, 0)),
        ("before may", Date(0, 5, 0)),
    ],
)
def test_a_date_is_one_word(text, date):
    (word,) = [word for word in dated_words(text, WORDS) if read_date(word) is not None]
    assert read_date(word) == date


@pytest.mark.parametrize(
    "text",
    ["we may take deposits", "jan said so", "orders close at 2 pm", "0.25 hours", "the 2026-27 budget", "on mondays", "13/13/2027"],
)
def test_words_that_are_no_date(text):
    assert [read_date(word) for word in dated_words(text, WORDS) if read_date(word)] == []
    assert "".join(dated_words(text, WORDS)) == "".join(WORDS.findall(text))  # nothing lost either


def test_dates_differ_only_in_a_part_both_give():
    assert dates_differ(Date(0, 3, 1), Date(0, 3, 15))
    assert dates_differ(Date(2027, 3, 0), Date(2028, 3, 0))
    assert not dates_differ(Date(0, 3, 0), Date(2027, 3, 1))
    assert not dates_differ(Date(2027, 3, 1), Date(2027, 3, 1))


@given(st.text(max_size=80), st.text(max_size=80))
def test_any_text_is_read_without_error(first, second):
    read_statement(first)
    assert contradiction(first, second) in ("", "refusal", "number", "date", "only")
