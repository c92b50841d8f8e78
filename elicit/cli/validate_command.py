"""``elicit banks validate``: check bank files and report every problem."""

from __future__ import annotations

import sys
from pathlib import Path

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse


def validate_banks(args: argparse.Namespace) -> int:
    """Check the bank files named (none: every bank found); print every problem; exit 1 if any."""
    from elicit.core.banks import BankCatalog
    from elicit.core.findings import Finding, FindingsError

    from .output import error_line, one_line

    paths: list[str] = list(args.paths)
    catalog = BankCatalog.default(cache=False)  # every bank checked afresh, as its author expects after an edit
    if paths:
        targets: list[str | Path] = list(paths)
    else:
        targets = []
        for entry in catalog.entries():
            targets += [overridden.path for overridden in entry.overrides]
            targets.append(entry.path)
    findings: list[Finding] = []
    questions: set[str] = set()
    for target in targets:
        try:
            bank = catalog.load(target)
        except FindingsError as error:
            findings += error.findings
        else:
            questions.update(question.id for question in bank.questions)
    count = len(targets)
    if findings:
        for finding in findings:
            error_line(f"elicit: error: {finding.format()}")
        sys.stderr.write(one_line(f"{len(findings)} problem(s) in {count} bank(s)"))
        return 1
    if count == 0:
        sys.stdout.write("no banks found\n")
    else:
        sys.stdout.write(f"ok: {count} bank(s), {len(questions)} distinct questions, no problems\n")
    return 0
