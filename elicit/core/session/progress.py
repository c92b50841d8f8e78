"""How far an interview is: counts over the questions that apply, overall and per section (:meth:`Interview.progress`).

Apart from the engine so that a command that counts nothing (``elicit answer``) does not create these frozen
dataclasses at every start-up (issue 18).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from elicit.core.banks.models import Section


@dataclass(frozen=True)
class Progress:
    """Counts over the questions that currently apply."""

    total: int
    answered: int
    skipped: int
    revisit: int
    open: int
    required_open: int
    told: int = 0
    """Questions with the client's answer on record (answered, or flagged to revisit with a value): what the client spec lists."""

    @property
    def done(self) -> int:
        """Questions answered or deliberately skipped."""
        return self.answered + self.skipped

    @property
    def percent(self) -> int:
        """Share of applicable questions done, 0-100."""
        return percent_done(self.done, self.total)


def percent_done(done: int, total: int) -> int:
    """The share of ``total`` questions that are done, 0-100 (100 when there are none)."""
    return round(100 * done / total) if total else 100


@dataclass(frozen=True)
class SectionCoverage:
    """Progress of one section."""

    section: Section
    progress: Progress
