"""Exporters of the draft spec, registered by format name.

Each format lives in its own module, imported only when asked for, so that
adding a format is one new file and one line in :data:`_REGISTRY`. An
exporter turns a session (walked through its banks) into text files; writing
them is :func:`write_export`'s job, shared by every front end.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol

from elicit.core.files.atomic import write_atomic
from elicit.core.findings import ElicitError
from elicit.core.session.file_format import SCHEMA_PREFIX

if TYPE_CHECKING:
    from elicit.core.session.engine import Interview
    from elicit.core.session.models import Session

_REGISTRY: dict[str, str] = {
    "toml": "toml_spec:EXPORTER",
    "md": "markdown_spec:EXPORTER",
    "json": "json_spec:EXPORTER",
    "csv": "tracker_csv:EXPORTER",
    "gherkin": "gherkin_features:EXPORTER",
    "reqif": "reqif_spec:EXPORTER",
    "sdoc": "strictdoc_spec:EXPORTER",
}

FORMATS: tuple[str, ...] = tuple(_REGISTRY)
"""Every format name, in the order front ends list them."""

_SESSION_MARK = f'schema = "{SCHEMA_PREFIX}'.encode()


class Exporter(Protocol):
    """One export format."""

    name: str
    """Format name used on the command line, such as ``md``."""
    title: str
    """What the format is, for people: ``Markdown spec``."""
    suffix: str
    """File suffix such as ``.md``; empty for a format that writes a folder."""
    multi_file: bool
    """True when the export is a folder of files (gherkin)."""
    generated_line: str
    """For a folder format, the first line of every file it writes: how a
    later export recognises its own files, to remove those whose story is
    gone. Empty for single-file formats."""

    def render(self, session: Session, interview: Interview) -> dict[str, str]:
        """Relative file name -> text. Single-file formats return exactly one entry."""
        ...


def get_exporter(name: str) -> Exporter:
    """The exporter for a format name; raise ElicitError listing the formats when unknown."""
    target = _REGISTRY.get(name.strip().lower())
    if target is None:
        raise ElicitError(f"unknown export format '{name}'; use one of: {', '.join(FORMATS)}")
    module_name, _, attribute = target.partition(":")
    module = importlib.import_module(f"{__name__}.{module_name}")
    exporter: Exporter = getattr(module, attribute)
    return exporter


def default_destination(session_path: Path, exporter: Exporter) -> Path:
    """Where an export goes by default: beside the session, named after it.

    ``interview.elicit.toml`` gives ``interview.spec.md`` for Markdown and
    ``interview-features/`` for Gherkin.
    """
    stem = session_path.name.removesuffix(".toml").removesuffix(".elicit") or "session"
    if exporter.multi_file:
        return session_path.with_name(f"{stem}-features")
    return session_path.with_name(f"{stem}.spec{exporter.suffix}")


class ExportResult(NamedTuple):
    """What an export wrote, and the files of an earlier export it removed."""

    written: list[Path]
    removed: list[Path]


def write_export(exporter: Exporter, files: dict[str, str], destination: Path) -> ExportResult:
    """Write rendered files atomically: one file, or a folder for multi-file formats.

    Re-exporting into a folder removes the files an earlier export wrote
    there (recognised by their first line) that this one did not write: the
    files of stories deleted since. Other files are left alone.

    Never replaces a session file. Raises ElicitError with what to do when the
    destination cannot be written; a file that was there stays whole.
    """
    if exporter.multi_file:
        written = _write_folder(files, destination)
        return ExportResult(written, _remove_stale(exporter, destination, set(files)))
    if len(files) != 1:
        raise ElicitError(f"the {exporter.title} export produced {len(files)} files where one was expected")
    (text,) = files.values()
    if destination.is_dir():
        raise ElicitError(f"{destination} is a folder; give the name of the file to write")
    _check_folder(destination.parent)
    _write_file(destination, text)
    return ExportResult([destination], [])


def _remove_stale(exporter: Exporter, folder: Path, current: set[str]) -> list[Path]:
    """Remove files of an earlier export of this format that the new one did not write."""
    mark = exporter.generated_line.encode("utf-8")
    if not mark:
        return []
    removed = []
    for path in sorted(folder.iterdir()):
        if path.name in current or not path.is_file() or path.is_symlink():
            continue
        try:
            with path.open("rb") as stream:
                first = stream.readline().rstrip(b"\r\n")
            if first == mark:
                path.unlink()
                removed.append(path)
        except OSError:
            continue  # left in place; the export itself succeeded
    return removed


def _write_folder(files: dict[str, str], folder: Path) -> list[Path]:
    if folder.exists() and not folder.is_dir():
        raise ElicitError(f"{folder} is a file; the export writes a folder of files, so give a folder name")
    _check_folder(folder.parent)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise ElicitError(f"{folder}: could not create the folder: {exc.strerror or exc}") from None
    written = []
    for name in sorted(files):
        if Path(name).name != name or name in ("", ".", ".."):
            raise ElicitError(f"refusing to write '{name}': an export file name must not contain a folder")
        path = folder / name
        _write_file(path, files[name])
        written.append(path)
    return written


def _check_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise ElicitError(f"{folder}: no such folder; create it first")


def _write_file(path: Path, text: str) -> None:
    if _is_session_file(path):
        raise ElicitError(f"{path} is an elicit session; refusing to replace it with an export (choose another file name)")
    try:
        write_atomic(path, text.encode("utf-8"), keep_backup=False)
    except OSError as exc:
        raise ElicitError(f"{path}: could not write the export: {exc.strerror or exc}; any earlier file there is intact") from None


def _is_session_file(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            head = stream.read(4096)
    except OSError:
        return False
    return _SESSION_MARK in head
