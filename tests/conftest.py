"""Shared fixtures: every test runs with its own config and data folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from elicit.core.catalog import BankCatalog
from elicit.core.engine import Interview
from elicit.core.models import BankRef, Session
from elicit.core.storage import SessionStore

DATA = Path(__file__).parent / "data"
BANKS = DATA / "banks"
MINI_BANK = BANKS / "mini.toml"
USER_STORIES = Path(__file__).resolve().parents[2] / "shared" / "data" / "user-stories"


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
def mini_session_path(tmp_path: Path, mini_bank) -> Path:
    """A new session file on the mini bank, unlocked, in tmp_path."""
    path = tmp_path / "interview.elicit.toml"
    session = Session(
        title="Test interview", client="ACME", banks=[BankRef(mini_bank.id, mini_bank.version, mini_bank.content_hash, str(MINI_BANK))]
    )
    session.current = Interview(session, [mini_bank]).current.id
    SessionStore.create(path, session).close()
    return path


def user_story_lines() -> list[str]:
    """The 995 real stories from ../shared/data/user-stories (skips if absent)."""
    import re

    if not USER_STORIES.is_dir():
        pytest.skip(f"real user stories not found at {USER_STORIES}")
    lines = []
    for file in sorted(USER_STORIES.glob("*.txt")):
        for line in file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                lines.append(re.sub(r"^#G\d+#\s*", "", line))
    return lines
