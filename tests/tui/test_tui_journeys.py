"""The consultant's journeys through the app, driven with Pilot."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, RadioButton, SelectionList
from textual.widgets.text_area import Selection

from elicit.core.session.file_format import dumps_session, read_session
from elicit.core.session.locking import lock_path
from elicit.core.session.recent import recent, remember
from elicit.tui.messages import AnswerEdited
from elicit.tui.screens.interview import InterviewScreen
from elicit.tui.widgets.interview.answer_inputs import NotesEditor, TextAnswer
from elicit.tui.widgets.interview.navigator import Navigator
from elicit.tui.widgets.interview.options_answer import OptionsAnswer
from tests.support.tui import STARTED, app_on, install_mini_bank, launcher_app, make_session, sample_answers, sample_stories


@pytest.fixture
def session_path(tmp_path: Path) -> Path:
    return make_session(tmp_path / "interview.elicit.toml")


def interview(app) -> InterviewScreen:
    screen = app.screen
    assert isinstance(screen, InterviewScreen), f"expected the interview screen, got {screen!r}"
    return screen


async def test_create_a_session_from_the_launcher(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    install_mini_bank()
    monkeypatch.chdir(tmp_path)
    app = launcher_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#new-session-title").value = "Billing workshop"
        screen.query_one("#new-client").value = "ACME Ltd"
        screen.query_one("#new-participants").text = "Ann: finance clerk\nRaj - account manager"
        banks = screen.query_one("#new-banks", SelectionList)
        banks.deselect_all()
        banks.select("mini")
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = interview(app)
        assert isinstance(app.focused, TextAnswer), "the cursor is in the answer input at once"
        path = tmp_path / "billing-workshop.elicit.toml"
        assert path.is_file() and lock_path(path).is_file()
        session = read_session(path)
        assert session.title == "Billing workshop" and session.client == "ACME Ltd"
        assert [(p.name, p.role) for p in session.participants] == [("Ann", "finance clerk"), ("Raj", "account manager")]
        assert [b.id for b in session.banks] == ["mini"]
        assert screen.question.id == "mini.context.problem"
        await pilot.press("ctrl+q")
    assert not lock_path(path).exists()
    assert recent()[0].path == path.resolve()


async def test_new_session_needs_a_title_and_a_bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    install_mini_bank()
    monkeypatch.chdir(tmp_path)
    app = launcher_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert "title" in str(app.screen.query_one("#new-problem").render())
        app.screen.query_one("#new-session-title").value = "X"
        app.screen.query_one("#new-banks", SelectionList).deselect_all()
        await pilot.press("ctrl+s")
        assert "bank" in str(app.screen.query_one("#new-problem").render())
        assert not list(tmp_path.glob("*.elicit.toml"))


async def test_answer_text_then_choice_and_watch_a_follow_up_appear(session_path: Path):
    app = app_on(session_path)
    seen: list[AnswerEdited] = []
    async with app.run_test(size=(100, 30), message_hook=lambda m: seen.append(m) if isinstance(m, AnswerEdited) else None) as pilot:
        screen = interview(app)
        told: list[str] = []
        notify = app.notify
        app.notify = lambda message, *args, **options: told.append(str(message)) or notify(message, *args, **options)  # type: ignore[method-assign]
        editor = app.focused
        assert isinstance(editor, TextAnswer)
        editor.text = "Invoices are typed twice.\nAnn loses a day every week."
        await pilot.pause()
        assert screen.session.answers["mini.context.problem"].value == "Invoices are typed twice.\nAnn loses a day every week."
        assert any(m.question_id == "mini.context.problem" for m in seen)
        await pilot.press("ctrl+n")
        assert screen.question.id == "mini.context.platform"
        assert isinstance(app.focused, OptionsAnswer)
        navigator = screen.query_one(Navigator)
        assert "mini.context.offline" not in navigator._question_nodes
        await pilot.press("2")
        assert screen.session.answers["mini.context.platform"].value == "Mobile"
        assert "mini.context.offline" in navigator._question_nodes, "the follow-up appears in the navigator"
        assert told == ["1 follow-up question now applies"], "said as plain mode says it (core applicability_change)"
        await pilot.press("ctrl+n")
        assert screen.question.id == "mini.context.offline"
        await pilot.press("y")
        assert screen.session.answers["mini.context.offline"].value is True
        await pilot.press("ctrl+n")
        assert screen.question.id == "mini.context.offline_how_long"
        await pilot.press(*"36")
        await pilot.pause()
        assert screen.session.answers["mini.context.offline_how_long"].value == 36
        await pilot.press("ctrl+b", "ctrl+b", "1")
        assert screen.question.id == "mini.context.platform"
        assert screen.session.answers["mini.context.platform"].value == "Web"
        assert "mini.context.offline" not in navigator._question_nodes, "the follow-up disappears again"
        assert told[-1] == "2 questions no longer apply"
        await pilot.press("ctrl+q")
    saved = read_session(session_path)
    assert saved.answers["mini.context.platform"].value == "Web"
    assert saved.answers["mini.context.offline_how_long"].value == 36


async def test_a_number_out_of_range_is_not_recorded(session_path: Path):
    app = app_on(session_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = interview(app)
        await screen.go_to_question("mini.users.count")
        await pilot.press("minus", "5")
        await pilot.pause()
        assert "mini.users.count" not in screen.session.answers
        assert "-invalid" in screen.query_one("#number-help").classes
        await pilot.press("backspace", "backspace", *"120")
        await pilot.pause()
        assert screen.session.answers["mini.users.count"].value == 120


async def test_multi_and_scale_answers(session_path: Path):
    app = app_on(session_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = interview(app)
        await screen.go_to_question("mini.users.satisfaction")
        await pilot.press("4")
        assert screen.session.answers["mini.users.satisfaction"].value == 4
        await pilot.press("backspace")
        assert "mini.users.satisfaction" not in screen.session.answers, "clearing removes the answer (issue 13: empty is never 'answered')"
        screen.service.answer("mini.context.platform", "Web")
        screen.service.answer("mini.users.count", 50)
        await screen.refresh_all()
        await screen.go_to_question("mini.users.channels")
        await pilot.press("1", "3", "up", "space")
        assert screen.session.answers["mini.users.channels"].value == ["Email", "Phone", "Chat"]
        await pilot.press("3")
        assert screen.session.answers["mini.users.channels"].value == ["Email", "Phone"]


async def test_capture_a_story_from_the_selected_words(session_path: Path):
    app = app_on(session_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = interview(app)
        editor = app.focused
        editor.text = "Honestly we type every invoice twice, it is painful."
        await pilot.pause()
        editor.selection = Selection((0, 9), (0, 36))
        await pilot.press("ctrl+t")
        await pilot.pause()
        dialog = app.screen
        assert dialog.query_one("#story-quote").text == "we type every invoice twice"
        assert dialog.query_one("#story-role").value == ""
        dialog.query_one("#story-role").value = "finance clerk"
        dialog.query_one("#story-want").value = "to import invoices from the bank feed"
        dialog.query_one("#story-so-that").value = "I stop typing them twice"
        dialog.query_one("#story-acceptance").text = "Given a feed\nWhen it arrives\n\nThen invoices appear"
        dialog.query_one("#story-tags").value = "billing, import"
        await pilot.press("f7")  # Could, in one key from any field
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        (story,) = screen.session.stories
        assert (story.id, story.role, story.priority) == ("US-001", "finance clerk", "could")
        assert story.source == ["mini.context.problem"]
        assert story.quote == "we type every invoice twice"
        assert story.acceptance == ["Given a feed", "When it arrives", "Then invoices appear"]
        assert story.tags == ["billing", "import"]
        assert "US-001" in str(screen.query_one("#question-stories").get_option_at_index(0).prompt)


async def test_story_hint_is_offered_never_prefilled_and_want_is_required(session_path: Path):
    app = app_on(session_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = interview(app)
        await screen.go_to_question("mini.users.who")
        await pilot.press("ctrl+t")
        await pilot.pause()
        dialog = app.screen
        role = dialog.query_one("#story-role")
        assert app.focused is role, "the editor opens on the first field"
        assert role.value == "" and "user" in role.placeholder, "the hint's role is a suggestion, not text typing replaces"
        await pilot.press("right")
        assert role.value == "user", "→ on the empty field takes the suggestion"
        assert dialog.query_one("#story-want").value == "", "a placeholder want is not copied"
        await pilot.press("ctrl+s")
        assert app.screen is dialog, "a story without 'I want' is not saved"
        assert screen.session.stories == []


async def test_cancelling_a_typed_story_asks_first(session_path: Path):
    app = app_on(session_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = interview(app)
        await pilot.press("ctrl+t")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#story-want").value = "to get paid faster"
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmDialog"
        await pilot.press("n")
        assert app.screen is dialog and dialog.query_one("#story-want").value == "to get paid faster"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert app.screen is screen and screen.session.stories == []
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press("escape")  # nothing typed: closes at once
        await pilot.pause()
        assert app.screen is screen


async def test_edit_delete_undo_and_reprioritise_in_the_stories_table(tmp_path: Path):
    path = make_session(tmp_path / "s.elicit.toml", stories=sample_stories())
    app = app_on(path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = interview(app)
        await pilot.press("ctrl+l")
        await pilot.pause()
        stories = app.screen
        table = stories.query_one(DataTable)
        assert table.row_count == 3
        await pilot.press("down", "e")
        await pilot.pause()
        app.screen.query_one("#story-want").value = "to see overdue invoices at the top"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.session.story("US-002").want == "to see overdue invoices at the top"
        await pilot.press("1")
        assert screen.session.story("US-002").priority == "must"
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert screen.session.story("US-002") is None and table.row_count == 2
        await pilot.press("u")
        assert [s.id for s in screen.session.stories] == ["US-001", "US-002", "US-003"]
        await pilot.press("slash", *"#mobile")
        await pilot.pause()
        assert table.row_count == 1 and stories.shown[0].id == "US-003"
        stories.query_one("#stories-filter").value = "must"
        await pilot.pause()
        assert {s.id for s in stories.shown} == {"US-001", "US-002"}
        stories.query_one("#stories-filter").value = "section:users"
        await pilot.pause()
        assert [s.id for s in stories.shown] == ["US-002"]
        stories.query_one("#stories-filter").value = ""
        await pilot.press("enter", "o")  # back to the table, sort by priority
        assert stories.sort == "priority"
        assert [s.priority for s in stories.shown] == ["must", "must", "could"]
        await pilot.press("escape")
        assert app.screen is screen
        await pilot.press("ctrl+q")
    saved = read_session(path)
    assert saved.story("US-002").priority == "must"


async def test_flag_and_revisit_from_the_summary(session_path: Path):
    app = app_on(session_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = interview(app)
        await pilot.press("ctrl+n", "ctrl+r")
        assert screen.interview.status("mini.context.platform") == "revisit"
        assert "!" in str(screen.query_one(Navigator)._question_nodes["mini.context.platform"].label)
        await pilot.press("ctrl+n", "ctrl+n")
        assert screen.question.id == "mini.users.count"
        await pilot.press("f2")
        await pilot.pause()
        summary = app.screen
        todo = summary.query_one("#summary-todo")
        ids = [todo.get_option_at_index(i).id for i in range(todo.option_count)]
        assert ids == ["mini.context.problem", "mini.context.platform"], "required open first, then flagged"
        await pilot.press("tab", "down", "enter")
        await pilot.pause()
        assert app.screen is screen and screen.question.id == "mini.context.platform"
        await pilot.press("ctrl+r")
        assert screen.interview.status("mini.context.platform") == "open"


async def test_summary_shows_which_stories_need_work(tmp_path: Path):
    from elicit.core.session.models import Story

    stories = [
        Story(
            "US-001",
            "clerk",
            "to send an invoice",
            "the client pays on time",
            "must",
            ["Given an order, when I send it, then the client gets a PDF"],
        ),
        Story("US-002", "clerk", "a fast and easy export and a nice report", "I save time", "must"),
    ]
    app = app_on(make_session(tmp_path / "s.elicit.toml", stories=stories))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2")
        await app.workers.wait_for_complete()
        await pilot.pause()
        heading = str(app.screen.query_one("#summary-quality-heading").render())
        notes = str(app.screen.query_one("#summary-quality").render())
        assert heading == "Story quality: 1 of 2 stories has notes"
        assert "US-002" in notes and "US-001" not in notes


async def test_export_then_re_export_after_deleting_a_story(tmp_path: Path):
    path = make_session(tmp_path / "interview.elicit.toml", answers=sample_answers(), stories=sample_stories())
    out = tmp_path / "out"
    out.mkdir()
    app = app_on(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        formats = screen.query_one("#export-formats", SelectionList)
        formats.deselect_all()
        formats.select("md")
        formats.select("gherkin")
        screen.query_one("#export-folder").value = str(out)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Wrote 4 files" in str(screen.query_one("#export-result").render())
        features = out / "interview-features"
        assert sorted(p.name for p in features.glob("*.feature")) == ["US-001.feature", "US-002.feature", "US-003.feature"]
        assert "to import invoices from the bank feed" in (out / "interview.spec.md").read_text(encoding="utf-8")

        screen.service.delete_story("US-003")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        result = str(screen.query_one("#export-result").render())
        assert "Wrote 3 files" in result and "Removed 1 file of deleted stories: US-003.feature" in result
        assert sorted(p.name for p in features.glob("*.feature")) == ["US-001.feature", "US-002.feature"]
        assert [p.name for p in features.glob(".elicit-export-interview-*.json")]  # the list of files this session wrote
        await pilot.press("escape", "ctrl+q")


async def test_export_for_the_team_names_the_file_apart_and_keeps_the_notes(tmp_path: Path):
    path = make_session(tmp_path / "interview.elicit.toml", answers=sample_answers(), stories=sample_stories())
    session = read_session(path)
    first = next(iter(session.answers))
    session.answers[first].notes = "Consultant only: check with finance"
    path.write_text(dumps_session(session), encoding="utf-8")
    app = app_on(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        formats = screen.query_one("#export-formats", SelectionList)
        formats.deselect_all()
        formats.select("md")
        formats.select("html")
        screen.query_one("#export-folder").value = str(tmp_path)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        client = (tmp_path / "interview.spec.md").read_text(encoding="utf-8")
        assert "Consultant only" not in client and "Consultant only" not in (tmp_path / "interview.spec.html").read_text()
        screen.query_one("#audience-team", RadioButton).value = True
        await pilot.pause()
        assert "interview.team-spec.md" in str(screen.query_one("#export-plan").render())
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Consultant only: check with finance" in (tmp_path / "interview.team-spec.md").read_text(encoding="utf-8")
        assert "Consultant only: check with finance" in (tmp_path / "interview.team-spec.html").read_text(encoding="utf-8")
        assert (tmp_path / "interview.spec.md").read_text(encoding="utf-8") == client
        await pilot.press("escape", "ctrl+q")


async def test_skip_marks_and_moves_on(session_path: Path):
    app = app_on(session_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = interview(app)
        await pilot.press("ctrl+n", "f8")
        assert screen.interview.status("mini.context.platform") == "skipped"
        assert screen.question.id == "mini.users.who"


async def test_skipping_an_answered_question_takes_its_answer_and_the_follow_ups_it_opened(tmp_path: Path):
    """f8 on an answered question skips it (review5 R5-2): the answer widget, still showing the old value, is not
    written back on the way to the next question, and the follow-up the answer opened is said to stop applying."""
    from elicit.core.session import Answer

    mobile = Answer("Mobile", answered_at=STARTED, updated_at=STARTED)
    path = make_session(tmp_path / "s.elicit.toml", answers={"mini.context.platform": mobile}, current="mini.context.platform")
    app = app_on(path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = interview(app)
        assert "mini.context.offline" in [q.id for q in screen.interview.applicable()]
        await pilot.press("f8")
        await pilot.pause()
        answer = screen.session.answers["mini.context.platform"]
        assert (answer.status, answer.value) == ("skipped", None)
        assert "mini.context.offline" not in [q.id for q in screen.interview.applicable()]
        messages = [n.message for n in app._notifications]
        assert "1 question no longer applies" in messages
        assert not any("now applies" in m for m in messages)
        assert screen.question.id == "mini.users.who"


async def test_read_back_and_confirm(tmp_path: Path):
    path = make_session(tmp_path / "s.elicit.toml", stories=sample_stories())
    app = app_on(path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = interview(app)
        await pilot.press("f3")
        await pilot.pause()
        readback = app.screen
        assert readback.story().id == "US-001", "starts at the first story still in draft, must first"
        await pilot.press("c")
        assert screen.session.story("US-001").status == "confirmed"
        assert readback.story().id == "US-002"
        await pilot.press("n")
        assert readback.story().id == "US-003"
        await pilot.press("r")
        await pilot.pause()
        await pilot.press(*"too costly", "enter")
        await pilot.pause()
        assert screen.session.story("US-003").status == "rejected"
        assert screen.session.story("US-003").reason == "too costly", "r asks for the client's reason"
        await pilot.press("b", "h")
        await pilot.pause()
        app.screen.query_one("#story-so-that").value = "I can chase late payers the same day"
        await pilot.press("ctrl+s")
        await pilot.pause()
        changed = screen.session.story("US-002")
        assert changed.status == "changed" and changed.so_that == "I can chase late payers the same day"
        assert [v.so_that for v in changed.history] == ["I can chase late payers"], "the earlier wording is kept"
        assert readback.story().id == "US-003", "after the change the read-back goes on"


async def test_quit_and_reopen_at_the_same_place(session_path: Path):
    app = app_on(session_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = interview(app)
        app.focused.text = "typed just before quitting"
        await pilot.press("ctrl+n", "ctrl+n")
        app.focused.text = "they are mostly clerks"
        await pilot.press("ctrl+o")
        assert isinstance(app.focused, NotesEditor)
        app.focused.text = "ask Raj about the night shift"
        await pilot.press("ctrl+q")
    assert not lock_path(session_path).exists(), "quitting releases the lock"
    saved = read_session(session_path)
    assert saved.current == "mini.users.who"
    assert saved.answers["mini.context.problem"].value == "typed just before quitting"
    assert saved.answers["mini.users.who"].value == "they are mostly clerks"
    assert saved.answers["mini.users.who"].notes == "ask Raj about the night shift"
    again = app_on(session_path)
    async with again.run_test(size=(100, 30)) as pilot:
        screen = interview(again)
        assert screen.question.id == "mini.users.who"
        assert again.focused.text == "they are mostly clerks"
        await pilot.press("ctrl+q")


async def test_autosave_reaches_the_disk_without_quitting(session_path: Path):
    app = app_on(session_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.focused.text = "saved by the worker"
        await pilot.pause(1.0)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.save_state == "saved"
        assert read_session(session_path).answers["mini.context.problem"].value == "saved by the worker"
        assert lock_path(session_path).exists()
        await pilot.press("ctrl+q")


@pytest.mark.parametrize("sweep_after", [60.0, 0.3])
async def test_objects_alive_after_a_save_are_frozen_and_swept_when_typing_stops(
    session_path: Path, monkeypatch: pytest.MonkeyPatch, sweep_after: float
):
    import gc

    import elicit.tui.autosave as autosave

    monkeypatch.setattr(autosave, "SWEEP_AFTER", sweep_after)
    swept = []
    real_collect = gc.collect
    monkeypatch.setattr(autosave.gc, "collect", lambda *args: swept.append(1) or real_collect(*args))
    assert gc.get_freeze_count() == 0
    app = app_on(session_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.focused.text = "frozen after the save"
        await pilot.pause(1.0)
        await app.workers.wait_for_complete()
        await pilot.pause(0.5)
        assert app.save_state == "saved" and gc.get_freeze_count() > 0  # frozen after the save, and again after a sweep
        assert bool(swept) == (sweep_after < 1), "a collection once typing stopped, and only then"
        await pilot.press("ctrl+q")
    assert gc.get_freeze_count() == 0  # the closed app's objects can be collected


async def test_a_failed_save_is_shown_retried_and_keeps_the_last_good_file(session_path: Path, monkeypatch: pytest.MonkeyPatch):
    import elicit.tui.autosave as autosave
    from elicit.core.findings import ElicitError

    monkeypatch.setattr(autosave, "RETRY_FIRST", 0.2)
    good = session_path.read_bytes()
    app = app_on(session_path)
    store = app.opened.store
    real_save = store.save
    failing = {"on": True}

    def save(session, pause=None):
        if failing["on"]:
            raise ElicitError(f"{session_path}: could not save: No space left on device; the last saved version is intact")
        real_save(session, pause)

    monkeypatch.setattr(store, "save", save)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = interview(app)
        app.focused.text = "an answer the disk refused"
        await pilot.pause(0.6)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.save_state == "failed"
        assert "-failed" in screen.query_one("#session-header").classes
        assert any("No space left" in n.message for n in app._notifications)
        assert session_path.read_bytes() == good
        failing["on"] = False
        await pilot.pause(0.6)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.save_state == "saved"
        assert read_session(session_path).answers["mini.context.problem"].value == "an answer the disk refused"
        await pilot.press("ctrl+q")


async def test_quit_with_a_failing_save_asks_before_losing_anything(session_path: Path, monkeypatch: pytest.MonkeyPatch):
    from elicit.core.findings import ElicitError

    app = app_on(session_path)

    def refuse(session, pause=None):
        raise ElicitError("read-only folder")

    monkeypatch.setattr(app.opened.store, "save", refuse)
    async with app.run_test(size=(100, 30)) as pilot:
        app.focused.text = "not yet on disk"
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmDialog"
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen) and app.is_running


async def test_go_to_a_question_with_the_palette(session_path: Path):
    app = app_on(session_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = interview(app)
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press(*"how many people")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and screen.question.id == "mini.users.count"


async def test_the_navigator_goes_to_a_question(session_path: Path):
    app = app_on(session_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = interview(app)
        await pilot.press("f9")
        assert isinstance(app.focused, Navigator)
        navigator = screen.query_one(Navigator)
        assert "mini.users.satisfaction" not in navigator._question_nodes, "a closed section's questions have no nodes yet"
        node = navigator.node_of("mini.users.satisfaction")
        navigator.select_node(node)
        await pilot.pause()
        assert screen.question.id == "mini.users.satisfaction"
        assert isinstance(app.focused, OptionsAnswer)


async def test_every_action_is_in_the_palette(session_path: Path):
    from elicit.tui.commands import ScreenActions

    app = app_on(session_path)
    async with app.run_test(size=(100, 30)):
        screen = interview(app)
        provider = ScreenActions(screen)
        names = [hit.text async for hit in provider.discover()]
        for binding in InterviewScreen.BINDINGS:
            assert binding.description in names


async def test_open_a_recent_session_from_the_launcher(session_path: Path):
    remember(session_path, done=1, total=5)
    app = launcher_app()
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.screen.query_one(DataTable)
        assert table.row_count == 1
        await pilot.press("enter")
        await pilot.pause()
        assert interview(app).session.title == "Invoicing discovery"
        await pilot.press("f10")
        await pilot.pause()
        assert type(app.screen).__name__ == "LauncherScreen"
        assert not lock_path(session_path).exists(), "closing a session releases its lock"


async def test_a_locked_session_is_refused_in_the_launcher(session_path: Path):
    from elicit.core.session.locking import SessionLock

    remember(session_path)
    app = launcher_app()
    with SessionLock(session_path, "another elicit"):
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("enter")
            await pilot.pause()
            assert type(app.screen).__name__ == "LauncherScreen"
            assert any("open in another elicit" in n.message for n in app._notifications)


def test_run_reports_a_locked_session_in_one_line(session_path: Path, capsys: pytest.CaptureFixture[str]):
    from elicit.core.session.locking import SessionLock
    from elicit.tui.app import run

    with SessionLock(session_path, "another elicit"):
        assert run(session_path) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "open in another elicit" in err


def test_run_reports_a_broken_session_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    from elicit.tui.app import run

    path = tmp_path / "broken.elicit.toml"
    path.write_text('schema = "elicit.session/1"\ntitle = "x"\nsurprise = 1\n', encoding="utf-8")
    assert run(path) == 1
    err = capsys.readouterr().err
    assert "surprise" in err and "Traceback" not in err
    assert not lock_path(path).exists()


async def test_keys_can_be_remapped_by_id(session_path: Path):
    app = app_on(session_path, keymap={"interview.next": "f6"})
    async with app.run_test(size=(100, 30)) as pilot:
        screen = interview(app)
        await pilot.press("f9", "f6")  # from the navigator, where f6 is free
        await pilot.pause()
        assert screen.question.id == "mini.context.platform"


async def test_works_at_80_by_24(tmp_path: Path):
    path = make_session(tmp_path / "s.elicit.toml", answers=sample_answers(), stories=sample_stories())
    app = app_on(path)
    async with app.run_test(size=(80, 24)):
        screen = interview(app)
        answer = screen.query_one("#answer")
        assert answer.region.bottom <= 24 - 3 and answer.region.width >= 40
        keybar = screen.query_one("KeyBar")
        assert keybar.region.bottom == 24 and keybar.region.height <= 3


async def test_the_summary_shows_every_coverage_column_at_80_columns(tmp_path: Path):
    from elicit.core.banks.catalog import BankCatalog
    from elicit.core.session.opening import create_session

    bank = BankCatalog.default().load("web-mobile-product")
    assert max(len(section.title) for section in bank.sections) > 25
    path = tmp_path / "shop.elicit.toml"
    create_session(path, [bank], [""], title="Shop app")
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        table = app.screen.query_one("#summary-coverage", DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width, "no column is cut off"
        assert [str(column.label) for column in table.columns.values()][-1] == "Required"
        await pilot.press("escape", "ctrl+q")
    app = app_on(path)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        table = app.screen.query_one("#summary-coverage", DataTable)
        titles = [str(table.get_cell_at((row, 0))) for row in range(table.row_count)]
        assert "Measuring and keeping users" in titles, "titles are shortened only when the screen is narrow"
        await pilot.press("escape", "ctrl+q")


async def test_a_pasted_one_line_story_is_split_and_linted_live(session_path: Path):
    app = app_on(session_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#story-want").value = "As a finance clerk, I want to import invoices, so that I stop typing them twice"
        await pilot.pause()
        assert dialog.query_one("#story-role").value == "finance clerk"
        assert dialog.query_one("#story-want").value == "to import invoices"
        assert dialog.query_one("#story-so-that").value == "I stop typing them twice"
        dialog.query_one("#story-want").value = "to manage stuff and export reports"
        await pilot.pause()
        problems = str(dialog.query_one("#story-notes").render())
        assert "stuff" in problems and "second goal" in problems


async def test_a_required_question_flagged_to_revisit_counts_as_flagged_in_the_summary(session_path: Path):
    app = app_on(session_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = interview(app)
        assert screen.question.id == "mini.context.problem"  # required
        await pilot.press("ctrl+r", "f2")
        await pilot.pause()
        summary = app.screen
        heading = str(summary.query_one("#summary-todo-heading").render())
        assert "1 required open · 1 flagged to revisit" in heading, heading
        todo = summary.query_one("#summary-todo")
        (only,) = [todo.get_option_at_index(i) for i in range(todo.option_count)]
        assert str(only.prompt).startswith("required+revisit"), "listed once, with both marks"
