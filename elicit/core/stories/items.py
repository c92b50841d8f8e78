"""Backlogs written as a lead-in and its items (round 10).

Some backlogs name the role and the connector once, in a line that asks for nothing by itself, and list the goals
below it (made-up example)::

    As a night clerk, I want:
    the totals printed at midnight, so that I can close the day
    to see who paid late, so that I can call them

The lead-in is no story (it asks for nothing); each item is a story whose role and connector are the lead-in's. The
lint reads an item as the lead-in's story with the item as its goal, so that its goal and benefit are split and judged
as any story's; the role stays off the item (it is not on the line: ``no-role`` says so and names the lead-in).
"""

from __future__ import annotations

import re

from elicit.core.stories.parse import ParsedStory, normalise, parse_story

_LEAD_IN_WANT = re.compile(
    r"(?:(?:not\s+)?to(?:\s+be\s+able\s+to)?(?:\s+do)?)?(?:\s*(?:the\s+following|these|this|that)(?:\s+(?:things|features|abilities|capabilities))?)?[\s.…;,-]*:\s*",
    re.IGNORECASE,
)
"""What a lead-in's goal holds: nothing but "to", "to be able to", "the following" ..., ending in a colon."""

_LEAD_IN_END = re.compile(r"\s*(?:the\s+following|these)?[\s.…;,-]*:\s*$", re.IGNORECASE)


def is_lead_in(parsed: ParsedStory | None) -> bool:
    """Whether a story opens a list of goals: a role and a connector, a goal that asks for nothing ("As a clerk, I want:",
    "As a clerk I need to be able to:", "As a clerk, I want the following:"), ending in a colon."""
    if parsed is None or not parsed.role or parsed.so_that or not parsed.text.rstrip().endswith(":"):
        return False
    return len(parsed.want) < 40 and _LEAD_IN_WANT.fullmatch(parsed.want + ("" if parsed.want.rstrip().endswith(":") else ":")) is not None


def item_story(lead_in: ParsedStory, text: str) -> ParsedStory | None:
    """``text`` read as one of the goals a lead-in asks for: the lead-in's story with ``text`` as its goal, or None
    when the two do not read as a story with a goal. A line that reads as a story of its own is no item."""
    line = normalise(text)
    if not line or parse_story(text) is not None:
        return None
    opening = _LEAD_IN_END.sub("", normalise(lead_in.text))
    story = parse_story(f"{opening} {line}")
    if story is None or not story.want or story.role != lead_in.role:
        return None
    return ParsedStory("", story.want, story.so_that, text, story.template)
