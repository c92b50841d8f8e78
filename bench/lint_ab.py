"""`elicit lint` of the 995 stories, whole process: this checkout against another commit, interleaved in one run.

    .venv/bin/python bench/lint_ab.py [--ref main [--ref COMMIT ...]] [--runs 21] [--session] [--json]

Runs ``python -c "import tomllib, rich"`` (the issue 18 baseline), ``--ref``'s
``elicit lint`` (exported with ``git archive``, first on ``PYTHONPATH``; each ``--ref``
when several are given) and this checkout's, one after the other, ``--runs`` times, so that the other work on a
shared machine slows all three alike; prints medians, quartiles and the load
average before and after. ``--session`` lints a 1,000-story session (the one of
bench/cli_rows.py) as well; ``--json`` adds ``--json`` to every lint.
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

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

from cli_rows import environment, write_session, write_story_file  # noqa: E402
from generated_bank import write_bank  # noqa: E402
from lint_same_findings import export_ref  # noqa: E402


def _time(argv: list[str], env: dict[str, str], cwd: Path) -> float:
    start = time.perf_counter()
    # not from the checkout: ``python -m`` puts the working folder before PYTHONPATH
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env, cwd=cwd)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", action="append", help="a commit to compare with; repeat for several (default: main)")
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--session", action="store_true", help="also lint a 1,000-story session")
    parser.add_argument("--json", action="store_true", help="lint with --json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        env = environment(folder)
        refs = {ref: export_ref(ref, folder / f"ref-{number}") for number, ref in enumerate(args.ref or ["main"])}
        python = sys.executable
        stories = write_story_file(folder)
        if stories is None:
            sys.exit("the 995 stories (../shared/data/user-stories) are not there")
        targets = {"995 stories": stories}
        if args.session:
            targets["1,000-story session"] = write_session(
                folder, write_bank(folder, sections=25, per_section=20, bank_id="big"), 1_000, "thousand"
            )
        extra = ["--json"] if args.json else []
        commands: dict[str, tuple[list[str], dict[str, str]]] = {"baseline": ([python, "-c", "import tomllib, rich"], env)}
        for label, target in targets.items():
            for who, source in [*refs.items(), ("this checkout", REPO)]:
                commands[f"{label}, {who}"] = ([python, "-m", "elicit", "lint", str(target), *extra], {**env, "PYTHONPATH": str(source)})
        for argv, run_env in commands.values():
            _time(argv, run_env, folder)  # byte code written, file cache warm
        before = os.getloadavg()
        samples: dict[str, list[float]] = {key: [] for key in commands}
        for _ in range(args.runs):
            for key, (argv, run_env) in commands.items():
                samples[key].append(_time(argv, run_env, folder))
        after = os.getloadavg()
    for key, values in samples.items():
        first, _, third = statistics.quantiles(values, n=4)
        print(
            f"{key:40} median {statistics.median(values) * 1000:6.0f} ms  quartiles {first * 1000:.0f}-{third * 1000:.0f}  best {min(values) * 1000:.0f}"
        )
    print(f"{args.runs} runs each, interleaved; load average before {before[0]:.2f}, after {after[0]:.2f}")


if __name__ == "__main__":
    main()
