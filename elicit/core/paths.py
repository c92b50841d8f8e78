"""Where elicit keeps its own files: built-in banks, config and data folders.

The user folders are platformdirs' answers; ``ELICIT_CONFIG_DIR``, ``ELICIT_DATA_DIR`` and
``ELICIT_CACHE_DIR`` override them (tests point them at a temporary folder).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "elicit"
PROJECT_BANKS_DIR = "question_banks"
BANK_SUFFIX = ".toml"


def builtin_banks_dir() -> Path:
    """The folder of banks shipped with elicit (inside the wheel, or the checkout)."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "question_banks"
    if installed.is_dir():
        return installed
    return package.parent / "question_banks"


def config_dir() -> Path:
    """The user's elicit config folder."""
    return _user_folder("ELICIT_CONFIG_DIR", "config")


def data_dir() -> Path:
    """The user's elicit data folder (recent sessions and the like)."""
    return _user_folder("ELICIT_DATA_DIR", "data")


def cache_dir() -> Path:
    """The user's elicit cache folder (safe to delete at any time)."""
    return _user_folder("ELICIT_CACHE_DIR", "cache")


_XDG_VARIABLES = {"config": "XDG_CONFIG_HOME", "data": "XDG_DATA_HOME", "cache": "XDG_CACHE_HOME"}
_XDG_DEFAULTS = {"config": ".config", "data": ".local/share", "cache": ".cache"}


def _user_folder(override_variable: str, kind: str) -> Path:
    override = os.environ.get(override_variable)
    if override:
        return Path(override)
    plain = _plain_xdg_folder(kind)
    if plain is not None:
        return Path(plain)
    import platformdirs

    folder = {
        "config": platformdirs.user_config_dir,
        "data": platformdirs.user_data_dir,
        "cache": platformdirs.user_cache_dir,
    }[kind]
    return Path(folder(APP_NAME, appauthor=False))


def _plain_xdg_folder(kind: str) -> str | None:
    """platformdirs' answer on Linux in the plain cases, without importing it; None for any other case.

    Importing platformdirs costs about 4 ms (its Unix module loads tempfile,
    which loads shutil, bz2, lzma and random), a twentieth of ``elicit
    answer`` (issue 18), for what on Linux is the XDG base directory rule:
    the variable when it holds an absolute path, else the folder under an
    absolute ``HOME``. Everything else (another system, Android, a relative
    variable or one with spaces around it, no ``HOME`` or a relative one) is
    left to platformdirs, whose versions differ there;
    ``tests/core/test_paths.py`` checks these answers against the installed
    platformdirs.
    """
    if sys.platform != "linux" or hasattr(sys, "getandroidapilevel") or "ANDROID_DATA" in os.environ or "ANDROID_ROOT" in os.environ:
        return None
    given = os.environ.get(_XDG_VARIABLES[kind])
    if given:
        return os.path.join(given, APP_NAME) if given.startswith("/") and given.strip() == given else None
    home = os.environ.get("HOME")
    if not home or not home.startswith("/") or home.strip() != home or home.rstrip("/") == "":
        return None
    return os.path.join(home.rstrip("/"), _XDG_DEFAULTS[kind], APP_NAME)


def user_banks_dir() -> Path:
    """Banks the user keeps for every project."""
    return config_dir() / PROJECT_BANKS_DIR


def project_banks_dir(cwd: Path | None = None) -> Path:
    """Banks kept with the current project (``./question_banks``)."""
    return (cwd or Path.cwd()) / PROJECT_BANKS_DIR


def bank_folders(cwd: Path | None = None) -> list[tuple[str, Path]]:
    """The (source, folder) pairs searched for banks, earliest (weakest) first.

    A folder already listed is dropped: in a checkout, the built-in banks are
    also ``./question_banks``.
    """
    folders = [("built-in", builtin_banks_dir()), ("user", user_banks_dir()), ("project", project_banks_dir(cwd))]
    return distinct_folders(folders)


def distinct_folders(folders: list[tuple[str, Path]]) -> list[tuple[str, Path]]:
    """``folders`` without those that resolve to a folder listed earlier."""
    seen: set[Path] = set()
    result = []
    for source, folder in folders:
        try:
            key = folder.resolve()
        except OSError:
            key = folder
        if key not in seen:
            seen.add(key)
            result.append((source, folder))
    return result
