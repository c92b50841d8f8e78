"""``elicit decision|open-question|assumption|term add|list`` and ``elicit open-question resolve``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from elicit.core.data import record_dict
from elicit.core.text import quoted
from elicit.core.session import ASSUMPTION_KEYS, DECISION_KEYS, GLOSSARY_KEYS, OPEN_QUESTION_ALWAYS, OPEN_QUESTION_KEYS, SessionService

from .output import console, note_line, one_line, print_json, print_table
from .session_commands import load_for_reading, open_for_change

KEYS = {"decision": DECISION_KEYS, "open-question": OPEN_QUESTION_KEYS, "assumption": ASSUMPTION_KEYS, "term": GLOSSARY_KEYS}
"""Each kind's keys in the session file, in its order: the keys of ``list --json``."""
ALWAYS = {"open-question": OPEN_QUESTION_ALWAYS}
"""The kinds whose ``list --json`` leaves out keys only some of their records have (a merge's questions' ``kind``)."""
ITEMS = {"decision": "decisions", "open-question": "open_questions", "assumption": "assumptions", "term": "glossary"}
"""Where each kind lives in a session."""


def _adder(kind: str, args: argparse.Namespace) -> Callable[[SessionService], Any]:
    if kind == "decision":
        return lambda service: service.add_decision(args.text, args.rationale, decided_by=args.decided_by, source=args.source, by=args.by)
    if kind == "open-question":
        return lambda service: service.add_open_question(args.text, owner=args.owner, source=args.source, by=args.by)
    return lambda service: service.add_assumption(args.text, args.rationale, source=args.source, by=args.by)


def add(args: argparse.Namespace) -> int:
    """Add a decision, open question or assumption; print its new id."""
    with open_for_change(args.path, f"elicit {args.kind} add") as service:
        item = _adder(args.kind, args)(service)
    sys.stdout.write(item.id + "\n")
    typed = " ".join((getattr(args, "owner", None) or "").split())
    if typed and item.owner != typed:  # a first name or other case that named a participant: say whom it meant
        note_line(f"owner {quoted(typed)} read as the participant {quoted(item.owner)}")
    return 0


def add_term(args: argparse.Namespace) -> int:
    """Add a glossary term, or give an existing one its new definition."""
    with open_for_change(args.path, "elicit term add") as service:
        existed = service.find_term(args.term) is not None
        item = service.define_term(args.term, args.definition.strip(), source=args.source)
    sys.stdout.write(one_line(f"{'updated' if existed else 'added'} {item.term}: {item.definition}"))
    return 0


def resolve(args: argparse.Namespace) -> int:
    """Mark an open question resolved."""
    with open_for_change(args.path, "elicit open-question resolve") as service:
        item = service.resolve_open_question(args.id.strip().upper(), args.resolution.strip())
    sys.stdout.write(one_line(f"{item.id} resolved: {item.resolution}"))
    return 0


def list_items(args: argparse.Namespace) -> int:
    """List one kind of follow-up, as lines or JSON."""
    session, _interview = load_for_reading(args.path)
    items = getattr(session, ITEMS[args.kind])
    if args.json:
        print_json([record_dict(item, KEYS[args.kind], keep=ALWAYS.get(args.kind)) for item in items])
        return 0
    if not items:
        example = "TERM DEFINITION" if args.kind == "term" else "TEXT"
        sys.stdout.write(f"no {ITEMS[args.kind].replace('_', ' ')} yet; add one with 'elicit {args.kind} add {args.path} {example}'\n")
        return 0
    from rich.markup import escape
    from rich.table import Table

    table = Table(box=None, header_style="bold", pad_edge=False)
    columns = _columns(args.kind)
    for name in columns:
        table.add_column(name.replace("_", " "), overflow="fold", no_wrap=name in ("id", "status"))
    for item in items:
        table.add_row(*(escape(_cell(getattr(item, name))) for name in columns))
    print_table(console(), table)
    return 0


def _columns(kind: str) -> tuple[str, ...]:
    return {
        "decision": ("id", "text", "rationale", "decided_by", "by", "source"),
        "open-question": ("id", "status", "text", "owner", "by", "resolution"),
        "assumption": ("id", "text", "rationale", "by", "source"),
        "term": ("term", "definition", "source"),
    }[kind]


def _cell(value: Any) -> str:
    return ", ".join(value) if isinstance(value, list) else str(value)
