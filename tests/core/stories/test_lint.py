"""Story lint: every check with a true positive and a near miss, switching checks off, the vague-terms
file, and precision per check on the labelled sample of real stories."""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from elicit.core.findings import ElicitError, FindingsError
from elicit.core.paths import config_dir
from elicit.core.session.models import Story
from elicit.core.stories.backlog import BacklogLine, to_story
from elicit.core.stories.lint import (
    CHECKS,
    DEFAULT_OFF,
    DEFAULT_ON,
    SET_CHECKS,
    BacklogContext,
    LintFinding,
    active_checks,
    benefit_note,
    check_codes,
    lint_stories,
    lint_story,
    story_text,
)
from elicit.core.stories.parse import UNPARSED_TAG, parse_story
from elicit.core.stories.vague_terms import load_vague_terms, vague_terms
from tests.conftest import DATA, story_line, user_story_files

LABELS = DATA / "lint_labels.toml"


def story(role: str = "user", want: str = "to export the report", so_that: str = "I can share it", **values) -> Story:
    return Story(id=values.pop("id", "US-001"), role=role, want=want, so_that=so_that, **values)


def from_line(text: str, story_id: str = "US-001") -> Story:
    """A story as import makes it from one line of a backlog."""
    return to_story(BacklogLine(1, text, parse_story(text)), story_id)


def codes(findings: list[LintFinding]) -> set[str]:
    return {finding.code for finding in findings}


def single(text_or_story: str | Story) -> set[str]:
    subject = from_line(text_or_story) if isinstance(text_or_story, str) else text_or_story
    return codes(lint_story(subject))


# Single-story checks -------------------------------------------------------------------------------


def test_a_good_story_has_no_findings():
    assert lint_story(story()) == []
    assert single("As a nurse, I want to see today's ward list, so that I can plan my shift.") == set()


def test_not_a_story():
    raw = Story(id="US-009", role="", want="Auditing & Reporting.", tags=[UNPARSED_TAG])
    findings = lint_story(raw)
    assert codes(findings) == {"not-a-story"}
    assert findings[0].story_id == "US-009" and findings[0].suggestion
    # near miss: raw text that does read as a story is checked as that story
    readable = Story(id="US-010", role="", want="As a user, I want to export the report, so that I can share it", tags=[UNPARSED_TAG])
    assert lint_story(readable) == []


def test_no_role():
    assert "no-role" in single(story(role=""))
    assert "no-role" in single("I want to be able to export the report, so that I can share it")
    # near misses: a role without article, a role with a qualifier
    assert "no-role" not in single("As User, I want to export the report, so that I can share it")
    assert "no-role" not in single("As a Researcher, working with data, I want an R integration, so that I can analyse it")


def test_no_want():
    assert "no-want" in single(story(want=""))
    assert "no-want" in single(Story(id="US-002", role="", want="As a site admin, so that I can moderate", tags=[UNPARSED_TAG]))
    # near miss: a want that is a noun phrase, not a verb
    assert "no-want" not in single("As a planner, I would like a dark theme, so that I can read at night")


def test_not_atomic():
    for text in (
        "As an archivist, I want to create and edit agent records, so that I can keep them right.",
        "As an admin, I want to add or remove facilities, so that users get the latest list.",
        "As a developer, I want to import/export data from SQL, so that I can reuse it.",
        "As an admin, I want to create groups and add campers to the groups, so that I can organise them.",
        "As a repository manager, I want to create, update and delete records, so that they stay current.",
        "As a repoadmin, I want the licence to be recorded in metadata and displayed alongside the item, so that users see it.",
    ):
        assert "not-atomic" in single(text), text
    for text in (
        "As a moderator, I want to copy/paste stories from a spreadsheet, so that I can start quickly.",
        "As a user, I want to enter my zip code and get a list of facilities, so that I can pick one.",
        "As a manager, I want to segment the view and download statistics by country, so that impact shows.",
        "As an admin, I want to approve or reject applications in one place, so that I decide fast.",
        "As a user, I want to see dates and times in my timezone, so that I do not convert them.",
        "As a user, I want to either keep an entry private or share it with people, so that I control it.",
        "As a superuser, I want to enter and exit the superuser scope, so that I act with care.",
        "As an agency user, I want to know when the periods start and end, so that I plan.",
        "As a user, I want to assign read/write access, so that I control it.",
        "As a clerk, I want to create an account by entering my name, email address and a password, so that I can log in.",
        "As a user, I want to navigate between log books and log book pages, so that I find things.",
        "As a developer, I want to ensure that attempts to correct or delete records fail, so that data stays right.",
    ):
        assert "not-atomic" not in single(text), text


# Made-up stories in the shapes issue 19 found missed (verbs the old list lacked, a second want after a
# comma, two things to know) and the near misses the labelling rules name.
COMPOUND_GOALS = (
    "to sort and archive the reports",
    "to create and maintain meeting rooms",
    "to view and update a stock list",
    "to search for and download tax forms",
    "to book a room, and receive a confirmation",
    "to know when the meeting is and who will attend",
    "to flag old orders, hide them, but keep them for the audit",
    "to rename a folder and move it to another project",
    "to upload a photo and tag the people in it",
    "to export the invoices as well as print them",
    "to register for a course and pay the fee online",
    "to invite colleagues, and assign them to a team",
    "to mute a channel or leave it",
    "to see which reports changed and who changed them",
    "to download the minutes and email them to the board",
    "to merge two accounts and transfer the history",
    "to successfully conduct a review meeting with the applicant and record the outcome",
    "to rate a talk and comment on it",
    "to water and prune the plants",  # verbs no list of software actions would hold
    "to rehearse a scene and critique it",
    "to unsubscribe from a list and resubscribe later",
    "to select a dataset, and export it as CSV",  # after a comma, a step is a want of its own
    # promoted-set shapes (made-up stories in the same shapes)
    "to search for and download machine-readable tax forms",  # a hyphenated object is still an object
    "to know what a badge is and why I'd want one",  # a question clause with an apostrophe
    "to link my calendar to the shared folder and get alerts when a file is added",  # a result that waits for an event
    "to have the ability import/export contacts",  # no "to" after "ability"
    "to Print or Email Invoices and Receipts",  # a goal written all in title case is still two goals
    "to rename a folder, move it and share it with a team",
    "to create start dates, review the stop dates and publish the list",  # a list of actions
    "to be notified when a job ends and download the results",  # back to the main goal after a clause
    "to get an alert when a file is uploaded and review it",
)
ONE_GOAL = (
    "to enter my card details and have my card charged",  # a step and its result
    "to run the checks and get a report of the results",
    "to register and receive a confirmation email",
    "to approve or reject a request",  # the two sides of one decision or setting
    "to show or hide the archived items",
    "to lock or unlock a record",
    "to enable or disable notifications",
    "to move forwards and backwards through the slides",
    "to turn a draft into a post or a post into a draft",
    "to search by name, date and place",  # values of one capability
    "to set the open, close and archive dates of a round",
    "to change the brightness and contrast settings",
    "to link a speaker to talks, panels and workshops",
    "to get a new password or a reminder",
    "to see dates and times in my timezone",  # nouns joined in a noun phrase
    "to see photos and videos of the trip",
    "to see the name and address of each supplier",
    "to see a list of users and email addresses",
    "to see the status and progress of my application",
    "to have accurate and complete data for each site",
    "to be told if a payment fails or is refunded",  # inside a clause, options, bounds
    "to send a form that guests can fill in and send back",
    "to either keep a note private or share it",
    "to decide whether to print or email the receipt",
    "to pay by card rather than transfer and wait",
    "to log in without typing my name and password again",
    "to see a list of my orders and sort it by date",  # going through the list asked for
    "to see a list of upcoming courses and can page through them",
    "to see which campers I look after and where",
    "to access the site and do all the other things on my phone",
    "to select a dataset and export it as CSV",  # a step towards the goal, then the goal
    "to log in and manage my profile",
    "to go to the events page and register for a talk",
    "to fill in a form and submit it",
    # promoted-set near misses (made-up stories in the same shapes)
    "to configure nightly jobs that install the app, run the tests and report the results",  # a list in a clause
    "to configure nightly jobs that install the app, run the tests, and report the results",
    "to move the photos around and rearrange them in the album",  # one action said twice
    "to apply manual colour and tone corrections to a photo",  # two nouns before one head noun
    "to set start dates, reminder dates, and stop dates for a campaign",  # values of one setting
    "to Import and Review the supplier list",  # a page's name in title case
    "to identify myself as a member and pay for a ticket",  # a step, then the goal
    "to receive an email with instructions to confirm or cancel my booking",  # what a message says
    "to find out what sizes are sold, what colours exist and what the prices are",  # details of one subject
    "to read information about which rooms can be booked, how to book one, and what it costs",  # contents of a noun
    "to be warned when stock runs low and an order is due",  # two conditions of one warning
    "to be alerted if the upload stops or fails",
    "to see the date and time the talk starts",  # a clause of its own after the nouns, without "that"
)


@pytest.mark.parametrize("want", COMPOUND_GOALS)
def test_not_atomic_finds_compound_goals_whatever_the_verbs(want):
    assert "not-atomic" in single(story(want=want)), want


@pytest.mark.parametrize("want", ONE_GOAL)
def test_not_atomic_keeps_quiet_on_one_goal(want):
    assert "not-atomic" not in single(story(want=want)), want


def test_not_atomic_messages_name_the_joined_verbs_or_the_second_goal():
    assert [f.message for f in lint_story(story(want="to sort and archive the reports")) if f.code == "not-atomic"] == [
        "'sort and archive' are two goals"
    ]
    assert [f.message for f in lint_story(story(want="to book a room, and receive a confirmation")) if f.code == "not-atomic"] == [
        "'and receive …' adds a second goal"
    ]


def test_not_minimal():
    for text in (
        "As a researcher, I want to attach metadata for observations (and video), so that data can be found.",
        "As a researcher, I want to link objects, for example File A is an analysis of File B, so that I can search them.",
        "As a user, I want to package data, so that I can import it, so that I can analyse it.",
        "As a participant, I want to see prior estimates, so that I see how opinions changed so I can ask questions.",
        "As a user, I want a page per class, so that I can choose. The URL path should be short and readable.",
    ):
        assert "not-minimal" in single(text), text
    for text in (
        "As a planner, I want to record information related to the Plan(s), so that nothing is lost.",
        "As a depositor, I want to link datasets to the Data Management Plan (DMP), so that compliance shows.",
        "As a visitor, I want to download presentations, PDFs, etc. on Scrum, so that I can learn.",
        "As a user, I want the v1.1 schema headers in my file, so that it validates.",
        "As a researcher, I want to search by keyword, so that I can find files such as reports or photos.",
    ):
        assert "not-minimal" not in single(text), text


# Made-up stories in the shapes the promoted set (the old unseen set) showed missed or falsely reported.
NOT_MINIMAL = (
    "As a coach, I want a page that lists every pupil Coaches can see all the marks, so that I can plan.",  # glued in
    "As a guest, I want the rooms marked with: size, floor, view, price, bed type, breakfast, parking, so that I choose.",
    "As a guest, I want a rooms page, so that I can book a room AND find my way to the hotel.",  # a second purpose
    "As a guest, I want a rooms page, so that I can book a room and we can sell more nights.",  # another beneficiary
    "As a guest, I want a page per event, so that I can learn about it, register for it, and get directions to it.",
)
MINIMAL = (
    # a bound on the goal after a full stop is not an extra sentence (issue 19's labelling rules; the first line
    # was a finding before, until the promoted set showed this shape labelled as a bound)
    "As a visitor, I want to click the teaser link to reach the article. Not another teaser, so that I finish it.",
    "As a visitor, I want the link to take me to the article itself. not to another summary, so that I finish it.",
    "As a user, I want a list of the upcoming Training Courses and can page through them, so that I choose.",
    "As a user, I want to know when Jira will sync the board, so that I can plan.",  # a name after "when"
    "As a guest, I want to set the dates: arrival, departure, check-in, so that I can book.",  # a short list
    "As a guest, I want a rooms page, so that I can book a room and I can pay for it.",  # one beneficiary
    "As a clerk, I want to see a permit, so that I can check the details, such as fees, review, permit or plan.",
)


@pytest.mark.parametrize("text", NOT_MINIMAL)
def test_not_minimal_finds_glued_sentences_long_lists_and_chained_purposes(text):
    assert "not-minimal" in single(text), text


@pytest.mark.parametrize("text", MINIMAL)
def test_not_minimal_keeps_quiet_on_bounds_short_lists_and_one_purpose(text):
    assert "not-minimal" not in single(text), text


def test_ambiguous():
    findings = lint_story(from_line("As a user, I want the application to respond quickly, so that I stay focused."))
    assert codes(findings) == {"ambiguous"}
    assert "'quickly'" in findings[0].message and "number" in findings[0].suggestion
    for text in (
        "As a user, I want an easy way to file expenses, so that I save time.",
        "As a user, I want the export format TBD, so that I can share data.",
        "As a parent, I want to submit various forms to the camp, so that it has them.",
        "As a developer, I want the models to be indexed properly, so that queries work.",
    ):
        assert "ambiguous" in single(text), text
    for text in (
        "As a visitor, I want to see how many seats are left, so that I can register in time.",
        "As a user, I want search results fast, within 2 seconds, so that I stay focused.",
        "As a researcher, I want to mark which data is good/bad, so that I can filter it.",
        "As a user, I want to export the report, so that I can share it quickly and easily.",
        "As a user, I want to upload files of over 1 GB, so that I keep raw data.",
        "As an admin, I want to see someone's changes, so that I can review them.",
        # "and/or" joining the objects of one action says "either or both": the fresh set (promoted to tuning data
        # on 2026-12-01) labels it plain twice, the tuning set once vague; the fresh set's rules do not list it
        "As an archivist, I want to rearrange the resource and/or object hierarchy, so that order is kept.",
    ):
        assert "ambiguous" not in single(text), text


def test_ambiguous_leaves_out_vague_words_that_do_not_qualify_the_requirement():
    for want in (
        "to sort photos using simple colour features",  # an adjective in a term the user works with
        "to get a better picture of the editorial plan",  # the user's own understanding
        "to better understand my errors",
        "to determine the best way to cite a dataset",
        "to hide some fields of the form",  # the user picks which
        "to add metadata at some point in time after the upload",  # when, not how much
        "to keep rejected data just in case it is useful later",
    ):
        assert "ambiguous" not in single(story(want=want)), want
    for want in (
        "to export using a simple format",  # the system's output must be 'simple'
        "to see some reports about my class",  # the system must deliver an unspecified amount
        "to have the errors logged better",
        "a simple interface to file expenses",
    ):
        assert "ambiguous" in single(story(want=want)), want


# Made-up goals in the shapes the promoted set (the old unseen set) showed missed or falsely reported.
VAGUE_GOALS = (
    "to have error messages that give enough detail",
    "to make sure that the export is simple to read",  # "make sure" demands it (not what the user checks)
    "to have a prominent place on the front page for alerts",
    "to see the talks and page through them if there are a lot",
    "to see immediately that a vote has been cast",
    "to import records from reliable sources",
    "to export the list in a common format",
)
PLAIN_GOALS = (
    "to restrict access to some rooms by badge",  # the user picks the rooms
    "to limit some reports to managers",
    "to read some of your recipes without an account",  # a part of a named set
)


@pytest.mark.parametrize("want", VAGUE_GOALS)
def test_ambiguous_finds_vague_amounts_and_qualities(want):
    assert "ambiguous" in single(story(want=want)), want


@pytest.mark.parametrize("want", PLAIN_GOALS)
def test_ambiguous_keeps_quiet_on_some_the_user_picks(want):
    assert "ambiguous" not in single(story(want=want)), want


def test_ambiguous_still_reports_some_as_an_amount_nobody_has_said():
    for want in ("to make some changes to the report codes", "to see some of reports", "to see some reports"):
        assert "ambiguous" in single(story(want=want)), want


def test_solution_a_component_built_into_a_page():
    for want in ("to have a spreadsheet hosted within the club's web page", "a map embedded in the event page"):
        assert "solution" in single(story(want=want)), want
    for want in ("to embed a preview of my data on my site", "to see the map of the venue on the event page"):
        assert "solution" not in single(story(want=want)), want
    messages = [f.message for f in lint_story(story(want="a map embedded in the event page")) if f.code == "solution"]
    assert messages == ["the goal names a design: 'map embedded in the event page'"]


def test_solution_storage_and_technique_words_in_the_goal():
    for want in (
        "to store the emergency contacts in the database",
        "to add new records to the database",
        "to save my drafts to a server",
        "to have the title fields indexed",
        "to format the abstract using HTML tags",
        "to delete campers from the database",  # the fresh set's reading: deleting/loading from the database is a technique
    ):
        assert "solution" in single(story(want=want)), want
    for want in (
        "to see the data in the database",
        "to keep my notes without a database",
        "to store files in a shared folder",
        "to record the visit on my phone",
    ):
        assert "solution" not in single(story(want=want)), want


def test_solution():
    findings = lint_story(from_line("As a user, I want a dropdown to choose my country, so that I do not type it."))
    assert codes(findings) == {"solution"}
    assert "'dropdown'" in findings[0].message
    for text in (
        "As an admin, I want to store emergency contacts in a database, so that I can call parents.",
        "As an admin, I want to delete campers from the database, so that the list stays clean.",  # fresh set reading
        "As a trainee, I want to accept the terms with a checkbox, so that I am accountable.",
        "As a developer, I want created database indexes, so that queries run well.",
        "As a moderator, I want to enter an item in a multi-line text field, so that we estimate it.",
    ):
        assert "solution" in single(text), text
    for text in (
        "As a user, I want to navigate between pages without having to use my browser's back button, so that I keep my place.",
        "As a publisher, I want an integration with Excel, so that I can output cleaned data.",
        "As a user, I want to specify the schema as a SQL schema string, so that I reuse it.",
        "As a user, I want to log in with LDAP, so that I use one password.",
    ):
        assert "solution" not in single(text), text


def test_must_without_acceptance():
    assert codes(lint_story(story(priority="must"))) == {"must-no-acceptance"}
    assert lint_story(story(priority="must", acceptance=["the report opens in a spreadsheet"])) == []
    assert lint_story(story(priority="must", acceptance=["  "])) != []  # blank criteria do not count
    assert lint_story(story(priority="should")) == []


# Set checks -------------------------------------------------------------------------------------------


def backlog(*lines: str) -> list[Story]:
    return [from_line(text, f"US-{number:03d}") for number, text in enumerate(lines, start=1)]


def findings_of(stories: list[Story], story_id: str) -> set[str]:
    return {f.code for f in lint_stories(stories) if f.story_id == story_id}


GOOD = [
    "As a nurse, I want to see today's ward list, so that I can plan my shift.",
    "As a nurse, I want to record a visit on my phone, so that I do not retype it.",
    "As a manager, I want a weekly staffing report, so that I can plan rotas.",
    "As a patient, I want to book an appointment online, so that I avoid calling.",
]


def test_no_benefit_where_the_backlog_generally_states_one():
    stories = backlog(*GOOD, "As a nurse, I want to print the ward list.")
    assert findings_of(stories, "US-005") == {"no-benefit"}
    # near miss: a backlog that mostly gives no benefit sets no such convention
    bare = backlog(
        "As a nurse, I want to see today's ward list.",
        "As a nurse, I want to record a visit on my phone.",
        "As a manager, I want a weekly staffing report.",
        "As a patient, I want to book an appointment online, so that I avoid calling.",
        "As a nurse, I want to print the ward list.",
    )
    assert "no-benefit" not in findings_of(bare, "US-005")
    # near miss: a reason given in the goal itself
    reason = backlog(*GOOD, "As a member, I want a password reminder since I forget passwords.")
    assert "no-benefit" not in findings_of(reason, "US-005")
    # a story on its own: the standard template expects a benefit
    assert "no-benefit" in codes(lint_stories([story(so_that="")]))


def test_benefit_note_says_when_no_benefit_is_off_for_the_backlog():
    bare = backlog(
        "As a nurse, I want to see today's ward list.",
        "As a nurse, I want to record a visit on my phone.",
        "As a manager, I want a weekly staffing report.",
        "As a patient, I want to book an appointment online, so that I avoid calling.",
        "As a nurse, I want to print the ward list.",
    )
    note = benefit_note(bare)
    assert note is not None and "no-benefit is off" in note and "1 of the 5 stories (20%) gives" in note
    assert benefit_note(bare, disabled=frozenset({"no-benefit"})) is None  # switched off by hand: nothing to explain
    assert benefit_note(backlog(*GOOD, "As a nurse, I want to print the ward list.")) is None  # the check is on
    assert benefit_note(backlog("As a nurse, I want to print the ward list.")) is None  # too small to set a convention


def test_benefit_note_never_says_the_check_is_off_when_it_reported():
    """The check judges a story by the share of the other stories that give a benefit; the note must decide the same
    way (4 stories, 2 with a benefit: each of the other two sees 2 of 3 = 67%, so it is reported, and no note)."""
    half = backlog(
        "As a nurse, I want to see today's ward list, so that I can plan my shift.",
        "As a nurse, I want to record a visit on my phone.",
        "As a patient, I want to book an appointment online, so that I avoid calling.",
        "As a nurse, I want to print the ward list.",
    )
    assert "no-benefit" in codes(lint_stories(half)) and benefit_note(half) is None
    for size in range(4, 12):
        for with_benefit in range(size + 1):
            stories = backlog(
                *(f"As a nurse, I want to see ward list {n}, so that I can plan shift {n}." for n in range(with_benefit)),
                *(f"As a nurse, I want to print report {n}." for n in range(size - with_benefit)),
            )
            reported = "no-benefit" in codes(lint_stories(stories))
            assert (benefit_note(stories) is not None) is (not reported and with_benefit < size), (size, with_benefit)


def test_duplicate():
    stories = backlog(*GOOD, "as a NURSE, I want to see today's ward-list; so that I can plan my shift")
    found = [f for f in lint_stories(stories) if f.code == "duplicate"]
    assert [(f.story_id, f.message) for f in found] == [("US-005", "the same story as US-001")]
    # near miss: the same goal for another role is another story
    other_role = backlog(*GOOD, "As a doctor, I want to see today's ward list, so that I can plan my shift.")
    assert not {"duplicate", "near-duplicate"} & findings_of(other_role, "US-005")


def test_near_duplicate():
    stories = backlog(*GOOD, "As a nurse, I want to see todays ward lists, so that I can plan my shifts.")
    found = [f for f in lint_stories(stories) if f.code == "near-duplicate"]
    assert len(found) == 1 and found[0].story_id == "US-005" and "US-001" in found[0].message
    for other in (
        "As a UI designer, I want to move on to round 3 of the Help page edits, so that I can get approvals.",
        "As a user, I want to disable explore for a dataset, so that it is hidden.",
    ):
        first = "As a UI designer, I want to move on to round 2 of the Help page edits, so that I can get approvals."
        if "explore" in other:
            first = "As a user, I want to enable explore for a dataset, so that it is hidden."
        stories = backlog(*GOOD, first, other)
        assert not {"duplicate", "near-duplicate"} & findings_of(stories, "US-006"), other


def test_non_uniform():
    stories = backlog(*GOOD, "As a nurse, I would like to print the ward list, so that I can pin it up.")
    findings = [f for f in lint_stories(stories) if f.code == "non-uniform"]
    assert [f.story_id for f in findings] == ["US-005"]
    assert "I would like" in findings[0].message and "I want" in findings[0].suggestion
    ends = backlog(*GOOD, "As a nurse, I want to print the ward list in order to pin it up.")
    assert "non-uniform" in findings_of(ends, "US-005")
    # near misses: "I want to be able to", a missing benefit, stories written in elicit's own fields
    assert "non-uniform" not in findings_of(backlog(*GOOD, "As a nurse, I want to be able to print the list, so that I pin it."), "US-005")
    assert "non-uniform" not in findings_of(backlog(*GOOD, "As a nurse, I want to print the ward list."), "US-005")
    fields = [story(id=f"US-{n:03d}") for n in range(1, 6)]
    assert not any(f.code == "non-uniform" for f in lint_stories(fields))
    # a backlog too small to set a convention
    assert "non-uniform" not in findings_of(backlog(GOOD[0], "As a nurse, I would like X, so that Y."), "US-002")


def test_lint_story_with_a_context_checks_a_draft_against_the_backlog():
    stories = backlog(*GOOD)
    context = BacklogContext.of(stories)
    draft = from_line("As a nurse, I want to see today's ward list, so that I can plan my shift.", "US-099")
    assert "duplicate" in codes(lint_story(draft, context=context))
    assert "duplicate" not in codes(lint_story(draft))  # without a context: single-story checks only
    no_benefit = story(id="US-100", role="nurse", want="to print the ward list", so_that="")
    assert "no-benefit" in codes(lint_story(no_benefit, context=context))
    # a story that is in the backlog is compared with the stories before it only
    assert lint_story(stories[0], context=context) == []


def test_rejected_stories_are_left_out():
    stories = backlog(*GOOD, GOOD[0])
    stories[-1].status = "rejected"
    assert lint_stories(stories) == []


def test_findings_come_in_story_order():
    stories = backlog("Heading", *GOOD, "As a nurse, I want X and Y quickly.")
    ids = [f.story_id for f in lint_stories(stories)]
    assert ids == sorted(ids)


# Switching checks off -----------------------------------------------------------------------------------


def test_each_check_can_be_switched_off():
    noisy = from_line("As a user, I want to create and edit reports quickly (in a database).")
    noisy.priority = "must"
    assert {"not-atomic", "ambiguous", "not-minimal", "must-no-acceptance", "solution"} <= single(noisy)
    for code in CHECKS:
        assert code not in codes(lint_stories([noisy, noisy], disabled=frozenset({code})))
    assert lint_stories([noisy, noisy], disabled=frozenset(CHECKS)) == []


def test_check_codes_and_defaults():
    assert set(CHECKS) == DEFAULT_ON | DEFAULT_OFF and not DEFAULT_ON & DEFAULT_OFF
    assert set(CHECKS) >= SET_CHECKS
    assert all(description and description[0].islower() for description in CHECKS.values())
    assert active_checks(frozenset({"ambiguous"})) == DEFAULT_ON - {"ambiguous"}
    with pytest.raises(ElicitError, match="did you mean 'ambiguous'"):
        check_codes(["ambigous"])
    with pytest.raises(ElicitError, match="unknown check"):
        lint_story(story(), disabled=frozenset({"nonsense-check"}))


def test_story_text_leaves_out_missing_parts():
    assert story_text(story()) == "As a user, I want to export the report, so that I can share it"
    assert story_text(story(role="", so_that="")) == "I want to export the report"
    assert story_text(story(role="archivist")).startswith("As an archivist")
    assert story_text(story(role="UI designer")).startswith("As a UI designer")
    assert story_text(Story(id="US-1", role="", want="Auditing.", tags=[UNPARSED_TAG])) == "Auditing."


# The vague-terms file ---------------------------------------------------------------------------------


def test_the_built_in_terms_ship_inside_the_package():
    terms = load_vague_terms()
    assert {"fast", "user-friendly", "tbd", "etc", "as appropriate", "flexible", "easy"} <= set(terms.suggestions)


def test_a_team_extends_the_terms_in_its_config_folder():
    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ambiguous_terms.toml").write_text(
        'remove = ["simple"]\nnot_vague = ["fast track"]\n\n[[group]]\nname = "ours"\nterms = ["world-class"]\nsuggestion = "say what you would measure"\n',
        encoding="utf-8",
    )
    terms = vague_terms()
    found = lint_story(from_line("As a user, I want a world-class, simple, fast track form, so that I am happy."))
    assert [f.message for f in found if f.code == "ambiguous"] == ["vague wording in the goal: 'world-class'"]
    assert "measure" in [f.suggestion for f in found if f.code == "ambiguous"][0]
    assert "simple" not in terms.suggestions


def test_a_broken_terms_file_is_reported_with_file_and_line():
    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "ambiguous_terms.toml"
    path.write_text('[[group]]\nname = "x"\nterms = "fast"\n', encoding="utf-8")
    with pytest.raises(FindingsError) as caught:
        vague_terms()
    finding = caught.value.findings[0]
    assert finding.file == str(path) and finding.line == 3 and "list" in finding.message
    path.write_text("terms = [\n", encoding="utf-8")
    with pytest.raises(FindingsError) as caught:
        vague_terms()
    assert caught.value.findings[0].file == str(path)
    path.write_text('colour = "red"\n', encoding="utf-8")
    with pytest.raises(FindingsError, match="unknown key 'colour'"):
        vague_terms()


# Hostile input -------------------------------------------------------------------------------------------


@settings(max_examples=200)
@given(role=st.text(max_size=40), want=st.text(max_size=120), so_that=st.text(max_size=60), unparsed=st.booleans())
def test_lint_never_crashes(role, want, so_that, unparsed):
    subject = Story(id="US-001", role=role, want=want, so_that=so_that, tags=[UNPARSED_TAG] if unparsed else [])
    for finding in lint_stories([subject, subject]):
        assert finding.code in CHECKS and finding.message and finding.suggestion


# The labelled sample of real stories -------------------------------------------------------------------


def _labels() -> list[dict]:
    return tomllib.loads(LABELS.read_text(encoding="utf-8"))["story"]


def _real_backlogs() -> dict[str, list[Story]]:
    backlogs = {}
    for file in user_story_files():
        stories = []
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            text = story_line(line).strip()
            if text:
                stories.append(to_story(BacklogLine(number, text, parse_story(text)), f"{file.stem}:{number}"))
        backlogs[file.stem] = stories
    return backlogs


def test_the_labelled_sample_is_well_formed():
    labels = _labels()
    assert len(labels) >= 150
    seen = set()
    for item in labels:
        key = (item["backlog"], item["line"])
        assert key not in seen, key
        seen.add(key)
        assert set(item["expected"]) <= set(CHECKS), item
        assert set(item.get("reasons", {})) == set(item["expected"]), item  # a reason for every label
        assert item["split"] in ("sample", "extra", "blind")


def test_the_labelled_texts_match_the_real_backlogs():
    backlogs = _real_backlogs()
    texts = {story.id: story.quote for stories in backlogs.values() for story in stories}
    for item in _labels():
        assert texts[f"{item['backlog']}:{item['line']}"] == item["text"].strip(), item


def test_precision_of_every_default_check_on_the_labelled_sample():
    backlogs = _real_backlogs()
    found: dict[str, set[str]] = {}
    for stories in backlogs.values():
        for finding in lint_stories(stories):
            found.setdefault(finding.story_id, set()).add(finding.code)
    true_positives = dict.fromkeys(CHECKS, 0)
    false_positives = dict.fromkeys(CHECKS, 0)
    for item in _labels():
        got = found.get(f"{item['backlog']}:{item['line']}", set())
        for code in got:
            if code in item["expected"]:
                true_positives[code] += 1
            else:
                false_positives[code] += 1
    for code in DEFAULT_ON:
        reported = true_positives[code] + false_positives[code]
        assert false_positives[code] <= 0.1 * reported, f"{code}: precision {true_positives[code]}/{reported} is below 0.9"
    assert sum(true_positives.values()) >= 60  # the checks do fire on real stories


def test_quality_line():
    from elicit.core.stories.lint import LintFinding, quality_line

    one = LintFinding("ambiguous", "US-002", "m", "s")
    assert quality_line([one, LintFinding("not-atomic", "US-002", "m", "s")], 3) == "1 of 3 stories has notes"
    assert quality_line([one, LintFinding("ambiguous", "US-003", "m", "s")], 3) == "2 of 3 stories have notes"
    assert quality_line([], 1) == "no notes on the story"
    assert quality_line([], 4) == "no notes on any of the 4 stories"
