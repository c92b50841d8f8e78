"""Writing rendered exports to disk without damaging anything that was there.

A single-file export replaces its target atomically (through a symbolic
link, the file it points to), writes into a device, FIFO or ``/dev/stdout``
rather than replacing it, and refuses a session file (however it is written)
and a read-only file.

A folder export (Gherkin) is written all or nothing: every file is first
written to a hidden temporary file in the folder, and only when all of them
are on disk are they renamed into place. The folder keeps a small hidden
manifest per session (``.elicit-export-<name>-<digest>.json``) listing the
files that session's export wrote: a later export of the same session removes
those of its own files whose story is gone, and nothing else. A file another
session's export wrote, or one elicit did not write, is never replaced.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from elicit.core.files.atomic import is_read_only, real_path, stage, write_atomic
from elicit.core.findings import ElicitError
from elicit.core.session.file_format import is_session_file

if TYPE_CHECKING:
    from elicit.core.spec.exporters import Exporter

MANIFEST_PREFIX = ".elicit-export-"
MANIFEST_SCHEMA = "elicit.export-manifest/1"
_MANIFEST_NAME = re.compile(rf"{re.escape(MANIFEST_PREFIX)}.*\.json")
_STEM_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


class ExportResult(NamedTuple):
    """What an export wrote, and the files of an earlier export it removed."""

    written: list[Path]
    removed: list[Path]


def write_single(path: Path, text: str) -> ExportResult:
    """Write one export file (see the module's description of what is refused)."""
    if path.is_dir():
        raise ElicitError(f"{path} is a folder; give the name of the file to write")
    _check_folder(path.parent)
    _check_replaceable(path)
    try:
        write_atomic(path, text.encode("utf-8"), keep_backup=False)
    except OSError as exc:
        raise ElicitError(f"{path}: could not write the export: {exc.strerror or exc}; any earlier file there is intact") from None
    return ExportResult([path], [])


def write_folder(exporter: Exporter, files: dict[str, str], folder: Path, source: Path | None) -> ExportResult:
    """Write a folder export all or nothing, then remove this session's files of stories gone."""
    for name in files:
        if Path(name).name != name or name in ("", ".", "..") or name.startswith("."):
            raise ElicitError(f"refusing to write '{name}': an export file name must not contain a folder")
    if folder.exists() and not folder.is_dir():
        raise ElicitError(f"{folder} is a file; the export writes a folder of files, so give a folder name")
    _check_folder(folder.parent)
    key = _session_key(source)
    manifests = _manifests(folder)
    mine = manifests.pop(key, _Manifest(folder / _manifest_name(key, source), key, []))
    owners = {name: manifest for manifest in manifests.values() for name in manifest.files}
    for name in sorted(files):
        _check_folder_entry(folder / name, owners.get(name), name in mine.files, exporter.generated_line)
    try:
        folder.mkdir(mode=0o775, exist_ok=True)  # the umask applies too; never writable by others
    except OSError as exc:
        raise ElicitError(f"{folder}: could not create the folder: {exc.strerror or exc}") from None
    written = _put_in_place(folder, files)
    removed = _remove_stale(folder, mine.files, set(files), exporter.generated_line)
    try:
        document = {"schema": MANIFEST_SCHEMA, "session": key, "files": sorted(files)}
        write_atomic(mine.path, (json.dumps(document, indent=1, ensure_ascii=False) + "\n").encode("utf-8"), keep_backup=False)
    except OSError as exc:
        raise ElicitError(
            f"{mine.path}: the feature files are written, but the list of them could not be saved ({exc.strerror or exc}); "
            "a later export cannot remove files of stories deleted since"
        ) from None
    return ExportResult(written, removed)


class _Manifest(NamedTuple):
    path: Path
    session: str
    files: list[str]


def _session_key(source: Path | None) -> str:
    """What names a session in manifests: its real absolute path ("" when the caller did not say)."""
    if source is None:
        return ""
    return str(Path(os.path.abspath(real_path(source))))


def _manifest_name(key: str, source: Path | None) -> str:
    stem = source.name.removesuffix(".toml").removesuffix(".elicit") if source is not None else "session"
    stem = _STEM_UNSAFE.sub("-", stem).strip("-")[:40] or "session"
    digest = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:12]
    return f"{MANIFEST_PREFIX}{stem}-{digest}.json"


def _manifests(folder: Path) -> dict[str, _Manifest]:
    """Every readable manifest in the folder, by the session it belongs to."""
    found: dict[str, _Manifest] = {}
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return found
    for name in names:
        if not _MANIFEST_NAME.fullmatch(name):
            continue
        path = folder / name
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(data, dict) or data.get("schema") != MANIFEST_SCHEMA or not isinstance(data.get("session"), str):
            continue
        files = data.get("files")
        listed = [item for item in files if isinstance(item, str) and Path(item).name == item] if isinstance(files, list) else []
        found[data["session"]] = _Manifest(path, data["session"], listed)
    return found


def _check_folder_entry(path: Path, owner: _Manifest | None, ours: bool, mark: str) -> None:
    """Refuse, before anything is written, to replace what is not this session's export file."""
    if owner is not None and not ours:
        whose = owner.session or "another session"
        raise ElicitError(
            f"{path} was written by the export of another session ({whose}); nothing was written: "
            "export this session into a folder of its own"
        )
    if not os.path.lexists(path):
        return
    if path.is_symlink() or not path.is_file():
        raise ElicitError(
            f"{path} is not a regular file (a link, a folder or a device); nothing was written: move it away or export elsewhere"
        )
    _check_replaceable(path)
    if not ours and not _starts_with(path, mark):
        raise ElicitError(f"{path} was not written by elicit; nothing was written: move it away or export into another folder")


_STAGERS = 8
"""Files staged at once by a big folder export: each is written and fsynced on its own, and the disk finishes
several fsyncs in the time of one (a 10,000-story Gherkin export is 7,500 files: about 3x sooner here)."""


def _put_in_place(folder: Path, files: dict[str, str]) -> list[Path]:
    staged, failure = _stage_all(folder, files)
    if failure is not None:
        for temporary, _path in staged:
            _remove_quietly(temporary)
        raise ElicitError(f"{folder}: could not write the export: {failure.strerror or failure}; nothing in the folder was changed") from None
    if len(staged) > _STAGERS:
        return _replace_all(staged)
    written = []
    for index, (temporary, path) in enumerate(staged):
        try:
            os.replace(temporary, path)
        except OSError as exc:
            for left, _path in staged[index:]:
                _remove_quietly(left)
            raise ElicitError(f"{path}: could not put the export in place: {exc.strerror or exc}") from None
        written.append(path)
    return written


def _replace_all(staged: list[tuple[Path, Path]]) -> list[Path]:
    """Put many staged files in place by several threads (a rename over an existing file waits on the disk here:
    ~2 ms each); on a failure, the temporaries not put in place are removed and the first failure in name order
    is reported, as one after the other would (what was put in place stays, as it would)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=_STAGERS) as pool:
        futures = [pool.submit(os.replace, temporary, path) for temporary, path in staged]
    errors = [future.exception() for future in futures]
    failed = [(pair, error) for pair, error in zip(staged, errors, strict=True) if error is not None]
    if not failed:
        return [path for _temporary, path in staged]
    for (temporary, _path), _error in failed:
        _remove_quietly(temporary)
    (_temporary, path), error = failed[0]
    if not isinstance(error, OSError):
        raise error
    raise ElicitError(f"{path}: could not put the export in place: {error.strerror or error}") from None


def _stage_one(folder: Path, name: str, text: str) -> tuple[Path, Path]:
    """Write one file of a folder export durably beside its place (it keeps the mode of the file it will replace)."""
    path = folder / name
    try:
        mode: int | None = os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        mode = None
    return stage(folder / ".elicit-export", text.encode("utf-8"), mode), path


def _stage_all(folder: Path, files: dict[str, str]) -> tuple[list[tuple[Path, Path]], OSError | None]:
    """Stage every file, in name order: the (temporary, place) pairs staged and the first failure in that order.

    A few files are staged one after the other (stopping at a failure); many by several threads at once, each
    file whole before its pair is kept. Whatever fails, the caller removes the temporaries staged.
    """
    names = sorted(files)
    staged: list[tuple[Path, Path]] = []
    if len(names) <= _STAGERS:
        for name in names:
            try:
                staged.append(_stage_one(folder, name, files[name]))
            except OSError as exc:
                return staged, exc
        return staged, None
    from concurrent.futures import ThreadPoolExecutor  # only a big folder export needs it

    with ThreadPoolExecutor(max_workers=_STAGERS) as pool:
        futures = [pool.submit(_stage_one, folder, name, files[name]) for name in names]
    errors = [future.exception() for future in futures]
    staged = [future.result() for future, error in zip(futures, errors, strict=True) if error is None]
    failures = [error for error in errors if error is not None]
    for error in failures:
        if not isinstance(error, OSError):  # not the disk's answer: nothing kept, the error goes on as it is
            for temporary, _path in staged:
                _remove_quietly(temporary)
            raise error
    first = failures[0] if failures else None
    return staged, first if isinstance(first, OSError) else None


def _remove_stale(folder: Path, listed: list[str], current: set[str], mark: str) -> list[Path]:
    """Remove this session's files of an earlier export that the new one did not write (still holding elicit's first line)."""
    removed = []
    for name in sorted(set(listed) - current):
        path = folder / name
        if path.is_symlink() or not path.is_file() or not _starts_with(path, mark):
            continue
        try:
            path.unlink()
        except OSError:
            continue  # left in place; the export itself succeeded
        removed.append(path)
    return removed


def _starts_with(path: Path, mark: str) -> bool:
    if not mark:
        return False
    try:
        with path.open("rb") as stream:
            first = stream.readline().rstrip(b"\r\n")
    except OSError:
        return False
    return first == mark.encode("utf-8")


def _check_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise ElicitError(f"{folder}: no such folder; create it first")


def _check_replaceable(path: Path) -> None:
    if is_session_file(real_path(path)):
        raise ElicitError(f"{path} is an elicit session; refusing to replace it with an export (choose another file name)")
    if is_read_only(path):
        raise ElicitError(f"{path} is read-only; refusing to replace it: make it writable (chmod u+w) or choose another file name")


def _remove_quietly(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
