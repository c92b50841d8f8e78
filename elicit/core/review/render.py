"""A diff for people and for tools: rich terminal text, a client-ready Markdown page, JSON."""

from __future__ import annotations

import json
from typing import Any

from elicit.core.review.diff import Change, State
from elicit.core.spec.exporters.document import BulletList, Document, Label, Line, Part, Text, line
from elicit.core.spec.exporters.markdown_spec import markdown_document
from elicit.core.vocabulary import PRIORITY_LABELS

KIND_TITLES = {"story": "Stories", "decision": "Decisions", "open_question": "Open questions", "assumption": "Assumptions", "term": "Glossary"}
FIELD_NAMES = {
    "role": "role",
    "want": "goal",
    "so_that": "benefit",
    "priority": "priority",
    "acceptance": "acceptance criteria",
    "quote": "client's words",
    "tags": "tags",
    "status": "status",
    "text": "text",
    "rationale": "rationale",
    "decided_by": "decided by",
    "owner": "owner",
    "resolution": "resolution",
    "definition": "definition",
}
CHANGE_WORDS = {"added": "new", "removed": "removed", "changed": "changed"}


def diff_json(changes: list[Change]) -> str:
    """The changes as a JSON list, keys sorted, one trailing newline."""
    return json.dumps([change.as_json() for change in changes], indent=2, ensure_ascii=False, sort_keys=True, default=str) + "\n"


def shown(value: Any) -> str:
    """A field value in one line for people."""
    if value is None or value == "" or value == []:
        return "(none)"
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return str(value)


def field_lines(change: Change) -> list[tuple[str, str, str]]:
    """(field, old, new) for each changed field; criteria as added / removed / reworded lines."""
    result = []
    for name, entry in change.fields.items():
        label = FIELD_NAMES.get(name, name)
        if name == "acceptance" and change.change == "changed":
            result += [(f"{label}: added", "", item) for item in entry.get("added", [])]
            result += [(f"{label}: removed", item, "") for item in entry.get("removed", [])]
            result += [(f"{label}: reworded", item["old"], item["new"]) for item in entry.get("reworded", [])]
            continue
        if name == "priority":  # as the spec says it: Must, Should, Could, Won't
            result.append((label, PRIORITY_LABELS.get(entry["old"] or "", shown(entry["old"])), PRIORITY_LABELS.get(entry["new"] or "", shown(entry["new"]))))
            continue
        result.append((label, shown(entry["old"]), shown(entry["new"])))
    return result


def diff_document(changes: list[Change], old: State, new: State) -> Document:
    """'What changed since round N' in the spec's document model: one part per kind of record, one item per change."""
    since = f"round {old.round_number}" if old.round_number is not None else old.label
    counts = {word: sum(1 for change in changes if change.change == word) for word in ("added", "changed", "removed")}
    subtitle = ", ".join(f"{count} {CHANGE_WORDS[word]}" for word, count in counts.items() if count) + "." if changes else "Nothing has changed."
    parts = []
    for kind, title in KIND_TITLES.items():
        items = tuple(_document_item(change) for change in changes if change.kind == kind)
        if items:
            parts.append(Part(kind, title, (BulletList(items),)))
    return Document(f"What changed since {since}", subtitle, (), tuple(parts))


def _document_item(change: Change) -> tuple[Line, ...]:
    """One change: its id, what happened and the record as it reads; then each field's old → new, and the reason."""
    lines: list[Line] = [line(Text(f"{change.id} "), Label(f"{CHANGE_WORDS[change.change]}:"), Text(change.title))]
    if change.change == "changed":
        for label, before, after in field_lines(change):
            lines.append(line(Text(f"{label}: "), Text(f"{before} → {after}" if before and after else before or after)))
    if change.why:
        lines.append(line(Label("Why:"), Text(change.why)))
    return tuple(lines)


def diff_markdown(changes: list[Change], old: State, new: State) -> str:
    """'What changed since round N': a page the consultant can send, with the reason for each change.

    Rendered by the spec's Markdown renderer, so the client's text is escaped by the one rule the specs use.
    """
    return markdown_document(diff_document(changes, old, new))


def diff_text(changes: list[Change], old: State, new: State) -> Any:
    """The diff as rich renderables for the terminal."""
    from rich.console import Group
    from rich.text import Text

    lines: list[Text] = [Text.assemble(("Changes ", "bold"), f"from {old.label} to {new.label}")]
    if not changes:
        lines.append(Text("no changes"))
    styles = {"added": "green", "removed": "red", "changed": "yellow"}
    for change in changes:
        lines.append(
            Text.assemble(
                (f"{CHANGE_WORDS[change.change]:8}", styles[change.change]), (f"{change.kind.replace('_', ' ')} {change.id}", "bold"), "  ", change.title
            )
        )
        if change.change == "changed":
            for label, before, after in field_lines(change):
                lines.append(Text.assemble("          ", (label, "dim"), ": ", (before, "red"), " → " if before and after else "", (after, "green")))
        if change.why:
            lines.append(Text.assemble("          ", ("why", "dim"), ": ", change.why))
    return Group(*lines)
