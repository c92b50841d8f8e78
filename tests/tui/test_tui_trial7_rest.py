"""The rest of what the seventh user trial found in the app, and the keys panel (ui8)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console

from tests.support.tui import app_on, make_session, sample_answers, sample_stories

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


def invoicing(tmp_path: Path) -> Path:
    return make_session(tmp_path / "invoicing.elicit.toml", answers=sample_answers(), stories=sample_stories())


def _plain(renderable, width: int = 60) -> str:
    console = Console(width=width, record=True, color_system=None)
    console.print(renderable)
    return console.export_text()


# f1 listed the answer editor's 'Cursor up', 'Cursor down', ... before any of elicit's own keys -------------------


async def test_f1_lists_the_screens_keys_before_the_answer_editors(tmp_path: Path):
    app = app_on(invoicing(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.focused is not None and app.screen.focused.id == "answer"
        await pilot.press("f1")
        await pilot.pause()
        shown = _plain(app.screen.query_one("BindingsTable").render())
        assert "Cursor up" in shown, "the editor's keys are still listed, after"
        assert shown.index("Go to") < shown.index("Skip") < shown.index("Cursor up"), shown[:400]
        await pilot.press("f1")
        await pilot.pause()
        assert not app.screen.query("HelpPanel"), "f1 again hides it"


@pytest.mark.parametrize("size", SIZES)
def test_keys_panel(snap_compare, tmp_path, monkeypatch, size):
    monkeypatch.chdir(tmp_path)
    path = invoicing(tmp_path)

    async def run_before(pilot) -> None:
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(app_on(path), terminal_size=size, run_before=run_before)
