"""Small things a new consultant tripped on in the trial (wt/notes/trial.md), in the app."""

from __future__ import annotations

from pathlib import Path

import pytest

from elicit.tui.widgets.interview.session_header import SessionHeader
from tests.support.tui import app_on, make_session


@pytest.fixture
def session_path(tmp_path: Path) -> Path:
    return make_session(tmp_path / "interview.elicit.toml")


async def test_the_header_count_says_what_it_counts(session_path: Path):
    # Trial F17: 'elicit new' said 87 questions, the header 0/72; both now count the questions that apply now.
    app = app_on(session_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        header = app.screen.query_one(SessionHeader)
        assert header.progress is not None and (header.progress.done, header.progress.total) == (0, 5)
        assert header.tooltip == "0/5 done: 5 questions now, 3 more if their conditions apply"
