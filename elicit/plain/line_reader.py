"""Reading typed lines so that a Ctrl-C (or a hang-up) is never lost.

Python runs a signal's handler between two steps of Python code. A Ctrl-C
that arrives after the last such step before a blocking ``read`` (a moment
that is short, but hit on a loaded machine or by a key pressed as the prompt
appears) leaves the handler waiting while ``read`` sleeps until the next line:
the terminal shows ``^C`` and nothing happens. :class:`LineReader` waits with
``select`` on the input and on a wakeup pipe that the signal writes to, so the
wait ends at once whenever a signal came, before or during it; the handler then
runs (KeyboardInterrupt, or plain mode's :class:`~elicit.plain.safety.Disconnected`).

Streams without a file descriptor (tests pass ``io.StringIO``) and platforms
without ``select`` on their terminal are read with ``readline`` as before.
"""

from __future__ import annotations

import codecs
import io
import os
import select
import signal
import threading
from typing import TextIO

CHUNK = 65536


class LineReader:
    """Reads ``stream`` line by line (``readline`` semantics: ``''`` at the end, the last line may lack ``\\n``)."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.fd = _descriptor(stream)
        encoding = getattr(stream, "encoding", None) or "utf-8"
        try:
            decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        except LookupError:
            decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._decoder = io.IncrementalNewlineDecoder(decoder, translate=True)
        self._pending = ""

    def readline(self) -> str:
        """The next line with its ``\\n``; ``''`` at the end of the input."""
        if self.fd is None:
            return self.stream.readline()
        while "\n" not in self._pending:
            wait_readable(self.fd)
            data = os.read(self.fd, CHUNK)
            self._pending += self._decoder.decode(data, final=not data)
            if not data:
                line, self._pending = self._pending, ""
                return line
        line, _, self._pending = self._pending.partition("\n")
        return line + "\n"


def wait_readable(fd: int) -> None:
    """Return once ``fd`` has something to read; a signal that came before or during the wait runs its handler at once."""
    if threading.current_thread() is not threading.main_thread():
        return  # signals are handled in the main thread only; the read itself is all there is
    wake_out, wake_in = os.pipe()
    try:
        os.set_blocking(wake_in, False)
        previous = signal.set_wakeup_fd(wake_in, warn_on_full_buffer=False)
        try:
            _run_pending_handlers()  # a signal from before the pipe was set: its handler runs here
            while True:
                ready, _, _ = select.select([fd, wake_out], [], [])
                _run_pending_handlers()  # a signal woke the wait: KeyboardInterrupt (or another handler's exception) here
                if fd in ready:
                    return
                os.read(wake_out, CHUNK)  # a signal whose handler returned (none of plain mode's): wait on
        finally:
            signal.set_wakeup_fd(previous, warn_on_full_buffer=False)
    finally:
        os.close(wake_out)
        os.close(wake_in)


def _run_pending_handlers() -> None:
    """Nothing: calling a Python function is a point where Python runs the handlers of signals that arrived."""


def _descriptor(stream: TextIO) -> int | None:
    """The stream's file descriptor when lines can be read from it with select (POSIX), else None."""
    if os.name != "posix":
        return None
    try:
        return stream.fileno()
    except (AttributeError, ValueError, OSError):  # io.UnsupportedOperation is an OSError and a ValueError
        return None
