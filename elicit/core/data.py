"""Records as plain data: the one way a story, a question or a follow-up becomes a dict for TOML or JSON."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

_EMPTY: tuple[Any, ...] = (None, "", [], {})


def record_dict(item: object, names: Iterable[str], *, keep: Collection[str] | None = None) -> dict[str, Any]:
    """The fields ``names`` of ``item``, in that order; lists and tuples become new lists.

    With ``keep``, an empty field (None, "", an empty list or table) is left
    out unless it is named in ``keep``: how the session file stays short.
    """
    table: dict[str, Any] = {}
    for name in names:
        value = getattr(item, name)
        if isinstance(value, (list, tuple)):
            value = list(value)
        if keep is None or name in keep or value not in _EMPTY:
            table[name] = value
    return table
