"""The story editor: a dialog that returns a :class:`StoryDraft`, or None when cancelled."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.markup import escape
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, RadioButton, RadioSet, Static, TextArea

from elicit.core.session import Story
from elicit.core.vocabulary import PRIORITIES

from ..commands import ScreenActions
from ..marks import priority_label
from ..widgets.common.fields import Editor, Field
from ..widgets.common.keybar import KeyBar
from .confirm import ConfirmDialog


@dataclass
class StoryDraft:
    """What the consultant typed into the editor."""

    role: str = ""
    want: str = ""
    so_that: str = ""
    priority: str = "should"
    acceptance: list[str] = field(default_factory=list)
    quote: str = ""
    tags: list[str] = field(default_factory=list)
    source: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, story: Story) -> StoryDraft:
        """The draft of an existing story."""
        return cls(**{f.name: _copy(getattr(story, f.name)) for f in fields(cls)})

    def normalised(self) -> StoryDraft:
        """The draft with blanks trimmed, empty lines and tags dropped, and repeated tags once."""
        return StoryDraft(
            role=self.role.strip(),
            want=self.want.strip(),
            so_that=self.so_that.strip(),
            priority=self.priority,
            acceptance=[line.strip() for line in self.acceptance if line.strip()],
            quote=self.quote.strip(),
            tags=list(dict.fromkeys(tag.strip() for tag in self.tags if tag.strip())),
            source=list(self.source),
        )

    def values(self) -> dict[str, Any]:
        """Keyword arguments for the service's add_story / update_story."""
        return {f.name: _copy(getattr(self, f.name)) for f in fields(self)}


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


class StoryEditor(ModalScreen[StoryDraft | None]):
    """Role, want, so that, priority, acceptance criteria, the client's words and tags."""

    CSS_PATH = "story_editor.tcss"
    COMMANDS = {ScreenActions}
    BINDINGS = [
        Binding("ctrl+s", "save", "Save story", id="story.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="story.cancel"),
        Binding("f5", "cycle_priority", "Priority", id="story.priority"),
    ]

    def __init__(self, draft: StoryDraft, *, heading: str, roles: list[str] | None = None) -> None:
        super().__init__()
        self.initial = draft
        self.heading = heading
        self.roles = [role for role in dict.fromkeys(r.strip() for r in roles or []) if role]

    def compose(self) -> ComposeResult:
        draft = self.initial
        with Vertical(id="story-dialog"):
            yield Static(Content(self.heading), id="story-heading")
            with VerticalScroll(id="story-fields"):
                with Horizontal(classes="story-row"):
                    yield Label("As a", classes="story-label")
                    yield Field(
                        draft.role,
                        placeholder="role" + (f" ({', '.join(self.roles[:3])}…)" if self.roles else ""),
                        suggester=SuggestFromList(self.roles, case_sensitive=False) if self.roles else None,
                        id="story-role",
                    )
                with Horizontal(classes="story-row"):
                    yield Label("I want", classes="story-label")
                    yield Field(draft.want, placeholder="what they want to do (required)", id="story-want")
                with Horizontal(classes="story-row"):
                    yield Label("so that", classes="story-label")
                    yield Field(draft.so_that, placeholder="the benefit", id="story-so-that")
                with Horizontal(classes="story-row"):
                    yield Label("Priority", classes="story-label")
                    with RadioSet(id="story-priority"):
                        for priority in PRIORITIES:
                            yield RadioButton(priority_label(priority), value=priority == draft.priority, id=f"priority-{priority}")
                with Horizontal(classes="story-row"):
                    yield Label("Accept when", classes="story-label")
                    yield Editor("\n".join(draft.acceptance), id="story-acceptance")
                with Horizontal(classes="story-row"):
                    yield Label("Client's words", classes="story-label")
                    yield Editor(draft.quote, id="story-quote")
                with Horizontal(classes="story-row"):
                    yield Label("Tags", classes="story-label")
                    yield Field(", ".join(draft.tags), placeholder="comma separated", id="story-tags")
                with Horizontal(classes="story-row"):
                    yield Label("From", classes="story-label")
                    yield Static(Content(", ".join(draft.source) or "no question"), id="story-source")
            yield Static(id="story-problems")
            with Horizontal(id="story-keys"):
                yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#story-acceptance", Editor).border_subtitle = "one per line · Given / When / Then"
        first_empty = "#story-want" if self.initial.role else "#story-role"
        self.query_one(first_empty, Field).focus()
        self._check()

    # reading the form

    def draft(self) -> StoryDraft:
        """What the form holds now."""
        pressed = self.query_one("#story-priority", RadioSet).pressed_button
        priority = (pressed.id or "").removeprefix("priority-") if pressed is not None else self.initial.priority
        return StoryDraft(
            role=self.query_one("#story-role", Field).value,
            want=self.query_one("#story-want", Field).value,
            so_that=self.query_one("#story-so-that", Field).value,
            priority=priority if priority in PRIORITIES else "should",
            acceptance=self.query_one("#story-acceptance", Editor).text.splitlines(),
            quote=self.query_one("#story-quote", Editor).text,
            tags=self.query_one("#story-tags", Field).value.replace(";", ",").split(","),
            source=list(self.initial.source),
        ).normalised()

    def is_dirty(self) -> bool:
        """Whether anything differs from what the editor opened with."""
        return self.draft() != self.initial.normalised()

    # live feedback

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "story-want":
            self._split_whole_story(event.value)
        self._check()

    def _split_whole_story(self, text: str) -> None:
        """A whole one-line story pasted into 'I want' is split into role, want and so that."""
        parsed = parse_one_line(text)
        if parsed is None:
            return
        role, want, so_that = parsed
        self.query_one("#story-role", Field).value = role
        self.query_one("#story-want", Field).value = want
        if so_that:
            self.query_one("#story-so-that", Field).value = so_that
        self.notify("Split the story into role, want and so that.", timeout=2)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._check()

    def _check(self) -> None:
        problems = self.query_one("#story-problems", Static)
        draft = self.draft()
        lines = []
        if not draft.want:
            lines.append("[$warning]•[/] 'I want' is required")
        lines.extend(f"[$warning]•[/] {text}" for text in story_findings(draft))
        problems.update(Content.from_markup("\n".join(lines)) if lines else Content.from_markup("[$success]✓[/] reads well"))

    # actions

    def action_save(self) -> None:
        draft = self.draft()
        if not draft.want:
            self.notify("Write what the user wants ('I want …') before saving.", severity="warning")
            self.query_one("#story-want", Field).focus()
            return
        self.dismiss(draft)

    def action_cancel(self) -> None:
        if not self.is_dirty():
            self.dismiss(None)
            return

        def decided(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmDialog("Discard this story?", "What you typed in the editor will be lost.", yes="Discard", no="Keep editing"), decided
        )

    def action_cycle_priority(self) -> None:
        current = self.draft().priority
        following = PRIORITIES[(PRIORITIES.index(current) + 1) % len(PRIORITIES)]
        self.query_one(f"#priority-{following}", RadioButton).value = True


def parse_one_line(text: str) -> tuple[str, str, str] | None:
    """Role, want and so-that of a whole one-line story ("As a …, I want …, so that …"), or None."""
    if len(text) < 12 or not text.lstrip().lower().startswith(("as ", "in order")):
        return None
    from elicit.core.stories import parse_story

    parsed = parse_story(text)
    if parsed is None or not parsed.role or not parsed.want:
        return None
    return parsed.role, parsed.want, parsed.so_that


def story_findings(draft: StoryDraft, limit: int = 3) -> list[str]:
    """Quality notes on a draft, from the core's story lint."""
    if not draft.want:
        return []
    from elicit.core.stories import lint_story

    story = Story("draft", draft.role, draft.want, draft.so_that, draft.priority, list(draft.acceptance), draft.quote)
    findings = lint_story(story)
    return [escape(f"{finding.message}: {finding.suggestion}") for finding in findings[:limit]]
