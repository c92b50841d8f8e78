"""The test process takes Ctrl-C as one started from a terminal does (tests/conftest.py: pytest_configure)."""

from __future__ import annotations

import signal
import subprocess
import sys


def test_the_test_process_raises_keyboard_interrupt_on_ctrl_c():
    # Started as a background job of a non-interactive shell, pytest (and every xdist worker) began with SIGINT
    # ignored, and the plain-mode signal tests failed in such runs only.
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_a_child_of_the_test_process_gets_ctrl_c_too():
    code = "import signal; print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "True", done.stdout + done.stderr
