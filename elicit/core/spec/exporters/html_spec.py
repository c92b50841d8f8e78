"""The HTML spec: the same document as the Markdown spec (:mod:`.spec_document`), as one printable page.

The page is self-contained: inline CSS, inline SVG bars, no scripts, fonts
or images, and a Content-Security-Policy that forbids fetching anything. It
reads on a phone (fluid width, wrapping tables) and prints to PDF from a
browser (a print stylesheet, major sections on a new page, rows never split,
table headers repeated). Every piece of text goes through :func:`text`,
which escapes it, so nothing the client said can become markup.
"""

from __future__ import annotations

import html
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
    Part,
    Quote,
    Strong,
    Table,
    Text,
    space_after,
)
from elicit.core.spec.exporters.spec_document import PeopleExporter
from elicit.core.text import printable

if TYPE_CHECKING:
    pass

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_TOKEN = re.compile(r"(\s+)")
_TOKEN_JOINT = re.compile(r"(?<=[._/@-])(?=\w)")
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; base-uri 'none'"

TEXT = "#1b1b1b"
MUTED = "#4d4d4d"
LINK = "#0a4a85"
PAPER = "#ffffff"
HEADER_CELL = "#eef2f7"
QUOTE_BACK = "#f5f7fa"
BAR = "#2a5d9f"
TRACK = "#dde4ee"
RULE = "#c9d3e0"
CONTRAST_PAIRS = (
    (TEXT, PAPER),
    (MUTED, PAPER),
    (LINK, PAPER),
    (TEXT, HEADER_CELL),
    (TEXT, QUOTE_BACK),
)
"""Text colour on background colour, every pair the page uses (WCAG AA asks 4.5:1 for text)."""
GRAPHIC_PAIRS = ((BAR, PAPER), (BAR, TRACK))
"""Bars against the page and their track (WCAG AA asks 3:1 for graphics)."""

STYLE = f"""
:root {{ color-scheme: light; }}
* {{ box-sizing: border-box; }}
html {{ -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }}
body {{ margin: 0 auto; max-width: 52rem; padding: 1.5rem 1.25rem 3rem; color: {TEXT}; background: {PAPER};
  font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; overflow-wrap: break-word; }}
h1 {{ font-size: 1.9rem; line-height: 1.2; margin: 0 0 .25rem; }}
h2 {{ font-size: 1.45rem; margin: 2.5rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid {RULE}; }}
h3 {{ font-size: 1.2rem; margin: 1.75rem 0 .5rem; }}
h4 {{ font-size: 1.05rem; margin: 1.5rem 0 .4rem; }}
p {{ margin: .4rem 0; }}
a {{ color: {LINK}; }}
.subtitle {{ color: {MUTED}; margin: 0 0 1rem; font-style: italic; }}
.label {{ font-style: italic; color: {MUTED}; }}
dl.facts {{ display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 1rem 0; }}
dl.facts dt {{ font-weight: 600; }}
dl.facts dd {{ margin: 0; }}
ul {{ padding-left: 1.4rem; margin: .4rem 0; }}
li {{ margin: .3rem 0; }}
ul.checklist {{ list-style: none; padding-left: .2rem; }}
ul.checklist li::before {{ content: "\\2610\\00a0"; }}
blockquote {{ margin: .6rem 0; padding: .4rem .9rem; border-left: 4px solid #8aa4c8; background: {QUOTE_BACK}; }}
table {{ border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .95rem; }}
caption {{ text-align: left; font-weight: 600; padding: .2rem 0; }}
th, td {{ border: 1px solid {RULE}; padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }}
th {{ background: {HEADER_CELL}; overflow-wrap: normal; }}
td.number, th.number {{ text-align: right; }}
td.number {{ white-space: nowrap; }}
figure.chart {{ margin: 1rem 0 1.25rem; }}
figure.chart figcaption {{ font-weight: 600; margin-bottom: .3rem; }}
.bars {{ display: grid; grid-template-columns: minmax(6rem, 14rem) 1fr 4.5rem; gap: .25rem .6rem; align-items: center; margin: 0; }}
.bars dt {{ margin: 0; }}
.bars dd {{ margin: 0; }}
.bars svg {{ display: block; width: 100%; height: .9rem; }}
.bars .value {{ text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }}
.bar-track {{ fill: {TRACK}; }}
.bar-fill {{ fill: {BAR}; }}
footer {{ margin-top: 3rem; color: {MUTED}; font-size: .85rem; border-top: 1px solid {RULE}; padding-top: .5rem; }}
@media (max-width: 36rem) {{
  body {{ padding: 1rem .8rem 2rem; }}
  h1 {{ font-size: 1.5rem; }}
  .bars {{ grid-template-columns: 1fr 4.5rem; }}
  .bars dt {{ grid-column: 1 / -1; margin-top: .2rem; }}
  table {{ font-size: .85rem; }}
  th, td {{ padding: .2rem .25rem; }}
  th.number {{ writing-mode: vertical-rl; transform: rotate(180deg); text-align: left; white-space: nowrap; vertical-align: bottom; }}
}}
@media print {{
  @page {{ margin: 16mm 14mm; }}
  body {{ max-width: none; padding: 0; font-size: 10.5pt; }}
  a {{ color: inherit; text-decoration: none; }}
  section.new-page {{ break-before: page; }}
  h2, h3, h4 {{ break-after: avoid; }}
  tr, li, blockquote, figure.chart, .bars, .story {{ break-inside: avoid; }}
  thead {{ display: table-header-group; }}
  table {{ font-size: 9.5pt; }}
  th {{ background: {HEADER_CELL}; -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
  .bar-fill, .bar-track {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
}}
"""


def text(value: str) -> str:
    """Text escaped for HTML content and attributes; control characters shown as visible symbols (``text.printable``)."""
    return html.escape(printable(value), quote=True)


def html_document(document: Document) -> str:
    """Render a spec document as one HTML page."""
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{text(document.lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="elicit">',
        f"<title>{text(document.title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{text(document.title)}</h1>",
        f'<p class="subtitle">{text(document.subtitle)}</p>',
    ]
    if document.facts:
        out.append('<dl class="facts">')
        out.extend(f"<dt>{text(label)}</dt><dd>{spans(value)}</dd>" for label, value in document.facts)
        out.append("</dl>")
    out.append("</header>")
    out.append("<main>")
    out.extend(part_html(part) for part in document.parts)
    out.append("</main>")
    out.append("<footer>Draft specification written by elicit from the interview session.</footer>")
    out.append("</body>")
    out.append("</html>")
    return "\n".join(out) + "\n"


def part_html(part: Part) -> str:
    classes = ' class="new-page"' if part.new_page else ""
    identifier = _ID_UNSAFE.sub("-", part.id)
    inner = "\n".join(_grouped(part.blocks))
    return f'<section id="{identifier}"{classes} aria-labelledby="{identifier}-title">\n<h2 id="{identifier}-title">{text(part.title)}</h2>\n{inner}\n</section>'


STORY_LEVEL = 4
"""A story's heading level in the spec (spec_document.story_heading); no other heading is that deep."""


def _grouped(blocks: tuple[Block, ...]) -> list[str]:
    """Each block as HTML, a story (its heading and the blocks up to the next heading) inside one
    ``<div class="story">`` that printing keeps on one page (trial5 T5-6: its criteria went to the next page)."""
    out: list[str] = []
    story: list[str] | None = None
    for item in blocks:
        if isinstance(item, Heading):
            if story is not None:
                out.append('<div class="story">\n' + "\n".join(story) + "\n</div>")
            story = [] if item.level == STORY_LEVEL else None
        (out if story is None else story).append(block_html(item))
    if story is not None:
        out.append('<div class="story">\n' + "\n".join(story) + "\n</div>")
    return out


def block_html(item: Block) -> str:
    """One block as HTML."""
    if isinstance(item, Heading):
        level = min(max(item.level, 3), 6)
        return f"<h{level}>{spans(item.spans)}</h{level}>"
    if isinstance(item, Paragraph):
        return f"<p>{lines(item.lines)}</p>"
    if isinstance(item, BulletList):
        classes = ' class="checklist"' if item.checkboxes else ""
        return f"<ul{classes}>" + "".join(f"<li>{lines(entry)}</li>" for entry in item.items) + "</ul>"
    if isinstance(item, Table):
        return table_html(item)
    if isinstance(item, Quote):
        quoted = [text(part.strip()) for part in _LINE_BREAK.split(item.text) if part.strip()]
        return f"<blockquote><p>{'<br>'.join(quoted)}</p></blockquote>" if quoted else ""
    if isinstance(item, BarChart):
        return chart_html(item)
    raise TypeError(f"no HTML for {type(item).__name__}")


def lines(entries: tuple[Line, ...]) -> str:
    return "<br>".join(shown for shown in (spans(entry) for entry in entries) if shown)


def breakable(raw: str) -> str:
    """``raw`` as HTML whose long tokens may break: after a dot, an underscore, a slash, a hyphen or an @ (a question
    id such as ``discovery.current_process.walkthrough``), and every 24 characters of a token with none of those.
    Table cells keep their words whole (``overflow-wrap: break-word``: a phone showed 'Stakehol|ders' and
    'Confir|med'), and such a token would otherwise push a table past a phone's width."""
    pieces: list[str] = []
    for token in _TOKEN.split(raw):
        if len(token) < 20 or token.isspace():
            pieces.append(text(token))
            continue
        parts = [part for joint in _TOKEN_JOINT.split(token) for part in _chunks(joint)]
        pieces.append("<wbr>".join(text(part) for part in parts))
    return "".join(pieces)


def _chunks(part: str, size: int = 24) -> list[str]:
    return [part[start : start + size] for start in range(0, len(part), size)] or [part]


def spans(entry: Line) -> str:
    """Inline spans as HTML; blank space at either end of a text span is kept as one space."""
    out: list[str] = []
    for span in entry:
        if isinstance(span, Text):
            parts = [part.strip() for part in _LINE_BREAK.split(span.text) if part.strip()]
            joined = ("<br>" if span.lines else " ").join(breakable(part) for part in parts)
            if span.text[:1].isspace():
                space_after(out)
            out.append(joined)
            if span.text[-1:].isspace():
                space_after(out)
        elif isinstance(span, Anchor):
            out.append(f'<span id="{text(span.id)}"></span>')
        elif isinstance(span, Label):
            out.append(f'<span class="label">{text(span.text)}</span>')
            space_after(out)
        elif isinstance(span, Strong):
            out.append(f"<strong>{text(span.text)}</strong>")
            space_after(out)
        elif isinstance(span, Link):
            label = " ".join(part.strip() for part in _LINE_BREAK.split(span.text) if part.strip())
            out.append(f'<a href="#{text(span.target)}">{text(label)}</a>')
    return "".join(out).strip()


def table_html(item: Table) -> str:
    numeric = item.numeric_from

    def cell_class(index: int) -> str:
        return ' class="number"' if numeric is not None and index >= numeric else ""

    out = ["<table>"]
    if item.caption:
        out.append(f"<caption>{text(item.caption)}</caption>")
    out.append(
        "<thead><tr>" + "".join(f'<th scope="col"{cell_class(i)}>{text(h)}</th>' for i, h in enumerate(item.headers)) + "</tr></thead>"
    )
    out.append("<tbody>")
    for row in item.rows:
        out.append("<tr>" + "".join(f"<td{cell_class(i)}>{spans(cell)}</td>" for i, cell in enumerate(row)) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def chart_html(chart: BarChart) -> str:
    """Bars drawn in inline SVG beside their labels and numbers, which are the text equivalent."""
    out = ['<figure class="chart">', f"<figcaption>{text(chart.title)}</figcaption>", '<dl class="bars">']
    for bar in chart.bars:
        width = 0.0 if bar.total <= 0 else max(0.0, min(1.0, bar.value / bar.total)) * 100
        out.append(
            f"<dt>{text(bar.label)}</dt>"
            '<dd><svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">'
            '<rect class="bar-track" x="0" y="0" width="100" height="10"></rect>'
            f'<rect class="bar-fill" x="0" y="0" width="{width:.1f}" height="10"></rect></svg></dd>'
            f'<dd class="value">{text(bar.note)}</dd>'
        )
    out += ["</dl>", "</figure>"]
    return "\n".join(out)


EXPORTER = PeopleExporter("html", "HTML spec", ".html", html_document)
"""Writes ``spec.html``: the people spec as one self-contained, printable page."""
