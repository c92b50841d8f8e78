"""Messages that widgets post up to their screen; the screen applies them through the session service."""

from __future__ import annotations

from typing import Any

from textual.dom import NoScreen
from textual.message import Message
from textual.widget import Widget


class AnswerEdited(Message):
    """The consultant changed the answer to a question (value already fits the question's kind)."""

    def __init__(self, question_id: str, value: Any) -> None:
        super().__init__()
        self.question_id = question_id
        self.value = value


class NotesEdited(Message):
    """The consultant changed the free notes on a question."""

    def __init__(self, question_id: str, notes: str) -> None:
        super().__init__()
        self.question_id = question_id
        self.notes = notes


class TypedAside(Message):
    """Words typed into an answer that takes options: they belong in the question's notes, not in its answer.
    ``kept``: the option their first words named and picked ("no, we keep EMIS": "No"), "" when none was kept."""

    def __init__(self, question_id: str, text: str, *, kept: str = "") -> None:
        super().__init__()
        self.question_id = question_id
        self.text = text
        self.kept = kept


class QuestionChosen(Message):
    """The consultant picked a question to go to (navigator, summary, search)."""

    def __init__(self, question_id: str) -> None:
        super().__init__()
        self.question_id = question_id


class StoryChosen(Message):
    """The consultant picked a story to open in the editor."""

    def __init__(self, story_id: str) -> None:
        super().__init__()
        self.story_id = story_id


def tell_screen(widget: Widget, message: Message) -> None:
    """Post ``message`` to the screen that ``widget`` is on (nowhere once it is taken off it)."""
    try:
        screen = widget.screen
    except NoScreen:
        return
    screen.post_message(message)
