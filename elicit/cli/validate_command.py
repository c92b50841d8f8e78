"""``elicit banks validate``: check bank files and report every problem.

Editors and scripts run this often, so it starts fast: an unchanged set of
banks gets the remembered result (see ``core.validation_memo``), and the
parsing and checking code is imported only when something changed.
"""

from __future__ import annotations

import sys
from pathlib import Path

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

    from ..core.validation_memo import Outcome


def validate_banks(args: argparse.Namespace) -> int:
    """Check banks; print every problem; exit 1 if any."""
    return validate_paths(list(args.paths))


def validate_paths(paths: list[str]) -> int:
    """Check the bank files ``paths`` (none: every bank found); print the result; return the exit code."""
    from ..core import validation_memo

    cwd = Path.cwd()
    key = validation_memo.inputs_key(paths, cwd)
    outcome = validation_memo.recall(paths, cwd, key) if key else None
    if outcome is None:
        outcome = check_banks(paths)
        # Kept only if nothing changed while checking, so it always matches its key.
        if key and validation_memo.inputs_key(paths, cwd) == key:
            validation_memo.remember(paths, cwd, key, outcome)
    sys.stdout.write(outcome.out)
    sys.stderr.write(outcome.err)
    return outcome.code


def check_banks(paths: list[str]) -> Outcome:
    """Load and check every bank in ``paths`` (none: every bank found), collecting what to print."""
    from ..core.catalog import BankCatalog
    from ..core.findings import Finding, FindingsError
    from ..core.validation_memo import Outcome
    from .output import one_line

    catalog = BankCatalog.default()
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
        errors = [one_line(finding.format()) for finding in findings]
        errors.append(one_line(f"{len(findings)} problem(s) in {count} bank(s)"))
        return Outcome(1, "", "".join(errors))
    if count == 0:
        return Outcome(0, "no banks found\n", "")
    return Outcome(0, f"ok: {count} bank(s), {len(questions)} distinct questions, no problems\n", "")
