"""Strict reading of TOML tables: the one place that checks keys and value types.

Banks, session files, TOML spec imports and vague-term lists are all read
through a :class:`TableReader` over their parsed document. A key the reader
does not know is refused (with a did-you-mean), never dropped; a value of the
wrong type becomes a finding with file, line and key path, and reading goes
on so that every problem is reported at once.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from elicit.core.files.toml_parser import standard_zone
from elicit.core.files.toml_source import TomlDocument
from elicit.core.findings import Finding, did_you_mean
from elicit.core.text import ECHO_WIDTH, clip, quoted

_PART_WIDTH = 1_000
"""No part of a finding (key path, message, hint) is longer than this, whatever a file holds."""


def key_path(key: str, name: str) -> str:
    """The key path of ``name`` inside the table at ``key`` ("" for the top of the document)."""
    return f"{key}.{name}" if key else name


def type_name(value: Any) -> str:
    """What a TOML value is, in words: ``a string``, ``a whole number``, ``true/false``..."""
    if isinstance(value, bool):
        return "true/false"
    return {str: "a string", int: "a whole number", float: "a number", list: "a list", dict: "a table"}.get(
        type(value), type(value).__name__
    )


def is_table_list(value: Any) -> bool:
    """Whether ``value`` is an array of tables."""
    return isinstance(value, list) and all(isinstance(item, dict) for item in value)


def _short_strings(items: list[Any], bound: int) -> bool:
    """Whether every item is a string of at most ``bound`` characters (a loop: cheaper than all() on a short list)."""
    for item in items:  # noqa: SIM110  (all() over a generator costs more on the one- or two-item lists of a story)
        if type(item) is not str or len(item) > bound:
            return False
    return True


class TableReader:
    """Reads the tables of one parsed document, collecting a finding for each problem in ``findings``."""

    default_line: int | None = None
    """The line given to a finding whose key has no line (None: the finding names no line)."""
    always_short_enough: int = sys.maxsize
    """A text this long or shorter is within every bound of :meth:`text_limit` (a reader that bounds text sets its
    smallest bound): the common case is then one comparison, no look-up of the field's bound."""

    def __init__(self, document: TomlDocument):
        self.document = document
        self.findings: list[Finding] = []

    def add(self, code: str, key: str, message: str, hint: str | None = None, line: int | None = None) -> None:
        """Record a finding at ``key`` (on the line of ``key`` unless ``line`` is given)."""
        if line is None:
            line = self.document.line_of(key) or self.default_line
        key, message = clip(key, _PART_WIDTH), clip(message, _PART_WIDTH)
        self.findings.append(Finding(code, message, str(self.document.path), line, key, clip(hint, _PART_WIDTH) if hint else hint))

    def unknown_key_hint(self, close: str | None, allowed: Sequence[str]) -> str:
        """What to say of an unknown key, given the did-you-mean (if any) and the keys shown as allowed."""
        return close or f"allowed keys are: {', '.join(allowed)}"

    def keys(self, table: dict[str, Any], allowed: Sequence[str], key: str, what: str = "", *, shown: Sequence[str] = ()) -> None:
        """Refuse every key of ``table`` not in ``allowed`` (``what`` names the table in the message)."""
        for name in table:
            if name not in allowed:
                message = f"unknown key {quoted(name)} in {what}" if what else f"unknown key {quoted(name)}"
                close = did_you_mean(name, allowed) if len(name) <= ECHO_WIDTH else None
                path = key_path(key, clip(name, ECHO_WIDTH, one_line=True))
                self.add("unknown-key", path, message, self.unknown_key_hint(close, shown or allowed), line=self.document.line_of(key_path(key, name)))

    def tables(self, data: dict[str, Any], name: str, allowed: Sequence[str], parent: str = "") -> list[tuple[str, dict[str, Any]]]:
        """The array of tables ``name`` (none when absent), each with its key path; their keys checked."""
        if name not in data:  # most stories have no history: nothing to build
            return []
        path = key_path(parent, name)
        raw = data.get(name, [])
        if not is_table_list(raw):
            self.add("wrong-type", path, f"'{name}' must be an array of tables", f"write each one as a [[{path.split('[')[0]}]] table")
            return []
        known = frozenset(allowed)
        result = []
        for index, table in enumerate(raw):
            key = f"{path}[{index}]"
            if not known.issuperset(table):  # only then look at each key (to say which is unknown)
                self.keys(table, allowed, key)
            result.append((key, table))
        return result

    def string(self, table: dict[str, Any], name: str, key: str, *, required: bool = False, nonempty: bool = False) -> str:
        """A string ("" when absent); ``required``: it must be there; ``nonempty``: and hold more than white space."""
        value = table.get(name)
        if type(value) is str and not nonempty:  # the common case, with nothing to report: no key path built
            if len(value) <= self.always_short_enough:
                return value
            limit = self.text_limit(name)
            if limit is None or len(value) <= limit:
                return value
        path = key_path(key, name)
        if name not in table:
            if required:
                line = (self.document.line_of(key) if key else None) or 1
                self.add("missing-key", path, f"missing required key '{name}'", f'add {name} = "..."', line=line)
            return ""
        value = table[name]
        if not isinstance(value, str):
            self.add("wrong-type", path, f"'{name}' must be a string, not {type_name(value)}", f'write {name} = "..."')
            return ""
        if nonempty and not value.strip():
            self.add("empty", path, f"'{name}' is empty", f"give {name} a value")
        if not self.short_enough(path, name, value):
            return ""
        return value

    def text_limit(self, name: str) -> int | None:
        """How many characters the string ``name`` may hold (None: no bound); readers that bound text override it."""
        return None

    def short_enough(self, path: str, name: str, value: str) -> bool:
        """Whether ``value`` is within the bound of ``name``; a finding when it is not."""
        limit = self.text_limit(name)
        if limit is None or len(value) <= limit:
            return True
        self.add(
            "too-long", path, f"'{name}' is {len(value):,} characters, more than the {limit:,} elicit keeps in it", "shorten it in the file"
        )
        return False

    def strings(self, table: dict[str, Any], name: str, key: str) -> list[str]:
        """A list of strings ([] when absent)."""
        value = table.get(name)
        if value is None:
            return []
        if type(value) is list:  # the common case, with nothing to report
            if _short_strings(value, self.always_short_enough):
                return list(value)
            limit = self.text_limit(name)
            if _short_strings(value, sys.maxsize if limit is None else limit):
                return list(value)
        if isinstance(value, str):
            example = clip(value, 30)
        elif not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            example = '...", "...'
        else:
            path = key_path(key, name)
            if all(self.short_enough(path, name, item) for item in value):
                return list(value)
            return []
        self.add("wrong-type", key_path(key, name), f"'{name}' must be a list of strings", f'write {name} = ["{example}"]')
        return []

    def boolean(self, table: dict[str, Any], name: str, key: str) -> bool:
        """true or false (false when absent)."""
        value = table.get(name, False)
        if not isinstance(value, bool):
            message = f"'{name}' must be true or false, not {type_name(value)}"
            self.add("wrong-type", key_path(key, name), message, f"write {name} = true (no quotes)")
            return False
        return value

    def number(self, table: dict[str, Any], name: str, key: str) -> int | float | None:
        """A number (None when absent)."""
        value = table.get(name)
        if value is None:
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.add("wrong-type", key_path(key, name), f"'{name}' must be a finite number, not {value}", f"write {name} = 10 (no quotes)")
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.add(
                "wrong-type", key_path(key, name), f"'{name}' must be a number, not {type_name(value)}", f"write {name} = 10 (no quotes)"
            )
            return None
        number: int | float = value
        return number

    def whole(self, table: dict[str, Any], name: str, key: str, *, minimum: int | None = None, path: str = "") -> int | None:
        """A whole number, of at least ``minimum`` if given (None when absent or wrong); ``path`` overrides the key path."""
        path = path or key_path(key, name)
        value = table.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            example = 10 if minimum is None else max(minimum, 10)
            self.add(
                "wrong-type", path, f"'{name}' must be a whole number, not {type_name(value)}", f"write {name} = {example} (no quotes)"
            )
            return None
        if minimum is not None and value < minimum:
            self.add("bad-value", path, f"'{name}' is {value}", f"use a whole number of {minimum} or more")
            return None
        whole: int = value
        return whole

    def choice(self, table: dict[str, Any], name: str, key: str, allowed: tuple[str, ...], default: str) -> str:
        """One of ``allowed`` (``default`` when absent or not one of them)."""
        value = table.get(name, default)
        if value not in allowed:
            hint = did_you_mean(str(value), allowed) or f"use one of: {', '.join(allowed)}"
            self.add("bad-value", key_path(key, name), f"'{name}' is {clip(repr(value), ECHO_WIDTH)}", hint)
            return default
        return str(value)

    def when(self, table: dict[str, Any], name: str, key: str) -> datetime | None:
        """A date and time (None when absent)."""
        value = table.get(name)
        if value is None:
            return None
        if not isinstance(value, datetime):
            path = key_path(key, name)
            self.add("wrong-type", path, f"'{name}' must be a date and time", f"write {name} = 2026-01-31T09:30:00+01:00 (no quotes)")
            return None
        return standard_zone(value)  # a document parsed without standard zones gets them here, for what is kept
