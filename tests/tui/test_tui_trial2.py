"""What the second consultant trial (wt/notes/trial2.md) found, in the app."""

from __future__ import annotations

from pathlib import Path

from tests.support.tui import app_on, make_session


async def test_a_decimal_comma_is_recorded_as_the_decimal_and_the_help_line_says_how_it_was_read(tmp_path: Path):
    # T6: '1,5' hours came back as 15, the file held 15 and both specs said '15 hours', with no warning.
    path = make_session(tmp_path / "s.elicit.toml", current="mini.users.count")
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press(*"1,5")
        await pilot.pause()
        help_line = screen.query_one("#number-help")
        assert screen.session.answers["mini.users.count"].value == 1.5
        assert str(help_line.render()) == "read as 1.5; 0 or more" and "-invalid" not in help_line.classes
        await pilot.press("ctrl+a", "ctrl+k", *"1,500")
        await pilot.pause()
        assert screen.session.answers["mini.users.count"].value == 1500
        assert str(help_line.render()) == "read as 1500; 0 or more", "a European 'one comma five hundred' sees it was read as thousands"
        await pilot.press("ctrl+a", "ctrl+k", *"12")
        await pilot.pause()
        assert str(help_line.render()) == "0 or more", "no 'read as' for a plain number"
