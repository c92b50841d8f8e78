"""The answer input that fits each kind of question.

Each input knows its question, posts :class:`AnswerEdited` with a value of
the right type when the consultant changes it, and gives its current value
through ``current_value()`` so the screen can commit it before moving on.

The messages go straight to the input's screen (:func:`tell_screen`), which
handles them: bubbled up, a keystroke's answer took one turn of the event
loop per container between the input and the screen (five), and the frame
the key had asked for was drawn in between (issue 18, keystroke row).
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.dom import NoScreen
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList, Static, TextArea

from elicit.core.banks import Question
from elicit.core.findings import ElicitError
from elicit.core.session import check_range, format_answer, number_in_words, parse_answer

from ...bindings import bindings
from ...messages import AnswerEdited, NotesEdited, TypedAside
from ..common.fields import Editor, Field


def tell_screen(widget: Widget, message: Message) -> None:
    """Post ``message`` to the screen that ``widget`` is on (nowhere once it is taken off it)."""
    try:
        screen = widget.screen
    except NoScreen:
        return
    screen.post_message(message)


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


class OptionsAnswer(OptionList, inherit_bindings=False):
    """One option (choice, yes/no, scale) or several (multi); digits pick, Backspace clears.

    A word typed here is a sentence meant for somewhere else: the keys since the
    last pause go to the notes, and what their digits or y/n picked is undone.
    """

    DEFAULT_CSS = """
    OptionsAnswer {
        height: auto;
        max-height: 14;
        border: round $primary 50%;
    }

    OptionsAnswer:focus {
        border: round $primary;
    }
    """

    BINDINGS = bindings("answer")
    """Its own keys only (``inherit_bindings=False``): f1 opened with Textual's keys of a scrolling list ('Scroll
    Left', 'Page Right': nothing scrolls sideways here) before those of an answer (trial2 T24)."""

    def __init__(self, question: Question, value: Any) -> None:
        self.question = question
        self.multi = question.kind == "multi"
        self.choices: list[tuple[str, Any]] = _choices(question)
        if self.multi:
            self.picked: list[Any] = [v for _, v in self.choices if isinstance(value, list) and v in value]
        else:
            self.picked = [value] if value is not None and any(v == value and type(v) is type(value) for _, v in self.choices) else []
        super().__init__(*self._prompts(), id="answer", classes="answer-input")
        self._run: _Run | None = None
        self.border_title = "Answer" + (" · Space picks several" if self.multi else "")
        if self.picked:
            first = next(i for i, (_, v) in enumerate(self.choices) if v in self.picked)
            self.highlighted = first

    def current_value(self) -> Any:
        if self.multi:
            return [v for _, v in self.choices if v in self.picked]
        return self.picked[0] if self.picked else None

    def _is_picked(self, value: Any) -> bool:
        return any(v == value and type(v) is type(value) for v in self.picked)

    def _prompts(self) -> list[Text]:
        prompts = []
        for index, (label, value) in enumerate(self.choices):
            on = self._is_picked(value)
            if self.multi:
                mark = "[x]" if on else "[ ]"
            else:
                mark = "(•)" if on else "( )"
            number = f"{index + 1}." if index < 9 and self.question.kind != "scale" else ""
            prompts.append(Text.assemble((mark, "bold green" if on else "dim"), " ", (number, "dim"), " " if number else "", label))
        return prompts

    def _toggled(self, value: Any) -> list[Any]:
        """The multiple-choice picks after ticking or unticking ``value``; an exclusive option ("Not sure") stands alone."""
        if self._is_picked(value):
            return [v for v in self.picked if v != value]
        exclusive = self.question.exclusive_options
        if value in exclusive:
            return [value]
        return [v for v in self.picked if v not in exclusive] + [value]

    def _pick(self, index: int) -> None:
        if not 0 <= index < len(self.choices):
            return
        value = self.choices[index][1]
        if self.multi:
            self.picked = self._toggled(value)
        else:
            self.picked = [value]
        self.highlighted = index
        self._changed()

    def _changed(self) -> None:
        for index, prompt in enumerate(self._prompts()):
            self.replace_option_prompt_at_index(index, prompt)
        tell_screen(self, AnswerEdited(self.question.id, self.current_value()))

    def action_pick(self) -> None:
        if self.highlighted is not None:
            self._pick(self.highlighted)

    def action_clear(self) -> None:
        if self.picked:
            self.picked = []
            self._changed()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._pick(event.option_index)

    def on_key(self, event: events.Key) -> None:
        character = event.character or ""
        if not event.is_printable:
            self._run = None
            return
        if self._run is not None and event.time - self._run.last > RUN_PAUSE_SECONDS:
            self._run = None
        index = self._option_for(character)
        if index is not None:
            if self._run is None:
                self._run = _Run(before=list(self.picked), last=event.time)
            self._run.add(character, event.time)
            self._pick(index)
            event.stop()
        elif character.isalpha():
            self._aside(character, event)
        elif self._run is not None:  # a space or a comma inside what is being typed: wait for the next key
            self._run.add(character, event.time)
            event.stop()
            event.prevent_default()

    def _option_for(self, character: str) -> int | None:
        """The option a key picks: y/n on a yes/no question, a digit elsewhere (a scale's digit is its value)."""
        kind = self.question.kind
        if kind == "yesno" and character.lower() in ("y", "n"):
            return 0 if character.lower() == "y" else 1
        if character.isdigit():
            if kind == "scale":
                return next((i for i, (_, v) in enumerate(self.choices) if v == int(character)), None)
            index = int(character) - 1
            return index if 0 <= index < len(self.choices) else None
        return None

    def _aside(self, character: str, event: events.Key) -> None:
        """Move the words being typed to the notes; undo what their first keys picked."""
        event.stop()
        event.prevent_default()
        run = self._run
        if run is None:
            run = _Run(before=list(self.picked), last=event.time)
        text = run.text + character
        self._run = None
        if self.picked != run.before:
            self.picked = run.before
            self._changed()
        tell_screen(self, TypedAside(self.question.id, text))


RUN_PAUSE_SECONDS = 1.5
"""Keys closer together than this are one piece of typing (a word, a sentence)."""


class _Run:
    """The printable keys typed into an options answer since the last pause, and the picks before them."""

    def __init__(self, *, before: list[Any], last: float) -> None:
        self.before = before
        self.last = last
        self.text = ""

    def add(self, character: str, time: float) -> None:
        self.text += character
        self.last = time


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
            self._value = None
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
        value = number_in_words(text)
        if value is not None:
            try:
                check_range(self.question, value)
            except ElicitError as out_of_range:
                error, value = out_of_range, None
        if value is None:
            message = str(error).split("; ")[0].replace(f"'{self.question.id}' ", "this question ")
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


def _choices(question: Question) -> list[tuple[str, Any]]:
    if question.kind == "yesno":
        return [("Yes", True), ("No", False)]
    if question.kind == "scale":
        low = int(question.min if question.min is not None else 1)
        high = int(question.max if question.max is not None else 5)
        choices: list[tuple[str, Any]] = []
        for point in range(low, high + 1):
            label = str(point)
            if question.labels and point == low:
                label += f"  {question.labels[0]}"
            elif len(question.labels) > 1 and point == high:
                label += f"  {question.labels[1]}"
            choices.append((label, point))
        return choices
    return [(option, option) for option in question.options]


def answer_input(question: Question, value: Any) -> Widget:
    """The input widget for a question's kind."""
    if question.kind == "text":
        return TextAnswer(question, value)
    if question.kind == "number":
        return NumberAnswer(question, value)
    return OptionsAnswer(question, value)
