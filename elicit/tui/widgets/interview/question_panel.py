"""The current question: where it sits, the prompt, why we ask and the probes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from elicit.core.banks import Question
from elicit.core.session import Interview

from ...marks import STATUS_WORDS


class QuestionPanel(Vertical):
    """Shows one question; ``show()`` replaces it."""

    def compose(self) -> ComposeResult:
        yield Static(id="question-where")
        yield Static(id="question-prompt")
        yield Static(id="question-why")
        yield Static(id="question-probes")

    def show(self, interview: Interview, question: Question | None) -> None:
        """Show ``question`` (or that there is none)."""
        where = self.query_one("#question-where", Static)
        prompt = self.query_one("#question-prompt", Static)
        why = self.query_one("#question-why", Static)
        probes = self.query_one("#question-probes", Static)
        if question is None:
            where.update("")
            prompt.update("No question applies. Add a bank to the session, or change earlier answers.")
            why.display = probes.display = False
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
        prompt.update(Content(question.prompt))
        why.update(Content(f"Why: {question.why}") if question.why else "")
        why.display = bool(question.why)
        probes.update(Content("\n".join(f"› {probe}" for probe in question.probes)))
        probes.display = bool(question.probes)
