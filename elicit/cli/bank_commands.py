"""``elicit banks list|show`` (``validate`` is in ``validate_command``)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from elicit.core.banks import Bank, BankCatalog, BankEntry, Question
from elicit.core.data import record_dict
from elicit.core.findings import FindingsError
from elicit.core.paths import user_banks_dir

from .output import console, print_hanging, print_json


def list_banks(args: argparse.Namespace) -> int:
    """List every bank found, the file it came from and its question count."""
    catalog = BankCatalog.default()
    rows = [_entry_summary(catalog, entry) for entry in catalog.entries()]
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        sys.stdout.write("No banks found. Put bank files in ./question_banks or in " + str(user_banks_dir()) + "\n")
        return 0
    from rich.markup import escape

    out = console()
    for row in rows:
        name = escape(row["id"])
        if row["problems"]:
            out.print(f"[bold]{name}[/]  [red]{row['problems']} problem(s): run 'elicit banks validate {escape(row['path'])}'[/]")
        else:
            out.print(f"[bold]{name}[/]  {escape(row['title'])} [dim]{escape(row['version'])}[/]  {row['questions']} questions")
        out.print(f"    [dim]{row['source']}:[/] {escape(row['path'])}", soft_wrap=True)
        for overridden in row["overrides"]:
            out.print(f"    [dim]overrides {escape(overridden)}[/]", soft_wrap=True)
    return 0


def _entry_summary(catalog: BankCatalog, entry: BankEntry) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": entry.id,
        "title": "",
        "version": "",
        "sections": 0,
        "questions": 0,
        "source": entry.source,
        "path": str(entry.path),
        "overrides": [str(e.path) for e in entry.overrides],
        "problems": 0,
    }
    try:
        bank = catalog.load(entry.id)
    except FindingsError as error:
        row["problems"] = len(error.findings)
        return row
    row.update(title=bank.title, version=bank.version, sections=len(bank.sections), questions=len(bank.questions))
    return row


def show_bank(args: argparse.Namespace) -> int:
    """Show one bank's sections and questions."""
    bank = BankCatalog.default().load(args.bank)
    if args.json:
        print_json(bank_to_json(bank))
        return 0
    out = console()
    from rich.text import Text

    header = Text.assemble((bank.title, "bold"), " ", (f"({bank.id} {bank.version}, {len(bank.questions)} questions, {bank.path})", "dim"))
    print_hanging(out, "", header, 0)
    if bank.description:
        print_hanging(out, "", Text(bank.description.strip()), 0)
    for section in bank.sections:
        out.print()
        budget = f" · {section.minutes} min" if section.minutes else ""
        print_hanging(out, "", Text.assemble((section.title, "bold cyan"), " ", (section.id + budget, "dim")), 0)
        if section.goal:
            print_hanging(out, "  ", Text(section.goal.strip(), style="italic"), 2)
        for question in section.questions:
            print_hanging(out, " [red]*[/] " if question.required else "   ", Text(question.prompt), 3)
            print_hanging(out, "     ", Text(f"{question.id} · {_details(question)}", style="dim"), 5)
            if question.when:
                print_hanging(out, "     ", Text(f"when {question.when}", style="dim"), 5)
    return 0


def _details(question: Question) -> str:
    """The question's kind and options, an exclusive option ("Not sure") marked as standing alone."""
    if not question.options:
        return question.kind
    options = [f"{option} (exclusive)" if option in question.exclusive_options else option for option in question.options]
    return f"{question.kind}: " + " / ".join(options)


def bank_to_json(bank: Bank) -> dict[str, Any]:
    """A bank as plain data with fully qualified question ids."""
    return {
        "id": bank.id,
        "title": bank.title,
        "version": bank.version,
        "description": bank.description,
        "path": str(bank.path) if bank.path else None,
        "hash": bank.content_hash,
        "sections": [
            {"id": section.id, "title": section.title, "goal": section.goal}
            | ({"minutes": section.minutes} if section.minutes else {})
            | {"questions": [question_to_json(q) for q in section.questions]}
            for section in bank.sections
        ],
    }


def question_to_json(question: Question) -> dict[str, Any]:
    """A question as plain data."""
    data = record_dict(question, ("id", "prompt", "kind", "why", "probes", "required", "tags"))
    if question.options:
        data["options"] = list(question.options)
    if question.exclusive_options:
        data["exclusive_options"] = list(question.exclusive_options)
    if question.kind in ("scale", "number"):
        data["min"] = question.min
        data["max"] = question.max
    if question.labels:
        data["labels"] = list(question.labels)
    if question.unit:
        data["unit"] = question.unit
    if question.when:
        data["when"] = question.when
    if question.story:
        data["story"] = record_dict(question.story, ("role", "want", "so_that"))
    return data
