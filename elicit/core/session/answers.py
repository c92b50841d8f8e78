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
_MULTI_SEPARATOR = r"\s*[,;]\s*"  # this and the number patterns are compiled on first use (re keeps them)


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
        for part in re.split(_MULTI_SEPARATOR, stripped):
            if part:
                option = match_option(question, part)
                if option not in chosen:
                    chosen.append(option)
        check_exclusive(question, chosen)
        return chosen
    if kind == "yesno":
        lowered = stripped.lower()
        if lowered in YES:
            return True
        if lowered in NO:
            return False
        raise ElicitError(f"this is a yes/no question; answer yes or no, not '{_short(text)}'")
    if kind == "scale":
        try:
            value = int(stripped)
        except ValueError:
            raise ElicitError(f"this question is a scale from {question.min} to {question.max}; give a whole number") from None
        check_range(question, value)
        return value
    if kind == "number":
        return _number_answer(question, text)
    raise ElicitError(f"unknown question kind '{kind}'")


_THOUSANDS = r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d*)?"
_DECIMAL_COMMA = r"[-+]?\d*,(?:\d{1,2}|\d{4,})"
NUMBER_HINT = "write one and a half as 1.5 or 1,5, twelve hundred as 1200 or 1,200"


def _number_answer(question: Question, text: str) -> int | float:
    number = parse_number(text)
    if number is None:
        hint = f"; {NUMBER_HINT}" if "," in text else ""
        raise ElicitError(f"this question takes a number, not '{_short(text)}'{hint}")
    check_range(question, number)
    return number


def parse_number(text: str) -> int | float | None:
    """A typed number, or None: ``1,200`` and ``1e3`` read as whole numbers stay integers (1200, 1000); ``2.5`` stays 2.5.

    A comma is a thousands separator only where it makes groups of three (``1,200``, ``12,345.5``); a single comma
    that cannot be one is a decimal comma (``1,5`` and ``0,75`` are 1.5 and 0.75), so a European "one comma five"
    is never read ten times bigger. Any other comma (``1.200,5``, ``1234,567``, ``1,2,3``) is not a number.
    The one rule for numbers everywhere (app, plain mode, CLI): a whole number is stored as an integer.
    """
    stripped = text.strip().replace("_", "")
    if "," in stripped:
        if re.fullmatch(_THOUSANDS, stripped):
            stripped = stripped.replace(",", "")
        elif re.fullmatch(_DECIMAL_COMMA, stripped):
            stripped = stripped.replace(",", ".")
        else:
            return None
    if re.fullmatch(r"[-+]?\d+", stripped):
        return int(stripped)
    try:
        value = float(stripped)
    except ValueError:
        return None
    if not math.isfinite(value):
        return None
    return whole_number(value)


_WORD_EDGES = "~≈<>()[]?!.,:;'\"“”"
"""Stripped from a word before it is read as a number: ``(150)``, ``150?``, ``120,`` (``120, 150``: two numbers)."""

_TIME_UNITS = {
    "second": "second", "sec": "second", "s": "second",
    "minute": "minute", "min": "minute", "mins": "minute",
    "hour": "hour", "hr": "hour", "hrs": "hour", "h": "hour",
    "day": "day", "daily": "day",
    "week": "week", "wk": "week", "weekly": "week",
    "month": "month", "monthly": "month",
    "year": "year", "yr": "year", "yearly": "year", "annually": "year",
}  # fmt: skip


def _time_units(text: str) -> list[tuple[str, str]]:
    """Each word of ``text`` that names a unit of time, with the unit it names (``30 mins a week``: mins, week)."""
    named = []
    for word in text.split():
        bare = word.strip(_WORD_EDGES).casefold()
        unit = _TIME_UNITS.get(bare) or (_TIME_UNITS.get(bare[:-1]) if bare.endswith("s") and len(bare) > 2 else None)
        if unit is not None:
            named.append((word.strip(_WORD_EDGES), unit))
    return named


def other_time_unit(text: str, unit: str) -> str:
    """The word of ``text`` naming a unit of time that a question asked in ``unit`` does not (``30 minutes``
    for "hours per month": "minutes"), or "". Only for a question whose unit names time itself: "users at once"
    is not contradicted by "in the first hour"."""
    own = {name for _, name in _time_units(unit)}
    if not own:
        return ""
    return next((word for word, name in _time_units(text) if name not in own), "")


def number_in_words(text: str, unit: str = "") -> int | float | None:
    """The one number said among words (``about 150``, ``150 or so``, ``roughly 2,5``: 150, 150, 2.5), or None.

    For a number answer typed as the client said it: the number is the answer,
    the words go to the notes. A text that is a number itself, holds no number
    or several (``100 to 150``, ``about 120, 150 on Mondays``), or glues one to a
    word (``150ish``), gives None; so does a number said in another unit of time
    than the question's ``unit`` (``30 minutes`` for a question in hours: the
    consultant converts it, see :func:`other_time_unit`).
    """
    if parse_number(text) is not None:
        return None
    found = [number for word in text.split() if (number := parse_number(word.strip(_WORD_EDGES) or "x")) is not None]
    if len(found) != 1 or other_time_unit(text, unit):
        return None
    return found[0]


def whole_number(value: int | float) -> int | float:
    """``value`` as an integer when it is a whole number (1000.0 -> 1000), else unchanged."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**63:
        return int(value)
    return value


def check_exclusive(question: Question, chosen: list[str]) -> None:
    """Refuse an exclusive option ("Not sure") picked together with other options."""
    alone = [option for option in chosen if option in question.exclusive_options]
    if alone and len(chosen) > 1:
        raise ElicitError(f"'{alone[0]}' stands alone: pick it on its own, or pick other options without it")


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
    raise ElicitError(f"'{_short(text)}' is not an option; {hint}")


def check_range(question: Question, value: int | float) -> None:
    """Raise ElicitError if a number lies outside the question's range."""
    if question.min is not None and value < question.min:
        raise ElicitError(f"this question takes {_plain_number(question.min)} or more, not {_plain_number(value)}")
    if question.max is not None and value > question.max:
        raise ElicitError(f"this question takes {_plain_number(question.max)} or less, not {_plain_number(value)}")


def stored_value_problem(question: Question, value: Any) -> str | None:
    """Why a value read from a file cannot be an answer to ``question`` (a hand edit, a changed bank), or None."""
    if value is None:
        return None
    check = _STORED_CHECKS.get(question.kind)
    return check(question, value) if check else None


def _text_problem(question: Question, value: Any) -> str | None:
    return None if isinstance(value, str) else "not text"


def _yesno_problem(question: Question, value: Any) -> str | None:
    return None if isinstance(value, bool) else f"{_shown(value)}, not true or false"


def _option_problem(question: Question, value: Any) -> str | None:
    picked = value if question.kind == "multi" and isinstance(value, list) else [value]
    strays = [item for item in picked if not isinstance(item, str) or item not in question.options]
    return f"{_shown(strays[0])}, not one of its options" if strays else None


def _number_problem(question: Question, value: Any) -> str | None:
    scale = question.kind == "scale"
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if not number or (scale and not isinstance(value, int)):
        wanted = f"a whole number from {question.min} to {question.max}" if scale else "a number"
        return f"{_shown(value)}, not {wanted}"
    try:
        check_range(question, value)
    except ElicitError as error:
        return str(error).removeprefix("this question takes ")
    return None


_STORED_CHECKS = {
    "text": _text_problem,
    "yesno": _yesno_problem,
    "choice": _option_problem,
    "multi": _option_problem,
    "scale": _number_problem,
    "number": _number_problem,
}


def _shown(value: Any) -> str:
    return repr(value) if not isinstance(value, str) else f"'{_short(value)}'"


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
    """An answer value as text for people, the same everywhere: ``Yes``, ``Email, Chat``, ``8 hours``,
    ``4 of 5 (1 = a minor nuisance, 5 = it threatens the business)``; whole numbers stay whole."""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    text = answer_text(value)
    if not text or question is None or isinstance(value, list):
        return text
    if question.kind == "number" and question.unit:
        return f"{text} {unit_for(question.unit, value)}"
    if question.kind == "scale" and question.max is not None:
        return f"{text} of {answer_text(question.max)}{_scale_words(question)}"
    return text


def unit_for(unit: str, value: Any) -> str:
    """The unit as it reads after ``value``: "1 hour", "2 hours" (a plural word unit loses its "s" after exactly 1)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) == 1:
        if re.fullmatch(r"[A-Za-z]+[^sS\W]s", unit):
            return unit[:-1]
    return unit


def _scale_words(question: Question) -> str:
    """The bank's words for the ends of a scale: `` (1 = low words, 5 = high words)``, or ""."""
    if len(question.labels) != 2 or question.min is None or question.max is None:
        return ""
    low, high = (label.strip() for label in question.labels)
    return f" ({answer_text(question.min)} = {low}, {answer_text(question.max)} = {high})"


def has_value(value: Any) -> bool:
    """Whether an answer value says anything (not None, not blank text, not an empty list)."""
    if value is None:
        return False
    if isinstance(value, str):
        return value.strip() != ""
    if isinstance(value, list):
        return len(value) > 0
    return True


def _plain_number(value: int | float) -> str:
    return answer_text(whole_number(value))


def _short(text: str) -> str:
    return clip(text, 40, one_line=True)
