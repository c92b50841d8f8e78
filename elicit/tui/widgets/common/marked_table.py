"""A data table whose cursor row is marked by a glyph, not colour alone (``cursor.MarkedRows``)."""

from __future__ import annotations

from typing import Any

from textual.widgets import DataTable

from .cursor import MarkedRows


class MarkedTable(MarkedRows, DataTable[Any]):
    """A table whose cursor row starts with ``❯``; on a table of rows Home and End go to the first and the last row
    (Textual's table scrolls sideways to its first or last column: End hid the ID column and moved no cursor,
    trial7 T7-12)."""

    def action_scroll_home(self) -> None:
        if self.cursor_type == "row":
            self.action_scroll_top()
        else:
            super().action_scroll_home()

    def action_scroll_end(self) -> None:
        if self.cursor_type == "row":
            self.action_scroll_bottom()
        else:
            super().action_scroll_end()
