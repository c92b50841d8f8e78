"""``elicit round``, ``elicit diff`` and ``elicit review sheet|import|list|accept|decline``: the review loop."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from elicit.core.data import record_dict
from elicit.core.findings import ElicitError
from elicit.core.review import accept, decline, diff, diff_json, diff_markdown, diff_text, load_state, read_sheet, write_sheet
from elicit.core.text import plural
from elicit.core.vocabulary import PRIORITY_LABELS

from .output import console, one_line, print_json, print_lines, print_table, warning_line
from .session_commands import load_for_reading, open_for_change

LIST_KEYS = ("id", "story", "change", "wording", "priority", "comment", "status", "reason")
"""The keys of ``review list --json``, as the issue spells them; an ``add`` also has ``acceptance`` when the
client wrote criteria (its ``story`` is "" until accepted)."""
NEW_STORY = "(new story)"
"""What the story column says for a proposal to add a story not yet accepted."""


def record_round(args: argparse.Namespace) -> int:
    """Record round N of the review: what is being sent to the client, frozen."""
    with open_for_change(args.path, "elicit round") as service:
        frozen = service.record_round(args.note or "")
    sys.stdout.write(f"round {frozen.number}\n")
    return 0


def show_diff(args: argparse.Namespace) -> int:
    """What changed from OLD to NEW, as terminal text, client Markdown or JSON."""
    old, new = load_state(args.old), load_state(args.new)
    changes = diff(old, new)
    if args.format == "json":
        sys.stdout.write(diff_json(changes))
    elif args.format == "md":
        sys.stdout.write(diff_markdown(changes, old, new))
    else:
        print_lines(console(), diff_text(changes, old, new))
    return 0


def write_review_sheet(args: argparse.Namespace) -> int:
    """Write the review sheet for the current round, as .csv or .xlsx."""
    from elicit.core.files import write_atomic

    session, _interview = load_for_reading(args.path)
    target = Path(args.output)
    data = write_sheet(session, target)
    try:
        write_atomic(target, data, keep_backup=False)
    except OSError as error:
        raise ElicitError(f"{target}: cannot write the sheet ({error.strerror or error}); check the folder") from None
    rows = sum(1 for story in session.stories if story.status != "rejected")
    round_text = f"round {session.rounds[-1].number}" if session.rounds else "no round recorded yet"
    sys.stdout.write(one_line(f"wrote {target}: {plural(rows, 'story')} for the client to review ({round_text})"))
    return 0


def import_review_sheet(args: argparse.Namespace) -> int:
    """Turn every filled row of a sheet into a proposal; stories are never changed by this."""
    sheet = Path(args.sheet)
    with open_for_change(args.path, "elicit review import") as service:
        reading = read_sheet(sheet, service.session)
        added = service.add_proposals(reading.proposals)
    for problem in reading.warnings + reading.problems:
        warning_line(problem)
    for proposal in added:
        sys.stdout.write(one_line(f"{proposal.id}  {proposal.story or NEW_STORY}  {proposal.change}  (row {proposal.row})"))
    skipped = f", {plural(len(reading.problems), 'row')} skipped" if reading.problems else ""
    sys.stdout.write(one_line(f"{plural(len(added), 'proposal')} to accept or decline{skipped}; see 'elicit review list {args.path}'"))
    return 1 if reading.problems else 0


def list_proposals(args: argparse.Namespace) -> int:
    """The proposals, open first, as lines or JSON."""
    session, _interview = load_for_reading(args.path)
    if args.json:
        print_json([record_dict(item, LIST_KEYS) | ({"acceptance": list(item.acceptance)} if item.acceptance else {}) for item in session.proposals])
        return 0
    if not session.proposals:
        sys.stdout.write(f"no proposals yet; import a filled sheet with 'elicit review import {args.path} FILE'\n")
        return 0
    from rich.markup import escape
    from rich.table import Table

    table = Table(box=None, header_style="bold", pad_edge=False)
    for name in ("id", "story", "change", "status", "proposal", "reason"):
        table.add_column(name, overflow="fold", no_wrap=name in ("id", "story", "change", "status"))
    for item in sorted(session.proposals, key=lambda p: (p.status != "open", p.id)):
        priority = item.priority and f"priority {PRIORITY_LABELS.get(item.priority, item.priority)}"  # "Won't", as everywhere
        criteria = item.acceptance and "criteria: " + " / ".join(item.acceptance)
        proposed = "; ".join(part for part in (item.wording, priority, criteria, item.comment) if part)
        story = item.story or NEW_STORY
        table.add_row(*(escape(text) for text in (item.id, story, item.change, item.status, proposed, item.reason)))
    print_table(console(), table)
    return 0


def accept_proposal(args: argparse.Namespace) -> int:
    """Accept a proposal: apply it to its story."""
    with open_for_change(args.path, "elicit review accept") as service:
        proposal = accept(service, args.proposal_id.strip().upper())
        story = service.session.story(proposal.story)
    if proposal.change == "add":
        sys.stdout.write(one_line(f"{proposal.id} accepted: the client's story is added as {proposal.story}"))
        return 0
    sys.stdout.write(one_line(f"{proposal.id} accepted: {proposal.story} is {story.status if story else 'gone'}"))
    return 0


def decline_proposal(args: argparse.Namespace) -> int:
    """Decline a proposal with a reason, recorded as a decision linked to the story."""
    with open_for_change(args.path, "elicit review decline") as service:
        proposal = decline(service, args.proposal_id.strip().upper(), args.reason)
        decision = service.session.decisions[-1]
    sys.stdout.write(one_line(f"{proposal.id} declined: recorded as {decision.id}"))
    return 0

