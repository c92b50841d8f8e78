"""``elicit story add|list|set|delete``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from elicit.core.data import record_dict
from elicit.core.findings import ElicitError, did_you_mean
from elicit.core.session import SessionService, Story
from elicit.core.stories import UNPARSED_TAG
from elicit.core.vocabulary import PRIORITY_LABELS

from .output import console, one_line, print_json, print_table
from .parser import UsageError
from .session_commands import load_for_reading, open_for_change


def add_story(args: argparse.Namespace) -> int:
    """Add a story; print its id."""
    with open_for_change(args.path, "elicit story add") as service:
        sources = service.sources(args.source)
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
            by=args.by,
        )
    sys.stdout.write(story.id + "\n")
    return 0


STORY_JSON_KEYS = ("id", "role", "want", "so_that", "priority", "acceptance", "quote", "source", "tags", "status", "reason", "by")
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
    print_table(console(), table)
    return 0


_SET_OPTIONS = {
    "role": "role",
    "want": "want",
    "so_that": "so_that",
    "priority": "priority",
    "status": "status",
    "reason": "reason",
    "accept": "acceptance",
    "quote": "quote",
    "tag": "tags",
}
"""``story set`` option -> story field."""


def set_story(args: argparse.Namespace) -> int:
    """Change the fields given of one story; print it as it now reads."""
    values = {field: getattr(args, option) for option, field in _SET_OPTIONS.items() if getattr(args, option) is not None}
    if not values:
        raise UsageError("elicit story set", "give at least one field to change, such as --want or --priority")
    with open_for_change(args.path, "elicit story set") as service:
        story = _story(service, args.story)
        if values.get("reason") and values.get("status", story.status) != "rejected":
            raise UsageError("elicit story set", "--reason is the client's reason for rejecting the story: give it with --status rejected")
        if values.get("role", "").strip() and "tags" not in values and UNPARSED_TAG in story.tags:
            values["tags"] = [tag for tag in story.tags if tag != UNPARSED_TAG]  # written by hand now: no longer raw text
        service.update_story(story.id, **values)
        line = f"{story.id} ({PRIORITY_LABELS[story.priority]}, {story.status}): {story.sentence()}"
    sys.stdout.write(one_line(line))
    return 0


def delete_story(args: argparse.Namespace) -> int:
    """Delete one story."""
    with open_for_change(args.path, "elicit story delete") as service:
        story = _story(service, args.story)
        service.delete_story(story.id)
    sys.stdout.write(f"deleted {story.id}\n")
    return 0


def _story(service: SessionService, story_id: str) -> Story:
    story = service.session.story(story_id) or service.session.story(story_id.strip().upper())
    if story is None:
        hint = did_you_mean(story_id, [s.id for s in service.session.stories])
        known = f"; {hint}" if hint else "; list them with 'elicit story list PATH'"
        raise ElicitError(f"no story '{story_id}' in this session{known}")
    return story
