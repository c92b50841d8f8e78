"""Go to (ctrl+g) in a real terminal: a burst of keys written at once after 'No matches found' loses none (trial2 T5)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from elicit.core.session.file_format import read_session
from tests.support.tui import make_session
from tests.tui.test_tui_kill import Terminal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

CTRL_G, CTRL_Q, BACKSPACE = b"\x07", b"\x11", b"\x7f"


def test_a_burst_written_into_go_to_after_no_matches_arrives_whole(tmp_path: Path):
    # The trial sent 12 backspaces and 'scope' in one write (tmux send-keys) after 'No matches found': the box
    # stopped at 'out o'. Here 13 backspaces, 'happy' and Enter go in one write: if any key is lost, Enter does
    # not land on the one question 'happy' matches.
    path = make_session(tmp_path / "interview.elicit.toml")
    terminal = Terminal(path)
    try:
        terminal.wait_for(b"What problem")
        terminal.press(CTRL_G)
        terminal.type("zzz qqq xxxxx")
        terminal.wait_for(b"No matches found")
        terminal.output.clear()
        terminal.press(BACKSPACE * 13 + b"happy\r")
        terminal.wait_for(b"How happy are they")
        terminal.press(CTRL_Q)
        terminal.process.wait(timeout=30)
    finally:
        if terminal.process.poll() is None:
            terminal.kill()
    deadline = time.monotonic() + 10
    while read_session(path).current != "mini.users.satisfaction" and time.monotonic() < deadline:
        time.sleep(0.05)
    assert read_session(path).current == "mini.users.satisfaction"
