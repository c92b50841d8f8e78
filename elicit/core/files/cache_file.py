"""Writing one file of a cache that can always be rebuilt: whole or not at all, never an error."""

from __future__ import annotations

import os
from pathlib import Path


def replace_quietly(target: Path, data: bytes) -> bool:
    """Put ``data`` at ``target`` through a temporary file and a rename; False (and nothing left) where that cannot be done.

    No fsync: a cache entry lost in a crash is only rebuilt (what the session file's ``write_atomic`` must never allow).
    """
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, target)  # a reader sees the old file or the new one, never half of one
    except OSError:
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass
        return False
    return True
