"""The domain: question banks and interview sessions as plain dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .conditions import Condition

KINDS = ("text", "choice", "multi", "yesno", "scale", "number")
ANSWER_STATUSES = ("answered", "skipped", "revisit")
PRIORITIES = ("must", "should", "could", "wont")
PRIORITY_LABELS = {"must": "Must", "should": "Should", "could": "Could", "wont": "Won't"}
STORY_STATUSES = ("draft", "confirmed", "changed", "rejected")
OPEN_QUESTION_STATUSES = ("open", "resolved")

AnswerValue = str | bool | int | float | list[str]


# Question banks -----------------------------------------------------------------


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


# Sessions ---------------------------------------------------------------------------


@dataclass(slots=True)
class Participant:
    """Someone taking part in the interview."""

    name: str
    role: str = ""


@dataclass(slots=True)
class BankRef:
    """A bank used by a session, as it was when the session used it."""

    id: str
    version: str = ""
    hash: str = ""
    path: str = ""


@dataclass(slots=True)
class Answer:
    """What the client said to one question."""

    value: Any = None
    notes: str = ""
    status: str = "answered"
    answered_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(slots=True)
class Story:
    """A user story, with the client's words and where it came from."""

    id: str
    role: str
    want: str
    so_that: str = ""
    priority: str = "should"
    acceptance: list[str] = field(default_factory=list)
    quote: str = ""
    source: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    status: str = "draft"
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def sentence(self) -> str:
        """The story as one sentence: As a ..., I want ..., so that ...."""
        text = f"As {_article(self.role)}, I want {self.want.strip()}"
        if self.so_that.strip():
            text += f", so that {self.so_that.strip()}"
        return text


@dataclass(slots=True)
class OpenQuestion:
    """Something the interview could not settle, to follow up."""

    id: str
    text: str
    owner: str = ""
    status: str = "open"
    resolution: str = ""
    source: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Decision:
    """A decision taken with the client, and why."""

    id: str
    text: str
    rationale: str = ""
    decided_by: str = ""
    source: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Assumption:
    """Something taken as true without proof, and why."""

    id: str
    text: str
    rationale: str = ""
    source: list[str] = field(default_factory=list)


@dataclass(slots=True)
class GlossaryTerm:
    """A term in the client's own vocabulary."""

    term: str
    definition: str = ""


@dataclass(slots=True)
class Session:
    """One interview: who, which banks, answers, stories and follow-ups."""

    title: str
    client: str = ""
    project: str = ""
    interviewer: str = ""
    started_at: datetime | None = None
    ended_at: datetime | None = None
    current: str = ""
    participants: list[Participant] = field(default_factory=list)
    banks: list[BankRef] = field(default_factory=list)
    answers: dict[str, Answer] = field(default_factory=dict)
    stories: list[Story] = field(default_factory=list)
    open_questions: list[OpenQuestion] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    assumptions: list[Assumption] = field(default_factory=list)
    glossary: list[GlossaryTerm] = field(default_factory=list)

    def story(self, story_id: str) -> Story | None:
        """The story with this id, or None."""
        for story in self.stories:
            if story.id == story_id:
                return story
        return None


def _article(role: str) -> str:
    role = role.strip() or "user"
    lowered = role.lower()
    if lowered.startswith(("a ", "an ", "the ")):
        return role
    return ("an " if lowered[0] in "aeiou" else "a ") + role


def next_id(prefix: str, existing: list[str], width: int = 3) -> str:
    """The next id such as ``US-004`` after the highest existing one."""
    highest = 0
    for item in existing:
        if item.startswith(prefix + "-"):
            tail = item[len(prefix) + 1 :]
            if tail.isdigit():
                highest = max(highest, int(tail))
    return f"{prefix}-{highest + 1:0{width}d}"
