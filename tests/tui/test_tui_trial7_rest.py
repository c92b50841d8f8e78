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


# T7-14: ctrl+g at 80 columns wrapped 'Section · id' and the id went off the line, or the line went off the list ---


async def test_go_to_keeps_each_questions_id_whole_on_one_line_at_80_columns(tmp_path: Path):
    from textual.command import CommandList

    from elicit.core.banks.catalog import BankCatalog
    from elicit.core.session.opening import create_session

    bank = BankCatalog.default().load("quality-attributes")  # 'Ease of use and accessibility · quality-attributes.usability...'
    path = tmp_path / "quality.elicit.toml"
    create_session(path, [bank], [str(bank.path)], title="Quality")
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+g", *"usability")
        await pilot.pause(0.3)
        listing = app.screen.query_one(CommandList)
        assert listing.option_count >= 5
        room = listing.scrollable_content_region.width - 2  # the option's padding
        for index in range(listing.option_count):
            prompt, help_line = str(listing.get_option_at_index(index).prompt).split("\n")
            question_id = help_line.rsplit(" · ", 1)[-1]
            assert question_id in {question.id for question in bank.questions}, help_line
            assert len(prompt) <= room and len(help_line) <= room, (prompt, help_line)
        await pilot.press("escape")


# T7-13: at 80 columns the launcher cut titles and clients to make room for Last opened -----------------------------


async def test_the_launcher_leaves_out_last_opened_on_a_narrow_screen(tmp_path: Path, monkeypatch):
    from elicit.core.session.recent import remember
    from tests.support.tui import launcher_app

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    remember(invoicing(tmp_path), title="Appointment reminders", client="Brightsmile Dental", done=1, total=63)
    app = launcher_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#recent")
        assert [column.key.value for column in table.columns.values()] == ["title", "client", "progress", "path"]
        assert table.get_row_at(0)[:2] == ["Appointment reminders", "Brightsmile Dental"], "both whole at 80 columns"
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert "opened" in [column.key.value for column in table.columns.values()], "it comes back on a wide screen"
        assert table.cursor_row == 0
