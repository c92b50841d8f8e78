"""The Markdown spec: renders the spec document (:mod:`.spec_document`) as CommonMark with GFM tables.

User text is escaped only where Markdown would misread it at that position,
so the raw file stays readable (``Crumb & Co``, ``1.0.0``, ``C++`` as typed):

- anywhere: a backslash before punctuation or at the end, a backtick, ``<``
  before a tag-like character, ``&`` starting an entity, ``|``, ``*``, ``_``
  and ``~`` unless they cannot open or close emphasis, ``[`` at the start or
  before ``^`` or ``!``, and ``]`` before ``(``, ``[`` or ``:``;
- at the start of a line: ``#``, ``>``, a list marker (``-``, ``+``, ``*``,
  ``1.``, ``1)``), a thematic break and a setext underline;
- at the end of a heading: a closing run of ``#``.

So no heading, list item, table row, code, quote, link or raw HTML can come
from an answer. Emphasis markers only ever surround fixed labels.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from elicit.core.spec.exporters.document import (
    Anchor,
    BarChart,
    Block,
    BulletList,
    Document,
    Heading,
    Label,
    Line,
    Link,
    Paragraph,
    Quote,
    Strong,
    Table,
    Text,
    line,
    space_after,
)
from elicit.core.spec.exporters.spec_document import PeopleExporter

if TYPE_CHECKING:
    pass

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
_TAG_START = re.compile(r"[A-Za-z/!?]")
_HEADING_START = re.compile(r"#{1,6}(?:\s|$)")
_BULLET_START = re.compile(r"[-+*](?:\s|$)")
_ORDERED_START = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_UNDERLINE = re.compile(r"(?:=+|-+)\s*$")
_THEMATIC_BREAK = re.compile(r"([-*_])(?:\s*\1){2,}\s*$")
_CLOSING_HASHES = re.compile(r"(^|\s)(#+)$")
_DELIMITERS = "*_~"
# Every character escape_line may act on (delimiters, the escapes of _needs_escape, a link's brackets): the text
# between two of them is copied as it is, not looked at one character at a time (10,000 stories: 1.9 s -> 0.6 s).
_SPECIAL = re.compile(r"[*_~\\`|<&\[\]]")
# The first characters of every block marker _escape_line_start looks for, digits aside (an ordered list's).
_BLOCK_STARTS = frozenset("#>-+*=_")


# Escaping --------------------------------------------------------------------------


def escape_line(line: str, *, line_start: bool = True, in_link: bool = False) -> str:
    """One line of user text (no line breaks) as Markdown text that reads as itself.

    ``line_start``: the text starts a line (or a list item or quote line), where
    block markers count. ``in_link``: the text is a link's label, where every
    bracket is escaped.
    """
    text = line.strip()
    if _SPECIAL.search(text) is None:  # most text: nothing inside it to escape
        return _escape_line_start(text) if line_start else text
    out: list[str] = []
    length = len(text)
    index = 0
    while index < length:
        found = _SPECIAL.search(text, index)
        if found is None:
            out.append(text[index:])
            break
        if found.start() > index:
            out.append(text[index : found.start()])
            index = found.start()
        char = text[index]
        if char in _DELIMITERS:
            run, index = _delimiter_run(text, index)
            out.append(run)
            continue
        following = text[index + 1] if index + 1 < length else ""
        if _needs_escape(char, following, text, index) or (in_link and char in "[]"):
            out.append("\\")
        out.append(char)
        index += 1
    escaped = "".join(out)
    return _escape_line_start(escaped) if line_start else escaped


def _delimiter_run(text: str, index: int) -> tuple[str, int]:
    """The run of one delimiter (``*``, ``_``, ``~``) starting at ``index``, escaped unless inert, and where it ends."""
    char, length = text[index], len(text)
    end = index
    while end < length and text[end] == char:
        end += 1
    run = text[index:end]
    before = text[index - 1] if index else ""
    after = text[end] if end < length else ""
    return (run if _inert_run(char, before, after) else "".join("\\" + c for c in run)), end


def _inert_run(char: str, before: str, after: str) -> bool:
    """A run of ``*``, ``_`` or ``~`` that can neither open nor close (so needs no escape)."""
    if before.isspace() and after.isspace():
        return True
    return char == "_" and before.isalnum() and after.isalnum()


def _needs_escape(char: str, following: str, text: str, index: int) -> bool:
    if char == "\\":
        return following == "" or following in _PUNCTUATION
    if char in "`|":
        return True
    if char == "<":
        return following == "" or bool(_TAG_START.match(following))
    if char == "&":
        return bool(_ENTITY.match(text, index))
    if char == "[":
        return index == 0 or following in "^!"
    if char == "]":
        return following in ("(", "[", ":")
    return False


def _escape_line_start(text: str) -> str:
    if not text:
        return text
    first = text[0]
    if first not in _BLOCK_STARTS and not first.isdecimal():  # no block marker can start here (a digit: str.isdecimal is re's \d)
        return text
    if _HEADING_START.match(text) or text[0] == ">":
        return "\\" + text
    if _BULLET_START.match(text) or _UNDERLINE.match(text) or _THEMATIC_BREAK.match(text):
        return "\\" + text
    return _ORDERED_START.sub(r"\1\\\2", text, count=1)


def text_lines(text: str, *, line_start: bool = True) -> list[str]:
    """The non-blank lines of user text, each escaped (every later line starts a line)."""
    if "\n" in text or "\r" in text:
        lines = [line for line in _LINE_BREAK.split(text) if line.strip()]
    else:  # one line (most texts): no split
        lines = [text] if text.strip() else []
    return [escape_line(line, line_start=line_start or number > 0) for number, line in enumerate(lines)]


def inline(text: str, *, line_start: bool = False, in_link: bool = False) -> str:
    """User text on one line (line breaks become spaces), escaped."""
    if "\n" in text or "\r" in text:
        folded = " ".join(line.strip() for line in _LINE_BREAK.split(text) if line.strip())
    else:
        folded = text  # one line: escape_line strips it
    return escape_line(folded, line_start=line_start, in_link=in_link)


def block(text: str, indent: str = "", *, line_start: bool = False) -> str:
    """User text keeping its lines as hard line breaks, escaped; ``indent`` starts each later line."""
    return f"\\\n{indent}".join(text_lines(text, line_start=line_start))


def heading_text(text: str) -> str:
    """User text in a heading: escaped inline, and a closing run of ``#`` kept as text."""
    escaped = inline(text)
    if not escaped.endswith("#"):
        return escaped
    return _CLOSING_HASHES.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


# Rendering -------------------------------------------------------------------------


def markdown_document(document: Document) -> str:
    """Render a spec document as Markdown, ending with one newline."""
    blocks = ["# " + heading_text(document.title), f"*{document.subtitle}*"]
    if document.facts:
        blocks.append("\n".join(f"- **{label}:** {spans(value)}" for label, value in document.facts))
    written: dict[int, str] = {}
    for part in document.parts:
        blocks.append("## " + heading_text(part.title))
        blocks.extend(rendered(item, written) for item in part.blocks)
    return "\n\n".join(item for item in blocks if item) + "\n"


def rendered(item: Block, written: dict[int, str]) -> str:
    """:func:`render_block` of ``item``, written once per block object into ``written`` (by ``id``, so the blocks must
    outlive ``written``: a document's do, while it is rendered). A document shares blocks between entries (every
    story's "Acceptance criteria:", the status line of each status, the source line of stories from one answer)."""
    shown = written.get(id(item))
    if shown is None:
        shown = written[id(item)] = render_block(item)
    return shown


def render_block(item: Block) -> str:
    """One block as Markdown."""
    if isinstance(item, Heading):
        return heading(item)
    if isinstance(item, Paragraph):
        return lines(item.lines, "")
    if isinstance(item, BulletList):
        marker = "- [ ] " if item.checkboxes else "- "
        return "\n".join(marker + lines(entry, "  ", first_at_start=not item.checkboxes) for entry in item.items)
    if isinstance(item, Table):
        return table(item)
    if isinstance(item, Quote):
        quoted = text_lines(item.text)
        return "> " + "\\\n> ".join(quoted) if quoted else ""
    if isinstance(item, BarChart):
        rows = tuple((line(bar.label), line(bar.note)) for bar in item.bars)
        return table(Table((item.label_header, item.value_header), rows, numeric_from=1)) if item.in_text else ""
    raise TypeError(f"no Markdown for {type(item).__name__}")


def heading(item: Heading) -> str:
    """A heading: its text spans, escaped."""
    if len(item.spans) == 1 and type(item.spans[0]) is Text:  # a story's heading: one text
        return "#" * item.level + " " + heading_text(item.spans[0].text)
    return "#" * item.level + " " + heading_text(" ".join(s.text for s in item.spans if isinstance(s, Text)))


def lines(entries: tuple[Line, ...], indent: str, *, first_at_start: bool = True) -> str:
    """Lines joined by hard line breaks; ``indent`` starts each later line (inside a list item)."""
    if len(entries) == 1:  # most paragraphs and list items: one line
        return spans(entries[0], line_start=first_at_start, indent=indent)
    shown = [spans(entry, line_start=first_at_start or number > 0, indent=indent) for number, entry in enumerate(entries)]
    return f"\\\n{indent}".join(item for item in shown if item)


def spans(entry: Line, *, line_start: bool = False, indent: str = "") -> str:
    """Inline spans as Markdown; the first text is at the start of a line when ``line_start``.

    Blank space at either end of a text span is kept as one space between spans.
    """
    if len(entry) == 1 and type(entry[0]) is Text:  # a line of one text (most table cells, headings): nothing beside it
        return _text(entry[0], line_start, indent).strip()
    out: list[str] = []
    at_start = line_start
    for span in entry:
        if isinstance(span, Text):
            shown = _text(span, at_start, indent)
            _put_text(out, span.text, shown)
            if shown:
                at_start = False
            continue
        if isinstance(span, Anchor):
            out.append(f'<a id="{span.id}"></a>')
            continue
        at_start = False
        if isinstance(span, Label):
            out.append(f"*{span.text}*")
            space_after(out)
        elif isinstance(span, Strong):
            out.append(f"**{span.text}**")
            space_after(out)
        elif isinstance(span, Link):
            label = inline(span.text, in_link=True)
            out.append(f"[{label}](#{span.target})" if label else "")
    return "".join(out).strip()


def _text(span: Text, line_start: bool, indent: str) -> str:
    """A text span escaped: its lines kept as hard line breaks (``lines``) or folded onto one."""
    return block(span.text, indent, line_start=line_start) if span.lines else inline(span.text, line_start=line_start)


def _put_text(out: list[str], text: str, shown: str) -> None:
    """Put out a text span shown as ``shown``: blank space at either end of ``text`` kept as one space."""
    if text[:1].isspace():
        space_after(out)
    elif out and out[-1].endswith("]") and shown[:1] in ("(", "[", ":"):
        out[-1] = out[-1][:-1] + "\\]"  # the two spans together would make a link
    out.append(shown)
    if text[-1:].isspace():
        space_after(out)


def table(item: Table) -> str:
    """A GitHub-flavoured table; cells are folded onto one line and escaped."""
    headers = item.headers
    numeric = item.numeric_from
    aligns = ["---:" if numeric is not None and index >= numeric else "---" for index in range(len(headers))]
    rows = ["| " + " | ".join(headers) + " |", "| " + " | ".join(aligns) + " |"]
    rows.extend("| " + " | ".join(spans(cell) for cell in row) + " |" for row in item.rows)
    return "\n".join(rows)


EXPORTER = PeopleExporter("md", "Markdown spec", ".md", markdown_document)
"""Writes ``spec.md`` for the client (or, with the team audience, for the team)."""
