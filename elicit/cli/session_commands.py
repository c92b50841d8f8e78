"""``elicit new``, ``elicit answer`` and ``elicit summary``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from elicit.core.banks import BankCatalog, Question, looks_like_path
from elicit.core.findings import ElicitError
from elicit.core.session import (
    Interview,
    Session,
    SessionService,
    banks_for_session,
    create_session,
    existing_session_path,
    format_answer,
    open_session,
    parse_answer,
    read_session,
    session_path,
)

from .output import note_line, print_json, warning_line
from .parser import UsageError

if TYPE_CHECKING:
    from elicit.core.session import Participant


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
        target_minutes=args.target_minutes,
        command="elicit new",
    )
    session = interview.session
    from elicit.core.session import remember

    remember(path, title=session.title, client=session.client, done=0, total=len(interview.applicable()))
    sys.stdout.write(f"created {path} from {', '.join(b.id for b in banks)}: {interview.question_count()}{_planned(session)}\n")
    return 0


def _planned(session: Session) -> str:
    return f"; {session.target_minutes} minutes planned" if session.target_minutes else ""


def _title_from(path: Path) -> str:
    name = path.name.removesuffix(".toml").removesuffix(".elicit")
    return name.replace("-", " ").replace("_", " ").strip() or "Interview"


def _participant(text: str) -> Participant:
    from elicit.core.session import parse_participant  # only 'elicit new' reads participants

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
    if not args.participant:  # the app's form asks for them too: without them nothing can be credited (trial7 T7-19)
        while person := questionary.text("Participant (Name: role; Enter alone when everyone is named):").unsafe_ask().strip():
            args.participant.append(person)
    if not args.bank:
        entries = catalog.entries()
        choices = [questionary.Choice(f"{e.id}  ({e.source}: {e.path.name})", value=e.id, checked=e.id == "discovery") for e in entries]
        args.bank = questionary.checkbox("Question banks to use:", choices=choices).unsafe_ask() or []


@contextmanager
def open_for_change(path_text: str, command: str, *, head_only: bool = False) -> Iterator[SessionService]:
    """Lock a session, give a service over it, save and unlock at the end (``head_only``: see :func:`open_session`)."""
    opened = open_session(existing_session_path(path_text), command=command, saves_once=True, head_only=head_only)
    try:
        for note in opened.notes:
            note_line(note)
        for problem in opened.warnings:
            warning_line(problem)
        yield opened.service
        if opened.service.revision:
            warning = opened.save()
            if warning:
                note_line(warning)
    finally:
        opened.close()


def answer(args: argparse.Namespace) -> int:
    """Record one answer, skip or flag a question, or clear its answer."""
    _check_answer_args(args)
    with open_for_change(args.path, "elicit answer", head_only=True) as service:
        question = service.interview.resolve_id(args.question)
        if args.clear:
            removed = service.clear(question.id)
            kept = removed is not None and removed.notes.strip()
            shown = "cleared (notes kept)" if kept else ("cleared" if removed is not None else "no answer to clear")
        else:
            _record(args, service, question)
            recorded = service.session.answers[question.id]
            shown = format_answer(question, recorded.value) if recorded.value is not None else _status_words(service.interview.status(question.id))
        if not service.interview.applies(question.id):
            note_line(f"{question.id} does not apply with the answers so far; the answer is kept")
    sys.stdout.write(f"{question.id}: {shown}\n")
    return 0


def _status_words(status: str) -> str:
    """What an answer without a value is now: skipped, revisit, or open with notes only."""
    return "open (notes only: no answer yet)" if status == "open" else status


def _check_answer_args(args: argparse.Namespace) -> None:
    if args.clear and (args.value is not None or args.status is not None):
        raise UsageError("elicit answer", "--clear takes no VALUE and no --status")
    if args.value is not None and args.status == "skipped":
        raise UsageError("elicit answer", "a skipped question keeps no answer: give --status skipped without a VALUE")
    if args.value is None and args.status is None and args.notes is None and not args.clear:
        raise UsageError("elicit answer", "give a VALUE, or --status skipped/revisit, or --notes, or --clear")
    _check_by(args)
    if args.value is not None and not args.value.strip() and args.notes is None:
        raise ElicitError(
            f"{args.question}: an empty answer is not an answer; skip the question with "
            f"'elicit answer {args.path} {args.question} --status skipped', or remove its answer with "
            f"'elicit answer {args.path} {args.question} --clear'"
        )


def _check_by(args: argparse.Namespace) -> None:
    if args.by is not None and (args.value is None or not args.value.strip()):
        raise UsageError("elicit answer", "--by says who gave the answer: give the VALUE they gave with it")


def _record(args: argparse.Namespace, service: SessionService, question: Question) -> None:
    if args.value is not None and args.value.strip():
        try:
            value = parse_answer(question, args.value)
        except ElicitError as error:
            raise ElicitError(f"{question.id}: {error}") from None
        service.answer(question.id, value, notes=args.notes, status=args.status, by=args.by)
        return
    if args.notes is not None:
        service.set_notes(question.id, args.notes)
    if args.status is not None:
        service.set_status(question.id, args.status)


def load_for_reading(path_text: str) -> tuple[Session, Interview]:
    """Read a session (no lock needed) and its banks."""
    path = existing_session_path(path_text)
    session = read_session(path)
    banks, notes = banks_for_session(session, BankCatalog.default(), path.parent)
    interview = Interview(session, banks)
    for note in notes:
        note_line(note)
    for warning in interview.answer_notes():
        warning_line(warning)
    return session, interview


def summary(args: argparse.Namespace) -> int:
    """Print progress, coverage and time per section, open required questions, flagged ones, stories and open questions."""
    from elicit.core.session import summarise  # only this command counts: 'elicit answer' never loads it

    session, interview = load_for_reading(args.path)
    counts = summarise(interview)
    if args.json:
        print_json(counts.to_json())
        return 0
    from .summary_output import print_summary

    print_summary(session, interview, counts, args.path)
    return 0


def add_participant(args: argparse.Namespace) -> int:
    """Add a participant (the service's add_participant, as the app's new-session screen reads one); print them numbered."""
    from elicit.core.session import participant_label

    with open_for_change(args.path, "elicit participant add") as service:
        person = service.add_participant(args.participant)
        number = len(service.session.participants)
    sys.stdout.write(f"{number}. {participant_label(person)}\n")
    return 0


def list_participants(args: argparse.Namespace) -> int:
    """The participants, numbered as ``--by`` takes them, or as JSON."""
    from elicit.core.data import record_dict
    from elicit.core.session import participant_label

    session, _interview = load_for_reading(args.path)
    if args.json:
        print_json([record_dict(person, ("name", "role"), keep=("name",)) for person in session.participants])
        return 0
    if not session.participants:
        note_line("this session has no participants; add one with 'elicit participant add PATH \"NAME: ROLE\"'")
    for number, person in enumerate(session.participants, start=1):
        sys.stdout.write(f"{number}. {participant_label(person)}\n")
    return 0
