"""A data table whose cursor row is marked by a glyph, not colour alone (``cursor.MarkedRows``)."""

from __future__ import annotations

from typing import Any

from textual.widgets import DataTable

from .cursor import MarkedRows


class MarkedTable(MarkedRows, DataTable[Any]):
    """A table whose cursor row starts with ``❯``."""
