"""Question banks as plain records: a bank, its sections, their questions."""

from __future__ import annotations

from elicit.core.records import FrozenRecord, Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

    from elicit.core.banks.conditions import Condition


class StoryHint(FrozenRecord):
    """A suggested story for answers to a question."""

    __slots__ = ("role", "want", "so_that")

    def __init__(self, role: str, want: str, so_that: str = ""):
        self.role = role
        self.want = want
        self.so_that = so_that


class Question(Record):
    """One question, with its fully qualified id ``bank.section.question``."""

    __slots__ = (
        "id", "prompt", "kind", "why", "probes", "options", "min", "max", "labels", "unit", "required", "tags", "when", "condition",
        "story",
    )  # fmt: skip

    def __init__(
        self,
        id: str,  # noqa: A002 - the question's id
        prompt: str,
        kind: str = "text",
        why: str = "",
        probes: tuple[str, ...] = (),
        options: tuple[str, ...] = (),
        min: int | float | None = None,  # noqa: A002 - the bank key
        max: int | float | None = None,  # noqa: A002 - the bank key
        labels: tuple[str, ...] = (),
        unit: str = "",
        required: bool = False,
        tags: tuple[str, ...] = (),
        when: str | None = None,
        condition: Condition | None = None,
        story: StoryHint | None = None,
    ):
        self.id = id
        self.prompt = prompt
        self.kind = kind
        self.why = why
        self.probes = probes
        self.options = options
        self.min = min
        self.max = max
        self.labels = labels
        self.unit = unit
        self.required = required
        self.tags = tags
        self.when = when
        self.condition = condition
        self.story = story

    @property
    def key(self) -> str:
        """The question's own id, without bank and section."""
        return self.id.rsplit(".", 1)[-1]

    @property
    def section_id(self) -> str:
        """The fully qualified id of the section holding the question."""
        return self.id.rsplit(".", 1)[0]


class Section(Record):
    """A group of questions with one goal; ``id`` is ``bank.section``."""

    __slots__ = ("id", "title", "goal", "questions")

    def __init__(self, id: str, title: str, goal: str = "", questions: list[Question] | None = None):  # noqa: A002
        self.id = id
        self.title = title
        self.goal = goal
        self.questions = [] if questions is None else questions

    @property
    def bank_id(self) -> str:
        """The id of the bank that defines the section."""
        return self.id.split(".", 1)[0]


class Bank(Record):
    """A loaded, validated question bank."""

    __slots__ = ("id", "title", "version", "description", "sections", "path", "content_hash")

    def __init__(
        self,
        id: str,  # noqa: A002 - the bank's id
        title: str,
        version: str,
        description: str = "",
        sections: list[Section] | None = None,
        path: Path | None = None,
        content_hash: str = "",
    ):
        self.id = id
        self.title = title
        self.version = version
        self.description = description
        self.sections = [] if sections is None else sections
        self.path = path
        self.content_hash = content_hash

    @property
    def questions(self) -> list[Question]:
        """Every question, in order, including those of included sections."""
        return [question for section in self.sections for question in section.questions]
