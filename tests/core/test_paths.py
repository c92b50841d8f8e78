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


_HOMES = [None, "", "/home/ada", "/home/ada/", "//home/ada", "/", "relative/home", " /home/ada"]
_XDG = [None, "", "/xdg/folder", "/xdg/folder/", "/", "relative/xdg", "  ", " /xdg/padded", "/xdg/padded "]


@pytest.mark.parametrize("home_value", _HOMES)
@pytest.mark.parametrize("xdg_value", _XDG)
@pytest.mark.parametrize(("kind", "variable", "ask"), [
    ("config", "XDG_CONFIG_HOME", platformdirs.user_config_dir),
    ("data", "XDG_DATA_HOME", platformdirs.user_data_dir),
    ("cache", "XDG_CACHE_HOME", platformdirs.user_cache_dir),
])  # fmt: skip
def test_the_folders_found_without_platformdirs_are_its_answers(home, monkeypatch, kind, variable, ask, xdg_value, home_value):
    """On Linux the plain cases are answered without importing platformdirs (~4 ms of elicit answer, issue 18):
    whenever that answer is given, it is the installed platformdirs' own; every other case is asked of platformdirs."""
    for name, value in ((variable, xdg_value), ("HOME", home_value)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    plain = paths._plain_xdg_folder(kind)
    if plain is not None:
        assert plain == ask("elicit", appauthor=False)
    common = xdg_value in ("/xdg/folder", "/xdg/folder/", "/") or (not xdg_value and home_value in ("/home/ada", "/home/ada/", "//home/ada"))
    assert (plain is not None) is common


def test_the_plain_cases_never_import_platformdirs(home, monkeypatch):
    monkeypatch.setitem(sys.modules, "platformdirs", None)  # an import of it fails
    assert paths.config_dir() == home / ".config" / "elicit"
    assert paths.data_dir() == home / ".local" / "share" / "elicit"
    assert paths.cache_dir() == home / "cache-home" / "elicit"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "elsewhere"))
    assert paths.user_banks_dir() == home / "elsewhere" / "elicit" / "question_banks"
