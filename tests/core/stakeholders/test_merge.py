"""Merge: nothing any interview recorded is lost, duplicates become one story, conflicts open questions, ids stable."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from elicit.core.banks.catalog import BankCatalog
from elicit.core.session import Answer, OpenQuestion, Participant, Session, Story, answer_status, banks_for_session, read_session
from elicit.core.session.file_format import dumps_session, loads_session
from elicit.core.stakeholders import make_sources, merge, open_conflicts, story_map_lines
from elicit.core.vocabulary import ANSWER_STATUSES, PRIORITIES
from tests.core.stakeholders.helpers import FakeBank, interview, sources
from tests.support.export import answer_values, hostile_text

DATA = Path(__file__).resolve().parents[2] / "data" / "stakeholders"
NAMES = ("owner", "high-street", "baker", "station-road", "finance")


def bakery():
    items = []
    for name in NAMES:
        path = DATA / f"{name}.elicit.toml"
        session = read_session(path)
        banks, _ = banks_for_session(session, BankCatalog.default(), DATA)
        items.append((path.name, session, banks))
    return make_sources(items)


def test_the_bakery_interviews_merge_into_one_session_that_round_trips():
    merged = merge(bakery())
    session = merged.session
    assert loads_session(dumps_session(session)) == session
    assert [item.id for item in session.merged_from] == list(NAMES)
    assert {ref.id for ref in session.banks} == {"discovery", "functional-scope"}
    assert len(session.participants) == 6
    inputs = sum(len(source.session.stories) for source in bakery())
    assert sum(len(story.copies) for story in session.stories) == inputs  # every story is somewhere
    assert [story.id for story in session.stories] == [f"US-{n:03d}" for n in range(1, len(session.stories) + 1)]


def test_a_story_told_in_three_interviews_is_one_story_with_every_quote_and_the_highest_priority():
    session = merge(bakery()).session
    cake = session.stories[0]
    assert [(copy.interview, copy.id, copy.by, copy.priority) for copy in cake.copies] == [
        ("owner", "US-001", "Maria Lopez", "must"),
        ("high-street", "US-001", "Tom Briggs", "should"),
        ("station-road", "US-001", "Priya Shah", "must"),
    ]
    assert cake.priority == "must"
    assert "If they could just book it online" in cake.copies[1].quote
    asked = [item.text for item in session.open_questions if item.text.startswith("How important is US-001, ")]
    assert len(asked) == 1 and "Should have (Tom Briggs)" in asked[0]
    assert asked[0].endswith("It is listed under Must have until you tell us which it is.")  # how it was settled, in words


def test_the_story_id_map_is_kept_and_printed_in_a_stable_order():
    merged = merge(bakery())
    high_street = next(item for item in merged.session.merged_from if item.id == "high-street")
    assert high_street.story_ids["US-001"] == "US-001" and high_street.story_ids["US-003"] == "US-007"
    assert high_street.story_ids["US-002"] == "US-005"  # "to see only my shop's orders": the owner's US-005, reworded
    assert story_map_lines(merged)[:2] == ["owner US-001 -> US-001", "owner US-002 -> US-002"]
    assert dumps_session(merge(bakery()).session) == dumps_session(merged.session)  # the same inputs, the same file


def test_conflicts_become_open_questions_naming_who_said_what():
    texts = [item.text for item in merge(bakery()).session.open_questions]
    payments = next(text for text in texts if text.startswith("Will the product take or make payments?"))
    assert "Yes (Maria Lopez)" in payments and "No (Priya Shah)" in payments and payments.endswith("Which should we go by?")
    assert any(text.startswith("Two stories ask for opposite things: US-002") for text in texts)
    assert any(text.startswith('The decision "Pre-orders over £30') and "No (Priya Shah)" in text for text in texts)
    assert any(text.startswith("Two decisions that cannot both hold:") and "(Ann Field)" in text for text in texts)
    keep = next(text for text in texts if text.startswith("What about the current way of working must we keep?"))
    assert '"Staff must not write orders on paper" (Maria Lopez) and "Staff write orders on paper" (Sam Okafor)' in keep
    # scale answers one point apart only, free text: no question of their own
    assert not any(text.startswith("In your own words") for text in texts)


def test_every_answer_is_kept_with_its_interview_and_speaker_and_the_value_when_they_agree():
    answers = merge(bakery()).session.answers
    severity = answers["discovery.problem.severity"]
    assert severity.value is None and severity.status == "revisit"  # 4, 5, 2, 3, 4: they differ
    assert [(item.interview, item.by, item.value) for item in severity.interviews][:2] == [
        ("owner", "Maria Lopez", 4),
        ("high-street", "Tom Briggs", 5),
    ]
    history = answers["functional-scope.information.change_history"]
    assert history.value is True and history.status == "answered" and len(history.interviews) == 3
    goals = answers["discovery.goals.business_goals"]
    # each person as the spec names people, with their role (not the interview's file name: "(station-road)")
    assert goals.value.startswith("Maria Lopez (Owner): Take orders") and "Priya Shah (Shop manager, Station Road): Commuters" in goals.value


def test_not_sure_beside_an_answer_leaves_the_answer():
    merged = merge(sources(interview("Ann", {"b.s.pick": "Step by step"}), interview("Ben", {"b.s.pick": "Not sure"}))).session
    assert merged.answers["b.s.pick"].value == "Step by step"
    assert merged.open_questions == []


def test_notes_without_an_answer_stay_open_in_the_merge_and_a_skip_needs_every_interview():
    """Trial 2, T17: a choice where the words went to the notes (open in interview 1) came out "skipped", and the
    merged summary said '3 skipped' though one question was ever skipped. The merge reads each answer with
    answer_status: notes alone stay open (their notes kept), skipped only when every interview skipped it."""
    ann = interview("Ann")
    ann.answers["b.s.pick"] = Answer(None, notes="An hour a week, Lena more")
    ann.answers["b.s.text"] = Answer(None, status="skipped")
    ann.answers["b.s.count"] = Answer(None, status="skipped")
    ben = interview("Ben")
    ben.answers["b.s.count"] = Answer(None, status="skipped")
    ben.answers["b.s.text"] = Answer(None, notes="ask the manager")
    made = sources(ann, ben)
    answers = merge(made).session.answers

    def status(question_id: str) -> str:
        return answer_status(answers[question_id].status, answers[question_id].value)

    assert status("b.s.pick") == "open" and "An hour a week, Lena more" in answers["b.s.pick"].notes
    assert status("b.s.text") == "open" and "ask the manager" in answers["b.s.text"].notes
    assert status("b.s.count") == "skipped"


def test_differing_yes_no_answers_read_as_yes_and_no_in_the_merged_notes():
    """Trial 2, T17: the merged notes said '(appointment-reminders): True; Tom Reyes (hygienists): False'."""
    merged = merge(sources(interview("Ann", {"b.s.yes": True}), interview("Ben", {"b.s.yes": False}))).session
    notes = merged.answers["b.s.yes"].notes
    assert "Ann" in notes and ": Yes" in notes and ": No" in notes and "True" not in notes and "False" not in notes


def test_merged_notes_name_each_person_as_the_spec_does_never_by_their_file():
    # The merged team notes read "Ann (ann): ..." (a person's name, then the stem of her interview's file).
    ann, ben = interview("Ann", {"b.s.yes": True}), interview("Ben", {"b.s.yes": False})
    ann.participants[0].role, ben.participants[0].role = "owner", "baker"
    ann.answers["b.s.yes"].notes, ben.answers["b.s.yes"].notes = "only on Fridays", "never"
    notes = merge(sources(ann, ben)).session.answers["b.s.yes"].notes
    assert notes == "Ann (owner): only on Fridays\n\nBen (baker): never\nThe interviews differ: Ann (owner): Yes; Ben (baker): No"


def test_ids_of_decisions_and_the_stories_they_name_follow_the_merge():
    ann = interview("Ann", stories=[("customer", "to order a cake online today", "must")], decisions=[("Cakes online", "b.s.yes")])
    ben = interview("Ben", stories=[("clerk", "to print the orders each morning", "could")], decisions=[("Print at six", "b.s.yes")])
    ben.decisions[0].stories = ["US-001"]
    merged = merge(sources(ann, ben)).session
    assert [(item.id, item.text, item.stories) for item in merged.decisions] == [
        ("D-001", "Cakes online", []),
        ("D-002", "Print at six", ["US-002"]),
    ]


def test_the_inputs_are_not_changed():
    made = bakery()
    before = [dumps_session(source.session) for source in made]
    merge(made)
    assert [dumps_session(source.session) for source in made] == before


# Hypothesis: nothing lost ---------------------------------------------------------------


@st.composite
def interviews(draw: st.DrawFn) -> list[Session]:
    count = draw(st.integers(min_value=2, max_value=4))
    result = []
    questions = ["b.s.yes", "b.s.pick", "b.s.scale", "b.s.count", "b.s.text", "b.s.multi", "other.q"]
    for number in range(count):
        people = draw(st.lists(hostile_text.filter(str.strip), max_size=2, unique=True))
        session = Session(title=f"interview {number}", participants=[Participant(name) for name in people])
        for question in draw(st.lists(st.sampled_from(questions), unique=True, max_size=5)):
            value = draw(answer_values)
            status = draw(st.sampled_from(ANSWER_STATUSES))
            session.answers[question] = Answer(
                value=value, notes=draw(hostile_text), status=status, by=draw(st.sampled_from(["", *people]))
            )
        wants = draw(
            st.lists(
                st.sampled_from(["to order a cake online today", "not to order a cake online today", "to pay a deposit now"])
                | hostile_text,
                max_size=3,
            )
        )
        session.stories = [
            Story(
                f"US-{n:03d}",
                draw(st.sampled_from(["customer", "owner"])),
                want,
                priority=draw(st.sampled_from(PRIORITIES)),
                quote=draw(hostile_text),
                by=draw(st.sampled_from(["", *people])),
            )
            for n, want in enumerate(wants, start=1)
        ]
        result.append(session)
    return result


def _speaker(session: Session, record: Answer | Story) -> str:
    """Who an input credits: the record's ``by``, else the interview's only participant."""
    return record.by or (session.participants[0].name if len(session.participants) == 1 else "")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(interviews())
def test_every_answer_and_quote_of_the_inputs_is_in_the_merge_with_its_speaker(made):
    named = make_sources((f"i{n}.elicit.toml", session, [FakeBank()]) for n, session in enumerate(made))  # type: ignore[misc]
    merged = loads_session(dumps_session(merge(named).session))  # as it is written to the file
    for source in named:
        for question, answer in source.session.answers.items():
            kept = [
                (item.by, item.value, item.notes, item.status)
                for item in merged.answers[question].interviews
                if item.interview == source.name
            ]
            assert kept == [(_speaker(source.session, answer), answer.value, answer.notes, answer.status)]
        for story in source.session.stories:
            copies = [
                copy
                for merged_story in merged.stories
                for copy in merged_story.copies
                if copy.interview == source.name and copy.id == story.id
            ]
            assert [(copy.by, copy.quote, copy.priority) for copy in copies] == [
                (_speaker(source.session, story), story.quote, story.priority)
            ]


def test_the_conflicts_still_open_are_the_merges_open_questions_not_yet_resolved():
    ann = interview("Ann", {"b.s.yes": True})
    ann.open_questions = [OpenQuestion("OQ-001", "Who signs off?")]
    session = merge(sources(ann, interview("Ben", {"b.s.yes": False}))).session
    assert session.conflicts == ["OQ-002"] and [item.id for item in open_conflicts(session)] == ["OQ-002"]
    session.open_questions[1].status = "resolved"
    assert open_conflicts(loads_session(dumps_session(session))) == []


def test_a_merged_session_merged_again_keeps_every_interviews_answer_and_quote():
    first = merge(sources(interview("Ann", {"b.s.yes": True}, stories=[("clerk", "to print the orders each morning", "must")]),
                          interview("Ben", {"b.s.yes": False}))).session  # fmt: skip
    first.participants = [Participant("Ann"), Participant("Ben")]
    again = merge(
        make_sources([("first.elicit.toml", first, [FakeBank()]), ("cy.elicit.toml", interview("Cy", {"b.s.yes": True}), [FakeBank()])])
    )  # type: ignore[list-item]
    heard = [(item.interview, item.by, item.value) for item in again.session.answers["b.s.yes"].interviews]
    assert heard == [("first/ann", "Ann", True), ("first/ben", "Ben", False), ("cy", "Cy", True)]
    assert [(copy.interview, copy.by) for copy in again.session.stories[0].copies] == [("first/ann", "Ann")]


def test_in_a_group_interview_each_record_keeps_who_said_it():
    session = merge(bakery()).session
    severity = {item.interview: item.by for item in session.answers["discovery.problem.severity"].interviews}
    assert severity["finance"] == "Ben Carter" and severity["owner"] == "Maria Lopez"
    refusal = next(story for story in session.stories if story.want == "not to take a deposit on pre-orders")
    assert refusal.by == "Ben Carter" and [copy.by for copy in refusal.copies] == ["Ben Carter"]
    budget = next(item for item in session.decisions if item.text.startswith("The first year's budget"))
    assert budget.by == "Ann Field"
    assert {"Ann Field", "Ben Carter"} <= {person.name for person in session.participants}


def test_open_questions_for_the_client_name_people_never_files_nor_what_the_tool_did():
    """trial2 T16: 'Dr. Maria Okafor (appointment-reminders): Won't; ... Merged as Must.' was in the client's spec."""
    texts = [item.text for item in merge(bakery()).session.open_questions]
    for text in texts:
        assert not any(name in text for name in NAMES if name != "owner"), text  # no file stems
        assert ".elicit.toml" not in text and "Merged as" not in text and "merged" not in text.lower(), text


def test_a_speaker_nobody_named_is_their_interviews_people_or_title():
    ann, ben = interview("Ann", {"b.s.yes": True}), interview("Ben", {"b.s.yes": False})
    ben.participants = []
    ben.title = "The Saturday counter"
    made = make_sources([("ann.elicit.toml", ann, [FakeBank()]), ("counter.elicit.toml", ben, [FakeBank()])])  # type: ignore[list-item]
    text = merge(made).session.open_questions[0].text
    assert text == "Take payments? The answers differ: Yes (Ann), No (The Saturday counter). Which should we go by?"


def test_the_merged_title_is_the_interviews_own_when_they_share_one():
    ann, ben = interview("Ann"), interview("Ben")
    ann.title = ben.title = "Appointment reminders"
    ann.client = "Brightsmile Dental"
    assert merge(sources(ann, ben)).session.title == "Appointment reminders"
    ben.title, ben.project = "Reminders, the hygienists", "Reminders 2027"
    assert merge(sources(ann, ben)).session.title == "Brightsmile Dental: Reminders 2027"
    ann.title, ben.title = "Invoicing — Ann", "Invoicing - Raj"
    assert merge(sources(ann, ben)).session.title == "Invoicing"
    ann.title, ben.title = "Brightsmile Dental — the owner", "Brightsmile Dental: the hygienists"  # the client's name alone
    assert merge(sources(ann, ben)).session.title == "Brightsmile Dental: Reminders 2027"


def test_the_merged_session_plans_the_interviews_minutes_added_up_as_it_adds_up_their_time():
    first, second = interview("Ann"), interview("Bo")
    first.target_minutes, second.target_minutes = 75, 60
    first.interview_seconds, second.interview_seconds = 600, 300
    session = merge(sources(first, second)).session
    assert (session.interview_seconds, session.target_minutes) == (900, 135)
    second.target_minutes = None  # one interview had no plan: the whole plan is not known
    assert merge(sources(first, second)).session.target_minutes is None


def test_one_need_for_two_roles_at_two_priorities_becomes_an_open_question_for_the_client():
    """Trial4 T4-7: merged, the two stories stay (two roles) and the client is asked which priority holds."""
    from elicit.core.session import Story
    from elicit.core.stakeholders import merge
    from tests.core.stakeholders.helpers import interview, sources

    want, so_that = "to see every application waiting for validation in one list", "none goes past the 5-day deadline"
    ann, ben = interview("Ann"), interview("Ben")
    ann.stories = [Story("US-001", "case officer", want, so_that, priority="must")]
    ben.stories = [Story("US-001", "planning officer", want, so_that, priority="should")]
    merged = merge(sources(ann, ben))
    assert [story.role for story in merged.session.stories] == ["case officer", "planning officer"]
    [question] = [item for item in merged.session.open_questions if item.id in merged.session.conflicts]
    assert question.text == (
        f'Two stories ask for the same thing "{want}" for two roles: US-001 for the case officer, Must have (Ann) '
        "and US-002 for the planning officer, Should have (Ben). Is it one need, and how important is it?"
    )


def test_two_interviews_words_for_one_role_become_a_question_for_the_client_and_near_misses_do_not():
    """Trial4 T4-9: "case officer" and "planning officer", defined alike by two interviews, sat side by side in the
    merged glossary with nothing said."""
    from elicit.core.session import GlossaryTerm

    ann, ben = interview("Ann"), interview("Ben")
    ann.glossary = [
        GlossaryTerm("case officer", "The council officer who handles the application from start to decision", ["x.a"]),
        GlossaryTerm("validation", "Checking that an application has every document it needs"),
    ]
    ben.glossary = [
        GlossaryTerm("planning officer", "The council officer who handles the application and writes the report", ["x.b"]),
        GlossaryTerm("validation check", "Checking that an application is complete before it is registered"),  # 5 words alike
        GlossaryTerm("officer", "The council officer"),  # too short to say
    ]
    merged = merge(sources(ann, ben))
    assert [term.term for term in merged.session.glossary] == ["case officer", "validation", "planning officer", "validation check", "officer"]
    [question] = [item for item in merged.session.open_questions if item.id in merged.session.conflicts]
    assert question.text == (
        'Are "case officer" (Ann) and "planning officer" (Ben) one and the same? Both were described as '
        '"The council officer who handles the …". Which word should the spec use?'
    )
    assert question.source == ["x.a", "x.b"]
    one = interview("Ann")
    one.glossary = ann.glossary[:1] + [GlossaryTerm("planning officer", ben.glossary[0].definition)]
    assert not merge(sources(one, interview("Ben"))).session.conflicts, "two words of one interview are that interview's own"
