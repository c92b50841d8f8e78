"""Does the marshal cache of parsed banks (core/files/parse_cache.py) save a third of a command's time?

Run from the repository with the project installed:

    python bench/parse_cache_bench.py [--runs 30]

Every command runs twice per round, interleaved: with the cache (warm, as a
user's second run sees it) and with the cache switched off (every bank parsed
by tomllib), beside the baseline ``python -c "import tomllib, rich"``. Both
go through the same launcher, so the only difference is the cache. The report
gives medians, ratios to the baseline and the share of the time the cache saves.

The cache saved 7 to 25 % (never the third issue 12 asked for) and was removed
right after this measurement; to measure it again, check out commit 19de072.
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

LAUNCH = """
import sys
if sys.argv[1] == "off":
    from elicit.core.files import parse_cache
    parse_cache.load = lambda path, raw: None
    parse_cache.store = lambda path, raw, data: None
from elicit.cli import main
sys.exit(main(sys.argv[2:]))
"""


def time_once(argv: list[str], env: dict[str, str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, cwd=cwd, env=env)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    try:
        import elicit.core.files.parse_cache  # noqa: F401
    except ImportError:
        sys.exit("parse_cache_bench: this elicit has no parse cache (removed after this measurement); run it at commit 19de072")
    python = sys.executable
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        env = {name: value for name, value in os.environ.items() if name not in ("PYTHONDONTWRITEBYTECODE", "ELICIT_CACHE_DIR")}
        env["XDG_CACHE_HOME"] = str(work / "cache")
        session = work / "bench.elicit.toml"
        subprocess.run([python, "-m", "elicit", "new", str(session), "--bank", "discovery", "--no-input"], check=True, env=env,
                       stdout=subprocess.DEVNULL, cwd=work)
        fresh = work / "fresh.elicit.toml"
        commands = {
            "elicit banks validate (7 built-in banks)": ["banks", "validate"],
            "elicit banks list --json": ["banks", "list", "--json"],
            "elicit new --bank discovery --no-input": ["new", str(fresh), "--bank", "discovery", "--no-input"],
            "elicit answer (lock, load, save)": ["answer", str(session), "problem.in_their_words", "It is slow"],
            "elicit summary": ["summary", str(session)],
        }
        baseline_name = "baseline: python -c 'import tomllib, rich'"
        runs: dict[str, list[str]] = {baseline_name: [python, "-c", "import tomllib, rich"]}
        for name, argv in commands.items():
            runs[f"{name} [cache]"] = [python, "-c", LAUNCH, "on", *argv]
            runs[f"{name} [no cache]"] = [python, "-c", LAUNCH, "off", *argv]
        samples: dict[str, list[float]] = {name: [] for name in runs}
        for argv in runs.values():  # warm the OS file cache and the parse cache
            fresh.unlink(missing_ok=True)
            time_once(argv, env, work)
        for _ in range(args.runs):
            for name, argv in runs.items():
                fresh.unlink(missing_ok=True)
                samples[name].append(time_once(argv, env, work))
    medians = {name: statistics.median(values) for name, values in samples.items()}
    baseline = medians[baseline_name]
    print(f"{'command':58} {'median ms':>10} {'ratio':>7}")
    for name, median in medians.items():
        print(f"{name:58} {median * 1000:10.1f} {median / baseline:7.2f}")
    print(f"\n{'command':42} {'saved by the cache':>20}")
    for name in commands:
        on, off = medians[f"{name} [cache]"], medians[f"{name} [no cache]"]
        print(f"{name:42} {(off - on) / off * 100:18.1f} %")
    print(f"\n{args.runs} runs each, interleaved; Python {sys.version.split()[0]} on {sys.platform}")


if __name__ == "__main__":
    main()
