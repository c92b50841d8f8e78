"""The story editor: a dialog that returns a :class:`StoryDraft`, or None when cancelled.

Built for speed in a live interview: it opens on *As a*; a whole one-line
story typed or pasted into any field is split into the fields (Enter or the
paste splits it, and the cursor goes on to *Accept when*); one function key
sets the priority from any field; a question's story hint is offered as a
suggestion (→ on an empty field takes it), never as text typing would replace.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from textual import events, getters
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.markup import escape
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static, TextArea

from elicit.core.banks import StoryHint
from elicit.core.session import Story, role_article
from elicit.core.text import clip
from elicit.core.vocabulary import PRIORITIES

from ..bindings import bindings
from ..commands import ScreenActions
from ..marks import priority_label
from ..widgets.common.editor import Editor
from ..widgets.common.fields import Field
from ..widgets.common.keybar import KeyBar
from .drafts import KeepsDraft

TEXT_FIELDS = {"story-role": "role", "story-want": "want", "story-so-that": "so_that"}
PRIORITY_KEYS = {"must": "f5", "should": "f6", "could": "f7", "wont": "f8"}
WANT_REQUIRED = "'I want' is required"
WANT_NEEDED = "'I want' is required to save the story"


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


def draft_from_hint(hint: StoryHint | None) -> StoryDraft | None:
    """A question's story hint as suggestions for the editor (a want of "..." suggests nothing)."""
    if hint is None:
        return None
    want = "" if hint.want.strip() in ("", "...", "…") else hint.want
    return StoryDraft(role=hint.role, want=want, so_that=hint.so_that)


TAKES_IT = "  (→ takes it)"


def hint_placeholder(hint: str, width: int) -> str:
    """A suggestion as an empty field shows it in ``width`` cells: the hint, shortened if need be, then the key that
    takes it (a long want at 80 columns lost the key: '… drive them  (→ takes it', trial 5 T5-9)."""
    room = width - len(TAKES_IT) - 1  # the cursor's cell at the end
    if len(hint) <= room or room < 12:
        return hint + TAKES_IT
    return clip(hint, room) + TAKES_IT


class HintField(Field):
    """A story field that offers a suggestion while empty: → takes it."""

    def __init__(self, value: str, *, hint: str = "", placeholder: str = "", **options: Any) -> None:
        shown = hint + TAKES_IT if hint else placeholder
        super().__init__(value, placeholder=shown, **options)
        self.hint = hint

    def on_resize(self) -> None:
        if self.hint:
            self.placeholder = hint_placeholder(self.hint, self.content_size.width)

    def on_key(self, event: events.Key) -> None:
        if event.key == "right" and self.hint and not self.value:
            event.stop()
            event.prevent_default()
            self.value = self.hint
            self.cursor_position = len(self.value)
            # Textual scrolls to the cursor from the second change of a field on: show the end of a long want now.
            self.call_after_refresh(lambda: self.scroll_to(x=self.max_scroll_x, animate=False, force=True))


class PriorityLine(Static):
    """The story's priority, chosen with one function key from any field (or a click); never takes typed text."""

    DEFAULT_CSS = """
    PriorityLine {
        width: 1fr;
        height: 1;
    }
    """

    priority: reactive[str] = reactive("should")

    def render(self) -> Content:
        parts = []
        for name in PRIORITIES:
            label = priority_label(name)
            key = PRIORITY_KEYS[name]
            if name == self.priority:
                parts.append(f"[@click=screen.priority('{name}')][reverse b] ● {label.upper()} [/][/]")
            else:
                parts.append(f"[@click=screen.priority('{name}')]  ○ {label} [$text-muted]{key}[/][/]")
        return Content.from_markup(" ".join(parts))


class StoryEditor(KeepsDraft, ModalScreen[StoryDraft | None]):
    """Role, want, so that, priority, acceptance criteria, the client's words and tags."""

    priority_line = getters.query_one("#story-priority", PriorityLine)
    role_field = getters.query_one("#story-role", Field)
    want_field = getters.query_one("#story-want", Field)
    so_that_field = getters.query_one("#story-so-that", Field)
    acceptance_editor = getters.query_one("#story-acceptance", Editor)
    quote_editor = getters.query_one("#story-quote", Editor)
    tags_field = getters.query_one("#story-tags", Field)
    notes_view = getters.query_one("#story-notes", Static)

    CSS_PATH = "story_editor.tcss"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]
    COMMANDS = {ScreenActions}
    BINDINGS = bindings("story")
    AUTO_FOCUS = "#story-role"
    """Focused as the editor is shown, so a story typed straight after ctrl+t never meets the scrolling form (on_mount's
    focus() lands only after the keys already queued for the app)."""

    def __init__(
        self, draft: StoryDraft, *, heading: str, roles: list[str] | None = None, hint: StoryDraft | None = None, story_id: str = ""
    ) -> None:
        super().__init__()
        self.initial = draft
        self.heading = heading
        self.story_id = story_id
        """The story being edited (``US-002``); empty for a new one."""
        self.hint = hint or StoryDraft()
        self.roles = [role for role in dict.fromkeys(r.strip() for r in roles or []) if role]
        self._lengths: dict[str, int] = {}
        self._insist = False
        """Whether a missing 'I want' is an error yet: after a try to save or leaving the field, not on an empty form."""

    def compose(self) -> ComposeResult:
        draft = self.initial
        with Vertical(id="story-dialog"):
            yield Static(Content(self.heading), id="story-heading")
            with VerticalScroll(id="story-fields"):
                yield from self._text_rows(draft)
                with Horizontal(classes="story-row"):
                    yield Label("Priority", classes="story-label")
                    yield PriorityLine(id="story-priority")
                with Horizontal(classes="story-row"):
                    yield Label(Content.from_markup("Accept when\n[i]one per line[/]"), classes="story-label")
                    yield Editor("\n".join(draft.acceptance), id="story-acceptance")
                with Horizontal(classes="story-row"):
                    yield Label("Client's words", classes="story-label")
                    yield Editor(draft.quote, id="story-quote")
                with Horizontal(classes="story-row"):
                    yield Label(Content.from_markup("Tags\n[i]commas between[/]"), classes="story-label")
                    yield Field(", ".join(draft.tags), placeholder="comma separated, e.g. billing, mobile", id="story-tags")
                with Horizontal(classes="story-row"):
                    yield Label("From", classes="story-label")
                    yield Static(Content(", ".join(draft.source) or "no question"), id="story-source")
            with VerticalScroll(id="story-problems"):
                yield Static(id="story-notes")
            with Horizontal(id="story-keys"):
                yield KeyBar()

    def _text_rows(self, draft: StoryDraft) -> ComposeResult:
        role_hint = self.hint.role or (self.roles[0] if self.roles else "")
        rows = (
            (self._role_label(draft.role), "story-role", draft.role, role_hint, "role"),
            ("I want", "story-want", draft.want, self.hint.want, "what they want to do (required)"),
            ("so that", "story-so-that", draft.so_that, self.hint.so_that, "the benefit"),
        )
        for label, field_id, value, hint, placeholder in rows:
            with Horizontal(classes="story-row"):
                yield Label(label, classes="story-label", id=f"{field_id}-label")
                suggester = SuggestFromList(self.roles, case_sensitive=False) if field_id == "story-role" and self.roles else None
                yield HintField(value, hint=hint, placeholder=placeholder, suggester=suggester, id=field_id)

    def on_mount(self) -> None:
        self.priority_line.priority = self.initial.priority
        self._lengths = {field_id: len(self.query_one(f"#{field_id}", Field).value) for field_id in TEXT_FIELDS}
        self.role_field.focus()
        self._check()
        self.call_after_refresh(self._show_from_the_top)

    def _show_from_the_top(self) -> None:
        """The criteria and the quote open at their first line (trial2 T9: the box opened scrolled to its end, the first
        criterion cut in the middle); the cursor stays at the end, where typing adds."""
        for editor in (self.acceptance_editor, self.quote_editor):
            editor.scroll_home(animate=False, immediate=True)

    # reading the form

    def draft(self) -> StoryDraft:
        """What the form holds now."""
        return StoryDraft(
            role=self.role_field.value,
            want=self.want_field.value,
            so_that=self.so_that_field.value,
            priority=self.priority_line.priority,
            acceptance=self.acceptance_editor.text.splitlines(),
            quote=self.quote_editor.text,
            tags=self.tags_field.value.replace(";", ",").split(","),
            source=list(self.initial.source),
        ).normalised()

    def unsaved(self) -> str:
        """What quitting would lose: "story" when anything was typed, else "" (host.HoldsDraft)."""
        return "story" if self.is_dirty() else ""

    def is_dirty(self) -> bool:
        """Whether anything differs from what the editor opened with."""
        return self.draft() != self.initial.normalised()

    # live feedback, and whole stories split into the fields

    def _role_label(self, role: str) -> str:
        """ "As a", "As an" or "As" before the role typed (or the one hinted), as the spec's sentence will read (trial4
        T4-9: the label said "As a" before "applicant"); the rule is the spec's own, ``role_article``."""
        return f"As {role_article(role.strip() or self.hint.role or (self.roles[0] if self.roles else ''))}".rstrip()

    def on_input_changed(self, event: Input.Changed) -> None:
        field_id = event.input.id or ""
        if field_id == "story-role":
            label = self._role_label(event.value)
            role_label = self.query_one("#story-role-label", Label)
            if str(role_label.content) != label:
                role_label.update(label)
        if field_id in TEXT_FIELDS:
            before = self._lengths.get(field_id, 0)
            self._lengths[field_id] = len(event.value)
            if len(event.value) - before > 1 and self._split_whole_story(event.value):
                return  # pasted: split at once
        self._check()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter splits a whole story typed into a field, or moves on to the next field."""
        event.stop()
        if (event.input.id or "") in TEXT_FIELDS and self._split_whole_story(event.value):
            return
        self.focus_next()

    def _split_whole_story(self, text: str) -> bool:
        """A whole one-line story in a field goes into role, want and so that; the cursor moves to the criteria."""
        from elicit.core.stories import split_pasted_story

        parsed = split_pasted_story(text)
        if parsed is None:
            return False
        for field_id, value in (("story-role", parsed.role), ("story-want", parsed.want), ("story-so-that", parsed.so_that)):
            self._lengths[field_id] = len(value)
            self.query_one(f"#{field_id}", Field).value = value
        self.acceptance_editor.focus()
        self.notify("Split into role, want and so that.", timeout=2)  # done, not an order (trial2 T1)
        self._check()
        return True

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._check()

    def on_input_blurred(self, event: Input.Blurred) -> None:
        if event.input.id == "story-want" and not self._insist:
            self._insist = True
            self._check()

    def problems(self, draft: StoryDraft) -> list[str]:
        """What keeps the story from being saved (empty when it can be)."""
        from elicit.core.stories import template_leftover

        found = [] if draft.want else [WANT_REQUIRED]
        for name in ("role", "want", "so_that"):
            leftover = template_leftover(name, getattr(draft, name))
            if leftover:
                found.append(leftover)
        return found

    # a crash loses nothing typed here (trial5 T5-3: drafts.KeepsDraft)

    def draft_data(self) -> dict[str, Any] | None:
        if not self.is_dirty():
            return None
        return {"kind": "story", "story_id": self.story_id, "heading": self.heading, "story": self.draft().values()}

    def _check(self) -> None:
        self.keep_draft()
        draft = self.draft()
        problems = self.problems(draft)
        waiting = not draft.want and not self._insist  # an empty 'I want' is no error yet, only what is still to do
        lines = [f"[$text-muted]·[/] {escape(WANT_NEEDED)}"] if waiting else []
        lines += [f"[$error]✗[/] {escape(text)}" for text in (problems[1:] if waiting else problems)]
        lines += [f"[$warning]•[/] {text}" for text in story_findings(draft)]
        if draft.want and self.hint.want and draft.want == self.hint.want.strip():
            lines.append("[$warning]•[/] 'I want' is still the bank's suggestion: put it in the client's words")
        notes = Content.from_markup("\n".join(lines)) if lines else Content.from_markup("[$success]✓[/] reads well")
        self.notes_view.update(notes)

    # actions

    def action_priority(self, priority: str) -> None:
        if priority in PRIORITIES:
            self.priority_line.priority = priority
            self._check()

    def action_save(self) -> None:
        draft = self.draft()
        problems = self.problems(draft)
        if problems:
            self._insist = True
            self._check()
            self.notify(problems[0], title="Not saved yet", severity="warning")
            if not draft.want:
                self.want_field.focus()
            return
        self.stop_keeping()
        self.dismiss(draft)

    def action_cancel(self) -> None:
        self.close_or_ask(self.is_dirty(), self.story_id, "story")



def recovered_draft(session_path: Path, stories: list[Story]) -> tuple[StoryDraft, str] | None:
    """The story editor's draft kept beside ``session_path`` and the id of the story it was editing ("" for a new
    one), or None when there is none, it holds nothing, or one of ``stories`` already reads the same."""
    from elicit.core.session import read_draft

    data = read_draft(session_path)
    held = data.get("story") if data is not None and data.get("kind") == "story" else None
    if not isinstance(held, dict):
        return None
    def text(name: str) -> str:
        value = held.get(name)
        return value if isinstance(value, str) else ""

    def lines(name: str) -> list[str]:
        value = held.get(name)
        return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []

    priority = text("priority")
    draft = StoryDraft(
        role=text("role"),
        want=text("want"),
        so_that=text("so_that"),
        priority=priority if priority in PRIORITIES else "should",
        acceptance=lines("acceptance"),
        quote=text("quote"),
        tags=lines("tags"),
        source=lines("source"),
    ).normalised()
    if not (draft.role or draft.want or draft.so_that or draft.acceptance or draft.quote):
        return None
    if any(StoryDraft.of(story).normalised() == draft for story in stories):
        return None  # saved before elicit stopped
    story_id = data.get("story_id") if data is not None else ""
    return draft, story_id if isinstance(story_id, str) else ""


def story_findings(draft: StoryDraft) -> list[str]:
    """Every quality note on a draft, from the core's story lint (markup-escaped)."""
    if not draft.want:
        return []
    from elicit.core.stories import lint_story

    story = Story("draft", draft.role, draft.want, draft.so_that, draft.priority, list(draft.acceptance), draft.quote)
    return [escape(f"{finding.message}: {finding.suggestion}") for finding in lint_story(story)]
