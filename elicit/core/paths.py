"""Where elicit keeps its own files: built-in banks, config and data folders.

``ELICIT_CONFIG_DIR``, ``ELICIT_DATA_DIR`` and ``ELICIT_CACHE_DIR`` override the platform folders
(tests point them at a temporary folder).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "elicit"
PROJECT_BANKS_DIR = "question_banks"


def builtin_banks_dir() -> Path:
    """The folder of banks shipped with elicit (inside the wheel, or the checkout)."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "question_banks"
    if installed.is_dir():
        return installed
    return package.parent / "question_banks"


def config_dir() -> Path:
    """The user's elicit config folder."""
    override = os.environ.get("ELICIT_CONFIG_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """The user's elicit data folder (recent sessions and the like)."""
    override = os.environ.get("ELICIT_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """The user's elicit cache folder (safe to delete at any time)."""
    override = os.environ.get("ELICIT_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def user_banks_dir() -> Path:
    """Banks the user keeps for every project."""
    return config_dir() / PROJECT_BANKS_DIR


def project_banks_dir(cwd: Path | None = None) -> Path:
    """Banks kept with the current project (``./question_banks``)."""
    return (cwd or Path.cwd()) / PROJECT_BANKS_DIR
