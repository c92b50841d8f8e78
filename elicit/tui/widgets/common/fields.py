"""Text inputs that follow the app's cursor-blink setting (off in tests, for stable snapshots)."""

from __future__ import annotations

from textual.widgets import Input, TextArea


class Field(Input):
    """A one-line input."""

    def on_mount(self) -> None:
        self.cursor_blink = getattr(self.app, "cursor_blink", True)


class Editor(TextArea):
    """A multi-line text editor with soft wrap and no line numbers."""

    def __init__(self, text: str = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(text, soft_wrap=True, show_line_numbers=False, tab_behavior="focus", id=id, classes=classes)

    def on_mount(self) -> None:
        self.cursor_blink = getattr(self.app, "cursor_blink", True)
