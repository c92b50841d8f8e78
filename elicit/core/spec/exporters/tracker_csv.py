"""CSV for issue trackers: one row per story, RFC 4180 quoting.

The columns are those a tracker's CSV importer maps to issue fields (Jira's
among them; see docs/spec-format.md). Labels get one column each, all named
``Labels``, which is how Jira's importer takes several values for one field.
Header names hold no punctuation, which Jira's importer asks for.
"""

from __future__ import annotations

import csv
import io
import re
from typing import TYPE_CHECKING

from elicit.core.spec.exporters.options import DEFAULT_OPTIONS, ExportOptions, without_rejected
from elicit.core.spec.exporters.story_groups import asked_by_line, source_lines
from elicit.core.text import clip, formula_safe
from elicit.core.vocabulary import PRIORITY_LABELS

if TYPE_CHECKING:
    from elicit.core.session.engine import Interview
    from elicit.core.session.models import Session, Story

ISSUE_TYPE = "Story"
SUMMARY_LIMIT = 255
"""Jira refuses a summary longer than this."""

TRACKER_PRIORITY = {"must": "Highest", "should": "High", "could": "Medium", "wont": "Lowest"}
"""MoSCoW to the default priority names of Jira (and most trackers)."""

FIXED_COLUMNS = (
    "Story ID",
    "Summary",
    "Issue Type",
    "Priority",
    "MoSCoW",
    "Review Status",
    "Description",
    "Acceptance Criteria",
    "Client Quote",
    "Source Questions",
)
LABEL_COLUMN = "Labels"

_WHITESPACE = re.compile(r"\s+")


class TrackerCsvExporter:
    """Writes ``stories.csv`` for a tracker's CSV importer.

    Cells that a spreadsheet would run as a formula are neutralised
    (:func:`~elicit.core.text.formula_safe`) unless ``raw_cells`` is set.
    """

    name = "csv"
    title = "Issue-tracker CSV"
    suffix = ".csv"
    multi_file = False
    drops_rejected = True
    """Rejected stories are left out unless ExportOptions.include_rejected."""
    generated_line = ""

    def __init__(self, raw_cells: bool = False):
        self.raw_cells = raw_cells

    def with_raw_cells(self) -> TrackerCsvExporter:
        """The same exporter writing every cell exactly as it is (``elicit export --raw-cells``)."""
        return TrackerCsvExporter(raw_cells=True)

    def render(self, session: Session, interview: Interview, options: ExportOptions = DEFAULT_OPTIONS) -> dict[str, str]:
        """The stories as one CSV file."""
        return {"stories.csv": render_csv(without_rejected(session, options), interview, raw_cells=self.raw_cells)}


def render_csv(session: Session, interview: Interview, *, raw_cells: bool = False) -> str:
    """The CSV text: a header row, then one row per story, CRLF line ends.

    A cell starting like a spreadsheet formula gets a leading ``'`` unless ``raw_cells``.
    """
    labels = [story_labels(story) for story in session.stories]
    label_columns = max([1] + [len(item) for item in labels])
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(FIXED_COLUMNS + (LABEL_COLUMN,) * label_columns)
    for story, story_tags in zip(session.stories, labels, strict=True):
        row = (
            [
                story.id,
                summary(story),
                ISSUE_TYPE,
                TRACKER_PRIORITY.get(story.priority, ""),
                PRIORITY_LABELS.get(story.priority, story.priority),
                story.status,
                description(story, interview),
                "\n".join(story.acceptance),
                story.quote,
                "\n".join(story.source),
            ]
            + story_tags
            + [""] * (label_columns - len(story_tags))
        )
        writer.writerow(row if raw_cells else [formula_safe(cell) for cell in row])
    return buffer.getvalue()


def summary(story: Story) -> str:
    """The story sentence on one line, cut to the length trackers accept."""
    return clip(_WHITESPACE.sub(" ", story.sentence()).strip(), SUMMARY_LIMIT)


def story_labels(story: Story) -> list[str]:
    """The story's tags as labels: no spaces (trackers split labels on them), no repeats."""
    labels: list[str] = []
    for tag in story.tags:
        label = _WHITESPACE.sub("-", tag.strip())
        if label and label not in labels:
            labels.append(label)
    return labels


def description(story: Story, interview: Interview) -> str:
    """The issue description: the story, its criteria, the client's words and where it came from."""
    parts = [story.sentence() + "."]
    if story.acceptance:
        parts.append("Acceptance criteria:\n" + "\n".join(f"- {item}" for item in story.acceptance))
    if story.quote.strip():
        parts.append(f"Client's words:\n{story.quote}")
    asked = asked_by_line(story, interview.session)
    if asked:
        parts.append(asked)
    if story.source:
        parts.append("Source questions:\n" + "\n".join(f"- {item}" for item in source_lines(story, interview)))
    parts.append(f"elicit story {story.id}, priority {PRIORITY_LABELS.get(story.priority, story.priority)}, review status {story.status}")
    return "\n\n".join(parts)


EXPORTER = TrackerCsvExporter()
