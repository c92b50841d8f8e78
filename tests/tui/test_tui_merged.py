"""A merged session in the app: each interview's answer under the question, the open conflicts on the summary."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from elicit.tui.screens.interview import InterviewScreen
from elicit.tui.screens.summary import SummaryScreen
from elicit.tui.widgets.interview.interview_answers import InterviewAnswers
from tests.support.tui import app_on, make_merged_session, make_session


async def test_a_merged_session_shows_each_interviews_answer_and_the_open_conflicts(tmp_path: Path):
    path = make_merged_session(tmp_path / "merged.elicit.toml")
    app = app_on(path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, InterviewScreen) and screen.question.id == "mini.context.platform"
        answers = screen.query_one(InterviewAnswers)
        assert answers.display
        shown = str(answers.render())
        assert "ann · Ann: Web" in shown and "raj · Raj: Mobile" in shown
        await screen.go_to_question("mini.context.problem")
        await pilot.pause()
        assert "Clients wait a week" in str(screen.query_one(InterviewAnswers).render())
        await pilot.press("f2")
        await pilot.pause()
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        conflicts = summary.query_one("#summary-conflicts", OptionList)
        texts = [str(conflicts.get_option_at_index(index).prompt) for index in range(conflicts.option_count)]
        assert len(texts) == 3 and any("Yes (Ann), No (Raj)" in text for text in texts)
        assert "still open: 3" in str(summary.query_one("#summary-conflicts-heading").render())
        conflicts.focus()
        conflicts.highlighted = next(index for index, text in enumerate(texts) if "Web (Ann), Mobile (Raj)" in text)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.question.id == "mini.context.platform", "Enter on a conflict goes to its question"
        await pilot.press("ctrl+q")


async def test_a_resolved_conflict_leaves_the_list(tmp_path: Path):
    path = make_merged_session(tmp_path / "merged.elicit.toml")
    app = app_on(path)
    async with app.run_test(size=(100, 30)) as pilot:
        conflict = app.screen.session.conflicts[-1]
        app.screen.service.resolve_open_question(conflict, "Offline on the phone only")
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen.query_one("#summary-conflicts", OptionList).option_count == 2
        await pilot.press("ctrl+q")


async def test_a_session_of_one_interview_shows_neither(tmp_path: Path):
    path = make_session(tmp_path / "one.elicit.toml")
    app = app_on(path)
    async with app.run_test(size=(100, 30)) as pilot:
        assert not app.screen.query(InterviewAnswers), "no panel for the answers of other interviews (none is made)"
        await pilot.press("f2")
        await pilot.pause()
        assert not app.screen.query_one("#summary-conflicts-heading").display
        assert not app.screen.query_one("#summary-conflicts", OptionList).display
        await pilot.press("ctrl+q")


async def test_answers_of_several_interviews_found_in_a_session_of_one_get_their_panel(tmp_path: Path):
    """The panel is made only for a merged session; an answer that carries several interviews anyway still shows."""
    from elicit.core.session import InterviewAnswer

    path = make_session(tmp_path / "one.elicit.toml", current="mini.context.problem")
    app = app_on(path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, InterviewScreen) and not screen.query(InterviewAnswers)
        screen.service.answer("mini.context.platform", "Web")
        screen.session.answers["mini.context.platform"].interviews = [InterviewAnswer("ann", by="Ann", value="Web")]
        await screen.go_to_question("mini.context.platform")
        await pilot.pause()
        panel = screen.query_one(InterviewAnswers)
        assert panel.display and "ann · Ann" in str(panel.render())
        await screen.go_to_question("mini.context.problem")
        await pilot.pause()
        assert not screen.query_one(InterviewAnswers).display
        await pilot.press("ctrl+q")
