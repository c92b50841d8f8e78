"""Reading one-line stories: every template, odd punctuation, non-stories, the real backlogs."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from elicit.core.session.models import Story
from elicit.core.stories.parse import TemplateShape, normalise, parse_story, template_family, template_wording
from tests.conftest import user_story_lines

TEMPLATES = [
    # (text, role, want, so_that, template)
    (
        "As a user, I want to export the report, so that I can share it.",
        "user",
        "to export the report",
        "I can share it",
        "as-i-want-so-that",
    ),
    (
        "As an admin I want to reset passwords so that users can log in",
        "admin",
        "to reset passwords",
        "users can log in",
        "as-i-want-so-that",
    ),
    ("As the site editor, I want to add an article.", "site editor", "to add an article", "", "as-i-want"),
    ("As User, I want to be able to log in.", "User", "to be able to log in", "", "as-i-want-to-be-able-to"),
    ("As a driver I can see the route in order to plan my day", "driver", "to see the route", "I can plan my day", "as-i-can-in-order-to"),
    ("As a driver, I can see the route, so as to plan my day", "driver", "to see the route", "I can plan my day", "as-i-can-in-order-to"),
    ("I want to be able to export data.", "", "to be able to export data", "", "i-want-to-be-able-to"),
    ("I want to export data so that I can chart it", "", "to export data", "I can chart it", "i-want-so-that"),
    (
        "As a Publisher, I would like an integration with Excel, so that I can output cleaned data.",
        "Publisher",
        "an integration with Excel",
        "I can output cleaned data",
        "as-i-would-like-so-that",
    ),
    ("As a planner, I'd like a dark theme", "planner", "a dark theme", "", "as-i-would-like"),
    ("I would like a dark theme", "", "a dark theme", "", "i-would-like"),
    (
        "As a Staff member, I need to be notified when attributes change, so that I can review them.",
        "Staff member",
        "to be notified when attributes change",
        "I can review them",
        "as-i-need-so-that",
    ),
    ("I need a printable invoice", "", "a printable invoice", "", "i-need"),
    (
        "As a user, I don't want to see grants displayed as contracts.",
        "user",
        "not to see grants displayed as contracts",
        "",
        "as-i-dont-want",
    ),
    ("As a user, I do not want ads", "user", "not ads", "", "as-i-dont-want"),
    ("As a user, I don’t want pop-ups", "user", "not pop-ups", "", "as-i-dont-want"),
    ("I don't want to retype my address", "", "not to retype my address", "", "i-dont-want"),
    (
        "As a camp worker, I'm able to report a camper to the manager.",
        "camp worker",
        "to report a camper to the manager",
        "",
        "as-i-am-able-to",
    ),
    ("As a camp worker, I would be able to submit a report.", "camp worker", "to submit a report", "", "as-i-should-be-able-to"),
    ("As a clerk, we want shared templates", "clerk", "shared templates", "", "as-i-want"),
    (
        "As an owner, I only want zero-padded fields, so that I can justify padding.",
        "owner",
        "only zero-padded fields",
        "I can justify padding",
        "as-i-only-want-so-that",
    ),
    (
        "As an Agency user, I want FABS deployed, so I can submit my data.",
        "Agency user",
        "FABS deployed",
        "I can submit my data",
        "as-i-want-so",
    ),
    (
        "As a publisher, I want reproducible steps, so my method is transparent.",
        "publisher",
        "reproducible steps",
        "my method is transparent",
        "as-i-want-so",
    ),
    (
        "In order to save time, as a clerk, I want to file forms online",
        "clerk",
        "to file forms online",
        "I can save time",
        "in-order-to-as-i-want",
    ),
    (
        "As a ResearcherDeveloper, would like the ability import/export from MS-SQL",
        "ResearcherDeveloper",
        "the ability import/export from MS-SQL",
        "",
        "as-i-would-like",
    ),
    (
        "As a Researcher, working with data, I want a Power BI integration",
        "Researcher, working with data",
        "a Power BI integration",
        "",
        "as-i-want",
    ),
    (
        "As a staff member, I want to denote an application as final. So that I can finish it.",
        "staff member",
        "to denote an application as final",
        "I can finish it",
        "as-i-want-so-that",
    ),
    ("As a site admin, so that I can moderate", "site admin", "", "I can moderate", "as-unmarked-so-that"),
    ("As a site admin, moderation of comments", "site admin", "moderation of comments", "", "as-unmarked"),
]


@pytest.mark.parametrize(("text", "role", "want", "so_that", "template"), TEMPLATES, ids=[row[4] + ":" + row[0][:30] for row in TEMPLATES])
def test_every_template_variant(text, role, want, so_that, template):
    parsed = parse_story(text)
    assert parsed is not None
    assert (parsed.role, parsed.want, parsed.so_that, parsed.template) == (role, want, so_that, template)
    assert parsed.text == text


@pytest.mark.parametrize(
    "text",
    [
        "  AS AN ARCHIVIST ,  I WANT  to export EAD .  ",
        "as an archivist i want to export EAD",
        "- As an archivist, I want to export EAD",
        "* As an archivist, I want to export EAD",
        "1. As an archivist, I want to export EAD",
        "12) As an archivist, I want to export EAD",
        "US-12: As an archivist, I want to export EAD",
        "[ARCH-7] As an archivist, I want to export EAD",
        "#G23# As an archivist, I want to export EAD",
        '"As an archivist, I want to export EAD."',
        "\ufeffAs an archivist,\tI want to export EAD!",
        "As an archivist, I want to export EAD;",
        "Story: As an archivist, I want to export EAD",
    ],
)
def test_odd_punctuation_capitals_whitespace_and_list_marks(text):
    parsed = parse_story(text)
    assert parsed is not None
    assert parsed.role.lower() == "archivist"
    assert parsed.want.lower() == "to export ead"
    assert parsed.so_that == ""
    assert parsed.text == text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "Auditing & Reporting.",
        "bidirectionally with the repository.",
        "to support data migration integrity testing.",
        "The system shall export reports as PDF.",
        "I can't log in on Mondays!",
        "I cannot see the menu",
        "As discussed, the report is late.",
        "As a result, we lost the data.",
        "As a rule, nothing is deleted.",
        "The system should be able to export data.",  # (round 6: "Users should be able to ..." is a story now, test_lint_story_shapes.py)
        "Login page",
    ],
)
def test_a_sentence_that_is_not_a_story_is_not_forced(text):
    assert parse_story(text) is None


def test_benefit_markers_stutter_and_chains():
    assert parse_story("As a trainee, I want a waitlist, so that so they can be considered.").so_that == "they can be considered"
    assert parse_story("As a moderator, I want to add items, so that so that we can be flexible").so_that == "we can be flexible"
    chained = parse_story("As a user, I want X, so that I can A, so that I can B")
    assert chained.want == "X" and chained.so_that == "I can A, so that I can B"


def test_the_earliest_means_wins_and_a_negated_can_is_not_a_means():
    parsed = parse_story("As a trainer, I want to see the courses are what I want visitors to notice")
    assert parsed.role == "trainer" and parsed.want == "to see the courses are what I want visitors to notice"
    assert parse_story("As a user I can't log in") is None or parse_story("As a user I can't log in").template != "as-i-can"


def test_a_role_without_means_or_comma_is_not_a_story():
    assert parse_story("As a user export the report") is None


def test_normalise_keeps_the_words():
    assert normalise("  -  As a  user ,  I want  X  ") == "As a user , I want X"
    assert normalise("“As a user, I want X”") == "As a user, I want X"


def test_template_family_groups_wordings():
    assert template_family("as-i-want-to-be-able-to-so-that") == TemplateShape("want", "so-that")
    assert template_family("as-i-dont-want") == TemplateShape("want", "")
    assert template_family("as-i-can-in-order-to") == TemplateShape("can", "in-order-to")
    assert template_family("as-i-am-able-to-so") == TemplateShape("can", "so")
    assert template_family("in-order-to-as-i-want") == TemplateShape("want", "in-order-to")
    assert template_family("i-would-like") == TemplateShape("would-like", "")
    assert template_family("as-unmarked-so-that") == TemplateShape("unmarked", "so-that")
    assert template_wording(TemplateShape("want", "so-that")) == "As a …, I want …, so that …"
    assert template_wording(TemplateShape("need", "")) == "As a …, I need …"


_PLAIN_WORDS = [
    "export",
    "report",
    "invoice",
    "data",
    "quickly",
    "team",
    "manager",
    "nurse",
    "files",
    "print",
    "ward",
    "shift",
    "weekly",
    "map",
]
_phrase = st.lists(st.sampled_from(_PLAIN_WORDS), min_size=1, max_size=6).map(" ".join)


@given(role=_phrase, want=_phrase, so_that=st.one_of(st.just(""), _phrase))
def test_a_story_sentence_reads_back_into_the_same_fields(role, want, so_that):
    story = Story(id="US-001", role=role, want="to " + want, so_that=so_that)
    parsed = parse_story(story.sentence())
    assert parsed is not None
    assert (parsed.role, parsed.want, parsed.so_that) == (role, "to " + want, so_that)


@settings(max_examples=300)
@given(st.text(max_size=200))
def test_hostile_text_never_crashes(text):
    parsed = parse_story(text)
    if parsed is not None:
        assert parsed.text == text
        assert parsed.want or parsed.so_that or parsed.role


def test_every_real_story_starting_as_a_parses_into_role_and_want():
    lines = user_story_lines()
    assert len(lines) == 995
    starting = [line for line in lines if re.match(r"as an? ", line, re.IGNORECASE)]
    assert len(starting) > 950
    for line in starting:
        parsed = parse_story(line)
        assert parsed is not None, line
        assert parsed.role and parsed.want, line
    parsed_all = [parse_story(line) for line in lines]  # no crash on any line, blank ones included
    assert sum(1 for p in parsed_all if p is not None) >= 985
