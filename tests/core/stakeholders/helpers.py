"""Small made-up interviews for the stakeholder tests."""

from __future__ import annotations

from typing import Any

from elicit.core.banks import Question
from elicit.core.session import Answer, Decision, Participant, Session, Story
from elicit.core.stakeholders import Source, make_sources

QUESTIONS = [
    Question("b.s.yes", "Take payments?", kind="yesno"),
    Question("b.s.pick", "How to switch?", kind="choice", options=("All at once", "Step by step", "Not sure", "Open to advice")),
    Question("b.s.scale", "How bad?", kind="scale", min=1, max=5),
    Question("b.s.count", "How many a week?", kind="number", min=0, unit="orders"),
    Question("b.s.text", "In your words?"),
    Question("b.s.multi", "Which?", kind="multi", options=("Card", "Cash", "Invoice")),
]


class FakeBank:
    """Enough of a bank for make_sources: sections of questions."""

    class _Section:
        def __init__(self, questions: list[Question]):
            self.questions = questions

    def __init__(self, questions: list[Question] = QUESTIONS):
        self.sections = [self._Section(questions)]


def interview(
    name: str,
    answers: dict[str, Any] | None = None,
    stories: list[tuple[str, str, str]] | None = None,
    decisions: list[tuple[str, str]] | None = None,
) -> Session:
    """A one-person interview: answers by question id, stories as (role, want, priority), decisions as (text, source)."""
    session = Session(title=f"{name}'s interview", participants=[Participant(name, "Role")])
    session.answers = {question: Answer(value=value) for question, value in (answers or {}).items()}
    session.stories = [
        Story(f"US-{n:03d}", role, want, priority=priority) for n, (role, want, priority) in enumerate(stories or [], start=1)
    ]
    session.decisions = [Decision(f"DEC-{n:03d}", text, source=[source]) for n, (text, source) in enumerate(decisions or [], start=1)]
    return session


def sources(*sessions: Session) -> list[Source]:
    return make_sources((f"{session.participants[0].name.lower()}.elicit.toml", session, [FakeBank()]) for session in sessions)  # type: ignore[misc]
