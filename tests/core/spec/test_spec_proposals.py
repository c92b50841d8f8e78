"""The client's review edits travel in the TOML/JSON spec (trial6 T6-6): a spec had no proposals, so a
session imported from it lost every comment the client wrote on the sheet ("Your comment", "Changed at
your request", declines addressed to them), and ``elicit diff`` called the two the same."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from elicit.core.session.models import Proposal
from elicit.core.spec.exporters.json_spec import EXPORTER as JSON_EXPORTER
from elicit.core.spec.exporters.markdown_spec import markdown_document
from elicit.core.spec.exporters.spec_document import build_document
from elicit.core.spec.exporters.toml_spec import dumps_spec
from elicit.core.spec.importer import loads_spec
from tests.support.export import interview_for, rich_session

REPO = Path(__file__).resolve().parents[3]


def reviewed():
    session = rich_session()
    story = session.stories[0]
    session.proposals = [
        Proposal("P-001", story.id, "keep", "", "", "Fine — as we said", status="accepted", round=1, row=3),
        Proposal("P-002", "", "add", "As a dispatcher, I want a map of the vans", "could", "From the board", status="declined", reason="Out of scope this year", round=1, row=9, acceptance=["Given a van, then it is on the map"]),
    ]
    return session


def test_the_proposals_survive_the_toml_spec_and_its_import():
    session = reviewed()
    back = loads_spec(dumps_spec(session, interview_for(session)))
    assert back.proposals == session.proposals
    client = markdown_document(build_document(session, interview_for(session), "client"))
    assert "Fine — as we said" in client
    assert markdown_document(build_document(back, interview_for(back), "client")) == client


def test_the_json_spec_holds_them_and_validates():
    session = reviewed()
    (text,) = JSON_EXPORTER.render(session, interview_for(session)).values()
    data = json.loads(text)
    assert [item["id"] for item in data["proposals"]] == ["P-001", "P-002"]
    assert data["proposals"][1]["acceptance"] == ["Given a van, then it is on the map"]
    for schema in (REPO / "docs" / "spec.schema.json", REPO / "elicit" / "schemas" / "spec.schema.json"):
        jsonschema.validate(data, json.loads(schema.read_text(encoding="utf-8")))


def test_a_session_without_proposals_gives_the_spec_it_gave_before():
    session = rich_session()
    assert "proposals" not in dumps_spec(session, interview_for(session))
