"""What the hand-labelled lint sets share: their codes, the tuning set's keys and the key a line is stored by."""

from __future__ import annotations

import hashlib
import tomllib

from tests.conftest import DATA, story_line

TUNING = DATA / "lint_labels.toml"

CODES = {
    "not-a-story",
    "no-role",
    "no-want",
    "no-benefit",
    "not-atomic",
    "not-minimal",
    "ambiguous",
    "solution",
    "duplicate",
    "near-duplicate",
    "non-uniform",
}
"""Every code a labelled entry may expect."""


def tuning_keys() -> set[tuple[str, int]]:
    """(backlog, line) of every story in the tuning set, lint_labels.toml."""
    return {(item["backlog"], item["line"]) for item in tomllib.loads(TUNING.read_text(encoding="utf-8"))["story"]}


def sha1_12(line: str) -> str:
    """The key the label files store for a line: sha1 of the story without its tag and surrounding spaces."""
    return hashlib.sha1(story_line(line).strip().encode("utf-8")).hexdigest()[:12]
