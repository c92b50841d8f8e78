"""Checks and story shapes of issue 19, round 8, on made-up stories (never a real story's text).

The fourth GitHub set (tests/data/lint_github4/) was promoted to tuning data on 2026-12-02 after one blind reading
(0c82c9d rules, main a5e5fe4). What it showed, said as general rules of the rule book (RULES.md) rather than as its
lines: a need told as what the person expects ("I expect you to ..."), a bare "So ..." clause as the benefit (Gherkin's
narrative keyword), a goal that stops before asking anything ("I want to:"); two behaviours slashed after "be"
("be notified/reminded"), a second thing to be told after a clause of time, a second act after "as well as" told as a
gerund, "disable and later re-enable" (one setting), "do the checks and record them" (the work and its record);
"some" only where it is an amount the system must supply, "the various X" and "the relevant X that ..." (the set is
named). Each rule comes with near misses that must stay as they were.
"""

from __future__ import annotations

import pytest

from elicit.core.stories import parse_story
from elicit.core.stories.atomic import atomic_problem
from elicit.core.stories.lint import lint_stories
from elicit.core.stories.parse import template_family
from tests.core.stories.test_lint import backlog, single, story

# A need told as what the person expects ---------------------------------------------------------------------------

EXPECTS = (
    # text, want
    ("I expect you to reply within two working days, so that I can plan my week", "you to reply within two working days"),
    ("As a tenant, I expect the council to tell me when the repair is booked", "the council to tell me when the repair is booked"),
    ("I expect to be able to pay my rent online, so that I need not queue", "to be able to pay my rent online"),
    ("I don't expect you to ask me for my address twice, so that I save time", "not you to ask me for my address twice"),
)


@pytest.mark.parametrize(("text", "want"), EXPECTS)
def test_a_need_told_as_what_the_person_expects_is_a_story(text, want):
    parsed = parse_story(text)
    assert parsed is not None, text
    assert parsed.want == want
    assert template_family(parsed.template).means == "expect"
    found = single(text)
    assert "not-a-story" not in found
    assert ("no-role" in found) == (not parsed.role)


@pytest.mark.parametrize("text", ["I expect a lot from this tool.", "We expected delays last winter."])
def test_expecting_without_a_goal_is_no_story(text):
    assert parse_story(text) is None


def test_expect_is_a_connector_of_its_own_for_non_uniform():
    stories = backlog(
        "As a tenant, I want to pay my rent online, so that I need not queue.",
        "As a tenant, I want to see my balance, so that I know what I owe.",
        "As a tenant, I want to report a repair, so that it gets fixed.",
        "As a tenant, I expect you to reply within two days, so that I can plan.",
    )
    assert "non-uniform" in {f.code for f in lint_stories(stories) if f.story_id == "US-004"}


# A bare "So ..." clause as the benefit ----------------------------------------------------------------------------

SO_CLAUSES = (
    # text, want, so that
    ("As a clerk I want to mark an invoice as paid So the supplier can be told", "to mark an invoice as paid", "the supplier can be told"),
    ("As a clerk I want to close the month So Finance knows the totals", "to close the month", "Finance knows the totals"),
    ("As a clerk I want to confirm each refund so there is a record of who approved it", "to confirm each refund", "there is a record of who approved it"),
    ("As a clerk I want a daily summary. So the manager should see it first thing", "a daily summary.", "the manager should see it first thing"),
    ("As a clerk, I want the ability to print the totals so I'm able to close the day", "the ability to print the totals", "I'm able to close the day"),
)


@pytest.mark.parametrize(("text", "want", "so_that"), SO_CLAUSES)
def test_a_bare_so_clause_is_the_benefit(text, want, so_that):
    parsed = parse_story(text)
    assert parsed is not None
    assert (parsed.want.rstrip("."), parsed.so_that) == (want.rstrip("."), so_that)
    assert template_family(parsed.template).ends == "so"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("As a clerk I want a short list So many rows fit", "a short list So many rows fit"),  # "So many": no clause
        ("As a clerk I want to sort the rows so fast", "to sort the rows so fast"),  # "so" an adverb
        ("As a clerk I want the report laid out just so", "the report laid out just so"),
    ],
)
def test_so_that_opens_no_clause_is_no_benefit(text, want):
    parsed = parse_story(text)
    assert parsed is not None
    assert (parsed.want, parsed.so_that) == (want, "")


@pytest.mark.parametrize(
    ("text", "so_that"),
    [
        ("As a clerk I want to print the totals so as not to lose them", "I do not lose them"),
        ("As a clerk I want to print the totals in order not to lose them", "I do not lose them"),
        ("As a clerk I want to print the totals, in order that I can close the day", "I can close the day"),
    ],
)
def test_the_benefit_said_the_other_way_round(text, so_that):
    parsed = parse_story(text)
    assert parsed is not None
    assert (parsed.want, parsed.so_that) == ("to print the totals", so_that)
    assert template_family(parsed.template).ends == "in-order-to"


# A goal that stops before asking anything -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["As a developer, I want to:", "As a clerk I want to ... so that the totals are kept", "As a clerk, I want to be able to."],
)
def test_a_goal_that_stops_before_asking_anything_is_no_want(text):
    assert "no-want" in single(text)


@pytest.mark.parametrize("want", ["to go", "to be able to log in", "not to be asked twice", "a dark theme"])
def test_a_short_goal_is_still_a_goal(want):
    assert "no-want" not in single(story(want=want))


# not-atomic: two things the rule book calls compound ---------------------------------------------------------------

COMPOUND = (
    # goal, what the finding names
    ("to be notified/reminded of the tasks that need my attention", "notified/reminded"),
    ("to be alerted/warned when the stock runs low", "alerted/warned"),
    ("to be told when the lift breaks down and its repair date", "and its repair"),
    ("to be informed when a boiler (or a pump) fails and its repair date", "and its repair"),
    ("to be notified when a case is overdue, as well as showing it in my work tray", "as well as showing"),
    ("to see the new orders as well as printing them for the packers", "as well as printing"),
    ("to create users, edit and manage existing users", "and manage"),
    ("to edit an incident record and view the incident record", "and view"),  # the same thing again: no result
)


@pytest.mark.parametrize(("want", "named"), COMPOUND)
def test_two_things_the_rule_book_calls_compound(want, named):
    found = atomic_problem(want)
    assert found is not None, want
    assert named in " ".join(found)


NOT_COMPOUND = (
    "to be shown/hidden the totals",  # the two sides of one setting
    "to be told when the lift breaks down and the engineer fixes it",  # two verbs of one clause of time
    "to see new files as well as existing files",  # "existing" is an adjective
    "to disable and later re-enable user accounts",  # one setting and back
    "to enable and re-enable the alarm",
    "to do all the due diligence checks and record them against the account",  # the work and its record
    "to run the nightly checks and log them",
    "to open the Upload and Validate page",  # a page's name
    "to enter my zip code and get a list of shops",  # a step and its result
    "to run the report and view the results",
)


@pytest.mark.parametrize("want", NOT_COMPOUND)
def test_near_misses_that_stay_one_goal(want):
    assert atomic_problem(want) is None, want


@pytest.mark.parametrize(
    "want",
    [
        "to run the checks and email the client",  # a new object: two acts
        "to do the checks, and record them",  # after a comma: a second want
        "to be told when the lift breaks down and its repair date",
    ],
)
def test_the_near_misses_stop_where_the_rule_says(want):
    assert atomic_problem(want) is not None, want


# ambiguous: a vague word only where it qualifies what the system must do -------------------------------------------

NOT_VAGUE = (
    "to declare some users supervisors",  # the users the admin picks
    "to apply some branding to my collection",
    "to compare two versions of some package on my machine",
    "to see what I owe for the various services I use",  # "the various X": all of them
    "to be told about the various ways to pay",
    "to send feedback to the relevant team that raised the alert",  # the clause says which team
    "to get case studies relevant to my company",  # relevant to what: said
)


@pytest.mark.parametrize("want", NOT_VAGUE)
def test_a_vague_word_that_names_a_set_or_the_users_pick_is_not_reported(want):
    assert "ambiguous" not in single(story(want=want)), want


STILL_VAGUE = (
    "to see some metrics on how the game is used",  # an amount the system must supply
    "to have some control over the order of items",
    "to be offered some choices of sponsorship",
    "to make some changes to the report codes",
    "some reports of the week",
    "to submit various kinds of forms",  # no "the": how many kinds?
    "to see only the relevant languages in the list",  # nothing says which are relevant
    "to find all relevant results",
    "to be spoken to in plain English",
    "to know the end date in good time",
)


@pytest.mark.parametrize("want", STILL_VAGUE)
def test_a_vague_word_that_qualifies_what_the_system_supplies_is_reported(want):
    assert "ambiguous" in single(story(want=want)), want
