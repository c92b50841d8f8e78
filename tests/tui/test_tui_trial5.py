"""Findings of the fifth user trial (/work/wt/notes/trial5.md), in the app."""

from __future__ import annotations

import pytest

from tests.support.tui import app_on
from tests.support.unit_bank import unit_session


async def test_minutes_typed_into_a_question_in_hours_go_to_the_notes_and_are_not_taken_as_hours(tmp_path):
    """T5-2: '30 minutes at most at 7am' on a question in hours per month was saved as 30 (hours)."""
    path = unit_session(tmp_path)
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press(*"30 minutes at most at 7am")
        await pilot.pause()
        help_line = screen.query_one("#number-help")
        assert "-invalid" in help_line.classes
        assert str(help_line.render()) == (
            "this question is in hours per month, not minutes: type the number in hours per month; your words go to the notes"
        )
        await pilot.press("ctrl+n")
        await pilot.pause()
        answer = screen.session.answers["units.ops.downtime"]
        assert (answer.value, answer.notes) == (None, "30 minutes at most at 7am")


@pytest.mark.parametrize("typed", ["about 120, 150 on Mondays", "between 100 and 150"])
async def test_two_numbers_with_a_comma_between_leave_a_number_answer_open(tmp_path, typed):
    """T5-1: 'about 120, 150 on Mondays' was saved as 150 drops a normal day; and 'between 100 and 150' kept
    100, the one number it held a few keystrokes before (no number half typed is the answer)."""
    path = unit_session(tmp_path)
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*typed)
        await pilot.pause()
        assert "-invalid" in screen.query_one("#number-help").classes
        await pilot.press("ctrl+b")
        await pilot.pause()
        answer = screen.session.answers["units.ops.drops"]
        assert (answer.value, answer.notes) == (None, typed)
