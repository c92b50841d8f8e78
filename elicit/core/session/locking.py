"""A lock file that stops a second writer of a session.

The lock is ``<session>.lock`` beside the session, created exclusively and
holding who took it. A lock left by a process that is no longer running on
this machine (a crash, a killed terminal) is stale and is taken over, with a
note saying so.

A session named through a symbolic link is locked (and saved) as the file the
link points to, so two names of one file share one lock file. A file with two
names in different folders (a hard link) has two lock files; what they share
is the file itself, so while the lock is held the session file is also locked
with the kernel (``flock``, keyed on the file's device and inode, released by
the kernel when the process ends). Every save makes a new file, so the store
moves that lock to it (:meth:`SessionLock.follow`).
"""

from __future__ import annotations

import getpass
import os
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from elicit.core.files.atomic import real_path
from elicit.core.files.toml_source import read_bytes
from elicit.core.findings import ElicitError

LOCK_SUFFIX = ".lock"


def host_name() -> str:
    """This machine's name, as a lock records it."""
    if hasattr(os, "uname"):
        return os.uname().nodename  # what socket.gethostname() returns, without importing socket
    import socket

    return socket.gethostname()


class LockedError(ElicitError):
    """Another running elicit holds the session."""


@dataclass(frozen=True)
class LockHolder:
    """Who holds a lock."""

    pid: int
    host: str
    user: str
    since: str
    command: str

    def describe(self) -> str:
        """``user on host (pid 123, elicit open) since 10:02``."""
        return f"{self.user or 'someone'} on {self.host or 'an unknown host'} (pid {self.pid}, {self.command or 'elicit'}) since {self.since or 'an unknown time'}"


def lock_path(path: Path) -> Path:
    """The lock file of a session file."""
    return path.with_name(path.name + LOCK_SUFFIX)


class SessionLock:
    """An acquired lock; release it when done (or use as a context manager)."""

    def __init__(self, path: Path, command: str = "elicit"):
        self.path = lock_path(real_path(path))
        self.session_path = path
        self.command = command
        self.note: str | None = None
        self._held = False
        self._file_lock: int | None = None
        self._written = b""
        """The bytes of the lock file as this lock wrote them, while they name this process on this machine."""
        self._record: dict[str, object] = {}

    def acquire(self) -> SessionLock:
        """Take the lock or raise :class:`LockedError` naming the holder."""
        record = _record(self.command)
        for _attempt in range(40):
            try:
                descriptor = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                holder = read_holder(self.path)
                if holder is not None and not is_stale(holder):
                    raise LockedError(
                        f"{self.session_path} is open in another elicit: {holder.describe()}; "
                        f"close it there first (if that process is gone, delete {self.path})"
                    ) from None
                if holder is None and _younger_than(self.path, 2.0):
                    time.sleep(0.05)  # another elicit is writing its lock right now
                    continue
                self._take_over(holder)
                continue
            except OSError as exc:
                raise ElicitError(f"cannot create lock file {self.path}: {exc.strerror or exc}; check the folder is writable") from None
            self._write_record(descriptor, record)
            self._held = True
            try:
                self.follow()
            except BaseException:
                self.release()
                raise
            return self
        raise LockedError(f"{self.session_path} is being opened by another elicit at this moment; try again")

    def _write_record(self, descriptor: int, record: dict[str, object]) -> None:
        """Write who holds the lock; on failure (a full disk) remove the lock file we made and say so."""
        data = record_text(record).encode("utf-8")
        self._written, self._record = data, record
        try:
            written = 0
            while written < len(data):
                written += os.write(descriptor, data[written:])
        except OSError as exc:
            try:
                os.unlink(self.path)
            except OSError:
                pass
            raise ElicitError(
                f"cannot write lock file {self.path}: {exc.strerror or exc}; free some space (or fix the folder) and try again"
            ) from None
        finally:
            os.close(descriptor)

    def _take_over(self, holder: LockHolder | None) -> None:
        """Remove a stale lock if it is still the one we judged stale."""
        if read_holder(self.path) != holder:
            return
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise ElicitError(f"cannot remove stale lock {self.path}: {exc.strerror or exc}") from None
        if holder is None:
            self.note = f"took over an unreadable lock file {self.path}"
        else:
            self.note = f"took over a stale lock: {holder.describe()} is no longer running"

    def follow(self) -> None:
        """Lock the session file as it is now (after a save replaced it) with the kernel; drop the lock on the old one.

        Raises LockedError when another elicit holds the file under another name.
        """
        descriptor = _lock_file(self.session_path)
        if descriptor == _BUSY:
            raise LockedError(
                f"{self.session_path} is open in another elicit under another name (a hard link to the same file); close it there first"
            )
        if self._file_lock is not None:
            os.close(self._file_lock)
        self._file_lock = descriptor if descriptor >= 0 else None

    def release(self) -> None:
        """Give the lock up (only if we hold it)."""
        if not self._held:
            return
        self._held = False
        if self._file_lock is not None:
            os.close(self._file_lock)
            self._file_lock = None
        if not self._still_ours():
            return
        try:
            os.unlink(self.path)
        except OSError:
            pass

    def _still_ours(self) -> bool:
        """Whether the lock file is the one this lock wrote (its bytes, unchanged), or holds this process, or is unreadable."""
        here = self._record.get("pid") == os.getpid() and self._record.get("host") == host_name()
        try:
            if here and self._written and read_bytes(self.path, limit=65536) == self._written:
                return True  # what read_holder would read as this process, without loading json
        except OSError:
            pass
        holder = read_holder(self.path)
        return holder is None or (holder.pid == os.getpid() and holder.host == host_name())

    def __enter__(self) -> SessionLock:
        return self.acquire()

    def __exit__(self, *exc_info: object) -> None:
        self.release()


_BUSY = -2
_NONE = -1


def _lock_file(path: Path) -> int:
    """An open descriptor of ``path`` holding an exclusive kernel lock; _BUSY if another holds it, _NONE if it cannot be had."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: the lock file alone
        return _NONE
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return _NONE  # not there yet (a new session) or unreadable: the lock file still guards it
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(descriptor)
        return _BUSY
    except OSError:
        os.close(descriptor)
        return _NONE  # a file system without flock
    return descriptor


def record_text(record: dict[str, object]) -> str:
    """``json.dumps(record)``, without importing json when every value is a whole number or a plain ASCII string.

    Every command that changes a session writes its lock (``elicit answer`` among them), and json with its
    patterns costs about 2 % of that command (issue 18); the text is the same, byte for byte.
    """
    parts = []
    for key, value in record.items():
        if type(key) is not str or not _plain(key):
            break
        if type(value) is int:
            parts.append(f'"{key}": {value}')
        elif type(value) is str and _plain(value):
            parts.append(f'"{key}": "{value}"')
        else:
            break
    else:
        return "{" + ", ".join(parts) + "}"
    import json

    return json.dumps(record)


def _plain(text: str) -> bool:
    """Whether JSON writes ``text`` as it is, between quotes (printable ASCII, no quote, no backslash)."""
    return text.isascii() and text.isprintable() and '"' not in text and "\\" not in text


def read_holder(path: Path) -> LockHolder | None:
    """The holder recorded in a lock file, or None if unreadable."""
    import json  # only when a lock file is not the one this process wrote (see SessionLock._still_ours)

    try:
        data = json.loads(read_bytes(path, limit=65536).decode("utf-8"))
        return LockHolder(
            int(data["pid"]), str(data.get("host", "")), str(data.get("user", "")), str(data.get("since", "")), str(data.get("command", ""))
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def is_stale(holder: LockHolder) -> bool:
    """Whether the holder is a process on this machine that no longer runs."""
    if holder.host != host_name():
        return False
    if holder.pid == os.getpid():
        return False
    return not _process_running(holder.pid)


def _younger_than(path: Path, seconds: float) -> bool:
    try:
        return time.time() - path.stat().st_mtime < seconds
    except OSError:
        return False


def _process_running(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return _not_zombie(pid)


def _not_zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stream:
            fields = stream.read().rsplit(")", 1)[-1].split()
        return not fields or fields[0] != "Z"
    except OSError:
        return True


def _record(command: str) -> dict[str, object]:
    try:
        user = getpass.getuser()
    except Exception:  # getuser raises various errors when no user is known
        user = ""
    return {
        "pid": os.getpid(),
        "host": host_name(),
        "user": user,
        "since": datetime.now().astimezone().strftime("%Y-%m-%d %H:%M:%S"),
        "command": command,
    }
