"""A one-line text input that follows the app's cursor-blink setting (off in tests, for stable snapshots).

The multi-line :class:`~elicit.tui.widgets.common.editor.Editor` lives in a module of its own: the interview's
first screen needs it and not this one (a Textual widget class costs 2-3 M instructions to set up, issue 18)."""

from __future__ import annotations

from typing import Any

from textual import getters
from textual.widgets import Input

from ...host import SessionApp


class Field(Input):
    """A one-line input; coming back to it puts the cursor at the end, never a selection that typing would replace."""

    app = getters.app(SessionApp)

    def __init__(self, *args: Any, **options: Any) -> None:
        options.setdefault("select_on_focus", False)
        super().__init__(*args, **options)

    def on_mount(self) -> None:
        self.cursor_blink = self.app.cursor_blink
