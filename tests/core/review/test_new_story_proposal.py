"""Trial4 T4-4: a new story the client writes on the review sheet (a row with no story ID) is a proposal to add
it, accepted as a new story or declined with a reason the client reads in the next spec."""

from __future__ import annotations

import csv
import io

import pytest

from elicit.core.findings import ElicitError
from elicit.core.review import accept, decline, diff, read_sheet, round_state, session_state, write_sheet
from elicit.core.session import SessionService
from elicit.core.session.file_format import dumps_session, loads_session
from elicit.core.session.models import Proposal
from elicit.core.spec import get_exporter
from elicit.core.spec.exporters.options import ExportOptions
from tests.support.export import interview_for, rich_session

NEW = "As a planning officer, I want to see a map of the site, so that I can check the neighbours to notify"


def returned(tmp_path, session, *rows):
    """The session's sheet as written, with ``rows`` (the client's new rows, in the sheet's columns) added at the end."""
    path = tmp_path / "back.csv"
    path.write_bytes(write_sheet(session, path))
    lines = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))
    lines.extend(list(row) for row in rows)
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(lines)
    return path


def service_with_round():
    session = rich_session()
    service = SessionService(session, interview_for(session))
    service.record_round("sent")
    return service


def test_a_row_with_no_story_id_and_a_story_is_a_proposal_to_add_it_with_its_priority_criteria_and_comment(tmp_path):
    service = service_with_round()
    criteria = "Given an application, when I open it, then the site shows on a map\nThe map shows the site boundary"
    path = returned(tmp_path, service.session, ["", NEW, "Could", criteria, "", "", "", "new one from me"])
    reading = read_sheet(path, service.session)
    assert reading.problems == [] and reading.warnings == []
    [proposal] = reading.proposals
    row = len(service.session.stories) + 1 + 2  # the mark line, the header, then one row a story (none rejected but US-004)
    assert (proposal.story, proposal.change, proposal.wording, proposal.priority, proposal.comment) == ("", "add", NEW, "could", "new one from me")
    assert proposal.acceptance == criteria.split("\n")
    assert proposal.round == 1 and proposal.row == row - 1


def test_the_clients_own_columns_win_over_the_sheets_and_a_blank_id_row_without_a_story_is_still_skipped(tmp_path):
    service = service_with_round()
    path = returned(
        tmp_path,
        service.session,
        ["", "As a clerk, I want a stamp", "Must", "", "new", "As a clerk, I want to stamp a letter", "Should", ""],
        ["", "", "", "", "", "", "", "a comment on nothing"],
    )
    reading = read_sheet(path, service.session)
    [proposal] = reading.proposals
    assert (proposal.change, proposal.wording, proposal.priority) == ("add", "As a clerk, I want to stamp a letter", "should")
    assert proposal.comment == "Story cell: As a clerk, I want a stamp", "nothing the client wrote is dropped"
    assert [problem.split(": ", 2)[2] for problem in reading.problems] == ["no story ID; row skipped"]


def test_accepting_an_add_makes_a_new_story_read_by_the_story_parser_with_the_next_id(tmp_path):
    service = service_with_round()
    [proposal] = service.add_proposals([Proposal("", "", "add", NEW, "could", "new one from me", round=1, row=7, acceptance=["The map shows the boundary"])])
    assert proposal.id and proposal.story == "" and proposal.status == "open"
    settled = accept(service, proposal.id)
    story = service.session.stories[-1]
    assert settled.status == "accepted" and settled.story == story.id == "US-005"
    assert (story.role, story.want, story.so_that) == ("planning officer", "to see a map of the site", "I can check the neighbours to notify")
    assert (story.priority, story.acceptance, story.status, story.quote, story.by, story.source) == (
        "could", ["The map shows the boundary"], "confirmed", NEW, "", []
    )
    changes = diff(round_state(service.session.rounds[-1], "r"), session_state(service.session, "s"))
    [added] = [change for change in changes if change.id == "US-005"]
    assert added.change == "added" and added.reason == "added at the client's request (the review sheet of round 1, row 7): new one from me"
    client = "".join(get_exporter("md").render(service.session, interview_for(service.session)).values())
    assert "*Added at your request:* from the review sheet of round 1, row 7. *Your comment:* new one from me" in client
    team = "".join(get_exporter("md").render(service.session, interview_for(service.session), ExportOptions(audience="team")).values())
    assert f"*Added at the client's request ({proposal.id}):* from the review sheet of round 1, row 7." in team


def test_text_that_is_not_a_story_is_added_whole_as_its_goal_tagged_unparsed():
    service = service_with_round()
    [proposal] = service.add_proposals([Proposal("", "", "add", "a map   of the site", round=1, row=7)])
    accept(service, proposal.id)
    story = service.session.stories[-1]
    assert (story.role, story.want, story.tags, story.priority) == ("", "a map of the site", ["unparsed"], "should")


def test_declining_an_add_is_a_decision_the_client_reads_with_the_reason_and_adds_no_story():
    service = service_with_round()
    before = len(service.session.stories)
    [proposal] = service.add_proposals([Proposal("", "", "add", NEW, "could", round=1, row=7)])
    with pytest.raises(ElicitError, match="say why"):
        decline(service, proposal.id, " ")
    decline(service, proposal.id, "Maps come with the GIS project next year")
    assert len(service.session.stories) == before and proposal.story == ""
    decision = service.session.decisions[-1]
    assert decision.stories == [] and decision.by == "" and decision.rationale == "Maps come with the GIS project next year"
    client = "".join(get_exporter("md").render(service.session, interview_for(service.session)).values())
    assert (
        f'{decision.id} · You asked us to add the story "{NEW}" (the review sheet of round 1, row 7); we did not add it. '
        "Our reason: Maps come with the GIS project next year."
    ) in client


def test_an_add_survives_the_session_file_open_and_settled():
    service = service_with_round()
    first, second = service.add_proposals(
        [Proposal("", "", "add", NEW, "could", round=1, row=7, acceptance=["One", "Two"]), Proposal("", "", "add", "As a clerk, I want a stamp", row=8)]
    )
    accept(service, first.id)
    reread = loads_session(dumps_session(service.session))
    assert reread.proposals == service.session.proposals
    assert reread.proposals[0].story == "US-005" and reread.proposals[1].story == "" and reread.proposals[0].acceptance == ["One", "Two"]
