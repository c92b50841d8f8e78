"""What a story editor checks as the consultant types: a whole story pasted into one field, template words left in a field."""

from __future__ import annotations

import re

from elicit.core.stories.parse import ParsedStory, parse_story

FIELD_NAMES = {"role": "As a", "want": "I want", "so_that": "so that"}
"""The story's text fields and the template words that introduce each."""

_ROLE_WORDS = re.compile(r"^\s*as\s+(?:an?|the)\b", re.IGNORECASE)
_WANT_WORDS = re.compile(r"\b(?:I|we)\s+(?:really\s+|also\s+|just\s+)?(?:want|would\s+like|need)\b", re.IGNORECASE)
_WANT_START = re.compile(r"^\s*(?:I|we)\s+(?:really\s+|also\s+|just\s+)?(?:want|would\s+like|need)\b", re.IGNORECASE)
_SO_THAT_WORDS = re.compile(r"(?:^|[\s,;.])so\s+that\b", re.IGNORECASE)


def split_pasted_story(text: str) -> ParsedStory | None:
    """The parts of a one-line story ("As a ..., I want ..., so that ...") pasted into any field; None for anything else.

    Only a whole story with a role and a goal counts: "to export the report"
    or "I want to export" typed into *I want* is left alone.
    """
    line = text.strip()
    if not line or "\n" in line:
        return None
    parsed = parse_story(line)
    if parsed is None or not parsed.role or not parsed.want:
        return None
    return parsed


def template_leftover(field: str, text: str) -> str | None:
    """A message when ``field`` (role, want or so_that) still holds template words ("As a", "I want", "so that"); else None."""
    if field not in FIELD_NAMES:
        raise ValueError(f"unknown story field {field!r}")
    if not text.strip():
        return None
    label = FIELD_NAMES[field]
    if split_pasted_story(text) is not None:
        return f"'{label}' holds a whole story; put each part in its own field (pasting the story splits it)"
    if field == "role":
        if _ROLE_WORDS.match(text):
            return "write only who it is ('customer'), without 'As a': the editor adds it"
        found = _WANT_WORDS.search(text) or _SO_THAT_WORDS.search(text)
        if found:
            return f"'As a' holds '{found.group().strip(' ,;.')}': put what they want in 'I want' and why in 'so that'"
        return None
    if field == "want":
        if _WANT_START.match(text):
            return "write only what they want ('to export the report'), without 'I want': the editor adds it"
        if _ROLE_WORDS.match(text):
            return "'I want' starts with 'As a': put who it is in 'As a'"
        if _SO_THAT_WORDS.search(text):
            return "'I want' holds 'so that': put why in the 'so that' field"
        return None
    if re.match(r"^\s*so\s+that\b", text, re.IGNORECASE):
        return "write only why ('I stop counting by hand'), without 'so that': the editor adds it"
    if _ROLE_WORDS.match(text):
        return "'so that' starts with 'As a': put who it is in 'As a'"
    return None
