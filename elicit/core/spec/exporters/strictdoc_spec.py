"""StrictDoc: a ``.sdoc`` document with a grammar for user stories.

The document declares its own grammar: a composite ``SECTION`` per bank
section (``[[SECTION]]`` … ``[[/SECTION]]``), a ``TEXT`` node for the
section's goal, and a ``USER_STORY`` element whose single-line fields come
first (UID, status, priority, tags, source, title), then the statement (the
story sentence), then the multi-line fields (acceptance criteria, the
client's words, the source questions with their prompts, the reason for a
rejection). A field with nothing to say is left out, never written empty.

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
from elicit.core.spec.exporters.story_groups import askers, source_lines, story_groups
from elicit.core.text import clip
from elicit.core.vocabulary import PRIORITY_LABELS

if TYPE_CHECKING:
    from elicit.core.session.engine import Interview
    from elicit.core.session.models import Session, Story

ZERO_WIDTH = "\u200b"
TITLE_LIMIT = 120
STATUS_CHOICES = {"draft": "Draft", "confirmed": "Confirmed", "changed": "Changed", "rejected": "Rejected"}

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
MULTI_LINE = {"STATEMENT", "ACCEPTANCE_CRITERIA", "CLIENT_QUOTE", "SOURCE_QUESTIONS", "REASON"}
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
    taken: set[str] = set()
    for group in story_groups(session, interview):
        lines += ["", "[[SECTION]]"]
        lines += _fields({"UID": uid("SECTION-" + (group.id or "other"), taken), "TITLE": single_line(group.title) or "…"})
        if group.goal.strip():
            lines += ["", "[TEXT]"]
            lines += _fields({"STATEMENT": multi_line(group.goal)})
        for story in group.stories:
            lines += ["", "[USER_STORY]"]
            lines += _fields(_story_fields(story, interview, taken))
        lines += ["", "[[/SECTION]]"]
    return "\n".join(lines) + "\n"


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
        "TAGS": single_line(", ".join(single_line(tag) for tag in story.tags if single_line(tag))),
        "SOURCE": single_line(", ".join(single_line(item) for item in story.source if single_line(item))),
        "ASKED_BY": single_line(askers(story, interview.session)[1]),
        "TITLE": clip(title, TITLE_LIMIT) if title else "…",
        "STATEMENT": multi_line(story.sentence()),
        "ACCEPTANCE_CRITERIA": bullet_list(story.acceptance),
        "CLIENT_QUOTE": multi_line(story.quote),
        "SOURCE_QUESTIONS": bullet_list(sources),
        "REASON": multi_line(story.reason),
    }


EXPORTER = StrictDocExporter()
