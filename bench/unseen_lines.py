"""Print the lines of a backlog that are not in tests/data/lint_labels.toml, with line number and sha1.

Used to write tests/data/lint_labels_unseen.toml by hand (it does not import elicit).
T marks a line already in lint_labels.toml (shown only with --all).
Usage: python bench/unseen_lines.py g18-neurohub [--all]
"""

from __future__ import annotations

import hashlib
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# ../shared/data/user-stories from the main checkout, ../../shared/... from a worktree under /work/wt
STORIES = next((base / "shared" / "data" / "user-stories" for base in ROOT.parents if (base / "shared" / "data" / "user-stories").is_dir()), ROOT.parent / "shared" / "data" / "user-stories")


def strip_tag(line: str) -> str:
    """The story without its ``#G18#`` tag and surrounding spaces."""
    return re.sub(r"^#G\d+#\s*", "", line).strip()


def sha1_12(line: str) -> str:
    """First 12 hex digits of the sha1 of a line without its tag and surrounding spaces."""
    return hashlib.sha1(strip_tag(line).encode("utf-8")).hexdigest()[:12]


def main() -> None:
    backlog = sys.argv[1]
    show_all = "--all" in sys.argv
    labelled = tomllib.loads((ROOT / "tests/data/lint_labels.toml").read_text(encoding="utf-8"))
    seen = {s["line"] for s in labelled["story"] if s["backlog"] == backlog}
    lines = (STORIES / f"{backlog}.txt").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        mark = "T" if number in seen else " "
        if show_all or number not in seen:
            print(f"{number:3d} {mark} {sha1_12(line)} {strip_tag(line)}")


if __name__ == "__main__":
    main()
