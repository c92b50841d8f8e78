"""Small things a new consultant tripped on in the trial (wt/notes/trial.md), in the app."""

from __future__ import annotations

from pathlib import Path

import pytest

from elicit.tui.widgets.interview.session_header import SessionHeader
from tests.support.tui import app_on, launcher_app, make_session


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


async def test_the_story_editor_opens_without_an_error_and_insists_once_the_consultant_tries(session_path: Path):
    # Trial F17: the editor opened with a red "✗ 'I want' is required" before anything was typed.
    app = app_on(session_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        dialog = app.screen

        def notes() -> str:
            return str(dialog.query_one("#story-notes").render())

        assert notes() == "· 'I want' is required to save the story", "a neutral hint on an empty form"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert notes() == "✗ 'I want' is required", "an error once saving was tried"
        assert app.screen is dialog and app.focused is dialog.query_one("#story-want")


async def test_leaving_an_empty_i_want_makes_it_an_error(session_path: Path):
    app = app_on(session_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        dialog = app.screen
        await pilot.press("tab")  # As a -> I want
        await pilot.pause()
        assert app.focused is dialog.query_one("#story-want") and "✗" not in str(dialog.query_one("#story-notes").render())
        await pilot.press("tab")  # I want -> so that, leaving it empty
        await pilot.pause()
        assert str(dialog.query_one("#story-notes").render()) == "✗ 'I want' is required"


@pytest.mark.parametrize("width", [80, 120])
async def test_the_launcher_tells_two_sessions_of_one_name_apart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, width: int):
    # Trial F17: at 80 columns the File column showed '/tmp/' for every recent session.
    from elicit.core.session.recent import remember
    from elicit.tui.screens.launcher import LauncherScreen

    monkeypatch.chdir(tmp_path)
    for shop in ("clients/crumb/shop-one", "clients/crumb/shop-two"):
        (tmp_path / shop).mkdir(parents=True)
        remember(make_session(tmp_path / shop / "pre-orders.elicit.toml"), title="Pre-orders", client="Crumb & Co", done=0, total=5)
    app = launcher_app()
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LauncherScreen)
        table = screen.recent
        files = [str(table.get_row_at(row)[-1]) for row in range(table.row_count)]
        assert files[0].startswith("pre-orders  ") and files[0].endswith("shop-two"), files
        assert files[1].endswith("shop-one"), files
        assert table.virtual_size.width <= table.size.width, "the whole File column is on screen, no sideways scrolling"


async def test_a_sentence_typed_into_a_number_answer_stays_as_typed_and_its_one_number_is_the_answer(tmp_path: Path):
    # Trial F4: the box kept only the e's, commas, dots and spaces of the sentence ('40e e e , e e e .').
    # Trial 2, T7: the one number in the sentence is the answer, and the sentence goes to the notes.
    from elicit.core.session import Answer

    path = make_session(tmp_path / "s.elicit.toml", answers={"mini.users.count": Answer(40)}, current="mini.users.count")
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("end", *" times, we see them every week.")
        await pilot.pause()
        field = screen.query_one("#answer-number #answer")
        assert field.value == "40 times, we see them every week."
        help_line = screen.query_one("#number-help")
        assert "-invalid" not in help_line.classes
        assert str(help_line.render()) == "answer 40; your words go to the notes"
        assert screen.session.answers["mini.users.count"].value == 40
        await pilot.press("ctrl+a", "ctrl+k", *"twice a week, we see them every week.")
        await pilot.pause()
        assert "-invalid" in help_line.classes
        assert str(help_line.render()) == (
            "this question takes a number, not 'twice a week, we see them every week.'; your words go to the notes"
        )
        await pilot.press("ctrl+a", "ctrl+k", *"1,200")
        await pilot.pause()
        assert screen.session.answers["mini.users.count"].value == 1200 and "-invalid" not in help_line.classes


@pytest.mark.parametrize(("size", "rows"), [((80, 24), 5), ((120, 40), 12)])
async def test_the_answer_box_uses_the_rows_a_tall_terminal_has(session_path: Path, size: tuple[int, int], rows: int):
    # Trial F9 (cosmetic): at 120x40 the answer box stayed 3 lines high with ~15 empty rows below the stories.
    from elicit.tui.widgets.interview.answer_inputs import TextAnswer

    app = app_on(session_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert app.screen.query_one(TextAnswer).outer_size.height == rows
