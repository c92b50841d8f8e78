"""The stories box while the current question has none: one line of text in the box's frame.

The list of a question's stories (:mod:`.question_stories`, an option list) is made with the question's first
story: a new session's first question has none, and an option list on the first screen cost start-up ~13 M
instructions (its class, its CSS, its drawing; issue 18) to show this one line.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

STORIES_TITLE = "Stories from this question"


class StoriesHint(Static):
    """Drawn as the stories list draws its one disabled line: the list's frame, padding and colours."""

    DEFAULT_CSS = """
    StoriesHint {
        height: auto;
        border: round $accent 40%;
        padding: 0 1 0 3;
        background: $surface;
        color: $text-disabled;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = STORIES_TITLE

    def say_none(self, new_story_key: str) -> None:
        """The question has no story yet: how to capture one."""
        self.update(Text(f"none yet: {new_story_key} captures one from this answer", "dim"))

    def say_loading(self) -> None:
        """The session's stories are still being read (a big session opens on its first question first)."""
        self.update(Text("loading the session's stories…", "dim italic"))
