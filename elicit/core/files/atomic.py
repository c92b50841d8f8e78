"""Atomic file replacement that keeps the previous version.

The steps, in order: write a temporary file in the same folder, flush and
fsync it, keep the current file as ``<name>.bak`` (a hard link, so the
current file never disappears), rename the temporary file over the target,
and fsync the folder. A crash between any two steps leaves the target
either whole and old or whole and new.

What a target path may be:

- a symbolic link: the file it points to is written (temporary file and
  ``.bak`` beside that file) and the link stays a link;
- something that is not a regular file (a character device such as
  ``/dev/null``, a FIFO, ``/dev/stdout``): the data is written into it; it is
  never replaced by a regular file;
- a read-only file (no write permission bit set, whoever runs elicit, root
  included): refused with :class:`ReadOnlyError`;
- a file with several names (hard links): rewritten in place, so all its
  names keep naming one file (the previous version is copied to ``.bak``
  first: a crash during that rewrite leaves the ``.bak`` whole);
- a new file: created with the permissions the umask allows, never
  world-writable; an existing file keeps its mode.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

BACKUP_SUFFIX = ".bak"
_NEW_FILE_MODE = 0o666
"""Asked for when creating a file; the umask takes its bits away, as for any program."""
_STREAM_NAMES = ("/dev/stdout", "/dev/stderr")
_STREAM_PREFIXES = ("/dev/fd/", "/proc/self/fd/")


class ReadOnlyError(PermissionError):
    """The target file is read-only: elicit never replaces it."""

    def __init__(self, path: Path | str):
        super().__init__(errno.EACCES, "the file is read-only; make it writable (chmod u+w) or choose another name", str(path))


class BackupBlockedError(OSError):
    """The backup's name (``<name>.bak``) is taken by a folder: the previous version cannot be kept there.

    Raised before anything is written; the caller decides whether to save
    without a backup (the session store does, and warns) or to give up.
    """

    def __init__(self, backup: Path):
        self.backup = backup
        super().__init__(errno.EISDIR, "a folder has the backup's name", str(backup))

    def advice(self) -> str:
        """What to tell the user."""
        return f"{self.backup} is a folder, so the previous version cannot be kept as a backup there; move or rename that folder"


def backup_path(path: Path) -> Path:
    """Where the previous version of ``path`` is kept."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def real_path(path: Path) -> Path:
    """The file a path names, through any symbolic links (the path itself when there are none)."""
    if not os.path.islink(path) and not any(os.path.islink(parent) for parent in path.parents):
        return path
    return Path(os.path.realpath(path))


def is_read_only(path: Path) -> bool:
    """Whether an existing file must not be replaced: no write bit at all, or (not root) not writable by us.

    Root may write anything, so the mode bits are checked first: a file made
    read-only (chmod 0444) is read-only for elicit whoever runs it.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    if not stat.S_ISREG(mode):
        return False
    return mode & 0o222 == 0 or not os.access(path, os.W_OK)


def write_atomic(path: Path, data: bytes, *, keep_backup: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically; keep the old file as .bak.

    Raises OSError (ReadOnlyError for a read-only file, BackupBlockedError
    when a folder has the backup's name) and leaves any file that was there whole.
    """
    descriptor = _stream_descriptor(path)
    if descriptor is not None:
        _write_all(descriptor, data)
        return
    try:
        mode: int | None = os.stat(path).st_mode  # through links, /dev/stdout and /proc/self/fd/N included
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        _write_into(path, data)
        return
    target = real_path(path)
    if mode is not None:
        _check_replaceable(path, target, keep_backup)
    if mode is not None and os.stat(target).st_nlink > 1:
        _rewrite_in_place(target, data, keep_backup)
        return
    folder = target.parent
    temporary = stage(target, data, None if mode is None else stat.S_IMODE(mode))
    try:
        if keep_backup and mode is not None:
            _keep_backup(target)
        os.replace(temporary, target)
    except BaseException:
        _remove_quietly(temporary)
        raise
    _fsync_folder(folder)


def _check_replaceable(path: Path, target: Path, keep_backup: bool) -> None:
    """Refuse, before writing anything, to replace a read-only file or to keep a backup where a folder has its name."""
    if is_read_only(target):
        raise ReadOnlyError(path)
    backup = backup_path(target)
    if keep_backup and os.path.isdir(backup) and not os.path.islink(backup):
        raise BackupBlockedError(backup)


def stage(target: Path, data: bytes, mode: int | None) -> Path:
    """Write ``data`` durably to a new hidden temporary file beside ``target``; return its path.

    ``mode`` is the mode to give it (an existing file's); None for a new file,
    which gets what the umask allows, less write permission for others.
    """
    temporary = temporary_name(target)
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), _NEW_FILE_MODE)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            _set_mode(stream.fileno(), mode)
            os.fsync(stream.fileno())
    except BaseException:
        _remove_quietly(temporary)
        raise
    return temporary


def temporary_name(target: Path) -> Path:
    """A fresh hidden temporary name beside ``target``: ``.<name>.<12 hex digits>.tmp``."""
    return target.with_name(f".{target.name}.{os.urandom(6).hex()}.tmp")


def remove_leftover_temporaries(path: Path) -> list[Path]:
    """Remove hidden temporary files an interrupted save of ``path`` left beside it; return them.

    Only call this while holding the file's lock: a temporary file of a save
    in progress in another process would be removed too.
    """
    target = real_path(path)
    pattern = re.compile(rf"\.{re.escape(target.name)}\.[A-Za-z0-9_]{{6,16}}\.tmp")
    removed = []
    try:
        names = os.listdir(target.parent)
    except OSError:
        return []
    for name in names:
        if pattern.fullmatch(name):
            leftover = target.with_name(name)
            try:
                if leftover.is_symlink() or not leftover.is_file():
                    continue
                leftover.unlink()
            except OSError:
                continue
            removed.append(leftover)
    return removed


def _stream_descriptor(path: Path) -> int | None:
    """The open descriptor ``/dev/stdout``, ``/dev/stderr``, ``/dev/fd/N`` or ``/proc/self/fd/N`` stands for, if open.

    Writing to the descriptor itself keeps its position and append mode
    (``elicit export -o /dev/stdout >> all.md`` appends).
    """
    text = str(path)
    if text in _STREAM_NAMES:
        number = _STREAM_NAMES.index(text) + 1
    elif text.startswith(_STREAM_PREFIXES) and text.rpartition("/")[2].isascii() and text.rpartition("/")[2].isdigit():
        number = int(text.rpartition("/")[2])
    else:
        return None
    try:
        os.fstat(number)
    except OSError:
        return None
    return number


def _write_into(path: Path, data: bytes) -> None:
    """Write into a device or FIFO without replacing it (a FIFO needs a reader already)."""
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ENXIO:
            raise OSError(errno.ENXIO, "a FIFO with nothing reading from it; start the reader first", str(path)) from None
        raise
    try:
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        _write_all(descriptor, data)
    finally:
        os.close(descriptor)


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


def _set_mode(descriptor: int, mode: int | None) -> None:
    """Give a new file the mode of the one it replaces, or take write permission for others away."""
    try:
        if mode is not None:
            os.fchmod(descriptor, mode)
            return
        created = stat.S_IMODE(os.fstat(descriptor).st_mode)
        if created & 0o002:
            os.fchmod(descriptor, created & ~0o002)
    except (OSError, AttributeError):
        pass


def _rewrite_in_place(target: Path, data: bytes, keep_backup: bool) -> None:
    """Rewrite a file that has several names (hard links) in place, so that every name keeps showing it.

    Replacing it would give this name a new file and leave the other names
    with the old one: two sessions where there was one. The previous version
    is copied (not linked) to ``.bak`` and made durable first, so a crash
    during the rewrite leaves a whole ``.bak``.
    """
    old = target.read_bytes()
    if keep_backup:
        backup = backup_path(target)
        copy = stage(backup, old, stat.S_IMODE(os.stat(target).st_mode))
        try:
            os.replace(copy, backup)
        except BaseException:
            _remove_quietly(copy)
            raise
        _fsync_folder(backup.parent)
    descriptor = os.open(target, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        try:
            _write_all(descriptor, data)
            os.ftruncate(descriptor, len(data))
            os.fsync(descriptor)
        except OSError:
            os.lseek(descriptor, 0, os.SEEK_SET)  # put the old bytes back: they fitted before
            _write_all(descriptor, old)
            os.ftruncate(descriptor, len(old))
            raise
    finally:
        os.close(descriptor)


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
