"""did_you_mean: the one place a mistyped name gets a suggestion (trial F15)."""

from __future__ import annotations

import pytest

from elicit.core.findings import did_you_mean

STORIES = ["US-001", "US-002", "US-007"]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("US-07", "US-007"),  # the same number, padded differently
        ("us-7", "US-007"),  # any case
        ("US-070", "US-007"),  # two digits swapped
        ("US-008", "US-007"),  # one digit wrong: the nearest number wins over US-001
        ("US-0071", "US-007"),  # one digit too many
    ],
)
def test_a_numbered_id_one_typo_away_is_suggested(typed, meant):
    assert did_you_mean(typed, STORIES) == f"did you mean '{meant}'?"


@pytest.mark.parametrize("typed", ["US-100", "US-99", "US-050", "D-007", "OQ-001"])
def test_a_numbered_id_far_from_every_number_or_of_another_kind_gets_no_suggestion(typed):
    # Spelling alone makes any two ids look alike ('US-100' and 'US-007' share four of six characters).
    assert did_you_mean(typed, STORIES) is None


def test_words_are_still_matched_by_spelling():
    assert did_you_mean("in_their_word", ["in_their_words", "why_now"]) == "did you mean 'in_their_words'?"
    assert did_you_mean("nothing", ["in_their_words", "why_now"]) is None


@pytest.mark.parametrize(("typed", "meant"), [("signed", "Signature"), ("SIGNED", "Signature"), ("webb", "Web")])
def test_case_is_ignored_so_an_answer_and_a_bank_condition_get_the_same_suggestion(typed, meant):
    # trial 5: `elicit answer k proof_kind signed` got no suggestion where the bank validator, given 'Signed', said 'Signature'.
    options = ["Signature", "Photo", "Safe place", "Web"]
    assert did_you_mean(typed, options) == f"did you mean '{meant}'?"


def test_of_two_choices_spelt_alike_but_for_case_the_first_is_suggested():
    assert did_you_mean("EMAIL", ["Email", "email", "Phone"]) == "did you mean 'Email'?"
