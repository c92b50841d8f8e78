"""Decisions, open questions, assumptions and glossary terms: one table, the whole item below it; edit, resolve, delete."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import DataTable, Static

from elicit.core.session import Assumption, Decision, GlossaryTerm, OpenQuestion, OpenSession

from ..bindings import bindings
from ..commands import ScreenActions
from ..marks import shorten
from ..widgets.common.keybar import KeyBar
from ..widgets.common.marked_table import MarkedTable
from .ask_text import AskText
from .capture import KINDS, ItemDraft, ItemEditor, update_item
from .confirm import ConfirmDialog
from .session_screen import SessionScreen


@dataclass(frozen=True)
class Row:
    """One item as the table shows it."""

    kind: str
    id: str
    text: str
    detail: str
    lines: tuple[str, ...]
    draft: ItemDraft


def _sources(source: list[str]) -> str:
    return f"From: {', '.join(source) or '—'}"


def _decision_row(d: Decision) -> Row:
    detail = " · ".join(part for part in (f"by {d.decided_by}" if d.decided_by else "", d.rationale) if part)
    lines = (f"Rationale: {d.rationale or '—'}", f"Decided by: {d.decided_by or '—'}", _sources(d.source))
    return Row("decision", d.id, d.text, detail, lines, ItemDraft("decision", d.text, d.rationale, d.decided_by, list(d.source), d.id))


def _question_row(q: OpenQuestion) -> Row:
    detail = " · ".join(part for part in (q.status, f"owner {q.owner}" if q.owner else "") if part)
    status = f"Status: {q.status}" + (f" — {q.resolution}" if q.resolution else "")
    lines = (f"Owner: {q.owner or '—'}", status, _sources(q.source))
    return Row("question", q.id, q.text, detail, lines, ItemDraft("question", q.text, q.owner, "", list(q.source), q.id))


def _assumption_row(a: Assumption) -> Row:
    lines = (f"Rationale: {a.rationale or '—'}", _sources(a.source))
    return Row("assumption", a.id, a.text, a.rationale, lines, ItemDraft("assumption", a.text, a.rationale, "", list(a.source), a.id))


def _term_row(t: GlossaryTerm) -> Row:
    lines = (f"Definition: {t.definition or '—'}", _sources(t.source))
    return Row("term", t.term, t.term, t.definition, lines, ItemDraft("term", t.term, t.definition, "", list(t.source), t.term))


class ItemsScreen(SessionScreen[None]):
    """Everything captured besides answers and stories."""

    DEFAULT_CSS = """
    ItemsScreen #items-title {
        padding: 0 1;
        background: $panel;
        height: 1;
    }

    ItemsScreen #items-table {
        height: 1fr;
    }

    ItemsScreen #items-detail {
        height: auto;
        max-height: 8;
        padding: 0 1;
        border-top: hkey $primary 40%;
    }
    """

    COMMANDS = {ScreenActions}
    BINDINGS = bindings("items")

    items_table = getters.query_one("#items-table", DataTable)
    items_title = getters.query_one("#items-title", Static)
    items_detail = getters.query_one("#items-detail", Static)

    def __init__(self, opened: OpenSession) -> None:
        super().__init__(opened)
        self.rows: list[Row] = []

    def compose(self) -> ComposeResult:
        yield Static(id="items-title")
        yield MarkedTable(id="items-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="items-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.items_table
        for label, column in (("Kind", "kind"), ("Id", "id"), ("Text", "text"), ("Details", "detail")):
            table.add_column(label, key=column)
        self.reload()
        table.focus()

    def on_screen_resume(self) -> None:
        if self.changed_while_away():
            self.reload()

    def _collect(self) -> list[Row]:
        session = self.session
        rows = [_decision_row(d) for d in session.decisions]
        rows += [_question_row(q) for q in session.open_questions]
        rows += [_assumption_row(a) for a in session.assumptions]
        rows += [_term_row(t) for t in session.glossary]
        return rows

    def _text_widths(self) -> tuple[int, int]:
        """Room for the Text and Details columns once Kind and Id have theirs, so that both end in "…" when cut
        rather than at the screen's edge ('by Ann · Email re' at 80 columns, trial2 T24)."""
        kind = max((len(KINDS[row.kind]) for row in self.rows), default=4)
        ident = max((len(row.id) for row in self.rows), default=2)
        room = max(24, (self.size.width or 80) - kind - ident - 10)  # 2 cells of padding a column, 2 for a scroll bar
        text = max(12, room * 3 // 5)
        return text, max(10, room - text)

    def reload(self, keep: str | None = None) -> None:
        """Fill the table again, keeping the cursor on ``keep`` (an id) when it is still there."""
        table = self.items_table
        current = self.selected()
        keep = keep or (current.id if current is not None else None)
        self.rows = self._collect()
        text_width, detail_width = self._text_widths()
        table.clear()
        for row in self.rows:
            cells = (KINDS[row.kind], row.id, shorten(row.text, text_width), shorten(row.detail, detail_width))
            table.add_row(*cells, key=f"{row.kind}:{row.id}")
        index = next((i for i, row in enumerate(self.rows) if row.id == keep), None)
        if index is not None:
            table.move_cursor(row=index)
        counts = {kind: sum(1 for row in self.rows if row.kind == kind) for kind in KINDS}
        summary = " · ".join(f"{counts[kind]} {label.lower()}{'s' if counts[kind] != 1 else ''}" for kind, label in KINDS.items())
        self.items_title.update(Content.from_markup(f"[b]Captured[/b]  {summary}"))
        self._show_detail()

    def selected(self) -> Row | None:
        """The item under the cursor."""
        table = self.items_table
        if not self.rows or not 0 <= table.cursor_row < len(self.rows):
            return None
        return self.rows[table.cursor_row]

    def _show_detail(self) -> None:
        row = self.selected()
        detail = self.items_detail
        if row is None:
            detail.update(Text("Nothing captured yet: on the interview, the capture key then d, q, a or t.", "dim"))
            return
        detail.update(Content("\n".join((f"{KINDS[row.kind]} {row.id}: {row.text}", *row.lines))))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    # actions

    def action_back(self) -> None:
        self.dismiss()

    def action_edit(self) -> None:
        row = self.selected()
        if row is None:
            return

        def saved(result: ItemDraft | None) -> None:
            if result is not None:
                update_item(self.service, result)
                self.reload(keep=result.text if result.kind == "term" else result.item_id)

        self.app.push_screen(ItemEditor(row.draft, heading=row.id), saved)

    def action_resolve(self) -> None:
        row = self.selected()
        if row is None or row.kind != "question":
            self.notify("Only open questions are resolved; put the cursor on one.", timeout=3)
            return

        def answered(resolution: str | None) -> None:
            if resolution:
                self.service.resolve_open_question(row.id, resolution)
                self.reload(keep=row.id)

        self.app.push_screen(AskText(f"How was {row.id} resolved?", placeholder="the answer, and who gave it"), answered)

    def action_delete(self) -> None:
        row = self.selected()
        if row is None:
            return

        def decided(yes: bool | None) -> None:
            if not yes:
                return
            delete = {
                "decision": self.service.delete_decision,
                "question": self.service.delete_open_question,
                "assumption": self.service.delete_assumption,
                "term": self.service.delete_term,
            }[row.kind]
            delete(row.id)
            self.reload()
            self.notify(f"{row.id} deleted.", timeout=3)

        self.app.push_screen(ConfirmDialog(f"Delete {KINDS[row.kind].lower()} {row.id}?", shorten(row.text, 200), yes="Delete", no="Keep"), decided)
