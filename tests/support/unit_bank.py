"""A session on a small bank of number questions with units (trial5: numbers said in words)."""

from __future__ import annotations

from pathlib import Path

UNIT_BANK = """\
id = "units"
title = "Units"
version = "1.0.0"

[[sections]]
id = "ops"
title = "Operations"
goal = "Know the numbers."

[[sections.questions]]
id = "downtime"
prompt = "How many hours a month could it be down?"
kind = "number"
unit = "hours per month"
min = 0

[[sections.questions]]
id = "drops"
prompt = "How many drops on a normal day?"
kind = "number"
unit = "drops"
min = 0
"""


def unit_session(folder: Path) -> Path:
    """A new session file in ``folder`` on the units bank (written beside it), at its first question."""
    from elicit.core.banks.catalog import BankCatalog
    from elicit.core.session.opening import create_session

    bank_path = folder / "units.toml"
    bank_path.write_text(UNIT_BANK, encoding="utf-8")
    bank = BankCatalog.default().load(bank_path)
    path = folder / "units.elicit.toml"
    create_session(path, [bank], [str(bank_path)], title="Units")
    return path
