"""How `elicit lint` and `elicit summary` grow with the number of similar stories (issue 11 item 18).

The near-duplicate check used to compare every pair of stories (5.7 s at 1,000
similar stories, 93 s at 4,000). It now indexes stories by the skeletons of
their content words and compares only stories that could be near duplicates.
This prints, for 1,000, 4,000 and 10,000 similar stories:

- ``lint_stories`` in process, with how many word-by-word comparisons it made,
  against a linear baseline measured in the same run (reading every story's
  words once, ``story_words``);
- the whole ``elicit lint FILE`` and ``elicit summary SESSION`` processes on the
  same stories, against ``python -c "import tomllib, rich"``.

Run from the repository root::

    .venv/bin/python bench/lint_scale.py [--sizes 1000,4000,10000]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from elicit.core.session.file_format import dumps_session  # noqa: E402
from elicit.core.session.models import Session, Story  # noqa: E402
from elicit.core.stories import similar  # noqa: E402
from elicit.core.stories.lint import lint_stories  # noqa: E402

CLIENTS = ["Ackerman", "Baker", "Carter", "Dawson", "Ellis", "Fischer", "Garcia", "Hughes", "Ibsen", "Jensen"]
VERBS = ["view", "export", "print", "share", "archive", "download", "filter", "sort"]
THINGS = ["report", "invoice", "order", "booking", "ticket", "photo", "file", "page"]


def similar_stories(count: int) -> list[Story]:
    """Stories that share most of their words: the case that made the old check quadratic."""
    stories = []
    for n in range(count):
        want = f"to {VERBS[n % 8]} the {THINGS[(n // 8) % 8]} of client {CLIENTS[(n // 64) % 10]} for week {n}"
        stories.append(Story(f"US-{n + 1:05d}", "clerk", want, "I can answer the client's questions"))
    return stories


def best(runs: int, action) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def process_time(command: list[str], runs: int = 3) -> float:
    return best(runs, lambda: subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,4000,10000")
    args = parser.parse_args()
    python = sys.executable
    elicit = str(Path(python).with_name("elicit"))
    base = process_time([python, "-c", "import tomllib, rich"])
    print(f"baseline: python -c 'import tomllib, rich' {base * 1000:.0f} ms (best of 3)")
    print(f"{'stories':>8} {'lint_stories':>13} {'words only':>11} {'ratio':>6} {'comparisons':>12} {'elicit lint':>12} {'elicit summary':>15}")
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(part) for part in args.sizes.split(",")):
            stories = similar_stories(size)
            counter = similar.SimilarityIndex.match
            comparisons = [0]

            def counted(self, story, before=None, _original=counter, comparisons=comparisons):
                found = _original(self, story, before)
                comparisons[0] = max(comparisons[0], self.comparisons)
                return found

            similar.SimilarityIndex.match = counted  # type: ignore[method-assign]
            lint_time = best(3, lambda stories=stories: lint_stories(stories))
            similar.SimilarityIndex.match = counter  # type: ignore[method-assign]
            words_time = best(3, lambda stories=stories: [similar.story_words(story) for story in stories])
            text = Path(folder) / f"stories-{size}.txt"
            text.write_text("".join(f"{story.sentence()}\n" for story in stories), encoding="utf-8")
            session = Path(folder) / f"big-{size}.elicit.toml"
            session.write_text(
                dumps_session(Session(title="Scale", client="ACME", started_at=datetime(2026, 1, 1, tzinfo=UTC), stories=stories)),
                encoding="utf-8",
            )
            lint_process = process_time([elicit, "lint", str(text)])
            summary_process = process_time([elicit, "summary", str(session)])
            print(
                f"{size:>8} {lint_time * 1000:>10.0f} ms {words_time * 1000:>8.0f} ms {lint_time / words_time:>5.0f}x {comparisons[0]:>12} "
                f"{lint_process:>10.2f} s {summary_process:>13.2f} s"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
