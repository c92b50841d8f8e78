"""Exporters of the draft spec, registered by format name.

Each format lives in its own module, imported only when asked for, so that
adding a format is one new file and one line in :data:`_REGISTRY`. An
exporter turns a session (walked through its banks) into text files; writing
them is :func:`write_export`'s job, shared by every front end.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from elicit.core.findings import ElicitError
from elicit.core.spec.exporters.document import AUDIENCES
from elicit.core.spec.exporters.options import DEFAULT_OPTIONS, ExportOptions
from elicit.core.spec.exporters.writing import ExportResult, write_folder, write_single

if TYPE_CHECKING:
    from elicit.core.session.engine import Interview
    from elicit.core.session.models import Session

_REGISTRY: dict[str, str] = {
    "toml": "toml_spec:EXPORTER",
    "md": "markdown_spec:EXPORTER",
    "html": "html_spec:EXPORTER",
    "json": "json_spec:EXPORTER",
    "csv": "tracker_csv:EXPORTER",
    "gherkin": "gherkin_features:EXPORTER",
    "reqif": "reqif_spec:EXPORTER",
    "sdoc": "strictdoc_spec:EXPORTER",
    "trace": "trace:EXPORTER",
}

FORMATS: tuple[str, ...] = tuple(_REGISTRY)
"""Every format name, in the order front ends list them."""

_TRACKERS: dict[str, str] = {
    "generic": "tracker_csv:EXPORTER",
    "jira": "tracker_hierarchy:JIRA",
    "azure": "tracker_hierarchy:AZURE",
}
TRACKERS: tuple[str, ...] = tuple(_TRACKERS)
"""``--format csv --tracker NAME``: ``generic`` is the flat CSV, the others carry epics and stories."""

__all__ = [
    "AUDIENCES",
    "DEFAULT_OPTIONS",
    "FORMATS",
    "TRACKERS",
    "ExportOptions",
    "ExportResult",
    "Exporter",
    "default_destination",
    "get_exporter",
    "get_tracker_exporter",
    "is_people_format",
    "write_export",
]


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
    later export recognises its own files (with the folder's manifest), to
    remove those whose story is gone. Empty for single-file formats."""

    def render(self, session: Session, interview: Interview, options: ExportOptions = DEFAULT_OPTIONS) -> dict[str, str]:
        """Relative file name -> text. Single-file formats return exactly one entry.

        ``options`` carries the audience (read by people formats) and whether
        rejected stories go in (read by formats that leave them out).
        """
        ...


def is_people_format(exporter: Exporter) -> bool:
    """Whether a format is a document for people, which has an audience (Markdown, HTML)."""
    return bool(getattr(exporter, "people", False))


def get_exporter(name: str) -> Exporter:
    """The exporter for a format name; raise ElicitError listing the formats when unknown."""
    target = _REGISTRY.get(name.strip().lower())
    if target is None:
        raise ElicitError(f"unknown export format '{name}'; use one of: {', '.join(FORMATS)}")
    module_name, _, attribute = target.partition(":")
    module = importlib.import_module(f"{__name__}.{module_name}")
    exporter: Exporter = getattr(module, attribute)
    return exporter


def get_tracker_exporter(tracker: str) -> Exporter:
    """The CSV exporter for a tracker (``generic``, ``jira``, ``azure``); ElicitError listing them when unknown."""
    target = _TRACKERS.get(tracker.strip().lower())
    if target is None:
        raise ElicitError(f"unknown tracker '{tracker}'; use one of: {', '.join(TRACKERS)}")
    module_name, _, attribute = target.partition(":")
    module = importlib.import_module(f"{__name__}.{module_name}")
    exporter: Exporter = getattr(module, attribute)
    return exporter


def default_destination(session_path: Path, exporter: Exporter, audience: str = "client") -> Path:
    """Where an export goes by default: beside the session, named after it.

    ``interview.elicit.toml`` gives ``interview.spec.md`` for Markdown,
    ``interview.team-spec.md`` for the team's Markdown and
    ``interview-features/`` for Gherkin.
    """
    stem = session_path.name.removesuffix(".toml").removesuffix(".elicit") or "session"
    if exporter.multi_file:
        return session_path.with_name(f"{stem}-features")
    kind = "team-spec" if audience == "team" and is_people_format(exporter) else "spec"
    return session_path.with_name(f"{stem}.{kind}{exporter.suffix}")


def write_export(exporter: Exporter, files: dict[str, str], destination: Path, *, source: Path | None = None) -> ExportResult:
    """Write rendered files: one file, or a folder for multi-file formats.

    ``source`` is the session file exported: a folder export records in the
    folder which files this session wrote, so that re-exporting removes only
    this session's files of stories deleted since, never another session's.
    The folder is written all or nothing.

    Never replaces a session file or a read-only file; writes into a device,
    FIFO or ``/dev/stdout`` instead of replacing it; through a symbolic link,
    writes the file it points to. Raises ElicitError with what to do when the
    destination cannot be written; a file that was there stays whole.
    """
    if exporter.multi_file:
        return write_folder(exporter, files, destination, source)
    if len(files) != 1:
        raise ElicitError(f"the {exporter.title} export produced {len(files)} files where one was expected")
    (text,) = files.values()
    return write_single(destination, text)
