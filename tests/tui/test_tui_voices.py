"""Who said it in the app (issue 16): the header shows the speaker, f7 cycles, the capture menu picks by number,
what is captured next is credited, and the stories table shows who said each story (Pilot journeys)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from elicit.core.session import read_session
from elicit.core.session.file_format import dumps_session
from elicit.tui.screens.interview import InterviewScreen
from elicit.tui.widgets.interview.session_header import SessionHeader
from tests.support.tui import app_on, make_session


@pytest.fixture
def session_path(tmp_path: Path) -> Path:
    return make_session(tmp_path / "interview.elicit.toml")  # participants: 1. Ann (finance clerk), 2. Raj (account manager)


def interview(app) -> InterviewScreen:
    assert isinstance(app.screen, InterviewScreen), app.screen
    return app.screen


async def add_story(pilot, want: str) -> None:
    await pilot.press("ctrl+t")
    await pilot.pause()
    dialog = pilot.app.screen
    dialog.query_one("#story-role").value = "finance clerk"
    dialog.query_one("#story-want").value = want
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_switch_speaker_capture_and_see_it_in_the_stories_table(session_path: Path):
    app = app_on(session_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = interview(app)
        header = screen.query_one(SessionHeader)
        assert header.speaker == "" and "▸" not in str(header.render())
        await pilot.press("f7")  # from the text answer: f7 is the app's, not the editor's select-all
        await pilot.pause()
        assert screen.service.speaker == "Ann" and header.speaker == "Ann" and "▸ Ann" in str(header.render())
        app.focused.text = "We type every invoice twice"
        await pilot.pause()
        await add_story(pilot, "to import invoices from the bank feed")
        await pilot.press("ctrl+f", "2")  # the capture menu picks a speaker by number
        await pilot.pause()
        assert app.screen is screen and screen.service.speaker == "Raj" and header.speaker == "Raj"
        await add_story(pilot, "to see who has not paid")
        await pilot.press("ctrl+f", "d")
        await pilot.pause()
        app.screen.query_one("#item-0").value = "Keep paper invoices until June"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [story.by for story in screen.session.stories] == ["Ann", "Raj"]
        assert screen.session.decisions[0].by == "Raj"
        assert screen.session.answers["mini.context.problem"].by == "Ann"
        await pilot.press("ctrl+l")
        await pilot.pause()
        table = app.screen.query_one("#stories-table", DataTable)
        assert [str(column.label) for column in table.columns.values()][:4] == ["ID", "Pri", "St", "By"]
        assert [str(table.get_row_at(row)[3]) for row in range(table.row_count)] == ["Ann", "Raj"]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+q")
    saved = read_session(session_path)
    assert [story.by for story in saved.stories] == ["Ann", "Raj"] and saved.decisions[0].by == "Raj"


async def test_f7_cycles_through_the_participants_then_nobody(session_path: Path):
    app = app_on(session_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = interview(app)
        seen = []
        for _ in range(4):
            await pilot.press("f7")
            await pilot.pause()
            seen.append(screen.query_one(SessionHeader).speaker)
        assert seen == ["Ann", "Raj", "", "Ann"]
        await pilot.press("ctrl+f", "0")  # 0 in the capture menu: nobody
        await pilot.pause()
        assert screen.service.speaker == ""
        await add_story(pilot, "to send reminders")
        assert screen.session.stories[0].by == ""
        assert screen.service.revision > 0


async def test_nothing_is_credited_when_the_session_has_no_participants(tmp_path: Path):
    path = make_session(tmp_path / "interview.elicit.toml")
    session = read_session(path)
    session.participants = []
    path.write_text(dumps_session(session), encoding="utf-8")
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = interview(app)
        await pilot.press("f7")
        await pilot.pause()
        assert screen.service.speaker == "" and screen.query_one(SessionHeader).speaker == ""
        await pilot.press("ctrl+f", "1")
        await pilot.pause()
        assert app.screen is screen and screen.service.speaker == ""
        await add_story(pilot, "to send reminders")
        assert screen.session.stories[0].by == ""
        await pilot.press("ctrl+l")
        await pilot.pause()
        table = app.screen.query_one("#stories-table", DataTable)
        assert "By" not in [str(column.label) for column in table.columns.values()]


async def test_the_only_participant_is_speaking_when_the_interview_opens(tmp_path: Path):
    """Trial3 T3-3: with one participant the header showed nobody and the first answer was credited to no one."""
    from elicit.core.session.models import Participant

    path = make_session(tmp_path / "interview.elicit.toml")
    session = read_session(path)
    session.participants = [Participant("Priya Shah", "volunteer coordinator")]
    path.write_text(dumps_session(session), encoding="utf-8")
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = interview(app)
        header = screen.query_one(SessionHeader)
        assert screen.service.speaker == "Priya Shah" and header.speaker == "Priya Shah"
        assert "▸ Priya" in str(header.render())
        app.focused.text = "Every week I text forty volunteers"
        await pilot.pause()
        await pilot.press("ctrl+q")
    assert read_session(path).answers["mini.context.problem"].by == "Priya Shah"
