"""How statuses and priorities look on screen (one place, so every screen agrees)."""

from __future__ import annotations

from pathlib import Path

from elicit.core.session import duration_text
from elicit.core.text import clip
from elicit.core.vocabulary import PRIORITY_LABELS

STATUS_MARKS = {"answered": "✓", "skipped": "–", "revisit": "!", "open": "·"}
STATUS_STYLES = {"answered": "green", "skipped": "dim", "revisit": "bold yellow", "open": ""}
"""Rich styles for an answer's status mark."""
STATUS_WORDS = {"answered": "answered", "skipped": "skipped", "revisit": "to revisit", "open": "open"}
STORY_STATUS_MARKS = {"draft": "○", "confirmed": "✓", "changed": "~", "rejected": "✗"}
PRIORITY_COLOURS = {"must": "bold red", "should": "yellow", "could": "cyan", "wont": "dim"}
"""Rich styles for a story's priority in tables and lists."""
SUSPECT_MARK = "?"
"""Marks a suspect story: its source answer changed after the story was last changed or confirmed."""
STORY_STATUS_STYLES = {"confirmed": "$success", "changed": "$warning", "rejected": "$error"}
"""Content styles for a story's review status ($text-muted for a draft)."""


def status_mark(status: str) -> str:
    """The one-character mark of an answer status."""
    return STATUS_MARKS.get(status, "·")


def priority_label(priority: str) -> str:
    """Must, Should, Could or Won't."""
    return PRIORITY_LABELS.get(priority, priority)


def seconds_text(seconds: int) -> str:
    """``1:05:09`` or ``05:09``: the header's clock (core's one duration rule, padded)."""
    return duration_text(seconds, padded=True)


def shorten(text: str, limit: int) -> str:
    """One line of at most ``limit`` characters."""
    return clip(text, limit, one_line=True)


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it, ``~`` for home."""
    try:
        cwd = Path.cwd()
        if path.is_absolute() and path.is_relative_to(cwd):
            relative = path.relative_to(cwd)
            return str(relative) if str(relative) != "." else "."
        home = Path.home()
        if path.is_absolute() and path.is_relative_to(home):
            return "~/" + str(path.relative_to(home))
    except (OSError, RuntimeError, ValueError):
        pass
    return str(path)
