"""Every story in a table: filter, sort, edit, delete (with undo), change priority in one key."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events, getters
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.markup import escape
from textual.widgets import DataTable, Input, Static

from elicit.core.session import Interview, OpenSession, Story
from elicit.core.vocabulary import PRIORITIES, STORY_STATUSES, priority_from_word

from ..bindings import bindings
from ..commands import ScreenActions
from ..marks import PRIORITY_COLOURS, STORY_STATUS_MARKS, priority_label, shorten
from ..widgets.common.fields import Field
from ..widgets.common.keybar import KeyBar
from ..widgets.common.marked_table import MarkedTable
from .confirm import ConfirmDialog
from .session_screen import SessionScreen
from .story_editor import StoryDraft, StoryEditor

SORTS = ("id", "priority", "status", "section")


@dataclass(frozen=True)
class StoryFilter:
    """What the filter line asks for: priorities, statuses, tags, sections and free words (all must match)."""

    priorities: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    sections: tuple[str, ...] = ()
    words: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str) -> StoryFilter:
        """``must draft #billing section:users late`` → a filter."""
        priorities, statuses, tags, sections, words = set(), set(), set(), [], []
        for token in text.casefold().split():
            priority = priority_from_word(token, initials=False)
            if priority is not None:
                priorities.add(priority)
            elif token in STORY_STATUSES:
                statuses.add(token)
            elif token.startswith("#") and len(token) > 1:
                tags.add(token[1:])
            elif token.startswith(("section:", "@")):
                value = token.split(":", 1)[1] if token.startswith("section:") else token[1:]
                if value:
                    sections.append(value)
            else:
                words.append(token)
        return cls(frozenset(priorities), frozenset(statuses), frozenset(tags), tuple(sections), tuple(words))

    def matches(self, story: Story, section: str) -> bool:
        """Whether a story (from ``section``) passes."""
        if self.priorities and story.priority not in self.priorities:
            return False
        if self.statuses and story.status not in self.statuses:
            return False
        if self.tags and not self.tags & {tag.casefold() for tag in story.tags}:
            return False
        if self.sections and not any(wanted in section.casefold() for wanted in self.sections):
            return False
        haystack = " ".join([story.id, story.sentence(), story.quote, " ".join(story.acceptance), story.by]).casefold()
        return all(word in haystack for word in self.words)


def story_section(interview: Interview, story: Story) -> str:
    """The title of the section the story's first source question is in."""
    section = interview.story_section(story)
    return section.title if section is not None else ""


def _row(
    story: Story, section: str, width: int, by: bool = False, tags: bool = True, widths: tuple[int, int] = (12, 14)
) -> tuple[str | Text, ...]:
    """The table cells of one story (with ``by``, who said it after its status; without ``tags``, no tags cell);
    ``widths``: of By and Tags (:func:`side_widths`)."""
    return (
        story.id,
        Text(priority_label(story.priority), PRIORITY_COLOURS.get(story.priority, "")),
        Text(STORY_STATUS_MARKS.get(story.status, "?"), "green" if story.status == "confirmed" else ""),
        *((shorten(story.by, widths[0]),) if by else ()),
        shorten(story.sentence(), width),
        shorten(section, 16),
        *((shorten(", ".join(story.tags), widths[1]),) if tags else ()),
    )


def side_widths(stories: list[Story], columns: int) -> tuple[int, int]:
    """How wide By and Tags may be: 12 and 14 at 80 columns; a wider terminal gives them room for what they hold
    (trial2 T24: 'Dr. Maria O…' and 'sms,' at 120x40 beside a story column with room to spare)."""
    extra = max(0, columns - 80) // 2
    longest_by = max((len(story.by) for story in stories), default=0)
    longest_tags = max((len(", ".join(story.tags)) for story in stories), default=0)
    return max(12, min(longest_by, 12 + extra)), max(14, min(longest_tags, 14 + extra))


def story_column_layout(screen_width: int, by: bool, widths: tuple[int, int] = (12, 14)) -> tuple[int, bool]:
    """The Story column's width and whether the Tags column fits beside it (By and Tags as wide as ``widths``).

    With a "By" column on a narrow screen the tags give way (the detail below the table still shows them),
    so the story itself keeps room to be read."""
    tags = not (by and screen_width < 100)
    fixed = 46 + (13 if by else 0) - (0 if tags else 16) + (widths[0] - 12 if by else 0) + (widths[1] - 14 if tags else 0)
    return max(20, screen_width - fixed), tags


def story_detail_lines(interview: Interview, story: Story) -> list[str]:
    """The whole story as markup lines: who, what, why, priority and status, criteria, the client's words, where from."""
    lines = [
        f"[b]{escape(story.id)}[/b]  {priority_label(story.priority)} · {story.status}"
        + (f" · [$text-muted]{escape(', '.join(story.tags))}[/]" if story.tags else ""),
        f"[$text-muted]As a[/]     {escape(story.role) or '—'}",
        f"[$text-muted]I want[/]   {escape(story.want) or '—'}",
        f"[$text-muted]so that[/]  {escape(story.so_that) or '—'}",
    ]
    lines += [f"[$text-muted]accept[/]   • {escape(line)}" for line in story.acceptance] or ["[$text-muted]accept[/]   —"]
    if story.quote:
        lines.append(f"[$text-muted]quote[/]    “{escape(story.quote)}”")
    lines += _who_lines(interview, story)
    if story.status == "rejected" and story.reason:
        lines.append(f"[$text-muted]rejected[/] {escape(story.reason)}")
    for question_id in story.source:
        question = interview.question(question_id)
        lines.append(f"[$text-muted]from[/]     {escape(question.prompt if question is not None else question_id)}")
    return lines


def _who_lines(interview: Interview, story: Story) -> list[str]:
    """Who asked for the story: its speaker, or for a merged story several people told, each of them with the
    priority they gave (trial6 T6-11: only the first teller was named)."""
    from elicit.core.spec import askers

    how, who = askers(story, interview.session)
    if how == "Asked for by":
        return [f"[$text-muted]asked by[/] {escape(who)}"]
    return [f"[$text-muted]said by[/]  {escape(story.by)}"] if story.by else []


class StoriesScreen(SessionScreen[None]):
    """The table of stories of the open session."""

    table = getters.query_one("#stories-table", DataTable)
    title_view = getters.query_one("#stories-title", Static)
    detail_view = getters.query_one("#stories-detail-text", Static)
    filter_field = getters.query_one("#stories-filter", Field)

    CSS_PATH = "stories.tcss"
    COMMANDS = {ScreenActions}
    BINDINGS = bindings("stories")

    def __init__(self, opened: OpenSession) -> None:
        super().__init__(opened)
        self.sort = "id"
        self.filter = StoryFilter()
        self.shown: list[Story] = []

    def compose(self) -> ComposeResult:
        yield Static(id="stories-title")
        yield Field(placeholder="filter: must · draft · #tag · section:users · any words", id="stories-filter")
        yield MarkedTable(id="stories-table", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="stories-detail"):
            yield Static(id="stories-detail-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self.reload()
        self.table.focus()

    def reload(self, keep: str | None = None) -> None:
        """Fill the table again, keeping the cursor on ``keep`` (a story id) if shown."""
        table = self.table
        keep = keep if keep is not None else self._story_under_cursor()
        sections = {story.id: story_section(self.interview, story) for story in self.session.stories}
        stories = [story for story in self.session.stories if self.filter.matches(story, sections[story.id])]
        stories.sort(key=self._sort_key(sections))
        self.shown = stories
        by = any(story.by for story in self.session.stories)  # a "By" column once anyone is credited
        columns = self.size.width or 80
        widths = side_widths(stories, columns)
        width, tags = story_column_layout(columns, by, widths)
        self._columns(by, tags)
        table.clear()
        for story in stories:
            table.add_row(*_row(story, sections[story.id], width, by, tags, widths), key=story.id)
        index = next((i for i, s in enumerate(stories) if s.id == keep), None)
        if index is not None:
            table.move_cursor(row=index)
        self._show_title(len(stories))
        self._show_detail()

    def _story_under_cursor(self) -> str | None:
        """The id of the story the cursor is on, if any."""
        row = self.table.cursor_row
        if self.shown and row is not None and 0 <= row < len(self.shown):
            return self.shown[row].id
        return None

    def _show_title(self, count: int) -> None:
        """How many stories are shown, the sort and the status marks."""
        total = len(self.session.stories)
        shown = f"{count} of {total}" if count != total else str(total)
        status = " · ".join(f"{STORY_STATUS_MARKS[s]} {s}" for s in STORY_STATUSES)
        self.title_view.update(f"[b]Stories[/b]  {shown} · sorted by {self.sort}  [$text-muted]{status}[/]")

    def _columns(self, by: bool, tags: bool) -> None:
        """The table's columns: ID, priority, status, who said it (once anyone is credited), story, section, tags (if they fit)."""
        table = self.table
        wanted = [("ID", "id"), ("Pri", "priority"), ("St", "status"), *([("By", "by")] if by else []), ("Story", "story")]
        wanted += [("Section", "section"), *([("Tags", "tags")] if tags else [])]
        if [str(column.key.value) for column in table.columns.values()] == [key for _, key in wanted]:
            return
        table.clear(columns=True)
        for label, key in wanted:
            table.add_column(label, key=key)

    def _show_detail(self) -> None:
        """The whole selected story below the table."""
        story = self.selected()
        text = self.detail_view
        if story is None:
            text.update(Content("No story selected." if self.session.stories else "No stories yet."))
            return
        text.update(Content.from_markup("\n".join(story_detail_lines(self.interview, story))))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_detail()

    def on_key(self, event: events.Key) -> None:
        """Down from the filter goes into the table."""
        if event.key == "down" and self.filter_field.has_focus:
            event.stop()
            self.table.focus()

    def _sort_key(self, sections: dict[str, str]):  # noqa: ANN202
        order = {name: index for index, name in enumerate(PRIORITIES)}
        statuses = {name: index for index, name in enumerate(STORY_STATUSES)}
        if self.sort == "priority":
            return lambda s: (order.get(s.priority, 9), s.id)
        if self.sort == "status":
            return lambda s: (statuses.get(s.status, 9), s.id)
        if self.sort == "section":
            return lambda s: (sections[s.id].casefold(), s.id)
        return lambda s: s.id

    def selected(self) -> Story | None:
        """The story under the cursor."""
        table = self.table
        if not self.shown or table.cursor_row is None or not 0 <= table.cursor_row < len(self.shown):
            return None
        return self.shown[table.cursor_row]

    # filter

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.filter = StoryFilter.parse(event.value)
        self.reload()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.table.focus()

    def action_filter(self) -> None:
        self.filter_field.focus()

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        key = str(event.column_key.value)
        if key in SORTS:
            self.sort = key
            self.reload()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    # actions

    def action_back(self) -> None:
        filter_field = self.filter_field
        if filter_field.has_focus:
            self.table.focus()
            return
        self.dismiss()

    def action_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.reload()

    def action_priority(self, priority: str) -> None:
        story = self.selected()
        if story is None:
            return
        self.service.set_priority(story.id, priority)
        self.reload(keep=story.id)
        self.notify(f"{story.id}: {priority_label(priority)}", timeout=2)

    def action_edit(self) -> None:
        story = self.selected()
        if story is None:
            return
        story_id = story.id

        def saved(result: StoryDraft | None) -> None:
            if result is not None:
                self.service.update_story(story_id, **result.values())
                self.reload(keep=story_id)

        self.app.push_screen(StoryEditor(StoryDraft.of(story), heading=f"Edit {story_id}", roles=self.story_roles(), story_id=story_id), saved)

    def action_new(self) -> None:
        def saved(result: StoryDraft | None) -> None:
            if result is not None:
                self.reload(keep=self.add_story(result).id)

        self.app.push_screen(StoryEditor(StoryDraft(), heading="New story", roles=self.story_roles()), saved)

    def action_delete(self) -> None:
        story = self.selected()
        if story is None:
            return
        story_id = story.id

        def decided(yes: bool | None) -> None:
            if yes:
                self.service.delete_story(story_id)
                self.reload()
                self.notify(f"{story_id} deleted. Press u to undo.", timeout=5)

        self.app.push_screen(ConfirmDialog(f"Delete {story_id}?", shorten(story.sentence(), 200), yes="Delete", no="Keep"), decided)

    def action_undo(self) -> None:
        story = self.service.undo_delete()
        if story is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        self.reload(keep=story.id)
        self.notify(f"{story.id} restored.", timeout=2)
