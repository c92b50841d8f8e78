"""Read-back: each story read to the client and marked confirmed, changed or rejected."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.markup import escape
from textual.widgets import Static

from elicit.core.session import OpenSession, Story
from elicit.core.vocabulary import PRIORITIES

from ..commands import ScreenActions
from ..marks import STORY_STATUS_STYLES, priority_label
from ..widgets.common.keybar import KeyBar
from .session_screen import SessionScreen
from .story_editor import StoryDraft, StoryEditor


def read_back_order(stories: list[Story]) -> list[Story]:
    """Must first, then should, could, won't; by id within each."""
    rank = {priority: index for index, priority in enumerate(PRIORITIES)}
    return sorted(stories, key=lambda story: (rank.get(story.priority, 9), story.id))


class ReadBackScreen(SessionScreen[None]):
    """One story at a time, in priority order, starting at the first one still in draft."""

    CSS_PATH = "readback.tcss"
    COMMANDS = {ScreenActions}
    BINDINGS = [
        Binding("c", "mark('confirmed')", "Confirmed", id="readback.confirmed"),
        Binding("h", "mark('changed')", "Changed", id="readback.changed"),
        Binding("r", "mark('rejected')", "Rejected", id="readback.rejected"),
        Binding("e", "edit", "Edit", id="readback.edit", tooltip="Change the story as the client says (marks it changed)"),
        Binding("right,n,space", "step(1)", "Next", id="readback.next"),
        Binding("left,b", "step(-1)", "Previous", id="readback.previous"),
        Binding("escape", "back", "Back", id="readback.back"),
    ]

    def __init__(self, opened: OpenSession) -> None:
        super().__init__(opened)
        self.order = [story.id for story in read_back_order(self.session.stories)]
        drafts = [i for i, story_id in enumerate(self.order) if (s := self.session.story(story_id)) is not None and s.status == "draft"]
        self.index = drafts[0] if drafts else 0

    def compose(self) -> ComposeResult:
        yield Static(id="readback-position")
        with VerticalScroll(id="readback-body"):
            yield Static(id="readback-sentence")
            yield Static(id="readback-details")
        yield Static(id="readback-tally")
        yield KeyBar()

    def on_mount(self) -> None:
        self.show()

    def story(self) -> Story | None:
        """The story being read."""
        if not self.order:
            return None
        return self.session.story(self.order[self.index])

    def show(self) -> None:
        """Show the current story and the tally."""
        position = self.query_one("#readback-position", Static)
        sentence = self.query_one("#readback-sentence", Static)
        details = self.query_one("#readback-details", Static)
        story = self.story()
        if story is None:
            position.update("[b]Read-back[/b]")
            sentence.update("No stories to read back yet. Capture stories during the interview (Ctrl+T).")
            details.update("")
        else:
            position.update(
                Content.from_markup(
                    f"[b]Read-back[/b]  story {self.index + 1} of {len(self.order)} · [b]{escape(story.id)}[/b] · "
                    f"{priority_label(story.priority)} · [{STORY_STATUS_STYLES.get(story.status, '$text-muted')}]{story.status}[/]"
                )
            )
            sentence.update(Content(story.sentence() + "."))
            lines = []
            if story.acceptance:
                lines.append("[b]Accepted when[/b]")
                lines += [f"  • {escape(line)}" for line in story.acceptance]
            if story.quote:
                lines += ["", "[b]In the client's words[/b]", f"  “{escape(story.quote)}”"]
            sources = [self.interview.question(qid) for qid in story.source]
            asked = [q.prompt for q in sources if q is not None]
            if asked:
                lines += ["", "[b]From the question[/b]"] + [f"  {escape(prompt)}" for prompt in asked]
            if story.tags:
                lines += ["", "[$text-muted]tags: " + escape(", ".join(story.tags)) + "[/]"]
            details.update(Content.from_markup("\n".join(lines)))
        counts = {
            status: sum(1 for s in self.session.stories if s.status == status) for status in ("confirmed", "changed", "rejected", "draft")
        }
        self.query_one("#readback-tally", Static).update(
            f"confirmed {counts['confirmed']} · changed {counts['changed']} · rejected {counts['rejected']} · not yet read {counts['draft']}"
        )

    def action_mark(self, status: str) -> None:
        story = self.story()
        if story is None:
            return
        self.service.set_story_status(story.id, status)
        if self.index < len(self.order) - 1:
            self.index += 1
        else:
            self.notify("That was the last story.", timeout=3)
        self.show()

    def action_step(self, delta: int) -> None:
        if self.order:
            self.index = max(0, min(len(self.order) - 1, self.index + delta))
            self.show()

    def action_edit(self) -> None:
        story = self.story()
        if story is None:
            return
        story_id = story.id

        def saved(result: StoryDraft | None) -> None:
            if result is not None:
                self.service.update_story(story_id, **result.values(), status="changed")
                self.show()

        self.app.push_screen(
            StoryEditor(StoryDraft.of(story), heading=f"Change {story_id} as the client says", roles=self.story_roles(from_stories=False)),
            saved,
        )

    def action_back(self) -> None:
        self.dismiss()
