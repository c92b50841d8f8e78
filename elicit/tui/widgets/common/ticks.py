"""Lists of ticks and radio buttons whose ticked and unticked states differ in the glyph, not only in colour.

Textual draws ``▐X▌`` for every option and tells them apart by colour alone,
which a monochrome or low-contrast terminal (or ``NO_COLOR``) loses: a
consultant could not see which export formats would be written.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Checkbox, RadioButton, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

TICKED = "X"
UNTICKED = " "
PRESSED = "●"


class TickList(SelectionList[str]):
    """A selection list that draws ``X`` for a ticked option and a blank for an unticked one."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        if len(segments) < 3:
            return strip
        try:
            option = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        glyph = TICKED if option.value in self.selected else UNTICKED
        segments[1] = Segment(glyph, segments[1].style, segments[1].control)
        return Strip(segments, strip.cell_length)


class _GlyphToggle:
    """Draws ``ON`` inside the button when its value is set and a blank when not (mixed into a toggle button)."""

    ON = TICKED
    value: bool
    BUTTON_INNER: str

    def _show_glyph(self) -> None:
        self.BUTTON_INNER = self.ON if self.value else UNTICKED

    def on_mount(self) -> None:
        self._show_glyph()

    def watch_value(self) -> None:
        self._show_glyph()
        super().watch_value()  # type: ignore[misc]


class Choice(_GlyphToggle, RadioButton):
    """A radio button that draws ``●`` when pressed and a blank when not."""

    ON = PRESSED


class Tick(_GlyphToggle, Checkbox):
    """A checkbox that draws ``X`` when ticked and a blank when not."""
