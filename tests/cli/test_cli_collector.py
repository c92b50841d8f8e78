"""The garbage collector while a command runs (issue 18): off for a quick command, on for the app; main leaves it as found."""

from __future__ import annotations

import gc

from elicit.cli import app_commands, main, session_commands


def test_a_command_without_a_front_end_runs_without_the_collector(monkeypatch):
    seen: list[bool] = []
    monkeypatch.setattr(session_commands, "summary", lambda args: seen.append(gc.isenabled()) or 0)
    assert gc.isenabled()
    assert main(["summary", "some.elicit.toml"]) == 0
    assert seen == [False]
    assert gc.isenabled()


def test_the_app_collects_as_usual(monkeypatch):
    seen: list[bool] = []
    monkeypatch.setattr(app_commands, "open_session", lambda args: seen.append(gc.isenabled()) or 0)
    assert main(["open", "some.elicit.toml"]) == 0
    assert seen == [True]
    assert gc.isenabled()


def test_a_failing_command_leaves_the_collector_on(monkeypatch):
    def fails(args):
        raise RuntimeError("boom")

    monkeypatch.setattr(session_commands, "summary", fails)
    try:
        main(["summary", "some.elicit.toml"])
    except RuntimeError:
        pass
    assert gc.isenabled()


def test_a_caller_that_turned_the_collector_off_finds_it_off(monkeypatch):
    monkeypatch.setattr(session_commands, "summary", lambda args: 0)
    gc.disable()
    try:
        assert main(["summary", "some.elicit.toml"]) == 0
        assert not gc.isenabled()
    finally:
        gc.enable()


_AT_EXIT = """
import atexit, gc, sys
atexit.register(lambda: sys.stderr.write(f"FROZEN AT EXIT: {gc.get_freeze_count() > 0}\\n"))  # runs after elicit's own
from elicit.cli import app_commands, main, session_commands
session_commands.summary = app_commands.open_session = lambda args: 0
sys.exit(main(sys.argv[1:]))
"""


def _frozen_at_exit(*args: str) -> str:
    import subprocess
    import sys

    ran = subprocess.run([sys.executable, "-c", _AT_EXIT, *args], capture_output=True, text=True, check=False, timeout=60)
    assert ran.returncode == 0, ran.stderr
    return ran.stderr.strip().splitlines()[-1]


def test_a_quick_command_leaves_nothing_for_the_collections_at_exit():
    """Python's two collections while the process exits walk every object still alive: a command without a front end
    freezes them first, once it has returned (issue 18, ~5 % of elicit answer's instructions)."""
    assert _frozen_at_exit("summary", "some.elicit.toml") == "FROZEN AT EXIT: True"


def test_the_app_is_collected_at_exit_as_usual():
    assert _frozen_at_exit("open", "some.elicit.toml") == "FROZEN AT EXIT: False"
