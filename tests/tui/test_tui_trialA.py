"""The second consultant trial (wt/notes/trial2.md), the items engineer trialA fixed, in the app."""

from __future__ import annotations

from pathlib import Path

import pytest

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


async def test_words_typed_into_a_number_answer_keep_the_number_and_go_to_the_notes(tmp_path: Path):
    # T7: 'about 150' typed into a number answer: the field showed it was not a number, and on ctrl+n the
    # whole answer vanished ('about' nowhere, no value). Now 150 is the answer and 'about 150' is in the notes.
    from elicit.core.session.file_format import read_session

    path = make_session(tmp_path / "s.elicit.toml", current="mini.users.count")
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press(*"about 150")
        await pilot.pause()
        help_line = screen.query_one("#number-help")
        assert str(help_line.render()) == "answer 150; your words go to the notes"
        assert screen.session.answers["mini.users.count"].value == 150
        await pilot.press("ctrl+n")
        await pilot.pause()
        answer = screen.session.answers["mini.users.count"]
        assert (answer.value, answer.notes) == (150, "about 150")
        await pilot.press("ctrl+b")  # back: the number in the field, the words in the notes, once
        await pilot.pause()
        assert screen.query_one("#answer").value == "150"
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.session.answers["mini.users.count"].notes == "about 150"
        await pilot.press("ctrl+q")
        for _ in range(10):
            await pilot.pause()
    answer = read_session(path).answers["mini.users.count"]
    assert (answer.value, answer.notes) == (150, "about 150")


async def test_words_with_no_number_go_to_the_notes_and_leave_the_question_open(tmp_path: Path):
    from elicit.core.session.file_format import read_session

    path = make_session(tmp_path / "s.elicit.toml", current="mini.users.count")
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press(*"ask Raj, he counts them")
        await pilot.pause()
        assert "your words go to the notes" in str(screen.query_one("#number-help").render())
        await pilot.press("ctrl+n")
        await pilot.pause()
        answer = screen.session.answers["mini.users.count"]
        assert (answer.value, answer.notes) == (None, "ask Raj, he counts them")
        assert screen.interview.status("mini.users.count") == "open"
        await pilot.press("ctrl+q")
        for _ in range(10):
            await pilot.pause()
    assert read_session(path).answers["mini.users.count"].notes == "ask Raj, he counts them"


async def test_time_off_the_interview_screen_is_charged_to_no_section(tmp_path: Path):
    # T23: ~7 min on f2/f3/f4/f5 and export while the current question was the first of a section put
    # 'section over by 4 min' in the header; a story or decision typed on the question is still its section's time.
    from elicit.core.session import summarise

    path = make_session(tmp_path / "s.elicit.toml")
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        section = screen.interview.section_of(screen.question)
        object.__setattr__(section, "minutes", 1)
        screen.tick()
        for key in ("f2", "f3", "f4", "f5", "ctrl+l"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is not screen
            for _ in range(30):
                screen.tick()
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is screen, key
        await pilot.press("ctrl+t")  # the story editor, over the question: the section's time
        await pilot.pause()
        screen.tick()
        await pilot.press("escape")
        await pilot.pause()
        assert screen.session.section_seconds == {"mini.context": 2}
        assert screen.session.interview_seconds == 152
        assert summarise(screen.interview).outside_seconds == 150
        assert "section over" not in str(screen.query_one("#session-header").render())
        await pilot.press("f2")
        await pilot.pause()
        assert "Time 3 min, 3 in no section" in str(app.screen.query_one("#summary-title").render())
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+q")


async def test_escape_in_an_editor_names_what_is_discarded(tmp_path: Path):
    # T3: Escape after typing into US-002's editor asked 'Discard this story?', as if the story itself went.
    # An existing story or decision loses only the changes and says so; a new one keeps today's wording.
    # Escape in a decision's editor with typed text asks too (it dropped the text without a word).
    from elicit.core.session.file_format import read_session
    from elicit.tui.screens.capture import ItemEditor
    from elicit.tui.screens.confirm import ConfirmDialog
    from elicit.tui.screens.story_editor import StoryEditor
    from tests.support.tui import sample_stories

    path = make_session(tmp_path / "s.elicit.toml", stories=sample_stories())
    before = read_session(path).stories[1]
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l", "down", "e")
        await pilot.pause()
        assert isinstance(app.screen, StoryEditor) and app.screen.story_id == before.id
        await pilot.press(*" again")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert (app.screen.question, app.screen.detail) == (f"Discard your changes to {before.id}?", f"{before.id} stays as it was before you opened it.")
        await pilot.press("y")
        await pilot.pause()
        assert app.opened.session.stories[1] == before
        await pilot.press("escape")  # back to the interview
        await pilot.pause()
        await pilot.press("ctrl+t", *"front desk", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog) and app.screen.question == "Discard this story?"
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("ctrl+f", "d")
        await pilot.pause()
        assert isinstance(app.screen, ItemEditor)
        await pilot.press(*"SMS only for the first release", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog) and app.screen.question == "Discard this decision?"
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ItemEditor), "Keep editing goes back to the decision"
        await pilot.press("ctrl+s")
        await pilot.pause()
        (decision,) = app.opened.session.decisions
        app.show_items()
        await pilot.pause()
        await pilot.press("e", *" too", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog) and app.screen.question == f"Discard your changes to {decision.id}?"
        await pilot.press("y")
        await pilot.pause()
        assert app.opened.session.decisions[0].text == "SMS only for the first release"
        await pilot.press("escape")
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("escape")  # nothing typed: closes without asking
        await pilot.pause()
        assert not isinstance(app.screen, (ConfirmDialog, ItemEditor))


LONG_CRITERIA = [
    "Given a reminder was sent, when the patient replies C, then the booking shows cancelled",
    "Given the patient replies with anything else, when the reply arrives, then reception sees it in the inbox",
    "Given no reply, when the day comes, then nothing changes",
]


def long_story():
    from elicit.core.session.models import Story
    from tests.support.tui import STARTED

    return Story(
        "US-001",
        "receptionist",
        "to see who cancelled",
        "I can fill the slot",
        priority="must",
        acceptance=LONG_CRITERIA,
        quote="half of them never answer the phone, they just do not come and we lose the slot",
        source=["mini.context.problem"],
        created_at=STARTED,
        updated_at=STARTED,
    )


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_an_existing_story_opens_with_its_criteria_from_the_first_line(tmp_path: Path, size):
    # T9: read-back 'e' on a story showed 'Accept when  then the booking shows cancelled': the box opened
    # scrolled to its end, the start of criterion 1 hidden. Now it opens at its top, tall enough for these three.
    from elicit.tui.screens.story_editor import StoryEditor

    path = make_session(tmp_path / "s.elicit.toml", stories=[long_story()])
    app = app_on(path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("f3", "e")
        await pilot.pause()
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, StoryEditor)
        box = editor.acceptance_editor
        assert box.scroll_offset.y == 0
        assert box.size.height >= box.wrapped_document.height, "all three criteria in view"
        assert editor.quote_editor.scroll_offset.y == 0
        await pilot.press("tab", "tab", "tab")  # role -> want -> so that -> criteria: typing adds at the end
        await pilot.pause()
        assert editor.focused is box
        await pilot.press(*"!")
        assert box.text.endswith("nothing changes!")
        await pilot.press("ctrl+z")


async def test_a_burst_typed_into_go_to_after_no_matches_loses_no_key(tmp_path: Path):
    # T5: in Go to (ctrl+g), 'out of scope' showed 'No matches found'; 12 backspaces and 'scope' sent in one write
    # stopped at 'out o': five backspaces and the whole word lost. Every key typed into the box must arrive.
    from textual.command import CommandInput, CommandPalette

    from tests.tui.test_tui_type_ahead import burst, handled

    app = app_on(make_session(tmp_path / "s.elicit.toml"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        burst(app, "ctrl+g", *"out of scopx")
        await handled(pilot)
        for _ in range(50):
            await pilot.pause()
            if "No matches found" in "".join(str(w.render()) for w in app.screen.query("*") if w.display and hasattr(w, "render")):
                break
        assert isinstance(app.screen, CommandPalette)
        box = app.screen.query_one(CommandInput)
        assert box.value == "out of scopx"
        burst(app, *["backspace"] * 12, *"scope")
        await handled(pilot)
        assert box.value == "scope"
        burst(app, *["backspace"] * 5, *"how many people", *["backspace"] * 6, *"use it")
        await handled(pilot)
        assert box.value == "how many use it"


async def test_keys_waiting_behind_a_key_in_flight_keep_the_order_typed(tmp_path: Path):
    # T5, the cause: a key typed while something an earlier key started was not done went to the back of the app's
    # queue; when that something finished between two such keys, the later one went first. In Go to, a burst of
    # backspaces and a word came out scrambled ('out o' where 'scope' was typed). Here a backspace, then 'a',
    # arrive while a key is in flight that lands between them: the box must read as typed, 'xya', not 'xyz'.
    from textual.command import CommandInput

    from tests.tui.test_tui_type_ahead import burst, handled

    app = app_on(make_session(tmp_path / "s.elicit.toml"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        burst(app, "ctrl+g", *"xyz")
        await handled(pilot)
        box = app.screen.query_one(CommandInput)
        assert box.value == "xyz"
        app._hold_keys()  # a key in flight (as the last backspace's trip back up is); it lands after the backspace
        burst(app, "backspace")
        app._hold_keys()  # and another, landing between the backspace and the 'a'
        burst(app, "a")
        await handled(pilot)
        assert box.value == "xya"


async def test_a_new_toast_replaces_the_information_toasts_and_warnings_stay(tmp_path: Path):
    # T2: after a yes/no that brought follow-ups, then a story typed and saved, three toasts stacked over half the
    # navigator at 80x24 ('2 follow-up questions now apply', 'Split into ...', 'US-006 saved'), one cut to '?'.
    app = app_on(make_session(tmp_path / "s.elicit.toml"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.clear_notifications()
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press(*"As a clerk, I want to file invoices, so that I find them", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        for _ in range(5):
            await pilot.pause()
        messages = [shown.message for shown in app._notifications]
        assert len(messages) == 1 and messages[0].startswith("US-001 saved"), messages
        app.notify("Could not save", severity="error")
        app.notify("bank 'mini' has changed since this session started", timeout=8)  # what opening found: stays
        app.notify("Saved again.", timeout=3)
        await pilot.pause()
        assert [shown.message for shown in app._notifications] == [
            "Could not save",
            "bank 'mini' has changed since this session started",
            "Saved again.",
        ]


async def test_the_header_keeps_its_title_and_saved_with_a_speaker_and_a_section_over_budget(tmp_path: Path):
    # T24: at 80x24 '▸ Dr. Maria Okafor  ⏱ 14:12  1:35:48 left  ⚠ section over by 4 min  44/66  ✓': no title, 'saved' cut.
    from elicit.core.session import Progress
    from elicit.tui.widgets.interview.session_header import SessionHeader

    app = app_on(make_session(tmp_path / "s.elicit.toml"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        header = app.screen.query_one(SessionHeader)
        header.title_text = "Appointment reminders · Brightsmile Dental"
        header.speaker = "Dr. Maria Okafor"
        header.seconds = 14 * 60 + 12
        header.left_seconds = 95 * 60 + 48
        header.section_over_seconds = 240
        header.progress = Progress(66, 40, 4, 0, 22, 3)
        await pilot.pause()
        text = str(header.render())
        assert text.startswith("Appoint") and text.rstrip().endswith("44/66  ✓ saved"), text
        assert "⚠ over by 4:00" in text and "▸ Dr. Maria…" in text  # trial 5 T5-7: "over 4 min" read as "over its 4 min"
        header.speaker = ""
        await pilot.pause()
        assert "⚠ section over by 4:00" in str(header.render()), "room enough: the full words"


def test_by_and_tags_columns_take_the_room_a_wide_terminal_has():
    # T24: the stories table cut By to 'Dr. Maria O…' and Tags to 'sms,' even at 120x40, with room to spare.
    from elicit.core.session.models import Story
    from elicit.tui.screens.stories import side_widths

    stories = [Story("US-001", "clerk", "to file", by="Dr. Maria Okafor", tags=["sms", "email reminders"])]
    assert side_widths(stories, 80) == (12, 14)
    assert side_widths(stories, 120) == (len("Dr. Maria Okafor"), len("sms, email reminders"))
    assert side_widths([Story("US-002", "clerk", "to file")], 120) == (12, 14), "short cells: the story keeps the room"


async def test_the_review_screen_names_a_suspect_storys_changed_question_by_its_text(tmp_path: Path):
    # The review screen said '(mini.context.problem)': the consultant reads questions, not ids.
    from tests.support.tui import sample_answers, sample_stories, with_review

    path = with_review(make_session(tmp_path / "s.elicit.toml", answers=sample_answers(), stories=sample_stories()), suspect=True)
    app = app_on(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        shown = " ".join(str(widget.render()) for widget in app.screen.query("Static"))
        assert "suspect: its answer changed" in shown
        assert "“What problem should the product solve?”" in shown and "(mini.context.problem)" not in shown
