"""What the hand-labelled lint sets share: their codes, the tuning set's keys and the key a line is stored by."""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import DATA, story_line

TUNING = DATA / "lint_labels.toml"
HOLDOUT_RULES = DATA / "lint_holdout" / "RULES.md"
"""The rule book every blind set copies below its own header."""

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


def fresh_anatomy() -> str:
    """The fresh set's anatomy rules as RULES.md writes them (its header, without the comment marks)."""
    fresh = (DATA / "lint_labels_fresh.toml").read_text(encoding="utf-8")
    anatomy = fresh[fresh.index("# Anatomy.") : fresh.index("# must-no-acceptance")]
    return "\n".join(line[2:] if line.startswith("# ") else line.lstrip("#") for line in anatomy.splitlines())


class BlindSet:
    """One blind label set: a label file per whole backlog, the backlogs' lines kept outside the repository."""

    def __init__(self, labels: Path, stories: Path, backlogs: dict[str, int], split: str, name: str, where: str):
        self.labels, self.stories, self.backlogs = labels, stories, backlogs
        self.split, self.name, self.where = split, name, where

    def files(self) -> list[Path]:
        return sorted(self.labels.glob("*.toml"))

    @staticmethod
    def entries(path: Path) -> list[dict]:
        return tomllib.loads(path.read_text(encoding="utf-8")).get("story", [])

    def lines(self, backlog: str) -> list[str]:
        """The backlog's lines; the test skips when they are not beside the checkout (CI)."""
        path = self.stories / f"{backlog}.txt"
        if not path.is_file():
            pytest.skip(f"{self.name} backlog {backlog} not found in {self.stories} ({self.where})")
        return path.read_text(encoding="utf-8").splitlines()

    def check_rules_are_the_hold_out_rules(self) -> None:
        """The set's RULES.md: its own header, then the hold-out rule book's body unchanged."""
        rules = (self.labels / "RULES.md").read_text(encoding="utf-8")
        holdout = HOLDOUT_RULES.read_text(encoding="utf-8")
        assert rules[rules.index("```text") :] == holdout[holdout.index("```text") :]
        assert fresh_anatomy() in rules

    def check_known_length(self, backlog: str) -> None:
        """The backlog beside the checkout still has the number of non-empty lines it was labelled with."""
        assert sum(1 for line in self.lines(backlog) if line.strip()) == self.backlogs[backlog]

    def check_whole_backlog_once(self, path: Path) -> None:
        assert path.stem in self.backlogs, f"{path.name}: not one of the {self.name} backlogs"
        items = self.entries(path)
        keys = Counter(item["line"] for item in items)
        assert [line for line, count in keys.items() if count > 1] == []
        assert {item["backlog"] for item in items} == {path.stem}
        assert {item["split"] for item in items} == {self.split}
        assert len(items) == self.backlogs[path.stem]

    @staticmethod
    def check_share_line(path: Path) -> None:
        header = path.read_text(encoding="utf-8").split("[[story]]", 1)[0]
        assert re.search(rf"^#\s+{re.escape(path.stem)}\s+\d+/\d+\s+=", header, re.MULTILINE), path.name

    def check_entries_match_lines(self, path: Path) -> None:
        lines = self.lines(path.stem)
        wanted = {number for number, line in enumerate(lines, start=1) if line.strip()}
        assert {item["line"] for item in self.entries(path)} == wanted
        for item in self.entries(path):
            assert sha1_12(lines[item["line"] - 1]) == item["sha1"], f"{path.stem}:{item['line']} changed since it was labelled"

    def check_no_quotes(self, path: Path) -> None:
        lines = self.lines(path.stem)
        for item in self.entries(path):
            assert not quotes_story(item, lines[item["line"] - 1]), f"{path.stem}:{item['line']} quotes the story"
