"""Moments a loaded machine makes likely and a quiet one hides: each made certain here, so the fix is tested every run."""

from __future__ import annotations

from pathlib import Path

from textual.geometry import Region

from elicit.tui.screens.interview import InterviewScreen
from elicit.tui.widgets.common.fields import Editor
from tests.support.tui import app_on, make_session


async def test_an_editor_taken_out_of_the_screen_paints_blank_instead_of_failing(tmp_path: Path):
    # The scripted 30-question interview failed once in a full run: a frame drawn from the layout of just before
    # asked the answer box the previous question had (removed by then) for its styles: KeyError 'text-area--gutter'.
    app = app_on(make_session(tmp_path / "s.elicit.toml"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        (editor, *_) = screen.query(Editor)
        assert editor.render_lines(Region(0, 0, 20, 3)), "a shown editor paints"
        await editor.remove()
        lines = editor.render_lines(Region(0, 0, 20, 3))  # what that frame does
    assert [line.text for line in lines] == [" " * 20] * 3
