"""Plain-text output for plain mode: whole lines, in reading order, no colour or cursor movement."""

from __future__ import annotations

import sys
from typing import Any, TextIO

from elicit.core.banks import Question
from elicit.core.session import OPEN, Interview, Session, Story, answer_text, format_answer
from elicit.core.vocabulary import PRIORITY_LABELS

STATUS_WORDS = {"answered": "answered", "skipped": "skipped", "revisit": "flagged to revisit", OPEN: "open"}


class Console:
    """Writes lines to the terminal; a terminal that has gone away is ignored, not fatal."""

    def __init__(self, stream: TextIO | None = None):
        self.stream = stream or sys.stdout
        self.gone = False

    def say(self, *lines: str) -> None:
        """Write each line, then flush so the reader hears it at once."""
        self.write("".join(line + "\n" for line in lines))

    def write(self, text: str) -> None:
        """Write text as is (used for the '> ' input marker)."""
        if self.gone:
            return
        try:
            try:
                self.stream.write(text)
            except UnicodeEncodeError:  # a terminal whose encoding lacks a character: show '?' instead
                encoding = getattr(self.stream, "encoding", None) or "ascii"
                self.stream.write(text.encode(encoding, "replace").decode(encoding))
            self.stream.flush()
        except (OSError, ValueError):  # the terminal hung up, or the stream was closed
            self.gone = True


def question_header(interview: Interview, question: Question) -> str:
    """``Question 2 of 7, Context, required, flagged to revisit.``"""
    applicable = interview.applicable()
    position = applicable.index(question) + 1 if question in applicable else 0
    section = interview.section_of(question)
    parts = [f"Question {position} of {len(applicable)}"]
    if section is not None:
        parts.append(section.title)
    if question.required:
        parts.append("required")
    status = interview.status(question.id)
    if status == "revisit":
        parts.append("flagged to revisit (/flag clears it)")
    elif status != OPEN:
        parts.append(STATUS_WORDS[status])
    return ", ".join(parts) + "."


def why_lines(question: Question) -> list[str]:
    """Why we ask a question, and its probes, one per line."""
    lines = [f"Why we ask: {question.why}" if question.why.strip() else "This question has no note on why we ask it."]
    if question.probes:
        lines.append("Follow-up questions:")
        lines.extend(f"  {number}. {probe}" for number, probe in enumerate(question.probes, 1))
    else:
        lines.append("No follow-up questions for this one.")
    return lines


def progress_lines(interview: Interview, session: Session) -> list[str]:
    """Progress overall and per section, and how many stories."""
    overall = interview.progress()
    lines = [
        f"Progress: {overall.done} of {overall.total} questions done ({overall.percent}%): "
        f"{overall.answered} answered, {overall.skipped} skipped, {overall.revisit} flagged to revisit, {overall.open} open."
    ]
    if overall.required_open:
        lines.append(f"Required and not yet answered: {overall.required_open}.")
    for item in interview.coverage():
        if item.progress.total:
            lines.append(f"  {item.section.title}: {item.progress.done} of {item.progress.total} done.")
    lines.append(f"Stories: {len(session.stories)}.")
    return lines


def story_line(story: Story) -> str:
    """One story on one line: id, priority, status, sentence, where it came from."""
    text = f"{story.id}, {PRIORITY_LABELS.get(story.priority, story.priority)}, {story.status}: {story.sentence()}."
    if story.acceptance:
        text += f" {len(story.acceptance)} acceptance {'criterion' if len(story.acceptance) == 1 else 'criteria'}."
    if story.source:
        text += f" From {', '.join(story.source)}."
    return text


def shown_answer(question: Question, value: Any) -> str:
    """An answer as people read it (``8 hours``, ``Email, Chat``)."""
    return format_answer(question, value)


def editable_answer(question: Question, value: Any) -> str:
    """An answer as text to edit and type back (no unit, no 'of 5')."""
    return answer_text(value)
