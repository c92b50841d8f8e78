"""Whether this checkout's ``elicit lint`` prints exactly what another commit's prints, on every backlog at hand.

    .venv/bin/python bench/lint_same_findings.py [--ref main] [--generated 12] [--keep DIR]

Speed work on the lint must not change one finding. This script runs
``elicit lint`` of this checkout and of ``--ref`` (a commit, exported with
``git archive`` into a temporary folder and put first on ``PYTHONPATH``) on the
same inputs, and compares stdout, stderr and the exit code byte for byte:

- the 995 real stories of ../shared/data/user-stories in one text file (the
  issue 18 row), and each of their fourteen backlogs;
- the hold-out backlogs (../holdout-user-stories/*.txt) and the GitHub set
  (../github-user-stories/*.txt) when they are there (never the blind sets);
- sessions: the 1,000-story session of bench/cli_rows.py, the real stories
  imported into a session, and tests/data/sample-interview.elicit.toml;
- backlogs made by hypothesis from the real stories' words, joints and
  punctuation, with hostile text mixed in (quotes, brackets, slashes, tabs,
  non-ASCII, long lines, lines that are no story), as text and as CSV:
  new ones every run (``--keep`` keeps them, and both outputs, to look at).

Each input is linted with ``--json``, as the default table at 80 and at 200
columns, and with ``--disable no-benefit,ambiguous --strict``. Exit code 1
when anything differs (the first differences are printed).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import warnings
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(1, str(REPO))

from cli_rows import STORIES_DATA, write_session, write_story_file  # noqa: E402
from generated_bank import write_bank  # noqa: E402

OTHER_SETS = (REPO.parent / "holdout-user-stories", REPO.parent / "github-user-stories")
VARIANTS: dict[str, tuple[list[str], str]] = {
    "json": (["--json"], "80"),
    "table80": ([], "80"),
    "table200": ([], "200"),
    "disabled": (["--disable", "no-benefit,ambiguous", "--strict"], "120"),
}


def real_inputs(folder: Path) -> list[Path]:
    """The real backlogs: all 995 stories in one file, then each backlog file as it is."""
    found: list[Path] = []
    combined = write_story_file(folder)
    if combined is not None:
        found.append(combined)
        found.extend(sorted(STORIES_DATA.glob("*.txt")))
    for other in OTHER_SETS:
        found.extend(sorted(other.glob("*.txt")))
    return found


def session_inputs(folder: Path, python: str, env: dict[str, str]) -> list[Path]:
    """A generated 1,000-story session, the real stories imported into a session, and the sample interview."""
    bank = write_bank(folder, sections=5, per_section=10, bank_id="same")
    found = [write_session(folder, bank, 1_000, "thousand")]
    combined = folder / "user-stories.txt"
    if combined.exists():
        real = folder / "real.elicit.toml"
        subprocess.run(
            [python, "-m", "elicit", "new", str(real), "--bank", str(bank), "--no-input"], check=True, env=env, capture_output=True
        )
        subprocess.run([python, "-m", "elicit", "import-stories", str(real), str(combined)], check=True, env=env, capture_output=True)
        found.append(real)
    found.append(REPO / "tests" / "data" / "sample-interview.elicit.toml")
    return found


def _vocabulary() -> tuple[list[str], list[str], list[str]]:
    """Roles, goals and benefits of the real stories (falling back to a few made-up ones)."""
    from elicit.core.stories import parse_story

    roles, wants, ends = ["user", "data manager", "Nurse"], ["to export the report and email it"], ["I can plan my day"]
    if STORIES_DATA.is_dir():
        for file in sorted(STORIES_DATA.glob("*.txt")):
            for line in file.read_text(encoding="utf-8").splitlines():
                parsed = parse_story(re.sub(r"^#G\d+#\s*", "", line))
                if parsed is not None:
                    roles.append(parsed.role)
                    wants.append(parsed.want)
                    if parsed.so_that:
                        ends.append(parsed.so_that)
    return roles, wants, ends


def generated_inputs(folder: Path, count: int) -> list[Path]:
    """``count`` backlogs drawn by hypothesis: real parts re-mixed, words shuffled, hostile text mixed in."""
    from hypothesis import strategies as st
    from hypothesis.errors import NonInteractiveExampleWarning

    roles, wants, ends = _vocabulary()
    words = sorted({word for want in wants for word in want.split()})
    glue = ["and", "or", ",", "/", "&", "but", "as well as", "and/or", "(", ")", '"', ":", ";", ".", "etc.", "e.g.", "TBD", "fast", "easy"]
    hostile = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=40)
    phrase = st.lists(st.sampled_from(words) | st.sampled_from(glue), min_size=1, max_size=30).map(" ".join)
    goal = st.sampled_from(wants) | phrase | st.tuples(st.sampled_from(wants), st.sampled_from(glue), st.sampled_from(wants)).map(" ".join)
    story = st.tuples(
        st.sampled_from(["As a", "As an", "As the", "As", "", "In order to get things done, as a", "1. As a", "- As a", "#G99# As a"]),
        st.sampled_from(roles) | hostile,
        st.sampled_from([", I want", " I want", ", I would like", ", I need", ", I can", " I am able to", ", I want to be able to", ","]),
        goal,
        st.sampled_from(["", ", so that", " so that", " in order to", ", so"]),
        st.sampled_from(ends) | hostile,
    ).map(lambda parts: f"{parts[0]} {parts[1]}{parts[2]} {parts[3]}{parts[4]} {parts[5] if parts[4] else ''}".strip())
    line = story | story | story | hostile | st.sampled_from(wants) | st.just("") | st.just("Epic: payments")
    backlog = st.lists(line, min_size=20, max_size=150)
    made: list[Path] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NonInteractiveExampleWarning)
        for number in range(count):
            lines = backlog.example()
            if not any(text.strip() for text in lines):
                lines.append("As a user, I want to log in")
            if number % 4 == 3:
                lines += random.Random(number).sample(lines, min(5, len(lines)))  # duplicates, exact and near
            path = folder / f"generated-{number:02d}.{'csv' if number % 5 == 4 else 'txt'}"
            if path.suffix == ".csv":
                buffer = io.StringIO()
                writer = csv.writer(buffer)
                writer.writerow(["Story", "Priority", "Acceptance criteria"])
                for index, text in enumerate(lines):
                    writer.writerow([text, ("must", "should", "could", "")[index % 4], "it works" if index % 3 else ""])
                path.write_text(buffer.getvalue(), encoding="utf-8")
            else:
                path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            made.append(path)
    return made


def export_ref(ref: str, folder: Path) -> Path:
    """The ``elicit`` package of commit ``ref``, unpacked into ``folder`` (returned: the folder to put on PYTHONPATH)."""
    archive = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", ref, "elicit"], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def run_lint(python: str, source: Path, target: Path, variant: str, env: dict[str, str]) -> tuple[int, str, str]:
    argv, columns = VARIANTS[variant]
    run_env = {**env, "PYTHONPATH": str(source), "COLUMNS": columns, "LINES": "40"}
    done = subprocess.run(
        [python, "-m", "elicit", "lint", str(target), *argv], capture_output=True, text=True, env=run_env, cwd=target.parent
    )
    return done.returncode, done.stdout, done.stderr


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", default="main", help="the commit to compare with (default: main)")
    parser.add_argument("--generated", type=int, default=12, help="how many hypothesis-made backlogs (default 12)")
    parser.add_argument("--keep", type=Path, help="keep the inputs and both outputs in this folder")
    parser.add_argument("--only-real", action="store_true", help="only the 995 stories in one file (a quick check)")
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory() as name:
        folder = Path(args.keep or name)
        folder.mkdir(parents=True, exist_ok=True)
        inputs_folder, ref_folder = folder / "inputs", folder / "ref"
        for made in (inputs_folder, ref_folder):
            shutil.rmtree(made, ignore_errors=True)
            made.mkdir()
        env = {key: value for key, value in os.environ.items() if not key.startswith("ELICIT_")}
        for variable in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
            env[variable] = str(folder / variable.lower())
        export_ref(args.ref, ref_folder)
        inputs = real_inputs(inputs_folder)
        if args.only_real:
            inputs = inputs[:1]
        else:
            inputs += session_inputs(inputs_folder, python, {**env, "PYTHONPATH": str(REPO)})
            inputs += generated_inputs(inputs_folder, args.generated)
        differ = compared = 0
        for target in inputs:
            for variant in VARIANTS:
                ours = run_lint(python, REPO, target, variant, env)
                theirs = run_lint(python, ref_folder, target, variant, env)
                compared += 1
                if args.keep:
                    for who, result in (("ours", ours), ("ref", theirs)):
                        (folder / f"{target.name}.{variant}.{who}.out").write_text(
                            f"exit {result[0]}\n{result[2]}\n---\n{result[1]}", encoding="utf-8"
                        )
                if ours != theirs:
                    differ += 1
                    if differ <= 5:
                        print(f"DIFFERENT: {target.name} {variant}: exit {ours[0]} vs {theirs[0]}")
                        print(_first_difference(theirs[1] + theirs[2], ours[1] + ours[2]))
        print(f"{compared} runs compared ({len(inputs)} inputs x {len(VARIANTS)} ways) against {args.ref}: {differ} differ")
        return 1 if differ else 0


def _first_difference(old: str, new: str) -> str:
    old_lines, new_lines = old.splitlines(), new.splitlines()
    for number, (a, b) in enumerate(zip(old_lines, new_lines, strict=False), start=1):
        if a != b:
            return f"  line {number}:\n  ref:  {a[:200]}\n  ours: {b[:200]}"
    return f"  lengths {len(old_lines)} vs {len(new_lines)} lines"


if __name__ == "__main__":
    sys.exit(main())
