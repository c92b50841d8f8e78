"""Traceability: question -> story -> criterion -> Gherkin scenario, as CSV and in the team's documents."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from elicit.core.session.models import Session, Story
from elicit.core.spec import ExportOptions, get_exporter
from elicit.core.spec.exporters.trace import COLUMNS, trace_rows
from elicit.core.text import formula_safe, printable
from tests.conftest import user_story_lines
from tests.support.cli import run_elicit
from tests.support.export import HOSTILE, interview_for, parse_gherkin, read_csv, rich_session, session_from_story_lines, sessions

HYPOTHESIS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def trace_csv(session: Session, include_rejected: bool = False) -> list[dict[str, str]]:
    (text,) = get_exporter("trace").render(session, interview_for(session), ExportOptions(include_rejected=include_rejected)).values()
    header, *body = read_csv(text)
    assert tuple(header) == COLUMNS
    return [dict(zip(header, row, strict=True)) for row in body]


def gherkin_scenarios(session: Session, include_rejected: bool = False) -> dict[str, list[str]]:
    """Feature file -> its scenario names, as the official Cucumber parser reads them."""
    files = get_exporter("gherkin").render(session, interview_for(session), ExportOptions(include_rejected=include_rejected))
    result = {}
    for name, text in files.items():
        feature = parse_gherkin(text)["feature"]
        # As the CSV shows them: control characters made visible (printable), as in every document elicit writes.
        result[printable(name)] = [printable(child["scenario"]["name"]) for child in feature["children"] if "scenario" in child]
    return result


def check_trace(session: Session, rows: list[dict[str, str]], include_rejected: bool = False) -> None:
    """One row per source question and criterion; every scenario named is one of its feature file's scenarios."""
    stories = [story for story in session.stories if include_rejected or story.status != "rejected"]
    assert len(rows) == sum(max(1, len(story.source)) * max(1, len(story.acceptance)) for story in stories)
    scenarios = gherkin_scenarios(session, include_rejected)
    for row in rows:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row.values())
        if row["Gherkin Scenario"]:
            assert row["Gherkin Scenario"].removeprefix("'") in scenarios[row["Feature File"]]
        else:
            assert scenarios[row["Feature File"]] == []
    covered = {(row["Feature File"], row["Gherkin Scenario"].removeprefix("'")) for row in rows}
    assert {(name, scenario) for name, names in scenarios.items() for scenario in names} <= covered


def test_rich_session_rows():
    session = rich_session()
    rows = trace_csv(session)
    check_trace(session, rows)
    assert rows[0] == {
        "Question ID": "mini.context.offline",
        "Question": "Must it work without a connection?",
        "Story ID": "US-001",
        "Story": "As a technician, I want record a job offline, so that I can work in basements",
        "Acceptance Criterion": "Given no connection, when I save a job, then it is queued",
        "Gherkin Scenario": "1. Given no connection, when I save a job, then it is queued",
        "Feature File": "US-001.feature",
    }
    assert [row["Story ID"] for row in rows] == ["US-001", "US-001", "US-002", "US-003"]
    assert rows[2]["Acceptance Criterion"] == rows[2]["Gherkin Scenario"] == ""
    assert rows[3]["Question ID"] == ""
    assert "US-004" not in {row["Story ID"] for row in rows}


def test_rejected_stories_when_asked():
    session = rich_session()
    rows = trace_csv(session, include_rejected=True)
    check_trace(session, rows, include_rejected=True)
    assert rows[-1]["Story ID"] == "US-004"


def test_byte_identical():
    exporter = get_exporter("trace")
    assert exporter.render(rich_session(), interview_for(rich_session())) == exporter.render(rich_session(), interview_for(rich_session()))


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text(hostile):
    story = Story(hostile or "US-1", hostile, hostile, hostile, "must", [hostile, "Given a\nWhen b\nThen c"], hostile, [hostile, "mini.context.problem"])
    session = Session(title="t", stories=[story], banks=rich_session().banks)
    rows = trace_csv(session)
    check_trace(session, rows)
    assert rows[0]["Story ID"] == formula_safe(printable(story.id))


@given(sessions())
@HYPOTHESIS
def test_trace_matches_the_gherkin_export_whatever_the_text(session):
    check_trace(session, trace_csv(session))


def test_real_stories():
    session = session_from_story_lines(user_story_lines())
    rows = trace_csv(session)
    check_trace(session, rows)
    assert len({row["Story ID"] for row in rows}) == sum(1 for story in session.stories if story.status != "rejected")


@pytest.mark.parametrize("name", ["md", "html"])
def test_team_documents_carry_the_table_and_client_ones_do_not(name):
    session = rich_session()
    exporter = get_exporter(name)
    (team,) = exporter.render(session, interview_for(session), ExportOptions(audience="team")).values()
    (client,) = exporter.render(session, interview_for(session), ExportOptions(audience="client")).values()
    assert "Traceability" in team and "Traceability" not in client
    assert "Gherkin scenario" in team
    for row in trace_rows(session, interview_for(session)):
        if row.scenario:
            assert row.scenario in team


def test_cli_trace(mini_session_path):
    run_elicit("story", "add", mini_session_path, "--role", "r", "--want", "w", "--accept", "Given a, when b, then c", "--source", "mini.context.problem")
    result = run_elicit("export", mini_session_path, "--format", "trace")
    assert result.returncode == 0, result.stderr
    header, row = read_csv(result.stdout)
    assert row[0] == "mini.context.problem" and row[5] == "1. Given a, when b, then c"


def test_every_format_has_its_own_default_file():
    from pathlib import Path

    from elicit.core.spec import FORMATS, default_destination

    names = [default_destination(Path("/w/interview.elicit.toml"), get_exporter(name)).name for name in FORMATS]
    assert len(set(names)) == len(names), names
    assert default_destination(Path("/w/interview.elicit.toml"), get_exporter("trace")).name == "interview.spec.trace.csv"
