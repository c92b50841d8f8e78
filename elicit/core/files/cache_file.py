"""Writing one file of a cache that can always be rebuilt: whole or not at all, never an error."""

from __future__ import annotations

import marshal
import os
from pathlib import Path
from typing import Any


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


def write_marshalled(target: Path, header: bytes, entries: list[Any]) -> None:
    """Keep ``entries`` (marshal data) at ``target`` after ``header`` (the file's format and the build it is for) and a
    CRC-32 of the payload; nothing is kept when marshal cannot write them or the file cannot be written."""
    import zlib  # loaded by the commands that keep something, not by every one that imports this module

    try:
        payload = marshal.dumps(entries)
    except ValueError:
        return
    replace_quietly(target, header + b"%08x\n" % zlib.crc32(payload) + payload)


def read_marshalled(target: Path, header: bytes) -> list[Any]:
    """The entries :func:`write_marshalled` kept at ``target`` under ``header``; none when the file is absent,
    unreadable, cut short, damaged, or of another format or build."""
    import zlib

    try:
        data = target.read_bytes()
    except (OSError, ValueError):
        return []
    head = len(header)
    if not data.startswith(header) or len(data) < head + 9 or data[head + 8 : head + 9] != b"\n":
        return []
    payload = data[head + 9 :]
    if data[head : head + 8] != b"%08x" % zlib.crc32(payload):
        return []
    try:
        entries = marshal.loads(payload)
    except (ValueError, TypeError, EOFError):
        return []
    return entries if type(entries) is list else []
