"""Problems found in user files, and the errors that carry them.

A finding names the file, the line where known, the key path, what is wrong
and what to do. Front ends print findings; they never show a traceback for a
user's mistake.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in a user's file."""

    code: str
    message: str
    file: str | None = None
    line: int | None = None
    key: str | None = None
    hint: str | None = None

    def format(self) -> str:
        """One line: ``file:line: key: message; hint`` (without the parts it does not have)."""
        text = ""
        if self.file:
            text = f"{self.file}:{self.line}: " if self.line is not None else f"{self.file}: "
        if self.key:
            text += f"{self.key}: "
        text += self.message
        if self.hint:
            text += f"; {self.hint}"
        return text


class ElicitError(Exception):
    """An error caused by the user's input or environment, shown as one line."""


class FindingsError(ElicitError):
    """A file has one or more problems; all of them are listed."""

    def __init__(self, findings: Iterable[Finding]):
        self.findings = list(findings)
        super().__init__("\n".join(f.format() for f in self.findings))


_NUMBERED = r"([A-Za-z]+)-([0-9]+)"  # compiled on the first mistyped id (re keeps it), not at every start-up


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """A hint naming the closest choice to ``word``, or None."""
    choice = closest(word, choices)
    return suggestion([choice]) if choice is not None else None


def suggestion(names: Sequence[str]) -> str:
    """``did you mean 'a'?`` (or ``'a' or 'b'``) for names found by ``closest``."""
    return "did you mean " + " or ".join(f"'{name}'" for name in names) + "?"


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to a mistyped ``word``, or None when none is close.

    A numbered id (``US-007``, ``D-002``, ``OQ-001``) is close only to an id
    with the same prefix and the same number (``us-7``) or a number one typo
    away (``US-070``, ``US-008``); ``US-100`` is close to no ``US-007``, since
    spelling alone makes any two such ids look alike. Case is ignored: a
    typed ``signed`` is as close to ``Signature`` as ``Signed`` is.
    """
    import difflib

    options = list(choices)
    pattern = re.compile(_NUMBERED)
    numbered = pattern.fullmatch(word.strip())
    if numbered:
        shaped = [match for match in map(pattern.fullmatch, options) if match is not None]
        near = sorted((abs(int(m[2]) - int(numbered[2])), m[0]) for m in shaped if _numbers_close(numbered, m))
        return near[0][1] if near else None
    # Case aside (a bank's 'Signature' for a typed 'signed'): the first choice of each folded spelling answers.
    folded: dict[str, str] = {}
    for option in options:
        folded.setdefault(option.casefold(), option)
    close = difflib.get_close_matches(word.casefold(), list(folded), n=1, cutoff=0.6)
    return folded[close[0]] if close else None


def _numbers_close(typed: re.Match[str], choice: re.Match[str]) -> bool:
    """Same prefix (any case), and the same number or its digits one edit away (zero-padded alike)."""
    if typed[1].casefold() != choice[1].casefold():
        return False
    if int(typed[2]) == int(choice[2]):
        return True
    width = max(len(typed[2]), len(choice[2]))
    return _one_edit(typed[2].zfill(width), choice[2].zfill(width)) or _one_edit(typed[2], choice[2])


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one changed, added, dropped or swapped (neighbouring) character."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
