"""Printing for the CLI: plain lines for errors, rich only where it earns its import."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from elicit.core.text import has_control, printable

_C1 = re.compile("[\x7f-\x9f]")
"""What JSON leaves raw and a terminal may act on (JSON escapes C0 controls itself)."""

TYPE_CHECKING = False
if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text


class PrintableStream:
    """A text stream that makes every control character visible in what is written through it.

    The CLI writes its human-readable output through one of these
    (:func:`printable_streams`), so that an escape sequence held in a session
    title, a story or a bank (OSC 0 sets the window title, OSC 52 writes the
    clipboard) reaches the terminal as visible text, never as a command.
    Bytes written to ``.buffer`` (exports to standard output) pass untouched.
    """

    def __init__(self, stream: TextIO):
        self.raw = stream

    def write(self, text: str) -> int:
        return self.raw.write(printable(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)


def printable_streams() -> None:
    """Route ``sys.stdout`` and ``sys.stderr`` through :class:`PrintableStream` (once)."""
    if not isinstance(sys.stdout, PrintableStream) and sys.stdout is not None:
        sys.stdout = PrintableStream(sys.stdout)
    if not isinstance(sys.stderr, PrintableStream) and sys.stderr is not None:
        sys.stderr = PrintableStream(sys.stderr)


def raw_stdout() -> TextIO:
    """Standard output itself, under any :class:`PrintableStream`."""
    stream = sys.stdout
    return stream.raw if isinstance(stream, PrintableStream) else stream


def one_line(text: str) -> str:
    """``text`` as one line ending in a newline: newlines inside are flattened."""
    return " ".join(text.splitlines()) + "\n"


def error_line(text: str) -> None:
    """One line on stderr; newlines inside are flattened so it stays one line, control characters shown."""
    sys.stderr.write(printable(one_line(text)))


def note_line(text: str) -> None:
    """A note for the user on stderr (not part of the command's output): ``elicit: note: ...``."""
    error_line("elicit: note: " + text)


def warning_line(text: str) -> None:
    """Something the command did not do as asked, on stderr, the command going on: ``elicit: warning: ...``."""
    error_line("elicit: warning: " + text)


def print_json(data: Any) -> None:
    """Pretty JSON on stdout, unicode kept as is."""
    import json

    text = json.dumps(data, indent=2, ensure_ascii=False, default=str)
    raw_stdout().write(_C1.sub(lambda match: f"\\u{ord(match.group()):04x}", text) + "\n")


def console() -> Console:
    """A rich console on stdout (imported on first use: it costs start-up time).

    Rich writes its own escape codes for styles, so it writes to standard
    output itself; the text it is given has its control characters made
    visible as it is rendered.
    """
    from rich.console import Console, ConsoleOptions, RenderableType
    from rich.segment import Segment

    class PrintableConsole(Console):
        def render(self, renderable: RenderableType, options: ConsoleOptions | None = None) -> Iterator[Segment]:
            for segment in super().render(renderable, options):
                if segment.control is None and has_control(segment.text):
                    yield Segment(printable(segment.text), segment.style)
                else:
                    yield segment

    return PrintableConsole(file=raw_stdout(), highlight=False, soft_wrap=False)


def print_lines(out: Console, renderable: Any) -> None:
    """Print a group of indented lines (a ``rich`` Group of Text, as ``comparison_text`` and ``diff_text`` give) each
    wrapped under its own indent by :func:`print_hanging`: no trailing space at a break when piped into a file
    (trial4 T4-9: ``elicit compare > file`` had one at every break of its 80 columns)."""
    from rich.text import Text

    for line in getattr(renderable, "renderables", [renderable]):
        if not isinstance(line, Text):
            out.print(line)
            continue
        plain = line.plain
        indent = len(plain) - len(plain.lstrip(" "))
        if not plain.strip():
            out.print("")
            continue
        print_hanging(out, " " * indent, line[indent:], indent)


def print_table(out: Console, table: Any) -> None:
    """A table; piped into a file (not a terminal: no styles), each line without the spaces rich pads its cells with."""
    if out.is_terminal:
        out.print(table)
        return
    with out.capture() as captured:
        out.print(table)
    out.file.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))


def print_markup(out: Console, markup: str, indent: int = 0) -> None:
    """One line of rich markup, wrapped by :func:`print_hanging` (``indent`` columns in after the first line)."""
    from rich.text import Text

    print_hanging(out, "", Text.from_markup(markup), indent)


def print_hanging(out: Console, first: str, text: Text, indent: int) -> None:
    """Print ``text`` wrapped under itself, ``indent`` columns in, after ``first`` (markup) on its first line.

    No trailing spaces: the output is often piped into files.
    """
    from rich.text import Text

    for number, line in enumerate(text.wrap(out, max(20, out.width - indent))):
        line.rstrip()
        out.print(Text.from_markup(first) if number == 0 else " " * indent, line, sep="", soft_wrap=True)
