"""The answer input that fits each kind of question.

Each input knows its question, posts :class:`AnswerEdited` with a value of
the right type when the consultant changes it, and gives its current value
through ``current_value()`` so the screen can commit it before moving on.

The messages go straight to the input's screen (:func:`tell_screen`), which
handles them: bubbled up, a keystroke's answer took one turn of the event
loop per container between the input and the screen (five), and the frame
the key had asked for was drawn in between (issue 18, keystroke row).

A free-text answer is what most questions take, and the first question of a
bank is one: the inputs of the other kinds (:mod:`.options_answer`,
:mod:`.number_answer`) load when a question of their kind first shows, so the
first screen does not pay for their widget classes (issue 18, start-up).
"""

from __future__ import annotations

from typing import Any

from textual.widget import Widget
from textual.widgets import TextArea

from elicit.core.banks import Question

from ...messages import AnswerEdited, NotesEdited, tell_screen
from ..common.editor import Editor


class TextAnswer(Editor):
    """Free text, several lines."""

    DEFAULT_CSS = """
    TextAnswer {
        height: auto;
        min-height: 5;
        max-height: 12;
        border: round $primary 50%;
        padding: 0 1;
    }

    TextAnswer:focus {
        border: round $primary;
    }
    """

    def __init__(self, question: Question, value: Any) -> None:
        super().__init__("" if value is None else str(value), id="answer", classes="answer-input")
        self.question = question
        self.border_title = "Answer"

    def current_value(self) -> Any:
        return self.text

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        tell_screen(self, AnswerEdited(self.question.id, self.text))


class NotesEditor(Editor):
    """Free notes on the current question (not part of the answer)."""

    DEFAULT_CSS = """
    NotesEditor {
        height: auto;
        min-height: 3;
        max-height: 6;
        border: round $secondary 40%;
        padding: 0 1;
    }

    NotesEditor:focus {
        border: round $secondary;
    }
    """

    def __init__(self, question: Question, notes: str) -> None:
        super().__init__(notes, id="notes")
        self.question = question
        self.border_title = "Notes"

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        tell_screen(self, NotesEdited(self.question.id, self.text))


def answer_input(question: Question, value: Any) -> Widget:
    """The input widget for a question's kind."""
    if question.kind == "text":
        return TextAnswer(question, value)
    if question.kind == "number":
        from .number_answer import NumberAnswer

        return NumberAnswer(question, value)
    from .options_answer import OptionsAnswer

    return OptionsAnswer(question, value)
