"""Prompts drawn by questionary on a real terminal: text, select, checkbox, confirm.

In lists and yes/no prompts the / key opens a one-line command prompt
(prefilled with /), so every command works at every prompt; typing an answer
there instead of a command works too.

Escape is bound on its own (eagerly), so it is never prompt_toolkit's meta
prefix that would eat the next key (Escape then "/cancel" must not become
"cancel"): at a field of a story or a follow-up and in a pick list it leaves
the prompt (:class:`~elicit.plain.prompters.Escaped`); at an interview
question it does nothing.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

import questionary
from prompt_toolkit.document import Document
from prompt_toolkit.filters import Condition
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.styles import Style

from elicit.core.session import has_value

from .output import editable_answer, prompt_parts, terminal_width
from .prompters import Escaped, FirstShown, Picked, QuestionAsk, Reply, scale_label, scale_points

QUESTION_MARK = ""
LARGEST_SCALE_LIST = 11
LARGEST_SHORTCUT_LIST = 9
_SLASH = object()
_ESCAPE = object()
_LEFT_OPEN = object()


class _Typed(str):
    """Text typed at the command prompt that / opens from a list (not a picked value)."""


_STYLE_CLASSES = ("qmark", "question", "answer", "pointer", "highlighted", "selected", "separator", "instruction", "text", "disabled")


def plain_style() -> Style | None:
    """A style with every questionary colour and attribute off when NO_COLOR is set."""
    if not os.environ.get("NO_COLOR"):
        return None
    return Style([(name, "noinherit") for name in _STYLE_CLASSES])


class QuestionaryPrompter:
    """Asks with questionary; ``options`` (input=, output=) go to prompt_toolkit, for tests. ``when_shown`` runs once
    the first prompt is drawn."""

    in_lists = True

    def __init__(self, *, when_shown: Callable[[], None] | None = None, width: int | None = None, **options: Any):
        self.options = options
        self.width = width
        """Columns the prompts are broken to fit, between words; None: the terminal's width (none into a pipe)."""
        self.style = plain_style()
        self.shown = FirstShown(when_shown)

    def question(self, ask: QuestionAsk) -> Reply:
        """Ask one interview question with the prompt its kind needs."""
        question = ask.question
        kind = question.kind
        if kind == "choice":
            default = ask.current if ask.current in question.options else None
            return self._pick(question.prompt, [(option, option) for option in question.options], default, escape_leaves=False, open_on_enter=True)
        if kind == "multi":
            current = ask.current if isinstance(ask.current, list) else []
            choices = [questionary.Choice(option, value=option, checked=option in current) for option in question.options]
            message, instruction = self._fit(question.prompt, "(space marks, Enter confirms, / for a command)")
            prompt = questionary.checkbox(message, choices=choices, qmark=QUESTION_MARK, style=self.style, instruction=instruction, **self.options)
            return _reply(self._ask(prompt, with_slash=True, escape_leaves=False))
        if kind == "yesno":
            return self._yes_no(question.prompt, ask.current)
        if kind == "scale" and len(scale_points(question)) <= LARGEST_SCALE_LIST:
            points = scale_points(question)
            default = ask.current if ask.current in points else None
            return self._pick(question.prompt, [(scale_label(question, point), point) for point in points], default, escape_leaves=False, open_on_enter=True)
        kept = editable_answer(question, ask.current) if has_value(ask.current) else ""
        return self._line(question.prompt, keep=kept, escape_leaves=False)

    def text(self, message: str, default: str = "") -> str:
        """One line of text; Enter alone gives ``default`` (shown, and brought back to edit by the Up arrow); Escape raises Escaped."""
        return self._line(message, keep=default, escape_leaves=True) or default

    def choose(self, message: str, choices: Sequence[tuple[str, Any]], default: Any = None) -> Reply:
        """A select list of (label, value); Escape raises Escaped."""
        return self._pick(message, list(choices), default, escape_leaves=True)

    def _line(self, message: str, *, keep: str = "", start: str = "", escape_leaves: bool) -> str:
        """A line typed after ``start``; ``keep`` (what Enter alone keeps) is said, never put in the line.

        A kept text in the line itself was typed onto: '/story' after a current answer was saved as
        'answer/story', a story pasted after a suggested role became 'patientAs a …' (trial2 T12, T13).
        The Up arrow brings it back to edit.
        """
        message, instruction = self._fit(message, f"(Enter keeps: {keep}; Up arrow edits it)" if keep else None)
        prompt = questionary.text(message, default=start, qmark=QUESTION_MARK, style=self.style, instruction=instruction, **self.options)
        return str(self._ask(prompt, with_slash=False, escape_leaves=escape_leaves, recall=keep))

    def _pick(self, message: str, choices: list[tuple[str, Any]], default: Any, *, escape_leaves: bool, open_on_enter: bool = False) -> Reply:
        """A select list. With ``open_on_enter`` (an interview question with no answer yet) Enter before any
        other key leaves the question open, as on every other kind: the list points at its first option, and
        Enter used to pick it, an answer the client never gave (trial6 T6-1)."""
        shortcuts = len(choices) <= LARGEST_SHORTCUT_LIST
        kept = default if any(value == default for _label, value in choices) else None
        open_on_enter = open_on_enter and kept is None
        how = "arrows or number" if shortcuts else "arrows"
        message, instruction = self._fit(
            message, f"({how}, then Enter picks; Enter alone leaves it open; / for a command)" if open_on_enter else f"({how}, Enter picks, / for a command)"
        )
        prompt = questionary.select(
            message,
            choices=[questionary.Choice(label, value=value) for label, value in choices],
            default=kept,
            qmark=QUESTION_MARK,
            style=self.style,
            use_shortcuts=shortcuts,
            use_jk_keys=not shortcuts,
            instruction=instruction,
            **self.options,
        )
        return _reply(self._ask(prompt, with_slash=True, escape_leaves=escape_leaves, open_on_enter=open_on_enter))

    def _yes_no(self, message: str, current: Any) -> Reply:
        default = current if isinstance(current, bool) else None
        keeps = "" if default is None else f", Enter keeps {'yes' if default else 'no'}"
        message, instruction = self._fit(message, f"(y or n{keeps}, / for a command) ")
        prompt = questionary.confirm(
            message,
            default=default,  # type: ignore[arg-type]  # None: Enter alone gives no answer
            qmark=QUESTION_MARK,
            style=self.style,
            instruction=instruction,
            **self.options,
        )
        result = self._ask(prompt, with_slash=True, escape_leaves=False)
        return "" if result is None else _reply(result)

    def _fit(self, message: str, instruction: str | None) -> tuple[str, str | None]:
        """The message and instruction broken between words to fit the terminal (it cut them mid-word, T7-8)."""
        return prompt_parts(message, instruction, self.width if self.width is not None else terminal_width(sys.stdout))

    def _ask(self, prompt: questionary.Question, *, with_slash: bool, escape_leaves: bool, recall: str = "", open_on_enter: bool = False) -> Any:
        bindings = KeyBindings()

        if open_on_enter:
            untouched = [True]

            def _touched(_processor: Any) -> None:
                untouched[0] = False  # an arrow or a digit moved the pointer: Enter picks from now on

            prompt.application.key_processor.after_key_press += _touched

            @bindings.add("enter", eager=True, filter=Condition(lambda: untouched[0]))
            def _leave_open(event: Any) -> None:
                event.app.exit(result=_LEFT_OPEN)

        if recall:

            @bindings.add("up", eager=True)
            def _recall(event: Any) -> None:
                event.current_buffer.document = Document(recall)  # the kept text, to edit (cursor at its end)

        @bindings.add("escape", eager=True)
        def _escape(event: Any) -> None:
            if escape_leaves:
                event.app.exit(result=_ESCAPE)

        if with_slash:

            @bindings.add("/", eager=True)
            def _command(event: Any) -> None:
                event.app.exit(result=_SLASH)

        prompt.application.key_bindings = merge_key_bindings([prompt.application.key_bindings or KeyBindings(), bindings])
        if self.shown.then is not None:
            prompt.application.after_render += self.shown  # once the prompt is drawn
        result = prompt.unsafe_ask()
        if result is _ESCAPE:
            raise Escaped
        if result is _SLASH:
            return _Typed(self._line("Command (or type the answer):", start="/", escape_leaves=True))
        if result is _LEFT_OPEN:
            return _Typed("")
        return result


def _reply(result: Any) -> Reply:
    return str(result) if isinstance(result, _Typed) else Picked(result)
