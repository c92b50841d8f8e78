"""Launching a program in a real terminal (tmux) and timing it until a text is on screen.

One tmux server (a private socket) stays up for the whole benchmark, so its
own start-up is never timed. Each launch opens a new window running the
program (``exec``-ed, so the pane's process is the program itself), then
reads the screen with ``tmux capture-pane`` every few milliseconds until
the marker text shows: that is the time a user waits from pressing Enter
to seeing the first question. The reading costs a little CPU; every
program measured pays it alike.
"""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

POLL = 0.004  # seconds between screen reads
TIMEOUT = 60.0


@dataclass(frozen=True)
class Launch:
    seconds: float  # from launch until the marker is on screen
    peak_rss_kib: int  # the process's peak resident memory once the screen was up (VmHWM)


class Terminal:
    """A private tmux server with a screen of ``width`` x ``height``."""

    def __init__(self, width: int = 120, height: int = 40) -> None:
        self.width, self.height = width, height
        self.socket = f"elicit-bench-{os.getpid()}"
        self._tmux("new-session", "-d", "-s", "idle", "-x", str(width), "-y", str(height), "sleep 86400")
        self._tmux("set-option", "-g", "remain-on-exit", "on")  # a program that fails shows why

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args[:2])}: {result.stderr.strip()}")
        return result.stdout

    def launch(self, argv: list[str], marker: str, *, cwd: Path, env: dict[str, str], settle: float = 0.3) -> Launch:
        """Run ``argv`` in a new window; time it until ``marker`` is on screen, then stop it."""
        command = " ".join(f"{name}={shlex.quote(value)}" for name, value in env.items())
        # As a user runs it: byte code cached (an installed wheel has it; some shells set PYTHONDONTWRITEBYTECODE).
        command = f"cd {shlex.quote(str(cwd))} && exec env -u PYTHONDONTWRITEBYTECODE {command} {shlex.join(argv)}"
        started = time.perf_counter()
        out = self._tmux(
            "new-window", "-d", "-P", "-F", "#{pane_id} #{pane_pid}", "-t", "idle", command
        )
        pane, pid_text = out.split()
        pid = int(pid_text)
        try:
            while True:
                screen = self._tmux("capture-pane", "-p", "-t", pane)
                if marker in screen:
                    seconds = time.perf_counter() - started
                    break
                if not _alive(pid) or time.perf_counter() - started > TIMEOUT:
                    raise RuntimeError(f"{argv[0]}: {marker!r} not on screen (it exited, or {TIMEOUT:.0f} s passed); the screen:\n{screen}")
                time.sleep(POLL)
            time.sleep(settle)
            rss = _peak_rss(pid)
        finally:
            self._stop(pane, pid)
        return Launch(seconds, rss)

    def type_then_kill(self, argv: list[str], marker: str, text: str, *, cwd: Path, env: dict[str, str], pace: float) -> list[float]:
        """Launch, wait for ``marker``, type ``text`` a key every ``pace`` seconds, SIGKILL right after the last key.

        Returns when each key was sent, then the moment of the kill (``time.perf_counter()``).
        """
        command = " ".join(f"{name}={shlex.quote(value)}" for name, value in env.items())
        command = f"cd {shlex.quote(str(cwd))} && exec env -u PYTHONDONTWRITEBYTECODE {command} {shlex.join(argv)}"
        out = self._tmux("new-window", "-d", "-P", "-F", "#{pane_id} #{pane_pid}", "-t", "idle", command)
        pane, pid_text = out.split()
        pid = int(pid_text)
        sent: list[float] = []
        try:
            deadline = time.perf_counter() + TIMEOUT
            while marker not in self._tmux("capture-pane", "-p", "-t", pane):
                if time.perf_counter() > deadline:
                    raise RuntimeError(f"{argv[0]}: {marker!r} never on screen")
                time.sleep(0.05)
            time.sleep(0.5)
            for character in text:
                self._tmux("send-keys", "-t", pane, "-l", character)
                sent.append(time.perf_counter())
                time.sleep(pace)
            os.kill(pid, signal.SIGKILL)
            sent.append(time.perf_counter())
        finally:
            self._stop(pane, pid)
        return sent

    def _stop(self, pane: str, pid: int) -> None:
        """Close the window (SIGHUP: elicit saves and quits) and wait for the process to be gone."""
        try:
            self._tmux("kill-pane", "-t", pane)
        except RuntimeError:
            pass
        deadline = time.monotonic() + 10
        while _alive(pid):
            if time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                deadline = time.monotonic() + 10
            time.sleep(0.01)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, check=False)


def _alive(pid: int) -> bool:
    status = Path(f"/proc/{pid}/status")
    try:
        text = status.read_text()
    except OSError:
        return False
    return "State:\tZ" not in text


def _peak_rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0
