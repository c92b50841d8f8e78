"""Problems found in user files, and the errors that carry them.

A finding names the file, the line where known, the key path, what is wrong
and what to do. Front ends print findings; they never show a traceback for a
user's mistake.
"""

from __future__ import annotations

from collections.abc import Iterable
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


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """A hint naming the closest choice to ``word``, or None."""
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None
