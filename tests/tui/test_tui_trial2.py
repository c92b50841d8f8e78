"""What the second consultant trial (wt/notes/trial2.md) found, in the app."""

from __future__ import annotations

from pathlib import Path

from tests.support.tui import app_on, make_session, until


async def test_a_decimal_comma_is_recorded_as_the_decimal_and_the_help_line_says_how_it_was_read(tmp_path: Path):
    # T6: '1,5' hours came back as 15, the file held 15 and both specs said '15 hours', with no warning.
    path = make_session(tmp_path / "s.elicit.toml", current="mini.users.count")
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press(*"1,5")
        await pilot.pause()
        help_line = screen.query_one("#number-help")
        assert screen.session.answers["mini.users.count"].value == 1.5
        assert str(help_line.render()) == "read as 1.5; 0 or more" and "-invalid" not in help_line.classes
        await pilot.press("ctrl+a", "ctrl+k", *"1,500")
        await pilot.pause()
        assert screen.session.answers["mini.users.count"].value == 1500
        assert str(help_line.render()) == "read as 1500; 0 or more", "a European 'one comma five hundred' sees it was read as thousands"
        await pilot.press("ctrl+a", "ctrl+k", *"12")
        await pilot.pause()
        assert str(help_line.render()) == "0 or more", "no 'read as' for a plain number"


# T29: ctrl+q with an editor open quit at once and threw the typed story or decision away -----------


async def test_quitting_with_a_story_typed_asks_and_saves_it(tmp_path: Path):
    from elicit.core.session.file_format import read_session
    from elicit.tui.screens.confirm import ConfirmDialog
    from elicit.tui.screens.story_editor import StoryEditor

    path = make_session(tmp_path / "s.elicit.toml")
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press(*"As a practice owner, I want a weekly email of cancellations, so that I can see trends", "enter")
        await pilot.press(*"Given a week ends, then I get the email")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog), "ctrl+q asks before the typed story goes"
        assert app.screen.question == "Save the story you are typing, then quit?"
        await pilot.press("n")  # stay
        await pilot.pause()
        assert isinstance(app.screen, StoryEditor) and app.screen.unsaved() == "story"
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        for _ in range(20):
            await pilot.pause()
    assert app.return_code == 0
    (story,) = read_session(path).stories
    assert (story.role, story.want, story.acceptance) == ("practice owner", "a weekly email of cancellations", ["Given a week ends, then I get the email"])


async def test_quitting_with_a_story_that_cannot_be_saved_yet_stays_in_the_editor(tmp_path: Path):
    from elicit.tui.screens.story_editor import StoryEditor

    path = make_session(tmp_path / "s.elicit.toml")
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press(*"front desk")  # only 'As a': no 'I want' yet
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        for _ in range(5):
            await pilot.pause()
        assert app.return_code is None and isinstance(app.screen, StoryEditor), "not saved (no 'I want'): nothing quits"
        assert app.screen.draft().role == "front desk"


async def test_quitting_with_a_decision_typed_asks_and_saves_it(tmp_path: Path):
    from elicit.core.session.file_format import read_session
    from elicit.tui.screens.confirm import ConfirmDialog

    path = make_session(tmp_path / "s.elicit.toml")
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+f")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press(*"Reminders go by SMS only", "enter", *"Most patients read texts")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog) and app.screen.question == "Save the decision you are typing, then quit?"
        await pilot.press("y")
        for _ in range(20):
            await pilot.pause()
    (decision,) = read_session(path).decisions
    assert (decision.text, decision.rationale) == ("Reminders go by SMS only", "Most patients read texts")


async def test_quitting_with_an_untouched_editor_quits_at_once(tmp_path: Path):
    path = make_session(tmp_path / "s.elicit.toml")
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press("ctrl+q")
        for _ in range(20):
            await pilot.pause()
    assert app.return_code == 0


# T1 / T4: the toasts after a story is split and saved ------------------------------------------


async def test_the_split_and_saved_toasts_confirm_and_say_wont_as_everywhere(tmp_path: Path):
    from textual.notifications import Notify

    path = make_session(tmp_path / "s.elicit.toml")
    app = app_on(path)
    messages: list[str] = []  # every toast shown (trialA T2: a newer one replaces it on screen)

    def heard(message) -> None:
        if isinstance(message, Notify):
            messages.append(message.notification.message)

    async with app.run_test(size=(80, 24), message_hook=heard) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press(*"As a practice owner, I want to see the no-show rate, so that I know if reminders work", "enter")
        await pilot.pause()
        await pilot.press("f8", "ctrl+s")
        await until(pilot, lambda: any(message.startswith("US-001 saved") for message in messages), "the story's saved toast")
    assert "Split into role, want and so that." in messages, messages
    assert "US-001 saved (Won't)." in messages, messages
