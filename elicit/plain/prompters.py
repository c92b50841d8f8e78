"""How plain mode reads a reply: the interface, and the line-by-line reader.

The interview loop asks a :class:`Prompter` for replies and never knows
whether questionary draws a list on a terminal or a plain line is read from
a pipe, a dumb terminal or a screen reader's console.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TextIO

from elicit.core.banks import Question
from elicit.core.session import has_value

from .line_reader import LineReader
from .output import Console, editable_answer

LINE_MARKER = "> "
ESCAPE = "\x1b"


class Escaped(Exception):
    """Escape was pressed at a prompt that can be left: a field of a story or a follow-up, a list to pick from.

    At an interview question itself Escape does nothing (it is never a prefix that eats the next key).
    """


@dataclass(frozen=True, slots=True)
class Picked:
    """A value chosen from a list (already typed: an option, a list, a bool, an int)."""

    value: Any


Reply = Picked | str
"""What a prompt returns: a picked value, or the text typed (maybe a /command)."""


@dataclass(frozen=True, slots=True)
class QuestionAsk:
    """A question to ask, with its current answer (None if there is none)."""

    question: Question
    current: Any = None


class Prompter(Protocol):
    """Reads the consultant's replies. Ctrl-C raises KeyboardInterrupt; end of input raises EOFError.

    Escape at ``text`` or ``choose`` raises :class:`Escaped`; at ``question`` it does nothing
    (except at the command prompt that / opens from a list, which it leaves: Escaped).
    """

    in_lists: bool
    """Whether some prompts are lists where / must be pressed to type a command."""

    def question(self, ask: QuestionAsk) -> Reply:
        """Ask one interview question in the form its kind needs."""
        ...

    def text(self, message: str, default: str = "") -> str:
        """Ask for a line of text; an empty reply gives ``default``."""
        ...

    def choose(self, message: str, choices: Sequence[tuple[str, Any]], default: Any = None) -> Reply:
        """Ask to pick one of ``choices`` (label, value)."""
        ...


class FirstShown:
    """Runs ``then`` once, when a prompter's first prompt is on the screen (plain mode's ``when_shown``); later calls
    do nothing. Called with or without a sender (prompt_toolkit passes its application to an event's handlers)."""

    def __init__(self, then: Callable[[], None] | None):
        self.then = then

    def __call__(self, *_sender: Any) -> None:
        then, self.then = self.then, None
        if then is not None:
            then()


def scale_points(question: Question) -> list[int]:
    """The points of a scale question, low to high."""
    low = int(question.min if question.min is not None else 1)
    high = int(question.max if question.max is not None else 5)
    return list(range(low, high + 1))


def scale_label(question: Question, point: int) -> str:
    """``1 (not at all)`` at the ends of a labelled scale, else the number."""
    points = scale_points(question)
    if len(question.labels) == 2 and point == points[0]:
        return f"{point} ({question.labels[0]})"
    if len(question.labels) == 2 and point == points[-1]:
        return f"{point} ({question.labels[1]})"
    return str(point)


def input_hint(question: Question) -> str:
    """One line saying what to type for a question's kind ('' for free text)."""
    kind = question.kind
    if kind == "choice":
        return "Type a number or a name."
    if kind == "multi":
        return "Type numbers or names, separated by commas."
    if kind == "yesno":
        return "Type yes or no."
    if kind == "scale":
        points = scale_points(question)
        return f"Type a whole number from {scale_label(question, points[0])} to {scale_label(question, points[-1])}."
    if kind == "number":
        text = "Type a number"
        if question.unit:
            text += f" in {question.unit}"
        if question.min is not None and question.max is not None:
            text += f", from {_number(question.min)} to {_number(question.max)}"
        elif question.min is not None:
            text += f", {_number(question.min)} or more"
        elif question.max is not None:
            text += f", {_number(question.max)} or less"
        return text + "."
    return ""


class LinePrompter:
    """Prints each prompt as whole lines and reads one line per reply (pipes, dumb terminals)."""

    in_lists = False

    def __init__(self, console: Console, stream: TextIO, when_shown: Callable[[], None] | None = None):
        self.console = console
        self.stream = stream
        self.shown = FirstShown(when_shown)
        self.reader = LineReader(stream)
        try:
            self.echo = not stream.isatty()
        except (AttributeError, ValueError):
            self.echo = True

    def question(self, ask: QuestionAsk) -> Reply:
        """Print the question, its options and what to type, then read a line."""
        question = ask.question
        lines = [question.prompt]
        if question.kind in ("choice", "multi"):
            lines.extend(f"  {number}. {option}" for number, option in enumerate(question.options, 1))
        hint = input_hint(question)
        if hint:
            lines.append(hint)
        if has_value(ask.current):
            lines.append(f"Now: {editable_answer(question, ask.current)}. Press Enter to keep it.")
        self.console.say(*lines)
        return self._read().lstrip(ESCAPE)  # Escape typed on a line here does nothing

    def text(self, message: str, default: str = "") -> str:
        """Print the message (with the default, if any) and read a line; a line that starts with Escape raises Escaped."""
        self.console.say(f"{message} (Enter keeps: {default})" if default else message)
        return self._read_or_escape() or default

    def choose(self, message: str, choices: Sequence[tuple[str, Any]], default: Any = None) -> Reply:
        """Print numbered choices; a number, a unique start of a label, or Enter for the default picks one."""
        default_label = next((label for label, value in choices if value == default), None)
        lines = [message]
        lines.extend(f"  {number}. {label}" for number, (label, _value) in enumerate(choices, 1))
        lines.append("Type a number or a name" + (f"; Enter alone: {default_label}." if default_label else "."))
        self.console.say(*lines)
        typed = self._read_or_escape().strip()
        if not typed:
            return Picked(default) if default_label is not None else ""
        if typed.isascii() and typed.isdigit() and 1 <= int(typed) <= len(choices):
            return Picked(choices[int(typed) - 1][1])
        lowered = typed.casefold()
        starting = [value for label, value in choices if label.casefold().startswith(lowered)]
        if len(starting) == 1:
            return Picked(starting[0])
        return typed

    def _read_or_escape(self) -> str:
        line = self._read()
        if line.startswith(ESCAPE):
            raise Escaped
        return line

    def _read(self) -> str:
        self.console.write(LINE_MARKER)
        self.shown()  # the prompt is on the screen (written and flushed) before the wait for the reply
        line = self.reader.readline()
        if not line:
            self.console.say("")
            raise EOFError
        line = line.rstrip("\r\n")
        if self.echo:
            self.console.say(line)
        return line


def _number(value: int | float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
