"""The review loop in the app: the client's proposals accepted or declined, rounds recorded, suspect stories marked."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Checkbox, RadioButton, SelectionList

from elicit.core.session.file_format import read_session
from elicit.tui.screens.ask_text import AskText
from elicit.tui.screens.interview import InterviewScreen
from elicit.tui.screens.review import ReviewScreen, marked_words
from elicit.tui.screens.summary import SummaryScreen
from elicit.tui.widgets.interview.answer_inputs import TextAnswer
from elicit.tui.widgets.interview.question_stories import QuestionStories
from tests.support.tui import app_on, make_session, sample_answers, sample_stories, with_review


def review_session(tmp_path: Path, *, suspect: bool = False) -> Path:
    path = make_session(tmp_path / "invoicing.elicit.toml", answers=sample_answers(), stories=sample_stories(), current="mini.context.problem")
    return with_review(path, suspect=suspect)


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


async def test_walk_the_proposals_accept_one_and_decline_one_with_a_reason(tmp_path: Path):
    path = review_session(tmp_path)
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert review.proposal().id == "P-001" and review.proposal().story == "US-001"
        assert "every morning" in text_of(review, "#review-difference")

        await pilot.press("a")
        await pilot.pause()
        story = review.session.story("US-001")
        assert story.status == "changed" and story.want == "to import the invoices from the bank feed every morning"
        assert story.priority == "should"
        assert [version.want for version in story.history] == ["to import invoices from the bank feed"], "the earlier wording is kept"
        assert review.proposal().id == "P-002", "accepting moves on to the next open proposal"

        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, AskText), "declining asks for the reason"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AskText), "a decline needs a reason: Enter on an empty line does not take it"
        await pilot.press(*"we need the list to plan calls", "enter")
        await pilot.pause()
        assert app.screen is review
        assert review.session.story("US-002").status == "confirmed", "a declined proposal leaves the story as it was"
        assert review.proposal().id == "P-003"
        assert text_of(review, "#review-tally") == "open 1 · accepted 1 · declined 1"

        app.save_now()
        on_disk = read_session(path)
        proposals = {item.id: item for item in on_disk.proposals}
        assert proposals["P-001"].status == "accepted"
        assert (proposals["P-002"].status, proposals["P-002"].reason) == ("declined", "we need the list to plan calls")
        assert proposals["P-003"].status == "open"
        decision = on_disk.decisions[-1]
        assert decision.rationale == "we need the list to plan calls" and decision.stories == ["US-002"]
        assert on_disk.story("US-001").want == "to import the invoices from the bank feed every morning"

        await pilot.press("b", "b")
        await pilot.pause()
        assert review.proposal().id == "P-001" and "Accepted" in text_of(review, "#review-difference")
        await pilot.press("a")
        await pilot.pause()
        assert read_session(path).story("US-001").history == on_disk.story("US-001").history, "a settled proposal is not applied twice"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        await pilot.press("ctrl+q")


async def test_cancelling_the_reason_declines_nothing(tmp_path: Path):
    path = review_session(tmp_path)
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5", "d")
        await pilot.pause()
        await pilot.press(*"not now", "escape")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert [item.status for item in review.session.proposals] == ["open", "open", "open"]
        assert not review.session.decisions


async def test_review_without_proposals_says_how_to_get_them(tmp_path: Path):
    path = make_session(tmp_path / "invoicing.elicit.toml", stories=sample_stories())
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2", "v")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert "elicit review import invoicing.elicit.toml FILE" in text_of(review, "#review-story")
        await pilot.press("a", "d")
        await pilot.pause()
        assert app.screen is review, "nothing to accept or decline, nothing asked"


async def test_a_new_story_from_the_sheet_is_shown_accepted_as_the_next_story_and_a_second_declined(tmp_path: Path):
    """Trial4 T4-4: a row with no story ID is a proposal to add the client's story."""
    from elicit.core.session.models import Proposal
    from elicit.core.session.opening import open_session

    path = review_session(tmp_path)
    opened = open_session(path, command="elicit test")
    try:
        opened.service.add_proposals(
            [
                Proposal("", "", "add", "As a bookkeeper, I want to see overdue invoices first", "could", round=1, row=6),
                Proposal("", "", "add", "As a bookkeeper, I want a dashboard", round=1, row=7),
            ]
        )
        opened.save()
    finally:
        opened.close()
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5", "n", "n", "n")
        await pilot.pause()
        review = app.screen
        assert review.proposal().id == "P-004" and "a new story" in text_of(review, "#review-position")
        assert "As a bookkeeper, I want to see overdue invoices first." in text_of(review, "#review-difference")
        await pilot.press("a")
        await pilot.pause()
        added = review.session.stories[-1]
        assert (added.id, added.want, added.priority, added.status) == ("US-004", "to see overdue invoices first", "could", "confirmed")
        assert review.proposal().id == "P-005"
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, AskText) and "Why not add the client's story?" in str(app.screen.query_one("Label, Static").render())
        await pilot.press(*"dashboards come in phase two", "enter")
        await pilot.pause()
        assert len(review.session.stories) == 4 and review.session.proposals[-1].status == "declined"
        app.save_now()
        on_disk = read_session(path)
        assert [(p.id, p.story, p.status) for p in on_disk.proposals[-2:]] == [("P-004", "US-004", "accepted"), ("P-005", "", "declined")]
        assert on_disk.decisions[-1].rationale == "dashboards come in phase two" and on_disk.decisions[-1].stories == []
        await pilot.press("ctrl+q")


def test_the_difference_marks_the_words_taken_out_and_put_in():
    before, after = marked_words("to type the shelf number", "to scan the shelf label")
    assert before == "to [$error strike]type[/] the shelf [$error strike]number[/]"
    assert after == "to [$success bold underline]scan[/] the shelf [$success bold underline]label[/]"
    assert marked_words("[b]x[/b]", "[b]y[/b]")[1] == "[$success bold underline]\\[b]y\\[/b][/]", "the client's text is never markup"


async def test_record_a_round_from_the_summary_with_a_note(tmp_path: Path):
    path = make_session(tmp_path / "invoicing.elicit.toml", stories=sample_stories())
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        assert "no round recorded yet" in text_of(summary, "#summary-review")
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, AskText)
        await pilot.press(*"sent to Ann", "enter")
        await pilot.pause()
        assert app.screen is summary
        assert "round 1" in text_of(summary, "#summary-review") and "sent to Ann" in text_of(summary, "#summary-review")
        await pilot.press("f7", "enter")  # the note is optional
        await pilot.pause()
        app.save_now()
        rounds = read_session(path).rounds
        assert [(item.number, item.note) for item in rounds] == [(1, "sent to Ann"), (2, "")]
        assert [story.id for story in rounds[0].stories] == ["US-001", "US-002", "US-003"]
        await pilot.press("f7", "escape")
        await pilot.pause()
        assert len(summary.session.rounds) == 2, "Escape records nothing"


async def test_exporting_for_the_client_can_record_a_round(tmp_path: Path):
    path = make_session(tmp_path / "invoicing.elicit.toml", stories=sample_stories())
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        formats = screen.query_one("#export-formats", SelectionList)
        formats.deselect_all()
        formats.select("md")
        screen.query_one("#export-folder").value = str(tmp_path)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not screen.session.rounds, "the round is recorded only when asked"

        checkbox = screen.query_one("#export-round", Checkbox)
        assert "record round 1" in str(checkbox.label)
        checkbox.value = True
        screen.query_one("#audience-team", RadioButton).value = True
        await pilot.pause()
        assert checkbox.disabled, "a round is what the client is sent: not for the team's export"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not screen.session.rounds

        screen.query_one("#audience-client", RadioButton).value = True
        await pilot.pause()
        assert not checkbox.disabled and checkbox.value
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [item.number for item in screen.session.rounds] == [1]
        assert screen.session.rounds[0].note == "exported for the client: invoicing.spec.md"
        assert "Recorded round 1" in text_of(screen, "#export-result")
        result = screen.query_one("#export-result")
        assert result.region.bottom <= screen.query_one("#export").region.bottom, "at 80x24 what was written is scrolled into view"
        assert result.region.height > 0
        assert not checkbox.value and "record round 2" in str(checkbox.label), "one round per export asked for"

        await pilot.press("f7", *"by hand", "enter")
        await pilot.pause()
        app.save_now()
        assert [(item.number, item.note) for item in read_session(path).rounds][-1] == (2, "by hand")


async def test_a_suspect_story_is_marked_until_it_is_edited(tmp_path: Path):
    path = make_session(tmp_path / "invoicing.elicit.toml", answers=sample_answers(), stories=sample_stories(), current="mini.context.problem")
    app = app_on(path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, InterviewScreen) and screen.question.id == "mini.context.problem"
        screen.service.set_story_status("US-001", "confirmed")
        screen.query_one(TextAnswer).text = "Invoices are typed twice; the feed could bring them."
        screen.commit()
        await pilot.pause()
        panel = screen.query_one(QuestionStories)
        assert "? suspect: its answer changed after it was confirmed" in str(panel.get_option_at_index(0).prompt)

        await pilot.press("f2")
        await pilot.pause()
        assert "? suspect: its answer changed after it was confirmed" in text_of(app.screen, "#summary-stories")
        await pilot.press("escape")
        await pilot.pause()

        screen.query_one(QuestionStories).focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "StoryEditor", app.screen_stack
        await pilot.press("ctrl+s")  # saved as it is: someone looked at it
        await pilot.pause()
        assert "suspect" not in str(screen.query_one(QuestionStories).get_option_at_index(0).prompt)
        await pilot.press("f2")
        await pilot.pause()
        assert "suspect" not in text_of(app.screen, "#summary-stories")


async def test_confirming_a_suspect_story_in_the_read_back_clears_it(tmp_path: Path):
    path = review_session(tmp_path, suspect=True)
    app = app_on(path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        panel = screen.query_one(QuestionStories)
        assert "suspect" in str(panel.get_option_at_index(0).prompt)
        await pilot.press("f5")
        await pilot.pause()
        assert "suspect: its answer changed after it was confirmed" in text_of(app.screen, "#review-story")
        await pilot.press("escape", "f3", "b", "b")
        await pilot.pause()
        assert app.screen.story().id == "US-001"
        await pilot.press("c", "escape")
        await pilot.pause()
        assert "suspect" not in str(screen.query_one(QuestionStories).get_option_at_index(0).prompt)


async def test_a_proposal_keeps_its_number_when_the_review_is_opened_again(tmp_path: Path):
    """Trial7 T7-15: coming back to the review, the open proposals came first, so 'proposal 3 of 3' became
    'proposal 1 of 3' for the same P-003. The number is its place among all of them; the review starts at the
    first open one."""
    app = app_on(review_session(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5", "a")
        await pilot.pause()
        assert "proposal 2 of 3 · P-002" in text_of(app.screen, "#review-position")
        await pilot.press("escape", "f5")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert "proposal 2 of 3 · P-002" in text_of(review, "#review-position"), "opened again, it starts at the first open one"
        await pilot.press("b")
        await pilot.pause()
        assert "proposal 1 of 3 · P-001" in text_of(review, "#review-position") and "accepted" in text_of(review, "#review-position")
        await pilot.press("ctrl+q")
