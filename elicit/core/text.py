"""Small text helpers shared by the core, the front ends and the CLI: clipping, CSV cells, printable text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date


def clip(text: str, width: int, *, one_line: bool = False, keep_end: bool = False) -> str:
    """``text`` if it fits in ``width`` characters, else cut to fit with a closing "…".

    The one way elicit shortens text, on screen, in messages and in exports.
    With ``one_line``, each run of white space (line breaks too) first
    becomes one space, and the ends are trimmed. With ``keep_end``, the start
    is cut instead (``…/clients/crumb``: the end of a path tells folders apart).
    """
    if one_line:
        text = " ".join(text.split())
    if len(text) <= width:
        return text
    if keep_end:
        return ("…" + text[len(text) - width + 1 :].lstrip()) if width > 1 else "…"[:width]
    return text[: max(0, width - 1)].rstrip() + "…"


ECHO_WIDTH = 80
"""How much of a user's value (a key, an id, a cell) a message repeats; a longer value is clipped with "…"."""


def quoted(value: object) -> str:
    """A user's value as a message repeats it: ``'value'``, on one line and clipped to :data:`ECHO_WIDTH`.

    A 20 MB key in a file must not come back as a 20 MB error line.
    """
    return "'" + clip(str(value), ECHO_WIDTH, one_line=True) + "'"


# Cells a spreadsheet would read as a formula (OWASP, "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(cell: str) -> str:
    """A CSV cell a spreadsheet shows as text: ``'`` put before a cell starting like a formula.

    Spreadsheets run a cell starting with ``=``, ``+``, ``-``, ``@``, a tab
    or a carriage return as a formula (``=HYPERLINK(...)`` from a client's
    quote or an imported backlog). OWASP's advice is to prefix such a cell
    with a single quote, which spreadsheets show as text. Every CSV elicit
    writes passes its cells through here unless the user asks for raw cells.
    """
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


# Control characters (C0 but newline and tab, DEL, C1): what a terminal acts on.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode control pictures: ␀ ␛ ␍ ...
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # C1 controls have no picture


def has_control(text: str) -> bool:
    """Whether ``text`` holds a control character that :func:`printable` would change (CR LF aside)."""
    return _CONTROL.search(text) is not None


def printable(text: str) -> str:
    """``text`` safe to print or to write into a document: each control character made visible.

    A session title or an imported story can hold escape sequences (OSC 0
    sets the window title, OSC 52 writes the clipboard). Newlines and tabs
    stay; a CR LF pair becomes a newline; every other control character
    becomes one visible character of its own (``␛`` for escape, ``␀`` for
    NUL, U+FFFD for the C1 controls), so the length of the text is kept
    apart from CR LF. Used by all terminal output and by the exporters.
    """
    if text.isprintable() or ("\n" in text and all(map(str.isprintable, text.split("\n")))):
        return text  # no control character at all (most text): far cheaper to know than the search below
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
    return _CONTROL.sub(_visible, text)


def plural(count: int, word: str, many: str | None = None) -> str:
    """``count`` and ``word``, the word in the plural unless the count is exactly 1: "1 story", "2 stories", "0 hours"."""
    if count == 1:
        return f"1 {word}"
    if many is None:
        many = word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in tuple("aeiou") else word + "s"
    return f"{count} {many}"


def listed(items: Sequence[str]) -> str:
    """Items as a sentence lists them: "Ann", "Ann and Ben", "Ann, Ben and Cleo" ("" for none). The one way a line
    names several people or things (who said an answer, who asked for a story)."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


def long_date(moment: date) -> str:
    """A date as people write it, the one way elicit shows one: ``1 December 2026`` (never ``01 Dec 2026``)."""
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}"
