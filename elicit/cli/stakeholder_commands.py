"""``elicit compare`` and ``elicit merge``: several interviews side by side, and into one session."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from elicit.core.findings import ElicitError
from elicit.core.text import plural
from elicit.core.stakeholders import (
    Source,
    compare,
    comparison_json,
    comparison_markdown,
    comparison_text,
    make_sources,
    merge,
    story_map_lines,
)

from .output import console, note_line, one_line, print_lines
from .parser import UsageError
from .session_commands import load_for_reading


def load_sources(paths: list[str], prog: str) -> list[Source]:
    """Each session read with its banks; two at least, each once."""
    if len(paths) < 2:
        raise UsageError(prog, f"give two or more sessions to {prog.split()[-1]} (only {paths[0]} was given)")
    items = []
    seen: dict[Path, str] = {}
    for text in paths:
        session, interview = load_for_reading(text)
        resolved = Path(text).expanduser().resolve()
        if resolved in seen:
            raise ElicitError(f"{text}: the same session is given twice (also as {seen[resolved]}); give each interview once")
        seen[resolved] = text
        items.append((text, session, interview.banks))
    return make_sources(items)


def compare_sessions(args: argparse.Namespace) -> int:
    """Print the comparison of two or more interviews."""
    comparison = compare(load_sources(args.paths, "elicit compare"))
    if args.format == "json":
        sys.stdout.write(comparison_json(comparison))
    elif args.format == "md":
        sys.stdout.write(comparison_markdown(comparison))
    else:
        print_lines(console(), comparison_text(comparison))
    return 0


def merge_sessions(args: argparse.Namespace) -> int:
    """Write one new session from several interviews; print what was merged and the story id map."""
    from elicit.core.banks import BankCatalog
    from elicit.core.session import Interview, SessionStore, banks_for_session, session_path

    sources = load_sources(args.paths, "elicit merge")
    target = session_path(args.output)
    _refuse_target(target, args.output, args.paths)
    merged = merge(sources)
    SessionStore.create(target, merged.session, "elicit merge").close()  # atomic, locked while written, never over a file
    session = merged.session
    banks, _notes = banks_for_session(session, BankCatalog.default(), target.parent)
    counted = Interview(session, banks).progress()  # the one counter: the figures the summary and the spec give
    sys.stdout.write(
        one_line(
            f"wrote {target}: {len(sources)} interviews, {plural(counted.answered, 'question')} answered, {counted.revisit} to revisit, "
            f"{plural(len(session.stories), 'story')} "
            f"({merged.merged_stories} told in several interviews, merged), "
            f"{plural(merged.conflicts, 'conflict')} left as open questions"
        )
    )
    sys.stdout.write("story ids (interview old -> new):\n")
    for line in story_map_lines(merged):
        sys.stdout.write(one_line("  " + line))
    for note in merged.left_out:
        note_line(note)
    return 0


def _refuse_target(target: Path, typed: str, inputs: list[str]) -> None:
    """Never an input, never a file that exists."""
    resolved = target.expanduser().resolve()
    for text in inputs:
        if Path(text).expanduser().resolve() == resolved or session_file(text) == resolved:
            raise ElicitError(f"{typed} is one of the interviews being merged; merge never changes an input: give another -o file")
    if target.exists():
        raise ElicitError(
            f"{target} already exists; merge writes a new session and never overwrites one: give another -o file or remove it first"
        )


def session_file(text: str) -> Path | None:
    from elicit.core.session import existing_session_path

    try:
        return existing_session_path(text).resolve()
    except ElicitError:
        return None
