"""Headless Chromium driven over the DevTools protocol: load a page, measure it, print it, photograph it.

Used by the real-browser test of the HTML spec and by docs/make_spec_screenshots.py.
Chromium is the Debian package ``chromium`` (``apt-get install -y chromium``).
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--hide-scrollbars",
    "--mute-audio",
    "--enable-logging=stderr",
    "--v=0",
)
PHONE = (390, 844)
DESKTOP = (1280, 900)
_LISTENING = re.compile(r"DevTools listening on (ws://\S+)")


def chromium_path() -> str | None:
    """The Chromium binary, or None when it is not installed."""
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


@dataclass
class PageReport:
    """What loading a page did: every request, every console or log error, and measurements."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    overflow: dict[str, Any] = field(default_factory=dict)

    @property
    def remote_requests(self) -> list[str]:
        """Requests for anything but the page's own file (or inline data)."""
        return [url for url in self.requests if not url.startswith(("file://", "data:", "about:"))]


class Browser:
    """One headless Chromium with one page, spoken to over the DevTools protocol."""

    def __init__(self, binary: str, timeout: float = 60.0):
        import websocket  # websocket-client

        self.timeout = timeout
        self.profile = tempfile.TemporaryDirectory(prefix="elicit-chromium-", ignore_cleanup_errors=True)
        self.process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={self.profile.name}", "--remote-debugging-port=0", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        endpoint = self._endpoint()
        port = endpoint.split(":")[2].split("/")[0]
        page = self._page_socket(port)
        self.socket = websocket.create_connection(page, timeout=timeout, suppress_origin=True)
        self.next_id = 0
        self.events: list[dict[str, Any]] = []
        for domain in ("Page", "Network", "Runtime", "Log"):
            self.call(f"{domain}.enable")

    def _endpoint(self) -> str:
        assert self.process.stderr is not None
        deadline = time.monotonic() + self.timeout
        seen = []
        while time.monotonic() < deadline:
            line = self.process.stderr.readline()
            if not line:
                if self.process.poll() is not None:
                    break
                continue
            seen.append(line)
            found = _LISTENING.search(line)
            if found:
                return found.group(1)
        raise RuntimeError("chromium did not start its DevTools endpoint:\n" + "".join(seen[-20:]))

    def _page_socket(self, port: str) -> str:
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=5) as response:
                targets = json.load(response)
            pages = [target for target in targets if target.get("type") == "page"]
            if pages:
                return str(pages[0]["webSocketDebuggerUrl"])
            time.sleep(0.1)
        raise RuntimeError("chromium opened no page")

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        """Send one command and wait for its answer, keeping the events that arrive meanwhile."""
        self.next_id += 1
        wanted = self.next_id
        self.socket.send(json.dumps({"id": wanted, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == wanted:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return dict(message.get("result", {}))
            if "method" in message:
                self.events.append(message)

    def wait_for(self, event: str) -> None:
        """Wait until an event has arrived."""
        deadline = time.monotonic() + self.timeout
        while not any(item["method"] == event for item in self.events):
            if time.monotonic() > deadline:
                raise RuntimeError(f"no {event} within {self.timeout} s")
            message = json.loads(self.socket.recv())
            if "method" in message:
                self.events.append(message)

    def load(self, path: Path) -> None:
        """Open a local file and wait for it to finish loading."""
        self.events.clear()
        self.call("Page.navigate", url=path.resolve().as_uri())
        self.wait_for("Page.loadEventFired")
        self.call("Runtime.evaluate", expression="1", awaitPromise=True)  # let queued events arrive

    def size(self, width: int, height: int, *, mobile: bool = False) -> None:
        """Lay the page out at this viewport size."""
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=mobile)

    def media(self, media: str) -> None:
        """Lay the page out for ``screen`` or ``print``."""
        self.call("Emulation.setEmulatedMedia", media=media)

    def evaluate(self, expression: str) -> Any:
        """Evaluate JavaScript in the page through DevTools (the page itself runs none) and return its value."""
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")

    def screenshot(self, target: Path) -> bytes:
        """A PNG of the viewport, written to ``target``."""
        data = base64.b64decode(self.call("Page.captureScreenshot", format="png")["data"])
        target.write_bytes(data)
        return data

    def pdf(self, target: Path) -> bytes:
        """Print the page to PDF as a browser's print dialog does (A4, the page's print stylesheet)."""
        result = self.call(
            "Page.printToPDF", printBackground=True, preferCSSPageSize=True, paperWidth=8.27, paperHeight=11.69, displayHeaderFooter=False
        )
        data = base64.b64decode(result["data"])
        target.write_bytes(data)
        return data

    def report(self) -> PageReport:
        """Requests and errors seen since the last load."""
        report = PageReport()
        for event in self.events:
            method, params = event["method"], event.get("params", {})
            if method == "Network.requestWillBeSent":
                report.requests.append(params["request"]["url"])
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert", "warning"):
                report.errors.append(" ".join(str(arg.get("value", arg.get("description", ""))) for arg in params.get("args", [])))
            elif method == "Runtime.exceptionThrown":
                report.errors.append(str(params.get("exceptionDetails", {}).get("text", "exception")))
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") in ("error", "warning"):
                report.errors.append(str(params["entry"].get("text", "")))
        return report

    def close(self) -> None:
        try:
            self.socket.close()
        finally:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            if self.process.stderr is not None:
                self.process.stderr.close()
            self.profile.cleanup()

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


OVERFLOW = """(() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('table, figure, dl, pre, p, li, h1, h2, h3, h4')]
    .filter(el => el.getBoundingClientRect().right > width + 0.5 || el.scrollWidth > el.clientWidth + 1)
    .map(el => el.tagName + ': ' + el.textContent.slice(0, 40));
  return {width: width, scrollWidth: document.documentElement.scrollWidth, wide: wide};
})()"""
"""Anything wider than the viewport: a table that runs off the screen or the paper."""

BROKEN_WORDS = """(() => {
  const broken = [];
  for (const cell of document.querySelectorAll('th, td')) {
    for (const node of cell.childNodes) {
      if (node.nodeType !== 3) continue;
      const word = /[^\\s]+/g; let found;
      while ((found = word.exec(node.data))) {
        const range = document.createRange();
        range.setStart(node, found.index); range.setEnd(node, found.index + found[0].length);
        if (new Set([...range.getClientRects()].map(rect => Math.round(rect.top))).size > 1) broken.push(found[0]);
      }
    }
  }
  return broken;
})()"""
"""Words of table cells broken across two lines ('Confir' / 'med' in a header at 400 px)."""


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG from its header."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def pdf_pages(data: bytes) -> int:
    """The number of pages of a PDF Chromium wrote (its page tree's count)."""
    assert data[:5] == b"%PDF-", "not a PDF"
    counts = [int(found) for found in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", data)]
    counts += [int(found) for found in re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", data)]
    return max(counts) if counts else len(re.findall(rb"/Type\s*/Page\b", data))
