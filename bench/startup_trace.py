"""Where the start-up time goes: a trace of one launch, in a real terminal (issue 18).

    .venv/bin/python bench/startup_trace.py [--runs 5] [--bank PATH --stories N]

Launches ``elicit open`` on a new discovery session (or on a generated
session with ``--bank``/``--stories``) and the bare app of
``bench/perf_table.py`` in a private tmux server, alternating, each under a
tracer (``--child``) that wraps Textual's and elicit's start-up steps with
``perf_counter`` marks: imports, opening the session, CSS parsing, compose,
mount, every frame written to the terminal (and any drawn inside a batch
and thrown away, as a screen pushed during start-up was). Prints the median time of each
step, the widgets on the first screen and the CSS sources parsed. The
tracer costs a little; both programs pay it alike.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

T0 = time.perf_counter()
ROOT = Path(__file__).resolve().parent.parent


def _child(out: Path, argv: list[str]) -> None:
    """Run ``argv`` (``elicit ...`` or a script) with the tracer on; write what it saw to ``out``."""
    marks: list[tuple[str, float]] = []
    totals: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
    state: dict[str, object] = {"frames": 0}

    def now() -> float:
        return (time.perf_counter() - T0) * 1000

    def cpu_ms() -> float:
        return time.process_time() * 1000  # the whole process's, since it started

    def mark(name: str) -> None:
        marks.append((name, now()))

    def timed(owner: object, name: str, label: str, *, once: bool = False) -> None:
        original = getattr(owner, name)

        @functools.wraps(original)
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                took = (time.perf_counter() - started) * 1000
                totals[label][0] += 1
                totals[label][1] += took
                if once or totals[label][0] <= 3:
                    marks.append((f"{label} done ({took:.1f} ms)", now()))

        setattr(owner, name, wrapper)

    def timed_async(owner: object, name: str, label: str) -> None:
        original = getattr(owner, name)

        @functools.wraps(original)
        async def wrapper(*args, **kwargs):
            started = time.perf_counter()
            mark(f"{label} start")
            try:
                return await original(*args, **kwargs)
            finally:
                marks.append((f"{label} done ({(time.perf_counter() - started) * 1000:.1f} ms)", now()))

        setattr(owner, name, wrapper)

    def dump() -> None:
        out.write_text(json.dumps({"marks": marks, "totals": totals, **state}), encoding="utf-8")

    mark("tracer start")
    import gc

    gc_started: list[float] = []

    def gc_callback(phase: str, info: dict) -> None:
        if phase == "start":
            gc_started.append(time.perf_counter())
        elif gc_started:
            label = f"gc generation {info['generation']}"
            totals[label][0] += 1
            totals[label][1] += (time.perf_counter() - gc_started.pop()) * 1000

    gc.callbacks.append(gc_callback)
    original_enable = gc.enable

    def enable() -> None:
        mark("gc.enable")
        original_enable()

    gc.enable = enable
    profile_to = os.environ.get("STARTUP_PROFILE")
    profiler = None
    if profile_to:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    import textual.app  # noqa: F401  (the bare app's first import: timed on its own)

    mark("import textual.app")
    from textual import compose as compose_module
    from textual import widget
    from textual.app import App
    from textual.css.stylesheet import Stylesheet

    timed(Stylesheet, "parse", "css parse")
    timed(Stylesheet, "reparse", "css reparse")
    timed(Stylesheet, "update", "css update (whole DOM)")
    timed(Stylesheet, "update_nodes", "css update_nodes")
    timed(Stylesheet, "apply", "css apply (per node)")
    timed(Stylesheet, "read", "css read file")
    original_compose = compose_module.compose

    def compose(node):
        started = time.perf_counter()
        result = original_compose(node)
        took = (time.perf_counter() - started) * 1000
        label = f"compose {type(node).__name__}"
        totals[label][0] += 1
        totals[label][1] += took
        return result

    widget.compose = compose
    original_render_lines = widget.Widget.render_lines

    def render_lines(self, crop):
        started = time.perf_counter()
        try:
            return original_render_lines(self, crop)
        finally:
            label = f"render_lines {type(self).__name__}"
            totals[label][0] += 1
            totals[label][1] += (time.perf_counter() - started) * 1000

    widget.Widget.render_lines = render_lines
    from textual._compositor import Compositor
    from textual.screen import Screen

    timed(Compositor, "reflow", "compositor reflow")
    timed(Compositor, "render_update", "compositor render_update")
    timed(Screen, "_refresh_layout", "screen _refresh_layout")
    original_display = App._display

    def display(self, screen, renderable):
        original_display(self, screen, renderable)
        if renderable is not None and self._batch_count:  # drawn inside a batch: Textual throws it away
            mark(f"frame drawn and thrown away ({type(screen).__name__}, inside a batch)")
            dump()
        if renderable is None or self._batch_count:
            return
        frames = int(state["frames"]) + 1  # type: ignore[call-overload]
        state["frames"] = frames
        if frames <= 12:
            mark(f"frame {frames} written ({type(screen).__name__})")
            state.setdefault("cpu_ms", cpu_ms())
            if frames == 4:  # the first screen is settled: count what is on it
                state["widgets"] = len(list(screen.walk_children()))
                state["screen"] = type(screen).__name__
                state["css_sources"] = [str(location[0])[-60:] + ":" + location[1] for location in self.stylesheet.source]
                state["css_rules"] = len(self.stylesheet.rules)
                if profiler is not None:
                    profiler.disable()
                    profiler.dump_stats(f"{profile_to}.{os.getpid()}")
            dump()

    App._display = display
    if argv[0] == "elicit":
        import elicit.cli

        mark("import elicit.cli")
        import elicit.tui.app as elicit_app

        mark("import elicit.tui.app")
        from elicit.tui.screens import interview
        from elicit.tui.widgets.interview import navigator

        mark("import interview screen")
        timed(elicit_app, "open_session", "open_session", once=True)
        timed(navigator.Navigator, "_rebuild", "navigator rebuild")
        timed(navigator.Navigator, "point_at", "navigator point_at")
        timed_async(interview.InterviewScreen, "on_mount", "InterviewScreen.on_mount")
        timed_async(interview.InterviewScreen, "_show_question", "InterviewScreen._show_question")
        sys.argv = argv
        elicit.cli.main()
    else:
        sys.argv = argv
        import runpy

        runpy.run_path(argv[0], run_name="__main__")


def _launch_all(args: argparse.Namespace) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from perf_table import BARE, prepare
    from terminal import Terminal

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        setup = prepare(folder)
        if args.big:
            session, marker, bare = setup.big_session, setup.markers["big"], setup.scripts["bare-big"]
        else:
            session, marker, bare = setup.new_session, setup.markers["new"], setup.scripts["bare-new"]
        del BARE
        programs = {
            "elicit": ["elicit", "open", str(session)],
            "bare": [str(bare)],
        }
        variants = dict(variant.split("=", 1) for variant in args.variant)
        for variant in variants:
            programs[variant] = programs["elicit"]
        terminal = Terminal(120, 40)
        env = dict(setup.env)
        traces: dict[str, list[dict]] = {name: [] for name in programs}
        try:
            for run in range(args.runs + 1):
                for name, argv in programs.items():
                    out = folder / f"trace-{name}-{run}.json"
                    command = [sys.executable, __file__, "--child", str(out), *argv]
                    if args.profile:
                        env["STARTUP_PROFILE"] = f"{args.profile}.{name}"
                    env.pop("PYTHONPATH", None)
                    if name in variants:
                        env["PYTHONPATH"] = variants[name]
                    launch = terminal.launch(command, marker, cwd=folder, env=env, settle=0.4)
                    if run:  # the first run warms the caches
                        trace = json.loads(out.read_text(encoding="utf-8"))
                        trace["seconds"] = launch.seconds
                        traces[name].append(trace)
        finally:
            terminal.close()
    print(f"load average {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    for name, runs in traces.items():
        seconds = [trace["seconds"] * 1000 for trace in runs]
        print(f"\n== {name}: on screen in median {statistics.median(seconds):.0f} ms (runs {', '.join(f'{s:.0f}' for s in seconds)})")
        cpu = [trace.get("cpu_ms", 0) for trace in runs]
        print(f"   CPU time of the process until its first frame: median {statistics.median(cpu):.0f} ms (runs {', '.join(f'{c:.0f}' for c in cpu)})")
        first = runs[0]
        print(f"   widgets on the first screen ({first.get('screen')}): {first.get('widgets')}; "
              f"css sources {len(first.get('css_sources', []))}, rules {first.get('css_rules')}")  # fmt: skip
        steps: dict[str, list[float]] = defaultdict(list)
        for trace in runs:
            seen: dict[str, int] = defaultdict(int)
            for label, at in trace["marks"]:
                key = label.split(" (")[0]
                seen[key] += 1
                steps[f"{key} #{seen[key]}" if seen[key] > 1 else key].append(at)
        for label, ats in sorted(steps.items(), key=lambda item: statistics.median(item[1])):
            print(f"   {statistics.median(ats):7.1f} ms  {label}  (n={len(ats)})")
        totals: dict[str, list[float]] = defaultdict(list)
        for trace in runs:
            for label, (count, ms) in trace["totals"].items():
                totals[label].append(ms)
                totals[label + " #calls"].append(count)
        print("   totals (median over runs):")
        for label in sorted(k for k in totals if not k.endswith("#calls")):
            print(f"     {statistics.median(totals[label]):7.1f} ms  {label}  ({statistics.median(totals[label + ' #calls']):.0f} calls)")
        if args.verbose:
            print("   css sources:", *first.get("css_sources", []), sep="\n     ")


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        _child(Path(sys.argv[2]), sys.argv[3:])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--big", action="store_true", help="the 500-question bank and 1,000 stories")
    parser.add_argument("--verbose", action="store_true", help="list the CSS sources")
    parser.add_argument(
        "--variant", action="append", default=[], metavar="NAME=DIR", help="also trace elicit from the source folder DIR (a copy of main, say)"
    )
    parser.add_argument("--profile", type=Path, help="cProfile each launch until its first frame into PROFILE.<name>.<pid>")
    _launch_all(parser.parse_args())


if __name__ == "__main__":
    main()
