"""Export the sample interview as an HTML spec and photograph it in headless Chromium.

    .venv/bin/python docs/make_spec_screenshots.py [OUT_FOLDER]

Writes, into OUT_FOLDER (default docs/images): sample-spec.html (the client's
edition), sample-spec-phone.png (390 px wide), sample-spec-desktop.png (1280 px),
and sample-spec.pdf (printed as a browser prints it). The session is
tests/data/sample-interview.elicit.toml; needs the Debian package chromium.
Rerunning gives the same HTML byte for byte.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from elicit.core.banks import BankCatalog  # noqa: E402
from elicit.core.session import Interview, banks_for_session, read_session  # noqa: E402
from elicit.core.spec import ExportOptions, get_exporter  # noqa: E402
from tests.support.browser import DESKTOP, PHONE, Browser, chromium_path  # noqa: E402

SAMPLE = REPO / "tests" / "data" / "sample-interview.elicit.toml"


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else REPO / "docs" / "images"
    out.mkdir(parents=True, exist_ok=True)
    binary = chromium_path()
    if binary is None:
        print("needs headless Chromium: apt-get install -y chromium", file=sys.stderr)
        return 1
    session = read_session(SAMPLE)
    banks, _ = banks_for_session(session, BankCatalog.default(), SAMPLE.parent)
    (html,) = get_exporter("html").render(session, Interview(session, banks), ExportOptions("client")).values()
    page = out / "sample-spec.html"
    page.write_text(html, encoding="utf-8")
    with Browser(binary) as browser:
        browser.media("screen")
        browser.size(*PHONE, mobile=True)
        browser.load(page)
        browser.screenshot(out / "sample-spec-phone.png")
        browser.size(*DESKTOP)
        browser.screenshot(out / "sample-spec-desktop.png")
        browser.pdf(out / "sample-spec.pdf")
        report = browser.report()
    for name in ("sample-spec.html", "sample-spec-phone.png", "sample-spec-desktop.png", "sample-spec.pdf"):
        print(f"wrote {out / name}")
    if report.remote_requests or report.errors:
        print(f"the page fetched {report.remote_requests} or logged {report.errors}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
