"""A TOML writer that gives, byte for byte, what ``tomli_w.dumps`` gives, a few times faster.

Every session save and every TOML spec goes through it, so its speed is the
speed of ``elicit answer`` and ``elicit export --format toml`` (tomli_w was
60–80 % of both on big sessions). It follows tomli_w's layout rules exactly:
plain values first, then sub-tables, an array of tables written inline when
every table fits on a line of 100 characters, arrays one item a line, keys bare
when they can be. What makes it faster: strings that need no escape (nearly
all) are quoted without a character-by-character walk, types are told apart by
``type()`` before the slower ``isinstance`` against abstract classes, and the
text is gathered in one list instead of through nested generators.

A value of a type it does not know (a ``Decimal``, a mapping that is not a
dict) raises :class:`Unsupported`, and the caller writes with tomli_w itself.
tests/core/files/test_toml_writer.py compares the two on generated data.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

_MAX_LINE_LENGTH = 100
_INDENT = "    "
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
# What a basic string must escape: the control characters but tab, the quote and the backslash.
_NEEDS_ESCAPE = re.compile(r'[\x00-\x08\x0a-\x1f\x7f"\\]')
_COMPACT = {"\b": "\\b", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}
_PLAIN_TYPES = (str, int, float, bool, list, tuple, datetime, date, time)


class Unsupported(TypeError):
    """A value this writer leaves to tomli_w."""


def dumps(data: Mapping[str, Any], *, multiline_strings: bool) -> tuple[str, bool]:
    """``data`` as TOML text, as ``tomli_w.dumps(data, multiline_strings=...)`` writes it.

    Also says whether any string or key held a carriage return (so that a caller
    who writes multi-line strings only where that is safe need not walk the data twice).
    """
    writer = _Writer(multiline_strings)
    writer.table(data, "", False)
    return "".join(writer.out), writer.saw_carriage_return


def _is_mapping(value: Any) -> bool:
    kind = type(value)
    if kind is dict:
        return True
    if kind in _PLAIN_TYPES:
        return False
    if isinstance(value, Mapping):
        raise Unsupported(f"a mapping of type {kind.__qualname__}")
    return False


def _escape_one(found: re.Match[str]) -> str:
    char = found.group()
    return _COMPACT.get(char) or "\\u" + hex(ord(char))[2:].rjust(4, "0")


def _escape_multiline(found: re.Match[str]) -> str:
    char = found.group()
    if char == "\n":
        return "\n"
    return _COMPACT.get(char) or "\\u" + hex(ord(char))[2:].rjust(4, "0")


class _Writer:
    def __init__(self, multiline: bool):
        self.multiline = multiline
        self.out: list[str] = []
        self.inline_cache: dict[int, str] = {}
        self.saw_carriage_return = False
        self.keys: dict[str, str] = {}

    def table(self, table: Mapping[str, Any], name: str, inside_array: bool) -> None:
        out = self.out
        literals, tables = self._split(table)
        written = False
        if inside_array or name and (literals or not tables):
            written = True
            out.append(f"[[{name}]]\n" if inside_array else f"[{name}]\n")
        if literals:
            written = True
            out.extend(literals)
        for key, value, in_array in tables:
            if written:
                out.append("\n")
            else:
                written = True
            part = self.key(key)
            self.table(value, f"{name}.{part}" if name else part, in_array)

    def _split(self, table: Mapping[str, Any]) -> tuple[list[str], list[tuple[str, Any, bool]]]:
        """The table's plain values, written as lines, and the sub-tables to write after them (in arrays or not)."""
        literals: list[str] = []
        tables: list[tuple[str, Any, bool]] = []
        key_text, common = self.key, self._common_line
        for key, value in table.items():
            kind = type(value)
            written = common(key, value, kind)
            if written is not None:
                literals.append(written)
            elif kind is dict or (kind not in _PLAIN_TYPES and _is_mapping(value)):
                tables.append((key, value, False))
            elif self._array_of_tables(value) and not all(self._fits_inline(item) for item in value):
                tables.extend((key, item, True) for item in value)
            else:
                literals.append(f"{key_text(key)} = {self.literal(value, 0)}\n")
        return literals, tables

    def _common_line(self, key: str, value: Any, kind: type) -> str | None:
        """The line of the most common values, written at once as literal() would write them (None for any other)."""
        if kind is str:  # most strings have nothing to escape
            written = self.keys.get(key) or self.key(key)
            return f'{written} = "{value}"\n' if _NEEDS_ESCAPE.search(value) is None else f"{written} = {self.string(value, self.multiline)}\n"
        if kind is datetime or kind is int:  # str(), as literal() writes them
            return f"{self.keys.get(key) or self.key(key)} = {value}\n"
        if kind is list and (not value or type(value[0]) is str):  # a list of strings cannot be an array of tables
            return f"{self.keys.get(key) or self.key(key)} = {self.array(value, 0)}\n"
        return None

    @staticmethod
    def _array_of_tables(value: Any) -> bool:
        if not value or not isinstance(value, (list, tuple)):
            return False
        return all(_is_mapping(item) for item in value)

    def _fits_inline(self, table: Mapping[str, Any]) -> bool:
        rendered = f"{_INDENT}{self.inline_table(table)},"
        return len(rendered) <= _MAX_LINE_LENGTH and "\n" not in rendered

    def literal(self, value: Any, level: int) -> str:
        kind = type(value)
        if kind is str:
            return self.string(value, self.multiline)
        if kind is bool:
            return "true" if value else "false"
        if kind is int or kind is float or kind is datetime or kind is date:
            return str(value)
        if kind is list or kind is tuple:
            return self.array(value, level)
        if kind is dict:
            return self.inline_table(value)
        return self._other(value, level)

    def _other(self, value: Any, level: int) -> str:
        """The types tomli_w knows by ``isinstance``, in its order: subclasses and times."""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (int, float, date, datetime)):
            return str(value)
        if isinstance(value, time):
            if value.tzinfo:
                raise Unsupported("an offset time")
            return str(value)
        if isinstance(value, str):
            return self.string(value, self.multiline)
        if isinstance(value, (list, tuple)):
            return self.array(value, level)
        raise Unsupported(f"a value of type {type(value).__qualname__}")

    def array(self, items: list[Any] | tuple[Any, ...], level: int) -> str:
        if not items:
            return "[]"
        indent = _INDENT * (1 + level)
        plain = _NEEDS_ESCAPE.search
        body = ",\n".join(
            f'{indent}"{item}"' if type(item) is str and plain(item) is None else indent + self.literal(item, level + 1) for item in items
        )
        return f"[\n{body},\n{_INDENT * level}]"

    def inline_table(self, table: Mapping[str, Any]) -> str:
        cached = self.inline_cache.get(id(table))
        if cached is not None:
            return cached
        if not table:
            rendered = "{}"
        else:
            rendered = "{ " + ", ".join(f"{self.key(key)} = {self.literal(value, 0)}" for key, value in table.items()) + " }"
        self.inline_cache[id(table)] = rendered
        return rendered

    def key(self, key: str) -> str:
        written = self.keys.get(key)
        if written is None:
            if type(key) is not str:
                raise Unsupported(f"a key of type {type(key).__qualname__}")
            written = key if _BARE_KEY.fullmatch(key) else self.string(key, False)
            self.keys[key] = written
        return written

    def string(self, text: str, multiline: bool) -> str:
        if _NEEDS_ESCAPE.search(text) is None:
            return f'"{text}"'
        if "\r" in text:
            self.saw_carriage_return = True
        if multiline and "\n" in text:
            return '"""\n' + _NEEDS_ESCAPE.sub(_escape_multiline, text.replace("\r\n", "\n")) + '"""'
        return '"' + _NEEDS_ESCAPE.sub(_escape_one, text) + '"'
