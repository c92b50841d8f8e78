"""A section over its time budget reads the same in the header, `elicit summary` and plain mode (trial 5, T5-7)."""

from __future__ import annotations

from elicit.core.banks.models import Bank, Question, Section
from elicit.core.session import Interview, Session, summarise


def _interview(spent: int) -> Interview:
    bank = Bank("b", "B", "1", sections=[Section("b.a", "Proof of delivery", "G", [Question("b.a.q", "Q?")], minutes=1)])
    return Interview(Session(title="t", section_seconds={"b.a": spent}), [bank])


def test_elicit_summary_shows_a_section_seven_seconds_over_as_over():
    from elicit.cli.summary_output import _coverage_row

    over = _coverage_row(summarise(_interview(67)).section("b.a"))
    within = _coverage_row(summarise(_interview(59)).section("b.a"))
    assert over[-1] == "[red]1:07/1[/]" and within[-1] == "1/1"


def test_plain_mode_says_how_far_over_the_section_is():
    from elicit.plain.output import progress_lines

    interview = _interview(67)
    assert "  Proof of delivery: 0 of 1 done, 1:07 of 1 minute (over by 0:07)." in progress_lines(interview, interview.session)
    interview = _interview(59)
    assert "  Proof of delivery: 0 of 1 done, 1 minute of 1." in progress_lines(interview, interview.session)
