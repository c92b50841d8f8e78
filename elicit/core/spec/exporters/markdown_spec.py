"""The Markdown spec, for the client's review.

Every piece of user text goes through :func:`inline` or :func:`block`, which
escape it so that it can never change the document's structure: no heading,
list item, table row, code block, quote or raw HTML can come from an answer.
Emphasis markers are only ever put around fixed labels, never around user
text. Tables are GitHub-flavoured Markdown.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from elicit.core.session.answers import format_answer
from elicit.core.vocabulary import PRIORITIES, PRIORITY_LABELS, STORY_STATUSES

if TYPE_CHECKING:
    from datetime import datetime

    from elicit.core.banks.models import Question
    from elicit.core.session.engine import Interview, Progress
    from elicit.core.session.models import Answer, Assumption, Decision, OpenQuestion, Session, Story

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Characters with a meaning anywhere in a line: code, emphasis, links, HTML,
# table cells, strikethrough, entities and heading marks.
_SPECIAL = re.compile(r"[\\`*_\[\]<>|~&#]")
# What starts a block only at the beginning of a line: list markers, setext
# underlines and ordered-list numbers.
_ORDERED_START = re.compile(r"^(\d+)([.)])")
_ANCHOR_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")

STATUS_NOTES = {"skipped": "Skipped", "revisit": "Flagged to revisit"}


class MarkdownSpecExporter:
    """Writes ``spec.md``: summary, stories by priority, follow-ups, notes, appendix."""

    name = "md"
    title = "Markdown spec"
    suffix = ".md"
    multi_file = False
    generated_line = ""

    def render(self, session: Session, interview: Interview) -> dict[str, str]:
        """The spec as one Markdown document."""
        return {"spec.md": render_markdown(session, interview)}


# Escaping --------------------------------------------------------------------------


def escape_line(line: str) -> str:
    """One line of user text as Markdown text that starts no block of its own."""
    text = _SPECIAL.sub(r"\\\g<0>", line.strip())
    if text[:1] in ("-", "+", "="):
        return "\\" + text
    return _ORDERED_START.sub(r"\1\\\2", text, count=1)


def text_lines(text: str) -> list[str]:
    """The non-blank lines of user text, each escaped."""
    return [escape_line(line) for line in _LINE_BREAK.split(text) if line.strip()]


def inline(text: str) -> str:
    """User text on one line (line breaks become spaces), escaped."""
    return " ".join(text_lines(text))


def block(text: str, indent: str = "") -> str:
    """User text keeping its lines as hard line breaks, escaped; ``indent`` starts each later line."""
    return f"\\\n{indent}".join(text_lines(text))


def anchor_id(question_id: str) -> str:
    """The HTML id that links to a question in the notes or the appendix."""
    return "q-" + _ANCHOR_UNSAFE.sub("-", question_id)


# The document ----------------------------------------------------------------------


def render_markdown(session: Session, interview: Interview) -> str:
    """The whole Markdown spec, ending with one newline."""
    return _Document(session, interview).render()


class _Document:
    def __init__(self, session: Session, interview: Interview):
        self.session = session
        self.interview = interview
        self.blocks: list[str] = []
        self.anchors: dict[str, str] = {}
        self.noted: list[Question] = []
        self.uncovered: list[Question] = []
        for question in interview.questions:
            status = interview.status(question.id)
            if status != "open":
                self.noted.append(question)
            elif interview.applies(question.id):
                self.uncovered.append(question)
        listed = {question.id for question in interview.questions}
        self.other_answers = sorted(question_id for question_id in session.answers if question_id not in listed)
        taken: set[str] = set()
        for question_id in [q.id for q in self.noted] + [q.id for q in self.uncovered] + self.other_answers:
            anchor = anchor_id(question_id)
            number = 2
            while anchor in taken:
                anchor = f"{anchor_id(question_id)}-{number}"
                number += 1
            taken.add(anchor)
            self.anchors[question_id] = anchor

    def add(self, *blocks: str) -> None:
        self.blocks.extend(blocks)

    def render(self) -> str:
        self.header()
        self.summary()
        self.participants()
        self.stories()
        self.follow_ups()
        self.glossary()
        self.notes()
        self.appendix()
        return "\n\n".join(self.blocks) + "\n"

    # parts

    def header(self) -> None:
        session = self.session
        self.add("# " + (inline(session.title) or "Interview"), "*Draft specification from an elicit interview.*")
        items = [
            (label, inline(value))
            for label, value in (("Client", session.client), ("Project", session.project), ("Interviewer", session.interviewer))
        ]
        if session.started_at:
            items.append(("Started", _when(session.started_at)))
        if session.ended_at:
            items.append(("Ended", _when(session.ended_at)))
        titles = {bank.id: bank.title for bank in self.interview.banks}
        banks = [_bank_label(titles.get(ref.id, ""), ref.id, ref.version) for ref in session.banks]
        if banks:
            items.append(("Question banks", ", ".join(banks)))
        lines = [f"- **{label}:** {value}" for label, value in items if value]
        if lines:
            self.add("\n".join(lines))

    def summary(self) -> None:
        session = self.session
        stories = session.stories
        progress = self.interview.progress()
        by_priority = {p: sum(1 for s in stories if s.priority == p) for p in PRIORITIES}
        by_status = {s: sum(1 for story in stories if story.status == s) for s in STORY_STATUSES}
        open_items = sum(1 for item in session.open_questions if item.status == "open")
        lines = [
            f"- **Stories:** {len(stories)} (" + " · ".join(f"{PRIORITY_LABELS[p]} {n}" for p, n in by_priority.items()) + ")",
            "- **Review:** " + " · ".join(f"{n} {s}" for s, n in by_status.items()),
            f"- **Coverage:** {_coverage_sentence(progress)}",
            f"- **Required questions still open:** {progress.required_open}",
            f"- **Open questions:** {open_items} · **Decisions:** {len(session.decisions)} · **Assumptions:** {len(session.assumptions)}",
        ]
        self.add("## Summary", "\n".join(lines))
        if stories:
            rows = []
            for priority in PRIORITIES:
                group = [s for s in stories if s.priority == priority]
                rows.append(
                    [PRIORITY_LABELS[priority], str(len(group))] + [str(sum(1 for s in group if s.status == st)) for st in STORY_STATUSES]
                )
            rows.append(["Total", str(len(stories))] + [str(by_status[st]) for st in STORY_STATUSES])
            self.add(_table(["Priority", "Stories"] + [s.capitalize() for s in STORY_STATUSES], rows, numeric_from=1))
        rows = []
        for item in self.interview.coverage():
            p = item.progress
            if p.total:
                rows.append(
                    [
                        inline(item.section.title) or inline(item.section.id),
                        f"{p.answered}/{p.total}",
                        str(p.skipped),
                        str(p.revisit),
                        str(p.open),
                        str(p.required_open),
                    ]
                )
        if rows:
            self.add(_table(["Section", "Answered", "Skipped", "Revisit", "Open", "Required open"], rows, numeric_from=1))

    def participants(self) -> None:
        if not self.session.participants:
            return
        rows = [[inline(p.name), inline(p.role)] for p in self.session.participants]
        self.add("## Participants", _table(["Name", "Role"], rows))

    def stories(self) -> None:
        self.add("## Stories")
        if not self.session.stories:
            self.add("No stories yet.")
            return
        for priority in PRIORITIES:
            group = [story for story in self.session.stories if story.priority == priority]
            if group:
                self.add(f"### {PRIORITY_LABELS[priority]} ({len(group)})")
                for story in group:
                    self.story(story)

    def story(self, story: Story) -> None:
        self.add(f"#### {inline(story.id)} · {inline(story.sentence())}")
        facts = f"*Status:* {inline(story.status)}"
        if story.tags:
            facts += " · *Tags:* " + ", ".join(inline(tag) for tag in story.tags)
        self.add(facts)
        criteria = [block(item, "  ") for item in story.acceptance]
        if criteria:
            self.add("*Acceptance criteria:*", "\n".join(f"- [ ] {item}" for item in criteria))
        else:
            self.add("*Acceptance criteria:* none yet.")
        quote = text_lines(story.quote)
        if quote:
            self.add("> " + "\\\n> ".join(quote))
        if story.source:
            self.add("*Source:* " + "; ".join(self.question_link(question_id) for question_id in story.source))

    def question_link(self, question_id: str) -> str:
        question = self.interview.question(question_id)
        label = inline(question.prompt) if question is not None else ""
        label = label or inline(question_id)
        anchor = self.anchors.get(question_id)
        if anchor is None or not label:
            return label
        return f"[{label}](#{anchor})"

    def follow_ups(self) -> None:
        session = self.session
        self.follow_up_list("## Open questions", [self.open_question_lines(item) for item in session.open_questions])
        self.follow_up_list("## Decisions", [self.decision_lines(item) for item in session.decisions])
        self.follow_up_list("## Assumptions", [self.assumption_lines(item) for item in session.assumptions])

    def follow_up_list(self, heading: str, entries: list[list[str]]) -> None:
        self.add(heading)
        self.add("\n".join(_list_item(lines) for lines in entries) if entries else "None.")

    @staticmethod
    def open_question_lines(item: OpenQuestion) -> list[str]:
        head = f"- {inline(item.id)} · {inline(item.status)}"
        if item.owner.strip():
            head += f" · *Owner:* {inline(item.owner)}"
        lines = [head, block(item.text, "  ")]
        if item.resolution.strip():
            lines.append("*Resolution:* " + block(item.resolution, "  "))
        return lines

    @staticmethod
    def decision_lines(decision: Decision) -> list[str]:
        lines = [f"- {inline(decision.id)}", block(decision.text, "  ")]
        if decision.rationale.strip():
            lines.append("*Why:* " + block(decision.rationale, "  "))
        if decision.decided_by.strip():
            lines.append("*Decided by:* " + inline(decision.decided_by))
        return lines

    @staticmethod
    def assumption_lines(assumption: Assumption) -> list[str]:
        lines = [f"- {inline(assumption.id)}", block(assumption.text, "  ")]
        if assumption.rationale.strip():
            lines.append("*Why:* " + block(assumption.rationale, "  "))
        return lines

    def glossary(self) -> None:
        if not self.session.glossary:
            return
        rows = [[inline(term.term), inline(term.definition)] for term in self.session.glossary]
        self.add("## Glossary", _table(["Term", "Definition"], rows))

    def notes(self) -> None:
        self.add("## Interview notes")
        if not self.noted and not self.other_answers:
            self.add("Nothing recorded yet.")
            return
        for section in self.interview.sections:
            questions = [q for q in self.noted if q.section_id == section.id]
            if not questions:
                continue
            self.add("### " + (inline(section.title) or inline(section.id)))
            if section.goal.strip():
                self.add("*Goal:* " + inline(section.goal))
            self.add(
                "\n".join(self.noted_item(question.id, inline(question.prompt) or inline(question.id), question) for question in questions)
            )
        if self.other_answers:
            self.add("### Other answers", "Answers kept for questions that the session's banks no longer have.")
            self.add("\n".join(self.noted_item(question_id, inline(question_id), None) for question_id in self.other_answers))

    def noted_item(self, question_id: str, label: str, question: Question | None) -> str:
        answer: Answer = self.session.answers[question_id]
        lines = [f'- <a id="{self.anchors[question_id]}"></a>{label}']
        value = format_answer(question, answer.value) if answer.value is not None else ""
        shown = block(value, "  ")
        if shown:
            lines.append("*Answer:* " + shown)
        if answer.notes.strip():
            lines.append("*Notes:* " + block(answer.notes, "  "))
        if answer.status in STATUS_NOTES:
            lines.append(f"*{STATUS_NOTES[answer.status]}.*")
        if question is not None and not self.interview.applies(question_id):
            lines.append("*No longer applies with the answers given.*")
        return _list_item(lines)

    def appendix(self) -> None:
        self.add("## Appendix: questions not covered")
        if not self.uncovered:
            self.add("Every question that applies has been answered or skipped.")
            return
        for section in self.interview.sections:
            questions = [q for q in self.uncovered if q.section_id == section.id]
            if not questions:
                continue
            self.add("### " + (inline(section.title) or inline(section.id)))
            items = []
            for question in questions:
                item = f'- <a id="{self.anchors[question.id]}"></a>{inline(question.prompt) or inline(question.id)}'
                if question.required:
                    item += " *(required)*"
                items.append(item)
            self.add("\n".join(items))


def _bank_label(title: str, bank_id: str, version: str) -> str:
    details = " ".join(part for part in (inline(bank_id), inline(version)) if part)
    return f"{inline(title) or inline(bank_id)} ({details})"


def _list_item(lines: list[str]) -> str:
    """A list item from its first line and later lines, joined by hard line breaks."""
    return "\\\n  ".join(line for line in lines if line)


def _table(headers: list[str], rows: list[list[str]], numeric_from: int | None = None) -> str:
    """A GitHub-flavoured table; cells are already escaped (no line breaks, pipes escaped)."""
    aligns = ["---:" if numeric_from is not None and index >= numeric_from else "---" for index in range(len(headers))]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(aligns) + " |"]
    lines.extend("| " + " | ".join(cells) + " |" for cells in rows)
    return "\n".join(lines)


def _coverage_sentence(progress: Progress) -> str:
    return (
        f"{progress.done} of {progress.total} questions done ({progress.percent}%): "
        f"{progress.answered} answered, {progress.skipped} skipped, {progress.revisit} to revisit, {progress.open} open"
    )


def _when(moment: datetime) -> str:
    text = f"{moment:%Y-%m-%d %H:%M}"
    offset = moment.strftime("%z")
    if offset:
        text += f" (UTC{offset[:3]}:{offset[3:5]})"
    return text


EXPORTER = MarkdownSpecExporter()
