"""The line at the top of the interview: title, clock, time left, progress and save state."""

from __future__ import annotations

from textual.content import Content
from textual.markup import escape
from textual.reactive import reactive
from textual.widget import Widget

from elicit.core.session import Progress, over_budget_text
from elicit.core.text import clip

from ...autosave import FAILED, PENDING, SAVED, SAVING
from ...marks import seconds_text

SAVE_TEXT = {
    SAVED: ("✓ saved", "$success"),
    PENDING: ("● unsaved", "$warning"),
    SAVING: ("… saving", "$warning"),
    FAILED: ("✗ SAVE FAILED", "$error"),
}


class SessionHeader(Widget):
    """One line, drawn from its reactives; the screen sets them."""

    DEFAULT_CSS = """
    SessionHeader {
        height: 1;
        padding: 0 1;
        background: $panel;
    }

    SessionHeader.-failed {
        background: $error 30%;
    }

    SessionHeader.-over {
        background: $warning 25%;
    }
    """

    title_text: reactive[str] = reactive("")
    seconds: reactive[int] = reactive(0)
    """Interview time so far."""
    left_seconds: reactive[int | None] = reactive(None)
    """Time left to the target length (negative when over), None without a target."""
    section_over_seconds: reactive[int] = reactive(0)
    """How far the current section has run over its budget (0: within it, and nothing is shown)."""
    paused: reactive[bool] = reactive(False)
    progress: reactive[Progress | None] = reactive(None)
    save_state: reactive[str] = reactive(SAVED)
    speaker: reactive[str] = reactive("")
    """The participant speaking now ("" : nobody, and nothing is shown)."""

    def watch_save_state(self, state: str) -> None:
        self.set_class(state == FAILED, "-failed")

    def watch_section_over_seconds(self, seconds: int) -> None:
        self.set_class(seconds > 0, "-over")

    def _right(self, compact: bool = False) -> list[tuple[str, str]]:
        """The parts on the right; ``compact`` when they leave no room for the title (a speaker and a section over
        budget at 80 columns cut the title and 'saved' to a lone '✓', trial2 T24)."""
        clock = ("⏸ PAUSED " if self.paused else "⏱ ") + seconds_text(self.seconds)
        right = [(f"▸ {clip(self.speaker, 10 if compact else 18)}", "$accent b")] if self.speaker else []
        right.append((clock, "$warning b" if self.paused else ""))
        if self.left_seconds is not None:
            left = self.left_seconds
            right.append((f"{seconds_text(left)} left" if left >= 0 else f"{seconds_text(-left)} over", "" if left >= 0 else "$error b"))
        if self.section_over_seconds > 0:
            right.append(("⚠ " + over_budget_text(self.section_over_seconds, short=compact), "$warning b"))
        if self.progress is not None:
            p = self.progress
            right.append((f"{p.done}/{p.total}", ""))
        save_text, save_style = SAVE_TEXT.get(self.save_state, (self.save_state, ""))
        right.append((save_text, save_style))
        return right

    def render(self) -> Content:
        width = max(20, self.content_size.width or 78)
        right = self._right()
        right_text = "  ".join(text for text, _ in right)
        if width - len(right_text) - 2 < 8:
            right = self._right(compact=True)
            right_text = "  ".join(text for text, _ in right)
        room = width - len(right_text) - 2
        title = self.title_text
        if room < 8:
            title = ""
        else:
            title = clip(title, room)
        pad = " " * max(1, width - len(title) - len(right_text))
        markup = [f"[b]{escape(title)}[/b]{pad}"]
        for index, (text, style) in enumerate(right):
            markup.append(("  " if index else "") + (f"[{style}]{escape(text)}[/]" if style else escape(text)))
        return Content.from_markup("".join(markup))
