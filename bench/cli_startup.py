"""How fast the CLI starts, against ``python -c "import tomllib, rich"`` measured in the same run.

Run from the repository with the project installed:

    python bench/cli_startup.py [--runs 40]

Each command runs ``--runs`` times, interleaved with the baseline so that a
busy machine slows both alike; the report gives medians and the ratio of
each command to the baseline.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def commands(session: Path) -> dict[str, list[str]]:
    python = sys.executable
    elicit = str(Path(sys.executable).with_name("elicit"))
    return {
        "baseline: python -c 'import tomllib, rich'": [python, "-c", "import tomllib, rich"],
        "python -c pass": [python, "-c", "pass"],
        "python: the libraries the CLI stands on": [python, "-c", "import argparse, pathlib, dataclasses, json, hashlib, platformdirs"],
        "elicit --version": [elicit, "--version"],
        "elicit banks validate mini.toml (1 small bank)": [
            elicit,
            "banks",
            "validate",
            str(REPO / "tests" / "data" / "banks" / "mini.toml"),
        ],
        "elicit banks validate (7 built-in banks)": [elicit, "banks", "validate"],
        "elicit banks list --json": [elicit, "banks", "list", "--json"],
        "elicit answer (lock, load, save)": [elicit, "answer", str(session), "problem", "It is slow"],
        "elicit story list --json": [elicit, "story", "list", str(session), "--json"],
    }


# As a user runs it: byte code cached (some shells set PYTHONDONTWRITEBYTECODE).
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def time_once(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, cwd=REPO, env=ENV)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        session = Path(folder) / "bench.elicit.toml"
        bank = REPO / "tests" / "data" / "banks" / "mini.toml"
        subprocess.run(
            [sys.executable, "-m", "elicit", "new", str(session), "--bank", str(bank), "--no-input"], check=True, stdout=subprocess.DEVNULL
        )
        table = commands(session)
        samples: dict[str, list[float]] = {name: [] for name in table}
        for argv in table.values():
            time_once(argv)  # warm the file cache
        for _ in range(args.runs):
            for name, argv in table.items():
                samples[name].append(time_once(argv))
    baseline = statistics.median(samples[next(iter(table))])
    print(f"{'command':52} {'median ms':>10} {'ratio':>7}")
    for name, values in samples.items():
        median = statistics.median(values)
        print(f"{name:52} {median * 1000:10.1f} {median / baseline:7.2f}")
    print(f"\n{args.runs} runs each, interleaved; Python {sys.version.split()[0]} on {sys.platform}")


if __name__ == "__main__":
    main()
