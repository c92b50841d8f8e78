"""Reading an existing backlog: a text file (one story a line) or a CSV with a story column.

Files are read as UTF-8 (with or without a byte-order mark; UTF-16 with a
mark too), falling back to Windows-1252 with a warning; any line ending is
accepted (CR, LF or CRLF; other characters that :meth:`str.splitlines`
takes for breaks, such as U+2028, NEL or form feed, stay inside their line).
Every non-blank line (or CSV record) becomes a :class:`BacklogLine` or a
reported :class:`Skipped` row, with its true line number; a line that cannot
be read as a story is kept with ``parsed = None``, never dropped. A CSV file
that reads better as one story a line (stories holding unquoted commas) is
read that way, with a warning; an unclosed quote is reported and the lines
after it are read one row each instead of as one story. :func:`story_values` turns a line into the fields of a
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
from elicit.core.text import clip
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
OTHER_HEADERS = (
    "id", "key", "issue key", "issue id", "ref", "points", "story points", "estimate", "status", "type", "issue type",
    "epic", "labels", "tags", "notes", "comments", "owner", "assignee", "sprint", "component", "components",
)  # fmt: skip
"""Column names that mark a first row as a header even when it names no story column."""
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LINE_BREAK_BYTES = re.compile(rb"\r\n|\r|\n")
_BULLET = re.compile(r"^\s*(?:[-*•·]+|\d+[.)])\s*")
_BINARY_CONTROL = re.compile("[\x00-\x08\x0e-\x1a\x7f]")
"""Control characters no text file holds more than a few of (tab, line breaks, VT, FF and FS-US aside: those stay inside lines)."""


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


@dataclass(frozen=True)
class Skipped:
    """A record of a backlog file that gave no story, and why (it is also among the warnings)."""

    line: int
    reason: str


@dataclass
class Backlog:
    """The stories of one file, with how the file was read."""

    path: Path
    lines: list[BacklogLine]
    encoding: str
    warnings: list[str] = field(default_factory=list)
    column: str | None = None
    skipped: list[Skipped] = field(default_factory=list)

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
        what = "a text CSV" if name.lower().endswith(CSV_SUFFIXES) else "text"
        raise ElicitError(
            f"{name}: this looks like a binary file (or UTF-16 without a byte-order mark), not {what}; "
            "give a text file (one story a line) or a CSV file, saved as UTF-8"
        )
    try:
        return raw.decode(encoding), encoding, []
    except UnicodeDecodeError as error:
        if encoding == "utf-16":
            raise ElicitError(f"{name}: not valid UTF-16 text; save the file as UTF-8") from None
        lines = _bad_utf8_lines(raw)
        also = (
            f"; also line{'s' if len(lines) > 2 else ''} {', '.join(map(str, lines[1:6]))}{', …' if len(lines) > 6 else ''}"
            if len(lines) > 1
            else ""
        )
        warning = (
            f"{name}:{lines[0]}: not valid UTF-8 (byte 0x{raw[error.start]:02x}){also}; read the file as Windows-1252 (cp1252): "
            "check accented letters on those lines, or save the file as UTF-8"
        )
        return raw.decode("cp1252", errors="replace"), "cp1252", [warning]


def _bad_utf8_lines(raw: bytes, limit: int = 1000) -> list[int]:
    """The line numbers (counting CR, LF and CRLF breaks) holding bytes that are not UTF-8, in order."""
    found: list[int] = []
    position = 0
    while len(found) < limit:
        try:
            raw[position:].decode("utf-8")
            break
        except UnicodeDecodeError as error:
            bad = position + error.start
            line = len(_LINE_BREAK_BYTES.findall(raw, 0, bad)) + 1
            if not found or found[-1] != line:
                found.append(line)
            position = position + max(error.end, error.start + 1)
    return found


def split_lines(text: str) -> list[str]:
    """Lines split at CR, LF or CRLF only: U+2028, NEL, VT, FF and FS stay inside their line."""
    return _LINE_BREAK.split(text)


def read_backlog(path: Path, column: str | None = None) -> Backlog:
    """Read a text or CSV backlog file; ElicitError when it cannot be read or holds no stories."""
    name = str(path)
    try:
        raw = read_bytes(path)
    except NotRegularFile:
        raise ElicitError(
            f"{name}: not a regular file (a device, a pipe or a socket); give a text file (one story a line) or a CSV file"
        ) from None
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
    _refuse_binary(text, name, is_csv)
    if column is not None and not is_csv:
        raise ElicitError(f"{name}: --column applies to CSV files only (.csv or .tsv)")
    if is_csv:
        backlog = _read_csv(path, text, column, encoding, warnings)
    else:
        backlog = Backlog(path, parse_lines(text), encoding, warnings)
    _skip_overlong(backlog)
    if not backlog.lines:
        if backlog.skipped:
            raise ElicitError(
                f"{name}: no stories found: every row was skipped ({backlog.skipped[0].reason} on line {backlog.skipped[0].line})"
            )
        raise ElicitError(f"{name}: no stories found (the file is empty); put one story on each line")
    return backlog


def _refuse_binary(text: str, name: str, is_csv: bool) -> None:
    """ElicitError when ``text`` holds the control characters of a binary file (an image, an archive, a spreadsheet renamed .csv)."""
    controls = _binary_controls(text)
    if controls >= 3 and controls * 50 > len(text):
        what = "a text CSV" if is_csv else "a text file"
        raise ElicitError(
            f"{name}: not {what}: {controls:,} of its {len(text):,} characters are control characters, as in a binary file; "
            + ("export the sheet as CSV (UTF-8) and import that" if is_csv else "give a text file (one story a line) or a CSV file")
        )


_BINARY_BYTES = "".join(_BINARY_CONTROL.findall(bytes(range(0x80)).decode("ascii"))).encode("ascii")
"""The characters of :data:`_BINARY_CONTROL`, as the bytes UTF-8 writes them (each one byte, its own code)."""


def _binary_controls(text: str) -> int:
    """How many characters of ``text`` :data:`_BINARY_CONTROL` matches, counted in C: in UTF-8 a character below
    U+0080 is the one byte of its code and every byte of any other character is 0x80 or above, so each of them is one
    byte the translation deletes (the search over a whole backlog cost about 2 % of ``elicit lint``)."""
    data = text.encode("utf-8", "surrogatepass")
    return len(data) - len(data.translate(None, _BINARY_BYTES))


def _parse(text: str) -> ParsedStory | None:
    return parse_story(text) if len(text) <= SHORT_TEXT else None


def _skip_overlong(backlog: Backlog) -> None:
    """Leave out (reported as skipped, with a warning naming the line) stories longer than a story may be."""
    kept = []
    for line in backlog.lines:
        if len(line.text) > SHORT_TEXT:
            reason = f"this story is {len(line.text):,} characters, more than the {SHORT_TEXT:,} a story may hold"
            backlog.warnings.append(f"{backlog.path}:{line.line}: {reason}; skipped: split it into stories")
            backlog.skipped.append(Skipped(line.line, reason))
        else:
            kept.append(line)
    if len(kept) < len(backlog.lines):
        backlog.lines = kept


def parse_lines(text: str, first_line: int = 1) -> list[BacklogLine]:
    """One story a line; blank lines are skipped, any line ending is accepted."""
    lines = []
    for number, line in enumerate(split_lines(text), start=first_line):
        stripped = line.strip().lstrip("\ufeff").strip()
        if stripped:
            lines.append(BacklogLine(number, stripped, _parse(stripped)))
    return lines


@dataclass(frozen=True)
class _Record:
    """One CSV record and the physical lines it spans."""

    first: int
    last: int
    cells: list[str]


class _Columns:
    """Where the story, priority and acceptance criteria are in a CSV file's rows."""

    def __init__(self, names: list[str], story: int, label: str, width: int | None):
        self.story = story
        self.label = label
        self.width = width
        """How many cells a row has by its header (None without one)."""
        self.priority = _find(names, PRIORITY_HEADERS)
        self.acceptance = _find(names, ACCEPTANCE_HEADERS)


def _read_csv(path: Path, text: str, column: str | None, encoding: str, warnings: list[str]) -> Backlog:
    name = str(path)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else _sniff_delimiter(text)
    records, misquoted = _csv_records(name, text, delimiter)
    warnings.extend(misquoted)
    rows = [record for record in records if any(cell.strip() for cell in record.cells)]
    if not rows:
        raise ElicitError(f"{name}: no stories found (the file is empty); give a CSV file with a story column")
    has_header = _has_header(rows, column)
    data = rows[1:] if has_header else rows
    width = max(len(record.cells) for record in rows)
    names = [_header_name(cell) for cell in rows[0].cells] if has_header else []
    names += [""] * (width - len(names))
    story_index = _story_column(name, names, data, column)
    columns = _Columns(names, story_index, _label(rows[0], story_index, has_header), len(rows[0].cells) if has_header else None)
    notes: list[str] = []
    lines, skipped = _csv_lines(name, data, columns, delimiter, notes)
    as_text = _better_as_text(text, lines, has_header) if column is None and not misquoted else None
    if as_text is not None:
        warnings.append(
            f"{name}: read as one story a line, not as CSV: the stories hold '{delimiter}' without quotes, "
            "which splits them into columns; put each story in quotes to read the file as CSV"
        )
        return Backlog(path, as_text, encoding, warnings)
    warnings.extend(notes + _shape_warnings(name, data, columns, delimiter))
    return Backlog(path, lines, encoding, warnings, columns.label, skipped)


def _label(first: _Record, index: int, has_header: bool) -> str:
    """How messages name the story column: its header, or ``column N``."""
    return (first.cells[index].strip() if has_header else "") or f"column {index + 1}"


def _better_as_text(text: str, lines: list[BacklogLine], has_header: bool) -> list[BacklogLine] | None:
    """The file read as one story a line (after any header), when more of it then reads as whole stories."""
    as_text = parse_lines("\n".join(split_lines(text)[1:]), first_line=2) if has_header else parse_lines(text)
    return as_text if _complete(as_text) > _complete(lines) else None


def _csv_records(name: str, text: str, delimiter: str) -> tuple[list[_Record], list[str]]:
    """Every record with its lines, and a warning for each quote that joined lines which are rows of their own.

    A quote never closed would make the rest of the file one cell; a stray
    quote closed by the next row's quote joins the rows between. Either way
    each of those physical lines is read as a row of its own.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[_Record] = []
    start = 1
    try:
        for row in reader:
            records.append(_Record(start, reader.line_num, row))
            start = reader.line_num + 1
    except csv.Error as error:
        raise ElicitError(_csv_problem(name, start, error)) from None
    physical = split_lines(text)
    kept: list[_Record] = []
    warnings: list[str] = []
    for index, record in enumerate(records):
        lines = physical[record.first - 1 : record.last]
        unclosed = index == len(records) - 1 and _ends_inside_quotes(lines, delimiter)
        if record.last == record.first or not (unclosed or _rows_of_their_own(lines, delimiter)):
            kept.append(record)
            continue
        what = "is never closed" if unclosed else f"joins lines {record.first}-{record.last} into one row"
        warnings.append(f"{name}:{record.first}: the quote opened on this line {what}; each line was read as one row: check the quotes")
        kept.extend(_Record(record.first + offset, record.first + offset, _one_row(line, delimiter)) for offset, line in enumerate(lines))
    return kept, warnings


def _csv_problem(name: str, line: int, error: csv.Error) -> str:
    """What is wrong with a CSV the reader gave up on, at the line of the row it was reading."""
    if "field larger than field limit" in str(error):
        return (
            f"{name}:{line}: a cell of the row starting on this line is longer than {csv.field_size_limit():,} characters, "
            "the most a CSV cell may hold; shorten it or split it into several rows"
        )
    return f"{name}:{line}: not a valid CSV file ({error}); check the quotes on that line"


def _one_row(line: str, delimiter: str) -> list[str]:
    return next(csv.reader([line], delimiter=delimiter), [])


def _ends_inside_quotes(lines: list[str], delimiter: str) -> bool:
    try:
        for _row in csv.reader(io.StringIO("\n".join(lines), newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as error:
        return "end of data" in str(error)
    return False


def _rows_of_their_own(lines: list[str], delimiter: str) -> bool:
    """Whether two or more of a record's lines each hold a whole story in a cell of their own."""
    whole = 0
    for line in lines:
        if any(_is_whole(_parse(cell)) for cell in _one_row(line, delimiter)):
            whole += 1
    return whole >= 2


def _is_whole(parsed: ParsedStory | None) -> bool:
    return parsed is not None and bool(parsed.role) and bool(parsed.want)


def _has_header(rows: list[_Record], column: str | None) -> bool:
    """Whether the first row names the columns.

    Yes when it holds a known column name, or when ``--column`` names one; no
    when one of its cells is a story; otherwise yes only when the rows below
    hold stories (a header of unknown names above a story column). In doubt
    it is data: a row is never lost.
    """
    first = rows[0].cells
    names = [_header_name(cell) for cell in first]
    known = STORY_HEADERS + PRIORITY_HEADERS + ACCEPTANCE_HEADERS + OTHER_HEADERS
    if any(name in known for name in names) or (column is not None and not column.strip().isdigit()):
        return True
    if any(_parse(cell) for cell in first):
        return False
    return any(index < len(record.cells) and _parse(record.cells[index]) for record in rows[1:] for index in range(len(first)))


def _csv_lines(
    name: str, data: list[_Record], columns: _Columns, delimiter: str, warnings: list[str]
) -> tuple[list[BacklogLine], list[Skipped]]:
    lines: list[BacklogLine] = []
    skipped: list[Skipped] = []
    odd_priorities: set[str] = set()
    rejoined: list[int] = []
    for record in data:
        cells = _rejoin(record.cells, columns, delimiter)
        if cells is not record.cells:
            rejoined.append(record.first)
        cell = _cell(cells, columns.story)
        if not cell:
            others = " | ".join(part.strip() for part in record.cells if part.strip())
            reason = f"no story text in column '{columns.label}' (the row holds: {clip(others, 60, one_line=True)})"
            skipped.append(Skipped(record.first, reason))
            warnings.append(f"{name}:{record.first}: skipped: {reason}")
            continue
        text_of_story = " ".join(cell.split())
        priority = _priority(_cell(cells, columns.priority), odd_priorities)
        acceptance = _acceptance(_cell(cells, columns.acceptance))
        lines.append(BacklogLine(record.first, text_of_story, _parse(text_of_story), priority, acceptance))
    if rejoined:
        warnings.append(
            f"{name}:{rejoined[0]}: {len(rejoined)} row{'s' if len(rejoined) != 1 else ''} had more cells than the header: "
            f"the story held '{delimiter}' without quotes, so its parts were joined back into one story; put each story in quotes"
        )
    if odd_priorities:
        shown = ", ".join(sorted(odd_priorities)[:5])
        warnings.append(
            f"{name}: priorities that are not MoSCoW ({shown}) were left as 'should'; set them in the app or with 'elicit story set SESSION STORY_ID --priority P'"
        )
    return lines, skipped


def _rejoin(cells: list[str], columns: _Columns, delimiter: str) -> list[str]:
    """A row with more cells than its header, the story's parts joined back when that makes a whole story (else the row)."""
    if columns.width is None or len(cells) <= columns.width:
        return cells
    start, end = columns.story, columns.story + len(cells) - columns.width + 1
    story = delimiter.join(cells[start:end])
    if _is_whole(_parse(_cell(cells, start))) or not _is_whole(_parse(story)):
        return cells
    return [*cells[:start], story, *cells[end:]]


def _cell(cells: list[str], index: int | None) -> str:
    return cells[index].strip() if index is not None and index < len(cells) else ""


def _priority(given: str, odd: set[str]) -> str | None:
    if not given:
        return None
    priority = priority_from_word(given)
    if priority is None:
        odd.add(given)
    return priority


def _acceptance(cell: str) -> tuple[str, ...]:
    return tuple(item for item in (_BULLET.sub("", part).strip() for part in split_lines(cell)) if item)


def _complete(lines: list[BacklogLine]) -> int:
    """How many lines read as whole stories (a role and a goal)."""
    return sum(1 for line in lines if _is_whole(line.parsed))


def _shape_warnings(name: str, data: list[_Record], columns: _Columns, delimiter: str) -> list[str]:
    """Warnings for CSV shapes that suggest a misread: story cells that are parts of stories, quotes that join rows."""
    warnings = []
    fragments = [record for record in data if _is_fragment(_rejoin(record.cells, columns, delimiter), columns.story, delimiter)]
    if fragments:
        first = fragments[0]
        warnings.append(
            f"{name}:{first.first}: {len(fragments)} row{'s' if len(fragments) != 1 else ''} of column '{columns.label}' "
            f"hold{'' if len(fragments) != 1 else 's'} only part of a story ('{clip(_cell(first.cells, columns.story), 50, one_line=True)}'): "
            f"the story holds '{delimiter}' without quotes; put each story in quotes"
        )
    for record in data:
        cell = _cell(record.cells, columns.story)
        if record.last > record.first and any(delimiter in part for part in split_lines(cell)[1:]):
            warnings.append(
                f"{name}:{record.first}: lines {record.first}-{record.last} were read as one row because of the quotes on line "
                f"{record.first}; check them"
            )
    return warnings


def _is_fragment(cells: list[str], index: int, delimiter: str) -> bool:
    """Whether the story cell lacks a role that the cells from it on, joined back, have."""
    parsed = _parse(_cell(cells, index))
    if parsed is not None and parsed.role:
        return False
    return any(_is_whole(_parse(delimiter.join(cells[index:end]))) for end in range(index + 2, len(cells) + 1))


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


def _story_column(name: str, names: list[str], data: list[_Record], column: str | None) -> int:
    if column is not None:
        return _named_column(name, names, column)

    def stories_in(index: int) -> int:
        return sum(1 for record in data if index < len(record.cells) and _parse(record.cells[index]) is not None)

    by_name = [names.index(header) for header in STORY_HEADERS if header in names]
    if by_name:
        return max(by_name, key=lambda index: (stories_in(index), -by_name.index(index)))
    counts = [stories_in(index) for index in range(len(names))]
    if counts and max(counts) > 0:
        return counts.index(max(counts))
    if len(names) == 1:
        return 0
    if not any(names):
        return _wordiest_column(data, len(names))
    shown = ", ".join(f"'{n}'" for n in names if n) or f"{len(names)} unnamed columns"
    raise ElicitError(f"{name}: cannot tell which column holds the stories (columns: {shown}); name it with --column")


def _named_column(name: str, names: list[str], column: str) -> int:
    """The column ``--column`` names, by header or by number from 1."""
    wanted = _header_name(column)
    if wanted in names:
        return names.index(wanted)
    if wanted.isascii() and wanted.isdigit() and 1 <= int(wanted) <= len(names):
        return int(wanted) - 1
    shown = ", ".join(f"'{n}'" for n in names if n) or "none"
    raise ElicitError(f"{name}: no column '{column}' (columns: {shown}); give a column name or number with --column")


def _wordiest_column(data: list[_Record], width: int) -> int:
    """Without a header or any story: the column of the most words (the text, not an id or a priority)."""
    words = [sum(len(_cell(record.cells, index).split()) for record in data) for index in range(width)]
    return words.index(max(words))


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
