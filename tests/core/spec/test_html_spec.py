"""The HTML spec: one self-contained page from the same document as the Markdown, hostile text kept as text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from elicit.core.session.models import Answer, Session
from elicit.core.spec.exporters import AUDIENCES, ExportOptions, get_exporter
from elicit.core.spec.exporters.document import Anchor, BarChart, BulletList, Heading, Quote, Table
from elicit.core.spec.exporters.html_spec import CONTRAST_PAIRS, GRAPHIC_PAIRS, STYLE
from elicit.core.spec.exporters.spec_document import build_document
from tests.support.export import HOSTILE, interview_for, rich_session, sessions

HYPOTHESIS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
ALLOWED = {
    "html": {"lang"},
    "head": set(),
    "meta": {"charset", "http-equiv", "content", "name"},
    "title": set(),
    "style": set(),
    "body": set(),
    "header": set(),
    "main": set(),
    "footer": set(),
    "section": {"id", "class", "aria-labelledby"},
    "h1": set(),
    "h2": {"id"},
    "h3": set(),
    "h4": set(),
    "p": {"class"},
    "dl": {"class"},
    "dt": set(),
    "dd": {"class"},
    "ul": {"class"},
    "div": {"class"},
    "li": set(),
    "br": set(),
    "wbr": set(),
    "span": {"class", "id"},
    "strong": set(),
    "a": {"href"},
    "blockquote": set(),
    "table": set(),
    "caption": set(),
    "thead": set(),
    "tbody": set(),
    "tr": set(),
    "th": {"scope", "class"},
    "td": {"class"},
    "figure": {"class"},
    "figcaption": set(),
    "svg": {"viewbox", "preserveaspectratio", "aria-hidden", "focusable"},
    "rect": {"class", "x", "y", "width", "height"},
}


class Page(HTMLParser):
    """Every tag, attribute and piece of text of a page, as a browser's parser sees them."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.comments: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def handle_comment(self, data):
        self.comments.append(data)

    def count(self, tag: str) -> int:
        return sum(1 for name, _ in self.tags if name == tag)


def html_of(session: Session, audience: str = "client") -> str:
    exporter = get_exporter("html")
    (text,) = exporter.render(session, interview_for(session), ExportOptions(audience=audience)).values()
    return text


def check_html_structure(session: Session, audience: str) -> Page:
    """Parse the page and check that only elicit's own structure is there, as the document model says."""
    text = html_of(session, audience)
    page = Page(text)
    document = build_document(session, interview_for(session), audience)
    headings = 1 + len(document.parts)
    items = tables = rows = quotes = bars = anchors = 0
    for part in document.parts:
        for item in part.blocks:
            if isinstance(item, Heading):
                headings += 1
            elif isinstance(item, BulletList):
                items += len(item.items)
                anchors += sum(isinstance(span, Anchor) for entry in item.items for spans in entry for span in spans)
            elif isinstance(item, Table):
                tables += 1
                rows += 1 + len(item.rows)
            elif isinstance(item, Quote) and item.text.strip():
                quotes += 1
            elif isinstance(item, BarChart):
                bars += len(item.bars)
    for tag, attrs in page.tags:
        assert tag in ALLOWED, tag
        assert set(attrs) <= ALLOWED[tag], (tag, attrs)
        if "href" in attrs:
            assert (attrs["href"] or "").startswith("#"), attrs
    assert sum(page.count(f"h{level}") for level in range(1, 7)) == headings
    assert page.count("li") == items
    assert page.count("table") == tables and page.count("tr") == rows
    assert page.count("blockquote") == quotes
    assert page.count("svg") == bars == page.count("dt") - len(document.facts)
    assert sum(1 for tag, attrs in page.tags if tag == "span" and "id" in attrs) == anchors
    assert page.count("style") == 1 and page.count("title") == 1 and page.count("meta") == 4
    assert page.comments == []
    ids = [attrs["id"] for _, attrs in page.tags if "id" in attrs]
    assert len(ids) == len(set(ids))
    assert {attrs["href"][1:] for _, attrs in page.tags if "href" in attrs} <= set(ids)
    return page


@pytest.mark.parametrize("audience", AUDIENCES)
def test_page_is_self_contained_and_ordered(audience):
    text = html_of(rich_session(), audience)
    assert text.startswith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')
    assert "Content-Security-Policy" in text and "default-src 'none'" in text
    page = check_html_structure(rich_session(), audience)
    assert page.count("script") == page.count("img") == page.count("link") == page.count("iframe") == 0
    assert not re.search(r"(?:https?:)?//|url\(|@import|@font-face", STYLE)
    levels = [int(tag[1]) for tag, _ in page.tags if re.fullmatch(r"h[1-6]", tag)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(later <= earlier + 1 for earlier, later in zip(levels, levels[1:], strict=False)), levels


def test_print_stylesheet_breaks_pages_between_major_sections_and_keeps_rows_whole():
    text = html_of(rich_session(), "team")
    assert "@media print" in STYLE and "section.new-page { break-before: page; }" in STYLE
    assert "tr, li, blockquote, figure.chart, .bars, .story { break-inside: avoid; }" in STYLE
    assert "thead { display: table-header-group; }" in STYLE
    # long cells wrap instead of running off the page: words whole (a phone showed 'Stakehol|ders'), long tokens
    # broken where they join (html_spec.breakable)
    assert "overflow-wrap: break-word" in STYLE and "<wbr>" in html_of(rich_session(), "team")
    sections = re.findall(r'<section id="([a-z-]+)"( class="new-page")?', text)
    assert ("stories", ' class="new-page"') in sections and ("summary", "") in sections


@pytest.mark.parametrize("audience", AUDIENCES)
def test_printing_keeps_each_story_on_one_page(audience):
    """trial5 T5-6: a printed spec had a story's title and status at the foot of a page and its acceptance
    criteria at the top of the next. Each story (its heading up to the next heading) is one block that print
    keeps whole; nothing else is grouped."""
    session = rich_session()
    text = html_of(session, audience)
    page = Page(text)
    stories = re.findall(r'<div class="story">\n(.*?)\n</div>', text, flags=re.S)
    assert len(stories) == page.count("h4") == page.count("div") > 0
    for story in stories:
        assert story.startswith("<h4>") and story.count("<h4>") == 1 and "<h2" not in story and "<h3" not in story
    criteria = next(s for s in session.stories if s.acceptance and s.status != "rejected").acceptance[0]
    assert any(text_of(criteria) in story for story in stories)


def text_of(value: str) -> str:
    from elicit.core.spec.exporters.html_spec import text

    return text(value)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_colours_pass_wcag_aa():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    for foreground, background in CONTRAST_PAIRS:
        assert contrast(foreground, background) >= 4.5, (foreground, background)
        assert foreground in STYLE and background in STYLE
    for foreground, background in GRAPHIC_PAIRS:
        assert contrast(foreground, background) >= 3, (foreground, background)
    used = set(re.findall(r"#[0-9a-f]{6}\b", STYLE))
    assert used <= {colour for pair in CONTRAST_PAIRS + GRAPHIC_PAIRS for colour in pair} | {"#c9d3e0", "#8aa4c8"}


def test_charts_have_text_equivalents():
    text = html_of(rich_session())
    assert "<figcaption>Stories per priority</figcaption>" in text
    assert "<figcaption>Questions answered per section</figcaption>" in text
    assert '<dt>Context</dt><dd><svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"' in text
    assert '<dd class="value">3 of 4</dd>' in text
    assert 'width="75.0"' in text


@pytest.mark.parametrize("audience", AUDIENCES)
@pytest.mark.parametrize("hostile", [text for text in HOSTILE if text.strip()])
def test_hostile_text_stays_text_in_html(hostile, audience):
    session = rich_session()
    session.title = hostile
    session.answers["mini.context.problem"] = Answer(hostile, notes=hostile)
    session.stories[0].want = hostile
    session.stories[0].quote = hostile
    session.stories[0].acceptance = [hostile]
    session.participants[0].name = hostile
    session.glossary[0].term = hostile
    page = check_html_structure(session, audience)
    shown = "".join(page.text)
    for line in _LINE_BREAK.split(hostile):
        if line.strip() and not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", line):
            assert line.strip() in shown


@given(sessions(), st.sampled_from(AUDIENCES))
@HYPOTHESIS
def test_hostile_sessions_never_change_the_html_structure(session, audience):
    check_html_structure(session, audience)


def test_html_and_markdown_come_from_the_same_document():
    session = rich_session()
    for audience in AUDIENCES:
        document = build_document(session, interview_for(session), audience)
        page = Page(html_of(session, audience))
        (markdown,) = get_exporter("md").render(session, interview_for(session), ExportOptions(audience=audience)).values()
        h2 = [title for title in re.findall(r"^## (.*)$", markdown, re.MULTILINE)]
        assert h2 == [part.title for part in document.parts]
        shown = "".join(page.text)
        assert all(part.title in shown for part in document.parts)
