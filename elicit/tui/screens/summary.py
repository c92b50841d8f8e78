"""The summary: coverage per section, what is still open, stories by priority and their quality.

Dismisses with a question id when the consultant picks one to go back to.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import getters, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.markup import escape
from textual.widgets import DataTable, OptionList, Static
from textual.widgets.option_list import Option

from elicit.core.session import SectionSummary, SessionSummary, Story, snapshot, summarise, suspect_reason, suspect_stories
from elicit.core.text import long_date, plural
from elicit.core.vocabulary import PRIORITIES

from ..bindings import bindings
from ..commands import ScreenActions
from ..marks import STORY_STATUS_MARKS, SUSPECT_MARK, priority_label, shorten
from ..widgets.common.cursor import MarkedOptionList
from ..widgets.common.keybar import KeyBar
from .session_screen import SessionScreen

MIN_CELL_WIDTH = len("12/10")
"""The Min column's usual widest cell; a section over its budget shows its time to the second ("10:07/10")."""
# Done, Answered, Skipped, Revisit, Open, Min (MIN_CELL_WIDTH) and Required at their header widths,
# the cell padding of eight columns, the body's padding and a scroll bar.
NUMBER_COLUMNS_WIDTH = 64


def _coverage_row(section: SectionSummary, title_width: int) -> tuple[Text, ...]:
    """The coverage cells of one section."""
    done = section.answered + section.skipped
    style = "green" if done == section.questions and not section.revisit else ("red" if done == 0 else "")
    return (
        Text(shorten(section.title, title_width), style),
        Text(f"{done}/{section.questions}"),
        Text(str(section.answered)),
        Text(str(section.skipped)),
        Text(str(section.revisit), "yellow" if section.revisit else ""),
        Text(str(section.open)),
        Text(section.time_text, "bold yellow" if section.over_budget else ""),
        Text(str(section.required_open), "bold red" if section.required_open else ""),
    )


def _captured_line(summary: SessionSummary) -> str:
    """Decisions, open questions, assumptions and terms, in numbers."""
    resolved = f" ({summary.resolved_questions} resolved)" if summary.resolved_questions else ""
    return (
        f"{plural(summary.decisions, 'decision')} · {plural(summary.open_questions, 'open question')}{resolved} · "
        f"{plural(summary.assumptions, 'assumption')} · {plural(summary.terms, 'term')}"
    )


def _time_line(summary: SessionSummary) -> str:
    """Interview time, against the target when there is one."""
    spent = f"{summary.interview_minutes} min"
    outside = f", {summary.outside_minutes} in no section" if summary.outside_minutes else ""
    if summary.target_minutes is None:
        return f"Time {spent}{outside}"
    left = summary.seconds_left or 0
    rest = f"{left // 60} min left" if left >= 0 else f"{-left // 60} min over"
    return f"Time {spent} of {summary.target_minutes} ({rest}){outside}"


class SummaryScreen(SessionScreen[str | None]):
    """Where the interview stands."""

    coverage_table = getters.query_one("#summary-coverage", DataTable)
    body = getters.query_one("#summary-body", VerticalScroll)
    title_view = getters.query_one("#summary-title", Static)
    todo_list = getters.query_one("#summary-todo", OptionList)
    todo_heading = getters.query_one("#summary-todo-heading", Static)
    stories_heading = getters.query_one("#summary-stories-heading", Static)
    stories_view = getters.query_one("#summary-stories", Static)
    quality_heading = getters.query_one("#summary-quality-heading", Static)
    review_heading = getters.query_one("#summary-review-heading", Static)
    review_view = getters.query_one("#summary-review", Static)
    quality_view = getters.query_one("#summary-quality", Static)
    conflicts_heading = getters.query_one("#summary-conflicts-heading", Static)
    conflicts_list = getters.query_one("#summary-conflicts", OptionList)

    CSS_PATH = "summary.tcss"
    COMMANDS = {ScreenActions}
    BINDINGS = bindings("summary")

    def compose(self) -> ComposeResult:
        yield Static(id="summary-title")
        with VerticalScroll(id="summary-body"):
            yield Static("Coverage by section", classes="summary-heading")
            yield DataTable(id="summary-coverage", cursor_type="none", zebra_stripes=True, show_cursor=False)
            yield Static(id="summary-conflicts-heading", classes="summary-heading")
            yield MarkedOptionList(id="summary-conflicts")
            yield Static(id="summary-todo-heading", classes="summary-heading")
            yield MarkedOptionList(id="summary-todo")
            yield Static(id="summary-review-heading", classes="summary-heading")
            yield Static(id="summary-review")
            yield Static(id="summary-quality-heading", classes="summary-heading")
            yield Static(id="summary-quality")
            yield Static(id="summary-stories-heading", classes="summary-heading")
            yield Static(id="summary-stories")
        yield KeyBar()

    def on_mount(self) -> None:
        self.coverage_table.can_focus = False
        self.fill()
        # The page scrolls from the start (PageDown, End reach everything); Tab goes into the to-do list.
        self.body.focus()

    def on_screen_resume(self) -> None:
        if self.changed_while_away():
            self.fill()

    def fill(self) -> None:
        """Compute and show everything (the counts come from the core's one summary)."""
        summary = summarise(self.interview)
        self.title_view.update(
            Content.from_markup(
                f"[b]{escape(self.session.title)}[/b]  {summary.done}/{summary.questions} done ({summary.percent}%) · "
                f"{summary.answered} answered · {summary.skipped} skipped · {summary.revisit} to revisit · {summary.open} open\n"
                f"{_time_line(summary)} · {_captured_line(summary)}"
            )
        )
        self._fill_coverage(summary)
        self._fill_todo()
        self._fill_review()
        self._fill_conflicts()
        self._fill_stories(summary)
        self._fill_quality()

    def _fill_coverage(self, summary: SessionSummary) -> None:
        """One row per section; every column as wide as its widest cell (set here, not left to the table to guess)."""
        table = self.coverage_table
        shown = [section for section in summary.sections if section.questions]
        # A section over its budget shows its time to the second ("10:07/10"): the titles give up that room.
        wider = max([len(section.time_text) - MIN_CELL_WIDTH for section in shown] + [0])
        rows = [_coverage_row(section, self._section_width(wider)) for section in shown]
        labels = ("Section", "Done", "Answered", "Skipped", "Revisit", "Open", "Min", "Required")
        table.clear(columns=True)
        for index, label in enumerate(labels):
            width = max([len(label), *(row[index].cell_len for row in rows)])
            table.add_column(label, key=label.lower(), width=width)
        for row in rows:
            table.add_row(*row)

    def _section_width(self, wider: int = 0) -> int:
        """Room for section titles once the number columns are shown in full (all of them fit at 80 columns), with
        ``wider`` the columns the Min column takes beyond its usual width."""
        return max(16 - wider, min(40, self.size.width - NUMBER_COLUMNS_WIDTH - wider))

    def on_resize(self) -> None:
        if self.is_mounted:
            self._fill_coverage(summarise(self.interview))

    def _fill_todo(self) -> None:
        todo = self.todo_list
        todo.clear_options()
        required = self.interview.required_open()
        flagged = self.interview.flagged()
        for question in required:
            label = "required+revisit " if question in flagged else "required "
            todo.add_option(Option(Text.assemble((label, "bold red"), question.prompt), id=question.id))
        for question in flagged:
            if question not in required:
                todo.add_option(Option(Text.assemble(("revisit  ", "bold yellow"), question.prompt), id=question.id))
        heading = f"Still to do: {len(required)} required open · {len(flagged)} flagged to revisit"
        if required or flagged:
            heading += "  [$text-muted](Tab, then Enter goes to the question)[/]"
        self.todo_heading.update(Content.from_markup(heading))
        todo.display = bool(required or flagged)
        if todo.option_count:
            todo.highlighted = 0

    def _fill_review(self) -> None:
        """Rounds sent and the client's proposals: where the review with the client stands."""
        rounds, proposals = self.session.rounds, self.session.proposals
        counts = {status: sum(1 for item in proposals if item.status == status) for status in ("open", "accepted", "declined")}
        rounds_text = f"{len(rounds)} round{'s' if len(rounds) != 1 else ''}"
        self.review_heading.update(f"Review with the client: {rounds_text} · {counts['open']} proposal{'s' if counts['open'] != 1 else ''} open")
        lines = []
        if rounds:
            last = rounds[-1]
            when = f" on {long_date(last.at)}" if last.at is not None else ""
            note = f": {escape(last.note)}" if last.note else ""
            lines.append(f"  last: round {last.number}{when}{note}")
        else:
            lines.append("  no round recorded yet: record one when the spec goes to the client")
        if proposals:
            lines.append(f"  proposals: {counts['open']} open · {counts['accepted']} accepted · {counts['declined']} declined")
        round_key, review_key = escape(self.key_for("summary.round")), escape(self.key_for("summary.review"))
        lines.append(f"  [$text-muted]{round_key} records a round · {review_key} walks the proposals[/]")
        self.review_view.update(Content.from_markup("\n".join(lines)))

    def _fill_conflicts(self) -> None:
        """In a merged session: the conflicts between the interviews still open; Enter goes to the question one is about."""
        from elicit.core.stakeholders import open_conflicts

        conflicts = open_conflicts(self.session)
        listing = self.conflicts_list
        listing.clear_options()
        for item in conflicts:
            listing.add_option(Option(Text.assemble((f"{item.id} ", "bold yellow"), item.text), id=item.id))
        merged = bool(self.session.merged_from)
        heading = f"Conflicts between the {len(self.session.merged_from)} interviews still open: {len(conflicts)}"
        if conflicts:
            heading += "  [$text-muted](Tab, then Enter goes to the question)[/]"
        self.conflicts_heading.update(Content.from_markup(heading) if merged else "")
        self.conflicts_heading.display = merged
        listing.display = bool(conflicts)

    def _fill_stories(self, summary: SessionSummary) -> None:
        stories = self.session.stories
        counts = " · ".join(f"{priority_label(p)} {summary.stories_by_priority.get(p, 0)}" for p in PRIORITIES)
        self.stories_heading.update(f"Stories: {summary.stories}  ({counts})" if stories else "Stories: none yet")
        lines = []
        suspects = suspect_stories(self.session)
        for priority in PRIORITIES:
            group = [s for s in stories if s.priority == priority]
            if not group:
                continue
            lines.append(f"[b]{priority_label(priority)}[/b]")
            for story in group:
                mark = STORY_STATUS_MARKS.get(story.status, "·")
                lines.append(f"  {mark} [b]{escape(story.id)}[/b] {escape(story.sentence())} [$text-muted]({story.status})[/]")
                if story.id in suspects:
                    lines.append(f"    [$warning]{SUSPECT_MARK} suspect: {escape(suspect_reason(story))}[/]")
        self.stories_view.update(Content.from_markup("\n".join(lines)))

    def _fill_quality(self) -> None:
        if not self.session.stories:
            self.quality_heading.update("")
            self.quality_view.update("")
            return
        self.quality_heading.update("Story quality: checking…")
        self._lint(snapshot(self.session).stories)

    @work(thread=True, exclusive=True, group="summary-lint")
    def _lint(self, stories: list[Story]) -> None:
        """Lint every story off the UI thread (a thousand stories take a noticeable moment)."""
        from elicit.core.stories import lint_stories, quality_line

        findings = lint_stories(stories)
        self.app.call_from_thread(self._show_quality, findings, quality_line(findings, len(stories)))

    def _show_quality(self, findings: list[Any], line: str) -> None:
        by_story: dict[str, list[Any]] = {}
        for finding in findings:
            by_story.setdefault(finding.story_id, []).append(finding)
        self.quality_heading.update(f"Story quality: {line}")
        lines = []
        for story_id, notes in by_story.items():
            lines.append(f"  [b]{escape(story_id)}[/b]")
            lines += [f"    • {escape(note.message)}: {escape(note.suggestion)}" for note in notes]
        self.quality_view.update(Content.from_markup("\n".join(lines)))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "summary-conflicts":
            self._go_to_conflict(event.option.id)
        elif event.option.id:
            self.dismiss(event.option.id)

    def _go_to_conflict(self, open_question_id: str | None) -> None:
        """The question a conflict is about (its first source this session's banks know), if any."""
        item = next((q for q in self.session.open_questions if q.id == open_question_id), None)
        known = [source for source in (item.source if item else []) if self.interview.question(source) is not None]
        if known:
            self.dismiss(known[0])
        else:
            self.notify("This conflict is about stories, not one question: see the stories table", timeout=4)

    def action_back(self) -> None:
        self.dismiss(None)

    def action_read_back(self) -> None:
        self.app.show_read_back()

    def action_export(self) -> None:
        self.app.show_export()

    def action_review(self) -> None:
        self.app.show_review()

    def action_round(self) -> None:
        self.app.record_round(self._round_recorded)

    def _round_recorded(self, number: int | None) -> None:
        if number is not None:
            self.fill()
