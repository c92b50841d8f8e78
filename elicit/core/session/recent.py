"""Recently opened sessions, for the launcher.

Kept as JSON in the user's data folder, newest first, written atomically. A
damaged or unreadable list is treated as empty: the launcher must always
start, and the list is only a convenience.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from elicit.core.files.atomic import write_atomic
from elicit.core.paths import data_dir

RECENT_FILE = "recent.json"
KEEP = 30


@dataclass(frozen=True, slots=True)
class RecentSession:
    """A session file opened before, with what the launcher shows about it."""

    path: Path
    title: str
    client: str = ""
    opened_at: datetime | None = None
    done: int | None = None
    total: int | None = None

    @property
    def progress(self) -> str:
        """``12/40`` questions done, or an empty string when unknown."""
        if self.done is None or self.total is None:
            return ""
        return f"{self.done}/{self.total}"


def recent_path() -> Path:
    """The file holding the list."""
    return data_dir() / RECENT_FILE


def recent(*, existing_only: bool = True) -> list[RecentSession]:
    """Recently opened sessions, most recent first (by default only files that still exist)."""
    items = _read()
    if existing_only:
        items = [item for item in items if item.path.is_file()]
    return items


def remember(
    path: Path,
    *,
    title: str | None = None,
    client: str | None = None,
    done: int | None = None,
    total: int | None = None,
    opened_at: datetime | None = None,
) -> None:
    """Put a session at the top of the list; never raises for I/O problems.

    Title and client are read from the file when not given. Progress given
    earlier is kept when not given now.
    """
    path = Path(os.path.abspath(path))
    items = _read()
    previous = next((item for item in items if item.path == path), None)
    if title is None or client is None:
        read_title, read_client = _peek(path)
        title = read_title if title is None else title
        client = read_client if client is None else client
    if done is None and previous is not None:
        done, total = previous.done, previous.total
    entry = RecentSession(
        path=path,
        title=title or (previous.title if previous else path.name),
        client=client or "",
        opened_at=opened_at or datetime.now().astimezone().replace(microsecond=0),
        done=done,
        total=total,
    )
    items = [entry] + [item for item in items if item.path != path]
    _write(items[:KEEP])


def forget(path: Path) -> None:
    """Take a session off the list."""
    path = Path(os.path.abspath(path))
    items = _read()
    kept = [item for item in items if item.path != path]
    if len(kept) != len(items):
        _write(kept)


def _peek(path: Path) -> tuple[str, str]:
    """Title and client from a session file, without checking the rest of it."""
    import tomllib

    from elicit.core.files.toml_source import read_bytes

    try:
        data = tomllib.loads(read_bytes(path).decode("utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError):
        return "", ""
    title = data.get("title")
    client = data.get("client")
    return (title if isinstance(title, str) else ""), (client if isinstance(client, str) else "")


def _read() -> list[RecentSession]:
    import json  # only the launcher and 'elicit new' read or write the list, and every command imports this module

    try:
        raw = json.loads(recent_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(raw, list):
        return []
    items: list[RecentSession] = []
    for record in raw:
        item = _from_record(record)
        if item is not None:
            items.append(item)
    oldest = datetime.min.replace(tzinfo=UTC)
    items.sort(key=lambda item: item.opened_at or oldest, reverse=True)
    return items


def _from_record(record: object) -> RecentSession | None:
    if not isinstance(record, dict) or not isinstance(record.get("path"), str):
        return None
    opened_at = None
    if isinstance(record.get("opened_at"), str):
        try:
            opened_at = datetime.fromisoformat(record["opened_at"])
        except ValueError:
            opened_at = None
        if opened_at is not None and opened_at.tzinfo is None:
            opened_at = opened_at.astimezone()

    def whole(name: str) -> int | None:
        value = record.get(name)
        return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None

    def text(name: str) -> str:
        value = record.get(name)
        return value if isinstance(value, str) else ""

    return RecentSession(Path(record["path"]), text("title"), text("client"), opened_at, whole("done"), whole("total"))


def _write(items: list[RecentSession]) -> None:
    import json

    records = [
        {
            "path": str(item.path),
            "title": item.title,
            "client": item.client,
            "opened_at": item.opened_at.isoformat() if item.opened_at else None,
            "done": item.done,
            "total": item.total,
        }
        for item in items
    ]
    target = recent_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, (json.dumps(records, indent=1, ensure_ascii=False) + "\n").encode("utf-8"), keep_backup=False)
    except OSError:
        pass  # the list is a convenience; never fail an interview over it
