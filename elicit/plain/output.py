"""Plain-text output for plain mode: whole lines, in reading order, no colour or cursor movement."""

from __future__ import annotations

import os
import re
import sys
import textwrap
from collections.abc import Sequence
from typing import Any, TextIO

from elicit.core.banks import Question
from elicit.core.session import (
    OPEN,
    Answer,
    Interview,
    Participant,
    SectionSummary,
    Session,
    SessionSummary,
    Story,
    answer_text,
    duration_text,
    find_participant,
    format_answer,
    over_budget_text,
    participant_label,
    summarise,
)
from elicit.core.text import plural, printable
from elicit.core.vocabulary import PRIORITY_LABELS

STATUS_WORDS = {"answered": "answered", "skipped": "skipped", "revisit": "flagged to revisit", OPEN: "open"}


class Console:
    """Writes lines to the terminal; a terminal that has gone away is ignored, not fatal.

    On a terminal, lines are wrapped at its width between words (a word
    longer than the line is never cut); into a pipe they go as they are.
    """

    def __init__(self, stream: TextIO | None = None, width: int | None = None):
        self.stream = stream or sys.stdout
        self.gone = False
        self.width = width
        """Columns to wrap at; None: the terminal's width when writing to one, else no wrapping."""

    def say(self, *lines: str) -> None:
        """Write each line, then flush so the reader hears it at once."""
        width = self.width if self.width is not None else terminal_width(self.stream)
        self.write("".join(wrapped + "\n" for line in lines for wrapped in wrap_line(line, width)))

    def write(self, text: str) -> None:
        """Write text, its control characters made visible (also used for the '> ' input marker)."""
        if self.gone:
            return
        text = printable(text)  # an escape sequence in a session or a bank is shown, never acted on
        try:
            try:
                self.stream.write(text)
            except UnicodeEncodeError:  # a terminal whose encoding lacks a character: show '?' instead
                encoding = getattr(self.stream, "encoding", None) or "ascii"
                self.stream.write(text.encode(encoding, "replace").decode(encoding))
            self.stream.flush()
        except (OSError, ValueError):  # the terminal hung up, or the stream was closed
            self.gone = True


def terminal_width(stream: TextIO) -> int | None:
    """The width of the terminal ``stream`` writes to, or None when it is not a terminal."""
    try:
        if not stream.isatty():
            return None
        return os.get_terminal_size(stream.fileno()).columns or None
    except (AttributeError, ValueError, OSError):
        return None


def wrap_line(line: str, width: int | None) -> list[str]:
    """``line`` wrapped at ``width`` between words, continuation lines indented under its first word; [line] without a width."""
    if width is None or width < 20 or len(line) < width:
        return [line]
    indent = " " * (len(line) - len(line.lstrip(" ")))
    item = re.match(r" *(?:\d+\.|[-*]) ", line)
    return textwrap.wrap(
        line,
        width=width - 1,  # never the last column: some terminals wrap there by themselves
        subsequent_indent=" " * len(item.group()) if item else indent,
        break_long_words=False,
        break_on_hyphens=False,
        drop_whitespace=True,
    ) or [line]


def prompt_parts(message: str, instruction: str | None, width: int | None) -> tuple[str, str | None]:
    """A questionary prompt's message and instruction broken between words to fit ``width``, later lines under the
    first word: questionary draws ' message (instruction)' as one line, which the terminal cut mid-word ('(arrows or
    number, then Ent' over 'er picks; ...', trial7 T7-8). Unchanged when it fits or without a width."""
    lines = wrap_line(f" {message} {instruction or ''}".rstrip(), width)
    if len(lines) == 1:
        return message, instruction
    left = len(message.split())
    head: list[str] = []
    tail: list[str] = []
    shared = False
    for line in lines:
        words = line.split()
        take = min(left, len(words))
        left -= take
        if take:
            head.append(" ".join(words[:take]))
        if take < len(words):
            shared = shared or (bool(take) and not tail)
            tail.append(" ".join(words[take:]))
    if instruction is None:
        return "\n ".join(head), None
    end = " " if instruction.endswith(" ") else ""
    return "\n ".join(head), ("" if shared else "\n ") + "\n ".join(tail) + end


def sentence(text: str) -> str:
    """``text`` ending in one full stop: "Invoices are late." stays as it is, "Invoices are late" gets one."""
    stripped = text.rstrip()
    if re.search(r"[.!?…][\"')\]”’]*$", stripped):
        return stripped
    return stripped + "."


def question_header(interview: Interview, question: Question, speaker: str = "") -> str:
    """``Question 2 of 7, Context, required, flagged to revisit.`` (then ``Ann Lee speaking.`` when someone is)."""
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
    return ", ".join(parts) + "." + (f" {speaker} speaking." if speaker else "")


def speaker_lines(speaker: str, participants: Sequence[Participant]) -> list[str]:
    """What /speaker says: who is speaking now, and who could be."""
    if not participants:
        return [
            "This session has no participants, so nothing is credited to anyone.",
            "Name them when you create a session (elicit new --participant 'Ann Lee - owner').",
        ]
    found = find_participant(participants, speaker) if speaker else None
    now = f"Speaking: {participant_label(found) if found else speaker}; what you capture now is credited to them." if speaker else (
        "Nobody is speaking: what you capture now is credited to no one."
    )
    known = ", ".join(f"{number}. {participant_label(p)}" for number, p in enumerate(participants, start=1))
    return [now, f"Participants: {known}. /speaker NAME or NUMBER sets who speaks; /speaker none: nobody."]


def why_lines(question: Question) -> list[str]:
    """Why we ask a question, and its probes, one per line."""
    lines = [f"Why we ask: {question.why}" if question.why.strip() else "This question has no note on why we ask it."]
    if question.probes:
        lines.append("Follow-up questions:")
        lines.extend(f"  {number}. {probe}" for number, probe in enumerate(question.probes, 1))
    else:
        lines.append("No follow-up questions for this one.")
    return lines


def notes_lines(answer: Answer | None) -> list[str]:
    """A question's notes as they stand in the app's Notes box ('Notes: …', later lines indented); [] without notes.

    A merged session explains its conflicts there ("The interviews differ: …"; trial2 T27).
    """
    if answer is None or not answer.notes.strip():
        return []
    first, *rest = answer.notes.strip().splitlines()
    return [f"Notes: {first}", *(f"  {line}" for line in rest if line.strip())]


def progress_lines(interview: Interview, session: Session) -> list[str]:
    """Progress overall and per section, the interview clock, and how many stories and follow-ups."""
    counts = summarise(interview)
    lines = [
        f"Progress: {counts.done} of {counts.questions} questions done ({counts.percent}%): "
        f"{counts.answered} answered, {counts.skipped} skipped, {counts.revisit} flagged to revisit, {counts.open} open."
    ]
    if counts.required_open:
        lines.append(f"Required and not yet answered: {counts.required_open}.")
    for section in counts.sections:
        if section.questions:
            lines.append(f"  {section.title}: {section.done} of {section.questions} done{_section_time(section)}.")
    lines.append(time_sentence(counts))
    follow_ups = [(counts.decisions, "decision"), (counts.open_questions, "open question"), (counts.assumptions, "assumption"), (counts.terms, "term")]
    extra = "".join(f", {plural(n, word)}" for n, word in follow_ups if n)
    lines.append(f"Stories: {counts.stories}{extra}.")
    return lines


def _section_time(section: SectionSummary) -> str:
    """``, 3 minutes of 10``; over the budget ``, 1:07 of 1 minute (over by 0:07)``, as the app's header says it."""
    if not section.minutes_budget:
        return ""
    if not section.over_budget:
        return f", {plural(section.minutes_spent, 'minute')} of {section.minutes_budget}"
    return f", {duration_text(section.seconds_spent)} of {plural(section.minutes_budget, 'minute')} ({over_budget_text(section.seconds_over, short=True)})"


def time_sentence(counts: SessionSummary) -> str:
    """``Interview time: 1 hour 5 minutes of 90 planned, 25 minutes left.``"""
    text = f"Interview time: {duration(counts.interview_seconds)}"
    left = counts.seconds_left
    if counts.target_minutes is None or left is None:
        return text + "."
    text += f" of {counts.target_minutes} minutes planned"
    return text + (f", {duration(left)} left." if left >= 0 else f", {duration(-left)} over.")


def duration(seconds: int) -> str:
    """Seconds as people say them: "1 hour 5 minutes", "1 minute", "under a minute"."""
    if seconds < 60:
        return "under a minute"
    minutes_total = (seconds + 30) // 60
    hours, minutes = divmod(minutes_total, 60)
    parts = ([plural(hours, "hour")] if hours else []) + ([plural(minutes, "minute")] if minutes else [])
    return " ".join(parts)


def story_line(story: Story) -> str:
    """One story on one line: id, priority, status, sentence, where it came from."""
    text = f"{story.id}, {PRIORITY_LABELS.get(story.priority, story.priority)}, {story.status}: {story.sentence()}."
    if story.acceptance:
        text += f" {len(story.acceptance)} acceptance {'criterion' if len(story.acceptance) == 1 else 'criteria'}."
    if story.source:
        text += f" From {', '.join(story.source)}."
    if story.by:
        text += f" Said by {story.by}."
    return text


def shown_answer(question: Question, value: Any) -> str:
    """An answer as people read it (``8 hours``, ``Email, Chat``)."""
    return format_answer(question, value)


def editable_answer(question: Question, value: Any) -> str:
    """An answer as text to edit and type back (no unit, no 'of 5')."""
    return answer_text(value)


def capture_line(what: str, source: Question | None) -> str:
    """Said before the fields of a new story or follow-up: which question it will be linked to."""
    if source is None:
        return f"New {what}, not linked to a question."
    return f"New {what} from: {sentence(source.prompt)}"
