"""The line at the top of the interview: title, client, elapsed time, progress and save state."""

from __future__ import annotations

from datetime import datetime, timedelta

from textual.content import Content
from textual.markup import escape
from textual.widgets import Static

from elicit.core.session import Progress
from elicit.core.text import clip

from ...autosave import FAILED, PENDING, SAVED, SAVING
from ...marks import elapsed_text

SAVE_TEXT = {
    SAVED: ("✓ saved", "$success"),
    PENDING: ("● unsaved", "$warning"),
    SAVING: ("… saving", "$warning"),
    FAILED: ("✗ SAVE FAILED", "$error"),
}


class SessionHeader(Static):
    """One line; the screen feeds it through ``update_parts``."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title_text = ""
        self.elapsed = timedelta(0)
        self.progress: Progress | None = None
        self.save_state = SAVED

    def update_parts(
        self,
        *,
        title: str | None = None,
        elapsed: timedelta | None = None,
        progress: Progress | None = None,
        save_state: str | None = None,
    ) -> None:
        """Change some parts and redraw."""
        if title is not None:
            self.title_text = title
        if elapsed is not None:
            self.elapsed = elapsed
        if progress is not None:
            self.progress = progress
        if save_state is not None:
            self.save_state = save_state
        self.set_class(self.save_state == FAILED, "-failed")
        self.update(self._content())

    def _content(self) -> Content:
        save_text, save_style = SAVE_TEXT.get(self.save_state, (self.save_state, ""))
        right = [("⏱ " + elapsed_text(self.elapsed), "")]
        if self.progress is not None:
            p = self.progress
            right.append((f"{p.done}/{p.total} · {p.percent}%", ""))
        right.append((save_text, save_style))
        right_text = "  ".join(text for text, _ in right)
        width = max(20, (self.size.width or 80) - 2)
        room = max(8, width - len(right_text) - 2)
        title = clip(self.title_text, room)
        pad = " " * max(2, width - len(title) - len(right_text))
        markup = [f"[b]{escape(title)}[/b]{pad}"]
        for index, (text, style) in enumerate(right):
            markup.append(("  " if index else "") + (f"[{style}]{escape(text)}[/]" if style else escape(text)))
        return Content.from_markup("".join(markup))

    def on_resize(self) -> None:
        self.update(self._content())


def elapsed_since(started_at: datetime | None, opened_at: datetime, now: datetime) -> timedelta:
    """Time spent in the interview: since it started if that was today (a resumed sitting), else since it was opened."""
    if started_at is not None and timedelta(0) <= now - started_at <= timedelta(hours=12):
        return now - started_at
    return now - opened_at
