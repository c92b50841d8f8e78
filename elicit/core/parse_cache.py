"""A cache of parsed bank files, so commands do not re-parse unchanged TOML.

``tomllib`` is pure Python: parsing the built-in banks costs more than
starting the interpreter. The cache keeps, per bank file, the SHA-256 of its
bytes and the parsed data as JSON (whose decoder is in C). An entry is used
only when the file's bytes hash the same, so an edited bank is always parsed
afresh. Data holding TOML dates is not cached (JSON has no dates). Any
problem with the cache is ignored: it can only make things faster.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from .paths import cache_dir

_VERSION = 1


def _entry_path(path: Path) -> Path:
    key = hashlib.sha1(str(path.resolve()).encode("utf-8", "surrogatepass")).hexdigest()
    return cache_dir() / "parsed-banks" / f"{key}.json"


def load(path: Path, raw: bytes) -> dict[str, Any] | None:
    """The cached data for ``path`` if its bytes are unchanged, else None."""
    try:
        entry = json.loads(_entry_path(path).read_text(encoding="utf-8"))
        if entry.get("version") == _VERSION and entry.get("sha256") == hashlib.sha256(raw).hexdigest():
            return entry["data"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    return None


def store(path: Path, raw: bytes, data: dict[str, Any]) -> None:
    """Remember the parsed data of ``path`` (silently skipped if it cannot be cached)."""
    try:
        text = json.dumps({"version": _VERSION, "sha256": hashlib.sha256(raw).hexdigest(), "data": data}, ensure_ascii=False)
    except (TypeError, ValueError):
        return  # dates and times: not representable in JSON
    from .atomic import write_atomic

    target = _entry_path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, text.encode("utf-8"), keep_backup=False)
    except OSError:
        pass
