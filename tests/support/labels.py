"""What the hand-labelled lint sets share: their codes, the tuning set's keys and the key a line is stored by."""

from __future__ import annotations

import hashlib
import re
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


QUOTE_WORDS = 8
"""A note or reason may name a part of a story, never carry a run of this many of its words."""

ENTRY_KEYS = {"backlog", "line", "sha1", "split", "expected", "note", "reasons"}
"""The keys a blind set's entry may have (fresh and hold-out sets)."""


def check_entry(item: dict) -> None:
    """Assert a blind set's entry uses known codes, each once and each with a reason, and no other key."""
    assert set(item) <= ENTRY_KEYS, item
    assert set(item["expected"]) <= CODES, item
    assert len(item["expected"]) == len(set(item["expected"])), item
    reasons = item.get("reasons", {})
    assert set(reasons) == set(item["expected"]), item  # a reason for every label, and no other
    assert all(reason.strip() for reason in reasons.values()), item
    assert item.get("note", "x").strip(), item


def quotes_story(item: dict, line: str) -> bool:
    """Whether the entry's note or reasons carry a run of QUOTE_WORDS words of the story on ``line``."""
    story = _words(story_line(line))
    runs = {" ".join(story[start : start + QUOTE_WORDS]) for start in range(len(story) - QUOTE_WORDS + 1)}
    said = [" ".join(_words(text)) for text in [item.get("note", ""), *item.get("reasons", {}).values()]]
    return any(run in text for run in runs for text in said)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())
