"""The user's own keys: ``keys.toml`` in the config folder maps binding ids to keys.

    # ~/.config/elicit/keys.toml
    [keys]
    "interview.next" = "f6"
    "interview.story" = "ctrl+t,f7"

Every binding in the app has an id (the table in :mod:`elicit.tui.bindings`,
copied into the README). Problems in the file (a misspelled id among them,
with a did-you-mean) are reported in the app as warnings and the default keys stay.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from elicit.core.paths import config_dir

from .bindings import unknown_id_problem

KEYS_FILE = "keys.toml"
_KEY = re.compile(r"^[a-z0-9_+\-,]+$")
UNDELIVERED = {"ctrl+enter", "ctrl+h", "ctrl+i", "ctrl+m", "ctrl+j"}


def keys_path() -> Path:
    """Where the user's keys live."""
    return config_dir() / KEYS_FILE


def load_keymap(path: Path | None = None) -> tuple[dict[str, str], list[str]]:
    """The keymap from ``keys.toml`` and the problems found in it."""
    path = path or keys_path()
    if not path.is_file():
        return {}, []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        return {}, [f"{path}: cannot read: {error}; default keys are used"]
    except tomllib.TOMLDecodeError as error:
        return {}, [f"{path}: not valid TOML ({error}); default keys are used"]
    except RecursionError:
        return {}, [f"{path}: nested too deeply to read; default keys are used"]
    problems = [f"{path}: unknown key '{name}'; only a [keys] table is read" for name in data if name != "keys"]
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        return {}, problems + [f"{path}: 'keys' must be a table of binding id = \"key\""]
    keymap: dict[str, str] = {}
    for binding_id, value in keys.items():
        problem = _entry_problem(binding_id, value)
        if problem is not None:
            problems.append(f"{path}: keys.{binding_id}: {problem}")
            continue
        keymap[binding_id] = ",".join(key.strip() for key in value.split(",") if key.strip())
    return keymap, problems


def _entry_problem(binding_id: str, value: object) -> str | None:
    """What is wrong with one ``"id" = "keys"`` line, or None."""
    unknown = unknown_id_problem(binding_id)
    if unknown is not None:
        return unknown
    if not isinstance(value, str) or not _KEY.match(value.replace(" ", "")):
        return 'give keys as text such as "ctrl+t" or "f6,ctrl+t"'
    refused = [key.strip() for key in value.split(",") if key.strip() in UNDELIVERED]
    if refused:
        return f"{', '.join(refused)} is not delivered by most terminals; choose another key"
    return None
