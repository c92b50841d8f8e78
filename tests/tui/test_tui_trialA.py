"""The second consultant trial (wt/notes/trial2.md), the items engineer trialA fixed, in the app."""

from __future__ import annotations

from pathlib import Path

from tests.support.tui import app_on, make_session


async def test_words_typed_on_a_choice_leave_it_open_in_the_header_navigator_and_summary(tmp_path: Path):
    # T8: 'An hour a week, Lena more' typed on a choice went to the notes, and the question counted answered
    # (header 1/5, the section's count, the summary) though the client spec lists no answer for it.
    from elicit.core.session.file_format import read_session
    from elicit.tui.screens.summary import SummaryScreen

    path = make_session(tmp_path / "s.elicit.toml", current="mini.context.platform")
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        header = screen.query_one("SessionHeader")
        assert header.progress.done == 0
        await pilot.press(*"An hour a week, Lena more")
        for _ in range(5):
            await pilot.pause()
        assert screen.session.answers["mini.context.platform"].notes.strip() == "An hour a week, Lena more"
        assert screen.interview.status("mini.context.platform") == "open"
        assert (header.progress.done, header.progress.answered, header.progress.open) == (0, 0, 5)
        label = screen.query_one("Navigator").node_of("mini.context.platform").label.plain
        assert label.startswith("·"), label
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.question.id != "mini.context.platform"
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        title = str(app.screen.query_one("#summary-title").render())
        assert "0/5 done (0%) · 0 answered · 0 skipped · 0 to revisit · 5 open" in title, title
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+q")
        for _ in range(10):
            await pilot.pause()
    answer = read_session(path).answers["mini.context.platform"]
    assert answer.value is None and answer.notes.strip() == "An hour a week, Lena more"
