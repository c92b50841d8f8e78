"""Whether a session file is, byte for byte, what this elicit wrote after reading it whole.

``elicit answer`` changes one answer in the head of a session (what comes
before its first ``[[stories]]`` line, :mod:`staged`). When the file's stories
and what follows them are exactly the text this elicit's writer made of
stories it had read and checked, that text is what a full save would write
again, and the command keeps it as it is instead of reading, checking and
writing 1,000 stories it does not touch (issue 18).

That is known from a mark kept with the file itself, an extended attribute
(``user.elicit.written``), set after a save of a session read in full (or
through the head of a marked file) whose change touched the head only. It
holds a digest of the file's bytes and of the writer (elicit's version and
its file-format modules), so that a file edited in place, copied over, or
written by another version of elicit is never taken for one this elicit
wrote: then the file is read and written in full, as always. A new file
(every save makes one) carries no mark until the save that sets it; where
the system keeps no extended attributes, there are no marks and every save
is a full one.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

from elicit.core.files.digest import fingerprint

ATTRIBUTE = "user.elicit.written"
_WRITER_MODULES = (
    "elicit.core.session.file_format",
    "elicit.core.session.record_reader",
    "elicit.core.session.models",
    "elicit.core.files.toml_writer",
)


def _writer() -> str:
    """This elicit's writer: its version and the file-format modules it runs (a changed module is another writer)."""
    from elicit import __version__

    parts = [__version__]
    for name in _WRITER_MODULES:
        where = getattr(importlib.import_module(name), "__file__", None)  # loaded already, or needed by the save
        if where is None:
            return ""  # not from a file: no mark is trusted
        status = os.stat(where)
        parts.append(f"{status.st_size}:{status.st_mtime_ns}")
    return fingerprint(" ".join(parts).encode())[:16]


def _mark(data: bytes) -> bytes | None:
    writer = _writer()
    return f"1 {writer} {fingerprint(data)}".encode() if writer else None


def is_marked(path: Path, data: bytes) -> bool:
    """Whether ``path``, holding ``data``, carries the mark this elicit sets on a file it wrote whole (:func:`mark`)."""
    if not hasattr(os, "getxattr"):
        return False
    try:
        found = os.getxattr(path, ATTRIBUTE)
    except OSError:
        return False
    expected = _mark(data)
    return expected is not None and found == expected


def mark(path: Path, data: bytes) -> None:
    """Say that ``path`` holds ``data`` as this elicit wrote it from a session read whole; quietly nothing where that cannot be kept."""
    if not hasattr(os, "setxattr"):
        return
    value = _mark(data)
    if value is None:
        return
    try:
        os.setxattr(path, ATTRIBUTE, value)
    except OSError:
        pass  # no extended attributes here: every save stays a full one
