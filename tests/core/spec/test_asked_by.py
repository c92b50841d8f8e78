"""Who asked for a story reaches the team's tools (trial6 T6-5): the tracker CSV, Jira, Azure DevOps and
Gherkin exports said nothing of it, and for a merged story nothing of the two people who asked for it at
two priorities."""

from __future__ import annotations

import csv
import io

from gherkin.parser import Parser
from gherkin.token_scanner import TokenScanner

from elicit.core.banks.catalog import BankCatalog
from elicit.core.session import Interview
from elicit.core.session.models import Participant
from elicit.core.spec.exporters.gherkin_features import render_feature
from elicit.core.spec.exporters.story_groups import asked_by_line
from elicit.core.spec.exporters.tracker_csv import render_csv
from elicit.core.spec.exporters.tracker_hierarchy import azure_description
from elicit.core.stakeholders import merge
from tests.core.stakeholders.test_merge import bakery

ASKED = "Asked for by: Maria Lopez (Owner, Must), Tom Briggs (Shop manager, High Street, Should) and Priya Shah (Shop manager, Station Road, Must)"


def merged():
    session = merge(bakery()).session
    return session, Interview(session, [BankCatalog.default().load(ref.id) for ref in session.banks])


def test_a_merged_story_names_every_teller_with_the_priority_they_gave():
    session, _interview = merged()
    cake = session.story("US-001")
    assert asked_by_line(cake, session) == ASKED


def test_a_story_one_person_told_names_them_with_their_role_and_nobody_gives_nothing():
    session, _interview = merged()
    session.participants = [Participant("Ann Lee", "owner")]
    story = session.stories[0]
    story.copies, story.by = [], "Ann Lee"
    assert asked_by_line(story, session) == "Said by: Ann Lee (owner)"
    story.by = "the board"
    assert asked_by_line(story, session) == "Said by: the board"
    story.by = ""
    assert asked_by_line(story, session) == ""


def test_the_tools_name_a_teller_as_the_spec_names_them():
    """A story's ``by`` that is part of a participant's name ("Lee", "Dr. Okafor") is that participant in the spec
    (``SpecContext.person``); the tools' "Said by" named them by what was typed (review4 R4-2)."""
    from elicit.core.spec.exporters.spec_document import SpecContext

    session, interview = merged()
    session.participants = [Participant("Ann Lee", "owner"), Participant("Dr. Maria Okafor", "practice owner")]
    story = session.stories[0]
    story.copies = []
    for typed, shown in (("Lee", "Ann Lee (owner)"), ("Dr. Okafor", "Dr. Maria Okafor (practice owner)")):
        story.by = typed
        assert asked_by_line(story, session) == f"Said by: {shown}"
        assert shown == SpecContext(session, interview, "team").person(typed)


def test_the_tracker_csv_and_azure_descriptions_and_the_feature_file_carry_it():
    session, interview = merged()
    rows = {row["Story ID"]: row for row in csv.DictReader(io.StringIO(render_csv(session, interview)))}
    assert ASKED in rows["US-001"]["Description"]
    assert f"<p><b>Asked for by:</b> {ASKED.split(': ', 1)[1]}</p>" in azure_description(session.story("US-001"), interview)
    feature = render_feature(session.story("US-001"), interview)
    parsed = Parser().parse(TokenScanner(feature))["feature"]
    assert ASKED in parsed["description"]
    assert len([child for child in parsed["children"] if "scenario" in child]) == len(session.story("US-001").acceptance)


def test_reqif_and_strictdoc_carry_it_and_still_validate():
    from elicit.core.spec import get_exporter
    from tests.core.spec.test_reqif import read_reqif
    from tests.support.tool_formats import parse_sdoc

    session, interview = merged()
    (reqif,) = get_exporter("reqif").render(session, interview).values()
    read = read_reqif(reqif)  # validated against the schema, parsed by the reqif package
    cake = next(values for values in read.objects.values() if values.get("ReqIF.ForeignID") == "US-001")
    assert cake["Asked for by"] == ASKED.split(": ", 1)[1]
    (sdoc,) = get_exporter("sdoc").render(session, interview).values()
    _title, sections = parse_sdoc(sdoc)  # parsed and validated against its grammar by StrictDoc
    stories = [node for _fields, nodes in sections for kind, node in nodes if kind == "USER_STORY"]
    cake_node = next(node for node in stories if node["UID"] == "US-001")
    assert cake_node["ASKED_BY"] == ASKED.split(": ", 1)[1]
