"""The interview screen: navigator, current question, answer, notes and the stories it produced."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.command import CommandPalette
from textual.containers import Container, Horizontal, VerticalScroll
from textual.widgets import TextArea

from elicit.core.banks import Question
from elicit.core.findings import ElicitError
from elicit.core.session import OpenSession, has_value

from ..commands import QuestionList, QuestionSearch, ScreenActions
from ..messages import AnswerEdited, NotesEdited, QuestionChosen, StoryChosen
from ..widgets.common.keybar import KeyBar
from ..widgets.interview.answer_inputs import NotesEditor, answer_input
from ..widgets.interview.navigator import Navigator
from ..widgets.interview.question_panel import QuestionPanel
from ..widgets.interview.question_stories import QuestionStories
from ..widgets.interview.session_header import SessionHeader, elapsed_since
from .session_screen import SessionScreen
from .story_editor import StoryDraft, StoryEditor


class InterviewScreen(SessionScreen[None]):
    """Runs the interview on one open session."""

    CSS_PATH = "interview.tcss"
    AUTO_FOCUS = ""  # the answer input takes focus once it is mounted
    COMMANDS = {ScreenActions, QuestionSearch}
    BINDINGS = [
        Binding("ctrl+n", "next", "Next", id="interview.next", tooltip="Go to the next question"),
        Binding("ctrl+b", "previous", "Back", id="interview.previous", tooltip="Go back to the previous question"),
        Binding("ctrl+g", "goto", "Go to", id="interview.goto", tooltip="Find a question by typing part of it"),
        Binding("f8", "skip", "Skip", id="interview.skip", tooltip="Mark the question skipped and go on"),
        Binding("ctrl+r", "revisit", "Revisit", id="interview.revisit", tooltip="Flag the question to come back to (again to clear)"),
        Binding("ctrl+t", "new_story", "Story", id="interview.story", tooltip="Capture a user story from this answer"),
        Binding("ctrl+o", "notes", "Notes", id="interview.notes", tooltip="Move between the answer and the notes"),
        Binding("f9", "navigator", "Questions", id="interview.navigator", tooltip="Move to the list of questions (again to come back)"),
        Binding("ctrl+l", "stories", "Stories", id="interview.stories", tooltip="Every story in a table"),
        Binding("f2", "summary", "Summary", id="interview.summary", tooltip="Coverage, open required questions, stories"),
        Binding("f3", "read_back", "Read back", id="interview.read_back", tooltip="Read the stories to the client one by one"),
        Binding("f4", "export", "Export", id="interview.export", tooltip="Write the draft spec"),
        Binding("ctrl+s", "save", "Save", id="interview.save", tooltip="Save now (elicit also saves by itself)"),
        Binding("f10", "close", "Close", id="interview.close", tooltip="Save and close this session"),
    ]

    def __init__(self, opened: OpenSession) -> None:
        super().__init__(opened)
        self.question: Question | None = None
        # Questions some condition looks at: only answers to these can change what applies.
        self.condition_inputs = {
            name for question in self.interview.questions if question.condition is not None for name, _ in question.condition.names()
        }

    def compose(self) -> ComposeResult:
        yield SessionHeader(id="session-header")
        with Horizontal(id="interview-body"):
            yield Navigator(id="navigator")
            with VerticalScroll(id="question-pane"):
                yield QuestionPanel(id="question")
                yield Container(id="answer-slot")
                yield Container(id="notes-slot")
                yield QuestionStories(id="question-stories")
        yield KeyBar()

    async def on_mount(self) -> None:
        title = self.session.title + (f" · {self.session.client}" if self.session.client else "")
        self.query_one(SessionHeader).update_parts(title=title, save_state=getattr(self.app, "save_state", "saved"))
        self.watch(self.app, "save_state", self._save_state_changed, init=False)
        self.question = self.interview.current
        if self.question is not None and self.session.current != self.question.id:
            self.service.go(self.question.id)
        await self._show_question()
        self._tick()
        self.set_interval(1.0, self._tick, name="elapsed")

    def on_screen_resume(self) -> None:
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
        question = self.question
        self.query_one(QuestionPanel).show(self.interview, question)
        answer_slot = self.query_one("#answer-slot", Container)
        notes_slot = self.query_one("#notes-slot", Container)
        await answer_slot.remove_children()
        await notes_slot.remove_children()
        if question is not None:
            answer = self.session.answers.get(question.id)
            editor = answer_input(question, answer.value if answer else None)
            await answer_slot.mount(editor)
            await notes_slot.mount(NotesEditor(question, answer.notes if answer else ""))
            if focus:
                editor.focus()
        self._show_stories()
        self._refresh_marks(rebuild=True)

    def _show_stories(self) -> None:
        stories = [s for s in self.session.stories if self.question is not None and self.question.id in s.source]
        key = self._key_for("new_story")
        self.query_one(QuestionStories).show(stories, key)

    def _refresh_marks(self, *, rebuild: bool = False, question: Question | None = None) -> None:
        navigator = self.query_one(Navigator)
        current_id = self.question.id if self.question else None
        if rebuild:
            navigator.show(self.interview, current_id)
        elif question is not None:
            navigator.update_question(self.interview, question)
            section = self.interview.section_of(question)
            if section is not None:
                navigator.update_section(self.interview, section)
        self.query_one(SessionHeader).update_parts(progress=self.interview.progress())
        self.query_one(QuestionPanel).show(self.interview, self.question)

    def _tick(self) -> None:
        app: Any = self.app
        elapsed = elapsed_since(self.session.started_at, app.opened_at, app.now())
        self.query_one(SessionHeader).update_parts(elapsed=elapsed)

    def _save_state_changed(self, state: str) -> None:
        self.query_one(SessionHeader).update_parts(save_state=state)

    def _key_for(self, action: str) -> str:
        for _key, active in self.active_bindings.items():
            if active.binding.action == action:
                return self.app.get_key_display(active.binding)
        for binding in self._bindings.key_to_bindings.values():
            for item in binding:
                if item.action == action:
                    return self.app.get_key_display(item)
        return action

    # changes coming up from the widgets

    @on(AnswerEdited)
    def _answer_edited(self, message: AnswerEdited) -> None:
        message.stop()
        question = self.interview.question(message.question_id)
        if question is not None:
            self._apply_answer(question, message.value)

    def _apply_answer(self, question: Question, value: Any) -> None:
        answer = self.session.answers.get(question.id)
        old = answer.value if answer is not None else None
        if _same_value(old, value) or (answer is None and value in (None, "", [])):
            return
        before_status = self.interview.status(question.id)
        steers = question.id in self.condition_inputs
        before_ids = [q.id for q in self.interview.applicable()] if steers else []
        if has_value(value):
            self.service.answer(question.id, value)
        else:  # an emptied field clears the answer: an empty answer is never "answered" (issue 13)
            self.service.clear(question.id)
        after_ids = [q.id for q in self.interview.applicable()] if steers else []
        if after_ids != before_ids:
            self._announce_change(before_ids, after_ids)
            self._refresh_marks(rebuild=True)
        elif self.interview.status(question.id) != before_status:
            self._refresh_marks(question=question)

    def _announce_change(self, before: list[str], after: list[str]) -> None:
        added = [qid for qid in after if qid not in set(before)]
        removed = [qid for qid in before if qid not in set(after)]
        parts = []
        if added:
            parts.append(f"{len(added)} follow-up question{'s' if len(added) > 1 else ''} now appl{'y' if len(added) > 1 else 'ies'}")
        if removed:
            parts.append(f"{len(removed)} question{'s' if len(removed) > 1 else ''} no longer appl{'y' if len(removed) > 1 else 'ies'}")
        if parts:
            self.notify("; ".join(parts), timeout=3)

    @on(NotesEdited)
    def _notes_edited(self, message: NotesEdited) -> None:
        message.stop()
        self._apply_notes(message.question_id, message.notes)

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
        for widget in self.query("#answer-slot > *"):
            current = getattr(widget, "current_value", None)
            if current is not None:
                self._apply_answer(self.question, current())
        for notes in self.query(NotesEditor):
            self._apply_notes(notes.question.id, notes.text)

    @on(QuestionChosen)
    async def _question_chosen(self, message: QuestionChosen) -> None:
        message.stop()
        await self.go_to_question(message.question_id, focus_answer=True)

    @on(StoryChosen)
    def _story_chosen(self, message: StoryChosen) -> None:
        message.stop()
        self.edit_story(message.story_id)

    # navigation

    async def go_to_question(self, question_id: str, *, focus_answer: bool = True) -> None:
        """Make a question current and show it."""
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

    def focus_answer(self) -> None:
        """Put the cursor in the answer input."""
        for widget in self.query("#answer-slot > *"):
            widget.focus()
            return

    async def _step(self, delta: int) -> None:
        self.commit()
        applicable = self.interview.applicable()
        if not applicable:
            return
        ids = [q.id for q in applicable]
        index = ids.index(self.question.id) if self.question is not None and self.question.id in ids else -1
        target = index + delta
        if target >= len(ids):
            self.notify(f"That was the last question. {self._key_for('summary')} shows what is still open.", timeout=4)
            return
        if target < 0:
            self.notify("This is the first question.", timeout=3)
            return
        await self.go_to_question(ids[target], focus_answer=not isinstance(self.focused, Navigator))

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
        self.service.skip(question.id)
        self._refresh_marks(question=question)
        await self._step(+1)

    def action_revisit(self) -> None:
        if self.question is None:
            return
        self.commit()
        flagged = self.service.toggle_revisit(self.question.id)
        self._refresh_marks(question=self.question)
        self.notify("Flagged to revisit." if flagged else "Revisit flag cleared.", timeout=2)

    def action_notes(self) -> None:
        notes = self.query(NotesEditor)
        if notes and not notes.first().has_focus:
            notes.first().focus()
        else:
            self.focus_answer()

    def action_navigator(self) -> None:
        navigator = self.query_one(Navigator)
        if navigator.has_focus:
            self.focus_answer()
        else:
            navigator.point_at(self.question.id if self.question else None)
            navigator.focus()

    # stories

    def _roles(self) -> list[str]:
        hint = self.question.story if self.question is not None else None
        return self.story_roles(hint=hint.role if hint is not None else "")

    def action_new_story(self) -> None:
        if self.question is None:
            return
        self.commit()
        question = self.question
        quote = ""
        for area in self.query("#answer-slot TextArea").results(TextArea):
            quote = area.selected_text.strip()
        draft = StoryDraft(source=[question.id], quote=quote)
        hint = question.story
        if hint is not None:
            draft.role = hint.role
            draft.want = "" if hint.want.strip() in ("", "...", "…") else hint.want
            draft.so_that = hint.so_that
        editor = StoryEditor(draft, heading=f"New story · from: {question.prompt}", roles=self._roles())

        def saved(result: StoryDraft | None) -> None:
            if result is None:
                self.focus_answer()
                return
            story = self.add_story(result)
            self._show_stories()
            self.notify(f"{story.id} saved ({story.priority}).", timeout=2)
            self.focus_answer()

        self.app.push_screen(editor, saved)

    def edit_story(self, story_id: str) -> None:
        """Open a story in the editor and apply the result."""
        story = self.session.story(story_id)
        if story is None:
            return
        self.commit()
        editor = StoryEditor(StoryDraft.of(story), heading=f"Edit {story.id}", roles=self._roles())

        def saved(result: StoryDraft | None) -> None:
            if result is not None:
                self.service.update_story(story_id, **result.values())
                self._show_stories()
                self.notify(f"{story_id} saved.", timeout=2)

        self.app.push_screen(editor, saved)

    # other screens

    def action_stories(self) -> None:
        self.commit()
        from .stories import StoriesScreen

        self.app.push_screen(StoriesScreen(self.opened))

    def action_summary(self) -> None:
        self.commit()
        from .summary import SummaryScreen

        self.app.push_screen(SummaryScreen(self.opened), self._jump_after)

    def action_read_back(self) -> None:
        self.commit()
        from .readback import ReadBackScreen

        self.app.push_screen(ReadBackScreen(self.opened))

    def action_export(self) -> None:
        self.commit()
        from .export import ExportScreen

        self.app.push_screen(ExportScreen(self.opened))

    def _jump_after(self, question_id: str | None) -> None:
        if question_id:
            self.jump_to(question_id)

    def action_save(self) -> None:
        self.commit()
        app: Any = self.app
        error = app.save_now()
        if error is None:
            self.notify("Saved.", timeout=2)

    def action_close(self) -> None:
        self.commit()
        app: Any = self.app
        app.close_session()


def _same_value(old: Any, new: Any) -> bool:
    if old is None or new is None:
        return old is None and new is None
    return type(old) is type(new) and old == new
