"""StrictDoc: a ``.sdoc`` document with a grammar for user stories.

The document declares its own grammar: a composite ``SECTION`` per bank
section (``[[SECTION]]`` … ``[[/SECTION]]``), a ``TEXT`` node for the
section's goal, and a ``USER_STORY`` element whose single-line fields come
first (UID, status, priority, tags, source, title), then the statement (the
story sentence), then the multi-line fields (acceptance criteria, the
client's words, the source questions with their prompts, the reason for a
rejection). A field with nothing to say is left out, never written empty.

The interview's decisions and open questions follow the stories, each kind in
a ``SECTION`` of its own ("Decisions", "Open questions") as ``DECISION`` and
``OPEN_QUESTION`` elements: text, rationale or resolution, who decided, who
said or raised it, the status of a question, and for a decision a ``Parent``
relation to each story it is about. A session with neither declares neither
element, so its document is what it was before they existed.

The markup is ``Text``, so StrictDoc shows user text as it is rather than
reading it as RST. SDoc has no escapes, so user text is made safe instead:
single-line values are folded onto one line, control characters become
their visible pictures (``␀``), and wherever StrictDoc would read markup
(``[LINK: …]``, ``[ANCHOR: …]``, a line starting ``<<<``, a value ``>>>``)
a zero-width space (U+200B) is put in, which changes nothing a reader sees.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from elicit.core.spec.exporters.options import DEFAULT_OPTIONS, ExportOptions
from elicit.core.spec.exporters.story_groups import askers, person_label, question_lines, source_lines, story_groups
from elicit.core.text import clip
from elicit.core.vocabulary import OPEN_QUESTION_STATUS_LABELS, PRIORITY_LABELS, STORY_STATUS_LABELS

if TYPE_CHECKING:
    from elicit.core.session.engine import Interview
    from elicit.core.session.models import Decision, OpenQuestion, Session, Story

ZERO_WIDTH = "\u200b"
TITLE_LIMIT = 120
STATUS_CHOICES = STORY_STATUS_LABELS

# (field, type, required); single-line fields, the statement, then multi-line fields.
STORY_FIELDS = (
    ("UID", "String", True),
    ("STATUS", "SingleChoice(" + ", ".join(STATUS_CHOICES.values()) + ")", False),
    ("PRIORITY", "SingleChoice(" + ", ".join(PRIORITY_LABELS.values()) + ")", False),
    ("TAGS", "String", False),
    ("SOURCE", "String", False),
    ("ASKED_BY", "String", False),
    ("TITLE", "String", True),
    ("STATEMENT", "String", True),
    ("ACCEPTANCE_CRITERIA", "String", False),
    ("CLIENT_QUOTE", "String", False),
    ("SOURCE_QUESTIONS", "String", False),
    ("REASON", "String", False),
)
QUESTION_STATUS_CHOICES = OPEN_QUESTION_STATUS_LABELS
DECISION_FIELDS = (
    ("UID", "String", True),
    ("DECIDED_BY", "String", False),
    ("SAID_BY", "String", False),
    ("STORIES", "String", False),
    ("SOURCE", "String", False),
    ("TITLE", "String", True),
    ("STATEMENT", "String", True),
    ("RATIONALE", "String", False),
    ("SOURCE_QUESTIONS", "String", False),
)
OPEN_QUESTION_FIELDS = (
    ("UID", "String", True),
    ("STATUS", "SingleChoice(" + ", ".join(QUESTION_STATUS_CHOICES.values()) + ")", False),
    ("OWNER", "String", False),
    ("RAISED_BY", "String", False),
    ("SOURCE", "String", False),
    ("TITLE", "String", True),
    ("STATEMENT", "String", True),
    ("RESOLUTION", "String", False),
    ("SOURCE_QUESTIONS", "String", False),
)
MULTI_LINE = {"STATEMENT", "ACCEPTANCE_CRITERIA", "CLIENT_QUOTE", "SOURCE_QUESTIONS", "REASON", "RATIONALE", "RESOLUTION"}
DECISIONS_TITLE = "Decisions"
OPEN_QUESTIONS_TITLE = "Open questions"
SECTION_FIELDS = (("UID", "String", False), ("TITLE", "String", True))
TEXT_FIELDS = (("UID", "String", False), ("STATEMENT", "String", True))

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_SPACES = re.compile(r"\s+")
_MARKUP = re.compile(r"\[(?=(?:LINK|ANCHOR): )")
_NOT_UID = re.compile(r"[^A-Za-z0-9_.\-]+")


class StrictDocExporter:
    """Writes ``spec.sdoc``."""

    name = "sdoc"
    title = "StrictDoc document"
    suffix = ".sdoc"
    multi_file = False
    generated_line = ""

    def render(self, session: Session, interview: Interview, options: ExportOptions = DEFAULT_OPTIONS) -> dict[str, str]:
        """The stories as one StrictDoc document."""
        return {"spec.sdoc": render_sdoc(session, interview)}


# Text ---------------------------------------------------------------------------------


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def _visible(text: str) -> str:
    """Control characters (but tab and line breaks) as their pictures; markup openers broken by a zero-width space."""
    return _MARKUP.sub("[" + ZERO_WIDTH, _CONTROL.sub(_picture, text))


def single_line(text: str) -> str:
    """User text as a single-line field value ("" when nothing is left)."""
    value = _visible(_SPACES.sub(" ", text).strip())
    return ZERO_WIDTH + value if value.startswith(">>>") else value


def multi_line(text: str) -> str:
    """User text as the inside of a ``>>>`` … ``<<<`` block, ending with a newline ("" when blank)."""
    if not text.strip():
        return ""
    lines = [_visible(line.rstrip()) for line in _LINE_BREAK.split(text.strip("\r\n"))]
    return "".join((ZERO_WIDTH + line if line.startswith("<<<") else line) + "\n" for line in lines)


def bullet_list(items: list[str]) -> str:
    """Items as ``- item`` lines; an item's later lines are indented under it."""
    blocks = []
    for item in items:
        lines = multi_line(item).splitlines() or ["…"]
        blocks.append("- " + "\n  ".join(lines) + "\n")
    return "".join(blocks)


def uid(text: str, taken: set[str]) -> str:
    """A StrictDoc UID from a story or section id: letters, digits, ``_ . -``, unique in the document."""
    base = _NOT_UID.sub("-", text).strip("-.") or "ID"
    if not (base[0].isascii() and base[0].isalnum() or base[0] == "_"):
        base = "ID-" + base
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    taken.add(candidate)
    return candidate


# Writer -------------------------------------------------------------------------------


def render_sdoc(session: Session, interview: Interview) -> str:
    """The ``.sdoc`` text, ending with a newline."""
    lines = [
        "[DOCUMENT]",
        f"TITLE: {single_line(session.title) or 'Draft specification'}",
        "OPTIONS:",
        "  MARKUP: Text",
        "",
        "[GRAMMAR]",
        "ELEMENTS:",
    ]
    lines += _grammar_element("SECTION", SECTION_FIELDS, composite=True)
    lines += _grammar_element("TEXT", TEXT_FIELDS)
    lines += _grammar_element("USER_STORY", STORY_FIELDS)
    if session.decisions:
        lines += _grammar_element("DECISION", DECISION_FIELDS) + ["  RELATIONS:", "  - TYPE: Parent"]
    if session.open_questions:
        lines += _grammar_element("OPEN_QUESTION", OPEN_QUESTION_FIELDS)
    taken: set[str] = set()
    story_uids: dict[str, str] = {}
    for group in story_groups(session, interview):
        lines += ["", "[[SECTION]]"]
        lines += _fields({"UID": uid("SECTION-" + (group.id or "other"), taken), "TITLE": single_line(group.title) or "…"})
        if group.goal.strip():
            lines += ["", "[TEXT]"]
            lines += _fields({"STATEMENT": multi_line(group.goal)})
        for story in group.stories:
            lines += ["", "[USER_STORY]"]
            fields = _story_fields(story, interview, taken)
            story_uids.setdefault(story.id, fields["UID"])
            lines += _fields(fields)
        lines += ["", "[[/SECTION]]"]
    lines += _decisions(session.decisions, interview, taken, story_uids)
    lines += _open_questions(session.open_questions, interview, taken)
    return "\n".join(lines) + "\n"


def _decisions(decisions: list[Decision], interview: Interview, taken: set[str], story_uids: dict[str, str]) -> list[str]:
    """The section of decisions, each with a ``Parent`` relation to every story of the document it is about."""
    if not decisions:
        return []
    lines = ["", "[[SECTION]]"] + _fields({"UID": uid("SECTION-decisions", taken), "TITLE": DECISIONS_TITLE})
    for decision in decisions:
        lines += ["", "[DECISION]"]
        lines += _fields(
            {
                "UID": uid(decision.id, taken),
                "DECIDED_BY": single_line(decision.decided_by),
                "SAID_BY": single_line(person_label(decision.by, interview.session)),
                "STORIES": _one_line_list(decision.stories),
                "SOURCE": _one_line_list(decision.source),
                "TITLE": clip(single_line(decision.text), TITLE_LIMIT) or "…",
                "STATEMENT": multi_line(decision.text) or "…\n",
                "RATIONALE": multi_line(decision.rationale),
                "SOURCE_QUESTIONS": bullet_list(question_lines(decision.source, interview)),
            }
        )
        parents = [story_uids[story_id] for story_id in dict.fromkeys(decision.stories) if story_id in story_uids]
        if parents:
            lines.append("RELATIONS:")
            lines += [line for parent in parents for line in ("- TYPE: Parent", f"  VALUE: {parent}")]
    return lines + ["", "[[/SECTION]]"]


def _open_questions(questions: list[OpenQuestion], interview: Interview, taken: set[str]) -> list[str]:
    """The section of open questions: each with its status, owner, who raised it and, once resolved, the answer."""
    if not questions:
        return []
    lines = ["", "[[SECTION]]"] + _fields({"UID": uid("SECTION-open-questions", taken), "TITLE": OPEN_QUESTIONS_TITLE})
    for item in questions:
        lines += ["", "[OPEN_QUESTION]"]
        lines += _fields(
            {
                "UID": uid(item.id, taken),
                "STATUS": QUESTION_STATUS_CHOICES.get(item.status, ""),
                "OWNER": single_line(item.owner),
                "RAISED_BY": single_line(person_label(item.by, interview.session)),
                "SOURCE": _one_line_list(item.source),
                "TITLE": clip(single_line(item.text), TITLE_LIMIT) or "…",
                "STATEMENT": multi_line(item.text) or "…\n",
                "RESOLUTION": multi_line(item.resolution),
                "SOURCE_QUESTIONS": bullet_list(question_lines(item.source, interview)),
            }
        )
    return lines + ["", "[[/SECTION]]"]


def _one_line_list(items: list[str]) -> str:
    """Ids (question ids, story ids) on one line, ", " between them."""
    return single_line(", ".join(single_line(item) for item in items if single_line(item)))


def _grammar_element(tag: str, fields: tuple[tuple[str, str, bool], ...], composite: bool = False) -> list[str]:
    lines = [f"- TAG: {tag}"]
    if composite:
        lines += ["  PROPERTIES:", "    IS_COMPOSITE: True"]
    lines.append("  FIELDS:")
    for name, kind, required in fields:
        lines += [f"  - TITLE: {name}", f"    TYPE: {kind}", f"    REQUIRED: {required}"]
    return lines


def _fields(values: dict[str, str]) -> list[str]:
    lines = []
    for name, value in values.items():
        if not value:
            continue
        if name in MULTI_LINE:
            lines.append(f"{name}: >>>")
            lines.append(value + "<<<")
        else:
            lines.append(f"{name}: {value}")
    return lines


def _story_fields(story: Story, interview: Interview, taken: set[str]) -> dict[str, str]:
    sources = source_lines(story, interview)
    title = single_line(story.want)
    return {
        "UID": uid(story.id, taken),
        "STATUS": STATUS_CHOICES.get(story.status, ""),
        "PRIORITY": PRIORITY_LABELS.get(story.priority, ""),
        "TAGS": _one_line_list(story.tags),
        "SOURCE": _one_line_list(story.source),
        "ASKED_BY": single_line(askers(story, interview.session)[1]),
        "TITLE": clip(title, TITLE_LIMIT) if title else "…",
        "STATEMENT": multi_line(story.sentence()),
        "ACCEPTANCE_CRITERIA": bullet_list(story.acceptance),
        "CLIENT_QUOTE": multi_line(story.quote),
        "SOURCE_QUESTIONS": bullet_list(sources),
        "REASON": multi_line(story.reason),
    }


EXPORTER = StrictDocExporter()
