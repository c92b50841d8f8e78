"""Review rounds with the client: what was sent, what changed, and the client's edits accepted or answered with a reason."""

from elicit.core.review.diff import Change, State, criteria_changes, diff
from elicit.core.review.proposals import accept, decline, proposed_values
from elicit.core.review.render import diff_json, diff_markdown, diff_text
from elicit.core.review.sheet import COLUMNS, SheetReading, read_sheet, sheet_rows, write_sheet
from elicit.core.review.sources import load_state, round_state, session_state

__all__ = [
    "COLUMNS",
    "Change",
    "SheetReading",
    "State",
    "accept",
    "criteria_changes",
    "decline",
    "diff",
    "diff_json",
    "diff_markdown",
    "diff_text",
    "load_state",
    "proposed_values",
    "read_sheet",
    "round_state",
    "session_state",
    "sheet_rows",
    "write_sheet",
]
