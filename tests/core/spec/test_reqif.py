"""The ReqIF export: valid against the OMG schema (checked by the ``reqif`` package), read back field by field."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from elicit.core.session.models import PRIORITY_LABELS, Decision, OpenQuestion, Session, Story
from elicit.core.spec import get_exporter
from elicit.core.spec.exporters.reqif_spec import one_line, session_time, xml_id, xml_text
from elicit.core.spec.exporters.story_groups import person_label, story_groups
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
    relations: list[tuple[str, str, str]] = field(default_factory=list)  # (relation type LONG-NAME, source, target object)


def attribute_definitions(spec_type) -> list:
    """A spec type's attribute definitions (the ``reqif`` package names them differently per kind of type)."""
    return getattr(spec_type, "attribute_definitions", None) or getattr(spec_type, "spec_attributes", None) or []


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
    read.relations = [(type_names[item.relation_type_ref], item.source, item.target) for item in content.spec_relations or []]
    return read


def question_lines(question_ids: list[str], interview) -> list[str]:
    expected = []
    for question_id in question_ids:
        question = interview.question(question_id)
        expected.append(f"{question.prompt} ({question_id})" if question else question_id)
    return expected


def check_optional(values: dict[str, object], name: str, text: str, xhtml: bool = False) -> None:
    """An attribute holds ``text`` as written, or is left out when ``text`` is blank."""
    if not text.strip():
        assert name not in values, name
    elif xhtml:
        assert xhtml_text(values[name]) == xml_text(as_lines(text)), name
    else:
        assert values[name] == xml_text(one_line(text)), name


def check_decision(values: dict[str, object], decision: Decision, interview) -> None:
    assert values["ReqIF.ForeignID"] == xml_text(decision.id)
    assert values["ReqIF.Name"] == xml_text(one_line(decision.text))[:255] or str(values["ReqIF.Name"]).endswith("…")
    assert xhtml_text(values["ReqIF.Text"]) == xml_text(as_lines(decision.text))
    check_optional(values, "Rationale", decision.rationale, xhtml=True)
    check_optional(values, "Decided by", decision.decided_by)
    check_optional(values, "Said by", person_label(decision.by, interview.session))
    check_optional(values, "Stories", ", ".join(one_line(item) for item in decision.stories if one_line(item)))
    if decision.source:
        assert xhtml_items(values["Source questions"]) == [xml_text(as_lines(item)) for item in question_lines(decision.source, interview)]
    else:
        assert "Source questions" not in values


def check_open_question(values: dict[str, object], item: OpenQuestion, interview) -> None:
    assert values["ReqIF.ForeignID"] == xml_text(item.id)
    assert xhtml_text(values["ReqIF.Text"]) == xml_text(as_lines(item.text))
    assert values["Status"] == item.status
    check_optional(values, "Owner", item.owner)
    check_optional(values, "Raised by", person_label(item.by, interview.session))
    check_optional(values, "Resolution", item.resolution, xhtml=True)
    if item.source:
        assert xhtml_items(values["Source questions"]) == [xml_text(as_lines(line)) for line in question_lines(item.source, interview)]
    else:
        assert "Source questions" not in values


def first_of_each_id(items: list) -> list:
    first: dict[str, object] = {}
    for item in items:
        first.setdefault(item.id, item)
    return list(first.values())


def check_follow_ups(session: Session, read: Read, chapters: list[tuple[str, list[str]]], interview) -> None:
    """The decisions and the open questions, each under a chapter of its own after the stories, every field as written;
    a relation from a decision to each story of the file it names, and no other relation."""
    decisions, questions = first_of_each_id(session.decisions), first_of_each_id(session.open_questions)
    expected = [name for name, items in (("Decisions", decisions), ("Open questions", questions)) if items]
    assert [read.objects[chapter]["ReqIF.ChapterName"] for chapter, _ in chapters] == expected
    assert all(read.types[chapter] == "Section" for chapter, _ in chapters)
    members = {name: children for (chapter, children), name in zip(chapters, expected, strict=True)}
    for name, items, kind, check in (
        ("Decisions", decisions, "Decision", check_decision),
        ("Open questions", questions, "Open question", check_open_question),
    ):
        children = members.get(name, [])
        assert [read.types[child] for child in children] == [kind] * len(items)
        for child, item in zip(children, items, strict=True):
            check(read.objects[child], item, interview)
    foreign = {identifier: values.get("ReqIF.ForeignID") for identifier, values in read.objects.items()}
    story_ids = {xml_text(story.id) for story in session.stories}
    links = {(xml_text(item.id), xml_text(story)) for item in decisions for story in item.stories if xml_text(story) in story_ids}
    assert {(foreign[source], foreign[target]) for _, source, target in read.relations} == links
    assert len(read.relations) == len(links)
    assert {name for name, _, _ in read.relations} <= {"Decision about story"}
    assert all(read.types[source] == "Decision" and read.types[target] == "User story" for _, source, target in read.relations)


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
    assert [read.types[section] for section, _ in read.tree] == ["Section"] * len(read.tree)
    stories = first_of_each_id(session.stories)
    seen = []
    check_follow_ups(session, read, read.tree[len(groups) :], interview)
    for (section, children), group in zip(read.tree[: len(groups)], groups, strict=True):
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
    # Sections in bank order, the stories without a known source question last; then the decisions and open questions.
    chapters = ["Context", "Users", "Other stories", "Decisions", "Open questions"]
    assert [read.objects[section]["ReqIF.ChapterName"] for section, _ in read.tree] == chapters
    assert [len(children) for _, children in read.tree] == [1, 1, 2, 1, 1]
    (decision,) = read.tree[3][1]
    assert read.objects[decision] == {
        "ReqIF.ForeignID": "D-001",
        "ReqIF.Name": "Mobile first",
        "ReqIF.Text": "<xhtml:div>Mobile first</xhtml:div>",
        "Rationale": "<xhtml:div>Technicians are never at a desk.</xhtml:div>",
        "Decided by": "Sam",
    }
    (question,) = read.tree[4][1]
    assert read.objects[question]["Status"] == "open" and read.objects[question]["Owner"] == "Sam"
    assert read.objects[question]["Source questions"] == (
        "<xhtml:div><xhtml:ul><xhtml:li>Where will people use it? (mini.context.platform)</xhtml:li></xhtml:ul></xhtml:div>"
    )


def test_decisions_link_to_the_stories_they_are_about():
    session = rich_session()
    session.decisions.append(
        Decision("D-002", "Reports stay monthly", "", "the board", [], ["US-003", "US-404", "US-003", "US-001"], by="Sam")
    )
    session.open_questions.append(OpenQuestion("OQ-002", "Who pays?", "", "resolved", "The client\nin full", [], by="Kim"))
    read = check_document(session, reqif_text(session))
    foreign = {identifier: values["ReqIF.ForeignID"] for identifier, values in read.objects.items() if "ReqIF.ForeignID" in values}
    assert sorted((foreign[source], foreign[target]) for _, source, target in read.relations) == [("D-002", "US-001"), ("D-002", "US-003")]
    d002 = next(values for values in read.objects.values() if values.get("ReqIF.ForeignID") == "D-002")
    assert d002["Said by"] == "Sam (Operations lead)" and d002["Stories"] == "US-003, US-404, US-003, US-001"
    oq002 = next(values for values in read.objects.values() if values.get("ReqIF.ForeignID") == "OQ-002")
    assert oq002["Status"] == "resolved" and oq002["Raised by"] == "Kim"
    assert xhtml_text(oq002["Resolution"]) == "The client\nin full"


def test_a_session_without_decisions_or_open_questions_exports_as_before():
    """No decision, no open question: no type, datatype, chapter or relation for them (the file as it was before them)."""
    session = rich_session()
    session.decisions, session.open_questions = [], []
    text = reqif_text(session)
    content = parse_reqif(text).core_content.req_if_content
    assert [spec_type.long_name for spec_type in content.spec_types] == ["Section", "User story", "Specification"]
    assert [datatype.long_name for datatype in content.data_types] == ["Text", "Name", "Formatted text", "MoSCoW priority", "Review status"]
    assert "SPEC-RELATION" not in text
    assert [read_reqif(text).objects[section]["ReqIF.ChapterName"] for section, _ in read_reqif(text).tree] == ["Context", "Users", "Other stories"]


def test_decision_and_question_identifiers_never_collide_with_stories_or_sections():
    ids = ["D-1", "US-1", "decision-D-1", "chapter-decisions", "open-question-1", "1"]
    session = Session(
        title="t",
        stories=[Story(item, "user", "do it") for item in ids],
        decisions=[Decision(item, "decided", stories=list(ids)) for item in ids],
        open_questions=[OpenQuestion(item, "asked?") for item in ids],
    )
    read = check_document(session, reqif_text(session))
    assert len(read.relations) == len(ids) ** 2


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
    assert sum(1 for _, children in read.tree for child in children if read.types[child] == "User story") == len(session.stories) == 995


def test_cli_export_passes_reqif_validate(tmp_path, mini_session_path):
    run_elicit("story", "add", mini_session_path, "--role", "user <admin>", "--want", "a & b ]]> c", "--accept", "x\x01y")
    run_elicit("decision", "add", mini_session_path, "SSO & <LDAP>", "--rationale", "IT\nsays so", "--decided-by", "the board")
    run_elicit("open-question", "add", mini_session_path, "Which IdP ]]>?", "--owner", "Sam")
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
    assert 'LONG-NAME="Decision"' in first.decode() and 'LONG-NAME="Open question"' in first.decode()


def test_identifiers_never_collide():
    # A story id that looks like another object's identifier tail still gets an identifier of its own.
    ids = ["US-1", "US-1-node", "node-story-US-1", "_2D_", "-", "other-stories"]
    session = Session(title="t", stories=[Story(story_id, "user", "do it") for story_id in ids])
    read = check_document(session, reqif_text(session))
    assert len(read.objects) == len(ids) + 1
