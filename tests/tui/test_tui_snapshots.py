"""A snapshot of every screen at 80x24 and at 120x40 (update with --snapshot-update after checking the SVGs)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from elicit.core.session.recent import remember
from tests.support.tui import (
    FIXED_NOW,
    app_on,
    launcher_app,
    make_merged_session,
    make_session,
    mini_catalog,
    sample_answers,
    sample_stories,
    with_review,
)

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder (the current one) with a session full of answers and stories."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    make_session(tmp_path / "invoicing.elicit.toml", answers=sample_answers(), stories=sample_stories())
    return tmp_path


def session_app(workspace: Path):
    return app_on(workspace / "invoicing.elicit.toml")


async def settle(pilot) -> None:
    """Let the screen finish, and save now so the header says 'saved' whatever the timing."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    pilot.app.save_now()
    await pilot.pause()


def after_keys(*keys: str):
    """A run_before that presses ``keys`` one by one, letting the screen settle after each."""

    async def run_before(pilot) -> None:
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


def at_question(question_id: str):
    """A run_before that goes to a question on the interview screen."""

    async def run_before(pilot) -> None:
        await pilot.app.screen.go_to_question(question_id)
        await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_launcher(snap_compare, workspace: Path, size):
    other = make_session(workspace / "onboarding.elicit.toml")
    remember(other, title="Onboarding review", client="Globex", done=2, total=5, opened_at=FIXED_NOW - timedelta(days=3))
    remember(workspace / "invoicing.elicit.toml", done=3, total=5, opened_at=FIXED_NOW - timedelta(hours=2))
    assert snap_compare(launcher_app(), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_launcher_with_sessions_alike(snap_compare, workspace: Path, size):
    # trial2 T24: six sessions titled alike for one client; at 80 columns the File column, the one that tells them
    # apart, was cut at the screen's edge ('front-de', 'hygienis').
    for number, name in enumerate(("appointment-reminders", "hygienists", "combined", "front-desk", "e4", "e5")):
        path = make_session(workspace / f"{name}.elicit.toml")
        remember(path, title="Appointment reminders", client="Brightsmile Dental", done=number, total=63, opened_at=FIXED_NOW - timedelta(minutes=number))
    assert snap_compare(launcher_app(), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_launcher_empty(snap_compare, workspace: Path, size):
    assert snap_compare(launcher_app(), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_new_session(snap_compare, workspace: Path, size):
    from elicit.tui.screens.new_session import NewSessionScreen

    async def run_before(pilot):
        await pilot.app.push_screen(NewSessionScreen(catalog=mini_catalog()))
        await settle(pilot)
        pilot.app.screen.query_one("#new-session-title").value = "Billing workshop"
        pilot.app.screen.query_one("#new-participants").text = "Ann: finance clerk"
        await settle(pilot)

    assert snap_compare(launcher_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_open_file(snap_compare, workspace: Path, size):
    from elicit.tui.screens.open_file import OpenFileScreen

    async def run_before(pilot):
        await pilot.app.push_screen(OpenFileScreen())
        await pilot.pause(0.3)  # the folder tree loads in a worker that never ends, so no settle() here
        await pilot.pause()

    assert snap_compare(launcher_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_banks(snap_compare, workspace: Path, size):
    from elicit.tui.screens.banks import BanksScreen

    async def run_before(pilot):
        await pilot.app.push_screen(BanksScreen(catalog=mini_catalog()))
        await settle(pilot)

    assert snap_compare(launcher_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_interview_text_question(snap_compare, workspace: Path, size):
    assert snap_compare(session_app(workspace), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_interview_choice_question(snap_compare, workspace: Path, size):
    assert snap_compare(session_app(workspace), terminal_size=size, run_before=at_question("mini.context.platform"))


@pytest.mark.parametrize("size", SIZES)
def test_interview_number_question_flagged(snap_compare, workspace: Path, size):
    assert snap_compare(session_app(workspace), terminal_size=size, run_before=at_question("mini.users.count"))


@pytest.mark.parametrize("size", SIZES)
def test_interview_number_question_with_a_sentence(snap_compare, workspace: Path, size):
    """Trial F4: a sentence typed into a number answer stays as typed; trial 2, T7: the one number in it is the
    answer and the help line says the words go to the notes."""

    async def run_before(pilot):
        await pilot.app.screen.go_to_question("mini.users.count")
        await pilot.press(*"12")
        await settle(pilot)
        pilot.app.clear_notifications()  # '1 follow-up question now applies' would be there or gone by the timing
        await pilot.press(*" people, maybe more.")
        await settle(pilot)

    assert snap_compare(session_app(workspace), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_interview_number_question_with_a_decimal_comma(snap_compare, workspace: Path, size):
    """Trial 2, T6: '1,5' is read as 1.5, and the help line says how a comma was read."""

    async def run_before(pilot):
        await pilot.app.screen.go_to_question("mini.users.count")
        await pilot.press(*"1,5")
        await settle(pilot)
        pilot.app.clear_notifications()  # '1 follow-up question now applies' would be there or gone by the timing

    assert snap_compare(session_app(workspace), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_quit_with_a_story_typed(snap_compare, workspace: Path, size):
    """Trial 2, T29: ctrl+q with a story typed in the editor asks before anything is lost."""
    assert snap_compare(session_app(workspace), terminal_size=size, run_before=after_keys("ctrl+t", *"front desk", "tab", *"to see the day", "ctrl+q"))


@pytest.mark.parametrize("size", SIZES)
def test_story_editor(snap_compare, workspace: Path, size):
    async def run_before(pilot):
        await pilot.press("ctrl+t")
        await settle(pilot)
        pilot.app.screen.query_one("#story-role").value = "finance clerk"
        pilot.app.screen.query_one("#story-want").value = "to import invoices from the bank feed"
        await settle(pilot)

    assert snap_compare(session_app(workspace), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_story_editor_just_opened(snap_compare, workspace: Path, size):
    """Trial F17: an empty form shows what is required as a neutral hint, not a red error."""
    assert snap_compare(session_app(workspace), terminal_size=size, run_before=after_keys("ctrl+t"))


@pytest.mark.parametrize("size", SIZES)
def test_stories(snap_compare, workspace: Path, size):
    assert snap_compare(session_app(workspace), terminal_size=size, run_before=after_keys("ctrl+l"))


@pytest.mark.parametrize("size", SIZES)
def test_delete_confirmation(snap_compare, workspace: Path, size):
    assert snap_compare(session_app(workspace), terminal_size=size, run_before=after_keys("ctrl+l", "d"))


@pytest.mark.parametrize("size", SIZES)
def test_summary(snap_compare, workspace: Path, size):
    assert snap_compare(session_app(workspace), terminal_size=size, run_before=after_keys("f2"))


@pytest.mark.parametrize("size", SIZES)
def test_read_back(snap_compare, workspace: Path, size):
    assert snap_compare(session_app(workspace), terminal_size=size, run_before=after_keys("f3"))


@pytest.mark.parametrize("size", SIZES)
def test_read_back_with_a_long_criterion(snap_compare, workspace: Path, size):
    """Trial4: a wrapped criterion's second line started at the left edge, not under its text."""

    async def run_before(pilot):
        long = "Given a bank feed with invoices from three suppliers in two currencies, when it arrives at six in the morning, then every invoice appears"
        pilot.app.screen.service.update_story("US-001", acceptance=[long, "Then the clerk is told"])
        await pilot.press("f3")
        await settle(pilot)

    assert snap_compare(session_app(workspace), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_export(snap_compare, workspace: Path, size):
    assert snap_compare(session_app(workspace), terminal_size=size, run_before=after_keys("f4"))


@pytest.mark.parametrize("size", SIZES)
def test_capture_menu(snap_compare, workspace: Path, size):
    assert snap_compare(session_app(workspace), terminal_size=size, run_before=after_keys("ctrl+f"))


@pytest.mark.parametrize("size", SIZES)
def test_decision_editor(snap_compare, workspace: Path, size):
    async def run_before(pilot):
        await pilot.press("ctrl+f", "d", *"keep paper invoices until June", "enter", *"the feed is not ready")
        await settle(pilot)

    assert snap_compare(session_app(workspace), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_captured_items(snap_compare, workspace: Path, size):
    async def run_before(pilot):
        service = pilot.app.screen.service
        service.add_decision("keep paper invoices until June", "the feed is not ready", decided_by="Ann", source=["mini.context.problem"])
        service.add_open_question("Which phones do the drivers carry?", owner="Raj", source=["mini.context.platform"])
        service.add_assumption("invoices arrive as PDF", "Ann said so", source=["mini.context.problem"])
        service.define_term("remittance", "the note that says which invoices a payment covers")
        await pilot.press("ctrl+f", "l")
        await settle(pilot)

    assert snap_compare(session_app(workspace), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_read_back_reject_reason(snap_compare, workspace: Path, size):
    assert snap_compare(session_app(workspace), terminal_size=size, run_before=after_keys("f3", "r"))


@pytest.mark.parametrize("size", SIZES)
def test_interview_paused_and_over_budget(snap_compare, workspace: Path, size):
    async def run_before(pilot):
        screen = pilot.app.screen
        section = screen.interview.section_of(screen.question)
        object.__setattr__(section, "minutes", 1)
        screen.session.target_minutes = 2
        for _ in range(150):
            screen.tick()
        await pilot.press("f6")
        await settle(pilot)

    assert snap_compare(session_app(workspace), terminal_size=size, run_before=run_before)


def review_app(workspace: Path):
    """The sample session after round 1, with the client's sheet imported and US-001 suspect."""
    with_review(workspace / "invoicing.elicit.toml", suspect=True)
    return session_app(workspace)


@pytest.mark.parametrize("size", SIZES)
def test_review(snap_compare, workspace: Path, size):
    assert snap_compare(review_app(workspace), terminal_size=size, run_before=after_keys("f5"))


@pytest.mark.parametrize("size", SIZES)
def test_review_decline_reason(snap_compare, workspace: Path, size):
    assert snap_compare(review_app(workspace), terminal_size=size, run_before=after_keys("f5", "a", "d"))


@pytest.mark.parametrize("size", SIZES)
def test_review_declined(snap_compare, workspace: Path, size):
    async def run_before(pilot):
        await after_keys("f5", "n", "d")(pilot)
        await pilot.press(*"we need the list to plan the calls", "enter")
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)

    assert snap_compare(review_app(workspace), terminal_size=size, run_before=run_before)


def comment_only_review_app(workspace: Path):
    """After round 1, a proposal whose only content is its comment: what the client asks, elicit cannot apply."""
    from elicit.core.session.models import Proposal
    from elicit.core.session.opening import open_session

    path = with_review(workspace / "invoicing.elicit.toml")
    opened = open_session(path, command="elicit test")
    try:
        added = Proposal("", "US-003", "change", comment="Add: Given an invoice is overdue, then I get a reminder", round=1)
        opened.service.add_proposals([added])
        opened.save()
    finally:
        opened.close()
    return session_app(workspace)


@pytest.mark.parametrize("size", SIZES)
def test_review_of_a_change_only_its_comment_describes(snap_compare, workspace: Path, size):
    """Trial4 T4-1: the screen said "none: accepting confirms the story as it stands" and accepting marked it changed."""
    assert snap_compare(comment_only_review_app(workspace), terminal_size=size, run_before=after_keys("f5", "n", "n", "n"))


def new_story_review_app(workspace: Path):
    """After round 1, a new story the client wrote on a sheet row with no story ID (trial4 T4-4)."""
    from elicit.core.session.models import Proposal
    from elicit.core.session.opening import open_session

    path = with_review(workspace / "invoicing.elicit.toml")
    opened = open_session(path, command="elicit test")
    try:
        added = Proposal(
            "", "", "add", "As a bookkeeper, I want to see overdue invoices first, so that I chase the oldest debts", "could",
            "new one from me", round=1, row=6, acceptance=["Given two overdue invoices, the older one is listed first"],
        )  # fmt: skip
        opened.service.add_proposals([added])
        opened.save()
    finally:
        opened.close()
    return session_app(workspace)


@pytest.mark.parametrize("size", SIZES)
def test_review_of_a_new_story_from_the_client(snap_compare, workspace: Path, size):
    assert snap_compare(new_story_review_app(workspace), terminal_size=size, run_before=after_keys("f5", "n", "n", "n"))


@pytest.mark.parametrize("size", SIZES)
def test_summary_with_review_and_suspect(snap_compare, workspace: Path, size):
    assert snap_compare(review_app(workspace), terminal_size=size, run_before=after_keys("f2", "end"))


@pytest.mark.parametrize("size", SIZES)
def test_interview_suspect_story(snap_compare, workspace: Path, size):
    assert snap_compare(review_app(workspace), terminal_size=size, run_before=at_question("mini.context.problem"))


@pytest.mark.parametrize("size", SIZES)
def test_round_note(snap_compare, workspace: Path, size):
    assert snap_compare(session_app(workspace), terminal_size=size, run_before=after_keys("f4", "f7"))


@pytest.fixture
def merged_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    make_merged_session(tmp_path / "invoicing.elicit.toml")
    return tmp_path


@pytest.mark.parametrize("size", SIZES)
def test_interview_merged_session_shows_each_interviews_answer(snap_compare, merged_workspace: Path, size):
    assert snap_compare(session_app(merged_workspace), terminal_size=size, run_before=at_question("mini.context.platform"))


@pytest.mark.parametrize("size", SIZES)
def test_summary_merged_session_lists_open_conflicts(snap_compare, merged_workspace: Path, size):
    assert snap_compare(session_app(merged_workspace), terminal_size=size, run_before=after_keys("f2"))


@pytest.mark.parametrize("size", SIZES)
def test_stories_merged_story_says_who_asked_at_what_priority(snap_compare, merged_workspace: Path, size):
    """Trial6 T6-11: a story two interviews told said only its first teller ("said by Ann")."""
    assert snap_compare(session_app(merged_workspace), terminal_size=size, run_before=after_keys("ctrl+l"))


@pytest.mark.parametrize("size", SIZES)
def test_interview_with_a_speaker(snap_compare, workspace: Path, size):
    """Issue 16: the header shows who is speaking (f7 cycles through the participants)."""
    async def run_before(pilot):
        await after_keys("f7")(pilot)
        pilot.app.clear_notifications()  # the "Ann is speaking." toast fades on the wall clock: not part of the picture
        await settle(pilot)

    assert snap_compare(session_app(workspace), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_stories_with_who_said_them(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size):
    """Issue 16: once a story is credited, the stories table has a By column."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    stories = sample_stories()
    stories[0].by, stories[1].by = "Ann", "Raj"
    make_session(tmp_path / "invoicing.elicit.toml", answers=sample_answers(), stories=stories)
    assert snap_compare(app_on(tmp_path / "invoicing.elicit.toml"), terminal_size=size, run_before=after_keys("ctrl+l"))
