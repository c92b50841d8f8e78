"""ReqIF 1.0: the stories for requirements tools (DOORS, Polarion, Capella, ReqView, StrictDoc).

One ``.reqif`` file as the OMG schema has it: a header, the datatypes (a
string with MAX-LENGTH, XHTML for text with lines, enumerations for MoSCoW
and the review status), a "Section" and a "User story" spec-object type with
the attribute names of the ReqIF implementation guide (``ReqIF.ForeignID``,
``ReqIF.Name``, ``ReqIF.Text``, ``ReqIF.ChapterName``), the spec objects,
and one SPECIFICATION whose hierarchy is sections, then their stories.

The interview's decisions and open questions follow the stories, each kind
under a chapter of its own ("Decisions", "Open questions"), as spec objects
of their own types ("Decision", "Open question"); a decision's stories are
SPEC-RELATIONs of the type "Decision about story". A session with neither
gets none of those types, so its file is what it was before they existed.

Determinism: nothing comes from the clock. The header's creation time is the
latest time the session records; each object's LAST-CHANGE is its own time,
else that one; the types carry the fixed date this mapping was defined.

Identifiers are ``xsd:ID``\\s built from the story and section ids (see
:func:`xml_id`), so a story keeps its identifier across exports and a
re-import updates it instead of adding a copy. Written with the standard
library only: every piece of user text goes through :func:`xml_text`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TypeVar

from elicit import __version__
from elicit.core.spec.exporters.options import DEFAULT_OPTIONS, ExportOptions
from elicit.core.spec.exporters.story_groups import StoryGroup, askers, person_label, question_lines, source_lines, story_groups
from elicit.core.text import clip
from elicit.core.vocabulary import (
    OPEN_QUESTION_STATUS_LABELS,
    OPEN_QUESTION_STATUSES,
    PRIORITIES,
    PRIORITY_LABELS,
    STORY_STATUS_LABELS,
    STORY_STATUSES,
)

if TYPE_CHECKING:
    from elicit.core.session.engine import Interview
    from elicit.core.session.models import Decision, OpenQuestion, Session, Story

_Item = TypeVar("_Item", "Story", "Decision", "OpenQuestion")

REQIF_NS = "http://www.omg.org/spec/ReqIF/20110401/reqif.xsd"
XHTML_NS = "http://www.w3.org/1999/xhtml"
TYPES_CHANGED = "2026-12-01T00:00:00Z"
"""LAST-CHANGE of the datatypes and types: when this mapping was defined."""
NO_TIME = datetime(1970, 1, 1, tzinfo=UTC)
STRING_LIMIT = 32000
NAME_LIMIT = 255
STATUS_LABELS = STORY_STATUS_LABELS
QUESTION_STATUS_LABELS = OPEN_QUESTION_STATUS_LABELS
DECISIONS_TITLE = "Decisions"
DECISIONS_GOAL = "What was decided in the interview, and why."
OPEN_QUESTIONS_TITLE = "Open questions"
OPEN_QUESTIONS_GOAL = "What the interview could not settle, and who will find out."

# Characters XML 1.0 cannot hold at all (C0 controls but tab and line breaks, U+FFFE, U+FFFF, surrogates).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_SPACES = re.compile(r"\s+")
_NOT_ID = re.compile(r"[^A-Za-z0-9.-]")


# Text ---------------------------------------------------------------------------------


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    return chr(0x2400 + code) if code < 0x20 else "\ufffd"


def xml_text(text: str) -> str:
    """User text that XML 1.0 can hold: each forbidden character shown as its control picture (``␀``) or U+FFFD."""
    return _NOT_XML.sub(_picture, text)


def escape_text(text: str) -> str:
    """Element content: ``&``, ``<`` and ``>`` escaped (so ``]]>`` cannot appear), forbidden characters shown."""
    return xml_text(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attribute(text: str) -> str:
    """An attribute value in double quotes; tabs and line breaks as character references so parsers keep them."""
    return (
        escape_text(text).replace('"', "&quot;").replace("\t", "&#9;").replace("\n", "&#10;").replace("\r", "&#13;")
    )


def text_lines(text: str) -> list[str]:
    """User text split at its line breaks (CR LF, CR or LF)."""
    return _LINE_BREAK.split(text)


def one_line(text: str) -> str:
    """User text folded onto one line."""
    return _SPACES.sub(" ", text).strip()


def xml_id(kind: str, key: str) -> str:
    """A valid ``xsd:ID`` for an object: ``kind-`` then ``key`` with every character outside ``A-Z a-z 0-9 . -`` written ``_HEX_``.

    The mapping is one-to-one, so distinct story ids give distinct
    identifiers, and it depends on nothing but the id: a story keeps its
    identifier from one export to the next.
    """
    return f"{kind}-" + _NOT_ID.sub(lambda match: f"_{ord(match.group()):X}_", key)


def reqif_time(value: datetime) -> str:
    """An ``xsd:dateTime``; UTC written ``Z``."""
    return value.isoformat().replace("+00:00", "Z")


# Writer -------------------------------------------------------------------------------


@dataclass
class _Writer:
    lines: list[str]
    depth: int = 0

    def open(self, tag: str, **attributes: str) -> None:
        self.lines.append("  " * self.depth + f"<{tag}{_attributes(attributes)}>")
        self.depth += 1

    def close(self, tag: str) -> None:
        self.depth -= 1
        self.lines.append("  " * self.depth + f"</{tag}>")

    def empty(self, tag: str, **attributes: str) -> None:
        self.lines.append("  " * self.depth + f"<{tag}{_attributes(attributes)}/>")

    def leaf(self, tag: str, text: str) -> None:
        self.lines.append("  " * self.depth + f"<{tag}>{escape_text(text)}</{tag}>")

    def ref(self, wrapper: str, tag: str, target: str) -> None:
        self.lines.append("  " * self.depth + f"<{wrapper}><{tag}>{target}</{tag}></{wrapper}>")

    def raw(self, text: str) -> None:
        self.lines.append("  " * self.depth + text)


def _attributes(attributes: dict[str, str]) -> str:
    # Python names cannot hold "-": LAST_CHANGE is written LAST-CHANGE.
    return "".join(f' {name.replace("_", "-")}="{escape_attribute(value)}"' for name, value in attributes.items())


# XHTML --------------------------------------------------------------------------------


def xhtml_lines(text: str) -> str:
    """User text as an XHTML ``div``, its lines separated by ``br``."""
    body = "<xhtml:br/>".join(escape_text(line) for line in text_lines(text))
    return f"<xhtml:div>{body}</xhtml:div>"


def xhtml_list(items: list[str]) -> str:
    """Items as an XHTML bulleted list (each item's lines separated by ``br``)."""
    body = "".join("<xhtml:li>" + "<xhtml:br/>".join(escape_text(line) for line in text_lines(item)) + "</xhtml:li>" for item in items)
    return f"<xhtml:div><xhtml:ul>{body}</xhtml:ul></xhtml:div>"


# The mapping --------------------------------------------------------------------------

# (identifier tail, LONG-NAME, datatype kind) of the "User story" attributes, in order.
STORY_ATTRIBUTES = (
    ("foreign-id", "ReqIF.ForeignID", "STRING"),
    ("name", "ReqIF.Name", "NAME"),
    ("text", "ReqIF.Text", "XHTML"),
    ("priority", "Priority", "PRIORITY"),
    ("status", "Review status", "STATUS"),
    ("acceptance", "Acceptance criteria", "XHTML"),
    ("quote", "Client's words", "XHTML"),
    ("asked-by", "Asked for by", "STRING"),
    ("source", "Source questions", "XHTML"),
    ("tags", "Tags", "STRING"),
    ("reason", "Reason for rejection", "XHTML"),
)
SECTION_ATTRIBUTES = (
    ("foreign-id", "ReqIF.ForeignID", "STRING"),
    ("chapter-name", "ReqIF.ChapterName", "STRING"),
    ("text", "ReqIF.Text", "XHTML"),
)
DECISION_ATTRIBUTES = (
    ("foreign-id", "ReqIF.ForeignID", "STRING"),
    ("name", "ReqIF.Name", "NAME"),
    ("text", "ReqIF.Text", "XHTML"),
    ("rationale", "Rationale", "XHTML"),
    ("decided-by", "Decided by", "STRING"),
    ("said-by", "Said by", "STRING"),
    ("stories", "Stories", "STRING"),
    ("source", "Source questions", "XHTML"),
)
OPEN_QUESTION_ATTRIBUTES = (
    ("foreign-id", "ReqIF.ForeignID", "STRING"),
    ("name", "ReqIF.Name", "NAME"),
    ("text", "ReqIF.Text", "XHTML"),
    ("status", "Status", "QUESTION_STATUS"),
    ("owner", "Owner", "STRING"),
    ("raised-by", "Raised by", "STRING"),
    ("resolution", "Resolution", "XHTML"),
    ("source", "Source questions", "XHTML"),
)
SPECIFICATION_ATTRIBUTES = (("name", "ReqIF.Name", "NAME"),)
_DATATYPE_IDS = {
    "STRING": "datatype-string",
    "NAME": "datatype-name",
    "XHTML": "datatype-xhtml",
    "PRIORITY": "datatype-moscow",
    "STATUS": "datatype-review-status",
    "QUESTION_STATUS": "datatype-question-status",
}
_ENUM_PREFIX = {"PRIORITY": "moscow", "STATUS": "review-status", "QUESTION_STATUS": "question-status"}
_ENUM_NAMES = {"PRIORITY": "MoSCoW priority", "STATUS": "Review status", "QUESTION_STATUS": "Open question status"}
_ENUM_VALUES = {
    "PRIORITY": [(f"moscow-{key}", PRIORITY_LABELS[key], key) for key in PRIORITIES],
    "STATUS": [(f"review-status-{key}", STATUS_LABELS[key], key) for key in STORY_STATUSES],
    "QUESTION_STATUS": [(f"question-status-{key}", QUESTION_STATUS_LABELS[key], key) for key in OPEN_QUESTION_STATUSES],
}
_VALUE_TAG = {
    "STRING": "STRING",
    "NAME": "STRING",
    "XHTML": "XHTML",
    "PRIORITY": "ENUMERATION",
    "STATUS": "ENUMERATION",
    "QUESTION_STATUS": "ENUMERATION",
}


class ReqIfExporter:
    """Writes ``spec.reqif``."""

    name = "reqif"
    title = "ReqIF 1.0"
    suffix = ".reqif"
    multi_file = False
    generated_line = ""

    def render(self, session: Session, interview: Interview, options: ExportOptions = DEFAULT_OPTIONS) -> dict[str, str]:
        """The stories as one ReqIF document."""
        return {"spec.reqif": render_reqif(session, interview)}


def session_time(session: Session) -> datetime:
    """The latest time the session records (stories, answers, start and end), or 1970-01-01 when it records none."""
    times = [session.started_at, session.ended_at]
    times += [time for story in session.stories for time in (story.created_at, story.updated_at)]
    times += [time for answer in session.answers.values() for time in (answer.answered_at, answer.updated_at)]
    known = [time for time in times if time is not None]
    return max(known, key=_sort_key) if known else NO_TIME


def _sort_key(value: datetime) -> datetime:
    # Naive times are taken as UTC so that they compare with aware ones.
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def render_reqif(session: Session, interview: Interview) -> str:
    """The ReqIF XML text, UTF-8, ending with a newline."""
    created = session_time(session)
    prefix = _prefix(session)
    seen: set[str] = set()
    groups = [replace(group, stories=tuple(_first_of_each_id(group.stories, seen))) for group in story_groups(session, interview)]
    tree = _Tree(prefix, created, groups, session)

    out = _Writer(['<?xml version="1.0" encoding="UTF-8"?>'])
    out.open("REQ-IF", xmlns=REQIF_NS, **{"xmlns:xhtml": XHTML_NS})
    _header(out, session, prefix, created)
    out.open("CORE-CONTENT")
    out.open("REQ-IF-CONTENT")
    _datatypes(out, prefix, tree)
    _spec_types(out, prefix, tree)
    _spec_objects(out, tree, interview)
    _spec_relations(out, tree)
    _specification(out, tree, session, interview)
    out.close("REQ-IF-CONTENT")
    out.close("CORE-CONTENT")
    out.close("REQ-IF")
    return "\n".join(out.lines) + "\n"


@dataclass(frozen=True)
class _Chapter:
    """A chapter after the stories (the decisions, the open questions): its object, its members' type and objects."""

    identifier: str
    title: str
    goal: str
    kind: str
    attributes: tuple[tuple[str, str, str], ...]
    members: list[tuple[str, dict[str, str]]]
    """(object identifier, attribute values) of each member, in session order."""


class _Tree:
    """The sections and stories to write, the decisions and open questions after them, with their identifiers."""

    def __init__(self, prefix: str, created: datetime, groups: list[StoryGroup], session: Session):
        self.prefix = prefix
        self.created = created
        self.groups = groups
        self.story_ids = {story.id: f"{prefix}-{xml_id('story', story.id)}" for group in groups for story in group.stories}
        self.section_ids = {group.id: f"{prefix}-" + (xml_id("section", group.id) if group.id else "other-stories") for group in groups}
        self.decisions = _first_of_each_id(tuple(session.decisions), set())
        self.open_questions = _first_of_each_id(tuple(session.open_questions), set())
        self.decision_ids = {item.id: f"{prefix}-{xml_id('decision', item.id)}" for item in self.decisions}
        self.question_ids = {item.id: f"{prefix}-{xml_id('open-question', item.id)}" for item in self.open_questions}
        self.relations = [
            (self.decision_ids[item.id], self.story_ids[story_id])
            for item in self.decisions
            for story_id in dict.fromkeys(item.stories)
            if story_id in self.story_ids
        ]

    def chapters(self, interview: Interview) -> list[_Chapter]:
        """The chapters after the stories' sections, each with its objects' identifiers and values."""
        found = []
        if self.decisions:
            decisions = [(self.decision_ids[item.id], _decision_values(item, interview)) for item in self.decisions]
            found.append(_Chapter(f"{self.prefix}-chapter-decisions", DECISIONS_TITLE, DECISIONS_GOAL, "decision", DECISION_ATTRIBUTES, decisions))
        if self.open_questions:
            questions = [(self.question_ids[item.id], _open_question_values(item, interview)) for item in self.open_questions]
            found.append(
                _Chapter(
                    f"{self.prefix}-chapter-open-questions", OPEN_QUESTIONS_TITLE, OPEN_QUESTIONS_GOAL, "open-question", OPEN_QUESTION_ATTRIBUTES, questions
                )
            )
        return found

    def changed(self, story: Story) -> datetime:
        """A story's LAST-CHANGE: its own time, else the session's."""
        return story.updated_at or story.created_at or self.created


def _header(out: _Writer, session: Session, prefix: str, created: datetime) -> None:
    out.open("THE-HEADER")
    out.open("REQ-IF-HEADER", IDENTIFIER=f"{prefix}-header")
    out.leaf("COMMENT", f"Exported by elicit from the interview session '{one_line(session.title)}'.")
    out.leaf("CREATION-TIME", reqif_time(created))
    out.leaf("REQ-IF-TOOL-ID", f"elicit {__version__}")
    out.leaf("REQ-IF-VERSION", "1.0")
    out.leaf("SOURCE-TOOL-ID", "elicit")
    out.leaf("TITLE", one_line(session.title) or "Draft specification")
    out.close("REQ-IF-HEADER")
    out.close("THE-HEADER")


def _spec_objects(out: _Writer, tree: _Tree, interview: Interview) -> None:
    out.open("SPEC-OBJECTS")
    for group in tree.groups:
        values = {"foreign-id": group.id, "chapter-name": group.title}
        if group.goal.strip():
            values["text"] = xhtml_lines(group.goal)
        _spec_object(out, tree.prefix, tree.section_ids[group.id], "section", SECTION_ATTRIBUTES, values, tree.created)
        for story in group.stories:
            values = _story_values(story, interview)
            _spec_object(out, tree.prefix, tree.story_ids[story.id], "story", STORY_ATTRIBUTES, values, tree.changed(story))
    for chapter in tree.chapters(interview):
        values = {"foreign-id": "", "chapter-name": chapter.title, "text": xhtml_lines(chapter.goal)}  # as "Other stories": no id of elicit's
        _spec_object(out, tree.prefix, chapter.identifier, "section", SECTION_ATTRIBUTES, values, tree.created)
        for identifier, values in chapter.members:
            _spec_object(out, tree.prefix, identifier, chapter.kind, chapter.attributes, values, tree.created)
    out.close("SPEC-OBJECTS")


def _spec_relations(out: _Writer, tree: _Tree) -> None:
    """A decision's stories: one SPEC-RELATION each, from the decision to the story (left out when there are none)."""
    if not tree.relations:
        return
    prefix = tree.prefix
    out.open("SPEC-RELATIONS")
    for source, target in tree.relations:
        out.open("SPEC-RELATION", IDENTIFIER=relation_id(prefix, source, target), LAST_CHANGE=reqif_time(tree.created))
        out.ref("SOURCE", "SPEC-OBJECT-REF", source)
        out.ref("TARGET", "SPEC-OBJECT-REF", target)
        out.ref("TYPE", "SPEC-RELATION-TYPE-REF", f"{prefix}-type-decision-about-story")
        out.close("SPEC-RELATION")
    out.close("SPEC-RELATIONS")


def relation_id(prefix: str, source: str, target: str) -> str:
    """A relation's identifier: ``prefix-relation-`` then the length of the source's tail, the source's and the
    target's tails; the length makes it one-to-one whatever "-" the ids hold (``D-1`` to ``US-1-2`` is not
    ``D-1-US`` to ``1-2``)."""
    tail = source.removeprefix(prefix + "-")
    return f"{prefix}-relation-{len(tail)}-{tail}-" + target.removeprefix(prefix + "-")


def _specification(out: _Writer, tree: _Tree, session: Session, interview: Interview) -> None:
    prefix = tree.prefix
    out.open("SPECIFICATIONS")
    out.open(
        "SPECIFICATION", IDENTIFIER=f"{prefix}-specification", LAST_CHANGE=reqif_time(tree.created), LONG_NAME=one_line(session.title)
    )
    out.ref("TYPE", "SPECIFICATION-TYPE-REF", f"{prefix}-type-specification")
    out.open("VALUES")
    _value(out, prefix, "specification", "name", "NAME", clip(one_line(session.title) or "Draft specification", NAME_LIMIT))
    out.close("VALUES")
    out.open("CHILDREN")
    for group in tree.groups:
        section = tree.section_ids[group.id]
        out.open("SPEC-HIERARCHY", IDENTIFIER=_node_id(prefix, section), LAST_CHANGE=reqif_time(tree.created))
        out.ref("OBJECT", "SPEC-OBJECT-REF", section)
        out.open("CHILDREN")
        for story in group.stories:
            target = tree.story_ids[story.id]
            out.open("SPEC-HIERARCHY", IDENTIFIER=_node_id(prefix, target), LAST_CHANGE=reqif_time(tree.changed(story)))
            out.ref("OBJECT", "SPEC-OBJECT-REF", target)
            out.close("SPEC-HIERARCHY")
        out.close("CHILDREN")
        out.close("SPEC-HIERARCHY")
    for chapter in tree.chapters(interview):
        out.open("SPEC-HIERARCHY", IDENTIFIER=_node_id(prefix, chapter.identifier), LAST_CHANGE=reqif_time(tree.created))
        out.ref("OBJECT", "SPEC-OBJECT-REF", chapter.identifier)
        out.open("CHILDREN")
        for target, _ in chapter.members:
            out.open("SPEC-HIERARCHY", IDENTIFIER=_node_id(prefix, target), LAST_CHANGE=reqif_time(tree.created))
            out.ref("OBJECT", "SPEC-OBJECT-REF", target)
            out.close("SPEC-HIERARCHY")
        out.close("CHILDREN")
        out.close("SPEC-HIERARCHY")
    out.close("CHILDREN")
    out.close("SPECIFICATION")
    out.close("SPECIFICATIONS")


def _prefix(session: Session) -> str:
    """What makes this session's identifiers its own: a digest of its start time (set once, when the session is created).

    Two sessions both holding a ``US-001`` then give two objects in a
    requirements tool, not one overwritten by the other.
    """
    started = session.started_at.isoformat() if session.started_at is not None else ""
    return "elicit-" + hashlib.sha256(started.encode("utf-8")).hexdigest()[:8]


def _first_of_each_id(items: tuple[_Item, ...], seen: set[str]) -> list[_Item]:
    """Ids are unique in a session; should two ever match, only the first gets into the ReqIF (identifiers must be unique)."""
    kept = []
    for item in items:
        if item.id not in seen:
            seen.add(item.id)
            kept.append(item)
    return kept


def _node_id(prefix: str, object_id: str) -> str:
    """The SPEC-HIERARCHY node of an object: ``prefix-node-`` then the object's own identifier after the prefix."""
    return f"{prefix}-node-" + object_id.removeprefix(prefix + "-")


def _datatypes(out: _Writer, prefix: str, tree: _Tree) -> None:
    out.open("DATATYPES")
    out.empty(
        "DATATYPE-DEFINITION-STRING",
        IDENTIFIER=f"{prefix}-{_DATATYPE_IDS['STRING']}",
        LAST_CHANGE=TYPES_CHANGED,
        LONG_NAME="Text",
        MAX_LENGTH=str(STRING_LIMIT),
    )
    out.empty(
        "DATATYPE-DEFINITION-STRING",
        IDENTIFIER=f"{prefix}-{_DATATYPE_IDS['NAME']}",
        LAST_CHANGE=TYPES_CHANGED,
        LONG_NAME="Name",
        MAX_LENGTH=str(NAME_LIMIT),
    )
    out.empty("DATATYPE-DEFINITION-XHTML", IDENTIFIER=f"{prefix}-{_DATATYPE_IDS['XHTML']}", LAST_CHANGE=TYPES_CHANGED, LONG_NAME="Formatted text")
    for kind in ("PRIORITY", "STATUS") + (("QUESTION_STATUS",) if tree.open_questions else ()):
        out.open(
            "DATATYPE-DEFINITION-ENUMERATION", IDENTIFIER=f"{prefix}-{_DATATYPE_IDS[kind]}", LAST_CHANGE=TYPES_CHANGED, LONG_NAME=_ENUM_NAMES[kind]
        )
        out.open("SPECIFIED-VALUES")
        for key, (identifier, label, other) in enumerate(_ENUM_VALUES[kind]):
            out.open("ENUM-VALUE", IDENTIFIER=f"{prefix}-{identifier}", LAST_CHANGE=TYPES_CHANGED, LONG_NAME=label)
            out.open("PROPERTIES")
            out.empty("EMBEDDED-VALUE", KEY=str(key), OTHER_CONTENT=other)
            out.close("PROPERTIES")
            out.close("ENUM-VALUE")
        out.close("SPECIFIED-VALUES")
        out.close("DATATYPE-DEFINITION-ENUMERATION")
    out.close("DATATYPES")


def _spec_types(out: _Writer, prefix: str, tree: _Tree) -> None:
    out.open("SPEC-TYPES")
    types = [("SPEC-OBJECT-TYPE", "section", "Section", SECTION_ATTRIBUTES), ("SPEC-OBJECT-TYPE", "story", "User story", STORY_ATTRIBUTES)]
    if tree.decisions:
        types.append(("SPEC-OBJECT-TYPE", "decision", "Decision", DECISION_ATTRIBUTES))
    if tree.open_questions:
        types.append(("SPEC-OBJECT-TYPE", "open-question", "Open question", OPEN_QUESTION_ATTRIBUTES))
    types.append(("SPECIFICATION-TYPE", "specification", "Specification", SPECIFICATION_ATTRIBUTES))
    for tag, kind, long_name, attributes in types:
        out.open(tag, IDENTIFIER=f"{prefix}-type-{kind}", LAST_CHANGE=TYPES_CHANGED, LONG_NAME=long_name)
        out.open("SPEC-ATTRIBUTES")
        for tail, attribute_name, datatype in attributes:
            value_tag = _VALUE_TAG[datatype]
            extra = {"MULTI_VALUED": "false"} if value_tag == "ENUMERATION" else {}
            out.open(
                f"ATTRIBUTE-DEFINITION-{value_tag}",
                IDENTIFIER=f"{prefix}-attribute-{kind}-{tail}",
                LAST_CHANGE=TYPES_CHANGED,
                LONG_NAME=attribute_name,
                **extra,
            )
            out.ref("TYPE", f"DATATYPE-DEFINITION-{value_tag}-REF", f"{prefix}-{_DATATYPE_IDS[datatype]}")
            out.close(f"ATTRIBUTE-DEFINITION-{value_tag}")
        out.close("SPEC-ATTRIBUTES")
        out.close(tag)
    if tree.relations:
        out.empty("SPEC-RELATION-TYPE", IDENTIFIER=f"{prefix}-type-decision-about-story", LAST_CHANGE=TYPES_CHANGED, LONG_NAME="Decision about story")
    out.close("SPEC-TYPES")


def _story_values(story: Story, interview: Interview) -> dict[str, str]:
    """Attribute tail -> value (plain text for strings, XHTML for XHTML, the MoSCoW or status key for enumerations)."""
    values = {
        "foreign-id": story.id,
        "name": clip(one_line(story.sentence()), NAME_LIMIT),
        "text": xhtml_lines(story.sentence()),
    }
    if story.priority in PRIORITY_LABELS:
        values["priority"] = story.priority
    if story.status in STATUS_LABELS:
        values["status"] = story.status
    if story.acceptance:
        values["acceptance"] = xhtml_list(story.acceptance)
    if story.quote.strip():
        values["quote"] = xhtml_lines(story.quote)
    asked = askers(story, interview.session)[1]
    if asked:
        values["asked-by"] = one_line(asked)
    if story.source:
        values["source"] = xhtml_list(source_lines(story, interview))
    tags = tag_text(story.tags)
    if tags:
        values["tags"] = tags
    reason = story.reason
    if reason.strip():
        values["reason"] = xhtml_lines(reason)
    return values


def _decision_values(decision: Decision, interview: Interview) -> dict[str, str]:
    """A decision's attributes (empty ones left out): what, why, who decided, who said it, its stories and questions."""
    values = {"foreign-id": decision.id, "name": clip(one_line(decision.text), NAME_LIMIT), "text": xhtml_lines(decision.text)}
    if decision.rationale.strip():
        values["rationale"] = xhtml_lines(decision.rationale)
    optional = {
        "decided-by": one_line(decision.decided_by),
        "said-by": one_line(person_label(decision.by, interview.session)),
        "stories": ", ".join(item for item in (one_line(story) for story in decision.stories) if item),
    }
    values.update({key: value for key, value in optional.items() if value})
    if decision.source:
        values["source"] = xhtml_list(question_lines(decision.source, interview))
    return values


def _open_question_values(item: OpenQuestion, interview: Interview) -> dict[str, str]:
    """An open question's attributes (empty ones left out): the question, its status, owner, who raised it, the answer."""
    values = {"foreign-id": item.id, "name": clip(one_line(item.text), NAME_LIMIT), "text": xhtml_lines(item.text)}
    if item.status in QUESTION_STATUS_LABELS:
        values["status"] = item.status
    optional = {"owner": one_line(item.owner), "raised-by": one_line(person_label(item.by, interview.session))}
    values.update({key: value for key, value in optional.items() if value})
    if item.resolution.strip():
        values["resolution"] = xhtml_lines(item.resolution)
    if item.source:
        values["source"] = xhtml_list(question_lines(item.source, interview))
    return values


def tag_text(tags: list[str]) -> str:
    """The story's tags on one line, separated by ", "."""
    return ", ".join(item for item in (one_line(tag) for tag in tags) if item)


def _spec_object(
    out: _Writer,
    prefix: str,
    identifier: str,
    kind: str,
    attributes: tuple[tuple[str, str, str], ...],
    values: dict[str, str],
    changed: datetime,
) -> None:
    out.open("SPEC-OBJECT", IDENTIFIER=identifier, LAST_CHANGE=reqif_time(changed))
    out.ref("TYPE", "SPEC-OBJECT-TYPE-REF", f"{prefix}-type-{kind}")
    out.open("VALUES")
    for tail, _, datatype in attributes:
        if tail in values:
            _value(out, prefix, kind, tail, datatype, values[tail])
    out.close("VALUES")
    out.close("SPEC-OBJECT")


def _value(out: _Writer, prefix: str, kind: str, tail: str, datatype: str, value: str) -> None:
    definition = f"{prefix}-attribute-{kind}-{tail}"
    value_tag = _VALUE_TAG[datatype]
    if value_tag == "STRING":
        out.open("ATTRIBUTE-VALUE-STRING", THE_VALUE=value)
        out.ref("DEFINITION", "ATTRIBUTE-DEFINITION-STRING-REF", definition)
        out.close("ATTRIBUTE-VALUE-STRING")
    elif value_tag == "XHTML":
        out.open("ATTRIBUTE-VALUE-XHTML")
        out.ref("DEFINITION", "ATTRIBUTE-DEFINITION-XHTML-REF", definition)
        out.raw(f"<THE-VALUE>{value}</THE-VALUE>")
        out.close("ATTRIBUTE-VALUE-XHTML")
    else:
        out.open("ATTRIBUTE-VALUE-ENUMERATION")
        out.ref("DEFINITION", "ATTRIBUTE-DEFINITION-ENUMERATION-REF", definition)
        out.ref("VALUES", "ENUM-VALUE-REF", f"{prefix}-{_ENUM_PREFIX[datatype]}-{value}")
        out.close("ATTRIBUTE-VALUE-ENUMERATION")


EXPORTER = ReqIfExporter()
