"""Turning typed text into answer values for each question kind, and back."""

from __future__ import annotations

import math
import re
from typing import Any

from elicit.core.banks.models import Question
from elicit.core.findings import ElicitError, did_you_mean
from elicit.core.text import clip

YES = ("yes", "y", "true", "1")
NO = ("no", "n", "false", "0")
_MULTI_SEPARATOR = re.compile(r"\s*[,;]\s*")


def parse_answer(question: Question, text: str) -> Any:
    """The value of ``text`` as an answer to ``question``; raise ElicitError if it does not fit."""
    kind = question.kind
    if kind == "text":
        return text
    stripped = text.strip()
    if kind == "choice":
        return match_option(question, stripped)
    if kind == "multi":
        if not stripped:
            return []
        chosen: list[str] = []
        for part in _MULTI_SEPARATOR.split(stripped):
            if part:
                option = match_option(question, part)
                if option not in chosen:
                    chosen.append(option)
        return chosen
    if kind == "yesno":
        lowered = stripped.lower()
        if lowered in YES:
            return True
        if lowered in NO:
            return False
        raise ElicitError(f"'{question.id}' is a yes/no question; answer yes or no, not '{_short(text)}'")
    if kind == "scale":
        try:
            value = int(stripped)
        except ValueError:
            raise ElicitError(f"'{question.id}' is a scale from {question.min} to {question.max}; give a whole number") from None
        check_range(question, value)
        return value
    if kind == "number":
        number: int | float
        try:
            number = float(stripped.replace(",", "")) if not re.fullmatch(r"-?\d+", stripped) else int(stripped)
        except ValueError:
            raise ElicitError(f"'{question.id}' takes a number, not '{_short(text)}'") from None
        if isinstance(number, float) and not math.isfinite(number):
            raise ElicitError(f"'{question.id}' takes a finite number")
        check_range(question, number)
        return number
    raise ElicitError(f"unknown question kind '{kind}'")


def match_option(question: Question, text: str) -> str:
    """The option ``text`` names: exactly, ignoring case, by number or by unique prefix."""
    options = question.options
    for option in options:
        if option == text:
            return option
    lowered = text.casefold()
    for option in options:
        if option.casefold() == lowered:
            return option
    if text.isdecimal() and 1 <= int(text) <= len(options):
        return options[int(text) - 1]
    starting = [option for option in options if option.casefold().startswith(lowered)] if lowered else []
    if len(starting) == 1:
        return starting[0]
    hint = did_you_mean(text, options) or "options are: " + ", ".join(f"{i}. {o}" for i, o in enumerate(options, 1))
    raise ElicitError(f"'{_short(text)}' is not an option of '{question.id}'; {hint}")


def check_range(question: Question, value: int | float) -> None:
    """Raise ElicitError if a number lies outside the question's range."""
    if question.min is not None and value < question.min:
        raise ElicitError(f"'{question.id}' takes {question.min} or more, not {value}")
    if question.max is not None and value > question.max:
        raise ElicitError(f"'{question.id}' takes {question.max} or less, not {value}")


def answer_text(value: Any) -> str:
    """An answer value as text to edit and type back: ``yes``, ``Email, Chat``, ``8``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def format_answer(question: Question | None, value: Any) -> str:
    """An answer value as text for people: ``8 hours``, ``4 of 5``."""
    text = answer_text(value)
    if not text or question is None or isinstance(value, (bool, list)):
        return text
    if question.kind == "number" and question.unit:
        return f"{text} {question.unit}"
    if question.kind == "scale" and question.max is not None:
        return f"{text} of {question.max}"
    return text


def has_value(value: Any) -> bool:
    """Whether an answer value says anything (not None, not blank text, not an empty list)."""
    if value is None:
        return False
    if isinstance(value, str):
        return value.strip() != ""
    if isinstance(value, list):
        return len(value) > 0
    return True


def _short(text: str) -> str:
    return clip(text, 40, one_line=True)
