"""The TOML parser elicit reads with: the fastest one that passes the whole toml-test suite.

``rtoml`` (Rust) parses a 10,000-story session about five times faster than
``tomllib``; the compiled ``tomli`` wheel about 2.5 times. Both read TOML 1.1,
a superset of 1.0, so every file that parsed before parses to the same data.
``rtoml`` is tried first where it is installed (it has wheels for the common
platforms only); anything it refuses, and any text holding U+FEFF (which it
accepts in places the spec forbids), goes to ``tomli``, which gives the exact
verdict and ``tomllib``'s messages with line and column. Where neither is
installed, ``tomllib`` does all the work. tests/core/files/test_toml_parser.py
runs the toml-test suite through :func:`loads`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timezone
from typing import Any


class TomlSyntaxError(ValueError):
    """The text is not valid TOML; the message ends with the position, as tomllib words it."""


def _fast_parser() -> Callable[[str], dict[str, Any]] | None:
    try:
        import rtoml
    except ImportError:
        return None
    return rtoml.loads


def _careful_parser() -> Any:
    try:
        import tomli
    except ImportError:
        import tomllib

        return tomllib
    return tomli


_fast: Callable[[str], dict[str, Any]] | None = None
_fast_looked_up = False
_careful: Any = None


def loads(text: str, *, explain: bool = True, standard_zones: bool = True) -> dict[str, Any]:
    """Parse TOML text; raise :class:`TomlSyntaxError` when it is not valid TOML.

    The careful parser is imported only when the fast one refuses the text
    (or is not installed): a good file costs one import, not two.
    ``explain=False``: a caller that reads the text another way when it does
    not parse (a part of a file: :mod:`elicit.core.session.staged`) needs no
    verdict from the careful parser on what the fast one refused, only the
    error (with no position). ``standard_zones=False``: a reader that passes
    every datetime it keeps through :func:`standard_zone` (the session reader's
    ``when``) is spared the walk over all the data that gives them tomllib's zones.
    """
    global _fast, _fast_looked_up, _careful
    if not _fast_looked_up:
        _fast, _fast_looked_up = _fast_parser(), True
    if _fast is not None and "\ufeff" not in text:
        try:
            parsed = _fast(text)
            return _standard_zones(parsed) if standard_zones else parsed
        except Exception:  # noqa: BLE001  (the careful parser below gives the verdict and the message)
            if not explain:
                raise TomlSyntaxError("not valid TOML") from None
    if _careful is None:
        _careful = _careful_parser()
    try:
        data: dict[str, Any] = _careful.loads(text)
    except _careful.TOMLDecodeError as exc:
        raise TomlSyntaxError(str(exc)) from None
    return data


_ZONES: dict[Any, timezone] = {}


def standard_zone(value: datetime) -> datetime:
    """``value`` with a ``datetime.timezone`` offset, as tomllib gives it (itself when it has one, or no offset)."""
    zone = value.tzinfo
    if zone is None or type(zone) is timezone:
        return value
    offset = value.utcoffset()
    standard = _ZONES.get(offset)
    if standard is None:
        standard = _ZONES[offset] = timezone(offset) if offset else UTC
    return with_zone(value, standard)


def with_zone(value: datetime, zone: timezone) -> datetime:
    """``value.replace(tzinfo=zone)``, made by the constructor where that is the same datetime (a plain one, fold 0):
    a quarter of the cost of ``replace``'s keyword (20,000 datetimes in a 10,000-story session: issue 18)."""
    if type(value) is not datetime or value.fold:
        return value.replace(tzinfo=zone)
    return datetime(value.year, value.month, value.day, value.hour, value.minute, value.second, value.microsecond, zone)


def _standard_zones(table: dict[str, Any]) -> dict[str, Any]:
    """Give rtoml's datetimes ``datetime.timezone`` offsets, as tomllib does (its own zone class cannot be copied).

    One walk over the parsed data, by exact type (rtoml gives plain dicts and
    lists), each offset's zone made once: a 10,000-story session holds 20,000 datetimes.
    """
    zones: dict[Any, timezone] = {}
    stack: list[Any] = [table]
    while stack:
        container = stack.pop()
        for key, value in container.items() if type(container) is dict else enumerate(container):
            kind = type(value)
            if kind is dict or kind is list:
                stack.append(value)
            elif kind is datetime and value.tzinfo is not None and type(value.tzinfo) is not timezone:
                offset = value.utcoffset()
                zone = zones.get(offset)
                if zone is None:
                    zone = zones[offset] = timezone(offset) if offset else UTC
                container[key] = with_zone(value, zone)
    return table
