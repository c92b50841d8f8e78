"""A multi-line text editor that follows the app's cursor-blink setting (off in tests, for stable snapshots)."""

from __future__ import annotations

from textual import events, getters
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import TextArea

from ...host import SessionApp


class Editor(TextArea):
    """A multi-line text editor with soft wrap and no line numbers."""

    app = getters.app(SessionApp)

    def __init__(self, text: str = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(text, soft_wrap=True, show_line_numbers=False, tab_behavior="focus", id=id, classes=classes)

    def on_mount(self) -> None:
        self.cursor_blink = self.app.cursor_blink
        self.move_cursor(self.document.end)  # what is typed next adds to the text, never goes in front of it

    def on_resize(self, event: events.Resize) -> None:
        """Draw every line again after a resize: ``TextArea`` wraps its text anew for the new width but repaints
        only when that changes its size (its number of lines), so a line drawn with the old wrap (before the resize was
        handled) stayed on screen, a word short: 'Dr Okafor. I' over 'to ask him.' (trial7 T7-2)."""
        self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        """Blank once taken out of the screen: a frame drawn from the layout of just before (the next question's
        inputs replace this one) must not ask a removed editor for its styles, which Textual has dropped by then
        (KeyError 'text-area--gutter', seen in a full test run under load)."""
        if self.parent is None:
            return [Strip.blank(crop.width)] * crop.height
        return super().render_lines(crop)
