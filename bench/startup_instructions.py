"""Instructions until the first frame: the start-up rows of the performance table counted, not timed (issue 18).

    .venv/bin/python bench/startup_instructions.py [--ref COMMIT] [--only new big] [--keep DIR] [--first-run]

Wall-clock start-up ratios on a shared machine move by 10-20 % between runs
of the same commit (``bench/perf_table.py`` prints their spread); a count of
instructions does not (valgrind's callgrind, repeatable to about 0.5 %).
Each program runs as the table runs it (a private tmux server at 120x40,
byte code cached, the same session files and bare apps: ``perf_table.prepare``)
under ``valgrind --tool=callgrind``, and the process ends at the first frame
Textual writes to the terminal, so what is counted is start-up only (not
the save ``elicit open`` makes when it quits). Rows: ``new`` (a new session
on the discovery bank) and ``big`` (500 questions, 1,000 stories), each
against the minimal bare app with that row's prompt. ``--ref COMMIT`` counts
that commit's ``elicit/`` too (from ``git archive``, run by the same
interpreter), beside this tree's. ``--keep DIR`` copies each program's
callgrind file there (``callgrind_annotate DIR/callgrind-new-0.out`` shows
where the instructions went). ``--first-run`` counts elicit's launch with
the compiled methods of its dataclasses not yet kept (``code/`` removed from
its cache folder after the warm-up, as on the first run after installing; the
bank cache and the byte code stay warm).

Slow: about a minute per program under valgrind.
"""

from __future__ import annotations

import argparse
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from perf_table import prepare
from terminal import Terminal

ROOT = Path(__file__).resolve().parent.parent

UNTIL_FIRST_FRAME = '''
import os, sys
if sys.argv[1] == "elicit":  # as `elicit open` does before it loads the app
    import gc; gc.disable()
from textual.app import App
display = App._display
def first_frame(self, screen, renderable):
    display(self, screen, renderable)
    if renderable is not None and not self._batch_count:
        os._exit(0)  # callgrind writes its counts as the process ends: start-up only
App._display = first_frame
if sys.argv[1] == "elicit":
    import elicit.cli
    sys.argv = ["elicit", "open", sys.argv[2]]
    elicit.cli.main()
else:
    import runpy
    sys.argv = [sys.argv[2]]
    runpy.run_path(sys.argv[0], run_name="__main__")
'''


def count(terminal: Terminal, folder: Path, env: dict[str, str], argv: list[str], tag: str) -> int:
    """Run ``argv`` under callgrind in a tmux window until its first frame; the instructions it ran."""
    out = folder / f"callgrind-{tag}.out"
    done = folder / f"done-{tag}"
    command = " ".join(f"{name}={shlex.quote(value)}" for name, value in env.items())
    valgrind = f"valgrind --tool=callgrind --callgrind-out-file={out} --log-file={out}.log"
    line = (
        f"cd {shlex.quote(str(folder))} && env -u PYTHONDONTWRITEBYTECODE PYTHONHASHSEED=0 {command} "
        f"{valgrind} {shlex.join(argv)}; touch {done}"
    )
    terminal._tmux("new-window", "-d", "-t", "idle", line)
    while not done.exists():
        time.sleep(0.5)
    found = re.search(r"Collected : (\d+)", (folder / f"callgrind-{tag}.out.log").read_text())
    if found is None:
        raise SystemExit(f"{tag}: no count in {out}.log")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", help="also count this commit's elicit (git archive of ROOT's repository)")
    parser.add_argument("--only", nargs="*", choices=("new", "big"), default=["new", "big"])
    parser.add_argument("--keep", type=Path, help="copy the callgrind files into this folder")
    parser.add_argument("--first-run", action="store_true", help="count elicit without its kept compiled methods (code/)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        setup = prepare(folder)
        child = folder / "until_first_frame.py"
        child.write_text(UNTIL_FIRST_FRAME, encoding="utf-8")
        trees = {"this tree": str(ROOT)}
        if args.ref:
            tree = folder / "ref"
            tree.mkdir()
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.ref, "elicit", "question_banks"], capture_output=True, check=True)
            subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
            trees[args.ref] = str(tree)
        sessions = {"new": setup.new_session, "big": setup.big_session}
        terminal = Terminal(120, 40)
        results: dict[tuple[str, str], int] = {}
        try:
            for row in args.only:
                for number, (name, tree) in enumerate(trees.items()):
                    env = {**setup.env, "PYTHONPATH": tree, "ELICIT_CACHE_DIR": str(folder / f"cache-{number}")}
                    copy = folder / f"{row}-{number}.elicit.toml"
                    for turn in ("warm", "count"):  # the first run fills the bank cache and the byte code
                        copy.write_bytes(sessions[row].read_bytes())
                        argv = [sys.executable, str(child), "elicit", str(copy)]
                        if turn == "warm":
                            terminal.launch([sys.executable, "-m", "elicit", "open", str(copy)], setup.markers[row], cwd=folder, env=env, settle=0)
                        else:
                            if args.first_run:
                                shutil.rmtree(Path(env["ELICIT_CACHE_DIR"]) / "code", ignore_errors=True)
                            results[row, name] = count(terminal, folder, env, argv, f"{row}-{len(results)}")
                bare = setup.scripts[f"bare-{row}"]
                results[row, "bare"] = count(terminal, folder, setup.env, [sys.executable, str(child), "bare", str(bare)], f"bare-{row}")
        finally:
            terminal.close()
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                for out in folder.glob("callgrind-*.out"):
                    shutil.copy(out, args.keep / out.name)
    print("| row | program | instructions until the first frame | vs the bare app |")
    print("|---|---|---|---|")
    for row in args.only:
        bare = results[row, "bare"]
        for name in trees:
            value = results[row, name]
            print(f"| {row} | elicit ({name}) | {value / 1e6:,.1f} M | {value / bare:.3f}× |")
        print(f"| {row} | bare app | {bare / 1e6:,.1f} M | |")


if __name__ == "__main__":
    main()
