"""Question banks as plain dataclasses: a bank, its sections, their questions."""

from __future__ import annotations

from dataclasses import dataclass, field

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

    from elicit.core.banks.conditions import Condition


@dataclass(frozen=True, slots=True)
class StoryHint:
    """A suggested story for answers to a question."""

    role: str
    want: str
    so_that: str = ""


@dataclass(slots=True)
class Question:
    """One question, with its fully qualified id ``bank.section.question``."""

    id: str
    prompt: str
    kind: str = "text"
    why: str = ""
    probes: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    min: int | float | None = None
    max: int | float | None = None
    labels: tuple[str, ...] = ()
    unit: str = ""
    required: bool = False
    tags: tuple[str, ...] = ()
    when: str | None = None
    condition: Condition | None = None
    story: StoryHint | None = None
    exclusive_options: tuple[str, ...] = ()
    """Options that stand alone ("Not sure"): a multi answer holding one holds nothing else."""

    @property
    def key(self) -> str:
        """The question's own id, without bank and section."""
        return self.id.rsplit(".", 1)[-1]

    @property
    def section_id(self) -> str:
        """The fully qualified id of the section holding the question."""
        return self.id.rsplit(".", 1)[0]


@dataclass(slots=True)
class Section:
    """A group of questions with one goal; ``id`` is ``bank.section``."""

    id: str
    title: str
    goal: str = ""
    questions: list[Question] = field(default_factory=list)
    minutes: int | None = None
    """The section's time budget in the interview, in minutes (None: no budget)."""

    @property
    def bank_id(self) -> str:
        """The id of the bank that defines the section."""
        return self.id.split(".", 1)[0]


@dataclass(slots=True)
class Bank:
    """A loaded, validated question bank."""

    id: str
    title: str
    version: str
    description: str = ""
    sections: list[Section] = field(default_factory=list)
    path: Path | None = None
    content_hash: str = ""

    @property
    def questions(self) -> list[Question]:
        """Every question, in order, including those of included sections."""
        return [question for section in self.sections for question in section.questions]
