"""Printing ``elicit summary``: the counts come from the core's ``summarise``; this file only lays them out."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from elicit.core.banks import Question
from elicit.core.session import Interview, SectionSummary, Session, SessionSummary
from elicit.core.text import plural
from elicit.core.vocabulary import PRIORITIES, PRIORITY_LABELS

from .output import console, print_hanging, print_markup, print_table


def print_summary(session: Session, interview: Interview, counts: SessionSummary, path_text: str) -> None:
    """The whole summary, section by section."""
    out = console()
    _header(out, session, counts)
    _coverage(out, counts)
    _questions(out, "bold red", "Required questions still open", interview.required_open())
    _questions(out, "bold yellow", "Flagged to revisit", interview.flagged())
    out.print()
    _stories(out, session, counts, path_text)
    _follow_ups(out, session, counts)


def _header(out: Console, session: Session, counts: SessionSummary) -> None:
    who = " · ".join(escape(part) for part in (session.client, session.project, session.interviewer) if part)
    print_markup(out, f"[bold]{escape(session.title)}[/]" + (f"  [dim]{who}[/]" if who else ""))
    if session.started_at:
        out.print(f"[dim]started {session.started_at:%Y-%m-%d %H:%M}[/]")
    print_markup(
        out,
        f"Progress: [bold]{counts.done}/{counts.questions}[/] questions done ({counts.percent}%) · "
        f"{counts.answered} answered · {counts.skipped} skipped · {counts.revisit} to revisit · {counts.open} open",
    )
    print_markup(out, time_line(counts))


def time_line(counts: SessionSummary) -> str:
    """Interview time against the target: ``Interview time: 42 min of 90 planned (48 min left)``."""
    spent = f"{counts.interview_minutes} min"
    outside = f"; {counts.outside_minutes} min of it in no section (summary, read-back, review, export)" if counts.outside_minutes else ""
    if counts.target_minutes is None or counts.seconds_left is None:
        return f"Interview time: {spent} (no target length){outside}"
    left = counts.seconds_left
    tail = f"{(left + 30) // 60} min left" if left >= 0 else f"{(-left + 30) // 60} min over"
    return f"Interview time: {spent} of {counts.target_minutes} planned ({tail}){outside}"


def _coverage(out: Console, counts: SessionSummary) -> None:
    table = Table(box=None, header_style="bold", pad_edge=False)  # its title apart: rich pads a title to the table's width
    for name in ("section", "answered", "skipped", "revisit", "open", "required open", "minutes"):
        table.add_column(name, justify="left" if name == "section" else "right")
    for section in counts.sections:
        if section.questions:
            table.add_row(*_coverage_row(section))
    out.print()
    out.print("[italic]Coverage by section[/]")
    print_table(out, table)


def _coverage_row(section: SectionSummary) -> list[str]:
    done = section.open == 0 and section.revisit == 0
    style = "green" if done else ("red" if section.answered == 0 else "")
    title = f"[{style}]{escape(section.title)}[/]" if style else escape(section.title)
    minutes = section.time_text
    if section.over_budget:
        minutes = f"[red]{minutes}[/]"
    required = f"[red]{section.required_open}[/]" if section.required_open else "0"
    return [title, f"{section.answered}/{section.questions}", str(section.skipped), str(section.revisit), str(section.open), required, minutes]


def _questions(out: Console, style: str, title: str, questions: list[Question]) -> None:
    if not questions:
        return
    out.print()
    out.print(f"[{style}]{title} ({len(questions)})[/]")
    for question in questions:
        print_hanging(out, "  ", Text.assemble(question.prompt, " ", (question.id, "dim")), 4)


def _stories(out: Console, session: Session, counts: SessionSummary, path_text: str) -> None:
    if not counts.stories:
        out.print("[bold]Stories: 0[/]")
        return
    by_priority = " · ".join(f"{PRIORITY_LABELS[p]} {counts.stories_by_priority.get(p, 0)}" for p in PRIORITIES)
    by_status = ", ".join(f"{n} {status}" for status, n in counts.stories_by_status.items() if n)
    print_markup(out, f"[bold]Stories: {counts.stories}[/]  {by_priority}  [dim]({by_status})[/]")
    for priority in PRIORITIES:
        group = [story for story in session.stories if story.priority == priority]
        if group:
            out.print(f"[bold]{PRIORITY_LABELS[priority]}[/]")
        for story in group:
            status = f"({story.status}: {story.reason})" if story.status == "rejected" and story.reason else f"({story.status})"
            print_hanging(out, f"  {escape(story.id)}  ", Text.assemble(story.sentence(), " ", (status, "dim")), len(story.id) + 4)
    from elicit.core.stories import lint_stories, quality_line

    findings = lint_stories(session.stories)
    details = f" (elicit lint {escape(path_text)})" if findings else ""
    print_markup(out, f"[bold]Story quality:[/] {quality_line(findings, counts.stories)}{details}")


def _follow_ups(out: Console, session: Session, counts: SessionSummary) -> None:
    if session.open_questions:
        out.print()
        print_markup(out, f"[bold]Open questions: {counts.open_questions}[/]" + (f"  [dim]({counts.resolved_questions} resolved)[/]" if counts.resolved_questions else ""))
        for item in session.open_questions:
            if item.status == "open":
                owner = f"  [dim]({escape(item.owner)})[/]" if item.owner else ""
                print_hanging(out, f"  {escape(item.id)}  ", Text.from_markup(f"{escape(item.text)}{owner}"), len(item.id) + 4)
    others = [(counts.decisions, "decision"), (counts.assumptions, "assumption"), (counts.terms, "glossary term")]
    listed = [plural(n, word) for n, word in others if n]
    if listed:
        out.print()
        print_markup(out, "[bold]Also recorded:[/] " + ", ".join(listed) + " [dim](elicit decision|assumption|term list PATH)[/]")
