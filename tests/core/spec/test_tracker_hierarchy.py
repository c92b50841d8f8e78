"""Jira and Azure DevOps CSVs: read back with csv into epics and their stories, whatever the text."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings

from elicit.core.session.models import Session, Story
from elicit.core.spec import TRACKERS, ExportOptions, get_exporter, get_tracker_exporter
from elicit.core.spec.exporters.story_groups import StoryGroup, story_groups
from elicit.core.spec.exporters.tracker_csv import summary
from elicit.core.spec.exporters.tracker_hierarchy import AZURE_COLUMNS, AZURE_FILE_ROWS, JIRA_COLUMNS, azure_chunks
from elicit.core.text import formula_safe, printable
from tests.conftest import user_story_lines
from tests.support.cli import run_elicit
from tests.support.export import HOSTILE, interview_for, read_csv, rich_session, session_from_story_lines, sessions

HYPOTHESIS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def jira_rows(session: Session, include_rejected: bool = False, **changes) -> tuple[list[str], list[dict[str, object]]]:
    exporter = get_tracker_exporter("jira")
    if changes:
        exporter = exporter.with_settings(**changes)
    (text,) = exporter.render(session, interview_for(session), ExportOptions(include_rejected=include_rejected)).values()
    header, *body = read_csv(text)
    assert all(len(row) == len(header) for row in body)
    rows = []
    for row in body:
        labels = [cell for name, cell in zip(header, row, strict=True) if name == "Labels" and cell]
        rows.append({**{name: cell for name, cell in zip(header, row, strict=True) if name != "Labels"}, "Labels": labels})
    return header, rows


def check_jira(session: Session, rows: list[dict[str, object]], include_rejected: bool = False) -> None:
    """Epics first, then stories; every story's Parent is an epic row of the file; the text as written."""
    groups = story_groups(session, interview_for(session), include_rejected=include_rejected)
    epics = [row for row in rows if row["Issue Type"] == "Epic"]
    stories = [row for row in rows if row["Issue Type"] != "Epic"]
    assert rows == epics + stories, "Jira links children only to parents above them"
    assert len(epics) == len(groups)
    ids = [row["Issue ID"] for row in rows]
    assert len(set(ids)) == len(ids)
    epic_ids = {row["Issue ID"]: group for row, group in zip(epics, groups, strict=True)}
    expected = [(group, story) for group in groups for story in group.stories]
    assert len(stories) == len(expected)
    for row, (group, story) in zip(stories, expected, strict=True):
        assert epic_ids[row["Parent"]] is group
        assert row["Summary"] == formula_safe(printable(summary(story)))
        assert len(row["Summary"]) <= 256
        assert all(" " not in label and label for label in row["Labels"])
    for row in rows:
        assert not any(str(cell).startswith(FORMULA_START) for cell in row.values() if isinstance(cell, str))


def azure_files(session: Session, **changes) -> dict[str, list[list[str]]]:
    exporter = get_tracker_exporter("azure")
    if changes:
        exporter = exporter.with_settings(**changes)
    return {name: read_csv(text) for name, text in exporter.render(session, interview_for(session)).items()}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "br":
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def html_text(value: str) -> tuple[str, list[str]]:
    parser = _Text()
    parser.feed(value)
    parser.close()
    return "".join(parser.parts), parser.tags


def check_azure(session: Session, files: dict[str, list[list[str]]]) -> None:
    """No ID column; each story row follows its epic (Title 1) in the same file; at most 1,000 work items a file."""
    groups = story_groups(session, interview_for(session), include_rejected=False)
    seen: list[Story] = []
    expected = [story for group in groups for story in group.stories]
    for header, *body in files.values():
        assert tuple(header) == AZURE_COLUMNS and "ID" not in header
        assert len(body) <= AZURE_FILE_ROWS
        epic = None
        for row in body:
            item = dict(zip(header, row, strict=True))
            if item["Title 1"]:
                assert item["Work Item Type"] == "Epic" and not item["Title 2"]
                epic = item["Title 1"]
                continue
            assert epic is not None, "a story before any epic in its file"
            story = expected[len(seen)]
            seen.append(story)
            assert item["Title 2"] == formula_safe(printable(summary(story)))
            assert item["Priority"] in ("1", "2", "3", "4")
            text, tags = html_text(item["Description"].removeprefix("'"))
            assert set(tags) <= {"p", "b", "br", "ul", "li"}
            assert f"elicit story {chr(10).join(printable(story.id).splitlines())}, MoSCoW" in text
            if story.acceptance:
                criteria, tags = html_text(item["Acceptance Criteria"].removeprefix("'"))
                assert tags.count("li") == len(story.acceptance)
            assert all(tag and ";" not in tag for tag in item["Tags"].split("; ") if item["Tags"])
            assert not any(cell.startswith(FORMULA_START) for cell in row)
    assert len(seen) == len(expected)


# Jira ---------------------------------------------------------------------------------


def test_trackers_are_the_three():
    assert TRACKERS == ("generic", "jira", "azure")
    assert get_tracker_exporter("generic") is get_exporter("csv")


def test_jira_rich_session_reads_back_as_epics_and_stories():
    session = rich_session()
    header, rows = jira_rows(session)
    assert header[: len(JIRA_COLUMNS)] == list(JIRA_COLUMNS)
    assert set(header[len(JIRA_COLUMNS) :]) == {"Labels"}
    check_jira(session, rows)
    assert [row["Summary"] for row in rows if row["Issue Type"] == "Epic"] == ["Context", "Users", "Other stories"]
    story = next(row for row in rows if row["Issue Type"] == "Story")
    assert story["Priority"] == "Highest"
    assert story["Labels"] == ["offline", "mobile-app"]
    assert "Client's words:\nWe lose half a day" in story["Description"]
    assert "US-004" not in str(rows), "the rejected story is left out"
    assert [row["Priority"] for row in rows if row["Issue Type"] == "Story"] == ["Highest", "High", "Medium"]


def test_jira_includes_rejected_stories_when_asked():
    session = rich_session()
    _, rows = jira_rows(session, include_rejected=True)
    check_jira(session, rows, include_rejected=True)
    assert rows[-1]["Priority"] == "Low"


def test_jira_types_and_priorities_are_configurable():
    _, rows = jira_rows(rich_session(), work_item_type="User Story", epic_type="Feature", priorities={"must": "P1"})
    assert {row["Issue Type"] for row in rows} == {"Feature", "User Story"}
    assert rows[3]["Priority"] == "P1"
    assert rows[4]["Priority"] == "High"


@given(sessions())
@HYPOTHESIS
def test_jira_reads_back_whatever_the_text(session):
    _, rows = jira_rows(session)
    check_jira(session, rows)


@pytest.mark.parametrize("name", ["jira", "azure"])
def test_byte_identical(name):
    exporter = get_tracker_exporter(name)
    assert exporter.render(rich_session(), interview_for(rich_session())) == exporter.render(rich_session(), interview_for(rich_session()))


# Azure DevOps -------------------------------------------------------------------------


def test_azure_rich_session_reads_back_as_a_tree():
    session = rich_session()
    files = azure_files(session)
    assert list(files) == ["work-items.csv"]
    check_azure(session, files)
    header, *body = files["work-items.csv"]
    assert [row[0] for row in body] == ["Epic", "User Story", "Epic", "User Story", "Epic", "User Story"]
    story = dict(zip(header, body[1], strict=True))
    assert story["Priority"] == "1"
    assert story["Tags"] == "offline; mobile app"
    assert story["Acceptance Criteria"] == (
        "<ul><li>Given no connection, when I save a job, then it is queued</li><li>Jobs sync within a minute of reconnecting</li></ul>"
    )


def test_azure_work_item_type_is_configurable():
    files = azure_files(rich_session(), work_item_type="Product Backlog Item", epic_type="Feature")
    (header, *body) = files["work-items.csv"]
    assert {row[0] for row in body} == {"Feature", "Product Backlog Item"}


@pytest.mark.parametrize("hostile", HOSTILE)
def test_azure_escapes_hostile_text(hostile):
    story = Story("US-1", hostile, hostile, hostile, "must", [hostile, "<b>x</b> & y"], hostile, ["mini.context.problem"], [hostile, "a;b"])
    session = Session(title=hostile, stories=[story], banks=rich_session().banks)
    files = azure_files(session)
    check_azure(session, files)
    (header, *body) = files["work-items.csv"]
    criteria = dict(zip(header, body[1], strict=True))["Acceptance Criteria"]
    assert "&lt;b&gt;x&lt;/b&gt; &amp; y" in criteria


@given(sessions())
@HYPOTHESIS
def test_azure_reads_back_whatever_the_text(session):
    check_azure(session, azure_files(session))


def _group(name: str, count: int) -> StoryGroup:
    return StoryGroup(name, name, "", tuple(Story(f"{name}-{n}", "user", "do") for n in range(count)))


def test_azure_files_hold_whole_epics_and_at_most_the_limit():
    chunks = azure_chunks([_group("a", 3), _group("b", 4), _group("c", 1), _group("d", 12)], 6)
    assert [[(part.title, len(part.stories)) for part in chunk] for chunk in chunks] == [
        [("a", 3)],
        [("b", 4)],
        [("c", 1)],
        [("d", 5)],
        [("d (continued)", 5)],
        [("d (continued)", 2)],
    ]
    assert all(sum(1 + len(part.stories) for part in chunk) <= 6 for chunk in chunks)


def test_real_stories_export_to_jira_and_split_for_azure():
    session = session_from_story_lines(user_story_lines())
    _, rows = jira_rows(session, include_rejected=True)
    check_jira(session, rows, include_rejected=True)
    assert sum(1 for row in rows if row["Issue Type"] == "Story") == 995
    session.stories += [Story(f"US-X{n}", "user", f"thing {n}", source=["mini.users.who"]) for n in range(300)]
    files = azure_files(session)
    assert len(files) == 2 and list(files) == ["work-items-1.csv", "work-items-2.csv"]
    check_azure(session, files)
    expected = sum(1 for story in session.stories if story.status != "rejected")
    assert sum(1 for rows in files.values() for row in rows[1:] if row[0] == "User Story") == expected


# CLI ----------------------------------------------------------------------------------


def test_cli_tracker_exports(tmp_path, mini_session_path):
    run_elicit("story", "add", mini_session_path, "--role", "tech", "--want", "=1+1", "--source", "mini.context.problem", "--priority", "wont")
    jira = run_elicit("export", mini_session_path, "--format", "csv", "--tracker", "jira", "--tracker-priority", "wont=Lowest")
    assert jira.returncode == 0, jira.stderr
    header, epic, story = read_csv(jira.stdout)
    assert header[:3] == ["Issue ID", "Parent", "Issue Type"]
    assert (epic[2], story[1], story[5]) == ("Epic", epic[0], "Lowest")
    folder = tmp_path / "azure"
    azure = run_elicit("export", mini_session_path, "-f", "csv", "--tracker", "azure", "--work-item-type", "Product Backlog Item", "-o", folder)
    assert azure.returncode == 0, azure.stderr
    (header, epic, story) = read_csv((folder / "work-items.csv").read_text(encoding="utf-8"))
    assert (epic[0], story[0], story[5]) == ("Epic", "Product Backlog Item", "4")
    run_elicit("story", "add", mini_session_path, "--role", "x", "--want", "rejected thing", "--status", "rejected")
    assert "rejected thing" not in run_elicit("export", mini_session_path, "-f", "csv", "--tracker", "jira").stdout
    kept = run_elicit("export", mini_session_path, "-f", "csv", "--tracker", "jira", "--include-rejected")
    assert "rejected thing" in kept.stdout
    generic = run_elicit("export", mini_session_path, "-f", "csv", "--tracker", "generic")
    assert generic.stdout == run_elicit("export", mini_session_path, "-f", "csv").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-f", "md", "--tracker", "jira"], "--tracker applies to --format csv only"),
        (["-f", "csv", "--tracker", "trello"], "unknown tracker 'trello'"),
        (["-f", "csv", "--work-item-type", "Bug"], "applies to --tracker jira or azure"),
        (["-f", "csv", "--tracker", "azure"], "give a folder with -o OUT"),
        (["-f", "csv", "--tracker", "jira", "--tracker-priority", "urgent=P0"], "write MOSCOW=NAME"),
        (["-f", "csv", "--tracker", "azure", "-o", "x", "--tracker-priority", "must=High"], "priorities are 1, 2, 3 or 4"),
        (["-f", "csv", "--tracker", "jira", "--work-item-type", " "], "--work-item-type needs a name"),
    ],
)
def test_cli_tracker_usage_errors(mini_session_path, args, message):
    result = run_elicit("export", mini_session_path, *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stderr.count("\n") == 1
