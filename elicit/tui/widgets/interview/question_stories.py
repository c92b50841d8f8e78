"""The stories captured from the current question, as a list (made with the question's first story: until then the
box is a :class:`~.stories_hint.StoriesHint`)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from elicit.core.session import Story

from ...marks import PRIORITY_COLOURS, SUSPECT_MARK, priority_label
from ...messages import StoryChosen
from ..common.cursor import MarkedOptions
from .stories_hint import STORIES_TITLE


class QuestionStories(MarkedOptions, OptionList):
    """Stories whose source includes the current question; Enter opens one."""

    DEFAULT_CSS = """
    QuestionStories {
        height: auto;
        max-height: 8;
        border: round $accent 40%;
    }

    QuestionStories:focus {
        border: round $accent;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = STORIES_TITLE

    def show(self, stories: list[Story], suspects: dict[str, str] | None = None) -> None:
        """List ``stories`` (one at least); ``suspects`` maps a suspect story's id to why it is doubtful."""
        suspects = suspects or {}
        self.clear_options()
        options = []
        for story in stories:
            label = Text.assemble(
                (f"{SUSPECT_MARK} " if story.id in suspects else "", "bold yellow"),
                (story.id, "bold"),
                " ",
                (f"{priority_label(story.priority):<6}", PRIORITY_COLOURS.get(story.priority, "")),
                " ",
                story.sentence(),
            )
            if story.id in suspects:
                label.append_text(Text.assemble("\n  ", (f"{SUSPECT_MARK} suspect: {suspects[story.id]}", "bold yellow")))
            options.append(Option(label, id=story.id))
        self.add_options(options)  # in one go: the list lays itself out once, not once a story
        self.border_subtitle = str(len(stories))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(StoryChosen(event.option.id))
