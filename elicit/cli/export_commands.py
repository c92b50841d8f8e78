"""``elicit export`` and ``elicit import``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from elicit.core.files import keep_code, load_code
from elicit.core.findings import ElicitError
from elicit.core.session import session_path
from elicit.core.spec import AUDIENCES, ExportOptions, get_exporter, get_tracker_exporter, is_people_format, write_export
from elicit.core.text import printable

from .output import note_line
from .parser import UsageError

STDOUT = "-"


def export(args: argparse.Namespace) -> int:
    """Export a session in one format, to stdout or to -o (a folder for gherkin).

    The methods ``dataclasses`` writes for the session, document and exporter classes come compiled from the cache
    folder (:mod:`elicit.core.files.code_cache`; 0.15 G of the 3.6 G instructions of a 10,000-story md export).
    """
    kept = load_code("export")
    try:
        return _export(args)
    finally:
        keep_code("export", kept)


def _export(args: argparse.Namespace) -> int:
    try:
        exporter = get_exporter(args.format)
    except ElicitError as error:
        raise UsageError("elicit export", str(error)) from None
    exporter = _tracker(args, exporter)
    if args.raw_cells:
        with_raw_cells = getattr(exporter, "with_raw_cells", None)
        if with_raw_cells is None:
            raise UsageError("elicit export", f"--raw-cells applies to CSV formats only, not to {exporter.name}")
        exporter = with_raw_cells()
    options = _options(args, exporter)
    to_stdout = args.output in (None, STDOUT, "/dev/stdout")
    if exporter.multi_file and to_stdout:
        what = "writes one file per story" if exporter.name == "gherkin" else "writes a folder of files"
        raise UsageError("elicit export", f"the {exporter.title} {what}: give a folder with -o OUT")
    _check_round(args, options)
    if args.record_round:
        return _export_and_record_round(args, exporter, options, to_stdout)
    from .session_commands import load_for_reading

    session, interview = load_for_reading(args.path)
    _write(args, exporter, exporter.render(session, interview, options), to_stdout)
    return 0


def _check_round(args: argparse.Namespace, options: ExportOptions) -> None:
    """--round records what the client is sent: not with the team's audience; --note only with --round."""
    if args.note is not None and not args.record_round:
        raise UsageError("elicit export", "--note is the note of a round: give --round too")
    if args.record_round and options.audience != "client":
        raise UsageError("elicit export", "--round records what the client is sent: export with --audience client (the default)")


def _export_and_record_round(args: argparse.Namespace, exporter: Any, options: ExportOptions, to_stdout: bool) -> int:
    """Export, then record the round (in the same lock, so the round is exactly what was exported)."""
    from .session_commands import open_for_change

    with open_for_change(args.path, "elicit export --round") as service:
        _write(args, exporter, exporter.render(service.session, service.interview, options), to_stdout)
        frozen = service.record_round(args.note or "")
    # On stdout the export is the output: the round number goes to stderr there.
    (sys.stderr if to_stdout else sys.stdout).write(f"round {frozen.number}\n")
    return 0


def _write(args: argparse.Namespace, exporter: Any, files: dict[str, str], to_stdout: bool) -> None:
    """Write the rendered files to stdout or to -o, and say what was written."""
    if to_stdout:
        (text,) = files.values()
        if sys.stdout.isatty():  # shown, not stored: no escape sequence from the session may act on the terminal
            text = printable(text)
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
        return
    source = session_path(args.path)
    destination = Path(args.output).expanduser()
    if _same_file(destination, source):
        raise ElicitError(f"{destination} is the session itself; give another file name with -o")
    result = write_export(exporter, files, destination, source=source)
    if exporter.multi_file:
        count = len(result.written)
        sys.stdout.write(f"wrote {count} file{'' if count == 1 else 's'} to {destination}\n")
        if result.removed:
            names = ", ".join(path.name for path in result.removed)
            sys.stdout.write(f"removed {len(result.removed)} file(s) of an earlier export whose story is gone: {names}\n")
    else:
        sys.stdout.write(f"wrote {destination}\n")


def _options(args: argparse.Namespace, exporter: Any) -> ExportOptions:
    """The export options from the command line; an option the format has no use for is a usage error."""
    audience = args.audience
    if audience is not None:
        if not is_people_format(exporter):
            raise UsageError("elicit export", f"--audience applies to md and html, not to {exporter.name}")
        audience = audience.strip().lower()
        if audience not in AUDIENCES:
            raise UsageError("elicit export", f"unknown audience '{args.audience}'; use one of: {', '.join(AUDIENCES)}")
    if args.include_rejected and not getattr(exporter, "drops_rejected", False):
        raise UsageError(
            "elicit export", f"--include-rejected applies to formats that leave rejected stories out (csv, gherkin, trace), not to {exporter.name}"
        )
    return ExportOptions(audience=audience or "client", include_rejected=args.include_rejected)


def _tracker(args: argparse.Namespace, exporter: Any) -> Any:
    """The CSV exporter for --tracker, with --work-item-type, --epic-type and --tracker-priority applied."""
    tailoring = {
        "--work-item-type": args.work_item_type,
        "--epic-type": args.epic_type,
        "--tracker-priority": args.tracker_priority or None,
    }
    given = [name for name, value in tailoring.items() if value is not None]
    if args.tracker is None and not given:
        return exporter
    if exporter.name != "csv":
        names = ", ".join((["--tracker"] if args.tracker else []) + given)
        raise UsageError("elicit export", f"{names} applies to --format csv only, not to {exporter.name}")
    try:
        exporter = get_tracker_exporter(args.tracker or "generic")
    except ElicitError as error:
        raise UsageError("elicit export", str(error)) from None
    with_settings = getattr(exporter, "with_settings", None)
    if with_settings is None:
        if given:
            raise UsageError("elicit export", f"{', '.join(given)} applies to --tracker jira or azure, not to the generic CSV")
        return exporter
    changes = _tracker_settings(args, exporter)
    return with_settings(**changes) if changes else exporter


def _tracker_settings(args: argparse.Namespace, exporter: Any) -> dict[str, Any]:
    """The tracker settings the options ask for (work item type, epic type, priority names)."""
    changes: dict[str, Any] = {}
    if args.work_item_type is not None:
        changes["work_item_type"] = _name(args.work_item_type, "--work-item-type")
    if args.epic_type is not None:
        changes["epic_type"] = _name(args.epic_type, "--epic-type")
    if args.tracker_priority:
        changes["priorities"] = _priorities(args.tracker_priority, exporter.tracker)
    return changes


def _name(value: str, option: str) -> str:
    if not value.strip():
        raise UsageError("elicit export", f"{option} needs a name, such as 'Product Backlog Item'")
    return value.strip()


def _priorities(items: list[str], tracker: str) -> dict[str, str]:
    """``must=Highest`` items as {MoSCoW key: the tracker's priority}."""
    from elicit.core.vocabulary import PRIORITIES

    mapping: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key, value = key.strip().lower().replace("'", ""), value.strip()
        if not sep or key not in PRIORITIES or not value:
            raise UsageError("elicit export", f"--tracker-priority '{item}': write MOSCOW=NAME with MOSCOW one of {', '.join(PRIORITIES)}, e.g. must=Highest")
        if tracker == "azure" and value not in ("1", "2", "3", "4"):
            raise UsageError("elicit export", f"--tracker-priority '{item}': Azure DevOps priorities are 1, 2, 3 or 4")
        mapping[key] = value
    return mapping


def import_spec(args: argparse.Namespace) -> int:
    """Make a new session file from a TOML spec; never overwrites."""
    from elicit.core.banks import BankCatalog
    from elicit.core.session import SessionStore, locate_ref
    from elicit.core.spec import session_from_spec

    spec = Path(args.spec).expanduser()
    target = session_path(args.output)
    if target.exists():
        raise ElicitError(f"{target} already exists; choose another name (elicit never overwrites a session)")
    session = session_from_spec(spec)
    store = SessionStore.create(target, session, command="elicit import")
    store.close()
    catalog = BankCatalog.default()
    for ref in session.banks:
        if locate_ref(ref, catalog, target.parent) is None:
            note_line(f"bank '{ref.id}' is not installed here; add it to ./question_banks or your config folder before opening the session")
    sys.stdout.write(f"created {target}: {len(session.answers)} answers, {len(session.stories)} stories from {spec}\n")
    return 0


def _same_file(first: Path, second: Path) -> bool:
    try:
        return first.resolve() == second.resolve()
    except OSError:
        return False
