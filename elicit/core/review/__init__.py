"""Review rounds with the client: what was sent, what changed, and the client's edits accepted or answered with a reason."""

from elicit.core.review.diff import Change, State, criteria_changes, diff, word_changes  # eager: the function shares its module's name

TYPE_CHECKING = False
if TYPE_CHECKING:
    from elicit.core.review.proposals import accept, decline, declined_text, needs_an_edit, new_story_values, proposed_values
    from elicit.core.review.render import diff_json, diff_markdown, diff_text
    from elicit.core.review.sheet import COLUMNS, SheetReading, read_sheet, sheet_rows, write_sheet
    from elicit.core.review.sources import load_state, round_state, session_state
else:  # each module loads when one of its names is first used (elicit.core.surface)
    from elicit.core.surface import lazy_surface

    __getattr__, __dir__ = lazy_surface(
        __name__,
        {
            "proposals": ["accept", "decline", "declined_text", "needs_an_edit", "new_story_values", "proposed_values"],
            "render": ["diff_json", "diff_markdown", "diff_text"],
            "sheet": ["COLUMNS", "SheetReading", "read_sheet", "sheet_rows", "write_sheet"],
            "sources": ["load_state", "round_state", "session_state"],
        },
    )

__all__ = [
    "COLUMNS",
    "Change",
    "SheetReading",
    "State",
    "accept",
    "criteria_changes",
    "decline",
    "declined_text",
    "diff",
    "diff_json",
    "diff_markdown",
    "diff_text",
    "load_state",
    "needs_an_edit",
    "new_story_values",
    "proposed_values",
    "read_sheet",
    "round_state",
    "session_state",
    "sheet_rows",
    "word_changes",
    "write_sheet",
]
