"""Compare: each conflict kind with its near misses, duplicates across interviews, sides that name who and where."""

from __future__ import annotations

import json

import pytest

from elicit.core.stakeholders import compare, comparison_json, comparison_markdown, make_sources
from tests.core.stakeholders.helpers import FakeBank, interview, sources


def kinds(*sessions):
    return [conflict.kind for conflict in compare(sources(*sessions)).conflicts]


@pytest.mark.parametrize(
    ("question", "first", "second", "conflict"),
    [
        ("b.s.yes", True, False, "yesno"),
        ("b.s.yes", True, True, None),
        ("b.s.pick", "All at once", "Step by step", "choice"),
        ("b.s.pick", "All at once", "All at once", None),
        ("b.s.pick", "All at once", "Not sure", None),  # not sure contradicts no one
        ("b.s.pick", "Open to advice", "Step by step", None),
        ("b.s.scale", 4, 2, "scale"),
        ("b.s.scale", 5, 1, "scale"),
        ("b.s.scale", 4, 3, None),  # one point apart
        ("b.s.count", 80, 40, "number"),  # exactly twice
        ("b.s.count", 40, 200, "number"),
        ("b.s.count", 0, 5, "number"),
        ("b.s.count", 80, 150, None),  # 1.9x
        ("b.s.count", 0.25, 0.2, None),
        ("b.s.count", 0, 0, None),
        ("b.s.text", "The phone rings all day.", "We lose orders on paper.", None),  # free text: side by side only
        ("b.s.multi", ["Card"], ["Cash", "Invoice"], None),
    ],
)
def test_answer_conflicts_and_their_near_misses(question, first, second, conflict):
    found = kinds(interview("Ann", {question: first}), interview("Ben", {question: second}))
    assert found == ([conflict] if conflict else [])


def test_a_question_answered_in_two_interviews_shows_each_answer_with_its_speaker():
    result = compare(
        sources(interview("Ann", {"b.s.text": "Phones", "b.s.yes": True}), interview("Ben", {"b.s.text": "Paper"}), interview("Cy", {}))
    )
    assert [item.question for item in result.questions] == ["b.s.text"]  # b.s.yes was answered once
    assert [(side.session, side.by, side.value) for side in result.questions[0].answers] == [
        ("ann.elicit.toml", "Ann", "Phones"),
        ("ben.elicit.toml", "Ben", "Paper"),
    ]


def test_conflict_sides_name_who_said_what_and_where():
    conflict = compare(sources(interview("Ann", {"b.s.yes": True}), interview("Ben", {"b.s.yes": False}))).conflicts[0]
    assert conflict.as_json() == {
        "kind": "yesno",
        "question": "b.s.yes",
        "sides": [{"session": "ann.elicit.toml", "by": "Ann", "value": True}, {"session": "ben.elicit.toml", "by": "Ben", "value": False}],
    }


def test_several_interviews_give_one_conflict_per_disagreeing_pair():
    found = kinds(*(interview(name, {"b.s.yes": value}) for name, value in (("Ann", True), ("Ben", False), ("Cy", True))))
    assert found == ["yesno", "yesno"]


def test_the_same_story_at_different_priorities_is_a_conflict_and_the_stories_are_grouped():
    ann = interview("Ann", stories=[("customer", "to order a cake online and pick a time", "must")])
    ben = interview("Ben", stories=[("customer", "to order the cake online and pick a time", "should")])  # 'a'/'the': small words
    result = compare(sources(ann, ben))
    assert [conflict.kind for conflict in result.conflicts] == ["priority"]
    assert result.conflicts[0].as_json()["stories"] == ["US-001", "US-001"]
    assert result.conflicts[0].as_json()["sides"][1] == {"session": "ben.elicit.toml", "by": "Ben", "story": "US-001"}
    assert [[side.session for side in group.stories] for group in result.duplicates] == [["ann.elicit.toml", "ben.elicit.toml"]]


def test_priority_near_misses():
    same_priority = kinds(
        interview("Ann", stories=[("manager", "to print the day's orders in colour", "could")]),
        interview("Ben", stories=[("manager", "to print the day's orders in color", "could")]),
    )
    other_story = kinds(
        interview("Ann", stories=[("customer", "to add allergy notes to an order", "must")]),
        interview("Ben", stories=[("customer", "to see allergy notes on every order", "could")]),
    )
    assert same_priority == [] and other_story == []


def test_duplicates_inside_one_interview_are_the_lints_business_not_compares():
    ann = interview(
        "Ann", stories=[("customer", "to order a cake online today", "must"), ("customer", "to order a cake online today", "could")]
    )
    result = compare(sources(ann, interview("Ben")))
    assert result.duplicates == () and result.conflicts == ()


def test_rejected_stories_are_left_out():
    ann = interview("Ann", stories=[("customer", "to order a cake online today", "must")])
    ann.stories[0].status = "rejected"
    assert kinds(ann, interview("Ben", stories=[("customer", "to order a cake online today", "could")])) == []


@pytest.mark.parametrize(
    ("first", "second", "opposite"),
    [
        ("to take a deposit on pre-orders", "not to take a deposit on pre-orders", True),
        ("to pay online when I order", "to not pay online when I order", True),
        ("to create an account", "not to have to create an account", False),  # relief from a duty, not a refusal
        ("to save my card details for next time", "not to have to save my card details for next time", False),
        ("to save my card details for next time", "not to save my card details for next time", True),
        ("to take a deposit on pre-orders", "not to take a deposit on bread orders", False),  # another object
        ("not to take a deposit on pre-orders", "not to take a deposit on pre-orders", False),  # they agree
        ("to see which orders are collected", "to see which orders are not collected yet", False),
        ("to take a deposit on pre-orders", "never to take a deposit on pre-orders", True),  # "never" refuses as "not" does
        ("to take a deposit on pre-orders", "to never take a deposit on pre-orders", True),
        ("not to take a deposit on pre-orders", "never to take a deposit on pre-orders", False),  # they agree
        ("to create an account", "never to have to create an account", False),  # relief
    ],
)
def test_opposite_goals_use_the_parsers_negation(first, second, opposite):
    found = kinds(interview("Ann", stories=[("owner", first, "must")]), interview("Ben", stories=[("clerk", second, "must")]))
    assert ("opposite" in found) is opposite


def test_opposite_goals_in_one_interview_are_not_a_conflict_between_interviews():
    ann = interview(
        "Ann", stories=[("owner", "to take a deposit on pre-orders", "must"), ("clerk", "not to take a deposit on pre-orders", "must")]
    )
    assert kinds(ann, interview("Ben")) == []


def test_an_answer_against_another_interviews_decision():
    decided = interview("Ann", {"b.s.yes": True}, decisions=[("Deposits are taken online with the other payments", "b.s.yes")])
    against = compare(sources(decided, interview("Ben", {"b.s.yes": False}))).of_kind("decision")
    agrees = compare(sources(decided, interview("Ben", {"b.s.yes": True}))).of_kind("decision")
    assert len(against) == 1 and agrees == []
    sides = against[0].as_json()["sides"]
    assert sides == [
        {"session": "ann.elicit.toml", "by": "Ann", "value": "Deposits are taken online with the other payments"},
        {"session": "ben.elicit.toml", "by": "Ben", "value": False},
    ]


def test_a_difference_of_degree_does_not_contradict_a_decision():
    decided = interview("Ann", {"b.s.scale": 3}, decisions=[("Fix it first", "b.s.scale")])
    assert compare(sources(decided, interview("Ben", {"b.s.scale": 5}))).of_kind("decision") == []


def test_a_decision_without_an_answer_of_its_own_is_not_judged():
    decided = interview("Ann", {}, decisions=[("Deposits are paid online", "b.s.yes")])
    assert compare(sources(decided, interview("Ben", {"b.s.yes": False}))).of_kind("decision") == []


def test_json_has_exactly_the_issue_keys_and_is_deterministic():
    made = [interview("Ann", {"b.s.yes": True, "b.s.text": "x"}), interview("Ben", {"b.s.yes": False, "b.s.text": "y"})]
    first, second = comparison_json(compare(sources(*made))), comparison_json(compare(sources(*made)))
    assert first == second
    data = json.loads(first)
    assert set(data) == {"questions", "duplicates", "conflicts"}
    assert all(set(side) == {"session", "by", "value"} for conflict in data["conflicts"] for side in conflict["sides"])


def test_markdown_escapes_what_people_typed():
    made = [interview("Ann", {"b.s.text": "*bold* | pipe"}), interview("Ben", {"b.s.text": "# not a heading"})]
    page = comparison_markdown(compare(sources(*made)))
    assert "\\*bold\\* \\| pipe" in page and "Ben (ben.elicit.toml): # not a heading" in page


def test_sources_get_unique_short_names():
    made = make_sources([("a/owner.elicit.toml", interview("Ann"), [FakeBank()]), ("b/owner.elicit.toml", interview("Ben"), [FakeBank()])])  # type: ignore[list-item]
    assert [source.name for source in made] == ["owner", "owner-2"]


# Decisions (trial2 T15): a decision is set against an answer only when it is about that answer's question,
# and against another interview's decision by its words, whatever question either was typed on.


def test_a_decision_typed_on_an_unrelated_question_is_not_set_against_its_answers():
    """T15: "Reminders go by email first", typed right after a yes/no about a fixed date, was 'against' the other's Yes."""
    decided = interview("Tom", {"b.s.yes": False}, decisions=[("Reminders go by email first", "b.s.yes")])
    assert compare(sources(decided, interview("Maria", {"b.s.yes": True}))).of_kind("decision") == []


def test_a_decision_about_its_question_is_set_against_a_contradicting_answer():
    decided = interview("Tom", {"b.s.pick": "Step by step"}, decisions=[("We switch step by step, one shop at a time", "b.s.pick")])
    found = compare(sources(decided, interview("Maria", {"b.s.pick": "All at once"}))).of_kind("decision")
    assert [conflict.question for conflict in found] == ["b.s.pick"]


def decisions_found(first: str, second: str, first_on: str = "b.s.yes", second_on: str = "b.s.text"):
    made = sources(interview("Maria", decisions=[(first, first_on)]), interview("Tom", decisions=[(second, second_on)]))
    return compare(made).of_kind("decisions")


@pytest.mark.parametrize(
    ("first", "second", "why"),
    [
        ("Reminders go by SMS only for the first release", "Reminders go by email first", "only"),  # trial2 T15
        ("Reminders go only by SMS", "Reminders go by email", "only"),
        ("Reminders go by SMS first", "Reminders go by email first", "only"),
        ("Only staff can see the notes", "Patients can see the notes", "only"),
        ("We will take deposits", "We will not take deposits", "refusal"),
        ("Pre-orders take a deposit", "Pre-orders never take a deposit", "refusal"),
        ("Deposits must not be refunded", "Deposits are refunded", "refusal"),
        ("No reminder for same-day bookings", "A reminder for same-day bookings", "refusal"),
        ("We no longer print the order book", "We print the order book", "refusal"),
        ("Go live before May", "Go live after May", "refusal"),  # a word and its opposite
        ("Orders for the next morning close at 2 pm", "Orders for the next morning close at 5 pm", "number"),
        ("The budget is £8,000", "The budget is £10,000", "number"),
        # two dates for one thing (trial7 T7-9): a date is one word however many it takes, as a number is
        ("The shop goes live on 1 March 2027", "The shop goes live on 15 April 2027", "date"),
        ("Pre-orders close on 2027-03-01", "Pre-orders close on 2027-04-15", "date"),
        ("The first release is due by the end of March", "The first release is due by the end of June", "date"),
        ("The deadline for the pilot is March 1", "The deadline for the pilot is April 15th", "date"),
        ("Invoices are due on 1/3/2027", "Invoices are due on 15/4/2027", "date"),
        ("Go live on 1 March", "On 15 April, go live", "date"),  # wherever the date stands
        ("Go live on 1 March 2027", "Go live on 1 March 2028", "date"),
        ("Go live in May", "Go live in June", "date"),  # "May" after "in" is the month
        ("Go live before May", "Go live before June", "date"),  # two deadlines; a near miss only while "May" read as "may"
    ],
)
def test_two_decisions_that_cannot_both_hold_are_a_conflict(first, second, why):
    found = decisions_found(first, second)
    assert [(conflict.why, conflict.decisions) for conflict in found] == [(why, ("DEC-001", "DEC-001"))]
    assert found[0].as_json() == {
        "kind": "decisions",
        "decisions": ["DEC-001", "DEC-001"],
        "sides": [
            {"session": "maria.elicit.toml", "by": "Maria", "value": first},
            {"session": "tom.elicit.toml", "by": "Tom", "value": second},
        ],
    }


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Reminders go by SMS", "Reminders go by email"),  # neither says only: both can be sent
        ("Reminders go by SMS only", "Reminders go by SMS only, in English"),  # the same channel
        ("Reminders go by SMS only", "Invoices go by email"),  # another thing goes by email
        ("Reminders go by SMS only", "Reminders go out two days before"),  # not the same slot
        ("Reminders go by SMS only for the first release", "Reminders go by SMS for the trial"),
        ("Orders close at 2 pm", "Orders close at 2 pm"),  # they agree
        ("Go live in March", "Go live on 1 March"),  # one of them says the day: can be one date
        ("Go live on 1 March", "Go live on 1 March 2027"),
        ("Go live on 1 March 2027", "Go live on 2027-03-01"),  # one date written two ways
        ("Stock is counted on Mondays", "Stock is counted on Fridays"),  # days of the week: both can be
        ("The shop opens on 1 March", "The website goes live on 15 April"),  # two things
        ("We may take deposits in March", "We take deposits in March"),  # "may" here is no month
        ("Bread is not sold online", "Bread is not baked to order"),  # two refusals of two things
        ("Patients never have to log in", "Patients log in"),  # relief from a duty, not a refusal
        ("Reminders go two days before", "Reminders ask the patient to reply C to cancel"),  # compatible, one question
    ],
)
def test_decisions_near_misses(first, second):
    assert decisions_found(first, second, "b.s.yes", "b.s.yes") == []


def test_decisions_in_one_interview_are_not_a_conflict_between_interviews():
    maria = interview("Maria", decisions=[("We will take deposits", "b.s.text"), ("We will not take deposits", "b.s.text")])
    assert compare(sources(maria, interview("Tom"))).conflicts == ()


# Free text (kind "text"): two answers to one question with a sentence each that cannot both hold.


@pytest.mark.parametrize(
    ("first", "second", "sentences"),
    [
        (
            "Staff must not write orders on paper. Card payments go online.",
            "Staff write orders on paper, in the book by the oven.",
            ("Staff must not write orders on paper", "Staff write orders on paper"),
        ),
        (
            "We never take cake orders by phone.",
            "We take cake orders by phone; it works.",
            ("We never take cake orders by phone", "We take cake orders by phone"),
        ),
        (
            "Card payments go through the till only.",
            "Card payments go through the website.",
            ("Card payments go through the till only", "Card payments go through the website"),
        ),
        ("Orders close at 2 pm.", "Orders close at 5 pm, when the shop shuts.", ("Orders close at 2 pm", "Orders close at 5 pm")),
    ],
)
def test_free_texts_that_say_opposite_things_are_a_conflict(first, second, sentences):
    found = compare(sources(interview("Ann", {"b.s.text": first}), interview("Ben", {"b.s.text": second}))).of_kind("text")
    assert [tuple(side.text for side in conflict.sides) for conflict in found] == [sentences]
    assert found[0].as_json()["sides"][0] == {"session": "ann.elicit.toml", "by": "Ann", "value": first}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Staff must not write orders on paper.", "Staff do not write orders on the board."),  # two refusals of two things
        ("Staff write orders on paper.", "Staff write the takings on paper."),  # another thing on paper
        ("The phone rings all day.", "The phone never rings after noon."),  # not the same statement
        ("Card payments go through the website.", "Card payments go through the website."),  # they agree
        ("We don't have to phone anyone.", "We phone everyone."),  # relief, and other words
    ],
)
def test_free_text_near_misses(first, second):
    assert compare(sources(interview("Ann", {"b.s.text": first}), interview("Ben", {"b.s.text": second}))).of_kind("text") == []


# Reworded duplicates across interviews: the same role and the same words in another order.


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("to see the orders of my shop only", "to see only my shop's orders", True),
        ("to print the orders each morning", "each morning to print the orders", True),
        ("to move orders from the old shop to the new shop", "to move orders from the new shop to the old shop", False),  # direction
        ("to see orders collected and not paid", "to see orders paid and not collected", False),  # "not" moves
        ("to see my shop's orders", "to see only my shop's orders", False),  # a word more: not the same words
        ("to see orders", "orders to see", False),  # too few words to judge
    ],
)
def test_reworded_stories_across_interviews_are_one_story(first, second, same):
    result = compare(
        sources(interview("Ann", stories=[("shop manager", first, "could")]), interview("Ben", stories=[("shop manager", second, "must")]))
    )
    assert (len(result.duplicates) == 1) is same
    assert ([conflict.kind for conflict in result.conflicts] == ["priority"]) is same


def test_reworded_needs_the_same_role():
    ann = interview("Ann", stories=[("shop manager", "to see the orders of my shop only", "could")])
    ben = interview("Ben", stories=[("baker", "to see only my shop's orders", "must")])
    assert compare(sources(ann, ben)).duplicates == ()


def _told(name, role, want, so_that, priority):
    from elicit.core.session import Story

    session = interview(name)
    session.stories = [Story("US-001", role, want, so_that, priority=priority)]
    return session


def test_one_need_told_for_two_roles_at_two_priorities_is_a_priority_conflict():
    """Trial4 T4-7 (trial3 T3-5): the same goal and benefit from a case officer (Must) and a planning officer
    (Should) was neither shared nor a conflict, and the merged spec listed one need under two priorities."""
    want, so_that = "to see every application waiting for validation in one list", "none goes past the 5-day deadline"
    ann = _told("Ann", "case officer", want, so_that, "must")
    ben = _told("Ben", "planning officer", want, so_that, "should")
    result = compare(sources(ann, ben))
    assert [conflict.kind for conflict in result.conflicts] == ["priority"]
    assert [(side.session, side.story, side.priority) for side in result.conflicts[0].sides] == [
        ("ann.elicit.toml", "US-001", "must"),
        ("ben.elicit.toml", "US-001", "should"),
    ]
    assert result.duplicates == (), "two roles stay two stories: only the priority is flagged"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("case officer", "to see every application in one list", "none is late", "must"), ("planning officer", "to see every application in one list", "none is late", "must")),  # same priority
        (("case officer", "to see every application in one list", "none is late", "must"), ("planning officer", "to see every application in one list", "I can plan my week", "should")),  # another benefit
        (("case officer", "to see every application in one list", "", "must"), ("planning officer", "to see every application in one list", "", "should")),  # no benefit
        (("case officer", "to see the list", "none is late", "must"), ("planning officer", "to see the list", "none is late", "should")),  # too few words
        (("case officer", "to see every application in one list", "none is late", "must"), ("planning officer", "to see every application on one map", "none is late", "should")),  # another goal
    ],
)
def test_one_need_near_misses(first, second):
    assert compare(sources(_told("Ann", *first), _told("Ben", *second))).conflicts == ()
