"""Findings of the fifth user trial (/work/wt/notes/trial5.md), in the app."""

from __future__ import annotations

import pytest

from tests.support.tui import app_on
from tests.support.unit_bank import unit_session


async def test_minutes_typed_into_a_question_in_hours_go_to_the_notes_and_are_not_taken_as_hours(tmp_path):
    """T5-2: '30 minutes at most at 7am' on a question in hours per month was saved as 30 (hours)."""
    path = unit_session(tmp_path)
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press(*"30 minutes at most at 7am")
        await pilot.pause()
        help_line = screen.query_one("#number-help")
        assert "-invalid" in help_line.classes
        assert str(help_line.render()) == (
            "this question is in hours per month, not minutes: type the number in hours per month; your words go to the notes"
        )
        await pilot.press("ctrl+n")
        await pilot.pause()
        answer = screen.session.answers["units.ops.downtime"]
        assert (answer.value, answer.notes) == (None, "30 minutes at most at 7am")


@pytest.mark.parametrize("typed", ["about 120, 150 on Mondays", "between 100 and 150"])
async def test_two_numbers_with_a_comma_between_leave_a_number_answer_open(tmp_path, typed):
    """T5-1: 'about 120, 150 on Mondays' was saved as 150 drops a normal day; and 'between 100 and 150' kept
    100, the one number it held a few keystrokes before (no number half typed is the answer)."""
    path = unit_session(tmp_path)
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*typed)
        await pilot.pause()
        assert "-invalid" in screen.query_one("#number-help").classes
        await pilot.press("ctrl+b")
        await pilot.pause()
        answer = screen.session.answers["units.ops.drops"]
        assert (answer.value, answer.notes) == (None, typed)


# T5-3: kill -9 with the story editor open lost the whole story


async def wait_for(pilot, condition, what: str, rounds: int = 600) -> None:
    """Let the app run (timers and workers too) until ``condition()`` holds."""
    for _ in range(rounds):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"never got there: {what}")


def kept_want(path) -> str:
    from elicit.core.session import read_draft

    return ((read_draft(path) or {}).get("story") or {}).get("want", "")


async def test_a_story_being_typed_is_on_disk_beside_the_session_until_the_session_holds_it(tmp_path):
    from elicit.core.session import draft_path, read_draft, read_session
    from elicit.tui.screens.story_editor import StoryEditor
    from tests.support.tui import make_session

    path = make_session(tmp_path / "s.elicit.toml")
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+t")
        await wait_for(pilot, lambda: isinstance(app.screen, StoryEditor), "the story editor")
        await pilot.press(*"finance clerk", "enter", *"to see every unpaid invoice", "f5")
        await wait_for(pilot, lambda: kept_want(path) == "to see every unpaid invoice", "the draft on disk")
        kept = read_draft(path)
        assert kept is not None and kept["story_id"] == "" and kept["kind"] == "story"
        assert (kept["story"]["role"], kept["story"]["priority"], kept["story"]["source"]) == (
            "finance clerk",
            "must",
            ["mini.context.problem"],
        )
        assert "unpaid invoice" not in path.read_text(encoding="utf-8")  # not in the session yet: a crash now kept it
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not draft_path(path).exists(), "the draft gone once the session holds the story")
        assert [story.want for story in read_session(path).stories] == ["to see every unpaid invoice"]


async def test_discarding_the_story_discards_its_draft(tmp_path):
    from elicit.core.session import draft_path
    from elicit.tui.screens.story_editor import StoryEditor
    from tests.support.tui import make_session

    path = make_session(tmp_path / "s.elicit.toml")
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+t")
        await wait_for(pilot, lambda: isinstance(app.screen, StoryEditor), "the story editor")
        await pilot.press(*"to see every unpaid invoice")
        await wait_for(pilot, lambda: draft_path(path).exists(), "the draft on disk")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await wait_for(pilot, lambda: not isinstance(app.screen, StoryEditor), "the editor closed")
        assert not draft_path(path).exists()


def crashed_with_a_story_open(path, **story) -> None:
    """What a crash leaves: the editor's draft beside the session file, the session without the story."""
    from elicit.core.session import write_draft

    fields = {"role": "finance clerk", "want": "to see every unpaid invoice", "so_that": "", "priority": "must"}
    fields |= {"acceptance": ["Given an invoice is unpaid, then it is listed"], "quote": "", "tags": [], "source": ["mini.context.problem"]}
    write_draft(path, {"kind": "story", "story_id": "", "heading": "New story", "story": fields | story})


async def test_after_a_crash_the_story_that_was_in_the_editor_opens_in_it_again(tmp_path):
    from elicit.core.session import draft_path, read_session
    from elicit.tui.screens.story_editor import StoryEditor
    from tests.support.tui import make_session

    path = make_session(tmp_path / "s.elicit.toml")
    crashed_with_a_story_open(path)
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, StoryEditor), "the recovered story in the editor")
        editor = app.screen
        assert editor.heading == "The story you were typing when elicit stopped"
        draft = editor.draft()
        assert (draft.role, draft.want, draft.priority, draft.acceptance) == (
            "finance clerk",
            "to see every unpaid invoice",
            "must",
            ["Given an invoice is unpaid, then it is listed"],
        )
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not isinstance(app.screen, StoryEditor), "the editor closed")
        assert not draft_path(path).exists()
        app.save_now()
        stories = read_session(path).stories
        assert [(s.id, s.want, s.source) for s in stories] == [("US-001", "to see every unpaid invoice", ["mini.context.problem"])]


async def test_a_draft_of_a_story_saved_before_the_crash_is_only_removed(tmp_path):
    from elicit.core.session import Story, draft_path
    from elicit.tui.screens.story_editor import StoryEditor
    from tests.support.tui import make_session

    saved = Story("US-001", "finance clerk", "to see every unpaid invoice", priority="must")
    saved.acceptance, saved.source = ["Given an invoice is unpaid, then it is listed"], ["mini.context.problem"]
    path = make_session(tmp_path / "s.elicit.toml", stories=[saved])
    crashed_with_a_story_open(path)
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: not draft_path(path).exists(), "the draft removed")
        await pilot.pause()
        assert not isinstance(app.screen, StoryEditor)


@pytest.mark.parametrize("size", [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")])
def test_the_story_recovered_after_a_crash(snap_compare, tmp_path, monkeypatch, size):
    from elicit.tui.screens.story_editor import StoryEditor
    from tests.support.tui import make_session

    monkeypatch.chdir(tmp_path)
    path = make_session(tmp_path / "invoicing.elicit.toml")
    crashed_with_a_story_open(path, so_that="I can chase them before the month ends")

    async def run_before(pilot) -> None:
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, StoryEditor), "the recovered story in the editor")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app_on(path), terminal_size=size, run_before=run_before)


async def test_a_decision_being_typed_is_kept_beside_the_session_before_it_is_saved(tmp_path):
    from elicit.core.session import read_draft
    from elicit.tui.screens.capture import ItemEditor
    from tests.support.tui import make_session

    path = make_session(tmp_path / "s.elicit.toml")
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f")
        await pilot.pause()
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, ItemEditor), "the decision editor")
        await pilot.press(*"No paper invoices from June", "enter", *"the bank feed covers them")
        await wait_for(
            pilot, lambda: ((read_draft(path) or {}).get("item") or {}).get("second") == "the bank feed covers them", "the draft"
        )
        kept = read_draft(path)
        assert kept is not None and kept["item"]["kind"] == "decision" and kept["item"]["text"] == "No paper invoices from June"
        assert "paper invoices" not in path.read_text(encoding="utf-8")


async def test_after_a_crash_the_decision_that_was_in_the_capture_editor_opens_in_it_again(tmp_path):
    from elicit.core.session import draft_path, read_session, write_draft
    from elicit.tui.screens.capture import ItemEditor
    from tests.support.tui import make_session

    path = make_session(tmp_path / "s.elicit.toml")
    item = {"kind": "decision", "text": "No paper invoices from June", "second": "the bank feed covers them", "third": ""}
    write_draft(path, {"kind": "item", "heading": "from: …", "item": item | {"source": ["mini.context.problem"], "item_id": ""}})
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ItemEditor), "the recovered decision in its editor")
        draft = app.screen.draft()
        assert (draft.kind, draft.text, draft.second, draft.source) == (
            "decision",
            "No paper invoices from June",
            "the bank feed covers them",
            ["mini.context.problem"],
        )
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not isinstance(app.screen, ItemEditor), "the editor closed")
        app.save_now()
        assert [(d.id, d.text, d.rationale) for d in read_session(path).decisions] == [
            ("D-001", "No paper invoices from June", "the bank feed covers them")
        ]
        assert not draft_path(path).exists()


@pytest.mark.parametrize("size", [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")])
def test_the_decision_recovered_after_a_crash(snap_compare, tmp_path, monkeypatch, size):
    from elicit.core.session import write_draft
    from elicit.tui.screens.capture import ItemEditor
    from tests.support.tui import make_session

    monkeypatch.chdir(tmp_path)
    path = make_session(tmp_path / "invoicing.elicit.toml")
    item = {"kind": "decision", "text": "No paper invoices from June", "second": "the bank feed covers them", "third": "Ann"}
    write_draft(path, {"kind": "item", "heading": "from: …", "item": item | {"source": ["mini.context.problem"], "item_id": ""}})

    async def run_before(pilot) -> None:
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ItemEditor), "the recovered decision in its editor")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app_on(path), terminal_size=size, run_before=run_before)


# T5-4: who is speaking was forgotten when the session was reopened


async def test_who_was_speaking_speaks_again_when_the_session_is_reopened(tmp_path):
    from elicit.core.session import read_session
    from elicit.tui.widgets.interview.session_header import SessionHeader
    from tests.support.tui import make_session

    path = make_session(tmp_path / "s.elicit.toml")
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f7", "f7")  # Ann, then Raj
        await pilot.press(*"Raj: we key every invoice twice")
        await pilot.pause()
        await pilot.press("ctrl+q")  # saves, lets the lock go
        await pilot.pause()
    assert read_session(path).speaker == "Raj" and 'speaker = "Raj"' in path.read_text(encoding="utf-8")
    reopened = app_on(path)
    async with reopened.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        header = reopened.screen.query_one(SessionHeader)
        assert header.speaker == "Raj" and "▸ Raj" in str(header.render())
