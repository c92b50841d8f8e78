"""Read-back: each story read to the client and marked confirmed, changed or rejected."""

from __future__ import annotations

from typing import Any

from textual import getters
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.markup import escape
from textual.widgets import Static

from elicit.core.session import OpenSession, Story, summarise, suspect_reason, suspect_stories
from elicit.core.vocabulary import PRIORITIES

from ..bindings import bindings
from ..commands import ScreenActions
from ..marks import STORY_STATUS_STYLES, SUSPECT_MARK, priority_label
from ..widgets.common.keybar import KeyBar
from .ask_text import AskText
from .session_screen import SessionScreen
from .story_editor import StoryDraft, StoryEditor


def read_back_order(stories: list[Story]) -> list[Story]:
    """Must first, then should, could, won't; by id within each."""
    rank = {priority: index for index, priority in enumerate(PRIORITIES)}
    return sorted(stories, key=lambda story: (rank.get(story.priority, 9), story.id))


def hanging_part(heading: Any, lines: list[str], mark: str = "") -> Any:
    """A heading and its lines, each line indented (after ``mark``, a bullet) and wrapped under its own text rather
    than at the left edge: the one rule of the read-back's parts (a long criterion's, quote's or earlier wording's
    second line started at the left edge, at 80 and at 120 columns)."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    for line in lines:
        grid.add_row(f" {mark}".rjust(3) if mark else " ", Text(line))
    return Group(Text(heading, style="bold") if isinstance(heading, str) else heading, grid)


def criteria_list(criteria: list[str]) -> Any:
    """ "Accepted when" and the criteria, each bullet's text wrapped under itself rather than under the bullet."""
    return hanging_part("Accepted when", criteria, mark="•") if criteria else ""


class ReadBackScreen(SessionScreen[None]):
    """One story at a time, in priority order, starting at the first one still in draft or suspect (its answer
    changed since it was confirmed: to read to the client again)."""

    CSS_PATH = "readback.tcss"
    COMMANDS = {ScreenActions}
    BINDINGS = bindings("readback")

    readback_position = getters.query_one("#readback-position", Static)
    readback_sentence = getters.query_one("#readback-sentence", Static)
    readback_criteria = getters.query_one("#readback-criteria", Static)
    readback_details = getters.query_one("#readback-details", Static)
    readback_tally = getters.query_one("#readback-tally", Static)

    def __init__(self, opened: OpenSession) -> None:
        super().__init__(opened)
        self.order = [story.id for story in read_back_order(self.session.stories)]
        suspects = suspect_stories(self.session)
        to_read = [
            i for i, story_id in enumerate(self.order) if story_id in suspects or ((s := self.session.story(story_id)) is not None and s.status == "draft")
        ]
        self.index = to_read[0] if to_read else 0

    def compose(self) -> ComposeResult:
        yield Static(id="readback-position")
        with VerticalScroll(id="readback-body"):
            yield Static(id="readback-sentence")
            yield Static(id="readback-criteria")
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
        position = self.readback_position
        sentence = self.readback_sentence
        details = self.readback_details
        story = self.story()
        suspects = suspect_stories(self.session)
        if story is None:
            position.update("[b]Read-back[/b]")
            sentence.update("No stories to read back yet. Capture stories during the interview (Ctrl+T).")
            self.readback_criteria.update("")
            details.update("")
        else:
            position.update(
                Content.from_markup(
                    f"[b]Read-back[/b]  story {self.index + 1} of {len(self.order)} · [b]{escape(story.id)}[/b] · "
                    f"{priority_label(story.priority)} · [{STORY_STATUS_STYLES.get(story.status, '$text-muted')}]{story.status}[/]"
                    + (f" · [$warning]{SUSPECT_MARK} suspect[/]" if story.id in suspects else "")
                )
            )
            sentence.update(Content(story.sentence() + "."))
            self.readback_criteria.update(criteria_list(story.acceptance))
            self.readback_criteria.display = bool(story.acceptance)
            details.update(self._details(story, suspect=story.id in suspects))
        counts = summarise(self.interview).stories_by_status
        self.readback_tally.update(
            f"confirmed {counts.get('confirmed', 0)} · changed {counts.get('changed', 0)} · rejected {counts.get('rejected', 0)}"
            f" · not yet read {counts.get('draft', 0)}" + (f" · to read again {len(suspects)}" if suspects else "")
        )

    def _details(self, story: Story, *, suspect: bool = False) -> Any:
        """Why a suspect story is read again, the client's words, a rejection's reason, the earlier wording, the
        questions and the tags: each part's text wrapped under itself (:func:`hanging_part`), a blank line between."""
        from rich.console import Group
        from rich.text import Text

        parts: list[Any] = []
        if suspect:
            parts.append(Text(f"{SUSPECT_MARK} suspect: {suspect_reason(story)}; read it to the client again", style="bold yellow"))
        if story.quote:
            parts.append(hanging_part("In the client's words", [f"“{story.quote}”"]))
        if story.status == "rejected" and story.reason:
            parts.append(hanging_part("Rejected because", [story.reason]))
        if story.history:
            last = story.history[-1]
            heading = Text.assemble(("Earlier wording", "bold"), (f" ({len(story.history)} before this)", "dim"))
            parts.append(hanging_part(heading, [Story("", last.role, last.want, last.so_that).sentence()]))
        sources = [self.interview.question(qid) for qid in story.source]
        asked = [q.prompt for q in sources if q is not None]
        if asked:
            parts.append(hanging_part("From the question", asked))
        if story.tags:
            parts.append(Text("tags: " + ", ".join(story.tags), style="dim"))
        shown: list[Any] = []
        for part in parts:
            shown += [Text(""), part] if shown else [part]  # the first follows the criteria's own margin
        return Group(*shown)

    def action_mark(self, status: str) -> None:
        story = self.story()
        if story is None:
            return
        self.service.set_story_status(story.id, status)
        self._advance()

    def action_step(self, delta: int) -> None:
        if self.order:
            self.index = max(0, min(len(self.order) - 1, self.index + delta))
            self.show()

    def _advance(self) -> None:
        if self.index < len(self.order) - 1:
            self.index += 1
        else:
            self.notify("That was the last story.", timeout=3)
        self.show()

    def action_changed(self) -> None:
        """The client says what changed: edit it now; saving marks it changed and keeps the earlier wording."""
        self._edit("What changed in {story_id}? (the earlier wording is kept)", status="changed")

    def action_edit(self) -> None:
        self._edit("Edit {story_id}", status=None)

    def _edit(self, heading: str, *, status: str | None) -> None:
        story = self.story()
        if story is None:
            return
        story_id = story.id

        def saved(result: StoryDraft | None) -> None:
            if result is None:
                return
            values = result.values()
            if status is not None:
                values["status"] = status
            self.service.update_story(story_id, note="read-back" if status else "", **values)
            if status is not None:
                self._advance()
            else:
                self.show()

        editor = StoryEditor(
            StoryDraft.of(story), heading=heading.format(story_id=story_id), roles=self.story_roles(from_stories=False), story_id=story_id
        )
        self.app.push_screen(editor, saved)

    def action_rejected(self) -> None:
        """The client rejects the story: ask for their reason and keep it with the story."""
        story = self.story()
        if story is None:
            return
        story_id = story.id

        def answered(reason: str | None) -> None:
            if reason is not None:
                self.service.reject_story(story_id, reason)
                self._advance()

        self.app.push_screen(
            AskText(f"Why does the client reject {story_id}?", placeholder="their reason, in their words", value=story.reason), answered
        )

    def action_back(self) -> None:
        self.dismiss()
