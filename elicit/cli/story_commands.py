"""``elicit story add`` and ``elicit story list``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from elicit.core.data import record_dict
from elicit.core.session import Story
from elicit.core.vocabulary import PRIORITY_LABELS

from .output import console, print_json
from .session_commands import load_for_reading, open_for_change


def story_help(args: argparse.Namespace) -> int:
    """``elicit story`` alone: show its help."""
    args.story_parser.print_help()
    return 0


def add_story(args: argparse.Namespace) -> int:
    """Add a story; print its id."""
    with open_for_change(args.path, "elicit story add") as service:
        sources = [service.interview.resolve_id(source).id for source in args.source]
        story = service.add_story(
            args.role,
            args.want,
            so_that=args.so_that,
            priority=args.priority,
            acceptance=list(args.accept),
            quote=args.quote,
            source=sources,
            tags=list(args.tag),
            status=args.status,
        )
    sys.stdout.write(story.id + "\n")
    return 0


STORY_JSON_KEYS = ("id", "role", "want", "so_that", "priority", "acceptance", "quote", "source", "tags", "status")
"""The story keys scripts rely on, in order."""


def story_to_json(story: Story) -> dict[str, Any]:
    """The story keys scripts rely on."""
    return record_dict(story, STORY_JSON_KEYS)


def list_stories(args: argparse.Namespace) -> int:
    """List the stories, as a table or JSON."""
    session, _interview = load_for_reading(args.path)
    if args.json:
        print_json([story_to_json(story) for story in session.stories])
        return 0
    if not session.stories:
        sys.stdout.write("no stories yet; add one with 'elicit story add PATH --role ... --want ...'\n")
        return 0
    from rich.markup import escape
    from rich.table import Table

    table = Table(box=None, header_style="bold", pad_edge=False)
    table.add_column("id", no_wrap=True)
    table.add_column("priority", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("story", overflow="fold")
    table.add_column("AC", justify="right")
    for story in session.stories:
        table.add_row(escape(story.id), PRIORITY_LABELS[story.priority], story.status, escape(story.sentence()), str(len(story.acceptance)))
    console().print(table)
    return 0
