"""What the fifth user trial left (/work/wt/notes/trial5.md T5-7, T5-9), in the app."""

from __future__ import annotations

from pathlib import Path

from tests.support.tui import app_on


def functional_scope_session(tmp_path: Path) -> Path:
    """A new session on the built-in functional-scope bank, whose first question has a long story hint."""
    from elicit.core.banks.catalog import BankCatalog
    from elicit.core.session.opening import create_session

    bank = BankCatalog.default().load("functional-scope")
    path = tmp_path / "f.elicit.toml"
    create_session(path, [bank], [str(bank.path)], title="Kestrel")
    return path


# T5-9: the story editor at 80x24 cut a long want's hint before its key ------------------------------------------


async def test_a_long_hint_keeps_its_key_in_view_at_80_columns_and_shows_its_end_once_taken(tmp_path: Path):
    app = app_on(functional_scope_session(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        want = app.screen.query_one("#story-want")
        dialog = app.screen.query_one("#story-dialog")
        assert want.region.right <= dialog.content_region.right, "the field stays inside the dialog"
        drawn = want.render_line(0).text
        assert drawn.rstrip().endswith("…  (→ takes it)") and drawn.startswith("to carry out my main task"), drawn
        await pilot.press("tab", "right")
        await pilot.pause()
        assert want.value == "to carry out my main task in the product from start to finish"
        assert "from start to finish" in want.render_line(0).text, "the end of what was taken, where the cursor is"


def test_a_hint_that_fits_is_shown_whole_and_a_long_one_shortened_before_the_key():
    from elicit.tui.screens.story_editor import hint_placeholder

    assert hint_placeholder("user", 58) == "user  (→ takes it)"
    shown = hint_placeholder("to see my drops in the order I will drive them, with the ones due first", 58)
    assert shown.startswith("to see my drops in the order I will drive") and shown.endswith("…  (→ takes it)")
    assert len(shown) <= 57, "the cursor's cell left free"
