"""The story editor's checks: a pasted one-line story is split; template words left in a field are caught."""

from __future__ import annotations

import pytest

from elicit.core.stories import split_pasted_story, template_leftover


def test_a_pasted_story_is_split():
    parsed = split_pasted_story("  As a customer, I want to pay by card, so that I can leave quickly\n")
    assert (parsed.role, parsed.want, parsed.so_that) == ("customer", "to pay by card", "I can leave quickly")


@pytest.mark.parametrize("text", ["", "to pay by card", "I want to pay", "I can leave quickly", "As a customer", "two\nlines, As a x, I want y"])
def test_anything_but_a_whole_story_is_left_alone(text):
    assert split_pasted_story(text) is None


@pytest.mark.parametrize(
    ("field", "text", "fragment"),
    [
        ("so_that", "As a customer, I want to pay, so that I leave", "whole story"),
        ("role", "As a customer", "without 'As a'"),
        ("role", "customer, I want to pay", "holds 'I want'"),
        ("want", "I want to pay", "without 'I want'"),
        ("want", "to pay so that I leave", "holds 'so that'"),
        ("want", "As an admin to pay", "starts with 'As a'"),
        ("so_that", "so that I leave", "without 'so that'"),
        ("so_that", "as a customer I leave", "starts with 'As a'"),
    ],
)
def test_template_words_left_in_a_field_are_caught(field, text, fragment):
    assert fragment in template_leftover(field, text)


@pytest.mark.parametrize(
    ("field", "text"),
    [("role", "customer"), ("want", "to log in as a guest"), ("so_that", "I need fewer calls"), ("want", ""), ("so_that", "we save a day")],
)
def test_ordinary_text_passes(field, text):
    assert template_leftover(field, text) is None
