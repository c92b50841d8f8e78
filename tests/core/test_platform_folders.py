"""elicit's user folders come from platformdirs; its answers are remembered, never guessed."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from elicit.core import paths, platform_folders
from elicit.core.platform_folders import platform_folders as folders


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh home with XDG folders, no ELICIT_* overrides, and nothing remembered in this process."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the XDG folders are the Linux rule")
    for name in ("ELICIT_CONFIG_DIR", "ELICIT_DATA_DIR", "ELICIT_CACHE_DIR", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache-home"))
    folders.cache_clear()
    yield tmp_path
    folders.cache_clear()


def platformdirs_answers() -> dict[str, str]:
    return {
        "config": platformdirs.user_config_dir("elicit", appauthor=False),
        "data": platformdirs.user_data_dir("elicit", appauthor=False),
        "cache": platformdirs.user_cache_dir("elicit", appauthor=False),
    }


def block_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``import platformdirs`` fail, to prove an answer came from the remembered file."""
    monkeypatch.setitem(sys.modules, "platformdirs", None)


def test_the_folders_are_platformdirs_answers_and_are_remembered(home, monkeypatch):
    expected = platformdirs_answers()
    assert folders() == expected
    assert (Path(expected["cache"]) / "platform-folders.txt").is_file()
    folders.cache_clear()
    block_platformdirs(monkeypatch)
    assert folders() == expected
    assert paths.config_dir() == Path(expected["config"]) and paths.cache_dir() == home / "cache-home" / "elicit"


def test_a_changed_environment_asks_platformdirs_again(home, monkeypatch):
    folders()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "elsewhere"))
    folders.cache_clear()
    assert folders()["config"] == str(home / "elsewhere" / "elicit")
    folders.cache_clear()
    block_platformdirs(monkeypatch)
    assert folders()["config"] == str(home / "elsewhere" / "elicit")  # the new answer was remembered


def test_a_remembered_file_that_is_not_in_the_cache_folder_it_names_is_not_used(home, monkeypatch):
    folders()
    remembered = home / "cache-home" / "elicit" / "platform-folders.txt"
    lines = remembered.read_text(encoding="utf-8").split("\n")
    lines[-1] = str(home / "some-other-cache")
    lines[-3] = str(home / "planted-config")
    remembered.write_text("\n".join(lines), encoding="utf-8")
    folders.cache_clear()
    assert folders()["config"] == platformdirs_answers()["config"] != str(home / "planted-config")


@pytest.mark.parametrize("damage", ["", "elicit-platform-folders/1\n", "nonsense\n" * 5, "\xff"])
def test_a_damaged_file_is_ignored(home, damage):
    folders()
    (home / "cache-home" / "elicit" / "platform-folders.txt").write_text(damage, encoding="latin-1")
    folders.cache_clear()
    assert folders() == platformdirs_answers()


def test_elicit_overrides_win_without_asking_anyone(home, monkeypatch):
    monkeypatch.setenv("ELICIT_CONFIG_DIR", str(home / "mine"))
    block_platformdirs(monkeypatch)
    assert paths.config_dir() == home / "mine"


@pytest.mark.parametrize(
    ("platform", "cache_home", "expected"),
    [
        ("linux", "", "{home}/.cache/elicit"),
        ("linux", "{home}/xdg", "{home}/xdg/elicit"),
        ("darwin", "", "{home}/Library/Caches/elicit"),
        ("linux", "relative/path", None),
        ("win32", "", None),
    ],
)
def test_where_the_remembered_file_is_looked_for(home, monkeypatch, platform, cache_home, expected):
    monkeypatch.setattr(platform_folders.sys, "platform", platform)
    monkeypatch.setenv("XDG_CACHE_HOME", cache_home.format(home=home))
    likely = platform_folders._likely_cache_folder()
    assert likely == (expected.format(home=home) if expected else None)
