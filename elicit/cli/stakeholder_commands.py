"""``elicit compare`` and ``elicit merge``: several interviews side by side, and into one session."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from elicit.core.findings import ElicitError
from elicit.core.stakeholders import Source, compare, comparison_json, comparison_markdown, comparison_text, make_sources

from .output import console
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
        console().print(comparison_text(comparison))
    return 0
