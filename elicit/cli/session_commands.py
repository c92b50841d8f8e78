"""``elicit new``, ``elicit answer`` and ``elicit summary``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from elicit.core.banks import BankCatalog, looks_like_path
from elicit.core.findings import ElicitError
from elicit.core.session import (
    Interview,
    Participant,
    Session,
    SessionService,
    banks_for_session,
    create_session,
    format_answer,
    open_session,
    parse_answer,
    parse_participant,
    read_session,
    session_path,
)
from elicit.core.vocabulary import PRIORITIES, PRIORITY_LABELS, STORY_STATUSES

from .output import console, note_line, print_hanging
from .parser import UsageError


def new_session(args: argparse.Namespace) -> int:
    """Create a session file from banks and metadata."""
    path = session_path(args.path)
    if path.exists():
        raise ElicitError(f"{path} already exists; choose another name (elicit never overwrites a session)")
    catalog = BankCatalog.default()
    if not args.no_input and sys.stdin.isatty() and sys.stdout.isatty():
        _ask_missing(args, catalog, path)
    if not args.bank:
        raise UsageError("elicit new", "give at least one --bank (see 'elicit banks list')")
    banks = [catalog.load(bank) for bank in args.bank]
    interview = create_session(
        path,
        banks,
        [str(Path(given).resolve()) if looks_like_path(given) else "" for given in args.bank],
        title=args.title or _title_from(path),
        client=args.client or "",
        project=args.project or "",
        interviewer=args.interviewer or "",
        participants=[_participant(text) for text in args.participant],
        command="elicit new",
    )
    session = interview.session
    from elicit.core.session import remember

    remember(path, title=session.title, client=session.client, done=0, total=len(interview.applicable()))
    sys.stdout.write(f"created {path}: {len(interview.questions)} questions from {', '.join(b.id for b in banks)}\n")
    return 0


def _title_from(path: Path) -> str:
    name = path.name.removesuffix(".toml").removesuffix(".elicit")
    return name.replace("-", " ").replace("_", " ").strip() or "Interview"


def _participant(text: str) -> Participant:
    participant = parse_participant(text)
    if participant is None:
        raise UsageError("elicit new", f"--participant needs a name, as NAME, NAME:ROLE or 'NAME - ROLE', not '{text}'")
    return participant


def _ask_missing(args: argparse.Namespace, catalog: BankCatalog, path: Path) -> None:
    """Ask on the terminal for what the command line left out."""
    import questionary

    if args.title is None:
        args.title = questionary.text("Interview title:", default=_title_from(path)).unsafe_ask()
    if args.client is None:
        args.client = questionary.text("Client:").unsafe_ask()
    if args.interviewer is None:
        args.interviewer = questionary.text("Interviewer:").unsafe_ask()
    if not args.bank:
        entries = catalog.entries()
        choices = [questionary.Choice(f"{e.id}  ({e.source}: {e.path.name})", value=e.id, checked=e.id == "discovery") for e in entries]
        args.bank = questionary.checkbox("Question banks to use:", choices=choices).unsafe_ask() or []


@contextmanager
def open_for_change(path_text: str, command: str) -> Iterator[SessionService]:
    """Lock a session, give a service over it, save and unlock at the end."""
    opened = open_session(session_path(path_text), command=command)
    try:
        for note in opened.notes:
            note_line(note)
        yield opened.service
        if opened.service.revision:
            opened.save()
    finally:
        opened.close()


def answer(args: argparse.Namespace) -> int:
    """Record one answer."""
    if args.value is None and args.status is None and args.notes is None:
        raise UsageError("elicit answer", "give a VALUE, or --status skipped/revisit, or --notes")
    with open_for_change(args.path, "elicit answer") as service:
        question = service.interview.resolve_id(args.question)
        if args.value is not None:
            try:
                value = parse_answer(question, args.value)
            except ElicitError as error:
                raise ElicitError(f"{question.id}: {error}") from None
            service.answer(question.id, value, notes=args.notes, status=args.status)
        else:
            if args.notes is not None:
                service.set_notes(question.id, args.notes)
            if args.status is not None:
                service.set_status(question.id, args.status)
        if not service.interview.applies(question.id):
            note_line(f"{question.id} does not apply with the answers so far; the answer is kept")
        recorded = service.session.answers[question.id]
        shown = format_answer(question, recorded.value) if recorded.value is not None else recorded.status
    sys.stdout.write(f"{question.id}: {shown}\n")
    return 0


def load_for_reading(path_text: str) -> tuple[Session, Interview]:
    """Read a session (no lock needed) and its banks."""
    path = session_path(path_text)
    if not path.exists():
        raise ElicitError(f"{path}: no such session file")
    session = read_session(path)
    banks, notes = banks_for_session(session, BankCatalog.default(), path.parent)
    for note in notes:
        note_line(note)
    return session, Interview(session, banks)


def summary(args: argparse.Namespace) -> int:
    """Print progress, coverage per section and stories by priority."""
    session, interview = load_for_reading(args.path)
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    out = console()
    progress = interview.progress()
    who = " · ".join(escape(part) for part in (session.client, session.project, session.interviewer) if part)
    out.print(f"[bold]{escape(session.title)}[/]" + (f"  [dim]{who}[/]" if who else ""))
    if session.started_at:
        out.print(f"[dim]started {session.started_at:%Y-%m-%d %H:%M}[/]")
    out.print(
        f"Progress: [bold]{progress.done}/{progress.total}[/] questions done ({progress.percent}%) · "
        f"{progress.answered} answered · {progress.skipped} skipped · {progress.revisit} to revisit · {progress.open} open"
    )
    table = Table(title="Coverage by section", title_justify="left", box=None, header_style="bold", pad_edge=False)
    for name, justify in (
        ("section", "left"),
        ("answered", "right"),
        ("skipped", "right"),
        ("revisit", "right"),
        ("open", "right"),
        ("required open", "right"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for item in interview.coverage():
        p = item.progress
        if p.total == 0:
            continue
        style = "green" if p.open == 0 and p.revisit == 0 else ("red" if p.answered == 0 else "")
        required_cell = f"[red]{p.required_open}[/]" if p.required_open else "0"
        table.add_row(
            f"[{style}]{escape(item.section.title)}[/]" if style else escape(item.section.title),
            f"{p.answered}/{p.total}",
            str(p.skipped),
            str(p.revisit),
            str(p.open),
            required_cell,
        )
    out.print()
    out.print(table)
    required = interview.required_open()
    if required:
        out.print()
        out.print(f"[bold red]Required questions still open ({len(required)})[/]")
        for question in required:
            print_hanging(out, "  ", Text.assemble(question.prompt, " ", (question.id, "dim")), 4)
    flagged = interview.flagged()
    if flagged:
        out.print()
        out.print(f"[bold yellow]Flagged to revisit ({len(flagged)})[/]")
        for question in flagged:
            print_hanging(out, "  ", Text.assemble(question.prompt, " ", (question.id, "dim")), 4)
    out.print()
    stories = session.stories
    counts = {priority: sum(1 for s in stories if s.priority == priority) for priority in PRIORITIES}
    statuses = {status: sum(1 for s in stories if s.status == status) for status in STORY_STATUSES}
    out.print(
        f"[bold]Stories: {len(stories)}[/]  "
        + " · ".join(f"{PRIORITY_LABELS[p]} {n}" for p, n in counts.items())
        + "  [dim]("
        + ", ".join(f"{n} {s}" for s, n in statuses.items() if n)
        + ")[/]"
        if stories
        else "[bold]Stories: 0[/]"
    )
    for priority in PRIORITIES:
        group = [s for s in stories if s.priority == priority]
        if group:
            out.print(f"[bold]{PRIORITY_LABELS[priority]}[/]")
            for story in group:
                first = f"  {escape(story.id)}  "
                print_hanging(out, first, Text.assemble(story.sentence(), " ", (f"({story.status})", "dim")), len(story.id) + 4)
    if stories:
        from elicit.core.stories import lint_stories, quality_line

        findings = lint_stories(stories)
        details = f" (elicit lint {escape(args.path)})" if findings else ""
        out.print(f"[bold]Story quality:[/] {quality_line(findings, len(stories))}{details}")
    if session.open_questions:
        open_items = [q for q in session.open_questions if q.status == "open"]
        out.print()
        out.print(f"[bold]Open questions: {len(open_items)}[/]")
        for open_item in open_items:
            out.print(f"  {escape(open_item.id)}  {escape(open_item.text)}")
    return 0
