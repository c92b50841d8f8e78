"""Nothing typed is lost when the app is killed: a real process in a pseudo-terminal, SIGKILLed mid-interview."""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pytest

from elicit.core.session.file_format import read_session
from elicit.core.session.locking import lock_path
from elicit.core.session.opening import open_session
from tests.support.tui import make_session

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

CTRL_N = b"\x0e"


class Terminal:
    """The app running in a pseudo-terminal of 100x30, its output drained in the background."""

    def __init__(self, path: Path) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
        env.pop("NO_COLOR", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "elicit", "open", str(path)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self.output = bytearray()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output.extend(chunk)

    def wait_for(self, text: bytes, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.output:
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise AssertionError(
                    f"the app never showed {text!r}; exit code {self.process.poll()}; output tail {bytes(self.output[-400:])!r}"
                )
            time.sleep(0.05)

    def type(self, text: str, pause: float = 0.01) -> None:
        """Type like a person: one key at a time."""
        for character in text:
            os.write(self.master, character.encode("utf-8"))
            time.sleep(pause)

    def press(self, key: bytes) -> None:
        os.write(self.master, key)
        time.sleep(0.3)

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        os.close(self.master)


def wait_until_saved(path: Path, question_id: str, value: str, timeout: float = 30.0) -> None:
    """Wait until the file holds ``value`` for the question (the timeout only ends a hung test)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        answer = read_session(path).answers.get(question_id)
        if answer is not None and answer.value == value:
            return
        time.sleep(0.05)
    raise AssertionError(f"{question_id} = {value!r} never reached {path}")


def test_every_answer_typed_survives_sigkill(tmp_path: Path):
    path = make_session(tmp_path / "interview.elicit.toml")
    terminal = Terminal(path)
    try:
        terminal.wait_for(b"Answer")
        time.sleep(0.5)
        terminal.type("Invoices are typed twice; Ann loses a day a week.")
        terminal.press(CTRL_N)
        terminal.type("2")  # Mobile
        terminal.press(CTRL_N)
        terminal.type("y")  # the follow-up that appeared: works offline
        terminal.press(CTRL_N)
        terminal.type("36")
        terminal.press(CTRL_N)
        terminal.type("mostly clerks, some managers")
        wait_until_saved(path, "mini.users.who", "mostly clerks, some managers")  # autosave, not a quit
        assert terminal.process.poll() is None, "the app was still running when killed"
    finally:
        terminal.kill()
    assert terminal.process.returncode == -signal.SIGKILL
    assert lock_path(path).exists(), "a killed app leaves its lock behind"
    saved = read_session(path)
    answers = {qid: answer.value for qid, answer in saved.answers.items()}
    assert answers == {
        "mini.context.problem": "Invoices are typed twice; Ann loses a day a week.",
        "mini.context.platform": "Mobile",
        "mini.context.offline": True,
        "mini.context.offline_how_long": 36,
        "mini.users.who": "mostly clerks, some managers",
    }
    assert saved.current == "mini.users.who", "reopening resumes where the consultant was"
    reopened = open_session(path, command="elicit open")
    try:
        assert any("took over a stale lock" in note for note in reopened.notes)
        assert reopened.interview.current.id == "mini.users.who"
    finally:
        reopened.close()
