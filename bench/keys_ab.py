"""Keystrokes in the answer editor: this checkout against another commit, interleaved in one run (issue 18).

    .venv/bin/python bench/keys_ab.py [--ref main] [--rounds 5] [--keys 300] [--stories 5000] [--no-autosave-too]

Types into the answer editor of the keystroke row's session (5,000 stories,
200 answers, autosave running; ``bench/tui_bench.py``'s pace and text) in a
fresh process per run, alternating ``--ref``'s ``elicit`` (exported with
``git archive``, first on ``sys.path``) and this checkout's, ``--rounds``
times each; with autosave off as well unless ``--no-autosave-too``, so the
share of the saves (GIL, prepare) shows: off, its timer never starts a save
while typing, but the warm-up after the first frame still makes the text and
moves the session out of the collector's sight (``gc.freeze``), as on.

Per key it records, headless at 120x40:

- *answer*: from the key event to the new answer being recorded in the
  session (the perf table's keystroke row);
- *frame*: from the key event to the end of the first frame written after
  the editor holds the new character (what the consultant sees);
- *CPU*: UI-thread CPU from the key event to the next key (everything the
  key caused on that thread, its frame included, and any timer that ran).

Prints, for each variant, the median over runs of each run's median, p95 and
worst, and the load average before and after. CPU is steadier than wall
time on a shared machine.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

from generated_bank import write_bank  # noqa: E402
from lint_same_findings import export_ref  # noqa: E402
from tui_bench import write_session  # noqa: E402

CHILD = r"""
import asyncio, json, sys, time
sys.path.insert(0, {root!r})
sys.path.insert(1, {bench!r})
from pathlib import Path
from textual import events
from textual.app import App
import tui_bench
from tui_bench import PACE, READ_FIRST, TYPED
from elicit.core.session.opening import open_session
from elicit.tui import autosave
from elicit.tui.app import ElicitApp

import elicit
assert elicit.__file__.startswith({root!r}), elicit.__file__
if not {autosave!r}:
    autosave.AutoSaver._schedule = lambda self, delay, clock=False: None  # the warm-up (and its gc.freeze) still runs

state = {{"expected": None, "frame": None, "answer": None}}
original_display = App._display

def display(self, *args, **kwargs):
    try:
        return original_display(self, *args, **kwargs)
    finally:
        expected = state["expected"]
        if expected is not None and len(getattr(self.focused, "text", "")) >= expected:
            state["expected"] = None
            state["frame"] = time.perf_counter()
            state["seen"].set()

App._display = display

async def main():
    app = ElicitApp(open_session(Path({path!r})))
    answer, frame, cpu = [], [], []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(READ_FIRST)
        screen = app.screen
        editor = app.focused
        assert type(editor).__name__ == "TextAnswer", editor
        apply = screen._apply_answer

        def timed(question, value):
            apply(question, value)
            state["answer"] = time.perf_counter()
            state["recorded"].set()

        screen._apply_answer = timed
        for index in range({keys}):
            character = TYPED[index % len(TYPED)]
            state["recorded"], state["seen"] = asyncio.Event(), asyncio.Event()
            state["expected"] = len(editor.text) + 1
            started = time.perf_counter()
            started_cpu = time.thread_time()
            app._driver.send_message(events.Key("space" if character == " " else character, character))
            await state["recorded"].wait()
            answer.append(state["answer"] - started)
            await state["seen"].wait()
            frame.append(state["frame"] - started)
            await asyncio.sleep(PACE)
            cpu.append(time.thread_time() - started_cpu)
        await pilot.pause(0.5)
        saves = app.saver.saves if app.saver else 0
        await pilot.press("ctrl+q")
    print(json.dumps({{"answer": answer, "frame": frame, "cpu": cpu, "saves": saves}}))

asyncio.run(main())
"""


def _summary(values: list[float]) -> tuple[float, float, float]:
    ordered = sorted(values)
    return statistics.median(ordered) * 1000, ordered[int(len(ordered) * 0.95) - 1] * 1000, ordered[-1] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", default="main", help="the commit to compare with (default: main)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--keys", type=int, default=300)
    parser.add_argument("--stories", type=int, default=5000)
    parser.add_argument("--no-autosave-too", action="store_true", help="only with autosave running")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        env = {**os.environ, "ELICIT_DATA_DIR": str(folder / "data"), "ELICIT_CONFIG_DIR": str(folder / "config")}
        os.environ.update(ELICIT_DATA_DIR=env["ELICIT_DATA_DIR"], ELICIT_CONFIG_DIR=env["ELICIT_CONFIG_DIR"])
        roots = {args.ref: export_ref(args.ref, folder / "ref"), "this checkout": REPO}
        bank = write_bank(folder, 25, 20)
        pristine = write_session(folder, bank, stories=args.stories, answered=200, name="keys")
        variants = [(label, True) for label in roots] + ([] if args.no_autosave_too else [(label, False) for label in roots])
        results: dict[tuple[str, bool], list[dict[str, list[float]]]] = {variant: [] for variant in variants}
        print(f"load average before: {' '.join(f'{v:.2f}' for v in os.getloadavg())}", flush=True)
        for round_number in range(args.rounds):
            for label, saving in variants:
                session = folder / "typed.elicit.toml"
                shutil.copyfile(pristine, session)
                code = CHILD.format(root=str(roots[label]), bench=str(BENCH), path=str(session), keys=args.keys, autosave=saving)
                done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=folder)
                if done.returncode != 0:
                    sys.exit(f"{label} failed:\n{done.stderr[-3000:]}")
                results[(label, saving)].append(json.loads(done.stdout.strip().splitlines()[-1]))
            print(f"round {round_number + 1} done, load {os.getloadavg()[0]:.2f}", flush=True)
        print(f"load average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
        print(f"{args.keys} keys, {args.stories} stories; medians over {args.rounds} runs of each run's median / p95 / worst (ms)")
        for label, saving in variants:
            runs = results[(label, saving)]
            line = [f"{label:>14} autosave {'on ' if saving else 'off'}:"]
            for measure in ("answer", "frame", "cpu"):
                parts = [_summary(run[measure]) for run in runs]
                median, p95, worst = (statistics.median(part[i] for part in parts) for i in range(3))
                line.append(f"{measure} {median:.1f} / {p95:.1f} / {worst:.1f}")
            p95s = sorted(_summary(run["answer"])[1] for run in runs)
            line.append(f"(answer p95 per run {', '.join(f'{v:.1f}' for v in p95s)}; saves {statistics.median(run['saves'] for run in runs):.0f})")
            print("  ".join(line))


if __name__ == "__main__":
    main()
