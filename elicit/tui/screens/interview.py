"""The interview screen: navigator, current question, answer, notes and the stories it produced."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from textual import events, on
from textual.app import ComposeResult
from textual.command import CommandPalette
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import TextArea

from elicit.core.banks import Question
from elicit.core.findings import ElicitError
from elicit.core.session import (
    OpenSession,
    Story,
    answer_text,
    applicability_change,
    clock_reading,
    has_value,
    suspect_reason,
    suspect_stories,
)

from ..bindings import bindings
from ..commands import QuestionList, QuestionSearch, ScreenActions
from ..marks import priority_label
from ..messages import AnswerEdited, NotesEdited, QuestionChosen, StoryChosen, TypedAside
from ..widgets.common.keybar import KeyBar
from ..widgets.interview.answer_inputs import NotesEditor, answer_input
from ..widgets.interview.navigator import Navigator
from ..widgets.interview.question_panel import NextQuestion, QuestionHelp, QuestionPanel, QuestionScroll, question_view
from ..widgets.interview.session_header import SessionHeader
from ..widgets.interview.stories_hint import StoriesHint
from .session_screen import SessionScreen

if TYPE_CHECKING:
    from ..widgets.interview.interview_answers import InterviewAnswers
    from ..widgets.interview.question_stories import QuestionStories


class InterviewScreen(SessionScreen[None]):
    """Runs the interview on one open session."""

    CSS_PATH = "interview.tcss"
    AUTO_FOCUS = ""  # the answer input takes focus once it is mounted
    COMMANDS = {ScreenActions, QuestionSearch}
    BINDINGS = bindings("interview")
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]
    """A tall terminal (120x40) gives the answer box the rows that sat empty below the stories (trial F9)."""

    def __init__(self, opened: OpenSession) -> None:
        super().__init__(opened)
        self._styled_once = False
        """Whether Textual has resumed the screen once (the first resume, right after its mount, needs no restyle)."""
        self.shown = asyncio.Event()
        """Set once the screen is mounted with its first question (the app, starting on this screen, waits for it)."""
        self.question: Question | None = None
        self._stories: list[Story] = []
        self._stories_key: tuple[str | None, int, int] | None = None
        self._stories_shown: tuple[tuple[str | None, int, int] | None, dict[str, str]] | None = None
        # Questions some condition looks at: only answers to these can change what applies.
        self.condition_inputs = {
            name for question in self.interview.questions if question.condition is not None for name, _ in question.condition.names()
        }

    def compose(self) -> ComposeResult:
        # The first question's inputs are part of the screen from the start: mounting them after it
        # would lay the screen out twice before the first frame.
        self.question = self.interview.current
        self._set_height_class()
        # The screen keeps the widgets it composes (they stay for its life; only the answer inputs change):
        # what a keystroke or the clock updates is at hand, not looked up in the DOM each time.
        self._inputs = self._answer_inputs()
        self._header = SessionHeader(id="session-header")
        self._navigator = Navigator(id="navigator")
        self._panel = QuestionPanel(id="question")
        self._scroll = QuestionScroll(id="question-scroll")
        self._help = QuestionHelp(id="question-help")
        # Each interview's answer shows only in a merged session: a session of one interview never makes the panel.
        self._interview_answers = _interview_answers() if self.session.merged_from else None
        # The stories box is one line of text until the question has a story: the list is made with the first.
        self._stories_hint = StoriesHint(id="question-stories-hint")
        first_stories = [] if self.opened.loading else self._question_stories()
        self._stories_list = _stories_list() if first_stories else None
        self._stories_hint.display = not first_stories
        self._next = NextQuestion(id="question-next")
        yield self._header
        with Horizontal(id="interview-body"):
            yield self._navigator
            with Vertical(id="question-pane"):
                yield self._panel
                with self._scroll:
                    yield self._help
                    if self._interview_answers is not None:
                        yield self._interview_answers
                    yield from self._inputs  # in the scroll itself: a container around each cost the first frame two widgets
                    yield self._stories_hint
                    if self._stories_list is not None:
                        yield self._stories_list
                yield self._next
        yield KeyBar()

    def _set_height_class(self) -> None:
        """The breakpoint class for the terminal's height, before the first frame.

        Textual sets it on the first Resize, which reaches the screen after its first frame: that frame had the
        short layout at 120x40 and the next restyled every widget and laid the screen out again (a jump, ~15 ms).
        Set here, the Resize finds the class already right and changes nothing.
        """
        height = self.app.size.height
        names = [name for _, name in self.VERTICAL_BREAKPOINTS]
        chosen = next((name for at, name in sorted(self.VERTICAL_BREAKPOINTS, reverse=True) if height >= at), None)
        self.update_classes({name: name == chosen for name in names}, update=False)

    def _answer_inputs(self) -> list[Widget]:
        """The current question's answer input and notes editor, in that order (none without a question)."""
        question = self.question
        if question is None:
            return []
        answer = self.session.answers.get(question.id)
        return [answer_input(question, answer.value if answer else None), NotesEditor(question, answer.notes if answer else "")]

    async def on_mount(self) -> None:
        header = self._header
        header.title_text = self.session.title + (f" · {self.session.client}" if self.session.client else "")
        header.speaker = self.service.speaker
        self.watch(self.app, "save_state", self._save_state_changed)
        self.watch(self.app, "paused", self._paused_changed)
        self.watch(self.app, "stories_loading", self._stories_loading_changed, init=False)
        if self.question is not None and self.session.current != self.question.id:
            self.service.go(self.question.id)
        self._show_around_inputs(focus=True)
        self._show_clock()
        if self.app.clock_ticks:
            self.set_interval(1.0, self.tick, name="interview-clock")
        self.shown.set()
        self.call_after_refresh(self._offer_draft)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if not self._styled_once:
            # Textual resumes a screen right after its mount and restyles every widget on it then, each just styled
            # when it was mounted (the height class is set in compose, before they were): ~8 ms before the first
            # frame, for nothing. Later resumes (a dialog or screen closed over this one) restyle as Textual decides.
            self._styled_once = True
            event.refresh_styles = False
        if self.is_mounted and self.question is not None and self.changed_while_away():
            self.run_worker(self.refresh_all(), exclusive=True, group="refresh")

    async def refresh_all(self) -> None:
        """Show the session again after another screen changed it."""
        current = self.interview.current
        if current is not None and (self.question is None or current.id != self.question.id):
            self.question = current
            await self._show_question()
        else:
            self._refresh_marks(rebuild=True)
            self._show_stories()

    # showing

    async def _show_question(self, focus: bool = True) -> None:
        # The help first: the layout it asks for is pending while the inputs are taken down, so Textual lays the
        # screen out before it paints again and never paints an input it has taken down (a race seen in tests).
        # The prompt and the next line with it, before the first await: a frame painted while the inputs are taken
        # down showed the old prompt under the new question's Why (for about a second under load, trial 5).
        self._help.question = self.question
        self._panel.view = question_view(self.interview, self.question)
        self._next.show(self.interview, self.question)
        shown, self._inputs = self._inputs, []  # while they go, nothing commits from or focuses them
        await self._scroll.remove_children(shown)
        self._inputs = self._answer_inputs()
        if self._inputs:
            await self._scroll.mount_all(self._inputs, before=self._stories_hint)
        self._show_around_inputs(focus=focus)

    def _show_around_inputs(self, *, focus: bool) -> None:
        """Show everything about the current question but its inputs (which are in their slots)."""
        question = self.question
        self._help.question = question
        self._show_interview_answers(question)
        if focus:
            self.focus_answer()
        self._scroll.scroll_home(animate=False)
        self._show_stories()
        self._refresh_marks(rebuild=True)

    def _show_interview_answers(self, question: Question | None) -> None:
        answer = self.session.answers.get(question.id) if question is not None else None
        if self._interview_answers is None:
            if answer is None or not answer.interviews:
                return
            self._interview_answers = _interview_answers()  # answers of several interviews after all
            self._scroll.mount(self._interview_answers, after=self._help)
        self._interview_answers.show(question, answer)

    def _show_stories(self) -> None:
        hint = self._stories_hint
        if self.opened.loading:
            hint.say_loading()
            self._show_stories_listed(False)
            return
        stories = self._question_stories()
        reasons = self._suspect_reasons(stories)
        self._stories_shown = (self._stories_key, reasons)
        if stories:
            self._listed_stories().show(stories, reasons)
        else:
            hint.say_none(self.key_for("interview.story"))
        self._show_stories_listed(bool(stories))

    def _listed_stories(self) -> QuestionStories:
        """The list of the question's stories, made (in the hint's place) when the first question with a story shows."""
        if self._stories_list is None:
            self._stories_list = _stories_list()
            self._scroll.mount(self._stories_list, after=self._stories_hint)
        return self._stories_list

    def _show_stories_listed(self, listed: bool) -> None:
        """The list in the stories box, or the hint (no story, or the stories still loading)."""
        stories_list = self._stories_list
        if stories_list is not None:
            if not listed and stories_list.has_focus:
                self.focus_answer()  # its last story went (edited away from this question): the keys go to the answer
            stories_list.display = listed
        self._stories_hint.display = not listed

    def _question_stories(self) -> list[Story]:
        """The stories whose source includes the current question, kept until a change may touch a story.

        Typing an answer changes no story, so a keystroke in a 5,000-story session does not look at them all.
        """
        key = (self.question.id if self.question is not None else None, self.service.stories_revision, id(self.session.stories))
        if key != self._stories_key:
            question_id = key[0]
            self._stories = [story for story in self.session.stories if question_id is not None and question_id in story.source]
            self._stories_key = key
        return self._stories

    def _suspect_reasons(self, stories: list[Story]) -> dict[str, str]:
        suspects = suspect_stories(self.session, stories)
        return {story.id: suspect_reason(story) for story in stories if story.id in suspects}

    def _refresh_marks(self, *, rebuild: bool = False, question: Question | None = None) -> None:
        navigator = self._navigator
        current_id = self.question.id if self.question else None
        if rebuild:
            navigator.show(self.interview, current_id)
        elif question is not None:
            navigator.update_question(self.interview, question)
            section = self.interview.section_of(question)
            if section is not None:
                navigator.update_section(self.interview, section)
        header = self._header
        header.progress = progress = self.interview.progress()
        header.tooltip = f"{progress.done}/{progress.total} done: {self.interview.question_count()}"
        self._panel.view = question_view(self.interview, self.question)
        self._next.show(self.interview, self.question)

    # the clock: interview time is the session's, counted only while open and not paused

    def tick(self) -> None:
        """One second of the interview (unless paused): the app's timer calls this once a second."""
        if self.opened is not self.app.opened:
            return  # its session is closed: this screen is on its way out
        section_id = self.question.section_id if self.question is not None and self._on_question() else None
        self.app.tick(section_id)
        self._show_clock()

    def _on_question(self) -> bool:
        """Whether the interview is at its question: this screen on top, or only dialogs opened over it (a story,
        a decision, the palette). Time on the summary, read-back, stories, review or export screens is charged
        to no section (trial2 T23: it ran the current section over its budget)."""
        for screen in reversed(self.app.screen_stack):
            if screen is self:
                return True
            if not isinstance(screen, ModalScreen):
                return False
        return False

    def _show_clock(self) -> None:
        header = self._header
        clock = clock_reading(self.interview, self.question.section_id if self.question is not None else None)  # once a second: no summary
        header.seconds = clock.interview_seconds
        header.paused = self.app.paused
        header.left_seconds = clock.seconds_left
        header.section_over_seconds = clock.section_over_seconds or 0

    def _stories_loading_changed(self, loading: bool) -> None:
        if not loading and self.is_mounted:
            self._stories_key = None  # the session's stories are a new list now
            self._show_stories()
            self._offer_draft()

    def _save_state_changed(self, state: str) -> None:
        self._header.save_state = state

    def _paused_changed(self, paused: bool) -> None:
        self._show_clock()

    # changes coming up from the widgets

    @on(AnswerEdited)
    def _answer_edited(self, message: AnswerEdited) -> None:
        message.stop()
        question = self.interview.question(message.question_id)
        if question is not None:
            self._apply_answer(question, message.value)

    def _apply_answer(self, question: Question, value: Any) -> None:
        """Record what the input holds; an empty input is no answer (it clears one that was there)."""
        answer = self.session.answers.get(question.id)
        old = answer.value if answer is not None else None
        if not has_value(value):
            if answer is None or not has_value(old):
                return
            value = None
        elif _same_value(old, value):
            return
        before_status = self.interview.status(question.id)
        steers = question.id in self.condition_inputs
        before_ids = [q.id for q in self.interview.applicable()] if steers else []
        try:
            if value is None:
                self.service.clear(question.id)
            else:
                self.service.answer(question.id, value)
        except ElicitError as error:  # the input keeps what was typed; nothing is recorded
            self.notify(str(error), severity="warning", timeout=4)
            return
        after_ids = [q.id for q in self.interview.applicable()] if steers else []
        self._stories_of_answer_changed(question)
        if after_ids != before_ids:
            self._announce_change(before_ids, after_ids)
            self._refresh_marks(rebuild=True)
        elif self.interview.status(question.id) != before_status:
            self._refresh_marks(question=question)

    def _stories_of_answer_changed(self, question: Question) -> None:
        """Show the question's stories again when one drawn from this answer is suspect now (or no longer)."""
        stories = self._question_stories()
        if any(question.id in story.source for story in stories):
            if self._stories_shown != (self._stories_key, self._suspect_reasons(stories)):
                self._show_stories()

    def _announce_change(self, before: list[str], after: list[str]) -> None:
        change = applicability_change(before, after)
        if change:
            self.notify(change, timeout=3)

    @on(NotesEdited)
    def _notes_edited(self, message: NotesEdited) -> None:
        message.stop()
        self._apply_notes(message.question_id, message.notes)

    @on(TypedAside)
    def _typed_aside(self, message: TypedAside) -> None:
        """Words typed into an options answer go on in the notes, where nothing is lost."""
        message.stop()
        for notes in self._notes():
            if notes.question.id == message.question_id:
                glue = " " if notes.text and not notes.text.endswith((" ", "\n")) else ""
                notes.insert(glue + message.text, notes.document.end)
                notes.move_cursor(notes.document.end)
                notes.focus(scroll_visible=False)
                if message.kept:
                    self.notify(f"{message.kept} is picked; what you type goes in the notes.", timeout=3)
                else:
                    self.notify("This question takes a pick; what you type goes in the notes.", timeout=3)

    def _apply_notes(self, question_id: str, notes: str) -> None:
        answer = self.session.answers.get(question_id)
        if (answer.notes if answer else "") == notes:
            return
        question = self.interview.question(question_id)
        before = self.interview.status(question_id)
        self.service.set_notes(question_id, notes)
        if question is not None and self.interview.status(question_id) != before:
            self._refresh_marks(question=question)

    def commit(self) -> None:
        """Apply what the answer and notes inputs hold now (before moving away)."""
        if self.question is None:
            return
        for widget in self._inputs[:1]:
            current = getattr(widget, "current_value", None)
            if current is not None:
                self._apply_answer(self.question, current())
            words = getattr(widget, "words", None)
            if words is not None:
                self._keep_in_notes(words())
        for notes in self._notes():
            self._apply_notes(notes.question.id, notes.text)

    def _keep_in_notes(self, words: str) -> None:
        """Words typed into a number answer ('about 150') go on in the notes, once (trial2 T7)."""
        if not words or self.question is None:
            return
        for notes in self._notes():
            if notes.question.id == self.question.id and words not in notes.text:
                glue = " " if notes.text and not notes.text.endswith((" ", "\n")) else ""
                notes.insert(glue + words, notes.document.end)

    @on(QuestionChosen)
    async def _question_chosen(self, message: QuestionChosen) -> None:
        message.stop()
        await self.go_to_question(message.question_id, focus_answer=True)

    @on(StoryChosen)
    def _story_chosen(self, message: StoryChosen) -> None:
        message.stop()
        self.edit_story(message.story_id)

    # navigation

    async def go_to_question(self, question_id: str, *, focus_answer: bool = True, commit: bool = True) -> None:
        """Make a question current and show it (``commit``: first apply what the inputs of the one left hold)."""
        if commit:
            self.commit()
        try:
            question = self.service.go(question_id)
        except ElicitError as error:
            self.notify(str(error), severity="warning")
            return
        self.question = question
        await self._show_question(focus=False)
        if focus_answer:
            self.focus_answer()

    def jump_to(self, question_id: str) -> None:
        """Go to a question from outside a coroutine (palette, other screens)."""
        self.run_worker(self.go_to_question(question_id), group="jump")

    def _notes(self) -> list[NotesEditor]:
        """The current question's notes editor (none without a question)."""
        return [widget for widget in self._inputs if isinstance(widget, NotesEditor)]

    def focus_answer(self) -> None:
        """Put the cursor in the answer input."""
        for widget in self._inputs[:1]:
            widget.focus(scroll_visible=False)

    async def _step(self, delta: int, *, commit: bool = True) -> None:
        if commit:
            self.commit()
        applicable = self.interview.applicable()
        if not applicable:
            return
        ids = [q.id for q in applicable]
        index = ids.index(self.question.id) if self.question is not None and self.question.id in ids else -1
        target = index + delta
        if target >= len(ids):
            self.notify(f"That was the last question. {self.key_for('interview.summary')} shows what is still open.", timeout=4)
            return
        if target < 0:
            self.notify("This is the first question.", timeout=3)
            return
        await self.go_to_question(ids[target], focus_answer=not isinstance(self.focused, Navigator), commit=commit)

    async def action_next(self) -> None:
        await self._step(+1)

    async def action_previous(self) -> None:
        await self._step(-1)

    def action_goto(self) -> None:
        self.commit()
        self.app.push_screen(CommandPalette(providers=[QuestionList], placeholder="Go to question… (type part of it)"))

    async def action_skip(self) -> None:
        if self.question is None:
            return
        self.commit()
        question = self.question
        if question.required:
            self.notify("This question is required: skipped for now, it stays on the open list.", severity="warning", timeout=4)
        before_ids = [q.id for q in self.interview.applicable()]
        self.service.skip(question.id)
        after_ids = [q.id for q in self.interview.applicable()]
        if after_ids != before_ids:
            self._announce_change(before_ids, after_ids)
            self._refresh_marks(rebuild=True)
        else:
            self._refresh_marks(question=question)
        await self._step(+1, commit=False)  # the answer widget still shows the value skip took away

    def action_revisit(self) -> None:
        if self.question is None:
            return
        self.commit()
        flagged = self.service.toggle_revisit(self.question.id)
        self._refresh_marks(question=self.question)
        self.notify("Flagged to revisit." if flagged else "Revisit flag cleared.", timeout=2)

    def action_notes(self) -> None:
        notes = self._notes()
        if notes and not notes[0].has_focus:
            notes[0].focus()
        else:
            self.focus_answer()

    def action_navigator(self) -> None:
        navigator = self._navigator
        if navigator.has_focus:
            self.focus_answer()
        else:
            navigator.point_at(self.question.id if self.question else None)
            navigator.focus()

    def action_pause(self) -> None:
        self.commit()
        self.app.paused = not self.app.paused
        self.notify("Clock paused." if self.app.paused else "Clock running again.", timeout=2)

    # what the client said: the answer's selected words, or a choice's text

    def _selected_words(self) -> str:
        for editor in self._inputs[:1]:
            if isinstance(editor, TextArea):  # a free-text answer
                return editor.selected_text.strip()
        if self.question is not None and self.question.kind != "text":
            answer = self.session.answers.get(self.question.id)
            if answer is not None and has_value(answer.value):
                return answer_text(answer.value)
        return ""

    # stories

    def _roles(self) -> list[str]:
        hint = self.question.story if self.question is not None else None
        return self.story_roles(hint=hint.role if hint is not None else "")

    def action_new_story(self) -> None:
        from .story_editor import StoryDraft, StoryEditor, draft_from_hint  # not needed until then: start-up stays short

        if self.question is None:
            return
        self.commit()
        question = self.question
        draft = StoryDraft(source=[question.id], quote=self._selected_words() if question.kind == "text" else "")
        editor = StoryEditor(draft, heading=f"New story · from: {question.prompt}", roles=self._roles(), hint=draft_from_hint(question.story))

        def saved(result: StoryDraft | None) -> None:
            if result is None:
                self.focus_answer()
                return
            story = self.add_story(result)
            self._show_stories()
            self.notify(f"{story.id} saved ({priority_label(story.priority)}).", timeout=2)  # "Won't", as everywhere (trial2 T4)
            self.focus_answer()

        self.app.push_screen(editor, saved)

    def _offer_draft(self) -> None:
        """What was in an editor when elicit stopped (a crash, a kill: trial5 T5-3) opens in it again, to save or
        discard; a draft the session already holds (saved just before elicit stopped) is only removed."""
        from elicit.core.session import clear_draft, draft_path, read_draft

        path = self.opened.path
        if self.opened.loading or self.app.screen is not self or not draft_path(path).exists():
            return  # (the stories of a big session are still being read: offered once they are in)
        data = read_draft(path)
        if data is not None and data.get("kind") == "item":
            self._offer_item(data)
            return
        from .story_editor import StoryDraft, StoryEditor, recovered_draft

        recovered = recovered_draft(path, self.session.stories)
        if recovered is None:
            clear_draft(path)
            return
        draft, story_id = recovered
        story = self.session.story(story_id) if story_id else None
        heading = f"{story.id}: the change you were typing when elicit stopped" if story else "The story you were typing when elicit stopped"
        editor = StoryEditor(draft, heading=heading, roles=self._roles(), story_id=story.id if story else "")

        def saved(result: StoryDraft | None) -> None:
            clear_draft(path)
            if result is None:
                self.focus_answer()
                return
            if story is not None:
                self.service.update_story(story.id, **result.values())
                saved_id = story.id
            else:
                saved_id = self.add_story(result).id
            self._show_stories()
            self.notify(f"{saved_id} saved.", timeout=2)
            self.focus_answer()

        self.app.push_screen(editor, saved)  # its heading says why it is open (no toast over its keys at 80x24)

    def _offer_item(self, data: dict[str, Any]) -> None:
        """A decision, open question, assumption or term that was in the capture editor when elicit stopped."""
        from elicit.core.session import clear_draft

        from .capture import ItemDraft, ItemEditor, recovered_item, save_item, update_item

        path = self.opened.path
        draft = recovered_item(data, self.session)
        if draft is None:
            clear_draft(path)
            return

        def saved(result: ItemDraft | None) -> None:
            clear_draft(path)
            if result is not None:
                if result.item_id:
                    update_item(self.service, result)
                    label = result.item_id
                else:
                    label = save_item(self.service, result)
                self.notify(f"{label} saved.", timeout=2)
            self.focus_answer()

        self.app.push_screen(ItemEditor(draft, heading="typed when elicit stopped", people=self._people()), saved)

    def edit_story(self, story_id: str) -> None:
        """Open a story in the editor and apply the result."""
        from .story_editor import StoryDraft, StoryEditor

        story = self.session.story(story_id)
        if story is None:
            return
        self.commit()
        editor = StoryEditor(StoryDraft.of(story), heading=f"Edit {story.id}", roles=self._roles(), story_id=story.id)

        def saved(result: StoryDraft | None) -> None:
            if result is not None:
                self.service.update_story(story_id, **result.values())
                self._show_stories()
                self.notify(f"{story_id} saved.", timeout=2)

        self.app.push_screen(editor, saved)

    # decisions, open questions, assumptions, terms

    def action_capture(self) -> None:
        from .capture import CaptureMenu  # not needed until then: start-up stays short

        if self.question is None:
            return
        self.commit()
        self.app.push_screen(CaptureMenu(self.session.participants, self.service.speaker), self._capture_kind)

    def _capture_kind(self, kind: str | None) -> None:
        from .capture import ItemDraft, ItemEditor, save_item

        if kind is None or self.question is None:
            self.focus_answer()
            return
        if kind == "list":
            self.app.show_items()
            return
        if kind.startswith("speaker:"):
            self._speaker_picked(int(kind.removeprefix("speaker:")))
            return
        question = self.question
        draft = ItemDraft(kind, text=self._selected_words(), source=[question.id])
        heading = f"from: {question.prompt}"

        def saved(result: ItemDraft | None) -> None:
            if result is not None:
                label = save_item(self.service, result)
                self.notify(f"{label} saved.", timeout=2)
            self.focus_answer()

        self.app.push_screen(ItemEditor(draft, heading=heading, people=self._people()), saved)

    # who is speaking

    def action_cycle_speaker(self) -> None:
        """The next participant is speaking (after the last: nobody)."""
        if not self.session.participants:
            self.notify("This session has no participants: nothing is credited to anyone.", severity="warning", timeout=3)
            return
        self._show_speaker(self.service.cycle_speaker())

    def _speaker_picked(self, number: int) -> None:
        try:
            speaker = self.service.set_speaker(str(number) if number else "")
        except ElicitError as error:
            self.notify(str(error), severity="warning", timeout=4)
        else:
            self._show_speaker(speaker)
        self.focus_answer()

    def _show_speaker(self, speaker: str) -> None:
        self._header.speaker = speaker
        self.notify(f"{speaker} is speaking." if speaker else "Nobody is speaking: nothing is credited.", timeout=2)

    def _people(self) -> list[str]:
        names = [p.name for p in self.session.participants if p.name]
        if self.session.interviewer:
            names.append(self.session.interviewer)
        return names

    # other screens

    def action_stories(self) -> None:
        self.commit()
        self.app.show_stories()

    def action_summary(self) -> None:
        self.commit()
        self.app.show_summary(self._jump_after)

    def action_read_back(self) -> None:
        self.commit()
        self.app.show_read_back()

    def action_export(self) -> None:
        self.commit()
        self.app.show_export()

    def action_review(self) -> None:
        self.commit()
        self.app.show_review()

    def _jump_after(self, question_id: str | None) -> None:
        if question_id:
            self.jump_to(question_id)

    def action_save(self) -> None:
        self.commit()
        if self.app.save_now() is None:
            self.notify("Saved.", timeout=2)

    def action_close(self) -> None:
        self.commit()
        self.app.close_session()


def _same_value(old: Any, new: Any) -> bool:
    if old is None or new is None:
        return old is None and new is None
    return type(old) is type(new) and old == new


def _stories_list() -> QuestionStories:
    """The list of the current question's stories: loaded with the first question that has one."""
    from ..widgets.interview.question_stories import QuestionStories

    return QuestionStories(id="question-stories")


def _interview_answers() -> InterviewAnswers:
    """The panel of each interview's answers: only a merged session has them, so it loads only for one."""
    from ..widgets.interview.interview_answers import InterviewAnswers

    return InterviewAnswers(id="interview-answers")
