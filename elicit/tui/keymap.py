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
from collections.abc import Sequence
from pathlib import Path

from elicit.core.files import TableReader, key_path, parse_toml
from elicit.core.paths import config_dir

from .bindings import unknown_id_problem

KEYS_FILE = "keys.toml"
_KEY = re.compile(r"^[a-z0-9_+\-,]+$")
UNDELIVERED = {"ctrl+enter", "ctrl+h", "ctrl+i", "ctrl+m", "ctrl+j"}


def keys_path() -> Path:
    """Where the user's keys live."""
    return config_dir() / KEYS_FILE


class _KeysReader(TableReader):
    def unknown_key_hint(self, close: str | None, allowed: Sequence[str]) -> str:
        return "only a [keys] table is read"


def load_keymap(path: Path | None = None) -> tuple[dict[str, str], list[str]]:
    """The keymap from ``keys.toml`` and the problems found in it (``file:line: key: message``)."""
    path = path or keys_path()
    if not path.is_file():
        return {}, []
    document, problem = parse_toml(path)
    if document is None:
        return {}, [f"{problem.format() if problem else path}; default keys are used"]
    reader = _KeysReader(document)
    reader.keys(document.data, ("keys",), "")
    keys = document.data.get("keys", {})
    keymap: dict[str, str] = {}
    if not isinstance(keys, dict):
        reader.add("wrong-type", "keys", "'keys' must be a table of binding id = \"key\"")
        keys = {}
    for binding_id, value in keys.items():
        entry = _entry_problem(binding_id, value)
        if entry is not None:
            reader.add("bad-value", key_path("keys", f'"{binding_id}"' if "." in binding_id else binding_id), entry)
            continue
        keymap[binding_id] = ",".join(key.strip() for key in value.split(",") if key.strip())
    return keymap, [finding.format() for finding in reader.findings]


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
