"""The highlighted row of a list, table or tree marked by a glyph, not by colour alone.

Textual shows the highlighted row (the one Space or Enter acts on) by colour,
which a monochrome terminal, ``NO_COLOR`` or a plain ``tmux capture-pane``
loses: Down, Down, Space on the export screen unticked Markdown instead of
ticking HTML (trial 5). So that row carries :data:`CURSOR` wherever Textual
shows it by colour, in the widget that has focus (so that two lists on one
screen never both show it: it says where the keys go): option lists
(:class:`MarkedOptions`), tables (:class:`MarkedRows`), trees
(:class:`MarkedTree`); the ticks and radio buttons of ``ticks.py`` too. The
mixins import no widget but the option list, which the interview screen loads
anyway.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widgets import OptionList

CURSOR = "❯"
"""Before the highlighted row of the focused list, table or tree (and a focused tick): where Space or Enter acts."""


def marked(strip: Strip, mark: bool, style: Style | None) -> Strip:
    """``strip`` after a cell with :data:`CURSOR` (or a blank) and a space."""
    return Strip([Segment(CURSOR if mark else " ", style), Segment(" ", style), *strip])


def _first_cell_marked(strip: Strip, mark: str = CURSOR) -> Strip:
    """``strip`` with ``mark`` in place of its first cell."""
    segments = list(strip)
    if not segments or not segments[0].text:
        return strip
    first = segments[0]
    wide = " " * (cell_len(first.text[0]) - 1)  # a folder's 📂 takes two cells: the line keeps its width
    segments[0] = Segment(mark + wide + first.text[1:], first.style, first.control)
    return Strip(segments, strip.cell_length)


class MarkedOptions:
    """Mixed into an option list (or a selection list): :data:`CURSOR` and a space before the highlighted
    option's first line, two blanks before the others (a left gutter of two cells, as the selection list's ticks)."""

    highlighted: int | None
    scroll_offset: Any
    rich_style: Style
    has_focus: bool

    def _get_left_gutter_width(self) -> int:
        return super()._get_left_gutter_width() + 2  # type: ignore[misc]

    def render_line(self, y: int) -> Strip:
        strip: Strip = super().render_line(y)  # type: ignore[misc]
        try:
            index, line = self._lines[self.scroll_offset.y + y]  # type: ignore[attr-defined]  # (option, its line)
        except (IndexError, AttributeError):
            return marked(strip, False, self.rich_style)
        style = next(iter(strip)).style if strip.cell_length else self.rich_style
        return marked(strip, self.has_focus and index == self.highlighted and line == 0, style)


class MarkedOptionList(MarkedOptions, OptionList):
    """An option list that marks its highlighted option with :data:`CURSOR`."""


class MarkedRows:
    """Mixed into a data table: the cursor row starts with :data:`CURSOR`, drawn in the left padding of its first
    cell (no extra width), while the table shows a row cursor and is not scrolled sideways."""

    show_cursor: bool
    cursor_type: Any
    scroll_offset: Any
    row_count: int
    cell_padding: int
    header_height: int
    cursor_coordinate: Any
    has_focus: bool

    def render_line(self, y: int) -> Strip:
        strip: Strip = super().render_line(y)  # type: ignore[misc]
        if not self.has_focus or not self.show_cursor or self.cursor_type != "row" or self.scroll_offset.x or not self.row_count or self.cell_padding < 1:
            return strip
        line = y if y < self.header_height else y + self.scroll_offset.y
        try:
            row_key, offset = self._get_offsets(line)  # type: ignore[attr-defined]
            cursor_key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key  # type: ignore[attr-defined]
        except Exception:  # a header line, a line below the rows, a table being filled
            return strip
        if row_key != cursor_key or offset != 0 or not strip.text.startswith(" "):
            return strip
        return _first_cell_marked(strip)


class MarkedTree:
    """Mixed into a tree: the cursor line starts with :data:`CURSOR` in place of its first cell (a guide line, or an
    open or closed section's arrow: the lines below an open section say it is open)."""

    cursor_line: int
    scroll_offset: Any
    has_focus: bool
    BLURRED_MARK = ""
    """What marks the cursor line while the tree has no focus (nothing; the navigator: its current question)."""

    def render_line(self, y: int) -> Strip:
        strip: Strip = super().render_line(y)  # type: ignore[misc]
        mark = CURSOR if self.has_focus else self.BLURRED_MARK
        if not mark or self.cursor_line < 0 or y + self.scroll_offset.y != self.cursor_line or self.scroll_offset.x:
            return strip
        return _first_cell_marked(strip, mark)
