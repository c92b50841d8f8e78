"""Writes the made-up bakery interviews in this folder (run it to regenerate them; the files are the data).

Crumb & Co, a bakery opening a second shop, is interviewed five times on the
built-in discovery and functional-scope banks: the owner, the two shop
managers, the head baker, and the accountant with a Saturday counter clerk in
the room together. They disagree in the ways real stakeholders do; labels.toml
says which pairs of their answers, stories and decisions conflict.

    python tests/data/stakeholders/make_sessions.py
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from elicit.core.banks.catalog import BankCatalog
from elicit.core.session.file_format import dumps_session
from elicit.core.session.models import Answer, BankRef, Decision, Participant, Session, Story

HERE = Path(__file__).parent
ZONE = timezone(timedelta(hours=1))
BANKS = ("discovery", "functional-scope")

INTERVIEWS = {
    "owner": {
        "title": "Crumb & Co — the owner",
        "start": datetime(2026, 3, 12, 14, 0, tzinfo=ZONE),
        "participants": [("Maria Lopez", "Owner")],
        "answers": {
            "discovery.problem.in_their_words": "The phone rings all morning with cake orders and we write them on paper; some get lost.",
            "discovery.problem.severity": 4,
            "discovery.goals.business_goals": "Take orders without the phone, and know each morning what to bake.",
            "discovery.goals.benefit_kinds": ["Time saved for staff", "Happier customers"],
            "discovery.current_process.walkthrough": "Customer calls, staff write the order in the book, the baker reads the book at 5 am.",
            "discovery.current_process.weekly_volume": 120,
            "discovery.current_process.hours_per_case": 0.25,
            "discovery.stakeholders.groups_disagree": False,
            "discovery.stakeholders.time_available": "One to four hours",
            "discovery.scope.solution_kind": "A bought product, set up for us",
            "discovery.scope.replaces_system": True,
            "discovery.scope.switch_over": "All at once on a set date",
            "discovery.constraints.fixed_date": True,
            "discovery.constraints.budget_set": "Yes, a rough range",
            "discovery.risks.willing_to_change": 3,
            "functional-scope.capabilities.takes_payments": True,
            "functional-scope.capabilities.payment_methods": ["Card", "Digital wallet, such as Apple Pay or PayPal"],
            "functional-scope.information.record_count": 2000,
            "functional-scope.information.change_history": True,
            "functional-scope.reporting.freshness": "As of yesterday",
            "functional-scope.notifications.texts_per_month": 300,
            "functional-scope.notifications.choose_notifications": False,
        },
        "stories": [
            (
                "customer",
                "to order a celebration cake online and pick a collection time",
                "I do not have to phone during opening hours",
                "must",
                "Most cake orders come by phone and the line is busy all morning.",
                "discovery.problem.in_their_words",
            ),
            (
                "owner",
                "to take a deposit on pre-orders",
                "no-shows do not cost us the cake",
                "must",
                "Deposits must be taken on anything we make to order.",
                "functional-scope.capabilities.takes_payments",
            ),
            (
                "baker",
                "to see the day's orders at 5 am",
                "I know what to bake",
                "must",
                "Sam reads the order book at five; that has to keep working.",
                "discovery.current_process.walkthrough",
            ),
            (
                "customer",
                "to get a reminder the day before collection",
                "I do not forget my order",
                "should",
                "People forget, and the cake sits there.",
                "",
            ),
            (
                "shop manager",
                "to see the orders of my shop only",
                "I am not lost in the other shop's orders",
                "could",
                "Each shop should only see its own orders, I think.",
                "",
            ),
            (
                "customer",
                "to add allergy notes to an order",
                "the baker knows what to leave out",
                "must",
                "Allergy notes get missed on paper. That frightens me.",
                "",
            ),
        ],
        "decisions": [
            (
                "Pre-orders over £30 take a 20% deposit, paid online",
                "No-shows on big cakes cost us about £200 a month",
                "functional-scope.capabilities.takes_payments",
            ),
            ("Both shops switch to online orders on one date", "One message to customers, one training day", "discovery.scope.switch_over"),
            (
                "Go live before the Station Road shop opens in May",
                "The phone will not cope with two shops",
                "discovery.constraints.fixed_date",
            ),
            # Added with the "decisions" kind (trial2 T15): decisions set against decisions, whatever question they were typed on.
            ("Order confirmations go by text message only", "Customers read texts, not email", "discovery.goals.business_goals"),
        ],
    },
    "high-street": {
        "title": "Crumb & Co — High Street shop manager",
        "start": datetime(2026, 3, 13, 10, 0, tzinfo=ZONE),
        "participants": [("Tom Briggs", "Shop manager, High Street")],
        "answers": {
            "discovery.problem.in_their_words": "Saturday mornings we turn people away because nobody can pick up the phone.",
            "discovery.problem.severity": 5,
            "discovery.goals.benefit_kinds": ["Time saved for staff", "More revenue", "Fewer errors"],
            "discovery.current_process.walkthrough": (
                "We take the order on the phone or at the counter, write it in the book, and orders for the next morning "
                "are taken until we close at 5 pm."
            ),
            "discovery.current_process.weekly_volume": 80,
            "discovery.current_process.hours_per_case": 0.25,
            "discovery.stakeholders.groups_disagree": True,
            "discovery.stakeholders.time_available": "Less than an hour",
            "discovery.scope.solution_kind": "Open to advice",
            "discovery.scope.replaces_system": True,
            "discovery.scope.switch_over": "Step by step, team by team",
            "discovery.constraints.fixed_date": True,
            "discovery.risks.willing_to_change": 4,
            "functional-scope.capabilities.takes_payments": True,
            "functional-scope.information.record_count": 3000,
            "functional-scope.information.change_history": True,
        },
        "stories": [
            (
                "customer",
                "to order a celebration cake online and pick a collection time",
                "I do not have to phone during opening hours",
                "should",
                "If they could just book it online we'd have half the calls.",
                "discovery.problem.in_their_words",
            ),
            (
                "shop manager",
                "to see only my shop's orders",
                "I am not lost in the other shop's orders",
                "must",
                "I don't want Station Road's orders on my screen.",
                "",
            ),
            (
                "customer",
                "to create an account",
                "my details are remembered next time",
                "could",
                "Regulars order the same thing every week.",
                "",
            ),
            (
                "shop manager",
                "to take orders after 2 pm for the next morning",
                "we do not turn away late customers",
                "must",
                "Half our cake orders come in the afternoon.",
                "discovery.current_process.walkthrough",
            ),
            (
                "customer",
                "to get a text when my order is ready",
                "I do not wait at the counter",
                "should",
                "They ring to ask if it's ready.",
                "",
            ),
            (
                "shop manager",
                "to print the day's orders in colour",
                "cakes and bread stand apart on the board",
                "could",
                "We pin the list on the board behind the counter.",
                "",
            ),
            (
                "shop manager",
                "to see which orders are not collected yet",
                "I can ring the customers before we close",
                "should",
                "Uncollected cakes are money in the bin.",
                "",
            ),
        ],
        "decisions": [
            (
                "Shop staff give the project less than an hour a week",
                "Saturdays and holidays are too busy for more",
                "discovery.stakeholders.time_available",
            ),
            ("Order confirmations go by text message, within the hour", "Customers ring if they hear nothing", "discovery.goals.business_goals"),
            ("Orders for the next morning close at 5 pm", "Customers come in after work", "discovery.current_process.walkthrough"),
        ],
    },
    "baker": {
        "title": "Crumb & Co — head baker",
        "start": datetime(2026, 3, 13, 15, 0, tzinfo=ZONE),
        "participants": [("Sam Okafor", "Head baker")],
        "answers": {
            "discovery.problem.in_their_words": "I read the order book at five and half of it I cannot read.",
            "discovery.problem.severity": 2,
            "discovery.current_process.weekly_volume": 150,
            "discovery.stakeholders.groups_disagree": True,
            "discovery.stakeholders.time_available": "Less than an hour",
            "discovery.risks.willing_to_change": 1,
            "functional-scope.reporting.freshness": "Up to the hour",
        },
        "stories": [
            (
                "baker",
                "to see all the day's orders at 5 am",
                "I know what to bake",
                "should",
                "Five o'clock, I need the full list, that's all.",
                "discovery.current_process.walkthrough",
            ),
            (
                "baker",
                "not to take orders after 2 pm for the next morning",
                "the dough for them is started in time",
                "must",
                "An order at four for the next morning is too late for sourdough.",
                "discovery.current_process.walkthrough",
            ),
            (
                "baker",
                "to see allergy notes on every order",
                "nothing with nuts goes in the wrong box",
                "should",
                "I need to see the allergy on the ticket itself.",
                "",
            ),
            (
                "baker",
                "not to phone the shop to check an order",
                "I am not stopped in the middle of a bake",
                "could",
                "Every morning I ring Tom to ask what a scribble means.",
                "",
            ),
        ],
        "decisions": [
            ("Orders for the next morning close at 2 pm", "Sourdough is started at 3 pm", "discovery.current_process.walkthrough"),
            ("Bread is baked to order", "Nothing goes in the bin", "discovery.problem.in_their_words"),
        ],
    },
    "station-road": {
        "title": "Crumb & Co — Station Road shop manager",
        "start": datetime(2026, 3, 16, 9, 30, tzinfo=ZONE),
        "participants": [("Priya Shah", "Shop manager, Station Road")],
        "answers": {
            "discovery.problem.severity": 3,
            "discovery.goals.business_goals": "Commuters order on the train and collect on the way to work.",
            "discovery.current_process.walkthrough": "We do not take orders yet: the shop opens in May.",
            "discovery.current_process.weekly_volume": 40,
            "discovery.current_process.hours_per_case": 0.5,
            "discovery.stakeholders.time_available": "Not sure",
            "discovery.scope.solution_kind": "A bought product, set up for us",
            "discovery.scope.replaces_system": True,
            "discovery.scope.switch_over": "Both running side by side for a while",
            "discovery.constraints.fixed_date": False,
            "discovery.risks.willing_to_change": 3,
            "functional-scope.capabilities.takes_payments": False,
            "functional-scope.reporting.freshness": "As of yesterday",
            "functional-scope.notifications.texts_per_month": 500,
            "functional-scope.notifications.choose_notifications": False,
        },
        "stories": [
            (
                "customer",
                "to order a celebration cake online and pick a collection time",
                "I do not have to phone during opening hours",
                "must",
                "Commuters will order on the train.",
                "",
            ),
            (
                "customer",
                "to get a reminder the day before collection",
                "I do not forget my order",
                "should",
                "A reminder the evening before, by text.",
                "",
            ),
            (
                "customer",
                "to add allergy notes to an order",
                "the baker knows what to leave out",
                "could",
                "Some people will want to write allergies in.",
                "",
            ),
            (
                "customer",
                "not to have to create an account",
                "ordering a cake takes a minute",
                "should",
                "Nobody wants another password.",
                "",
            ),
            (
                "customer",
                "to pay online when I order",
                "collection is quick",
                "should",
                "On the way to the train there's no time to pay.",
                "functional-scope.capabilities.takes_payments",
            ),
            (
                "customer",
                "to get a text when my order is ready",
                "I do not wait at the counter",
                "could",
                "A text when it's ready would be nice.",
                "",
            ),
            (
                "shop manager",
                "to print the day's orders in color",
                "cakes and bread stand apart on the board",
                "must",
                "I want the list printed for the morning shift.",
                "",
            ),
            (
                "shop manager",
                "never to take a deposit on pre-orders",
                "regulars are not put off",
                "should",
                "Our regulars would walk out if we asked for a deposit.",
                "",
            ),
            (
                "shop manager",
                "to see which orders are collected",
                "the day's takings add up",
                "could",
                "At closing I check what went out.",
                "",
            ),
        ],
        "decisions": [
            ("Fix the phone problem before anything else", "It is the main complaint", "discovery.problem.severity"),
            ("Orders for the next morning close at 2 pm", "The baker's hours", "discovery.current_process.walkthrough"),
            ("Bread is not baked to order", "Commuters buy what is on the shelf", "discovery.problem.in_their_words"),
        ],
    },
    "finance": {
        "title": "Crumb & Co — accounts and the Saturday counter",
        "start": datetime(2026, 3, 17, 11, 0, tzinfo=ZONE),
        "participants": [("Ann Field", "Accountant"), ("Ben Carter", "Counter staff, Saturdays")],
        "answers": {
            "discovery.problem.severity": 4,
            "discovery.current_process.weekly_volume": 200,
            "discovery.current_process.hours_per_case": 0.2,
            "discovery.stakeholders.groups_disagree": False,
            "discovery.stakeholders.time_available": "One to four hours",
            "discovery.scope.solution_kind": "A new product built for us",
            "discovery.scope.replaces_system": False,
            "discovery.constraints.budget_set": "Yes, a fixed amount",
            "functional-scope.capabilities.takes_payments": True,
            "functional-scope.capabilities.payment_methods": ["Card", "Bank transfer"],
            "functional-scope.information.record_count": 5000,
            "functional-scope.information.change_history": True,
            "functional-scope.notifications.texts_per_month": 100,
        },
        "stories": [
            (
                "accountant",
                "to take a deposit on pre-orders",
                "cash flow covers the ingredients",
                "must",
                "Deposits must be taken; the flour is bought a week ahead.",
                "functional-scope.capabilities.takes_payments",
            ),
            (
                "counter staff",
                "not to take a deposit on pre-orders",
                "regulars are not put off",
                "should",
                "Never. Mrs Jones has ordered the same loaf for twenty years.",
                "",
            ),
            (
                "customer",
                "not to pay online when I order",
                "I can pay at the till as I always have",
                "could",
                "Half my Saturday customers pay cash.",
                "",
            ),
            (
                "accountant",
                "not to take a deposit on bread orders",
                "a loaf is never held hostage",
                "should",
                "Nobody pays ahead for a loaf.",
                "",
            ),
            (
                "customer",
                "to get a text message when the cake is ready",
                "I do not wait at the counter",
                "must",
                "People ask me every Saturday if their cake is in.",
                "",
            ),
        ],
        "decisions": [
            ("The first year's budget is fixed at £8,000", "Agreed with the bank for the loan", "discovery.constraints.budget_set"),
            ("Order confirmations go by email", "Ann keeps a copy for the books", "discovery.goals.business_goals"),
            ("Bread is not sold online", "Too little margin", "discovery.problem.in_their_words"),
        ],
    },
}


KEEP_AS_IS = {
    # Added with the "text" kind (free texts that say opposite things): answers to one free-text question.
    "owner": "Staff must not write orders on paper. Card payments go through the website.",
    "high-street": "Saturday staff are never trained on the new system. Card payments go through the website.",
    "baker": "Staff write orders on paper, in the book by the oven.",
    "station-road": "Saturday staff are trained on the new system, like everyone else. Staff do not write orders on the board.",
    "finance": "Card payments go through the till only. Staff write the takings on paper.",
}


SPEAKERS = {
    # In the room together: who said what (the other interviews have one participant each).
    "finance": {
        "Ben Carter": {
            "discovery.problem.severity", "discovery.current_process.weekly_volume", "discovery.current_process.hours_per_case",
            "functional-scope.notifications.texts_per_month", "US-002", "US-003", "US-005",
        },
        "Ann Field": {"*"},
    },
}  # fmt: skip


def said_by(interview: str, thing: str) -> str:
    """Who said ``thing`` (a question id or a story or decision id) in a group interview; "" in the others."""
    speakers = SPEAKERS.get(interview, {})
    named = next((name for name, things in speakers.items() if thing in things), "")
    return named or next((name for name, things in speakers.items() if "*" in things), "")


def bank_refs() -> list[BankRef]:
    catalog = BankCatalog.default()
    refs = []
    for bank_id in BANKS:
        bank = catalog.load(bank_id)
        refs.append(BankRef(bank.id, bank.version, bank.content_hash))
    return refs


def build(name: str, spec: dict) -> Session:
    start: datetime = spec["start"]
    session = Session(
        title=spec["title"],
        client="Crumb & Co",
        project="Click & collect",
        interviewer="Dana Whitfield",
        started_at=start,
        ended_at=start + timedelta(minutes=40),
        participants=[Participant(name, role) for name, role in spec["participants"]],
        banks=bank_refs(),
        interview_seconds=2400,
    )
    answers = {**spec["answers"], "discovery.current_process.keep_as_is": KEEP_AS_IS[name]}
    for minute, (question, value) in enumerate(answers.items(), start=1):
        at = start + timedelta(minutes=minute)
        session.answers[question] = Answer(value=value, answered_at=at, updated_at=at, by=said_by(name, question))
    for number, (role, want, so_that, priority, quote, source) in enumerate(spec["stories"], start=1):
        at = start + timedelta(minutes=20 + number)
        session.stories.append(
            Story(
                f"US-{number:03d}",
                role,
                want,
                so_that,
                priority,
                quote=quote,
                source=[source] if source else [],
                created_at=at,
                updated_at=at,
                by=said_by(name, f"US-{number:03d}"),
            )
        )
    for number, (text, rationale, source) in enumerate(spec["decisions"], start=1):
        session.decisions.append(Decision(f"DEC-{number:03d}", text, rationale, source=[source], by=said_by(name, f"DEC-{number:03d}")))
    return session


def main() -> None:
    for name, spec in INTERVIEWS.items():
        (HERE / f"{name}.elicit.toml").write_text(dumps_session(build(name, spec)), encoding="utf-8")


if __name__ == "__main__":
    main()
