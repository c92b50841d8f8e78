"""Dates as people write them in a statement ("1 March 2027", "March 1st", "the end of June", "2027-03-01",
"1/3/2027"), each read as one word: the day, month and year it gives, the parts it leaves out unknown.

A statement's date is one thing, as a number is ("Go live on 1 March" / "Go live on 15 April"), however many
words it takes; the statement rules (``statements``) compare them as such. Days of the week are not dates here:
"on Mondays" / "on Fridays" name days something is done, and both can be. A numeric date is read day first
("1/3/2027" is 1 March), as in British English, unless its second number cannot be a month ("3/15/2027").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from elicit.core.text import MONTHS

DATE_MARK = "@"
"""The first character of a date read as a word (``@2027-03-01``, ``@?-06-?``): no other word starts with it."""

_MONTH_OF = {name.casefold(): number for number, name in enumerate(MONTHS, start=1)}
_MONTH_OF |= {name[:3]: number for name, number in list(_MONTH_OF.items())} | {"sept": 9}
_MONTH = r"(?:" + "|".join(sorted(_MONTH_OF, key=len, reverse=True)) + r")\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"\d{4}"
_DATE = re.compile(
    rf"""
    (?P<iso>\b{_YEAR}-\d{{1,2}}(?:-\d{{1,2}})?\b)
    |(?P<numeric>\b\d{{1,2}}[/.]\d{{1,2}}[/.](?:\d{{4}}|\d{{2}})\b)
    |(?P<day_month>\b{_DAY}(?:\s+of)?\s+{_MONTH}(?![a-z])(?:,?\s+{_YEAR}\b)?)
    |(?P<month_day>\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?)
    |(?P<month>\b{_MONTH}(?![a-z])(?:,?\s+{_YEAR}\b)?)
    """,
    re.VERBOSE,
)
_SHORT = frozenset(name for name in _MONTH_OF if len(name) <= 3) | {"sept"}
"""Short names ("mar", "jan", "sept", "may"): other words too when they stand alone ("we may", "Jan")."""
_BEFORE_MAY = frozenset({"in", "by", "of", "until", "till", "from", "since", "before", "after", "end", "early", "late", "mid", "next", "last", "this"})
"""Words after which "may" alone is the month ("in May", "the end of May"), not "we may"."""


class Date(NamedTuple):
    """A date as written: 0 for a part it does not give."""

    year: int = 0
    month: int = 0
    day: int = 0

    def word(self) -> str:
        """The date as one word: ``@2027-03-01``, ``@?-06-?`` (the end of June)."""
        parts = [str(part) if part else "?" for part in self]
        return DATE_MARK + "-".join((parts[0], parts[1].zfill(2) if self.month else "?", parts[2].zfill(2) if self.day else "?"))


def read_date(word: str) -> Date | None:
    """The date a word of :func:`dated_words` stands for, or None for any other word."""
    if not word.startswith(DATE_MARK):
        return None
    year, month, day = (int(part) if part.isdigit() else 0 for part in word[1:].split("-"))
    return Date(year, month, day)


def dates_differ(first: Date, second: Date) -> bool:
    """Whether two dates cannot be one: a part both give differs ("1 March" / "15 March"; not "March" / "1 March")."""
    return any(mine and theirs and mine != theirs for mine, theirs in zip(first, second, strict=True))


def dated_words(text: str, words: re.Pattern[str]) -> Iterator[str]:
    """The words of a lower-case ``text`` as ``words`` finds them, each date in it one word (:meth:`Date.word`)."""
    at = 0
    for found in _DATE.finditer(text):
        date = _date(found, text)
        if date is None:
            continue
        yield from words.findall(text, at, found.start())
        yield date.word()
        at = found.end()
    yield from words.findall(text, at)


def _date(found: re.Match[str], text: str) -> Date | None:
    """The date a match of ``_DATE`` gives, or None when it cannot be one (a 13th month, a month's name that is
    another word here)."""
    numbers = [int(number) for number in re.findall(r"\d+", found.group())]
    if found.lastgroup == "iso":
        return _valid(numbers[0], numbers[1], numbers[2] if len(numbers) > 2 else 0)
    if found.lastgroup == "numeric":
        day, month, year = numbers
        if month > 12 >= day:
            day, month = month, day
        return _valid(year + 2000 if year < 100 else year, month, day)
    name = next(word for word in re.findall(r"[a-z]+", found.group()) if word in _MONTH_OF)
    if found.lastgroup != "month":
        return _valid(numbers[1] if len(numbers) > 1 else 0, _MONTH_OF[name], numbers[0])
    if not numbers and not _month_alone(name, text, found.start()):
        return None
    return _valid(numbers[0] if numbers else 0, _MONTH_OF[name], 0)


def _month_alone(name: str, text: str, at: int) -> bool:
    """Whether a month's name with no day or year is the month: a full name ("March"), "May" after a word that
    leads to a time ("in May", "the end of May"; not "we may"), never an abbreviation ("Jan")."""
    if name not in _SHORT:
        return True
    return name == "may" and _word_before(text, at) in _BEFORE_MAY


def _valid(year: int, month: int, day: int) -> Date | None:
    """The date when its month and day can be ones (0 for a part not given), else None (a number, not a date)."""
    if not 1 <= month <= 12 or day > 31:
        return None
    return Date(year, month, day)


def _word_before(text: str, at: int) -> str:
    found = re.search(r"([a-z]+)\W*$", text[:at])
    return found.group(1) if found else ""
