"""Reading TOML files with clear errors, finding the line of a key path, and writing TOML.

The parser (:mod:`toml_parser`) reports the line of a syntax error but gives no positions for
parsed keys, so :class:`KeyLines` scans the source once and records the line
where each table header and key appears, by key path such as
``sections[1].questions[0].kind``.
"""

from __future__ import annotations

import errno
import functools
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from elicit.core.files.toml_parser import TomlSyntaxError, loads
from elicit.core.findings import Finding, FindingsError

_ERROR_POSITION = r"\s*\(at line (\d+), column (\d+)\)$"  # this and the next: compiled on a first error (re keeps them)
_ERROR_AT_END = r"\s*\(at end of document\)$"
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


@dataclass(slots=True)
class TomlDocument:
    """A parsed TOML file: its data, its text and where its keys are."""

    path: Path
    text: str
    data: dict[str, Any]
    raw: bytes
    _key_lines: KeyLines | None = field(default=None, init=False, repr=False, compare=False)

    def line_of(self, key_path: str) -> int | None:
        """The line where ``key_path`` (or its nearest parent) appears."""
        if self._key_lines is None:
            self._key_lines = KeyLines(self.text)
        return self._key_lines.line_of(key_path)


MAX_FILE_BYTES = 64 * 1024 * 1024
"""Larger files are refused before reading: a session of 10,000 stories is about 5 MB."""


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """The bytes of a regular file; OSError for anything else.

    A FIFO, a device such as ``/dev/zero`` or a folder would make a plain
    read block or never end: the file is opened without blocking, checked
    to be a regular file of at most ``limit`` bytes, and only then read.
    Raises :class:`NotRegularFile` or :class:`TooLarge` (both OSErrors).
    """
    if limit is None:
        limit = MAX_FILE_BYTES
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        if not stat.S_ISREG(status.st_mode):
            raise NotRegularFile(errno.EINVAL, "not a regular file", str(path))
        if status.st_size > limit:
            raise TooLarge(status.st_size, limit)
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)
        if len(data) > limit:  # it grew while we read it
            raise TooLarge(len(data), limit)
        return data
    finally:
        os.close(descriptor)


class NotRegularFile(OSError):
    """A FIFO, a device or a socket where a file was expected."""


class TooLarge(OSError):
    """A file over the size elicit reads."""

    def __init__(self, size: int, limit: int):
        super().__init__(errno.EFBIG, f"the file is {size:,} bytes, more than the {limit:,} elicit reads")
        self.size = size
        self.limit = limit


def read_text(path: Path) -> tuple[bytes, str | None, Finding | None]:
    """Read a file as UTF-8, returning (bytes, text, problem)."""
    display = str(path)
    try:
        raw = read_bytes(path)
    except NotRegularFile:
        return b"", None, Finding("unreadable", "not a regular file (a device, a pipe or a socket)", display, hint="give the path of a .toml file")
    except TooLarge as exc:
        return b"", None, Finding("too-large", str(exc.strerror), display, hint="check that this is the file you meant")
    except FileNotFoundError:
        return b"", None, Finding("not-found", "file not found", display, hint="check the path")
    except IsADirectoryError:
        return b"", None, Finding("unreadable", "is a folder, not a file", display, hint="give the path of a .toml file")
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return b"", None, Finding("unreadable", f"cannot read file: {reason}", display, hint="check the file's permissions")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw_text = raw[3:]
    else:
        raw_text = raw
    try:
        text = raw_text.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw_text.count(b"\n", 0, exc.start) + 1
        return (
            raw,
            None,
            Finding(
                "encoding",
                f"not valid UTF-8 (byte 0x{raw_text[exc.start]:02x})",
                display,
                line,
                hint="save the file as UTF-8",
            ),
        )
    return raw, text, None


def parse_toml(path: Path, *, standard_zones: bool = True) -> tuple[TomlDocument | None, Finding | None]:
    """Read and parse a TOML file; a problem comes back as one finding (``standard_zones``: see ``toml_parser.loads``)."""
    raw, text, problem = read_text(path)
    if problem is not None:
        return None, problem
    assert text is not None
    return parse_text(path, raw, text, standard_zones=standard_zones)


def parse_text(path: Path, raw: bytes, text: str, *, standard_zones: bool = True) -> tuple[TomlDocument | None, Finding | None]:
    """Parse ``text`` (the file ``path`` read as ``raw``, :func:`read_text`); a problem comes back as one finding."""
    try:
        data = loads(text, standard_zones=standard_zones)
    except TomlSyntaxError as exc:
        return None, syntax_finding(str(path), str(exc), text)
    except RecursionError:
        return None, too_deep_finding(str(path), text)
    return TomlDocument(path, text, data, raw), None


def read_document(path: Path, *, standard_zones: bool = True) -> TomlDocument:
    """Read and parse a TOML file; raise FindingsError (one finding) when it cannot be read or parsed."""
    document, problem = parse_toml(path, standard_zones=standard_zones)
    if problem is not None:
        raise FindingsError([problem])
    assert document is not None
    return document


def dumps_toml(data: dict[str, Any]) -> str:
    """``data`` as TOML text, with multi-line strings where that is safe.

    Multi-line strings read better in git, but TOML folds "\\r\\n" inside them:
    when any key or string holds a carriage return, every string is written
    on one line with escapes instead.
    """
    from elicit.core.files import toml_writer

    try:
        text, carriage_return = toml_writer.dumps(data, multiline_strings=True)
        if carriage_return:
            text, _ = toml_writer.dumps(data, multiline_strings=False)
        return text
    except toml_writer.Unsupported:
        import tomli_w

        return tomli_w.dumps(data, multiline_strings=not has_carriage_return(data))


def toml_text(data: dict[str, Any], *, multiline: bool) -> str:
    """``data`` as TOML text, strings with line breaks written multi-line or not (see :func:`dumps_toml`)."""
    from elicit.core.files import toml_writer

    try:
        return toml_writer.dumps(data, multiline_strings=multiline)[0]
    except toml_writer.Unsupported:
        import tomli_w

        return tomli_w.dumps(data, multiline_strings=multiline)


def toml_text_checked(data: dict[str, Any], *, multiline: bool) -> tuple[str, bool]:
    """:func:`toml_text`, and whether any key or string in ``data`` holds a carriage return (learnt while writing)."""
    from elicit.core.files import toml_writer

    try:
        return toml_writer.dumps(data, multiline_strings=multiline)
    except toml_writer.Unsupported:
        import tomli_w

        return tomli_w.dumps(data, multiline_strings=multiline), has_carriage_return(data)


def has_carriage_return(value: Any) -> bool:
    """Whether any key or string inside ``value`` holds a carriage return."""
    if isinstance(value, str):
        return "\r" in value
    if isinstance(value, dict):
        return any(has_carriage_return(key) or has_carriage_return(item) for key, item in value.items())
    if isinstance(value, list):
        return any(has_carriage_return(item) for item in value)
    return False


def text_document(text: str, name: str) -> TomlDocument:
    """Parse TOML text held in memory; raise FindingsError on a syntax error."""
    try:
        data = loads(text)
    except TomlSyntaxError as exc:
        raise FindingsError([syntax_finding(name, str(exc), text)]) from None
    except RecursionError:
        raise FindingsError([too_deep_finding(name, text)]) from None
    return TomlDocument(Path(name), text, data, text.encode("utf-8", "surrogatepass"))


def syntax_finding(display: str, message: str, text: str) -> Finding:
    """Turn a parser's error message (tomllib's wording) into a finding with its line."""
    line = None
    found = re.search(_ERROR_POSITION, message)
    if found:
        line = int(found.group(1))
        message = message[: found.start()]
    elif re.search(_ERROR_AT_END, message):
        line = text.count("\n") + (0 if text.endswith("\n") else 1)
        message = re.sub(_ERROR_AT_END, "", message)
    message = message[:1].lower() + message[1:]
    return Finding("toml-syntax", f"TOML syntax error: {message}", display, line, hint=_syntax_hint(message, text, line))


def _syntax_hint(message: str, text: str, line: int | None) -> str:
    """What to do about a syntax error: for a key or a table given twice, that (trial5 T5-8: a bank with two
    ``kind =`` lines in one question was told that strings need quotes), else the usual reminder."""
    if message.startswith("cannot overwrite a value"):
        lines = text.splitlines()
        found = re.match(r"\s*([\w\"'.-]+?)\s*=", lines[line - 1]) if line is not None and 0 < line <= len(lines) else None
        key = f"'{found[1].strip()}'" if found else "a key"
        return f"{key} is set twice in the same table: keep one of them"
    if message.startswith("cannot declare"):
        return "a table is declared twice: keep one [name] header, or write [[name]] for a list of tables"
    return "fix the TOML syntax (strings need quotes, tables need [brackets])"


_DEEP = 50
"""Nesting past this is named as the place a too-deep file goes wrong (elicit's files need 3 or 4 levels)."""


def too_deep_finding(display: str, text: str) -> Finding:
    """The finding for a file whose arrays or inline tables nest deeper than the TOML reader can follow."""
    return Finding(
        "too-deep",
        "nested too deeply: arrays or inline tables inside each other more levels than elicit can read",
        display,
        _deep_line(text),
        hint="flatten the nested [ ] or { } values (elicit's files need no more than a few levels)",
    )


def _deep_line(text: str) -> int:
    """The line where brackets first nest past ``_DEEP`` (strings not told apart: it is only a pointer)."""
    depth = 0
    line = 1
    for char in text:
        if char == "\n":
            line += 1
        elif char in "[{":
            depth += 1
            if depth > _DEEP:
                return line
        elif char in "]}":
            depth = max(0, depth - 1)
    return 1


class KeyLines:
    """Lines of the table headers and keys in a TOML text, by key path."""

    def __init__(self, text: str):
        self.lines: dict[str, int] = {}
        self._scan(text)

    def line_of(self, key_path: str) -> int | None:
        """The line of ``key_path``, falling back to its nearest parent."""
        path = key_path
        while path:
            if path in self.lines:
                return self.lines[path]
            cut = max(path.rfind("."), path.rfind("["))
            if cut <= 0:
                return None
            path = path[:cut]
        return None

    def _scan(self, text: str) -> None:
        counters: dict[str, int] = {}
        table = ""
        lines = text.split("\n")
        number = 0
        depth = 0  # open brackets/braces of a value spanning lines
        in_multiline: str | None = None
        while number < len(lines):
            line = lines[number]
            number += 1
            if in_multiline is not None:
                end = line.find(in_multiline)
                if end < 0:
                    continue
                line = line[end + 3 :]
                depth, in_multiline = _scan_value(line, depth)
                continue
            stripped = line.strip()
            if depth > 0:
                depth, in_multiline = _scan_value(stripped, depth)
                continue
            if not stripped or stripped.startswith("#"):
                continue
            if stripped.startswith("[["):
                parts = _split_key(stripped[2 : stripped.find("]]")])
                if parts is None:
                    continue
                table = _array_table_path(parts, counters)
                self.lines.setdefault(table, number)
                continue
            if stripped.startswith("["):
                parts = _split_key(stripped[1 : stripped.find("]")])
                if parts is None:
                    continue
                table = _table_path(parts, counters)
                self.lines.setdefault(table, number)
                continue
            key_text, _, rest = _partition_key(stripped)
            if key_text is None:
                continue
            parts = _split_key(key_text)
            if parts is None:
                continue
            path = table
            for part in parts:
                path = f"{path}.{part}" if path else part
                self.lines.setdefault(path, number)
            depth, in_multiline = _scan_value(rest, 0)


def _array_table_path(parts: list[str], counters: dict[str, int]) -> str:
    parent = _table_path(parts[:-1], counters)
    array = f"{parent}.{parts[-1]}" if parent else parts[-1]
    index = counters.get(array, -1) + 1
    counters[array] = index
    return f"{array}[{index}]"


def _table_path(parts: list[str], counters: dict[str, int]) -> str:
    """Key path of a table header, entering the latest element of arrays."""
    path = ""
    for part in parts:
        path = f"{path}.{part}" if path else part
        if path in counters:
            path = f"{path}[{counters[path]}]"
    return path


def _partition_key(line: str) -> tuple[str | None, str, str]:
    """Split ``key = value`` at the first '=' outside quotes."""
    quote = None
    for index, char in enumerate(line):
        if quote:
            if char == quote:
                quote = None
            continue
        if char in "\"'":
            quote = char
        elif char == "=":
            return line[:index].strip(), "=", line[index + 1 :]
    return None, "", ""


def _split_key(text: str) -> list[str] | None:
    """Split a dotted TOML key into its parts, unquoting quoted parts.

    A part holding a dot keeps double quotes, as key paths write it
    (``answers."bank.section.question"``), so that it stays one part.
    """
    parts: list[str] = []
    rest = text.strip()
    while rest:
        if rest[0] in "\"'":
            end = rest.find(rest[0], 1)
            if end < 0:
                return None
            part = rest[1:end]
            parts.append(f'"{part}"' if "." in part else part)
            rest = rest[end + 1 :].strip()
        else:
            found = _BARE_KEY.match(rest)
            if not found:
                return None
            parts.append(found.group(0))
            rest = rest[found.end() :].strip()
        if rest.startswith("."):
            rest = rest[1:].strip()
        elif rest:
            return None
    return parts or None


_VALUE_MARK = r"""#|"{3}|'{3}|["'\[\]{}]"""
_BASIC_STRING_REST = r'[^"\\]*(?:\\.[^"\\]*)*"?'
"""After an opening double quote: up to and past its closing quote, skipping escapes."""


@functools.cache
def _value_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """:data:`_VALUE_MARK` and :data:`_BASIC_STRING_REST` compiled, when a line is first looked for (an error, an export)."""
    return re.compile(_VALUE_MARK), re.compile(_BASIC_STRING_REST)


def _scan_value(text: str, depth: int) -> tuple[int, str | None]:
    """Track bracket depth and an unclosed multi-line string in a value.

    Jumps from one mark to the next with regular expressions: a value of
    megabytes is scanned at the speed of ``re``, not a character at a time.
    """
    index = 0
    value_mark, basic_string_rest = _value_patterns()
    while True:
        found = value_mark.search(text, index)
        if found is None:
            return depth, None
        mark = found.group()
        index = found.end()
        if mark == "#":
            return depth, None
        if len(mark) == 3:
            end = text.find(mark, index)
            if end < 0:
                return depth, mark
            index = end + 3
        elif mark == '"':
            rest = basic_string_rest.match(text, index)
            index = rest.end() if rest else len(text)
        elif mark == "'":
            end = text.find("'", index)
            index = len(text) if end < 0 else end + 1
        elif mark in "[{":
            depth += 1
        else:
            depth = max(0, depth - 1)
