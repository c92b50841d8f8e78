"""Printing for the CLI: plain lines for errors, rich only where it earns its import."""

from __future__ import annotations

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from rich.console import Console
    from rich.text import Text


def one_line(text: str) -> str:
    """``text`` as one line ending in a newline: newlines inside are flattened."""
    return " ".join(text.splitlines()) + "\n"


def error_line(text: str) -> None:
    """One line on stderr; newlines inside are flattened so it stays one line."""
    sys.stderr.write(one_line(text))


def note_line(text: str) -> None:
    """A note for the user on stderr (not part of the command's output)."""
    sys.stderr.write("note: " + one_line(text))


def print_json(data: Any) -> None:
    """Pretty JSON on stdout, unicode kept as is."""
    import json

    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def console() -> Console:
    """A rich console on stdout (imported on first use: it costs start-up time)."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def print_hanging(out: Console, first: str, text: Text, indent: int) -> None:
    """Print ``text`` wrapped under itself, ``indent`` columns in, after ``first`` (markup) on its first line.

    No trailing spaces: the output is often piped into files.
    """
    from rich.text import Text

    for number, line in enumerate(text.wrap(out, max(20, out.width - indent))):
        line.rstrip()
        out.print(Text.from_markup(first) if number == 0 else " " * indent, line, sep="", soft_wrap=True)
