"""Keys that arrive faster than the app handles them (a fast typist, a terminal under load) land where they were meant."""

from __future__ import annotations

from pathlib import Path

from textual import events

from elicit.tui.screens.story_editor import StoryEditor
from tests.support.tui import STARTED, app_on, make_session


def on_mobile(tmp_path: Path) -> Path:
    """A session on the yes/no question that applies once the platform is Mobile."""
    from elicit.core.session import Answer

    mobile = Answer("Mobile", answered_at=STARTED, updated_at=STARTED)
    return make_session(tmp_path / "s.elicit.toml", answers={"mini.context.platform": mobile}, current="mini.context.offline")


def burst(app, *keys: str, later: float = 0.0) -> None:
    """Queue key events the way the terminal driver does, without waiting for the app between them.

    ``later`` stamps them that many seconds after now: a pause before typing, without waiting for it.
    """
    for key in keys:
        character = key if len(key) == 1 else ("\t" if key == "tab" else None)
        event = events.Key(key, character)
        event.time += later
        app.post_message(event)


def keys_to_handle(app) -> bool:
    """Whether a key is being handled, held, or still queued for the app (burst posts them all at once)."""
    queued = list(getattr(app._message_queue, "_queue", ()))  # asyncio.Queue's deque: no public way to look
    return app.keys_waiting or any(isinstance(message, events.Key) for message in queued)


async def handled(pilot) -> None:
    """Let the app handle every queued key (held keys go round the queue until what they wait for is done).

    Keys still queued or mid-way count too: on a loaded machine a burst takes many more pauses than on a quiet one,
    and a check made while the last keys were still on their way failed the type-ahead tests now and then.
    """
    for _ in range(5000):
        await pilot.pause()
        if not keys_to_handle(pilot.app):
            break
    assert not keys_to_handle(pilot.app), "the typed keys were never all handled"
    await pilot.pause()


async def test_text_typed_right_after_tab_goes_into_the_next_field(tmp_path: Path):
    app = app_on(make_session(tmp_path / "s.elicit.toml"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, StoryEditor)
        burst(app, *"clerk", "tab", *"to file invoices", "tab", *"I stop typing")
        await handled(pilot)
        editor = app.screen
        assert (editor.role_field.value, editor.want_field.value, editor.so_that_field.value) == (
            "clerk",
            "to file invoices",
            "I stop typing",
        )


async def test_coming_back_to_a_filled_field_never_selects_it_for_typing_to_replace(tmp_path: Path):
    app = app_on(make_session(tmp_path / "s.elicit.toml"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+t")
        await pilot.press(*"clerk", "tab", *"to file invoices", "shift+tab", *" lead")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, StoryEditor)
        assert editor.role_field.value == "clerk lead", "typing after shift+tab adds to the field"
        assert editor.want_field.value == "to file invoices"


async def test_an_answer_typed_right_after_next_goes_to_the_next_question(tmp_path: Path):
    app = app_on(make_session(tmp_path / "s.elicit.toml", current="mini.users.who"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        first = screen.question.id
        burst(app, *"finance clerks", "ctrl+n", *"40")
        await handled(pilot)
        second = screen.question.id
        assert second != first
        screen.commit()
        answers = screen.session.answers
        assert answers[first].value == "finance clerks", "nothing typed after ctrl+n went into the question before"
        assert answers[second].value == 40


async def test_a_decision_typed_fast_and_saved_at_once_keeps_every_word(tmp_path: Path):
    app = app_on(make_session(tmp_path / "s.elicit.toml"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        burst(app, "ctrl+f", "d", *"launch before Easter", "tab", *"Easter is the peak", "ctrl+s")
        await handled(pilot)
        assert app.screen is screen, "the decision editor closed"
        (decision,) = screen.session.decisions
        assert (decision.text, decision.rationale) == ("launch before Easter", "Easter is the peak")


async def test_a_story_typed_straight_after_ctrl_t_goes_into_the_editor_not_the_answer(tmp_path: Path):
    app = app_on(make_session(tmp_path / "s.elicit.toml"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await pilot.press(*"orders get lost")
        burst(
            app,
            "ctrl+t",
            *"As a shop assistant, I want to mark an order as collected, so that we know what is waiting",
            "enter",
            "f6",
            *"Given a collected cake, then it leaves the list",
            "ctrl+s",
        )
        await handled(pilot)
        assert app.screen is screen and not app.paused, "f6 set the priority in the editor; it did not pause the clock"
        (story,) = screen.session.stories
        assert (story.role, story.want, story.priority) == ("shop assistant", "to mark an order as collected", "should")
        assert story.acceptance == ["Given a collected cake, then it leaves the list"]
        screen.commit()
        assert screen.session.answers[screen.question.id].value == "orders get lost", "the answer kept only what was typed into it"


async def test_a_sentence_typed_into_a_yes_no_question_goes_to_the_notes_and_picks_nothing(tmp_path: Path):
    app = app_on(on_mobile(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        burst(app, *"Only on Sundays, when the network is down")
        await handled(pilot)
        screen.commit()
        answer = screen.session.answers.get("mini.context.offline")
        assert answer is not None and answer.value is None, "the y and n of the sentence answered nothing"
        assert answer.notes == "Only on Sundays, when the network is down"


async def test_a_yes_typed_as_a_word_is_kept_whole_in_the_notes_and_the_answer_stays_as_it_was(tmp_path: Path):
    app = app_on(on_mobile(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await pilot.press("n")
        await pilot.pause()
        assert screen.session.answers["mini.context.offline"].value is False, "a single key still picks"
        burst(app, *"yes every day", later=2.0)
        await handled(pilot)
        screen.commit()
        answer = screen.session.answers["mini.context.offline"]
        assert (answer.value, answer.notes) == (False, "yes every day")
        screen.focus_answer()  # the words went on in the notes, and the cursor with them
        burst(app, *"Yes, since June", later=4.0)  # an option then a comma does answer (trial7 T7-1)
        await handled(pilot)
        screen.commit()
        answer = screen.session.answers["mini.context.offline"]
        assert (answer.value, answer.notes) == (True, "yes every day Yes, since June")


async def test_digits_of_a_word_typed_into_a_scale_pick_nothing(tmp_path: Path):
    app = app_on(make_session(tmp_path / "s.elicit.toml", current="mini.users.satisfaction"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        burst(app, *"4 out of 5 stars")
        await handled(pilot)
        screen.commit()
        answer = screen.session.answers.get("mini.users.satisfaction")
        assert answer is not None and answer.value is None and answer.notes == "4 out of 5 stars"


async def test_typing_on_an_answered_question_adds_to_the_end_of_the_answer(tmp_path: Path):
    from tests.support.tui import sample_answers

    app = app_on(make_session(tmp_path / "s.elicit.toml", answers=sample_answers(), current="mini.context.problem"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await pilot.press(*" Every month.")
        screen.commit()
        assert screen.session.answers["mini.context.problem"].value == "Invoices are typed twice and Ann loses a day a week. Every month."
