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


# Editing an earlier answer credited it to whoever was speaking at the time of the edit -------------------------


async def test_an_earlier_answer_edited_while_someone_else_speaks_keeps_who_gave_it(tmp_path: Path):
    from elicit.core.session.file_format import read_session
    from elicit.core.session.models import Answer

    problem = "mini.context.problem"
    path = make_session(tmp_path / "invoicing.elicit.toml", answers={problem: Answer("We type invoices twice", by="Ann")}, current=problem)
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f7", "f7")  # nobody, then Ann, then Raj
        await pilot.pause()
        screen = app.screen
        assert screen.service.speaker == "Raj" and app.focused.id == "answer"
        app.focused.text = "We type every invoice twice, by hand"
        await pilot.pause()
        assert screen.session.answers[problem].value == "We type every invoice twice, by hand"
        assert screen.session.answers[problem].by == "Ann", "Raj only corrected the wording of Ann's answer"
        app.save_now()
        assert read_session(path).answers[problem].by == "Ann"
        await pilot.press("ctrl+q")
