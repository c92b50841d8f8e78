"""Tracker CSVs with hierarchy: Jira (epics with their stories) and Azure DevOps (work items under epics).

``elicit export --format csv --tracker jira|azure``. Each bank section that
has stories becomes an epic and its stories its children (grouped as in
:mod:`.story_groups`). Rejected stories are left out unless
``ExportOptions.include_rejected`` (``--include-rejected``). Every cell goes through
:func:`~elicit.core.text.formula_safe` unless ``raw_cells``, as in every CSV
elicit writes.

- Jira: one file, epics first then stories (the order Jira's importer needs
  to link them), ``Issue ID`` numbers that ``Parent`` refers to.
- Azure DevOps: the work-item import's tree form, ``Title 1`` for an epic
  and ``Title 2`` for each story under it, HTML descriptions and acceptance
  criteria, priorities 1–4, no ``ID`` column (new work items); at most
  1,000 work items a file, so a big backlog is split into several files,
  each holding whole epics (an epic with more stories than a file holds is
  repeated, marked "(continued)", at the top of the next file).
"""

from __future__ import annotations

import csv
import html
import io
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from elicit.core.spec.exporters.options import DEFAULT_OPTIONS, ExportOptions
from elicit.core.spec.exporters.story_groups import StoryGroup, asked_by_line, source_lines, story_groups
from elicit.core.spec.exporters.tracker_csv import description, story_labels, summary
from elicit.core.text import clip, formula_safe, printable
from elicit.core.vocabulary import PRIORITY_LABELS

if TYPE_CHECKING:
    from elicit.core.session.engine import Interview
    from elicit.core.session.models import Session, Story

TRACKERS = ("generic", "jira", "azure")
"""``--tracker`` values; ``generic`` is the flat CSV of :mod:`.tracker_csv`."""
TITLE_LIMIT = 255
AZURE_FILE_ROWS = 1000
"""Azure DevOps imports at most this many work items from one file."""

JIRA_PRIORITY = {"must": "Highest", "should": "High", "could": "Medium", "wont": "Low"}
AZURE_PRIORITY = {"must": "1", "should": "2", "could": "3", "wont": "4"}
JIRA_COLUMNS = ("Issue ID", "Parent", "Issue Type", "Summary", "Description", "Priority")
AZURE_COLUMNS = ("Work Item Type", "Title 1", "Title 2", "Description", "Acceptance Criteria", "Priority", "Tags")

_SPACES = re.compile(r"\s+")
_TAG_UNSAFE = re.compile(r"[;,]+")


@dataclass(frozen=True)
class TrackerSettings:
    """What a team may change about a tracker file (``elicit export`` options)."""

    work_item_type: str = ""
    """The stories' issue or work-item type; empty for the tracker's default (Jira ``Story``, Azure ``User Story``)."""
    epic_type: str = "Epic"
    """The type of the rows that group stories (Azure teams may prefer ``Feature``)."""
    priorities: dict[str, str] = field(default_factory=dict)
    """MoSCoW key -> the tracker's priority, overriding the default for that key."""
    raw_cells: bool = False


class _HierarchyExporter:
    """What the two tracker exporters share: settings and the CLI's ways of changing them."""

    name = "csv"
    suffix = ".csv"
    generated_line = ""
    drops_rejected = True
    tracker = ""
    default_type = ""
    default_priorities: dict[str, str] = {}

    def __init__(self, settings: TrackerSettings | None = None):
        self.settings = settings or TrackerSettings()

    def with_settings(self, **changes: object) -> _HierarchyExporter:
        """The same exporter with some settings changed."""
        return type(self)(replace(self.settings, **changes))  # type: ignore[arg-type]

    def with_raw_cells(self) -> _HierarchyExporter:
        """The same exporter writing every cell as it is (``elicit export --raw-cells``)."""
        return self.with_settings(raw_cells=True)

    def story_type(self) -> str:
        """The stories' issue or work-item type."""
        return self.settings.work_item_type.strip() or self.default_type

    def priority(self, story: Story) -> str:
        """The story's MoSCoW priority as the tracker's priority."""
        return self.settings.priorities.get(story.priority) or self.default_priorities.get(story.priority, "")

    def groups(self, session: Session, interview: Interview, options: ExportOptions) -> list[StoryGroup]:
        """The epics and their stories (rejected stories only with ``options.include_rejected``)."""
        return story_groups(session, interview, include_rejected=options.include_rejected)

    def rows_to_csv(self, header: tuple[str, ...] | list[str], rows: list[list[str]]) -> str:
        """RFC 4180 CSV, CRLF line ends, every body cell neutralised unless raw."""
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(header)
        for row in rows:
            writer.writerow(row if self.settings.raw_cells else [formula_safe(cell) for cell in row])
        return buffer.getvalue()


class JiraCsvExporter(_HierarchyExporter):
    """``jira-issues.csv`` for Jira's CSV importer: epics, then their stories linked by ``Parent``."""

    title = "Jira CSV (epics and stories)"
    tracker = "jira"
    multi_file = False
    default_type = "Story"
    default_priorities = JIRA_PRIORITY

    def render(self, session: Session, interview: Interview, options: ExportOptions = DEFAULT_OPTIONS) -> dict[str, str]:
        """The epics and stories as one CSV file."""
        return {"jira-issues.csv": self.render_text(session, interview, options)}

    def render_text(self, session: Session, interview: Interview, options: ExportOptions = DEFAULT_OPTIONS) -> str:
        """The CSV text."""
        groups = self.groups(session, interview, options)
        stories = [(number, story) for number, group in enumerate(groups, 1) for story in group.stories]
        labels = [story_labels(story) for _, story in stories]
        label_columns = max([1] + [len(item) for item in labels])
        rows = [
            [str(number), "", self.settings.epic_type.strip() or "Epic", _title(group.title), printable(group.goal), ""]
            + [""] * label_columns
            for number, group in enumerate(groups, 1)
        ]
        for issue_id, ((parent, story), story_tags) in enumerate(zip(stories, labels, strict=True), len(groups) + 1):
            rows.append(
                [str(issue_id), str(parent), self.story_type(), printable(summary(story)), printable(description(story, interview))]
                + [self.priority(story)]
                + [printable(label) for label in story_tags]
                + [""] * (label_columns - len(story_tags))
            )
        return self.rows_to_csv(list(JIRA_COLUMNS) + ["Labels"] * label_columns, rows)


class AzureCsvExporter(_HierarchyExporter):
    """Azure DevOps work-item import files: epics (``Title 1``) with their stories (``Title 2``), in a folder."""

    title = "Azure DevOps CSV (epics and stories)"
    tracker = "azure"
    multi_file = True
    default_type = "User Story"
    default_priorities = AZURE_PRIORITY
    generated_line = ",".join(AZURE_COLUMNS)
    """The header row: how a later export recognises the files of an earlier one."""

    def render(self, session: Session, interview: Interview, options: ExportOptions = DEFAULT_OPTIONS) -> dict[str, str]:
        """``work-items.csv``, or ``work-items-1.csv`` … when the work items need more than one file."""
        chunks = azure_chunks(self.groups(session, interview, options), AZURE_FILE_ROWS)
        if len(chunks) <= 1:
            return {"work-items.csv": self._file(chunks[0] if chunks else [], interview)}
        width = len(str(len(chunks)))
        return {f"work-items-{number:0{width}d}.csv": self._file(chunk, interview) for number, chunk in enumerate(chunks, 1)}

    def _file(self, groups: list[StoryGroup], interview: Interview) -> str:
        rows = []
        for group in groups:
            rows.append([self.settings.epic_type.strip() or "Epic", _title(group.title), "", _html_lines(group.goal), "", "", ""])
            for story in group.stories:
                rows.append(
                    [
                        self.story_type(),
                        "",
                        printable(summary(story)),
                        azure_description(story, interview),
                        _html_list(story.acceptance),
                        self.priority(story),
                        "; ".join(azure_tags(story)),
                    ]
                )
        return self.rows_to_csv(AZURE_COLUMNS, rows)


def azure_chunks(groups: list[StoryGroup], limit: int) -> list[list[StoryGroup]]:
    """The epics packed into files of at most ``limit`` rows, whole where they fit.

    An epic that does not fit in what is left of a file starts the next one;
    one with more stories than a file holds is cut, its later parts repeated
    as "TITLE (continued)" epics so that every story has its epic in its file.
    """
    chunks: list[list[StoryGroup]] = []
    current: list[StoryGroup] = []
    used = 0
    for group in groups:
        parts = [group.stories[start : start + limit - 1] for start in range(0, len(group.stories), limit - 1)] or [()]
        for index, stories in enumerate(parts):
            part = group if len(parts) == 1 else replace(group, title=group.title if index == 0 else f"{group.title} (continued)", stories=stories)
            if current and used + 1 + len(stories) > limit:
                chunks.append(current)
                current, used = [], 0
            current.append(part)
            used += 1 + len(stories)
    if current:
        chunks.append(current)
    return chunks


def azure_description(story: Story, interview: Interview) -> str:
    """The work item's description as HTML: the sentence, the client's words, the source questions, elicit's id."""
    parts = [f"<p>{_html(story.sentence())}.</p>"]
    if story.quote.strip():
        parts.append(f"<p><b>Client's words:</b><br>{_html(story.quote)}</p>")
    asked = asked_by_line(story, interview.session)
    if asked:
        label, _, who = asked.partition(": ")
        parts.append(f"<p><b>{_html(label)}:</b> {_html(who)}</p>")
    if story.source:
        parts.append("<p><b>Source questions:</b></p>" + _html_list(source_lines(story, interview)))
    priority = PRIORITY_LABELS.get(story.priority, story.priority)
    parts.append(f"<p>elicit story {_html(story.id)}, MoSCoW {_html(priority)}, review status {_html(story.status)}</p>")
    return "".join(parts)


def azure_tags(story: Story) -> list[str]:
    """The story's tags for Azure DevOps: on one line, without ``;`` or ``,`` (which separate tags), no repeats."""
    tags: list[str] = []
    for tag in story.tags:
        cleaned = printable(_SPACES.sub(" ", _TAG_UNSAFE.sub(" ", tag)).strip())
        if cleaned and cleaned not in tags:
            tags.append(cleaned)
    return tags


def _title(text: str) -> str:
    return printable(clip(_SPACES.sub(" ", text).strip(), TITLE_LIMIT))


def _html(text: str) -> str:
    """User text as HTML: escaped, control characters made visible, line breaks as ``<br>``."""
    return "<br>".join(html.escape(line, quote=False) for line in printable(text).splitlines())


def _html_lines(text: str) -> str:
    return f"<p>{_html(text)}</p>" if text.strip() else ""


def _html_list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{_html(item)}</li>" for item in items) + "</ul>" if items else ""


def priority_names(tracker: str) -> dict[str, str]:
    """The default MoSCoW -> priority mapping of a tracker."""
    return dict(JIRA_PRIORITY if tracker == "jira" else AZURE_PRIORITY)


JIRA = JiraCsvExporter()
AZURE = AzureCsvExporter()
