"""A one-line text input that follows the app's cursor-blink setting (off in tests, for stable snapshots).

The multi-line :class:`~elicit.tui.widgets.common.editor.Editor` lives in a module of its own: the interview's
first screen needs it and not this one (a Textual widget class costs 2-3 M instructions to set up, issue 18)."""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from textual import getters
from textual.geometry import Region
from textual.widgets import Input

from ...host import SessionApp


class Field(Input):
    """A one-line input; coming back to it puts the cursor at the end, never a selection that typing would replace.

    A text longer than the field shows its start once the cursor has left it and the cursor again when it comes
    back: Textual's input stays scrolled to where the cursor was, so a long decision read 'e booking goes live
    before ...' from the next field on (trial7 T7-4)."""

    app = getters.app(SessionApp)

    def __init__(self, *args: Any, **options: Any) -> None:
        options.setdefault("select_on_focus", False)
        super().__init__(*args, **options)

    def on_mount(self) -> None:
        self.cursor_blink = self.app.cursor_blink

    def on_blur(self) -> None:
        self.scroll_to(x=0, animate=False)

    def on_focus(self) -> None:
        cursor = cell_len(self.value[: self.cursor_position])
        self.scroll_to_region(Region(cursor, 0, 1, 1), force=True, animate=False)
