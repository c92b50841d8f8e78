"""The current question: where it sits and the section's goal, the prompt, why we ask, the probes, and what comes next."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from elicit.core.banks import Question
from elicit.core.session import Interview

from ...marks import STATUS_WORDS


class QuestionPanel(Vertical):
    """Where the question sits, its section's goal and its prompt: always in view above the answer."""

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

    def compose(self) -> ComposeResult:
        yield Static(id="question-where")
        yield Static(id="question-goal")
        yield Static(id="question-prompt")

    def show(self, interview: Interview, question: Question | None) -> None:
        """Show ``question`` (or that there is none)."""
        where = self.query_one("#question-where", Static)
        goal = self.query_one("#question-goal", Static)
        prompt = self.query_one("#question-prompt", Static)
        if question is None:
            where.update("")
            goal.display = False
            prompt.update("No question applies. Add a bank to the session, or change earlier answers.")
            return
        applicable = interview.applicable()
        position = next((i for i, q in enumerate(applicable) if q.id == question.id), 0) + 1
        section = interview.section_of(question)
        status = interview.status(question.id)
        parts = [section.title if section else question.section_id, f"{position} of {len(applicable)}"]
        if question.required:
            parts.append("required")
        parts.append(STATUS_WORDS.get(status, status))
        where.update(Content(" · ".join(parts)))
        where.set_class(status == "revisit", "-revisit")
        goal.update(Content(f"Goal: {section.goal}") if section is not None and section.goal else "")
        goal.display = section is not None and bool(section.goal)
        prompt.update(Content(question.prompt))


class QuestionHelp(Vertical):
    """Why we ask and the probing follow-ups."""

    DEFAULT_CSS = """
    QuestionHelp {
        height: auto;
    }

    QuestionHelp #question-why {
        color: $text-muted;
        text-style: italic;
    }

    QuestionHelp #question-probes {
        color: $secondary;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="question-why")
        yield Static(id="question-probes")

    def show(self, question: Question | None) -> None:
        """Show what the question says about itself."""
        why = self.query_one("#question-why", Static)
        probes = self.query_one("#question-probes", Static)
        why.update(Content(f"Why: {question.why}") if question is not None and question.why else "")
        why.display = question is not None and bool(question.why)
        probes.update(Content("\n".join(f"› {probe}" for probe in question.probes)) if question is not None else "")
        probes.display = question is not None and bool(question.probes)


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
        applicable = interview.applicable()
        ids = [q.id for q in applicable]
        if question is None or question.id not in ids:
            self.update("")
            return
        index = ids.index(question.id)
        if index + 1 >= len(applicable):
            self.update(Content("Next: nothing — this is the last question"))
            return
        following = applicable[index + 1]
        section = interview.section_of(following)
        same = section is not None and section.id == question.section_id
        where = "" if same or section is None else f"[{section.title}] "
        self.update(Content(f"Next: {where}{following.prompt}"))
