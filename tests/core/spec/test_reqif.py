"""The ReqIF export: valid against the OMG schema (checked by the ``reqif`` package), read back field by field."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from elicit.core.session.models import PRIORITY_LABELS, Session, Story
from elicit.core.spec import get_exporter
from elicit.core.spec.exporters.reqif_spec import one_line, session_time, xml_id, xml_text
from elicit.core.spec.exporters.story_groups import story_groups
from tests.conftest import user_story_lines
from tests.support.cli import run_elicit
from tests.support.export import HOSTILE, hostile_text, interview_for, rich_session, session_from_story_lines, sessions
from tests.support.tool_formats import as_lines, parse_reqif, xhtml_items, xhtml_text

HYPOTHESIS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9._-]*")


def reqif_text(session: Session) -> str:
    (text,) = get_exporter("reqif").render(session, interview_for(session)).values()
    return text


@dataclass
class Read:
    """A ReqIF file read back: objects by identifier as {attribute LONG-NAME: value}, and the tree."""

    header: object
    types: dict[str, str] = field(default_factory=dict)  # object identifier -> type LONG-NAME
    objects: dict[str, dict[str, object]] = field(default_factory=dict)
    tree: list[tuple[str, list[str]]] = field(default_factory=list)  # (section object, [story objects])
    identifiers: list[str] = field(default_factory=list)
    specification_name: str = ""


def attribute_definitions(spec_type) -> list:
    """A spec type's attribute definitions (the ``reqif`` package names them differently per kind of type)."""
    return getattr(spec_type, "attribute_definitions", None) or spec_type.spec_attributes


def read_reqif(text: str) -> Read:
    bundle = parse_reqif(text)
    content = bundle.core_content.req_if_content
    names = {}
    enum_values = {}
    for datatype in content.data_types:
        for value in getattr(datatype, "values", None) or []:
            enum_values[value.identifier] = value.other_content
    type_names = {}
    for spec_type in content.spec_types:
        type_names[spec_type.identifier] = spec_type.long_name
        for definition in attribute_definitions(spec_type):
            names[definition.identifier] = definition.long_name
    read = Read(bundle.req_if_header)
    for spec_object in content.spec_objects:
        read.types[spec_object.identifier] = type_names[spec_object.spec_object_type]
        values: dict[str, object] = {}
        for attribute in spec_object.attributes:
            value = attribute.value
            if isinstance(value, list):
                (value,) = [enum_values[item] for item in value]
            values[names[attribute.definition_ref]] = value
        read.objects[spec_object.identifier] = values
    (specification,) = content.specifications
    read.specification_name = specification.values[0].value
    for node in specification.children:
        read.tree.append((node.spec_object, [child.spec_object for child in node.children or []]))
    read.identifiers = re.findall(r'IDENTIFIER="([^"]*)"', text)
    return read


def check_story(values: dict[str, object], story: Story, interview) -> None:
    """Every field of the story is in its spec object as written."""
    assert values["ReqIF.ForeignID"] == xml_text(story.id)
    assert values["ReqIF.Name"] == xml_text(one_line(story.sentence()))[:255] or str(values["ReqIF.Name"]).endswith("…")
    assert xhtml_text(values["ReqIF.Text"]) == xml_text(as_lines(story.sentence()))
    assert values["Priority"] == story.priority
    assert values["Review status"] == story.status
    if story.acceptance:
        assert xhtml_items(values["Acceptance criteria"]) == [xml_text(as_lines(item)) for item in story.acceptance]
    else:
        assert "Acceptance criteria" not in values
    if story.quote.strip():
        assert xhtml_text(values["Client's words"]) == xml_text(as_lines(story.quote))
    else:
        assert "Client's words" not in values
    if story.source:
        expected = []
        for question_id in story.source:
            question = interview.question(question_id)
            expected.append(f"{question.prompt} ({question_id})" if question else question_id)
        assert xhtml_items(values["Source questions"]) == [xml_text(as_lines(item)) for item in expected]
    tags = ", ".join(one_line(tag) for tag in story.tags if one_line(tag))
    assert values.get("Tags", "") == xml_text(tags)
    if story.reason.strip():
        assert xhtml_text(values["Reason for rejection"]) == xml_text(as_lines(story.reason))
    else:
        assert "Reason for rejection" not in values


def check_document(session: Session, text: str) -> Read:
    """Validates, holds one spec object per story under its section, every field as in the session."""
    read = read_reqif(text)
    interview = interview_for(session)
    groups = story_groups(session, interview)
    assert len(read.identifiers) == len(set(read.identifiers)), "identifiers must be unique"
    assert all(NCNAME.fullmatch(identifier) for identifier in read.identifiers)
    assert [read.types[section] for section, _ in read.tree] == ["Section"] * len(groups)
    first = {}
    for story in session.stories:
        first.setdefault(story.id, story)
    stories = list(first.values())
    seen = []
    for (section, children), group in zip(read.tree, groups, strict=True):
        assert read.objects[section]["ReqIF.ChapterName"] == xml_text(group.title)
        assert read.objects[section]["ReqIF.ForeignID"] == xml_text(group.id)
        for child in children:
            assert read.types[child] == "User story"
            seen.append(child)
    assert len(seen) == len(stories)
    by_foreign_id = {read.objects[child]["ReqIF.ForeignID"]: read.objects[child] for child in seen}
    for story in stories:
        check_story(by_foreign_id[xml_text(story.id)], story, interview)
    assert "]]>" not in text
    return read


def test_rich_session_validates_and_reads_back():
    session = rich_session()
    read = check_document(session, reqif_text(session))
    assert read.header.title == session.title
    assert read.header.req_if_version == "1.0"
    assert read.header.creation_time == "2026-01-31T11:05:00+01:00"  # the session's end, not the clock
    assert read.specification_name == session.title
    # Sections in bank order, the stories without a known source question last.
    assert [read.objects[section]["ReqIF.ChapterName"] for section, _ in read.tree] == ["Context", "Users", "Other stories"]
    assert [len(children) for _, children in read.tree] == [1, 1, 2]


def test_types_use_the_implementation_guide_names():
    bundle = parse_reqif(reqif_text(rich_session()))
    content = bundle.core_content.req_if_content
    by_name = {spec_type.long_name: [d.long_name for d in attribute_definitions(spec_type)] for spec_type in content.spec_types}
    assert by_name["User story"][:3] == ["ReqIF.ForeignID", "ReqIF.Name", "ReqIF.Text"]
    assert {"Priority", "Review status", "Acceptance criteria", "Client's words", "Source questions", "Tags"} <= set(by_name["User story"])
    assert "ReqIF.ChapterName" in by_name["Section"]
    datatypes = {datatype.long_name: datatype for datatype in content.data_types}
    assert [value.long_name for value in datatypes["MoSCoW priority"].values] == list(PRIORITY_LABELS.values())
    assert [value.long_name for value in datatypes["Review status"].values] == ["Draft", "Confirmed", "Changed", "Rejected"]
    assert all(value.key is not None and value.other_content for value in datatypes["Review status"].values)
    assert datatypes["Name"].max_length == "255"


def test_export_is_byte_identical():
    assert reqif_text(rich_session()) == reqif_text(rich_session())


def test_identifiers_are_stable_after_adding_a_story():
    session = rich_session()
    before = read_reqif(reqif_text(session))
    session.stories.insert(1, Story("US-010", "planner", "plan routes", source=["mini.context.problem"]))
    after = read_reqif(reqif_text(session))
    assert set(before.objects) < set(after.objects)
    for identifier, values in before.objects.items():
        assert after.objects[identifier]["ReqIF.ForeignID"] == values["ReqIF.ForeignID"]
    assert len(after.objects) == len(before.objects) + 1


def test_identifiers_differ_between_sessions():
    first, second = rich_session(), rich_session()
    second.started_at = datetime(2026, 3, 1, tzinfo=UTC)
    assert set(read_reqif(reqif_text(first)).objects).isdisjoint(read_reqif(reqif_text(second)).objects)


def test_creation_time_comes_from_the_session():
    session = rich_session()
    session.stories[0].updated_at = datetime(2026, 2, 2, 8, 0, tzinfo=UTC)
    assert session_time(session) == datetime(2026, 2, 2, 8, 0, tzinfo=UTC)
    assert "<CREATION-TIME>2026-02-02T08:00:00Z</CREATION-TIME>" in reqif_text(session)
    assert "<CREATION-TIME>1970-01-01T00:00:00Z</CREATION-TIME>" in reqif_text(Session(title="t"))


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_in_every_field(hostile):
    story = Story(hostile or "US-1", hostile, hostile, hostile, "must", [hostile, "]]> & <b>"], hostile, [hostile], [hostile], "rejected")
    story.reason = hostile
    session = Session(title=hostile, stories=[story], banks=rich_session().banks)
    check_document(session, reqif_text(session))


@given(sessions())
@HYPOTHESIS
def test_every_export_validates_and_reads_back(session):
    check_document(session, reqif_text(session))


@given(st.lists(hostile_text, unique=True, max_size=6))
def test_xml_ids_are_valid_and_one_to_one(keys):
    identifiers = [xml_id("story", key) for key in keys]
    assert all(NCNAME.fullmatch(identifier) for identifier in identifiers)
    assert len(set(identifiers)) == len(keys)


def test_empty_session_validates():
    read = read_reqif(reqif_text(Session(title="")))
    assert read.tree == []
    assert read.header.title == "Draft specification"


def test_real_stories_export_and_validate():
    session = session_from_story_lines(user_story_lines())
    read = check_document(session, reqif_text(session))
    assert sum(len(children) for _, children in read.tree) == len(session.stories) == 995


def test_cli_export_passes_reqif_validate(tmp_path, mini_session_path):
    run_elicit("story", "add", mini_session_path, "--role", "user <admin>", "--want", "a & b ]]> c", "--accept", "x\x01y")
    target = tmp_path / "spec.reqif"
    result = run_elicit("export", mini_session_path, "--format", "reqif", "-o", target)
    assert result.returncode == 0, result.stderr
    first = target.read_bytes()
    run_elicit("export", mini_session_path, "--format", "reqif", "-o", target)
    assert target.read_bytes() == first
    import subprocess
    import sys
    from pathlib import Path

    reqif_cli = Path(sys.executable).with_name("reqif")
    checked = subprocess.run([str(reqif_cli), "validate", "--use-reqif-schema", str(target)], capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "0 errors, 0 schema issues found, 0 semantic issues found" in checked.stdout


def test_identifiers_never_collide():
    # A story id that looks like another object's identifier tail still gets an identifier of its own.
    ids = ["US-1", "US-1-node", "node-story-US-1", "_2D_", "-", "other-stories"]
    session = Session(title="t", stories=[Story(story_id, "user", "do it") for story_id in ids])
    read = check_document(session, reqif_text(session))
    assert len(read.objects) == len(ids) + 1
