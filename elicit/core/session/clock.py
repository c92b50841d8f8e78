"""The interview clock as the app's header shows it once a second, without a whole summary.

Apart from :mod:`.summary` (which uses the same two rules for its figures) so
that the interview screen's first frame does not load the summary's models.
"""

from __future__ import annotations

from dataclasses import dataclass

TYPE_CHECKING = False
if TYPE_CHECKING:
    from elicit.core.session.engine import Interview


@dataclass(frozen=True)
class ClockReading:
    """What the interview clock shows: the time so far, what is left of the target, and the current section's overrun.

    The same figures as :func:`summarise` gives (``interview_seconds``, ``seconds_left``, a section's
    ``seconds_spent`` over its ``minutes_budget``), without counting questions and stories: the app's
    header asks for them once a second, and a summary of 5,000 stories takes a few milliseconds.
    """

    interview_seconds: int
    seconds_left: int | None
    """Time left before the target length (negative when over), or None without a target."""
    section_over_seconds: int
    """Seconds spent in the current section beyond its budget (0 when within it, without a budget or a section)."""


def clock_reading(interview: Interview, section_id: str | None) -> ClockReading:
    """The interview clock of ``interview``, with ``section_id`` the section of the current question."""
    session = interview.session
    over = 0
    if section_id is not None:
        section = next((item for item in interview.sections if item.id == section_id), None)
        if section is not None:
            over = seconds_over(session.section_seconds.get(section_id, 0), section.minutes)
    seconds = session.interview_seconds
    return ClockReading(seconds, seconds_left(seconds, session.target_minutes), over)


def seconds_left(seconds: int, target_minutes: int | None) -> int | None:
    """Seconds left before the target length (negative when over), or None without a target."""
    return None if target_minutes is None else target_minutes * 60 - seconds


def seconds_over(seconds_spent: int, minutes_budget: int | None) -> int:
    """Seconds spent beyond a budget of ``minutes_budget`` (0 within it or without one)."""
    return 0 if minutes_budget is None else max(0, seconds_spent - minutes_budget * 60)


def duration_text(seconds: int, *, padded: bool = False) -> str:
    """A length of time as ``0:07``, ``12:30`` or ``1:02:03`` (minutes unpadded): how far a section ran over its budget.

    ``padded``: the header's clock, ``00:07`` and ``05:09`` (the minutes in two digits under an hour), ``1:05:09``.
    The one way elicit writes a length of time as a clock does."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes:02d}:{seconds:02d}" if padded else f"{minutes}:{seconds:02d}"


def over_budget_text(seconds_over: int, short: bool = False) -> str:
    """What the header says of a section over its budget: ``section over by 0:07``, ``over by 0:07`` when ``short``
    (the exact overrun, never rounded: '⚠ over 1 min' read as 'over its 1-minute budget' and said 1 min for 7 s,
    trial 5 T5-7)."""
    return f"{'' if short else 'section '}over by {duration_text(seconds_over)}"
