"""Reading an existing backlog: a text file (one story a line) or a CSV with a story column.

Files are read as UTF-8 (with or without a byte-order mark; UTF-16 with a
mark too), falling back to Windows-1252 with a warning; any line ending is
accepted. Every non-blank line (or CSV cell) becomes a :class:`BacklogLine`;
a line that cannot be read as a story is kept with ``parsed = None``, never
dropped. :func:`story_values` turns a line into the fields of a
:class:`~elicit.core.session.models.Story`: an unreadable line becomes a story with
an empty role, the raw text as its ``want`` and the tag ``unparsed``. The
original line is kept as the story's ``quote``.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from elicit.core.files.toml_source import NotRegularFile, TooLarge, read_bytes
from elicit.core.findings import ElicitError
from elicit.core.session.models import SHORT_TEXT, Story
from elicit.core.stories.parse import UNPARSED_TAG, ParsedStory, parse_story
from elicit.core.vocabulary import priority_from_word

CSV_SUFFIXES = (".csv", ".tsv")
STORY_HEADERS = (
    "user story",
    "user stories",
    "story",
    "stories",
    "summary",
    "title",
    "description",
    "text",
    "requirement",
    "requirements",
    "name",
)
PRIORITY_HEADERS = ("priority", "moscow", "moscow priority")
ACCEPTANCE_HEADERS = ("acceptance criteria", "acceptance criterion", "acceptance", "ac")
_BULLET = re.compile(r"^\s*(?:[-*•·]+|\d+[.)])\s*")


@dataclass(frozen=True)
class BacklogLine:
    """One story of a backlog file, where it was, and how it parsed (None: not a story)."""

    line: int
    text: str
    parsed: ParsedStory | None
    priority: str | None = None
    acceptance: tuple[str, ...] = ()

    @property
    def is_story(self) -> bool:
        """Whether the line reads as a story with a goal (else it is imported as raw text)."""
        return self.parsed is not None and bool(self.parsed.want)


@dataclass
class Backlog:
    """The stories of one file, with how the file was read."""

    path: Path
    lines: list[BacklogLine]
    encoding: str
    warnings: list[str] = field(default_factory=list)
    column: str | None = None

    @property
    def unparsed(self) -> list[BacklogLine]:
        """The lines that could not be read as stories."""
        return [line for line in self.lines if not line.is_story]


def decode(raw: bytes, name: str) -> tuple[str, str, list[str]]:
    """The text of a file, the encoding used and any warning; ElicitError for a binary file."""
    if raw.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = "utf-8"
    if encoding != "utf-16" and b"\x00" in raw:
        raise ElicitError(
            f"{name}: this looks like a binary file (or UTF-16 without a byte-order mark), not text; "
            "give a text file (one story a line) or a CSV file, saved as UTF-8"
        )
    try:
        return raw.decode(encoding), encoding, []
    except UnicodeDecodeError as error:
        if encoding == "utf-16":
            raise ElicitError(f"{name}: not valid UTF-16 text; save the file as UTF-8") from None
        line = raw.count(b"\n", 0, error.start) + 1
        warning = (
            f"{name}:{line}: not valid UTF-8 (byte 0x{raw[error.start]:02x}); read the file as Windows-1252 (cp1252): "
            "check accented letters, or save the file as UTF-8"
        )
        return raw.decode("cp1252", errors="replace"), "cp1252", [warning]


def read_backlog(path: Path, column: str | None = None) -> Backlog:
    """Read a text or CSV backlog file; ElicitError when it cannot be read or holds no stories."""
    name = str(path)
    try:
        raw = read_bytes(path)
    except NotRegularFile:
        raise ElicitError(f"{name}: not a regular file (a device, a pipe or a socket); give a text file (one story a line) or a CSV file") from None
    except TooLarge as error:
        raise ElicitError(f"{name}: {error.strerror}; split the backlog into smaller files") from None
    except FileNotFoundError:
        raise ElicitError(f"{name}: no such file; check the path") from None
    except IsADirectoryError:
        raise ElicitError(f"{name}: is a folder; give a text file (one story a line) or a CSV file") from None
    except OSError as error:
        raise ElicitError(f"{name}: cannot read the file ({error.strerror or error}); check its permissions") from None
    text, encoding, warnings = decode(raw, name)
    is_csv = path.suffix.lower() in CSV_SUFFIXES
    if column is not None and not is_csv:
        raise ElicitError(f"{name}: --column applies to CSV files only (.csv or .tsv)")
    if is_csv:
        backlog = _read_csv(path, text, column, encoding, warnings)
    else:
        backlog = Backlog(path, parse_lines(text), encoding, warnings)
    _skip_overlong(backlog)
    if not backlog.lines:
        raise ElicitError(f"{name}: no stories found (the file is empty); put one story on each line")
    return backlog


def _parse(text: str) -> ParsedStory | None:
    return parse_story(text) if len(text) <= SHORT_TEXT else None


def _skip_overlong(backlog: Backlog) -> None:
    """Leave out (with a warning naming the line) stories longer than a story may be."""
    kept = []
    for line in backlog.lines:
        if len(line.text) > SHORT_TEXT:
            backlog.warnings.append(
                f"{backlog.path}:{line.line}: this story is {len(line.text):,} characters, more than the {SHORT_TEXT:,} "
                "a story may hold; skipped: split it into stories"
            )
        else:
            kept.append(line)
    if len(kept) < len(backlog.lines):
        backlog.lines = kept


def parse_lines(text: str, first_line: int = 1) -> list[BacklogLine]:
    """One story a line; blank lines are skipped, any line ending is accepted."""
    lines = []
    for number, line in enumerate(text.splitlines(), start=first_line):
        stripped = line.strip().lstrip("\ufeff").strip()
        if stripped:
            lines.append(BacklogLine(number, stripped, _parse(stripped)))
    return lines


def _read_csv(path: Path, text: str, column: str | None, encoding: str, warnings: list[str]) -> Backlog:
    name = str(path)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else _sniff_delimiter(text)
    rows: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    try:
        for row in reader:
            rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as error:
        raise ElicitError(f"{name}:{reader.line_num}: not a valid CSV file ({error}); check the quotes on that line") from None
    rows = [(line, row) for line, row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise ElicitError(f"{name}: no stories found (the file is empty); give a CSV file with a story column")
    header = [_header_name(cell) for cell in rows[0][1]]
    has_header = not any(_parse(cell) for cell in rows[0][1]) or column is not None
    data = rows[1:] if has_header else rows
    width = max(len(row) for _line, row in rows)
    names = header + [""] * (width - len(header)) if has_header else [""] * width
    story_index = _story_column(name, names, data, column)
    priority_index = _find(names, PRIORITY_HEADERS)
    acceptance_index = _find(names, ACCEPTANCE_HEADERS)
    lines: list[BacklogLine] = []
    odd_priorities: set[str] = set()
    for line, row in data:
        cell = row[story_index].strip() if story_index < len(row) else ""
        if not cell:
            continue
        text_of_story = " ".join(cell.split())
        priority = None
        if priority_index is not None and priority_index < len(row) and row[priority_index].strip():
            given = row[priority_index].strip()
            priority = priority_from_word(given)
            if priority is None:
                odd_priorities.add(given)
        acceptance: tuple[str, ...] = ()
        if acceptance_index is not None and acceptance_index < len(row):
            acceptance = tuple(item for item in (_BULLET.sub("", part).strip() for part in row[acceptance_index].splitlines()) if item)
        lines.append(BacklogLine(line, text_of_story, _parse(text_of_story), priority, acceptance))
    if odd_priorities:
        shown = ", ".join(sorted(odd_priorities)[:5])
        warnings.append(f"{name}: priorities that are not MoSCoW ({shown}) were left as 'should'; set them in the app or with 'elicit story set SESSION STORY_ID --priority P'")
    label = (rows[0][1][story_index].strip() or f"column {story_index + 1}") if has_header else f"column {story_index + 1}"
    return Backlog(path, lines, encoding, warnings, label)


def _sniff_delimiter(text: str) -> str:
    sample = text[:8192]
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


def _header_name(cell: str) -> str:
    return " ".join(re.sub(r"[_\-]+", " ", cell.strip().lower().lstrip("\ufeff")).split())


def _find(names: list[str], wanted: tuple[str, ...]) -> int | None:
    for candidate in wanted:
        if candidate in names:
            return names.index(candidate)
    return None


def _story_column(name: str, names: list[str], data: list[tuple[int, list[str]]], column: str | None) -> int:
    if column is not None:
        wanted = _header_name(column)
        if wanted in names:
            return names.index(wanted)
        if wanted.isascii() and wanted.isdigit() and 1 <= int(wanted) <= len(names):
            return int(wanted) - 1
        shown = ", ".join(f"'{n}'" for n in names if n) or "none"
        raise ElicitError(f"{name}: no column '{column}' (columns: {shown}); give a column name or number with --column")

    def stories_in(index: int) -> int:
        return sum(1 for _line, row in data if index < len(row) and _parse(row[index]) is not None)

    by_name = [names.index(header) for header in STORY_HEADERS if header in names]
    if by_name:
        best = max(by_name, key=lambda index: (stories_in(index), -by_name.index(index)))
        return best
    counts = [stories_in(index) for index in range(len(names))]
    if counts and max(counts) > 0:
        return counts.index(max(counts))
    if len(names) == 1:
        return 0
    shown = ", ".join(f"'{n}'" for n in names if n) or f"{len(names)} unnamed columns"
    raise ElicitError(f"{name}: cannot tell which column holds the stories (columns: {shown}); name it with --column")


def story_values(line: BacklogLine) -> tuple[str, str, dict[str, Any]]:
    """(role, want, other fields) for :meth:`SessionService.add_story`."""
    values: dict[str, Any] = {"quote": line.text}
    if line.priority:
        values["priority"] = line.priority
    if line.acceptance:
        values["acceptance"] = list(line.acceptance)
    parsed = line.parsed
    if parsed is None or not line.is_story:
        values["tags"] = [UNPARSED_TAG]
        return "", line.text, values
    values["so_that"] = parsed.so_that
    return parsed.role, parsed.want, values


def to_story(line: BacklogLine, story_id: str) -> Story:
    """A story for linting a file without a session (not saved anywhere)."""
    role, want, values = story_values(line)
    return Story(id=story_id, role=role, want=want, **values)
