"""The answer input of a question with options: choice, multiple choice, yes/no, scale."""

from __future__ import annotations

import re
from typing import Any

from rich.text import Text
from textual import events
from textual.widgets import OptionList

from elicit.core.banks import Question

from ...bindings import bindings
from ...messages import AnswerEdited, TypedAside, tell_screen
from ..common.cursor import MarkedOptions


class OptionsAnswer(MarkedOptions, OptionList, inherit_bindings=False):
    """One option (choice, yes/no, scale) or several (multi); digits pick, Backspace clears.

    The start of an option typed picks it too (the first option in the list that it begins: ``y`` Yes, ``n`` No,
    ``not`` Not sure; not on a scale, whose digits are its values). Anything else typed here is a sentence meant
    for somewhere else: the keys since the last pause go to the notes, and what their digits or letters picked is
    undone ("no problem at all" is a note, not No), unless they named an option before a comma or a full stop
    ("no, we keep EMIS" is No, and the sentence goes to the notes).
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

    HELP = """
    A digit picks that option; so does the start of its name (`y` Yes, `n` No, `not` Not sure). A sentence typed
    here goes to the notes; one that starts with an option and a comma (`no, we keep EMIS`) picks it too.
    """
    """Shown by f1 above the keys (the help panel shows a focused widget's HELP): these keys are no bindings."""

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
            self.picked = [value] if value is not None and _holds([v for _, v in self.choices], value) else []
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
        return _holds(self.picked, value)

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

    def _toggled(self, value: Any, picked: list[Any]) -> list[Any]:
        """The multiple-choice ``picked`` after ticking or unticking ``value``; an exclusive option ("Not sure") stands alone."""
        if _holds(picked, value):
            return [v for v in picked if v != value]
        exclusive = self.question.exclusive_options
        if value in exclusive:
            return [value]
        return [v for v in picked if v not in exclusive] + [value]

    def _pick(self, index: int, before: list[Any] | None = None) -> None:
        """Pick the option at ``index``: from what was picked ``before`` a run of typing began, when given (the
        letters of one option's name tick it once, not once per letter)."""
        if not 0 <= index < len(self.choices):
            return
        value = self.choices[index][1]
        if self.multi:
            self.picked = self._toggled(value, self.picked if before is None else before)
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
        numbered = self._option_for(character)
        index = numbered if numbered is not None else self._option_begun((self._run.text if self._run else "") + character)
        if index is not None:
            if self._run is None:
                self._run = _Run(before=list(self.picked), last=event.time)
            self._run.add(character, event.time)
            self._pick(index, None if numbered is not None else self._run.before)
            event.stop()
            event.prevent_default()  # a space inside "Not sure" is part of the name, not Space's pick
        elif character.isalpha():
            self._aside(character, event)
        elif self._run is not None:  # a space or a comma inside what is being typed: wait for the next key
            self._run.add(character, event.time)
            event.stop()
            event.prevent_default()

    def _option_begun(self, typed: str) -> int | None:
        """The first option whose name begins with what was ``typed`` since the last pause (any case), if it begins
        with a letter; never on a scale."""
        if self.question.kind == "scale" or not typed[:1].isalpha():
            return None
        typed = typed.casefold()
        return next((i for i, (label, _) in enumerate(self.choices) if label.casefold().startswith(typed)), None)

    def _option_for(self, character: str) -> int | None:
        """The option a digit picks (a scale's digit is its value)."""
        kind = self.question.kind
        if character.isdigit():
            if kind == "scale":
                return next((i for i, (_, v) in enumerate(self.choices) if v == int(character)), None)
            index = int(character) - 1
            return index if 0 <= index < len(self.choices) else None
        return None

    def _aside(self, character: str, event: events.Key) -> None:
        """Move the words being typed to the notes; undo what their first keys picked, unless those named an option
        before a comma or a full stop ("no, we keep EMIS": No, and the sentence in the notes)."""
        event.stop()
        event.prevent_default()
        run = self._run
        if run is None:
            run = _Run(before=list(self.picked), last=event.time)
        text = run.text + character
        self._run = None
        kept = self.picked != run.before and self._names_an_option(run.text)
        if self.picked != run.before and not kept:
            self.picked = run.before
            self._changed()
        tell_screen(self, TypedAside(self.question.id, text, kept=self.choices[self.highlighted or 0][0] if kept else ""))

    def _names_an_option(self, typed: str) -> bool:
        """Whether ``typed`` is an option's number, its whole name or its first words, then a comma, a full stop or
        the like and nothing but spaces ("no, ", "4. ", "a new product, "; not "no " nor "n, ")."""
        match = _NAMED_THEN_MARK.match(typed)
        if match is None:
            return False
        named = match.group(1).casefold()
        if self._option_for(named) is not None:
            return True
        index = self._option_begun(named)
        if index is None:
            return False
        label = self.choices[index][0].casefold()
        return len(label) == len(named) or not label[len(named)].isalnum()


_NAMED_THEN_MARK = re.compile(r"\s*(\S(?:.*?\S)?)\s*[,.;:!?]\s*$")
"""What was typed before a closing comma, full stop, semicolon, colon, exclamation or question mark (and spaces)."""


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


def _holds(values: list[Any], value: Any) -> bool:
    """Whether ``value`` is among ``values`` as itself: ``True`` is not the scale's 1, nor 1 a yes."""
    return any(v == value and type(v) is type(value) for v in values)
