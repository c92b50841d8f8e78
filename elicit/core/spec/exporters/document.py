"""The spec as a document model: blocks of text that a renderer turns into Markdown or HTML.

:mod:`~elicit.core.spec.exporters.spec_document` decides what goes into a
spec and builds a :class:`Document` from these blocks; the Markdown and HTML
exporters only render them. User text is only ever held in :class:`Text`
(and in the plain strings of :class:`Quote`), which every renderer escapes;
fixed words of the document are :class:`Label` (emphasised) and
:class:`Strong`. So a renderer that escapes :class:`Text` cannot be tricked
into markup by what the client said.
"""

from __future__ import annotations

from dataclasses import dataclass, field

AUDIENCES = ("client", "team")
"""Who a people document is for: the client (what was said and proposed) or the team (everything)."""


# Inline spans ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """User text (or any text to escape). Line breaks become spaces, or hard line breaks with ``lines``."""

    text: str
    lines: bool = False


@dataclass(frozen=True)
class Label:
    """A fixed, emphasised word of the document, such as ``Why:``."""

    text: str


@dataclass(frozen=True)
class Strong:
    """A fixed, strongly emphasised word of the document, such as ``Client:``."""

    text: str


@dataclass(frozen=True)
class Link:
    """A link to an anchor in the same document."""

    text: str
    target: str


@dataclass(frozen=True)
class Anchor:
    """A place in the document that a :class:`Link` can point to."""

    id: str


Span = Text | Label | Strong | Link | Anchor
Line = tuple[Span, ...]
"""One line of inline spans; a renderer joins the lines of a block with hard line breaks."""


def line(*spans: Span | str) -> Line:
    """A line from spans; a plain ``str`` is :class:`Text`."""
    return tuple(Text(item) if isinstance(item, str) else item for item in spans)


def space_after(out: list[str]) -> None:
    """One space after what a writer has put out so far, unless it ends with one (between inline spans)."""
    if out and not out[-1].endswith(" "):
        out.append(" ")


def is_empty(spans: Line) -> bool:
    """Whether a line shows nothing (only blank text)."""
    return all(isinstance(span, Text) and not span.text.strip() for span in spans)


# Blocks ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    """A heading inside a part: level 3 or deeper (the part title is level 2)."""

    level: int
    spans: Line
    anchor: str = ""


@dataclass(frozen=True)
class Paragraph:
    """Lines joined by hard line breaks."""

    lines: tuple[Line, ...]


@dataclass(frozen=True)
class BulletList:
    """A list; each item is its lines (the first line, then hard-broken continuation lines)."""

    items: tuple[tuple[Line, ...], ...]
    checkboxes: bool = False


@dataclass(frozen=True)
class Table:
    """A table of one-line cells; columns from ``numeric_from`` on hold numbers (right-aligned)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[Line, ...], ...]
    numeric_from: int | None = None
    caption: str = ""


@dataclass(frozen=True)
class Quote:
    """The client's own words, kept line by line."""

    text: str


@dataclass(frozen=True)
class Bar:
    """One bar of a chart: ``value`` out of ``total``, shown as ``note`` (``3 of 5``)."""

    label: str
    value: int
    total: int
    note: str


@dataclass(frozen=True)
class BarChart:
    """A small bar chart; each bar's ``note`` is its text equivalent.

    Text formats show it as a table of ``label_header`` and ``value_header``
    when ``in_text`` (the team's document has fuller tables instead).
    """

    title: str
    label_header: str
    value_header: str
    bars: tuple[Bar, ...]
    in_text: bool = True


Block = Heading | Paragraph | BulletList | Table | Quote | BarChart


@dataclass(frozen=True)
class Part:
    """A major section of the document (a level-2 heading); ``new_page``: printed on a new page."""

    id: str
    title: str
    blocks: tuple[Block, ...]
    new_page: bool = False


@dataclass(frozen=True)
class Document:
    """A whole spec: title, a line under it, the facts list, then the parts in order."""

    title: str
    subtitle: str
    facts: tuple[tuple[str, Line], ...]
    parts: tuple[Part, ...]
    audience: str = "client"
    lang: str = "en"
    meta: dict[str, str] = field(default_factory=dict)
