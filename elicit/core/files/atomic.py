"""Atomic file replacement that keeps the previous version.

The steps, in order: write a temporary file in the same folder, flush and
fsync it, keep the current file as ``<name>.bak`` (a hard link, so the
current file never disappears), rename the temporary file over the target,
and fsync the folder. A crash between any two steps leaves the target
either whole and old or whole and new.
"""

from __future__ import annotations

import os
from pathlib import Path

BACKUP_SUFFIX = ".bak"


def backup_path(path: Path) -> Path:
    """Where the previous version of ``path`` is kept."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def write_atomic(path: Path, data: bytes, *, keep_backup: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically; keep the old file as .bak."""
    import tempfile

    folder = path.parent
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        _copy_mode(path, temporary)
        if keep_backup and path.exists():
            _keep_backup(path)
        os.replace(temporary, path)
    except BaseException:
        _remove_quietly(temporary)
        raise
    _fsync_folder(folder)


def _keep_backup(path: Path) -> None:
    backup = backup_path(path)
    staged = backup.with_name(backup.name + ".tmp")
    _remove_quietly(staged)
    try:
        os.link(path, staged)
    except OSError:
        import shutil

        shutil.copy2(path, staged)
    os.replace(staged, backup)


def _copy_mode(source: Path, target: str) -> None:
    try:
        os.chmod(target, source.stat().st_mode & 0o777)
    except FileNotFoundError:
        os.chmod(target, 0o644)
    except OSError:
        pass


def _fsync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _remove_quietly(path: str | Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
