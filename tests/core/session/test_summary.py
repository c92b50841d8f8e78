"""SessionSummary: the one place that counts an interview."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from elicit.core.banks.models import Bank, Question, Section
from elicit.core.session import Answer, Interview, Session, SessionService, budget_minutes, clock_reading, over_budget_text, summarise


def test_summary_counts_questions_stories_follow_ups_and_time(mini_bank):
    session = Session(title="t")
    service = SessionService(session, Interview(session, [mini_bank]))
    service.answer("mini.context.problem", "slow")
    service.skip("mini.context.platform")
    service.toggle_revisit("mini.users.who")
    service.add_story("picker", "to scan", priority="must", status="confirmed")
    service.add_story("manager", "a report", priority="must")
    service.add_story("auditor", "an export", priority="wont", status="rejected")
    service.add_open_question("Which scanners?")
    service.resolve_open_question(service.add_open_question("Budget?").id, "50k")
    service.add_decision("Android only")
    service.define_term("SKU", "stock keeping unit")
    service.tick(600, "mini.context")
    service.tick(95, "mini.users")
    session.target_minutes = 60
    summary = summarise(service.interview)
    assert (summary.questions, summary.answered, summary.skipped, summary.revisit, summary.open) == (5, 1, 1, 1, 2)
    assert summary.required_open == 0 and summary.done == 2 and summary.percent == 40
    assert summary.stories == 3
    assert summary.stories_by_priority == {"must": 2, "should": 0, "could": 0, "wont": 1}
    assert summary.stories_by_status == {"draft": 1, "confirmed": 1, "changed": 0, "rejected": 1}
    assert summary.stories_by_priority_and_status["must"] == {"draft": 1, "confirmed": 1, "changed": 0, "rejected": 0}
    assert (summary.open_questions, summary.resolved_questions, summary.decisions, summary.assumptions, summary.terms) == (1, 1, 1, 0, 1)
    assert summary.interview_seconds == 695 and summary.interview_minutes == 12 and summary.seconds_left == 3600 - 695
    context = summary.section("mini.context")
    assert (context.answered, context.skipped, context.open, context.minutes_spent, context.minutes_budget) == (1, 1, 0, 10, None)
    assert summary.section("mini.users").minutes_spent == 2  # 95 s, rounded


def test_summary_json_has_the_keys_the_issue_names(mini_bank):
    session = Session(title="t")
    data = summarise(Interview(session, [mini_bank])).to_json()
    for key in ("answered", "skipped", "revisit", "open", "required_open", "stories", "interview_seconds", "target_minutes", "sections"):
        assert key in data
    assert set(data["stories"]) >= {"by_priority", "by_status"}
    assert {"id", "title", "answered", "open", "minutes_spent", "minutes_budget"} <= set(data["sections"][0])
    assert data["required_open"] == 1 and data["target_minutes"] is None


def test_section_budgets_and_overruns():
    questions = [Question("b.a.q", "Q?")]
    bank = Bank("b", "B", "1", sections=[Section("b.a", "A", "G", questions, minutes=10), Section("b.b", "B", "G", [Question("b.b.q", "Q?")], 5)])
    session = Session(title="t", section_seconds={"b.a": 601})
    interview = Interview(session, [bank])
    assert budget_minutes(interview) == 15
    summary = summarise(interview)
    assert summary.section("b.a").over_budget and not summary.section("b.b").over_budget
    assert summary.seconds_left is None
    assert budget_minutes(Interview(session, [Bank("c", "C", "1", sections=[Section("c.a", "A", "G", [])])])) is None


@given(
    seconds=st.integers(0, 20_000),
    target=st.none() | st.integers(1, 200),
    spent=st.integers(0, 5_000),
    budget=st.none() | st.integers(0, 60),
    section=st.sampled_from([None, "b.a", "b.b", "b.gone"]),
)
def test_the_clock_reads_what_the_summary_says(seconds, target, spent, budget, section):
    """The header's clock (once a second, without counting stories) shows the summary's time figures."""
    bank = Bank("b", "B", "1", sections=[Section("b.a", "A", "G", [Question("b.a.q", "Q?")], minutes=budget), Section("b.b", "B", "G", [])])
    session = Session(title="t", interview_seconds=seconds, target_minutes=target, section_seconds={"b.a": spent, "b.b": 30})
    interview = Interview(session, [bank])
    summary = summarise(interview)
    clock = clock_reading(interview, section)
    assert clock.interview_seconds == summary.interview_seconds
    assert clock.seconds_left == summary.seconds_left
    part = summary.section(section) if section is not None else None
    if part is None or not part.over_budget:
        assert clock.section_over_seconds == 0
    else:
        assert clock.section_over_seconds == part.seconds_spent - part.minutes_budget * 60 > 0


def test_notes_only_is_counted_open_and_told_counts_what_the_client_reads(mini_bank):
    """Trial 2, T8: a choice with only notes was counted answered (header, summary, spec: '4 of 6') while the
    client spec listed 3 answers; now it is open, and ``told`` counts exactly the answers the client spec lists."""
    session = Session(title="t")
    session.answers["mini.context.problem"] = Answer("slow")
    session.answers["mini.context.platform"] = Answer(None, notes="An hour a week, Lena more")
    session.answers["mini.users.who"] = Answer("staff", status="revisit")
    figures = summarise(Interview(session, [mini_bank]))
    assert (figures.answered, figures.open, figures.revisit, figures.told) == (1, 3, 1, 2)
    context, users = figures.sections
    assert (context.answered, context.open, context.told) == (1, 1, 1)
    assert (users.answered, users.revisit, users.told) == (0, 1, 1)
    assert "told" not in figures.to_json()  # the JSON keys are a contract (QUESTION_COUNTS); told is the client spec's


def test_time_in_no_section_is_counted_so_the_time_report_adds_up(mini_bank):
    """Trial 2, T23: time on the summary, read-back, review and export screens is charged to no section; the
    summary says how much, so the sections' time and it make the interview time."""
    session = Session(title="t")
    service = SessionService(session, Interview(session, [mini_bank]))
    service.tick(600, "mini.context")
    service.tick(95, "mini.users")
    service.tick(420)  # on the summary screen
    summary = summarise(service.interview)
    assert summary.interview_seconds == 1115 and summary.outside_seconds == 420 and summary.outside_minutes == 7
    assert sum(section.seconds_spent for section in summary.sections) + summary.outside_seconds == summary.interview_seconds
    assert summary.to_json()["outside_seconds"] == 420


@pytest.mark.parametrize(
    ("spent", "budget", "shown"),
    [(67, 1, "1:07/1"), (600, 10, "10/10"), (569, 10, "9/10"), (607, 10, "10:07/10"), (3725, 1, "1:02:05/1"), (95, None, "2")],
)
def test_a_section_over_its_budget_shows_its_time_to_the_second(spent, budget, shown):
    # trial 5 T5-7: a section 7 s over its 1-minute budget read "1/1" in the summary and "over 1 min" in the header.
    bank = Bank("b", "B", "1", sections=[Section("b.a", "A", "G", [Question("b.a.q", "Q?")], minutes=budget)])
    part = summarise(Interview(Session(title="t", section_seconds={"b.a": spent}), [bank])).section("b.a")
    assert part.time_text == shown
    assert part.seconds_over == max(0, spent - budget * 60) if budget else part.seconds_over == 0


def test_the_header_says_how_far_over_its_budget_a_section_is():
    assert [over_budget_text(seconds) for seconds in (7, 60, 607, 3725)] == [
        "section over by 0:07",
        "section over by 1:00",
        "section over by 10:07",
        "section over by 1:02:05",
    ]
    assert over_budget_text(7, short=True) == "over by 0:07"  # the header at 80 columns and plain mode's progress



@given(st.integers(min_value=-5, max_value=40_000))
def test_a_duration_is_written_as_a_clock_padded_or_not(seconds):
    """One rule for a length of time as a clock writes it: a section's overrun (``5:09``) and, padded, the header's
    clock (``05:09``; tui.marks.seconds_text held a copy of it, review4 R4-1)."""
    from elicit.core.session import duration_text

    shown = duration_text(seconds)
    assert duration_text(seconds, padded=True) == (shown if seconds >= 3600 else shown.rjust(5, "0"))
    hours, minutes, secs = ([0, 0] + [int(part) for part in shown.split(":")])[-3:]
    assert hours * 3600 + minutes * 60 + secs == max(0, seconds) and secs < 60 and (minutes < 60 or not hours)
    assert [duration_text(value, padded=True) for value in (0, 7, 309, 3909)] == ["00:00", "00:07", "05:09", "1:05:09"]
