"""Story shapes and checks of issue 19, round 10, on made-up stories (never a real story's text).

The sixth GitHub set (tests/data/lint_github6/) was measured blind once (round 9) and is tuning data since. What it
showed, said as rules of English or of backlog shapes rather than as its lines: a backlog that names the role once in a
lead-in ("As a clerk, I want:") and lists the goals below it; bare requirements whose role is in a heading ("must be
able to ..."); duplicates judged on every line's text. Each rule comes with a near miss that must stay as it was.
"""

from __future__ import annotations

from elicit.core.stories import parse_story
from elicit.core.stories.checks import minimal_problem
from elicit.core.stories.lint import BacklogContext, lint_stories, lint_story, structure_note, unsure_note
from elicit.core.stories.parse import template_family
from elicit.core.stories.vague_terms import vague_terms
from tests.core.stories.test_lint import backlog, findings_of


def _codes(stories, story_id):
    return findings_of(stories, story_id)


# A lead-in and its items -------------------------------------------------------------------------------------------

LEAD_IN_BACKLOG = (
    "As a night clerk, I want:",
    "the totals printed at midnight, so that I can close the day",
    "to sort and archive the receipts, so that the money is accounted for",
    "As a night clerk, I want to:",
    "lock the till quickly, so that nobody takes cash",
    "As a manager, I want to see the totals of the week, so that I can plan the rota",
)


def test_a_lead_in_followed_by_goals_is_no_story_and_asks_for_nothing():
    stories = backlog(*LEAD_IN_BACKLOG)
    assert _codes(stories, "US-001") == {"not-a-story"}  # not no-want: its goals are the lines below it
    assert _codes(stories, "US-004") == {"not-a-story"}
    message = next(f.message for f in lint_stories(stories) if f.story_id == "US-001")
    assert "lead-in" in message


def test_the_goals_below_a_lead_in_are_stories_with_no_role_judged_as_any_story():
    stories = backlog(*LEAD_IN_BACKLOG)
    assert _codes(stories, "US-002") == {"no-role"}
    assert _codes(stories, "US-003") == {"no-role", "not-atomic"}  # its goal is split from its benefit and judged
    assert _codes(stories, "US-005") == {"no-role", "ambiguous"}
    assert _codes(stories, "US-006") == set()  # a story of its own ends the list
    message = next(f.message for f in lint_stories(stories) if f.story_id == "US-002" and f.code == "no-role")
    assert "As a night clerk, I want:" in message


def test_no_role_is_not_hidden_by_the_backlog_guard_where_the_lead_ins_give_the_roles():
    stories = backlog("As a clerk, I want:", *[f"to print report {n}, so that I can file it" for n in "ABCDE"])
    context = BacklogContext.of(stories)
    assert all("no-role" in _codes(stories, f"US-{n:03d}") for n in range(2, 7))
    assert structure_note(context) is None


def test_the_editor_reads_an_item_with_its_lead_in():
    stories = backlog(*LEAD_IN_BACKLOG)
    context = BacklogContext.of(stories)
    assert {f.code for f in lint_story(stories[0], context=context)} == {"not-a-story"}
    assert {f.code for f in lint_story(stories[2], context=context)} == {"no-role", "not-atomic"}


def test_near_miss_a_lead_in_with_nothing_below_it_still_has_no_goal():
    stories = backlog("As a clerk, I want to:", "As a clerk, I want to print the totals, so that I can close the day")
    assert _codes(stories, "US-001") == {"no-want"}
    last = backlog("As a clerk, I want to print the totals, so that I can close the day", "As a clerk, I want:")
    assert _codes(last, "US-002") == {"no-want"}  # nothing below it


def test_near_miss_a_line_that_is_a_story_of_its_own_is_no_item():
    stories = backlog("As a clerk, I want:", "As a manager, I want:", "to see who paid, so that I can call them")
    assert _codes(stories, "US-001") == {"no-want"}  # the next lead-in is no goal of this one
    assert _codes(stories, "US-002") == {"not-a-story"}
    own = backlog("As a clerk, I want:", "Managers can print the totals, so that they close the day")
    assert _codes(own, "US-002") == set()  # a story of its own, with its own role


# Bare requirements ----------------------------------------------------------------------------------------------


def test_a_bare_requirement_reads_as_a_story_with_no_role():
    parsed = parse_story("must be able to search the catalogue by keyword")
    assert parsed is not None and (parsed.role, parsed.want) == ("", "to search the catalogue by keyword")
    assert template_family(parsed.template).means == "bare"
    parsed = parse_story("may be able to hide a record so they are not shown to the public")
    assert parsed is not None and parsed.so_that == "they are not shown to the public"
    assert parse_story("must keep a log of every change").want == "to keep a log of every change"


def test_a_backlog_of_bare_requirements_reports_no_role_on_each_and_judges_their_goals():
    lines = [f"must be able to print report {n}" for n in "ABCD"] + ["must be able to add, edit, or remove catalogue entries"]
    stories = backlog(*lines)
    assert all("no-role" in _codes(stories, f"US-{n:03d}") for n in range(1, 6))
    assert "not-atomic" in _codes(stories, "US-005")
    assert "non-uniform" not in {f.code for f in lint_stories(stories)}


def test_near_miss_a_modal_that_opens_no_requirement():
    assert parse_story("Can I log in?") is None
    assert parse_story("should not crash on start") is None
    assert parse_story("Must - As a clerk I want to print the totals").role == "clerk"


def test_a_requirement_with_a_thing_as_its_subject_is_quiet_on_not_a_story():
    lines = [f"must be able to print report {n}" for n in "ABCD"] + ["The catalogue must be available in every branch"]
    stories = backlog(*lines)
    assert _codes(stories, "US-005") == set()
    assert "not-a-story is quiet on 1 line" in unsure_note(BacklogContext.of(stories))
    heading = backlog(*lines[:4], "Catalogue and branches")
    assert _codes(heading, "US-005") == {"not-a-story"}


# Duplicates of every line ----------------------------------------------------------------------------------------


def test_duplicates_compare_every_line_also_lines_that_are_no_story():
    stories = backlog(*LEAD_IN_BACKLOG, "As a night clerk, I want:", "the totals printed at midnight, so that I can close the day")
    assert _codes(stories, "US-007") == {"not-a-story", "duplicate"}
    assert _codes(stories, "US-008") == {"no-role", "duplicate"}


def test_near_miss_lines_that_are_no_story_are_no_near_duplicates_and_short_ones_are_not_compared():
    lead = "As a night shift desk clerk, I want:"
    stories = backlog(lead, "the totals printed, so that I can close the day", lead.replace("I want", "I also want"), "to lock the till", "#G01#", "#G01#", *LEAD_IN_BACKLOG[-1:] * 3)
    assert _codes(stories, "US-003") == {"not-a-story"}  # "I want:" against "I also want:" asks nothing either time
    assert _codes(stories, "US-006") == {"not-a-story"}  # a tag repeated is no copied request


# not-minimal: brackets that qualify the goal, and links ----------------------------------------------------------


def test_a_bracket_that_qualifies_the_goal_is_no_aside():
    for want in (
        "to restrict (or allow) who can edit my list",
        "to see where a record came from (or records)",
        "the pages to load fast (< 750ms)",
        "the files kept on our servers (where possible)",
    ):
        assert minimal_problem("clerk", want, "I can close the day") is None, want


def test_near_miss_a_bracket_with_a_second_act_an_open_list_or_a_condition_stays_an_aside():
    for want in (
        "to upload the files (or edit their names)",
        "to share my notes (and others)",
        "to notify the owner (or other staff)",
        "to list the authors (if any)",
        "to see the dates (i.e. start and end)",
    ):
        assert minimal_problem("clerk", want, "I can close the day") is not None, want


def test_a_markdown_link_on_a_term_of_the_goal_is_the_term():
    want = "to check the table against the [schema](https://example.org/specs/schema/) I defined"
    assert minimal_problem("clerk", want, "I can fix errors") is None


def test_near_miss_a_link_that_only_points_or_names_the_role_stays_extra():
    assert minimal_problem("clerk", "to search by the fields listed [here](https://example.org/list) every day", "") is not None
    assert minimal_problem("[night clerk](https://example.org/roles)", "to print the totals", "I can close the day") is not None


# ambiguous: a vague word in a name ---------------------------------------------------------------------------------


def test_a_vague_word_in_a_name_sets_no_level():
    terms = vague_terms()
    assert terms.find("to be told when simpler.example.gov is down") == []
    assert terms.find("to read about the Simpler Grants project in one place") == []


def test_near_miss_a_vague_word_that_qualifies_the_goal_is_still_found():
    terms = vague_terms()
    assert [hit.term for hit in terms.find("a simpler form to apply for grants")] == ["simpler"]
    assert [hit.term for hit in terms.find("Simpler forms for grants")] == ["simpler"]  # the goal's first word
    assert [hit.term for hit in terms.find("the site to load quickly.")] == ["quickly"]
