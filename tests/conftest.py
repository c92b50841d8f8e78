"""Shared fixtures: every test runs with its own config and data folders."""

from __future__ import annotations

import gc
import json
import os
import re
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from elicit.core.banks.catalog import BankCatalog
from elicit.core.session.engine import Interview
from elicit.core.session.locking import lock_path
from elicit.core.session.models import BankRef, Session
from elicit.core.session.storage import SessionStore

settings.register_profile("elicit", deadline=None)
settings.load_profile("elicit")
"""No wall-clock limit on a hypothesis example: on a loaded 2-core machine one example can take longer than
hypothesis's 200 ms default, and the test then fails for the machine, not the code."""

DATA = Path(__file__).parent / "data"
BANKS = DATA / "banks"
MINI_BANK = BANKS / "mini.toml"
USER_STORIES = next(
    (folder / "shared" / "data" / "user-stories" for folder in Path(__file__).resolve().parents[1:] if (folder / "shared" / "data" / "user-stories").is_dir()),
    Path(__file__).resolve().parents[2] / "shared" / "data" / "user-stories",
)
"""../shared/data/user-stories beside the checkout (CI), or beside a folder above it (a worktree in wt/NAME)."""
HOLDOUT_STORIES = next(
    (folder / "holdout-user-stories" for folder in Path(__file__).resolve().parents[1:] if (folder / "holdout-user-stories").is_dir()),
    Path(__file__).resolve().parents[2] / "holdout-user-stories",
)
"""The eight backlogs of the same public data set that ../shared does not hold (docs/quality.md says where to get them)."""


def beside_checkout(name: str) -> Path:
    """The folder ``name`` beside the checkout (a worktree sees ../NAME), or where it would be if absent (CI)."""
    return next(
        (folder / name for folder in Path(__file__).resolve().parents[1:] if (folder / name).is_dir()),
        Path(__file__).resolve().parents[2] / name,
    )


GITHUB_STORIES = beside_checkout("github-user-stories")
"""Whole backlogs of public GitHub projects outside that data set (../github-user-stories/README.md says which)."""
GITHUB2_STORIES = beside_checkout("github2-user-stories")
"""Five more whole GitHub backlogs, outside that data set and the first GitHub set (../github2-user-stories/README.md says which)."""
GITHUB3_STORIES = beside_checkout("github3-user-stories")
"""Six more whole GitHub backlogs, outside that data set and both earlier GitHub sets (../github3-user-stories/README.md says which)."""
GITHUB4_STORIES = beside_checkout("github4-user-stories")
"""Five more whole GitHub backlogs, outside that data set and the three earlier GitHub sets (../github4-user-stories/README.md says which)."""
GITHUB5_STORIES = beside_checkout("github5-user-stories")
"""Six more whole GitHub backlogs, outside that data set and the four earlier GitHub sets (../github5-user-stories/README.md says which)."""
GITHUB6_STORIES = beside_checkout("github6-user-stories")
"""More whole GitHub backlogs, outside that data set and the five earlier GitHub sets (../github6-user-stories/README.md says which)."""
GITHUB7_STORIES = beside_checkout("github7-user-stories")
"""More whole GitHub backlogs, outside that data set and the six earlier GitHub sets (bench/story_sources/github7-user-stories/README.md says which)."""


def pytest_configure(config: pytest.Config) -> None:
    """Run as if started from a terminal, whoever started pytest.

    A job a non-interactive shell starts in the background (``cmd &``: how some of us start land.sh) begins with
    SIGINT and SIGQUIT ignored, and so do its pytest, every xdist worker and every child they start; Python then
    never raises KeyboardInterrupt. That, not a test, is what left workers with SIGINT ignored: the plain-mode
    signal tests failed in those runs only ('read: typed after the signal'), and passed alone from a terminal.
    """
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    if hasattr(signal, "SIGQUIT") and signal.getsignal(signal.SIGQUIT) == signal.SIG_IGN:
        signal.signal(signal.SIGQUIT, signal.SIG_DFL)


_WATCHED_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGHUP", "SIGTERM", "SIGQUIT") if hasattr(signal, name))


def _signal_state() -> tuple[object, ...]:
    mask = frozenset(signal.pthread_sigmask(signal.SIG_BLOCK, ())) if hasattr(signal, "pthread_sigmask") else frozenset()
    return (*(signal.getsignal(number) for number in _WATCHED_SIGNALS), mask)


@pytest.fixture(autouse=True)
def signals_left_as_found() -> Iterator[None]:
    """A test that changes a signal's handler or the blocked signals in the test process puts them back: the next
    test on that worker (and every child it starts) would inherit them."""
    before = _signal_state()
    yield
    assert _signal_state() == before, "this test changed signal handling in the test process and did not restore it"


@pytest.fixture(autouse=True)
def unfrozen_collector() -> Iterator[None]:
    """An app a test leaves without closing its session (no ctrl+q) keeps what its autosave froze from the
    garbage collector (gc.freeze); thaw it, so that the next test starts as a fresh process would."""
    yield
    gc.unfreeze()


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point elicit's config, data and cache folders at a fresh temporary folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ELICIT_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("ELICIT_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("ELICIT_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("NO_COLOR", "1")
    return home


@pytest.fixture
def mini_bank():
    """The small test bank, loaded."""
    return BankCatalog.default().load(MINI_BANK)


@pytest.fixture
def mini_session_path(tmp_path: Path) -> Path:
    """A new session file on the mini bank, unlocked, in tmp_path."""
    return write_mini_session(tmp_path)


def write_mini_session(folder: Path) -> Path:
    """A new unlocked session file on the mini bank, ``folder/interview.elicit.toml`` (for tests that cannot use the fixture)."""
    bank = BankCatalog.default().load(MINI_BANK)
    path = folder / "interview.elicit.toml"
    session = Session(title="Test interview", client="ACME", banks=[BankRef(bank.id, bank.version, bank.content_hash, str(MINI_BANK))])
    session.current = Interview(session, [bank]).current.id
    SessionStore.create(path, session).close()
    return path


def dead_pid() -> int:
    """The id of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def write_lock(session: Path, **fields: object) -> None:
    """A lock file on ``session`` held by this process as 'ann', with ``fields`` changed."""
    record = {"pid": os.getpid(), "host": socket.gethostname(), "user": "ann", "since": "2026-11-22 09:00:00", "command": "elicit open"}
    record.update(fields)
    lock_path(session).write_text(json.dumps(record), encoding="utf-8")


def user_story_files() -> list[Path]:
    """The 14 backlog files of real stories in ../shared/data/user-stories (skips if absent)."""
    if not USER_STORIES.is_dir():
        pytest.skip(f"real user stories not found at {USER_STORIES}")
    return sorted(USER_STORIES.glob("*.txt"))


def story_line(line: str) -> str:
    """A line of those files without its ``#G12#`` group tag."""
    return re.sub(r"^#G\d+#\s*", "", line)


def user_story_lines() -> list[str]:
    """The 995 real stories from ../shared/data/user-stories (skips if absent)."""
    return [story_line(line) for file in user_story_files() for line in file.read_text(encoding="utf-8").splitlines() if line.strip()]
