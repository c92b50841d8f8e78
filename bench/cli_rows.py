"""The command-line rows of the issue 18 table: whole processes, each against a baseline run in the same go.

    .venv/bin/python bench/cli_rows.py [--runs 15]

Rows (``rows()`` returns them for ``bench/perf_table.py``, which prints the
whole table and regenerates the README's):

- ``elicit export`` of a 10,000-story session, ``--format toml`` and ``--format md``
  (to a file), against ``python -c "import tomllib, rich"``; goal < 1.0 s each;
- ``elicit answer`` on a 1,000-story session (lock, load, save) against the same
  baseline; goal <= 3x;
- ``elicit lint`` of the 995 real stories of ../shared/data/user-stories in one
  text file; goal < 0.25 s;
- ``elicit --version`` and ``elicit banks validate`` (the start-up rows of
  ``bench/cli_startup.py``), against the same baseline.

Every command runs ``--runs`` times, interleaved with the baseline so that the
other work on a shared machine slows both alike; medians are reported with the
spread (the quartiles) as the noise. Processes run as a user runs them: byte
code cached, their own config and data folders.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(1, str(REPO))

from generated_bank import write_bank  # noqa: E402

STORIES_DATA = next((folder / "shared" for folder in REPO.parents if (folder / "shared").is_dir()), REPO.parent / "shared") / "data" / "user-stories"
"""The 995 stories: ../shared beside the checkout (a worktree sits one level deeper than main)."""
_TAG = re.compile(r"^#G\d+#\s*")
BASELINE = "python -c 'import tomllib, rich'"


class Row(NamedTuple):
    """One row of the README's performance table."""

    measure: str  # the table's "measure" column, as issue 18 words it
    value: str  # what was measured: "0.41 s" or "2.1×"
    baseline: str  # the baseline run in the same go: "python -c 'import tomllib, rich' 48 ms"
    goal: str  # as the issue says: "< 1.0 s", "≤ 3×"
    met: bool
    noise: str  # the spread: "median of 15 interleaved runs; quartiles 0.39–0.44 s"


class Command(NamedTuple):
    argv: list[str]
    prepare: Callable[[], None] | None = None  # run before each timed run, untimed


def write_session(folder: Path, bank: Path, stories: int, name: str) -> Path:
    """A session on the generated bank with ``stories`` stories and an answer to every fifth text question."""
    from elicit.core.banks import BankCatalog
    from elicit.core.session import Answer, BankRef, Session, SessionStore, Story

    loaded = BankCatalog.default().load(bank)
    stamp = datetime(2026, 1, 31, 9, 30, tzinfo=UTC)
    session = Session(
        title=f"Interview with {stories} stories",
        client="ACME",
        started_at=stamp,
        banks=[BankRef(loaded.id, loaded.version, loaded.content_hash, str(bank))],
    )
    questions = loaded.questions
    texts = [q for q in questions if q.kind == "text"]
    for index, question in enumerate(texts[::5]):
        session.answers[question.id] = Answer(
            f"The client said a good deal about {question.key}.\nA second line, with | pipes | and # marks ({index}).",
            notes="follow up" if index % 3 == 0 else "",
            answered_at=stamp,
            updated_at=stamp,
        )
    for index in range(1, stories + 1):
        session.stories.append(
            Story(
                f"US-{index:05d}",
                "field technician",
                f"to record job {index} while offline, with photos and a signature",
                "I can work where there is no signal",
                priority=("must", "should", "could", "wont")[index % 4],
                acceptance=[f"Given no signal, when I save job {index}, then it is queued", "It syncs within a minute"],
                quote=f"We lose half a day when the signal drops (story {index}).",
                source=[texts[index % len(texts)].id],
                tags=["offline", "mobile"],
                status=("draft", "confirmed", "changed", "rejected")[index % 4],
                created_at=stamp,
                updated_at=stamp,
            )
        )
    path = folder / f"{name}.elicit.toml"
    SessionStore.create(path, session).close()
    return path


def write_story_file(folder: Path) -> Path | None:
    """The 995 real stories in one text file, their backlog tags taken off; None when the data is absent."""
    if not STORIES_DATA.is_dir():
        return None
    lines = [_TAG.sub("", line) for file in sorted(STORIES_DATA.glob("*.txt")) for line in file.read_text(encoding="utf-8").splitlines()]
    path = folder / "user-stories.txt"
    path.write_text("\n".join(line for line in lines if line.strip()) + "\n", encoding="utf-8")
    return path


def environment(folder: Path) -> dict[str, str]:
    """As a user runs it: byte code cached, config and data folders of its own."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("ELICIT_") and name != "PYTHONDONTWRITEBYTECODE"}
    for variable in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        env[variable] = str(folder / variable.lower())
    return env


def commands(folder: Path) -> dict[str, Command]:
    python = sys.executable
    elicit = str(Path(sys.executable).with_name("elicit"))
    bank = write_bank(folder, sections=25, per_section=20, bank_id="big")
    big = write_session(folder, bank, 10_000, "ten-thousand")
    thousand = write_session(folder, bank, 1_000, "thousand")
    answers = iter(range(1_000_000))
    answer_argv = [elicit, "answer", str(thousand), "big.s0.q0", "It is slow"]

    def next_answer() -> None:
        answer_argv[-1] = f"It is slow ({next(answers)})"  # a real change every run: the save is never skipped

    table = {
        BASELINE: Command([python, "-c", "import tomllib, rich"]),
        "export toml": Command([elicit, "export", str(big), "--format", "toml", "-o", str(folder / "spec.toml")]),
        "export md": Command([elicit, "export", str(big), "--format", "md", "-o", str(folder / "spec.md")]),
        "answer": Command(answer_argv, next_answer),
        "--version": Command([elicit, "--version"]),
        "banks validate": Command([elicit, "banks", "validate"]),
    }
    stories = write_story_file(folder)
    if stories is not None:
        table["lint"] = Command([elicit, "lint", str(stories)])
    return table


def time_once(command: Command, env: dict[str, str]) -> float:
    if command.prepare is not None:
        command.prepare()
    start = time.perf_counter()
    subprocess.run(command.argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, cwd=REPO, env=env)
    return time.perf_counter() - start


def measure(runs: int, only: set[str] | None = None) -> dict[str, list[float]]:
    """Seconds per run of every command (and always the baseline), interleaved."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        env = environment(folder)
        table = {key: command for key, command in commands(folder).items() if only is None or key == BASELINE or key in only}
        for command in table.values():
            time_once(command, env)  # byte code written, the operating system's file cache warm
        samples: dict[str, list[float]] = {key: [] for key in table}
        for _ in range(runs):
            for key, command in table.items():
                samples[key].append(time_once(command, env))
    return samples


def _quartiles(values: list[float]) -> tuple[float, float]:
    if len(values) < 4:
        return min(values), max(values)
    first, _, third = statistics.quantiles(values, n=4)
    return first, third


def _seconds_row(measure_text: str, values: list[float], base: float, goal: float, goal_text: str) -> Row:
    median = statistics.median(values)
    low, high = _quartiles(values)
    return Row(
        measure_text,
        f"{median:.2f} s",
        f"{BASELINE} {base * 1000:.0f} ms",
        goal_text,
        median < goal,
        f"median of {len(values)} interleaved runs; quartiles {low:.2f}–{high:.2f} s",
    )


def _ratio_row(measure_text: str, values: list[float], base: float, goal: float | None, goal_text: str) -> Row:
    median = statistics.median(values)
    low, high = _quartiles(values)
    return Row(
        measure_text,
        f"{median / base:.2f}× ({median * 1000:.0f} ms)",
        f"{BASELINE} {base * 1000:.0f} ms",
        goal_text,
        goal is None or median / base <= goal,
        f"median of {len(values)} interleaved runs; quartiles {low * 1000:.0f}–{high * 1000:.0f} ms",
    )


def rows(runs: int = 15) -> list[Row]:
    """Measure and return the command-line rows of the issue 18 table."""
    samples = measure(runs)
    base = statistics.median(samples[BASELINE])
    result = [
        _seconds_row(
            "`elicit export` of 10,000 stories, whole process, toml", samples["export toml"], base, 1.0, "< 1.0 s; < 0.5 s is the aim"
        ),
        _seconds_row(
            "`elicit export` of 10,000 stories, whole process, md", samples["export md"], base, 1.0, "< 1.0 s; < 0.5 s is the aim"
        ),
        _ratio_row(
            '`elicit answer` on a 1,000-story session, whole process, vs `python -c "import tomllib, rich"`',
            samples["answer"],
            base,
            3.0,
            "≤ 3×",
        ),
    ]
    if "lint" in samples:
        result.append(
            _seconds_row(
                "`elicit lint` of the 995 stories of ../shared/data/user-stories in one text file, whole process",
                samples["lint"],
                base,
                0.25,
                "< 0.25 s",
            )
        )
    result.append(_ratio_row("`elicit --version`, whole process", samples["--version"], base, None, "(start-up, no goal)"))
    result.append(
        _ratio_row(
            "`elicit banks validate` (7 built-in banks), whole process", samples["banks validate"], base, None, "(start-up, no goal)"
        )
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--only", help="comma-separated commands to time alone with the baseline (export toml, answer, lint, ...): medians only")
    args = parser.parse_args()
    if args.only:
        samples = measure(args.runs, set(args.only.split(",")))
        for key, values in samples.items():
            low, high = _quartiles(values)
            print(f"{key:40} median {statistics.median(values) * 1000:7.1f} ms  quartiles {low * 1000:.0f}-{high * 1000:.0f}")
        return
    for row in rows(args.runs):
        verdict = "met" if row.met else "NOT MET"
        print(f"{row.measure}\n    {row.value}  goal {row.goal}: {verdict}\n    baseline {row.baseline}; {row.noise}")
    print(f"\n{args.runs} runs each, interleaved; Python {sys.version.split()[0]} on {sys.platform}")


if __name__ == "__main__":
    main()
