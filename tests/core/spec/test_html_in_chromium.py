"""The HTML spec in a real browser: headless Chromium loads it, prints it to PDF and photographs it.

Skips, saying why, when Chromium is not installed (Debian: ``apt-get install -y chromium``);
``.ci/run`` installs it, so in CI this test runs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from elicit.core.spec.exporters import AUDIENCES
from tests.core.spec.test_sample_spec import export
from tests.support.browser import BROKEN_WORDS, DESKTOP, OVERFLOW, PHONE, Browser, chromium_path, pdf_pages, png_size

CHROMIUM = chromium_path()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium not installed: apt-get install -y chromium (CI's .ci/run installs it)"
)


@pytest.fixture(scope="module")
def browser():
    assert CHROMIUM is not None
    with Browser(CHROMIUM) as running:
        yield running


@pytest.mark.parametrize("audience", AUDIENCES)
def test_sample_spec_in_chromium(browser, tmp_path: Path, audience):
    page = tmp_path / "spec.html"
    page.write_text(export("html", audience)["spec.html"], encoding="utf-8")
    browser.media("screen")
    browser.size(*DESKTOP)
    browser.load(page)
    assert browser.evaluate("document.documentElement.lang") == "en"
    assert browser.evaluate("document.scripts.length + document.images.length + document.fonts.size") == 0

    browser.size(*PHONE, mobile=True)
    phone = browser.evaluate(OVERFLOW)
    assert phone["scrollWidth"] <= PHONE[0] and phone["wide"] == [], phone
    assert browser.evaluate(BROKEN_WORDS) == [], "a table's words stay whole on a phone (trial2 T24: 'Stori es', 'Confir med')"
    browser.size(400, PHONE[1], mobile=True)
    assert browser.evaluate(BROKEN_WORDS) == [] and browser.evaluate(OVERFLOW)["wide"] == []
    browser.size(*PHONE, mobile=True)
    assert png_size(browser.screenshot(tmp_path / "phone.png")) == PHONE
    browser.size(*DESKTOP)
    assert browser.evaluate(OVERFLOW)["wide"] == []
    assert png_size(browser.screenshot(tmp_path / "desktop.png")) == DESKTOP

    browser.media("print")
    browser.size(680, 1000)  # A4 less the print margins, in CSS pixels
    printed = browser.evaluate(OVERFLOW)
    assert printed["wide"] == [], printed
    breaks = browser.evaluate("[...document.querySelectorAll('section.new-page')].map(s => getComputedStyle(s).breakBefore)")
    assert breaks and set(breaks) == {"page"}
    pages = pdf_pages(browser.pdf(tmp_path / "spec.pdf"))
    assert pages >= len(breaks) + 1

    report = browser.report()
    assert report.remote_requests == [], report.requests
    assert report.requests == [page.resolve().as_uri()]
    assert report.errors == []


def test_the_checks_see_a_page_that_fetches_or_errs(browser, tmp_path: Path):
    """The test above can fail: a page loading from the network, or breaking its CSP, is caught."""
    fetching = tmp_path / "fetching.html"
    fetching.write_text('<!DOCTYPE html><html lang="en"><title>x</title><img src="http://127.0.0.1:9/x.png" alt="">', encoding="utf-8")
    browser.media("screen")
    browser.load(fetching)
    assert browser.report().remote_requests == ["http://127.0.0.1:9/x.png"]
    blocked = tmp_path / "blocked.html"
    blocked.write_text(
        '<!DOCTYPE html><html lang="en"><meta http-equiv="Content-Security-Policy" content="default-src \'none\'">'
        "<title>x</title><script>console.log(1)</script>",
        encoding="utf-8",
    )
    browser.load(blocked)
    assert browser.report().errors, "a script refused by the CSP is reported"
    wide = tmp_path / "wide.html"
    wide.write_text(
        '<!DOCTYPE html><html lang="en"><meta name="viewport" content="width=device-width, initial-scale=1"><title>x</title>'
        '<table style="width:2000px"><tr><td>x</td></tr></table>',
        encoding="utf-8",
    )
    browser.size(*PHONE, mobile=True)
    browser.load(wide)
    assert browser.evaluate(OVERFLOW)["wide"]
