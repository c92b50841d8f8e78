"""Capturing what the client says besides answers: decisions, open questions, assumptions and glossary terms.

The capture key opens :class:`CaptureMenu` (one letter picks the kind), then
:class:`ItemEditor` asks for the wording and what goes with it (a decision's
rationale and who decided, an open question's owner, an assumption's
rationale, a term's definition). :func:`save_item` hands the result to the
session service.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.markup import escape
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from elicit.core.session import Participant, Session, SessionService, participant_label

from ..bindings import bindings
from ..widgets.common.fields import Field
from ..widgets.common.keybar import KeyBar
from .drafts import KeepsDraft

KINDS = {"decision": "Decision", "question": "Open question", "assumption": "Assumption", "term": "Term"}

# For each kind: (label, placeholder) of the main text, then of the second and third fields ("" = not asked).
FORMS: dict[str, tuple[tuple[str, str], tuple[str, str], tuple[str, str]]] = {
    "decision": (("Decision", "what was decided (required)"), ("Rationale", "why"), ("Decided by", "who decided")),
    "question": (("Question", "what is still to find out (required)"), ("Owner", "who will find out"), ("", "")),
    "assumption": (("Assumption", "what we take as true (required)"), ("Rationale", "why we may assume it"), ("", "")),
    "term": (("Term", "the client's word (required)"), ("Definition", "what they mean by it (required)"), ("", "")),
}


@dataclass
class ItemDraft:
    """A decision, open question, assumption or term as typed in the editor."""

    kind: str
    text: str = ""
    second: str = ""
    third: str = ""
    source: list[str] = field(default_factory=list)
    item_id: str = ""
    """The id being edited (a term's old wording); empty for a new item."""

    def normalised(self) -> ItemDraft:
        """Blanks trimmed."""
        return replace(self, text=" ".join(self.text.split()), second=self.second.strip(), third=self.third.strip())

    def problem(self) -> str:
        """What is missing before it can be saved (empty when nothing is)."""
        label = FORMS[self.kind][0][0]
        if not self.text.strip():
            return f"Write the {label.lower()} first."
        if self.kind == "term" and not self.second.strip():
            return "A term needs its definition."
        return ""


def recovered_item(data: dict[str, Any] | None, session: Session) -> ItemDraft | None:
    """The capture editor's draft (read from beside the session file, core/session/drafts), or None when there is
    none, it holds no wording, or the session already has an item of its kind with that wording (saved before
    elicit stopped)."""
    held = data.get("item") if data is not None and data.get("kind") == "item" else None
    if not isinstance(held, dict) or held.get("kind") not in FORMS:
        return None

    def text(name: str) -> str:
        value = held.get(name)
        return value if isinstance(value, str) else ""

    source = held.get("source")
    draft = ItemDraft(
        held["kind"],
        text=text("text"),
        second=text("second"),
        third=text("third"),
        source=[item for item in source if isinstance(item, str)] if isinstance(source, list) else [],
        item_id=text("item_id"),
    ).normalised()
    if not draft.text:
        return None
    kept = {
        "decision": [item.text for item in session.decisions],
        "question": [item.text for item in session.open_questions],
        "assumption": [item.text for item in session.assumptions],
        "term": [item.term for item in session.glossary],
    }[draft.kind]
    return None if draft.text in kept and not draft.item_id else draft


def save_item(service: SessionService, draft: ItemDraft) -> str:
    """Add the captured item through the service; return how to name it ("D-001", "term 'invoice'")."""
    values = _service_values(draft)
    if draft.kind == "decision":
        return service.add_decision(draft.text, **values).id
    if draft.kind == "question":
        return service.add_open_question(draft.text, **values).id
    if draft.kind == "assumption":
        return service.add_assumption(draft.text, **values).id
    return "term " + repr(service.define_term(draft.text, draft.second, **values).term)


def update_item(service: SessionService, draft: ItemDraft) -> None:
    """Apply an edited item through the service."""
    values = _service_values(draft)
    if draft.kind == "decision":
        service.update_decision(draft.item_id, text=draft.text, **values)
    elif draft.kind == "question":
        service.update_open_question(draft.item_id, text=draft.text, **values)
    elif draft.kind == "assumption":
        service.update_assumption(draft.item_id, text=draft.text, **values)
    else:
        service.update_term(draft.item_id, new_term=draft.text, definition=draft.second, **values)


def _service_values(draft: ItemDraft) -> dict[str, Any]:
    if draft.kind == "decision":
        return {"rationale": draft.second, "decided_by": draft.third, "source": list(draft.source)}
    if draft.kind == "question":
        return {"owner": draft.second, "source": list(draft.source)}
    if draft.kind == "assumption":
        return {"rationale": draft.second, "source": list(draft.source)}
    return {"source": list(draft.source)}  # a term: its definition is the second field, passed on its own


class CaptureMenu(ModalScreen[str | None]):
    """One letter: what to capture (or ``l`` to list what was captured)."""

    DEFAULT_CSS = """
    CaptureMenu {
        align: center middle;
    }

    CaptureMenu #capture-menu {
        width: 60;
        max-width: 100%;
        height: auto;
        border: thick $accent;
        background: $surface;
        padding: 0 1;
    }
    """

    BINDINGS = bindings("capture")

    def __init__(self, participants: Sequence[Participant] = (), speaker: str = "") -> None:
        super().__init__()
        self.participants = list(participants)
        self.speaker = speaker

    def compose(self) -> ComposeResult:
        with Vertical(id="capture-menu"):
            yield Static(Content.from_markup("[b]Capture from this question[/b]"))
            if self.participants:
                yield Static(self._speakers(), id="capture-speakers")
            yield KeyBar()

    def _speakers(self) -> Content:
        """Who could be speaking, one a line by number (the current one marked), and 0 for nobody.

        One a line: run on in one paragraph, the mark was left at the end of a line and its speaker on the next
        ('1 Dr. Maria Okafor (practice owner) · ▸' / '2 Lena Park …', trial2 T24)."""
        entries = [(str(number), escape(participant_label(person)), person.name == self.speaker) for number, person in enumerate(self.participants[:9], start=1)]
        entries.append(("0", "nobody", not self.speaker))
        lines = [f"[b]▸ {number} {label}[/b]" if current else f"  {number} {label}" for number, label, current in entries]
        return Content.from_markup("\n".join(["Who is speaking:", *lines]))

    def action_pick(self, kind: str) -> None:
        self.dismiss(kind)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ItemEditor(KeepsDraft, ModalScreen[ItemDraft | None]):
    """The wording of a decision, open question, assumption or term, and what goes with it."""

    DEFAULT_CSS = """
    ItemEditor {
        align: center middle;
    }

    ItemEditor #item-dialog {
        width: 90;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: thick $accent;
        background: $surface;
        padding: 0 1;
    }

    ItemEditor .item-row {
        height: auto;
    }

    ItemEditor .item-label {
        color: $text-muted;
        width: 12;
        text-align: right;
        margin-right: 1;
    }

    ItemEditor Input {
        border: none;
        height: 1;
        width: 1fr;
        padding: 0 1;
        background: $boost;
    }

    ItemEditor Input:focus {
        border: none;
        background: $primary 25%;
    }

    ItemEditor #item-heading {
        color: $accent;
        text-style: bold;
        height: auto;
        max-height: 2;
    }

    ItemEditor #item-problem {
        color: $warning;
        height: auto;
    }
    """

    BINDINGS = bindings("item")

    def __init__(self, draft: ItemDraft, *, heading: str, people: list[str] | None = None) -> None:
        super().__init__()
        self.initial = draft
        self.heading = heading
        self.people = [name for name in dict.fromkeys(people or []) if name]

    def compose(self) -> ComposeResult:
        draft = self.initial
        forms = FORMS[draft.kind]
        values = (draft.text, draft.second, draft.third)
        verb = "Edit" if draft.item_id else "New"
        with Vertical(id="item-dialog"):
            yield Static(Content(f"{verb} {KINDS[draft.kind].lower()} · {self.heading}"), id="item-heading")
            for index, ((label, placeholder), value) in enumerate(zip(forms, values, strict=True)):
                if not label:
                    continue
                with Horizontal(classes="item-row"):
                    yield Label(label, classes="item-label")
                    yield Field(value, placeholder=placeholder, id=f"item-{index}", suggester=self._suggester(label))
            if draft.source:
                yield Static(Content("From: " + ", ".join(draft.source)), id="item-source")
            yield Static(id="item-problem")
            yield KeyBar()

    def _suggester(self, label: str) -> SuggestFromList | None:
        if label in ("Decided by", "Owner") and self.people:
            return SuggestFromList(self.people, case_sensitive=False)
        return None

    def on_mount(self) -> None:
        first = self.query_one("#item-0", Field)
        first.focus()
        first.cursor_position = len(first.value)

    def draft(self) -> ItemDraft:
        """What the form holds now."""
        typed = {field.id: field.value for field in self.query(Field).results(Field)}
        text, second, third = (typed.get(f"item-{index}", "") for index in range(3))
        return replace(self.initial, text=text, second=second, third=third).normalised()

    def unsaved(self) -> str:
        """What quitting would lose ("decision", "open question", ...) when anything was typed, else "" (host.HoldsDraft)."""
        return KINDS[self.initial.kind].lower() if self.draft() != self.initial.normalised() else ""

    def on_input_changed(self, event: Input.Changed) -> None:
        self.keep_draft()

    def draft_data(self) -> dict[str, Any] | None:
        """What to keep beside the session against a crash (drafts.KeepsDraft), None when nothing was typed."""
        if not self.unsaved():
            return None
        return {"kind": "item", "heading": self.heading, "item": asdict(self.draft())}

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter moves to the next field; on the last one it saves."""
        event.stop()
        fields = list(self.query(Field).results(Field))
        index = fields.index(event.input) if event.input in fields else len(fields) - 1
        if index + 1 < len(fields):
            fields[index + 1].focus()
        else:
            self.action_save()

    def action_save(self) -> None:
        draft = self.draft()
        problem = draft.problem()
        if problem:
            self.query_one("#item-problem", Static).update(problem)
            return
        self.stop_keeping()
        self.dismiss(draft)

    def action_cancel(self) -> None:
        name = self.initial.item_id
        if name and self.initial.kind == "term":
            name = f"the term '{name}'"
        self.close_or_ask(bool(self.unsaved()), name, KINDS[self.initial.kind].lower())
