"""A cache of parsed bank files, so commands do not re-parse unchanged TOML.

``tomllib`` is pure Python: parsing the built-in banks costs more than
starting the interpreter. The cache keeps, per bank file, the SHA-256 of its
bytes and the parsed data in ``marshal`` form (the format Python uses for its
own cached byte code: in C, and no import to pay for). An entry is used only
when the file's bytes hash the same, so an edited bank is always parsed
afresh. Data holding TOML dates is not cached (marshal has no dates). Any
problem with the cache is ignored: it can only make things faster.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from pathlib import Path
from typing import Any

from elicit.core.paths import cache_dir

# Data written by another Python (another tomllib) is not trusted.
_VERSION = (2, *sys.version_info[:3])


def _entry_path(path: Path) -> Path:
    key = hashlib.sha1(str(path.resolve()).encode("utf-8", "surrogatepass")).hexdigest()
    return cache_dir() / "parsed-banks" / f"{key}.marshal"


def load(path: Path, raw: bytes) -> dict[str, Any] | None:
    """The cached data for ``path`` if its bytes are unchanged, else None."""
    try:
        version, digest, data = marshal.loads(_entry_path(path).read_bytes())
        if version == _VERSION and digest == hashlib.sha256(raw).digest() and isinstance(data, dict):
            return data
    except (OSError, ValueError, TypeError, EOFError):
        pass
    return None


def store(path: Path, raw: bytes, data: dict[str, Any]) -> None:
    """Remember the parsed data of ``path`` (silently skipped if it cannot be cached)."""
    try:
        payload = marshal.dumps((_VERSION, hashlib.sha256(raw).digest(), data))
    except ValueError:
        return  # dates and times: marshal has none
    from elicit.core.files.atomic import write_cache_file

    target = _entry_path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_cache_file(target, payload)
    except OSError:
        pass
