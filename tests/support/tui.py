"""Helpers for the Textual app's tests: sessions on the mini bank, a frozen clock, an app on a file."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

from elicit.core.banks.catalog import BankCatalog
from elicit.core.paths import user_banks_dir
from elicit.core.session.engine import Interview
from elicit.core.session.models import Answer, BankRef, Participant, Session, Story
from elicit.core.session.storage import SessionStore
from tests.conftest import MINI_BANK

FIXED_NOW = datetime(2026, 3, 2, 10, 30, 0, tzinfo=timezone(timedelta(hours=1)))
STARTED = FIXED_NOW - timedelta(minutes=25, seconds=7)


def fixed_clock() -> datetime:
    """Always the same moment, so elapsed time and dates are stable in snapshots."""
    return FIXED_NOW


def install_mini_bank() -> Path:
    """Copy the mini bank into the (temporary) user bank folder; return the folder."""
    folder = user_banks_dir()
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(MINI_BANK, folder / MINI_BANK.name)
    return folder


def mini_catalog() -> BankCatalog:
    """A catalog holding only the mini bank."""
    return BankCatalog([("user", install_mini_bank())])


def make_session(
    path: Path,
    *,
    answers: dict[str, Answer] | None = None,
    stories: list[Story] | None = None,
    current: str = "",
) -> Path:
    """Write a session on the mini bank with fixed times; return its path."""
    bank = BankCatalog.default().load(MINI_BANK)
    session = Session(
        title="Invoicing discovery",
        client="ACME Ltd",
        interviewer="Sam",
        started_at=STARTED,
        participants=[Participant("Ann", "finance clerk"), Participant("Raj", "account manager")],
        banks=[BankRef(bank.id, bank.version, bank.content_hash, str(MINI_BANK))],
        answers=dict(answers or {}),
        stories=list(stories or []),
    )
    session.current = current or Interview(session, [bank]).current.id
    SessionStore.create(path, session).close()
    return path


def sample_stories() -> list[Story]:
    """Three stories of different priorities and statuses, with fixed times."""
    return [
        Story(
            "US-001",
            "finance clerk",
            "to import invoices from the bank feed",
            "I stop typing them twice",
            priority="must",
            acceptance=["Given a bank feed", "When it arrives", "Then the invoices appear"],
            quote="we type every invoice twice",
            source=["mini.context.problem"],
            tags=["billing"],
            created_at=STARTED,
            updated_at=STARTED,
        ),
        Story(
            "US-002",
            "account manager",
            "to see overdue invoices first",
            "I can chase late payers",
            priority="should",
            source=["mini.users.who"],
            status="confirmed",
            created_at=STARTED,
            updated_at=STARTED,
        ),
        Story(
            "US-003",
            "finance clerk",
            "to work offline on the train",
            priority="could",
            source=["mini.context.platform"],
            tags=["mobile"],
            created_at=STARTED,
            updated_at=STARTED,
        ),
    ]


def sample_answers() -> dict[str, Answer]:
    """A few answers: text, choice and a flag to revisit."""
    return {
        "mini.context.problem": Answer("Invoices are typed twice and Ann loses a day a week.", answered_at=STARTED, updated_at=STARTED),
        "mini.context.platform": Answer("Web", answered_at=STARTED, updated_at=STARTED),
        "mini.users.count": Answer(None, status="revisit", updated_at=STARTED),
    }


def app_on(path: Path, **options):
    """An ElicitApp on a session file, with the clock frozen and the cursor not blinking."""
    from elicit.core.session.opening import open_session
    from elicit.tui.app import ElicitApp

    options.setdefault("clock_ticks", False)  # the interview clock stays still; tests call tick() themselves
    return ElicitApp(open_session(path, command="elicit open"), clock=fixed_clock, cursor_blink=False, **options)


async def until(pilot, condition, what: str, rounds: int = 2000) -> None:
    """Let the app run until ``condition()`` holds: a count of turns, never a time (a loaded machine needs more)."""
    for _ in range(rounds):
        if condition():
            return
        await pilot.pause()
    raise AssertionError(f"never got there: {what}")


def launcher_app(**options):
    """An ElicitApp on its launcher, with the clock frozen and the cursor not blinking."""
    from elicit.tui.app import ElicitApp

    options.setdefault("clock_ticks", False)
    return ElicitApp(None, clock=fixed_clock, cursor_blink=False, **options)


CLIENT_SHEET = [
    ["Your comment", "ID", "Your decision (keep / change / remove)", "Your wording", "Your priority", "Story"],
    ["the feed comes in every morning at six", "US-001", "change", "to import the invoices from the bank feed every morning", "should", ""],
    ["we chase by phone", "US-002", "remove", "", "", ""],
    ["", "US-003", "", "", "Must", ""],
]
"""A review sheet as a client fills it: columns moved, a change, a removal, a new priority alone."""


def with_review(path: Path, *, suspect: bool = False) -> Path:
    """Record round 1 of a session (at the fixed time) and import :data:`CLIENT_SHEET` as the client's proposals.

    ``suspect``: confirm US-001, then change the answer it was drawn from, so that it is suspect.
    """
    import csv

    from elicit.core.review import read_sheet
    from elicit.core.session.opening import open_session

    opened = open_session(path, command="elicit test")
    try:
        service = opened.service
        if suspect:
            service.set_story_status("US-001", "confirmed")
            service.answer("mini.context.problem", "Invoices are typed twice; the bank feed could bring them in.")
        service.record_round("sent to Ann for sign-off").at = FIXED_NOW
        sheet = path.with_name("review.csv")
        with sheet.open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle, delimiter=";").writerows(CLIENT_SHEET)
        service.add_proposals(read_sheet(sheet, service.session).proposals)
        opened.save()
    finally:
        opened.close()
    return path


def make_merged_session(path: Path) -> Path:
    """A session merged from two interviews on the mini bank (Ann's and Raj's), with fixed times; return its path."""
    from elicit.core.stakeholders import make_sources, merge

    bank = BankCatalog.default().load(MINI_BANK)
    interviews = []
    said = {
        "Ann": {"mini.context.problem": "Invoices are typed twice.", "mini.context.platform": "Web", "mini.context.offline": True,
                "mini.users.satisfaction": 2},
        "Raj": {"mini.context.problem": "Clients wait a week for an invoice.", "mini.context.platform": "Mobile",
                "mini.context.offline": False, "mini.users.satisfaction": 3},
    }  # fmt: skip
    stories = {
        "Ann": [("finance clerk", "to send an invoice from the job sheet", "must"), ("finance clerk", "to see unpaid invoices", "could")],
        "Raj": [
            ("finance clerk", "to send the invoice from the job sheet", "should"),
            ("account manager", "to copy last month's invoice", "could"),
        ],
    }
    for name, role in (("Ann", "finance clerk"), ("Raj", "account manager")):
        session = Session(
            title=f"Invoicing — {name}",
            client="ACME Ltd",
            interviewer="Sam",
            started_at=STARTED,
            participants=[Participant(name, role)],
            banks=[BankRef(bank.id, bank.version, bank.content_hash, str(MINI_BANK))],
        )
        session.answers = {question: Answer(value, answered_at=STARTED, updated_at=STARTED) for question, value in said[name].items()}
        session.stories = [
            Story(f"US-{n:03d}", role_, want, priority=priority, quote=f"{name}: {want}", source=["mini.context.problem"])
            for n, (role_, want, priority) in enumerate(stories[name], start=1)
        ]
        interviews.append((f"{name.lower()}.elicit.toml", session, [bank]))
    merged = merge(make_sources(interviews)).session
    merged.current = "mini.context.platform"
    SessionStore.create(path, merged).close()
    return path
