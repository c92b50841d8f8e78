"""Helpers for plain-mode tests: a process on a pseudo-terminal, and ANSI stripping."""

from __future__ import annotations

import errno
import fcntl
import io
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from elicit.plain import run
from elicit.plain.questionary_prompter import QuestionaryPrompter
from tests.support import REPO  # noqa: F401  (re-exported for the plain-mode tests)

ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[=>()][0-9A-Za-z]?")
SGR = re.compile(r"\x1b\[([0-9;]*)m")
WAIT = 20.0
"""Seconds to wait for output that should come; only reached when it never does."""



UP = "\x1b[A"
DOWN = "\x1b[B"
CTRL_C = "\x03"
ENTER = "\r"


def strip_ansi(text: str) -> str:
    """Text with escape sequences and carriage returns removed."""
    return ANSI.sub("", text).replace("\r", "")


def sgr_parameters(raw: str) -> set[str]:
    """Every parameter used in 'select graphic rendition' sequences (colours, bold, ...)."""
    found: set[str] = set()
    for match in SGR.finditer(raw):
        found.update(match.group(1).split(";"))
    return found


def signals_as_a_shell_leaves_them() -> None:
    """In a child before exec: no signal blocked or ignored that the test process happened to hold.

    A child inherits its parent's signal mask and every ignored signal; Python then leaves an ignored SIGINT
    ignored (no KeyboardInterrupt), so a test worker that ignores it would make Ctrl-C tests fail for no
    reason of elicit's. A user's shell starts elicit with none blocked and the defaults."""
    signal.pthread_sigmask(signal.SIG_SETMASK, set())
    for number in (signal.SIGINT, signal.SIGHUP, signal.SIGTERM):
        signal.signal(number, signal.SIG_DFL)


class PtyProcess:
    """``python -m elicit ARGS`` on its own pseudo-terminal (80x24), as a user would run it."""

    def __init__(self, args: list[str], env: dict[str, str], cwd: Path):
        environment = {key: value for key, value in os.environ.items() if not key.startswith(("PYTEST", "COV_"))}
        environment.update(env)
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: become elicit
            try:
                signals_as_a_shell_leaves_them()
                os.chdir(cwd)
                os.execve(sys.executable, [sys.executable, "-m", "elicit", *args], environment)
            finally:
                os._exit(127)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.raw = ""
        self.seen = 0
        self.returncode: int | None = None

    @property
    def text(self) -> str:
        """Everything read so far, without escape sequences."""
        return strip_ansi(self.raw)

    def send(self, keys: str) -> None:
        """Type keys."""
        os.write(self.fd, keys.encode("utf-8"))

    def expect(self, wanted: str, timeout: float = WAIT) -> str:
        """Wait until ``wanted`` appears after what earlier expects consumed; return the text up to it."""
        deadline = time.monotonic() + timeout
        while True:
            text = self.text
            index = text.find(wanted, self.seen)
            if index >= 0:
                before = text[self.seen : index + len(wanted)]
                self.seen = index + len(wanted)
                return before
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not self._read(remaining):
                raise AssertionError(f"never saw {wanted!r}; the output after the last match was:\n{text[self.seen :]}")

    def wait(self, timeout: float = WAIT) -> int:
        """Read until the process ends; return its exit code (128+N for a signal N)."""
        deadline = time.monotonic() + timeout
        while self.returncode is None:
            self._reap()
            if self.returncode is not None:
                break
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.kill()
                raise AssertionError(f"the process did not end; its output was:\n{self.text}")
            if not self._read(min(remaining, 0.2)):
                self._reap()
        while self._read(0.05):
            pass
        return self.returncode

    def close_terminal(self) -> None:
        """Close our end of the terminal, as a dropped connection does."""
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def kill(self) -> None:
        """End the process if it still runs (test clean-up)."""
        if self.returncode is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self._reap(block=True)
        self.close_terminal()

    def _reap(self, block: bool = False) -> None:
        if self.returncode is not None:
            return
        pid, status = os.waitpid(self.pid, 0 if block else os.WNOHANG)
        if pid:
            self.returncode = os.waitstatus_to_exitcode(status)
            if self.returncode < 0:
                self.returncode = 128 - self.returncode

    def _read(self, timeout: float) -> bool:
        if self.fd < 0:
            time.sleep(min(timeout, 0.05))  # nothing to read from: poll the process instead
            return False
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.fd, 65536)
        except OSError as error:
            if error.errno == errno.EIO:  # the child closed the terminal
                return False
            raise
        if not data:
            return False
        self.raw += data.decode("utf-8", errors="replace")
        return True


def keys(path: Path, typed: str) -> tuple[int, str]:
    """Plain mode on keys pressed at questionary's prompts, no terminal; the exit code and the transcript."""
    with create_pipe_input() as pipe:
        pipe.send_text(typed)
        pipe.close()
        out = io.StringIO()
        code = run(path, stdout=out, prompter=QuestionaryPrompter(input=pipe, output=DummyOutput()))
    return code, out.getvalue()
