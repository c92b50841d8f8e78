"""The sample interview (tests/data/sample-interview.elicit.toml) exported as a consultant sends it.

A 25-minute first interview with a bakery on the built-in discovery bank: notes on
answers, a story rejected with the client's reason, a scale answer, decisions,
open questions, an assumption, glossary terms, and three sections never reached.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from functools import cache

import pytest

from elicit.core.banks import BankCatalog
from elicit.core.session import Interview, banks_for_session, read_session
from elicit.core.spec.exporters import AUDIENCES, FORMATS, ExportOptions, get_exporter, is_people_format
from tests.core.spec.test_html_spec import Page
from tests.support import REPO

SAMPLE = REPO / "tests" / "data" / "sample-interview.elicit.toml"
PEOPLE = ("md", "html")
NOTES = (
    "Owner sounded frustrated; check the number with shop managers.",
    "Numbers are Maria's guess; Tom thinks fewer lost orders.",
    "Did not get to the bottom of this; ask again with Tom.",
    "Allergy notes: a real safety worry, raise with the team.",
)
REASON = "Bank transfers take days to clear and staff would have to check the account; card and cash on collection are enough for now."
REJECTED = "US-005 · As a customer, I want to pay a deposit by bank transfer, so that I can pay without a card"
SCALE = "4 of 5 (1 = a minor nuisance, 5 = it threatens the business)"


@cache
def sample() -> tuple[object, Interview]:
    session = read_session(SAMPLE)
    banks, notes = banks_for_session(session, BankCatalog.default(), SAMPLE.parent)
    assert notes == []
    return session, Interview(session, banks)


def export(name: str, audience: str = "client", include_rejected: bool = False) -> dict[str, str]:
    session, interview = sample()
    options = ExportOptions(audience=audience, include_rejected=include_rejected)
    return get_exporter(name).render(session, interview, options)  # type: ignore[arg-type]


def people_text(name: str, audience: str) -> str:
    """The document as a reader sees it: Markdown raw (it is read raw too), HTML as its text."""
    (text,) = export(name, audience).values()
    if name == "html":
        return "".join(Page(text).text)
    return text


def sections(text: str) -> dict[str, str]:
    """Level-2 parts of the Markdown by title."""
    parts = re.split(r"^## (.+)$", text, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_the_sample_covers_what_the_spec_must_handle():
    session, interview = sample()
    assert any(answer.notes.strip() for answer in session.answers.values())
    assert [story.id for story in session.stories if story.status == "rejected"] == ["US-005"]
    assert session.decisions and session.open_questions and session.assumptions and session.glossary
    assert interview.question("discovery.problem.severity").kind == "scale"
    unasked = [item.section.title for item in interview.coverage() if item.progress.total and not item.progress.done]
    assert unasked == ["Scope", "Constraints", "Risks and assumptions"]


@pytest.mark.parametrize("name", PEOPLE)
def test_client_document_is_what_the_client_may_read(name):
    text = people_text(name, "client")
    for note in NOTES:
        assert note not in text
    assert "revisit" not in text.lower() and "discovery." not in text and "Appendix" not in text
    assert SCALE in text
    assert "End" in text and "14:27 UTC+01:00" in text
    assert "Duration" in text and "25 min" in text
    assert "12 March 2026" in text and "14:00 UTC+01:00" in text
    assert "Not yet discussed" in text
    for area in ("Scope", "Constraints", "Risks and assumptions"):
        assert area in text
    assert "What is in scope for the first version?" not in text  # areas, not every question


def test_client_markdown_keeps_the_rejected_story_out_of_the_requirements():
    text = people_text("md", "client")
    parts = sections(text)
    assert REJECTED not in parts["Stories"]
    assert "bank transfer" not in parts["Stories"]
    # Trial F8a: the rejected story is a heading of the level of a taken one (####, under a ### group), not bigger.
    assert f"### Rejected by the client (1)\n\n#### {REJECTED}\n\n*Reason:* {REASON}" in parts["Not taken forward"]
    taken = re.findall(r"^(#+) US-\d+", parts["Stories"], flags=re.MULTILINE)
    assert taken and set(taken) == {"####"}
    assert "Some older customers ask for it." in parts["Not taken forward"]
    assert "**Stories:** 4 (Must 2, Should 1, Could 1, Won't 0)" in text and "**Not taken forward:** 1" in text


def test_client_html_keeps_the_rejected_story_out_of_the_requirements():
    (html,) = export("html").values()
    stories = html.split('<section id="stories"', 1)[1].split("</section>", 1)[0]
    not_taken = html.split('<section id="not-taken-forward"', 1)[1].split("</section>", 1)[0]
    assert "bank transfer" not in stories
    assert f"<h4>{REJECTED}</h4>" in not_taken and "<h3>Rejected by the client (1)</h3>" in not_taken
    assert re.findall(r"<h(\d)>US-\d+", stories) and set(re.findall(r"<h(\d)>US-\d+", stories)) == {"4"}
    assert f'<span class="label">Reason:</span> {REASON}' in not_taken


@pytest.mark.parametrize("name", PEOPLE)
def test_team_document_has_the_notes_and_the_full_coverage(name):
    text = people_text(name, "team")
    session, interview = sample()
    for note in NOTES:
        assert note in text
    assert "Flagged to revisit." in text and "Skipped." in text
    assert "Answered" in text and "Required open" in text
    for item in interview.coverage():
        assert item.section.title in text
    for question in interview.questions:
        if interview.applies(question.id) and interview.status(question.id) == "open":
            assert question.prompt in text, question.prompt
    assert REASON in text and SCALE in text


def test_team_markdown_has_a_row_per_section_in_the_full_coverage_table():
    text = people_text("md", "team")
    _, interview = sample()
    for item in interview.coverage():
        p = item.progress
        row = f"| {item.section.title} | {p.answered}/{p.total} | {p.skipped} | {p.revisit} | {p.open} | {p.required_open} |"
        assert row in text


def test_tool_formats_leave_the_rejected_story_out_and_the_record_keeps_it():
    assert "US-005" not in export("csv")["stories.csv"]
    assert "US-005" in export("csv", include_rejected=True)["stories.csv"]
    assert "US-005.feature" not in export("gherkin") and "US-005.feature" in export("gherkin", include_rejected=True)
    for name in ("toml", "json"):
        (text,) = export(name).values()
        assert "US-005" in text and "rejected" in text


_DIGEST = """
import hashlib, sys
from elicit.core.banks import BankCatalog
from elicit.core.session import Interview, banks_for_session, read_session
from elicit.core.spec.exporters import AUDIENCES, FORMATS, ExportOptions, get_exporter, is_people_format
from pathlib import Path
path = Path(sys.argv[1])
session = read_session(path)
banks, _ = banks_for_session(session, BankCatalog.default(), path.parent)
for name in FORMATS:
    exporter = get_exporter(name)
    for audience in AUDIENCES if is_people_format(exporter) else ("client",):
        for rejected in (False, True):
            files = exporter.render(session, Interview(session, banks), ExportOptions(audience, rejected))
            for file_name in sorted(files):
                digest = hashlib.sha256(files[file_name].encode()).hexdigest()
                print(name, audience, rejected, file_name, digest)
"""


def test_every_export_of_the_sample_is_byte_identical_across_runs():
    runs = []
    for seed in ("1", "2"):
        result = subprocess.run(
            [sys.executable, "-c", _DIGEST, str(SAMPLE)],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin", "TZ": "Asia/Tokyo" if seed == "1" else "America/Lima"},
            cwd=REPO,
        )
        runs.append(result.stdout)
    assert runs[0] == runs[1]
    lines = runs[0].splitlines()
    formats = {line.split()[0] for line in lines}
    assert formats == set(FORMATS)
    assert sum(1 for line in lines if line.startswith(("md ", "html "))) == 8
    here = hashlib.sha256(export("md")["spec.md"].encode()).hexdigest()
    assert f"md client False spec.md {here}" in lines
    assert AUDIENCES == ("client", "team") and all(is_people_format(get_exporter(name)) for name in PEOPLE)


def test_the_client_reads_the_stories_before_the_charts():
    # Trial F8f: on a phone (400 px) the summary's two bar charts filled two to three screens before the first story.
    (html,) = export("html").values()
    summary = html.split('<section id="summary"', 1)[1].split("</section>", 1)[0]
    assert "<figure" not in summary and "Stories:" in summary and "Coverage:" in summary
    assert html.index("<figure") > html.index('<section id="stories"') > 0
    figures = html.split('<section id="in-figures"', 1)[1].split("</section>", 1)[0]
    assert "<figcaption>Stories per priority</figcaption>" in figures and "<figcaption>Questions answered per section</figcaption>" in figures
    parts = sections(people_text("md", "client"))
    assert "|" not in parts["Summary"] and "| Must have | 2 |" in parts["In figures"]
    assert list(parts).index("In figures") == len(parts) - 1


def test_the_team_keeps_its_charts_and_tables_in_the_summary():
    (html,) = export("html", "team").values()
    summary = html.split('<section id="summary"', 1)[1].split("</section>", 1)[0]
    assert "<figcaption>Stories per priority</figcaption>" in summary and 'id="in-figures"' not in html


def test_the_client_is_told_why_a_decision_number_is_missing():
    # Trial F14: D-001, D-003 after D-002 was deleted; the client asks where D-002 went. The ids stay
    # (rounds, diffs and the command line name records by them); the client spec says the number was withdrawn.
    from elicit.core.spec.exporters.markdown_spec import markdown_document
    from elicit.core.spec.exporters.spec_document import build_document

    session, interview = sample()
    assert [d.id for d in session.decisions] == ["D-001", "D-002"]
    del session.decisions[0]
    session.assumptions.clear()
    client = markdown_document(build_document(session, interview, "client"))
    assert sections(client)["Decisions"].strip().endswith("D-001 is not listed: it was withdrawn.")
    assert "withdrawn" not in sections(client)["Assumptions"] and "withdrawn" not in sections(client)["Open questions"]
    assert "withdrawn" not in markdown_document(build_document(session, interview, "team"))
