"""What an interview has covered so far, counted in one place.

Every front end and export that shows counts (the CLI ``summary``, the app's
summary screen and header, plain mode, the markdown and TOML specs) reads
them from :func:`summarise`, so the numbers always agree.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from elicit.core.data import record_dict
from elicit.core.session.clock import duration_text
from elicit.core.session.clock import seconds_left as _seconds_left
from elicit.core.session.clock import seconds_over as _seconds_over
from elicit.core.session.engine import Interview
from elicit.core.session.progress import percent_done
from elicit.core.vocabulary import PRIORITIES, STORY_STATUSES

QUESTION_COUNTS = ("questions", "answered", "skipped", "revisit", "open", "required_open")
"""The question counts of a section and of the whole interview, in the order every JSON shows them."""


@dataclass(frozen=True)
class SectionSummary:
    """One section: its questions that apply, by status, and the time spent against its budget."""

    id: str
    title: str
    goal: str
    questions: int
    answered: int
    skipped: int
    revisit: int
    open: int
    required_open: int
    seconds_spent: int
    minutes_budget: int | None
    told: int = 0
    """Questions with the client's answer on record (answered, or flagged with a value): what the client spec lists."""

    @property
    def done(self) -> int:
        """Questions answered or deliberately skipped."""
        return self.answered + self.skipped

    @property
    def minutes_spent(self) -> int:
        """Time spent in the section, in whole minutes (rounded)."""
        return minutes(self.seconds_spent)

    @property
    def seconds_over(self) -> int:
        """Seconds spent beyond the budget (0 within it or without one)."""
        return _seconds_over(self.seconds_spent, self.minutes_budget)

    @property
    def over_budget(self) -> bool:
        """Whether more time has gone into the section than its budget."""
        return self.seconds_over > 0

    @property
    def time_text(self) -> str:
        """Time spent against the budget as the summaries show it: ``3/10`` (rounded minutes), ``3`` without a budget,
        and over the budget the time to the second, ``10:07/10``, so that it never reads as within it (a section 7 s
        over its 1 minute showed ``1/1``, trial 5 T5-7; the header says ``section over by 0:07``)."""
        if self.minutes_budget is None:
            return str(self.minutes_spent)
        spent = duration_text(self.seconds_spent) if self.over_budget else str(self.minutes_spent)
        return f"{spent}/{self.minutes_budget}"

    def to_json(self) -> dict[str, Any]:
        """The section as plain data, for ``elicit summary --json``."""
        return record_dict(self, ("id", "title", *QUESTION_COUNTS, "minutes_spent", "minutes_budget"))


@dataclass(frozen=True)
class SessionSummary:
    """The counts of one interview: questions by status, stories by priority and status, follow-ups, time."""

    questions: int
    answered: int
    skipped: int
    revisit: int
    open: int
    required_open: int
    stories: int
    stories_by_priority: dict[str, int]
    stories_by_status: dict[str, int]
    stories_by_priority_and_status: dict[str, dict[str, int]]
    open_questions: int
    """Open questions still open (not resolved)."""
    resolved_questions: int
    decisions: int
    assumptions: int
    terms: int
    interview_seconds: int
    target_minutes: int | None
    sections: tuple[SectionSummary, ...]
    told: int = 0
    """Questions with the client's answer on record (answered, or flagged with a value): what the client spec lists."""
    outside_seconds: int = 0
    """Interview time charged to no section (on the summary, read-back, review or export screens): with the
    sections' time it makes the interview time."""

    @property
    def done(self) -> int:
        """Questions answered or deliberately skipped."""
        return self.answered + self.skipped

    @property
    def percent(self) -> int:
        """Share of applicable questions done, 0-100."""
        return percent_done(self.done, self.questions)

    @property
    def rejected(self) -> int:
        """Stories the client rejected (not taken forward)."""
        return self.stories_by_status.get("rejected", 0)

    @property
    def taken_forward(self) -> int:
        """Stories taken forward: every status but rejected."""
        return self.stories - self.rejected

    @property
    def taken_forward_by_priority(self) -> dict[str, int]:
        """Stories taken forward, by priority (every priority, in MoSCoW order, then any other)."""
        return {priority: sum(n for status, n in row.items() if status != "rejected") for priority, row in self.stories_by_priority_and_status.items()}

    @property
    def interview_minutes(self) -> int:
        """Interview time so far, in whole minutes (rounded)."""
        return minutes(self.interview_seconds)

    @property
    def outside_minutes(self) -> int:
        """Interview time charged to no section, in whole minutes (rounded)."""
        return minutes(self.outside_seconds)

    @property
    def seconds_left(self) -> int | None:
        """Time left before the target length (negative when over), or None without a target."""
        return _seconds_left(self.interview_seconds, self.target_minutes)

    def section(self, section_id: str) -> SectionSummary | None:
        """The summary of one section, or None."""
        return next((item for item in self.sections if item.id == section_id), None)

    def to_json(self) -> dict[str, Any]:
        """The summary as plain data, for ``elicit summary --json``."""
        return {
            **record_dict(self, (*QUESTION_COUNTS, "percent")),
            "stories": {
                "total": self.stories,
                "by_priority": dict(self.stories_by_priority),
                "by_status": dict(self.stories_by_status),
            },
            "open_questions": self.open_questions,
            "resolved_questions": self.resolved_questions,
            "decisions": self.decisions,
            "assumptions": self.assumptions,
            "terms": self.terms,
            "interview_seconds": self.interview_seconds,
            "outside_seconds": self.outside_seconds,
            "target_minutes": self.target_minutes,
            "sections": [section.to_json() for section in self.sections],
        }


def summarise(interview: Interview) -> SessionSummary:
    """Count everything the interview holds so far."""
    session = interview.session
    progress = interview.progress()
    grid = {priority: dict.fromkeys(STORY_STATUSES, 0) for priority in PRIORITIES}
    # Counted in C first (the clock asks for a summary every second, with thousands of stories), in the order first seen.
    for (priority, status), count in Counter((story.priority, story.status) for story in session.stories).items():
        row = grid.setdefault(priority, dict.fromkeys(STORY_STATUSES, 0))
        row[status] = row.get(status, 0) + count
    by_status = dict.fromkeys(STORY_STATUSES, 0)
    for row in grid.values():
        for status, count in row.items():
            by_status[status] = by_status.get(status, 0) + count
    sections = []
    for item in interview.coverage():
        p = item.progress
        sections.append(
            SectionSummary(
                id=item.section.id,
                title=item.section.title,
                goal=item.section.goal,
                questions=p.total,
                answered=p.answered,
                skipped=p.skipped,
                revisit=p.revisit,
                open=p.open,
                required_open=p.required_open,
                seconds_spent=session.section_seconds.get(item.section.id, 0),
                minutes_budget=item.section.minutes,
                told=p.told,
            )
        )
    still_open = sum(1 for item in session.open_questions if item.status == "open")
    return SessionSummary(
        questions=progress.total,
        answered=progress.answered,
        skipped=progress.skipped,
        revisit=progress.revisit,
        open=progress.open,
        required_open=progress.required_open,
        stories=len(session.stories),
        stories_by_priority={priority: sum(row.values()) for priority, row in grid.items()},
        stories_by_status=by_status,
        stories_by_priority_and_status=grid,
        open_questions=still_open,
        resolved_questions=len(session.open_questions) - still_open,
        decisions=len(session.decisions),
        assumptions=len(session.assumptions),
        terms=len(session.glossary),
        interview_seconds=session.interview_seconds,
        target_minutes=session.target_minutes,
        sections=tuple(sections),
        told=progress.told,
        outside_seconds=max(0, session.interview_seconds - sum(session.section_seconds.values())),
    )


def minutes(seconds: int) -> int:
    """Seconds as whole minutes, rounded half up (89 s is 1 minute, 90 s is 2)."""
    return (seconds + 30) // 60


def budget_minutes(interview: Interview) -> int | None:
    """The sum of the sections' time budgets, or None when no section has one: the default target length."""
    budgets = [section.minutes for section in interview.sections if section.minutes is not None]
    return sum(budgets) if budgets else None
