"""Typed text to answer values, per question kind."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from elicit.core.banks.catalog import BankCatalog
from elicit.core.findings import ElicitError
from elicit.core.session.answers import format_answer, number_in_words, other_time_unit, parse_answer
from tests.conftest import MINI_BANK


def question(mini_bank, key):
    return next(q for q in mini_bank.questions if q.key == key)


def test_text_is_kept_verbatim(mini_bank):
    assert parse_answer(question(mini_bank, "problem"), "  two\nlines ") == "  two\nlines "


@pytest.mark.parametrize(
    ("typed", "value"), [("Mobile", "Mobile"), ("mobile", "Mobile"), ("2", "Mobile"), ("mob", "Mobile"), ("not", "Not sure")]
)
def test_choice_by_text_number_or_prefix(mini_bank, typed, value):
    assert parse_answer(question(mini_bank, "platform"), typed) == value


def test_choice_rejects_others_with_the_options(mini_bank):
    with pytest.raises(ElicitError, match="did you mean 'Mobile'"):
        parse_answer(question(mini_bank, "platform"), "Mobil phone")
    with pytest.raises(ElicitError, match="options are: 1. Web, 2. Mobile"):
        parse_answer(question(mini_bank, "platform"), "xyz")


def test_multi_splits_and_dedupes(mini_bank):
    assert parse_answer(question(mini_bank, "channels"), "email, Chat; email") == ["Email", "Chat"]
    assert parse_answer(question(mini_bank, "channels"), "") == []


@pytest.mark.parametrize(("typed", "value"), [("yes", True), ("Y", True), ("no", False), ("false", False)])
def test_yesno(mini_bank, typed, value):
    assert parse_answer(question(mini_bank, "offline"), typed) is value


def test_yesno_rejects_maybe(mini_bank):
    with pytest.raises(ElicitError, match="answer yes or no"):
        parse_answer(question(mini_bank, "offline"), "maybe")


def test_scale_range(mini_bank):
    scale = question(mini_bank, "satisfaction")
    assert parse_answer(scale, " 4 ") == 4
    for bad in ("0", "6", "3.5", "x"):
        with pytest.raises(ElicitError):
            parse_answer(scale, bad)


def test_number(mini_bank):
    number = question(mini_bank, "offline_how_long")
    assert parse_answer(number, "8") == 8
    assert parse_answer(number, "1,500.5") == 1500.5
    for bad in ("-1", "lots", "nan", "inf"):
        with pytest.raises(ElicitError):
            parse_answer(number, bad)


def test_format_answer(mini_bank):
    assert format_answer(question(mini_bank, "offline"), True) == "Yes"
    assert format_answer(None, False) == "No"
    assert format_answer(question(mini_bank, "channels"), ["Email", "Chat"]) == "Email, Chat"
    assert format_answer(question(mini_bank, "offline_how_long"), 8.0) == "8 hours"
    assert format_answer(question(mini_bank, "satisfaction"), 4) == "4 of 5 (1 = not at all, 5 = very)"
    assert format_answer(question(mini_bank, "offline_how_long"), 0.25) == "0.25 hours"
    assert format_answer(None, None) == ""


MINI = BankCatalog([("test", MINI_BANK.parent)]).load(MINI_BANK)


@given(st.text())
def test_any_text_gives_a_value_or_a_clear_error(text):
    for key in ("platform", "channels", "offline", "satisfaction", "offline_how_long"):
        try:
            parse_answer(question(MINI, key), text)
        except ElicitError as error:
            assert "\n" not in str(error)


def test_answer_text_and_has_value():
    from elicit.core.session.answers import answer_text, has_value

    assert [answer_text(v) for v in (None, True, ["a", "b"], 8.0, 2.5, "x")] == ["", "yes", "a, b", "8", "2.5", "x"]
    assert [has_value(v) for v in (None, "  ", [], "x", False, 0, ["a"])] == [False, False, False, True, True, True, True]


# Issue 13 ---------------------------------------------------------------------------


def test_whole_numbers_stay_integers(mini_bank):
    number = question(mini_bank, "offline_how_long")
    for typed, value in (("1e3", 1000), ("1000.0", 1000), ("1,200", 1200), ("2.5", 2.5), ("+7", 7), ("120", 120)):
        parsed = parse_answer(number, typed)
        assert parsed == value and type(parsed) is type(value), typed


def test_range_errors_name_the_rule_not_the_question_id(mini_bank):
    with pytest.raises(ElicitError) as caught:
        parse_answer(question(mini_bank, "offline_how_long"), "-1")
    assert str(caught.value) == "this question takes 0 or more, not -1"
    with pytest.raises(ElicitError) as caught:
        parse_answer(question(mini_bank, "platform"), "Fax")
    assert "mini." not in str(caught.value)


def test_one_hour_not_one_hours(mini_bank):
    hours = question(mini_bank, "offline_how_long")
    assert [format_answer(hours, v) for v in (1, 1.0, 2, 0, 1.5)] == ["1 hour", "1 hour", "2 hours", "0 hours", "1.5 hours"]
    from elicit.core.session.answers import unit_for

    assert [unit_for(u, 1) for u in ("users", "km/h", "%", "class", "s", "days")] == ["user", "km/h", "%", "class", "s", "day"]


def test_an_exclusive_option_stands_alone():
    from elicit.core.banks.models import Question

    devices = Question("b.s.devices", "Which?", "multi", options=("iPhone", "Android", "Not sure"), exclusive_options=("Not sure",))
    assert parse_answer(devices, "not sure") == ["Not sure"]
    assert parse_answer(devices, "iphone, android") == ["iPhone", "Android"]
    with pytest.raises(ElicitError, match="'Not sure' stands alone"):
        parse_answer(devices, "iPhone, Not sure")


# Trial 2 (wt/notes/trial2.md) ----------------------------------------------------------------------


def test_a_decimal_comma_is_never_read_ten_times_bigger(mini_bank):
    # T6: '1,5' hours was saved as 15 (every comma was dropped as a thousands separator).
    hours = question(mini_bank, "offline_how_long")
    for typed, value in (("1,5", 1.5), ("0,75", 0.75), ("1234,5", 1234.5), ("2,50", 2.5), (" 1,5 ", 1.5), ("1,0", 1)):
        parsed = parse_answer(hours, typed)
        assert parsed == value and type(parsed) is type(value), typed


def test_a_comma_in_groups_of_three_is_still_a_thousands_separator(mini_bank):
    hours = question(mini_bank, "offline_how_long")
    for typed, value in (("1,200", 1200), ("12,345.5", 12345.5), ("1,234,567", 1234567), ("1_000", 1000)):
        assert parse_answer(hours, typed) == value, typed


@pytest.mark.parametrize("typed", ["1.200,5", "1234,567", "1,2,3", "1,", "1,23,456", "12,34.5"])
def test_a_comma_that_is_neither_is_refused_with_a_hint(mini_bank, typed):
    with pytest.raises(ElicitError) as caught:
        parse_answer(question(mini_bank, "offline_how_long"), typed)
    assert str(caught.value) == (
        f"this question takes a number, not '{typed}'; write one and a half as 1.5 or 1,5, twelve hundred as 1200 or 1,200"
    )


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=99))
def test_a_decimal_comma_reads_as_the_same_decimal_dot(whole, fraction):
    from elicit.core.session.answers import parse_number

    digits = f"{fraction:02d}" if fraction >= 10 else str(fraction)
    assert parse_number(f"{whole},{digits}") == parse_number(f"{whole}.{digits}")


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [
        ("problem", 3, "not text"),
        ("platform", "Tablet", "'Tablet', not one of its options"),
        ("channels", ["Email", "Fax"], "'Fax', not one of its options"),
        ("offline", "yes", "'yes', not true or false"),
        ("satisfaction", "four", "'four', not a whole number from 1 to 5"),
        ("satisfaction", 4.5, "4.5, not a whole number from 1 to 5"),
        ("satisfaction", 9, "5 or less, not 9"),
        ("satisfaction", True, "True, not a whole number from 1 to 5"),
        ("offline_how_long", "ten", "'ten', not a number"),
        ("offline_how_long", -1, "0 or more, not -1"),
    ],
)
def test_a_stored_value_that_does_not_fit_its_question_says_why(key, value, problem):
    from elicit.core.session.answers import stored_value_problem

    assert stored_value_problem(question(MINI, key), value) == problem


@given(st.text())
def test_every_value_the_parser_gives_fits_its_question(text):
    from elicit.core.session.answers import stored_value_problem

    for key in ("problem", "platform", "channels", "offline", "satisfaction", "offline_how_long"):
        try:
            value = parse_answer(question(MINI, key), text)
        except ElicitError:
            continue
        assert stored_value_problem(question(MINI, key), value) is None, (key, value)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("about 150", 150),
        ("150 or so", 150),
        ("roughly 2,5 hours", 2.5),
        ("~150 a week", 150),
        ("1,200 a week", 1200),
        ("maybe 3?", 3),
        ("100 to 150", None),  # two numbers: which one is the client's is for the consultant to say
        ("150ish", None),  # glued to a word: not read as a number
        ("about", None),
        ("150", None),  # a number itself: parse_number reads it
        ("about inf", None),
    ],
)
def test_number_in_words_is_the_one_number_said_among_words(text, number):
    """Trial 2, T7: 'about 150' typed into a number answer; the number is the answer, the words go to the notes."""
    assert number_in_words(text) == number


@pytest.mark.parametrize(
    "text",
    [
        "about 120, 150 on Mondays",  # trial5 T5-1: '120,' was no number, so 150 (Mondays) became a normal day
        "120, maybe 150",
        "(120), or 150",
    ],
)
def test_two_numbers_with_a_comma_after_the_first_are_two_numbers(text):
    assert number_in_words(text) is None


@pytest.mark.parametrize(
    ("text", "unit", "number"),
    [
        ("30 minutes at most at 7am", "hours per month", None),  # trial5 T5-2: saved as 30 hours per month
        ("2 hours a week", "hours per month", None),  # a week is not a month
        ("about 2 days", "hours", None),
        ("about 90 secs", "minutes", None),
        ("2 hours a month", "hours per month", 2),  # its own units: taken
        ("about 2 hrs", "hours", 2),
        ("about 10 mins", "minutes", 10),
        ("roughly 2,5 hours", "hours", 2.5),
        ("5 percent a year", "percent per year", 5),
        ("5 percent a month", "percent per year", None),
        ("60 users in the first hour", "users at once", 60),  # a unit that is no time: time words say nothing
        ("about 30 minutes", "", 30),  # no unit: as before
    ],
)
def test_a_number_said_in_another_unit_of_time_than_the_questions_is_not_taken(text, unit, number):
    assert number_in_words(text, unit) == number
    assert bool(other_time_unit(text, unit)) == (number is None)
