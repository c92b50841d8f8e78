"""A path the consultant types is shown as typed: square brackets in it are text, not markup."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from elicit.tui.screens.open_file import OpenFileScreen
from tests.support.tui import launcher_app


async def test_a_missing_file_with_brackets_in_its_name_is_named_whole(tmp_path: Path) -> None:
    app = launcher_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(OpenFileScreen(tmp_path))
        await pilot.pause()
        for character in "[b]draft[/b] v2":
            await pilot.press(character if character != " " else "space")
        await pilot.press("enter")
        await pilot.pause()
        shown = str(app.screen.query_one("#open-problem", Static).render())
        assert "[b]draft[/b] v2.elicit.toml: no such file" in shown
