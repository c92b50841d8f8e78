"""The answer input of a number question: checked against the question's range as it is typed."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from elicit.core.banks import Question
from elicit.core.findings import ElicitError
from elicit.core.session import check_range, format_answer, number_in_words, other_time_unit, parse_answer

from ...messages import AnswerEdited, tell_screen
from ..common.fields import Field


class NumberAnswer(Widget):
    """A number, checked against the question's range as it is typed."""

    DEFAULT_CSS = """
    NumberAnswer {
        height: auto;
        border: round $primary 50%;
        padding: 0 1;
    }

    NumberAnswer:focus-within {
        border: round $primary;
    }

    NumberAnswer #number-row {
        height: 1;
    }

    NumberAnswer #number-row Input {
        border: none;
        height: 1;
        width: 24;
        padding: 0 1;
        background: $boost;
    }

    NumberAnswer #number-unit {
        padding: 0 1;
    }

    NumberAnswer #number-help {
        color: $text-muted;
    }

    NumberAnswer #number-help.-invalid {
        color: $error;
    }
    """

    def __init__(self, question: Question, value: Any) -> None:
        super().__init__(id="answer-number", classes="answer-input")
        self.question = question
        self._initial = "" if value is None else format_answer(None, value)
        self._value = value
        self._before = value  # what "the answer stays" means: its value before this edit (none once emptied)
        self._words = ""
        self.border_title = "Answer"

    def compose(self) -> ComposeResult:
        with Horizontal(id="number-row"):
            # No restrict: a filter let through the e's, commas and spaces of a sentence typed here by mistake
            # ('40e e , e .'); the text stays as typed and the help line says it is not a number (trial F4).
            yield Field(self._initial, placeholder="a number", id="answer")
            if self.question.unit:
                yield Label(self.question.unit, id="number-unit")
        yield Static(self._range_text(), id="number-help")

    def _range_text(self) -> str:
        low, high = self.question.min, self.question.max
        if low is not None and high is not None:
            return f"from {format_answer(None, low)} to {format_answer(None, high)}"
        if low is not None:
            return f"{format_answer(None, low)} or more"
        if high is not None:
            return f"{format_answer(None, high)} or less"
        return ""

    def focus(self, scroll_visible: bool = True) -> NumberAnswer:
        self.query_one(Field).focus(scroll_visible)
        return self

    def current_value(self) -> Any:
        return self._value

    def words(self) -> str:
        """What was typed when it is more than a number (``about 150``): the screen keeps it in the notes."""
        return self._words

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        help_line = self.query_one("#number-help", Static)
        text = event.value.strip()
        self._words = ""
        if not text:
            self._value = self._before = None
            help_line.update(self._range_text())
            help_line.remove_class("-invalid")
            tell_screen(self, AnswerEdited(self.question.id, None))
            return
        try:
            value = parse_answer(self.question, text)
        except ElicitError as error:
            self._words = text  # the client's words are never dropped (trial2 T7): they go to the notes
            self._take_number_in_words(text, error)
            return
        # A comma can mean thousands (1,200) or decimals (1,5): say how it was read (trial2 T6).
        read = f"read as {format_answer(self.question, value)}" if "," in text else ""
        help_line.update("; ".join(part for part in (read, self._range_text()) if part))
        help_line.remove_class("-invalid")
        self._value = value
        tell_screen(self, AnswerEdited(self.question.id, value))

    def _take_number_in_words(self, text: str, error: ElicitError) -> None:
        """``about 150``: 150 is the answer and the words go to the notes; words with no one number in range
        go to the notes and the answer stays as it was."""
        help_line = self.query_one("#number-help", Static)
        unit = self.question.unit
        value = number_in_words(text, unit)
        if value is not None:
            try:
                check_range(self.question, value)
            except ElicitError as out_of_range:
                error, value = out_of_range, None
        if value is None:
            if self._value != self._before:  # 'about 120' was one number a keystroke ago, ', 150 …' makes two
                self._value = self._before  # (trial5 T5-1): no number half typed is left as the answer
                tell_screen(self, AnswerEdited(self.question.id, self._before))
            message = str(error).split("; ")[0].replace(f"'{self.question.id}' ", "this question ")
            if other := other_time_unit(text, unit):  # '30 minutes' for hours: never read as 30 hours (trial5 T5-2)
                message = f"this question is in {unit}, not {other}: type the number in {unit}"
            kept = "" if self._value is None else f"; the answer stays {format_answer(None, self._value)}"
            help_line.update(Content(message + kept + "; your words go to the notes"))
            help_line.add_class("-invalid")
            return
        help_line.update(Content(f"answer {format_answer(self.question, value)}; your words go to the notes"))
        help_line.remove_class("-invalid")
        self._value = value
        tell_screen(self, AnswerEdited(self.question.id, value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
