"""Traceability: question -> story -> acceptance criterion -> Gherkin scenario, as CSV and as a table for the team.

One row per source question and criterion of each story: a story with two
source questions and three criteria gives six rows; a story with no source
question or no criteria still gets its rows, with those cells empty. The
scenario is the name the Gherkin export gives the criterion's scenario, and
the feature file the file it is in, so a failing scenario leads back to the
client's question. Rejected stories are left out, as in the Gherkin export,
unless ``include_rejected``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from elicit.core.spec.exporters.gherkin_features import feature_file_name, scenario_name
from elicit.core.spec.exporters.options import DEFAULT_OPTIONS, ExportOptions, without_rejected
from elicit.core.text import formula_safe, printable

if TYPE_CHECKING:
    from elicit.core.session.engine import Interview
    from elicit.core.session.models import Session

COLUMNS = ("Question ID", "Question", "Story ID", "Story", "Acceptance Criterion", "Gherkin Scenario", "Feature File")


@dataclass(frozen=True)
class TraceRow:
    """One link of the chain; empty strings where a story has no source question or no criteria."""

    question_id: str
    question: str
    story_id: str
    story: str
    criterion: str
    scenario: str
    feature_file: str

    def cells(self) -> tuple[str, ...]:
        """The row in :data:`COLUMNS` order."""
        return (self.question_id, self.question, self.story_id, self.story, self.criterion, self.scenario, self.feature_file)


def trace_rows(session: Session, interview: Interview, include_rejected: bool = False) -> list[TraceRow]:
    """The traceability rows, stories in session order (the Gherkin export's order, so file names match)."""
    rows: list[TraceRow] = []
    taken: set[str] = set()
    stories = session.stories if include_rejected else [story for story in session.stories if story.status != "rejected"]
    for story in stories:
        feature = feature_file_name(story.id, taken)
        sources = [(question_id, _prompt(question_id, interview)) for question_id in story.source] or [("", "")]
        criteria = [(criterion, scenario_name(number, criterion)) for number, criterion in enumerate(story.acceptance, 1)] or [("", "")]
        for question_id, prompt in sources:
            for criterion, scenario in criteria:
                rows.append(TraceRow(question_id, prompt, story.id, story.sentence(), criterion, scenario, feature))
    return rows


def _prompt(question_id: str, interview: Interview) -> str:
    question = interview.question(question_id)
    return question.prompt if question is not None else ""


class TraceCsvExporter:
    """Writes ``trace.csv``: the traceability table."""

    name = "trace"
    title = "Traceability CSV"
    suffix = ".trace.csv"
    """Not ``.csv``: beside the session, ``interview.spec.trace.csv`` must not be the tracker CSV's file."""
    multi_file = False
    generated_line = ""
    drops_rejected = True
    """Rejected stories are left out unless ExportOptions.include_rejected."""

    def __init__(self, raw_cells: bool = False):
        self.raw_cells = raw_cells

    def with_raw_cells(self) -> TraceCsvExporter:
        """The same exporter writing every cell as it is (``elicit export --raw-cells``)."""
        return TraceCsvExporter(raw_cells=True)

    def render(self, session: Session, interview: Interview, options: ExportOptions = DEFAULT_OPTIONS) -> dict[str, str]:
        """The table as one CSV file, CRLF line ends, cells neutralised against formulas unless raw."""
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(COLUMNS)
        for row in trace_rows(without_rejected(session, options), interview, include_rejected=True):
            cells = [printable(cell) for cell in row.cells()]
            writer.writerow(cells if self.raw_cells else [formula_safe(cell) for cell in cells])
        return {"trace.csv": buffer.getvalue()}


EXPORTER = TraceCsvExporter()
