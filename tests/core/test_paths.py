"""elicit's user folders are platformdirs' answers unless an ELICIT_* variable names one."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from elicit.core import paths


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh home with XDG folders and no ELICIT_* overrides."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the XDG folders are the Linux rule")
    for name in ("ELICIT_CONFIG_DIR", "ELICIT_DATA_DIR", "ELICIT_CACHE_DIR", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache-home"))
    return tmp_path


def test_the_folders_are_platformdirs_answers(home):
    assert paths.config_dir() == Path(platformdirs.user_config_dir("elicit", appauthor=False))
    assert paths.data_dir() == Path(platformdirs.user_data_dir("elicit", appauthor=False))
    assert paths.cache_dir() == home / "cache-home" / "elicit"


def test_a_changed_environment_is_seen_at_once(home, monkeypatch):
    paths.config_dir()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "elsewhere"))
    assert paths.config_dir() == home / "elsewhere" / "elicit"


def test_elicit_overrides_win_without_asking_platformdirs(home, monkeypatch):
    monkeypatch.setenv("ELICIT_CONFIG_DIR", str(home / "mine"))
    monkeypatch.setitem(sys.modules, "platformdirs", None)
    assert paths.config_dir() == home / "mine"
    assert paths.user_banks_dir() == home / "mine" / "question_banks"
