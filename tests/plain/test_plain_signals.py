"""A Ctrl-C (or a hang-up) at a typed-lines prompt is never lost, whenever it comes.

Python runs a signal's handler between steps of Python code. A Ctrl-C that
arrived just before the blocking read of the next line (after the last such
step) used to wait until a whole line had been typed: the terminal showed ^C
and plain mode went on waiting (the dumb-terminal Ctrl-C test failed that way
now and then on a loaded machine). Each case runs in its own Python process,
since it blocks signals in the main thread.

The moment is made certain here: the main thread blocks the signal while it
waits for input, so only a helper thread can take it (the same state as a
signal that landed just before the read: its handler pending, the read asleep);
the helper sends it once the main thread sleeps in the read, then types a line.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from tests.support import REPO
from tests.support.plain import signals_as_a_shell_leaves_them

CHILD = textwrap.dedent(
    """
    import io, os, signal, sys, threading, time
    from elicit.plain.output import Console
    from elicit.plain.prompters import LinePrompter
    from elicit.plain.safety import Disconnected, disconnect_guard

    number = getattr(signal, sys.argv[1])
    if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        sys.exit(f"SIGINT starts as {signal.getsignal(signal.SIGINT)!r}, not Python's default: the test cannot see a Ctrl-C")
    read_end, write_end = os.pipe()
    stream = os.fdopen(read_end, "r", encoding="utf-8")
    prompter = LinePrompter(Console(io.StringIO()), stream)
    main = threading.get_native_id()

    def main_waits_for_input():
        with open(f"/proc/self/task/{main}/wchan") as wchan:
            asleep_in = wchan.read()
        return any(word in asleep_in for word in ("pipe_read", "poll", "select"))

    def signal_then_a_line():
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {number})
        while not main_waits_for_input():
            time.sleep(0.001)
        os.kill(os.getpid(), number)
        os.write(write_end, b"typed after the signal\\n")

    with disconnect_guard():
        signal.pthread_sigmask(signal.SIG_BLOCK, {number})
        helper = threading.Thread(target=signal_then_a_line, daemon=True)
        helper.start()
        try:
            print("read:", prompter.text("Answer:"))
        except (KeyboardInterrupt, Disconnected) as stopped:
            helper.join()  # the line is typed by now
            os.set_blocking(read_end, False)
            try:
                left = os.read(read_end, 100)
            except BlockingIOError:
                left = b""
            print(f"{type(stopped).__name__}; still unread: {left!r}")
    """
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs /proc/self/task/*/wchan to see the read asleep")
@pytest.mark.parametrize(("signal_name", "stops_with"), [("SIGINT", "KeyboardInterrupt"), ("SIGTERM", "Disconnected")])
def test_a_signal_while_a_line_is_awaited_stops_the_wait_at_once(signal_name, stops_with):
    done = subprocess.run(
        [sys.executable, "-c", CHILD, signal_name],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=signals_as_a_shell_leaves_them,
    )
    assert done.returncode == 0, done.stderr
    # The wait ended on the signal, before the line typed after it was read (not after a whole line came in).
    assert done.stdout.strip() == f"{stops_with}; still unread: b'typed after the signal\\n'", done.stdout + done.stderr


def test_lines_from_a_pipe_come_one_at_a_time_with_the_last_one_unterminated(tmp_path):
    # The reader keeps readline's meaning: several lines in one chunk, \\r\\n, a last line with no newline, then ''.
    script = (
        "import io, sys\n"
        "from elicit.plain.line_reader import LineReader\n"
        "reader = LineReader(sys.stdin)\n"
        "print([reader.readline() for _ in range(5)])\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, input=b"one\ntwo\r\nthr\xc3\xa9e\nlast", capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().strip() == repr(["one\n", "two\n", "thrée\n", "last", ""])
