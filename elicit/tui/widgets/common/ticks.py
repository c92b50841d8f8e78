"""Lists of ticks and radio buttons whose ticked and unticked states differ in the glyph, not only in colour.

Textual draws ``▐X▌`` for every option and tells them apart by colour alone,
which a monochrome or low-contrast terminal (or ``NO_COLOR``) loses: a
consultant could not see which export formats would be written. The
highlighted one (where Space acts) is marked too (``cursor.CURSOR``).
"""

from __future__ import annotations

from rich.segment import Segment
from textual.content import Content
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Checkbox, RadioButton, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

from .cursor import CURSOR, MarkedOptions, marked

TICKED = "X"
UNTICKED = " "
PRESSED = "●"


class TickList(MarkedOptions, SelectionList[str]):
    """A selection list that draws ``X`` for a ticked option and a blank for an unticked one, and
    :data:`CURSOR` before the highlighted one."""

    def render_line(self, y: int) -> Strip:
        strip = SelectionList.render_line(self, y)
        segments = list(strip)
        try:
            option = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return marked(strip, False, self.rich_style)
        if len(segments) >= 3:
            glyph = TICKED if option.value in self.selected else UNTICKED
            segments[1] = Segment(glyph, segments[1].style, segments[1].control)
        style = segments[-1].style if segments else self.rich_style
        return marked(Strip(segments, strip.cell_length), self.has_focus and self.highlighted == self.scroll_offset.y + y, style)

    def on_focus(self) -> None:
        if self.highlighted is None and self.option_count:
            self.action_first()  # the marker shows where Space acts from the first key on (Down, Down: the third)


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

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return super().get_content_width(container, viewport) + 2  # type: ignore[misc]  # the cursor's cell and a space


class Choice(_GlyphToggle, RadioButton):
    """A radio button that draws ``●`` when pressed and a blank when not, after :data:`CURSOR` when it is the
    highlighted button of its set (the one Space or Enter presses)."""

    ON = PRESSED

    def render(self) -> Content:
        focused = isinstance(self.parent, Widget) and self.parent.has_focus
        return Content.assemble(CURSOR if focused and self.has_class("-selected") else " ", " ", super().render())


class Tick(_GlyphToggle, Checkbox):
    """A checkbox that draws ``X`` when ticked and a blank when not, after :data:`CURSOR` while it has focus."""

    def render(self) -> Content:
        return Content.assemble(CURSOR if self.has_focus else " ", " ", super().render())
