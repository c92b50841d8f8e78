"""The stories box under the answer: one line of hint until the question has a story, then the list (issue 18).

The list is an option list, made with the first story a question shows; the hint is a plain line in the same frame,
so a new session's first screen does not build a list to show one disabled line.
"""

from __future__ import annotations

from pathlib import Path

from elicit.tui.screens.interview import InterviewScreen
from elicit.tui.screens.story_editor import StoryEditor
from elicit.tui.widgets.interview.answer_inputs import NotesEditor, TextAnswer
from elicit.tui.widgets.interview.question_stories import QuestionStories
from elicit.tui.widgets.interview.stories_hint import StoriesHint
from tests.support.tui import app_on, make_session, sample_stories

HINT = "none yet: ^t captures one from this answer"


def box(screen: InterviewScreen) -> tuple[StoriesHint, QuestionStories | None]:
    lists = screen.query(QuestionStories)
    return screen.query_one(StoriesHint), (lists.first() if lists else None)


def listed(stories: QuestionStories) -> list[str | None]:
    return [stories.get_option_at_index(index).id for index in range(stories.option_count)]


async def focus_order(pilot, count: int) -> list[str]:
    """The widgets Tab reaches, from the answer on."""
    screen = pilot.app.screen
    screen.focus_answer()
    await pilot.pause()
    reached = []
    for _ in range(count):
        await pilot.press("tab")
        await pilot.pause()
        reached.append(type(pilot.app.focused).__name__)
    return reached


async def test_a_question_without_stories_shows_the_hint_and_its_first_story_brings_the_list(tmp_path: Path):
    app = app_on(make_session(tmp_path / "s.elicit.toml"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        hint, stories = box(screen)
        assert stories is None, "no list is made for a question without stories"
        assert hint.display and str(hint.render()) == HINT
        assert "QuestionStories" not in await focus_order(pilot, 3), "the hint takes no focus"

        await pilot.press("ctrl+t")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, StoryEditor)
        editor.query_one("#story-want").value = "to import invoices from the bank feed"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        hint, stories = box(screen)
        assert stories is not None and stories.display and not hint.display, "the first story brings the list"
        assert listed(stories) == ["US-001"] and stories.border_subtitle == "1"
        assert app.focused is screen.query_one(TextAnswer), "back in the answer after saving, as before"
        assert await focus_order(pilot, 2) == ["NotesEditor", "QuestionStories"], "the list comes after the notes"

        await pilot.press("down", "enter")  # the story highlighted opens in the editor
        await pilot.pause()
        assert isinstance(app.screen, StoryEditor) and "US-001" in str(app.screen.heading)
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("ctrl+n")  # the next question has no story: the hint again, and Tab skips the hidden list
        await pilot.pause()
        hint, stories_again = box(screen)
        assert stories_again is stories and not stories.display and hint.display and str(hint.render()) == HINT
        assert "QuestionStories" not in await focus_order(pilot, 3)

        await pilot.press("ctrl+b")  # back: the same list, with its story
        await pilot.pause()
        hint, stories_again = box(screen)
        assert stories_again is stories and stories.display and not hint.display and listed(stories) == ["US-001"]


def with_a_story(tmp_path: Path):
    """An app on a session whose current question has one story (US-001)."""
    return app_on(make_session(tmp_path / "s.elicit.toml", stories=sample_stories(), current="mini.context.problem"))


async def test_a_click_on_a_listed_story_opens_it(tmp_path: Path):
    app = with_a_story(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        hint, stories = box(screen)
        assert stories is not None and stories.display and not hint.display, "a first question with a story starts with the list"
        assert listed(stories) == ["US-001"]
        await pilot.click(QuestionStories, offset=(6, 1))
        await pilot.pause()
        assert isinstance(app.screen, StoryEditor) and "US-001" in str(app.screen.heading)


async def test_removing_the_last_story_of_a_question_brings_the_hint_back(tmp_path: Path):
    app = with_a_story(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        _, stories = box(screen)
        assert stories is not None
        stories.focus()
        await pilot.press("ctrl+l")  # the stories screen: US-001 is the first row
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert screen.session.story("US-001") is None
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        hint, stories = box(screen)
        assert stories is not None and not stories.display and hint.display and str(hint.render()) == HINT
        assert isinstance(app.focused, (TextAnswer, NotesEditor)), f"the keys went to a hidden list: {app.focused!r}"
