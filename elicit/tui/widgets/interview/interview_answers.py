"""In a merged session: what each interview answered to the current question, with its interview and speaker."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from elicit.core.banks import Question
from elicit.core.session import Answer, has_value

from ...marks import STATUS_WORDS


class InterviewAnswers(Static):
    """One line per interview that recorded the question; hidden in a session of one interview."""

    DEFAULT_CSS = """
    InterviewAnswers {
        height: auto;
        border: round $secondary 50%;
        padding: 0 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "In the interviews"

    def show(self, question: Question | None, answer: Answer | None) -> None:
        """List each interview's answer to ``question`` (nothing to show: hidden)."""
        items = answer.interviews if answer is not None and question is not None else []
        self.display = bool(items)
        self.border_subtitle = f"{len(items)} interviews" if items else ""
        if not items:
            self.update("")
            return
        from elicit.core.stakeholders import answer_words  # only a merged session needs it (its import is 10-20 ms)

        lines = []
        for item in items:
            who = f"{item.interview} · {item.by}" if item.by else item.interview
            said = answer_words(question, item.value) if has_value(item.value) else f"({STATUS_WORDS.get(item.status, item.status)})"
            line = Content.assemble((who, "bold"), ": ", said.replace("\n", " "))
            lines.append(line)
            if item.notes.strip():
                lines.append(Content.assemble("  ", (item.notes.replace("\n", " "), "italic dim")))
        self.update(Content("\n").join(lines))
