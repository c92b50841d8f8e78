"""What changed between two states of a spec: per story, decision, open question and assumption, field by field."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from elicit.core.session.models import Assumption, Decision, GlossaryTerm, OpenQuestion, Proposal, Story

KINDS = ("story", "decision", "open_question", "assumption", "term")
"""The kinds of record a diff covers, in the order it lists them."""

STORY_FIELDS = ("role", "want", "so_that", "priority", "acceptance", "quote", "tags", "status")
FIELDS: dict[str, tuple[str, ...]] = {
    "story": STORY_FIELDS,
    "decision": ("text", "rationale", "decided_by"),
    "open_question": ("text", "owner", "status", "resolution"),
    "assumption": ("text", "rationale"),
    "term": ("definition",),
}

REWORDED = 0.6
"""How alike a removed and an added criterion must be (difflib ratio) to count as one criterion reworded."""


@dataclass
class State:
    """The records a diff compares: a session as it is, one of its rounds, or a TOML spec."""

    label: str
    stories: list[Story] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    open_questions: list[OpenQuestion] = field(default_factory=list)
    assumptions: list[Assumption] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    glossary: list[GlossaryTerm] = field(default_factory=list)
    round_number: int | None = None
    """The round this state is, when it is one."""

    def records(self, kind: str) -> list[Any]:
        """The records of one kind."""
        records: dict[str, list[Any]] = {
            "story": self.stories,
            "decision": self.decisions,
            "open_question": self.open_questions,
            "assumption": self.assumptions,
            "term": self.glossary,
        }
        return records[kind]


@dataclass
class Change:
    """One record added, removed or changed; ``fields`` maps a field to ``{"old", "new"}``."""

    kind: str
    id: str
    change: str
    fields: dict[str, dict[str, Any]] = field(default_factory=dict)
    reason: str = ""
    title: str = ""
    """The record as people read it now (a story's sentence, a decision's text)."""

    @property
    def why(self) -> str:
        """The reason as a page shows it: none when a changed field it lists already says it (a resolved open
        question's reason is its resolution: 'Resolution: X' then 'Why: X', trial2 T24)."""
        if self.change == "changed" and any(values.get("new") == self.reason for values in self.fields.values()):
            return ""
        return self.reason

    def as_json(self) -> dict[str, Any]:
        """The JSON object: kind, id, change, fields, reason."""
        return {"kind": self.kind, "id": self.id, "change": self.change, "fields": self.fields, "reason": self.reason}


def diff(old: State, new: State) -> list[Change]:
    """Every record added, removed or changed from ``old`` to ``new``, matched by id, in a stable order."""
    changes: list[Change] = []
    for kind in KINDS:
        before = {_key(kind, item): item for item in old.records(kind)}
        after = {_key(kind, item): item for item in new.records(kind)}
        for item_id, item in after.items():
            if item_id not in before:
                changes.append(Change(kind, item_id, "added", _added_fields(kind, item), _reason(kind, item, new), title_of(kind, item)))
                continue
            fields = _changed_fields(kind, before[item_id], item)
            if fields:
                changes.append(Change(kind, item_id, "changed", fields, _reason(kind, item, new), title_of(kind, item)))
        for item_id, item in before.items():
            if item_id not in after:
                changes.append(Change(kind, item_id, "removed", {}, "", title_of(kind, item)))
    return changes


def title_of(kind: str, item: Any) -> str:
    """How people read a record: a story's sentence, a glossary term's word, the text of anything else."""
    if kind == "term":
        return str(item.term)
    return str(item.sentence() if kind == "story" else item.text)


def _key(kind: str, item: Any) -> str:
    return str(item.term if kind == "term" else item.id)


def _added_fields(kind: str, item: Any) -> dict[str, dict[str, Any]]:
    return {name: {"old": None, "new": _value(item, name)} for name in FIELDS[kind] if _value(item, name) not in ("", [], None)}


def _changed_fields(kind: str, old: Any, new: Any) -> dict[str, dict[str, Any]]:
    fields: dict[str, dict[str, Any]] = {}
    for name in FIELDS[kind]:
        before, after = _value(old, name), _value(new, name)
        if before == after:
            continue
        entry: dict[str, Any] = {"old": before, "new": after}
        if name == "acceptance":
            entry.update(criteria_changes(before, after))
        fields[name] = entry
    return fields


def _value(item: Any, name: str) -> Any:
    value = getattr(item, name)
    return list(value) if isinstance(value, list) else value


def criteria_changes(old: list[str], new: list[str]) -> dict[str, list[Any]]:
    """Criteria added, removed and reworded (a removed and an added criterion that read alike)."""
    removed = [item for item in old if item not in new]
    added = [item for item in new if item not in old]
    reworded: list[dict[str, str]] = []
    for before in list(removed):
        best = max(added, key=lambda after: difflib.SequenceMatcher(None, before, after).ratio(), default=None)
        if best is not None and difflib.SequenceMatcher(None, before, best).ratio() >= REWORDED:
            reworded.append({"old": before, "new": best})
            removed.remove(before)
            added.remove(best)
    return {"added": added, "removed": removed, "reworded": reworded}


def word_changes(old: str, new: str) -> list[tuple[str, str]]:
    """``old`` and ``new`` as runs of words marked ``same``, ``removed`` or ``added``, in reading order.

    Joining the ``same`` and ``removed`` runs gives ``old`` back, the ``same`` and
    ``added`` runs give ``new`` (words separated by single spaces).
    """
    before, after = old.split(), new.split()
    runs: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for operation, start, end, new_start, new_end in matcher.get_opcodes():
        if operation == "equal":
            runs.append(("same", " ".join(before[start:end])))
            continue
        if end > start:
            runs.append(("removed", " ".join(before[start:end])))
        if new_end > new_start:
            runs.append(("added", " ".join(after[new_start:new_end])))
    return runs


def request_reason(proposal: Proposal) -> str:
    """Why a story changed when the client asked for it: where they asked, and their comment (trial4 T4-9: an
    accepted change had no reason unless the client had commented)."""
    done = "added" if proposal.change == "add" else "confirmed" if proposal.change == "keep" else "changed"
    comment = " ".join(proposal.comment.split())
    return f"{done} at the client's request ({proposal.sheet_place()})" + (f": {comment}" if comment else "")


def _reason(kind: str, item: Any, state: State) -> str:
    """The reason recorded for a record's present state, where there is one."""
    if kind == "story":
        if item.status == "rejected" and item.reason:
            return str(item.reason)
        settled = [p for p in state.proposals if p.story == item.id and p.status == "accepted"]
        return request_reason(settled[-1]) if settled else ""
    if kind in ("decision", "assumption"):
        return str(item.rationale)
    if kind == "term":
        return ""
    return str(item.resolution) if item.status == "resolved" else ""
