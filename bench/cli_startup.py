"""How fast the CLI starts, against ``python -c "import tomllib, rich"`` measured in the same run.

Run from the repository with the project installed:

    python bench/cli_startup.py [--runs 40]

Each command runs ``--runs`` times, interleaved with the baseline so that a
busy machine slows both alike; the report gives medians and the ratio of
each command to the baseline.

elicit keeps no cache of results or of parsed files, so every run does the
whole work; a bank given by name is edited before each run all the same, so
that the figure is what a bank author sees right after saving a change.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from generated_bank import write_bank

REPO = Path(__file__).resolve().parents[1]


class Command(NamedTuple):
    argv: list[str]
    prepare: Callable[[], None] | None = None  # run before each timed run, untimed


def commands(session: Path, scratch: Path) -> dict[str, Command]:
    python = sys.executable
    elicit = str(Path(sys.executable).with_name("elicit"))
    validate_all = [elicit, "banks", "validate"]
    authored = scratch / "my-bank.toml"
    mini = (REPO / "tests" / "data" / "banks" / "mini.toml").read_text(encoding="utf-8")
    edits = iter(range(1_000_000))

    def edit_bank() -> None:
        authored.write_text(f"{mini}\n# edit {next(edits)}\n", encoding="utf-8")

    edit_bank()
    big = write_bank(scratch, sections=50, per_section=20, bank_id="thousand")

    def edit_big_bank() -> None:
        with big.open("a", encoding="utf-8") as stream:
            stream.write(f"# edit {next(edits)}\n")

    return {
        "baseline: python -c 'import tomllib, rich'": Command([python, "-c", "import tomllib, rich"]),
        "python -c pass": Command([python, "-c", "pass"]),
        "python: import platformdirs": Command([python, "-c", "import platformdirs"]),
        "elicit --version": Command([elicit, "--version"]),
        "elicit banks validate (7 built-in banks)": Command(validate_all),
        "elicit banks validate FILE right after editing it": Command([*validate_all, str(authored)], edit_bank),
        "  the same, a 1,000-question bank": Command([*validate_all, str(big)], edit_big_bank),
        "elicit banks list --json": Command([elicit, "banks", "list", "--json"]),
        "elicit answer (lock, load, save)": Command([elicit, "answer", str(session), "problem", "It is slow"]),
        "elicit story list --json": Command([elicit, "story", "list", str(session), "--json"]),
    }


def time_once(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, cwd=REPO, env=env)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        # As a user runs it (byte code cached: some shells set PYTHONDONTWRITEBYTECODE), with user folders of its own.
        env = {name: value for name, value in os.environ.items() if not name.startswith("ELICIT_") and name != "PYTHONDONTWRITEBYTECODE"}
        for variable in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
            env[variable] = str(Path(folder) / variable.lower())
        session = Path(folder) / "bench.elicit.toml"
        bank = REPO / "tests" / "data" / "banks" / "mini.toml"
        subprocess.run(
            [sys.executable, "-m", "elicit", "new", str(session), "--bank", str(bank), "--no-input"],
            check=True,
            stdout=subprocess.DEVNULL,
            env=env,
        )
        table = commands(session, Path(folder))
        samples: dict[str, list[float]] = {name: [] for name in table}
        for command in table.values():
            time_once(command.argv, env)  # warm the operating system's file cache
        for _ in range(args.runs):
            for name, command in table.items():
                if command.prepare is not None:
                    command.prepare()
                samples[name].append(time_once(command.argv, env))
    baseline = statistics.median(samples[next(iter(table))])
    print(f"{'command':52} {'median ms':>10} {'ratio':>7}")
    for name, values in samples.items():
        median = statistics.median(values)
        print(f"{name:52} {median * 1000:10.1f} {median / baseline:7.2f}")
    print(f"\n{args.runs} runs each, interleaved; Python {sys.version.split()[0]} on {sys.platform}")


if __name__ == "__main__":
    main()
