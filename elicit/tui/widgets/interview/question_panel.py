"""The current question: where it sits and the section's goal, the prompt, why we ask, the probes, and what comes next."""

from __future__ import annotations

from dataclasses import dataclass

from textual import getters
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from elicit.core.banks import Question
from elicit.core.session import Interview

from ...marks import STATUS_WORDS


@dataclass(frozen=True)
class QuestionView:
    """What the question panel shows: where the question sits, the section's goal, the prompt."""

    where: str = ""
    goal: str = ""
    prompt: str = "No question applies. Add a bank to the session, or change earlier answers."
    revisit: bool = False


def question_view(interview: Interview, question: Question | None) -> QuestionView:
    """The panel's view of ``question`` in the interview (the no-question view for None)."""
    if question is None:
        return QuestionView()
    applicable = interview.applicable()
    position = next((i for i, q in enumerate(applicable) if q.id == question.id), 0) + 1
    section = interview.section_of(question)
    status = interview.status(question.id)
    parts = [section.title if section else question.section_id, f"{position} of {len(applicable)}"]
    if question.required:
        parts.append("required")
    parts.append(STATUS_WORDS.get(status, status))
    goal = section.goal if section is not None else ""
    return QuestionView(" · ".join(parts), goal, question.prompt, status == "revisit")


class QuestionPanel(Vertical):
    """Where the question sits, its section's goal and its prompt: always in view above the answer.

    The screen sets :attr:`view`; the panel redraws itself from it.
    """

    DEFAULT_CSS = """
    QuestionPanel {
        height: auto;
        padding: 0 1;
    }

    QuestionPanel #question-where {
        color: $text-muted;
        height: 1;
        text-overflow: ellipsis;
        text-wrap: nowrap;
    }

    QuestionPanel #question-where.-revisit {
        color: $warning;
        text-style: bold;
    }

    QuestionPanel #question-goal {
        color: $text-muted;
        height: auto;
        max-height: 3;
    }

    QuestionPanel #question-prompt {
        text-style: bold;
        color: $text;
        height: auto;
        max-height: 4;
    }
    """

    view: reactive[QuestionView] = reactive(QuestionView, init=False)
    where_line = getters.query_one("#question-where", Static)
    goal_line = getters.query_one("#question-goal", Static)
    prompt_line = getters.query_one("#question-prompt", Static)

    def compose(self) -> ComposeResult:
        yield Static(id="question-where")
        yield Static(id="question-goal")
        yield Static(id="question-prompt")

    _drawn: QuestionView | None = None

    def on_mount(self) -> None:
        self.watch_view(self.view)

    def watch_view(self, view: QuestionView) -> None:
        # The where line is one row whatever it says: redrawn without a layout. The goal and the prompt may take
        # another row, so they are set (and the screen laid out) only when they change: a first key typed changes
        # only the status word in the where line, and a layout of the whole screen cost that key ~10 ms.
        drawn, self._drawn = self._drawn, view
        self.where_line.update(Content(view.where), layout=False)
        self.where_line.set_class(view.revisit, "-revisit")
        if drawn is None or drawn.goal != view.goal:
            self.goal_line.update(Content(f"Goal: {view.goal}") if view.goal else "")
            self.goal_line.display = bool(view.goal)
        if drawn is None or drawn.prompt != view.prompt:
            self.prompt_line.update(Content(view.prompt))


class QuestionScroll(VerticalScroll):
    """The question's help, inputs and stories, scrolled up and down; its sideways keys are off (nothing is wider
    than the pane), so f1 on an answer does not list 'Scroll Left' and 'Page Right' among its keys (trial2 T24)."""

    SIDEWAYS = frozenset({"scroll_left", "scroll_right", "page_left", "page_right"})

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action not in self.SIDEWAYS and super().check_action(action, parameters)


class QuestionHelp(Static):
    """Why we ask and the probing follow-ups: one widget, the two parts styled by its component classes (a
    container of two statics cost the first frame two widgets more, ~9 M instructions; issue 18)."""

    COMPONENT_CLASSES = {"question-help--why", "question-help--probes"}
    DEFAULT_CSS = """
    QuestionHelp {
        height: auto;
    }

    QuestionHelp > .question-help--why {
        color: $text-muted;
        text-style: italic;
    }

    QuestionHelp > .question-help--probes {
        color: $secondary;
    }
    """

    question: reactive[Question | None] = reactive(None, init=False)
    """The question shown; the screen sets it, the widget redraws itself."""

    def on_mount(self) -> None:
        self.watch_question(self.question)

    def watch_question(self, question: Question | None) -> None:
        parts = []
        if question is not None and question.why:
            parts.append(Content.styled(f"Why: {question.why}", ".question-help--why"))
        if question is not None and question.probes:
            parts.append(Content.styled("\n".join(f"› {probe}" for probe in question.probes), ".question-help--probes"))
        self.update(Content("\n").join(parts))
        self.display = bool(parts)


class NextQuestion(Static):
    """One line: the question that comes next (or that this is the last one)."""

    DEFAULT_CSS = """
    NextQuestion {
        height: 1;
        padding: 0 1;
        color: $text-muted;
        background: $boost;
        text-overflow: ellipsis;
        text-wrap: nowrap;
    }
    """

    def show(self, interview: Interview, question: Question | None) -> None:
        """Preview the question after ``question``."""
        self.update(_next_line(interview, question), layout=False)  # one row, whatever it says: no layout


def _next_line(interview: Interview, question: Question | None) -> Content:
    applicable = interview.applicable()
    ids = [q.id for q in applicable]
    if question is None or question.id not in ids:
        return Content("")
    index = ids.index(question.id)
    if index + 1 >= len(applicable):
        return Content("Next: nothing — this is the last question")
    following = applicable[index + 1]
    section = interview.section_of(following)
    same = section is not None and section.id == question.section_id
    where = "" if same or section is None else f"[{section.title}] "
    return Content(f"Next: {where}{following.prompt}")
