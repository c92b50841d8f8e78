"""The one place that changes a session.

Front ends call these methods; each change bumps :attr:`SessionService.revision`
and notifies listeners, which schedule the save. Nothing here touches the disk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from datetime import datetime
from typing import Any

from elicit.core.banks.models import Question
from elicit.core.findings import ElicitError
from elicit.core.session.engine import Interview
from elicit.core.session.models import (
    Answer,
    Assumption,
    Decision,
    GlossaryTerm,
    IdSequence,
    OpenQuestion,
    Session,
    Story,
)
from elicit.core.vocabulary import ANSWER_STATUSES, PRIORITIES, STORY_STATUSES

Listener = Callable[[str], None]
"""Called with a short description of each change."""

STORY_FIELDS = {f.name for f in fields(Story)} - {"id", "created_at", "updated_at"}


def now() -> datetime:
    """The current local time, to the second, with its UTC offset."""
    return datetime.now().astimezone().replace(microsecond=0)


@dataclass(frozen=True)
class DeletedStory:
    """What undo needs to put a deleted story back."""

    story: Story
    index: int


class SessionService:
    """Applies every change to a session and tells listeners about it."""

    def __init__(self, session: Session, interview: Interview | None = None):
        self.session = session
        self.interview = interview or Interview(session, [])
        self.revision = 0
        self._listeners: list[Listener] = []
        self._deleted: list[DeletedStory] = []
        self._ids = {prefix: IdSequence(prefix) for prefix in ("US", "OQ", "D", "A")}

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener`` after every change."""
        self._listeners.append(listener)

    def _changed(self, what: str) -> None:
        self.revision += 1
        for listener in list(self._listeners):
            listener(what)

    # answers

    def answer(self, question_id: str, value: Any, *, notes: str | None = None, status: str | None = None) -> Answer:
        """Record (or replace) the value of an answer."""
        answer = self._answer(question_id)
        answer.value = value
        if notes is not None:
            answer.notes = notes
        if status is not None:
            self._check_status(status)
            answer.status = status
        elif answer.status == "skipped":
            answer.status = "answered"
        stamp = now()
        if answer.answered_at is None:
            answer.answered_at = stamp
        answer.updated_at = stamp
        self.interview.invalidate()
        self._changed(f"answer {question_id}")
        return answer

    def set_notes(self, question_id: str, notes: str) -> None:
        """Replace the free notes on a question."""
        answer = self._answer(question_id)
        answer.notes = notes
        answer.updated_at = now()
        self._changed(f"notes {question_id}")

    def set_status(self, question_id: str, status: str) -> None:
        """Mark a question answered, skipped or revisit."""
        self._check_status(status)
        answer = self._answer(question_id)
        answer.status = status
        answer.updated_at = now()
        self.interview.invalidate()
        self._changed(f"status {question_id} {status}")

    def skip(self, question_id: str) -> None:
        """Mark a question skipped (its value, if any, is kept)."""
        self.set_status(question_id, "skipped")

    def toggle_revisit(self, question_id: str) -> bool:
        """Flag a question to revisit, or clear the flag; return whether it is flagged."""
        answer = self.session.answers.get(question_id)
        flagged = answer is None or answer.status != "revisit"
        self.set_status(question_id, "revisit" if flagged else "answered")
        return flagged

    def go(self, question_id: str) -> Question:
        """Make a question current (remembered so reopening resumes there)."""
        before = self.session.current
        question = self.interview.go(question_id)
        if before != question_id:
            self._changed(f"current {question_id}")
        return question

    def _answer(self, question_id: str) -> Answer:
        if not question_id:
            raise ElicitError("no question given")
        answer = self.session.answers.get(question_id)
        if answer is None:
            answer = Answer()
            self.session.answers[question_id] = answer
        return answer

    @staticmethod
    def _check_status(status: str) -> None:
        if status not in ANSWER_STATUSES:
            raise ElicitError(f"status must be one of {', '.join(ANSWER_STATUSES)}, not '{status}'")

    # stories

    def add_story(self, role: str, want: str, **values: Any) -> Story:
        """Add a story with the next free id (US-001, US-002, ...)."""
        if not want.strip():
            raise ElicitError("a story needs a 'want': what the user wants to do")
        self._check_story_values(values)
        stamp = now()
        story = Story(id=self._ids["US"].next(self.session.stories), role=role, want=want, created_at=stamp, updated_at=stamp)
        for name, value in values.items():
            setattr(story, name, _copy(value))
        self.session.stories.append(story)
        self._changed(f"story {story.id} added")
        return story

    def update_story(self, story_id: str, **values: Any) -> Story:
        """Change some fields of a story."""
        story = self._story(story_id)
        self._check_story_values(values)
        if "want" in values and not str(values["want"]).strip():
            raise ElicitError("a story needs a 'want': what the user wants to do")
        for name, value in values.items():
            setattr(story, name, _copy(value))
        story.updated_at = now()
        self._changed(f"story {story_id} changed")
        return story

    def set_priority(self, story_id: str, priority: str) -> Story:
        """Change a story's MoSCoW priority."""
        return self.update_story(story_id, priority=priority)

    def set_story_status(self, story_id: str, status: str) -> Story:
        """Mark a story draft, confirmed, changed or rejected."""
        return self.update_story(story_id, status=status)

    def delete_story(self, story_id: str) -> DeletedStory:
        """Delete a story; :meth:`undo_delete` puts it back."""
        story = self._story(story_id)
        index = self.session.stories.index(story)
        del self.session.stories[index]
        deleted = DeletedStory(story, index)
        self._deleted.append(deleted)
        self._changed(f"story {story_id} deleted")
        return deleted

    def undo_delete(self) -> Story | None:
        """Restore the most recently deleted story, at its old place."""
        if not self._deleted:
            return None
        deleted = self._deleted.pop()
        index = min(deleted.index, len(self.session.stories))
        self.session.stories.insert(index, deleted.story)
        self._changed(f"story {deleted.story.id} restored")
        return deleted.story

    @property
    def can_undo(self) -> bool:
        """Whether a deleted story can be restored."""
        return bool(self._deleted)

    def _story(self, story_id: str) -> Story:
        story = self.session.story(story_id)
        if story is None:
            raise ElicitError(f"no story '{story_id}' in this session")
        return story

    @staticmethod
    def _check_story_values(values: dict[str, Any]) -> None:
        unknown = set(values) - STORY_FIELDS
        if unknown:
            raise ElicitError(f"unknown story field(s): {', '.join(sorted(unknown))}")
        if "priority" in values and values["priority"] not in PRIORITIES:
            raise ElicitError(f"priority must be one of {', '.join(PRIORITIES)}, not '{values['priority']}'")
        if "status" in values and values["status"] not in STORY_STATUSES:
            raise ElicitError(f"story status must be one of {', '.join(STORY_STATUSES)}, not '{values['status']}'")

    # follow-ups

    def add_open_question(self, text: str, *, owner: str = "", source: list[str] | None = None) -> OpenQuestion:
        """Note something to follow up after the interview."""
        item = OpenQuestion(self._ids["OQ"].next(self.session.open_questions), text, owner, source=list(source or []))
        self.session.open_questions.append(item)
        self._changed(f"open question {item.id}")
        return item

    def resolve_open_question(self, item_id: str, resolution: str) -> OpenQuestion:
        """Mark an open question resolved, saying how."""
        for item in self.session.open_questions:
            if item.id == item_id:
                item.status = "resolved"
                item.resolution = resolution
                self._changed(f"open question {item_id} resolved")
                return item
        raise ElicitError(f"no open question '{item_id}' in this session")

    def add_decision(self, text: str, rationale: str = "", *, decided_by: str = "", source: list[str] | None = None) -> Decision:
        """Record a decision and why it was taken."""
        item = Decision(self._ids["D"].next(self.session.decisions), text, rationale, decided_by, list(source or []))
        self.session.decisions.append(item)
        self._changed(f"decision {item.id}")
        return item

    def add_assumption(self, text: str, rationale: str = "", *, source: list[str] | None = None) -> Assumption:
        """Record an assumption and why it is made."""
        item = Assumption(self._ids["A"].next(self.session.assumptions), text, rationale, list(source or []))
        self.session.assumptions.append(item)
        self._changed(f"assumption {item.id}")
        return item

    def define_term(self, term: str, definition: str) -> GlossaryTerm:
        """Add or update a glossary term in the client's vocabulary."""
        for item in self.session.glossary:
            if item.term.casefold() == term.casefold():
                item.definition = definition
                self._changed(f"term {term}")
                return item
        item = GlossaryTerm(term, definition)
        self.session.glossary.append(item)
        self._changed(f"term {term}")
        return item

    def set_meta(self, **values: Any) -> None:
        """Change the interview's metadata (title, client, ended_at, ...)."""
        allowed = {"title", "client", "project", "interviewer", "started_at", "ended_at", "participants"}
        unknown = set(values) - allowed
        if unknown:
            raise ElicitError(f"unknown session field(s): {', '.join(sorted(unknown))}")
        for name, value in values.items():
            setattr(self.session, name, _copy(value))
        self._changed("meta")


def _copy(value: Any) -> Any:
    if isinstance(value, list):
        return [replace(item) if hasattr(item, "__dataclass_fields__") else item for item in value]
    return value
