"""Every row of the performance table (issue 18), each with its baseline measured in the same run.

    .venv/bin/python bench/perf_table.py [--runs 7] [--startup-runs 15] [--max-load 2] [--keys 300] [--readme README.md] [--only NAME ...]

Start-up rows run in a real terminal (a private tmux server, 120x40): the
time from launching the program until the first question's prompt is on
screen, for elicit and for the bare Textual apps it is compared with. The
runs are interleaved in rounds (each round launches every program once,
each elicit launch beside its baseline's, the order reversed every other
round so neither goes first every time), so that a busy machine slows both
alike. A row's ratio is the median of its per-round ratios (elicit's time
over its baseline's launched right beside it), printed with the middle
half and the whole range of those ratios, the number of rounds, the ratio
of the two medians (what this table gave before), and the machine's load
during the rows. ``--max-load`` waits (up to ``--wait`` seconds) for the
load average to fall that low before the start-up rows begin.

The keystroke row runs in one process, headless (``bench/tui_bench.py``):
keys sent one by one at a fast typist's pace into the answer editor of a
5,000-story session with autosave running.

The memory row is the peak resident set (``VmHWM``) of the app with a
10,000-story session on screen, against the bare app's.

The command-line rows come from ``bench/cli_rows.py`` (``rows(runs)``)
when it is there.

``--readme README.md`` rewrites the table between the
``<!-- perf-table:start -->`` and ``<!-- perf-table:end -->`` markers, and
nothing else.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generated_bank import write_bank
from terminal import Launch, Terminal
from tui_bench import CHILD_BARE, CPU, FRAME, current_prompt, describe, keystrokes_bare, keystrokes_elicit, write_session

ROOT = Path(__file__).resolve().parent.parent
START_MARK = "<!-- perf-table:start -->"
END_MARK = "<!-- perf-table:end -->"

BARE = '''
from textual.app import App
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Header, Static, TextArea, Tree

class Bare(App):
    """The bare app of issue 18: a header, a 100-leaf tree, a static, a text area and a footer."""

    BINDINGS = [("ctrl+n", "bell", "Next"), ("ctrl+b", "bell", "Back")]
    CSS = "Tree {{ width: 38; }}"  # as wide as elicit's navigator, so the prompt fits on one line as it does there

    def compose(self):
        yield Header()
        with Horizontal():
            tree = Tree("Interview")
            tree.show_root = False
            for section in range(10):
                node = tree.root.add(f"Section {{section}}", expand=section == 0)
                for leaf in range(10):
                    node.add_leaf(f"· Question {{leaf}} of section {{section}}")
            yield tree
            with Vertical():
                yield Static({prompt!r})
                yield TextArea("", id="answer")
        yield Footer()

    def on_mount(self):
        self.query_one("#answer").focus()

Bare().run()
'''

RICH_BARE = CHILD_BARE.split("async def main")[0] + "Bare().run()\n"
"""The richer bare app the README compared with before: the 500-question tree, the prompt, why, probes, two editors, a list."""


@dataclass
class Row:
    what: str
    measured: str
    baseline: str
    ratio: float | None
    goal: str
    met: bool | None
    noise: str = ""

    def cells(self) -> list[str]:
        ratio = f"{self.ratio:.2f}" if self.ratio is not None else ""
        met = {True: "yes", False: "**no**", None: ""}[self.met]
        return [self.what, self.measured, self.baseline, ratio, self.goal, met]


@dataclass
class Setup:
    """The files every row uses, made once in a scratch folder."""

    folder: Path
    env: dict[str, str]
    big_bank: Path
    discovery: Path
    new_session: Path
    big_session: Path
    huge_session: Path
    keys_session: Path
    scripts: dict[str, Path] = field(default_factory=dict)
    markers: dict[str, str] = field(default_factory=dict)


def prepare(folder: Path) -> Setup:
    env = {
        "ELICIT_DATA_DIR": str(folder / "data"),
        "ELICIT_CONFIG_DIR": str(folder / "config"),
        "ELICIT_CACHE_DIR": str(folder / "cache"),  # validated banks: filled by each launch's warm-up run, as a user's first open fills it
        "TERM": "tmux-256color",
    }
    os.environ.update({name: value for name, value in env.items() if name.startswith("ELICIT_")})
    big_bank = write_bank(folder, 25, 20)
    discovery = ROOT / "question_banks" / "discovery.toml"
    import subprocess

    new_session = folder / "new.elicit.toml"
    subprocess.run(
        [str(Path(sys.executable).with_name("elicit")), "new", str(new_session), "--bank", "discovery", "--no-input"],
        check=True, capture_output=True, env={**os.environ, **env},
    )  # fmt: skip
    setup = Setup(
        folder,
        env,
        big_bank,
        discovery,
        new_session,
        big_session=write_session(folder, big_bank, stories=1000, answered=200, name="big"),
        huge_session=write_session(folder, discovery, stories=10_000, answered=20, name="huge"),
        keys_session=write_session(folder, big_bank, stories=5000, answered=200, name="keys"),
    )
    setup.markers = {
        "new": current_prompt(new_session),
        "big": current_prompt(setup.big_session),
        "huge": current_prompt(setup.huge_session),
        "keys": current_prompt(setup.keys_session),
    }
    shutil.copyfile(setup.keys_session, folder / "pristine-keys.toml")
    setup.markers["rich"] = "to see invoice 1 in the portal"  # its last widget: the prompt wraps, the tree holds it too
    for name, code in {
        "bare-new": BARE.format(prompt=setup.markers["new"]),
        "bare-big": BARE.format(prompt=setup.markers["big"]),
        "bare-huge": BARE.format(prompt=setup.markers["huge"]),
        "rich": RICH_BARE.format(bank=str(big_bank), path=str(setup.big_session)),
    }.items():
        script = folder / f"app_{name.replace('-', '_')}.py"  # never a module name such as rich.py
        script.write_text(code, encoding="utf-8")
        setup.scripts[name] = script
    return setup


def _interleaved(
    terminal: Terminal, setup: Setup, runs: int, launches: dict[str, tuple[list[str], str]], loads: list[float] | None = None
) -> dict[str, list[Launch]]:
    """``runs`` rounds of every launch; each round in the order given, every other round in the reverse order.

    ``launches`` puts each elicit launch beside its baseline's, so either way the two run one after the other:
    the round's ratio compares launches made under the same load. ``loads`` gets the load average at each round.
    """
    samples: dict[str, list[Launch]] = {name: [] for name in launches}
    for argv, marker in launches.values():  # warm the file cache and the byte code
        terminal.launch(argv, marker, cwd=setup.folder, env=setup.env, settle=0)
    order = list(launches)
    for number in range(runs):
        if loads is not None:
            loads.append(os.getloadavg()[0])
        for name in order if number % 2 == 0 else reversed(order):
            argv, marker = launches[name]
            samples[name].append(terminal.launch(argv, marker, cwd=setup.folder, env=setup.env))
    return samples


def pair_ratios(measured: list[Launch], baseline: list[Launch]) -> list[float]:
    """Each round's ratio: elicit's launch over its baseline's, launched beside it in the same round."""
    return [ours.seconds / theirs.seconds for ours, theirs in zip(measured, baseline, strict=True)]


def describe_ratios(ratios: list[float], ratio_of_medians: float) -> str:
    """The per-round ratios as the table's noise line: median, middle half, range, rounds, and the older estimate."""
    ordered = sorted(ratios)
    quartiles = statistics.quantiles(ordered, n=4, method="inclusive") if len(ordered) > 1 else [ordered[0]] * 3
    return (
        f"ratio {statistics.median(ordered):.2f} (median of {len(ordered)} per-round ratios; middle half "
        f"{quartiles[0]:.2f}–{quartiles[2]:.2f}, all {ordered[0]:.2f}–{ordered[-1]:.2f}); ratio of the medians {ratio_of_medians:.2f}"
    )


def wait_for_quiet(max_load: float | None, wait: float) -> str:
    """Wait until the 1-minute load average is at most ``max_load`` (at most ``wait`` seconds); say what was found."""
    if max_load is None:
        return f"start-up rows began at {load()}"
    deadline = time.monotonic() + wait
    while os.getloadavg()[0] > max_load and time.monotonic() < deadline:
        time.sleep(5)
    state = "reached" if os.getloadavg()[0] <= max_load else f"not reached in {wait:.0f} s"
    return f"start-up rows began at {load()} (waited for {max_load:g}: {state})"


def _median_ms(samples: list[Launch]) -> float:
    return statistics.median(s.seconds for s in samples) * 1000


def _spread(samples: list[Launch]) -> str:
    times = sorted(s.seconds * 1000 for s in samples)
    return f"{times[0]:.0f}–{times[-1]:.0f} ms"


def startup_rows(setup: Setup, runs: int, max_load: float | None = None, wait: float = 0) -> list[Row]:
    elicit = str(Path(sys.executable).with_name("elicit"))
    python = sys.executable
    launches = {  # each elicit launch beside its baseline's (the richer bare app is the discovery row's second baseline)
        "rich": ([python, str(setup.scripts["rich"])], setup.markers["rich"]),
        "new": ([elicit, "open", str(setup.new_session)], setup.markers["new"]),
        "bare-new": ([python, str(setup.scripts["bare-new"])], setup.markers["new"]),
        "big": ([elicit, "open", str(setup.big_session)], setup.markers["big"]),
        "bare-big": ([python, str(setup.scripts["bare-big"])], setup.markers["big"]),
        "huge": ([elicit, "open", str(setup.huge_session)], setup.markers["huge"]),
        "bare-huge": ([python, str(setup.scripts["bare-huge"])], setup.markers["huge"]),
    }
    print(wait_for_quiet(max_load, wait), file=sys.stderr)
    loads: list[float] = []
    terminal = Terminal(120, 40)
    try:
        samples = _interleaved(terminal, setup, runs, launches, loads)
    finally:
        terminal.close()
    during = f"load average (1 min) {min(loads):.1f}–{max(loads):.1f} during these rows"
    med = {name: _median_ms(values) for name, values in samples.items()}
    rss = {name: statistics.median(s.peak_rss_kib for s in values) for name, values in samples.items()}

    def versus(name: str, base: str, what: str, goal: float, label: str) -> Row:
        ratios = pair_ratios(samples[name], samples[base])
        ratio = statistics.median(ratios)
        return Row(
            what,
            f"{med[name]:.0f} ms",
            f"{label}, {med[base]:.0f} ms",
            ratio,
            f"≤ {goal:.2f}×" if goal != 1.5 else "< 1.5×",
            ratio <= goal if goal != 1.5 else ratio < goal,
            f"{describe_ratios(ratios, med[name] / med[base])}; elicit {_spread(samples[name])}, baseline {_spread(samples[base])}; {during}",
        )

    bare = "bare Textual app (header, 100-leaf tree, static, text area, footer)"
    rows = [
        versus("new", "bare-new", "interview screen ready, new session on the discovery bank (tmux, launch until the first question shows)", 1.10, bare),
        versus("new", "rich", "  the same, against the richer bare app the README used before", 1.10, "bare app with a 500-leaf tree, prompt, why, probes, two editors, a list"),
        versus("big", "bare-big", "interview screen ready, 500-question bank + 1,000 stories", 1.25, bare),
        versus("huge", "bare-huge", "opening a 10,000-story session (discovery bank) until the first question shows", 1.5, bare),
    ]
    size_kib = setup.huge_session.stat().st_size / 1024
    allowed = 2 * rss["bare-huge"] + 20 * size_kib
    rows.append(
        Row(
            "peak memory (RSS) of the app with a 10,000-story session open",
            f"{rss['huge'] / 1024:.0f} MiB",
            f"bare app {rss['bare-huge'] / 1024:.0f} MiB; file {size_kib / 1024:.1f} MiB",
            rss["huge"] / rss["bare-huge"],
            f"< 2× bare + 20× file = {allowed / 1024:.0f} MiB",
            rss["huge"] < allowed,
        )
    )
    return rows


def keystroke_rows(setup: Setup, keys: int) -> list[Row]:
    typed = asyncio.run(keystrokes_elicit(setup.keys_session, keys))
    baseline = asyncio.run(keystrokes_bare(keys))
    cpu = (
        f"UI-thread CPU per key: elicit {describe(CPU['ElicitApp'])}; bare `TextArea` {describe(CPU['Bare'])}; "
        f"key to the frame showing it: elicit {describe(FRAME['ElicitApp'])}; bare `TextArea` {describe(FRAME['Bare'])}"
    )
    ordered = sorted(typed)
    p95 = ordered[int(len(ordered) * 0.95) - 1] * 1000
    worst = ordered[-1] * 1000
    return [
        Row(
            "keystroke in the answer editor, 5,000 stories, autosave running: p95 / worst",
            f"{p95:.1f} / {worst:.1f} ms (median {statistics.median(ordered) * 1000:.1f} ms)",
            f"bare `TextArea`: {describe(baseline)}",
            statistics.median(typed) / statistics.median(baseline),
            "p95 < 8 ms, worst < 16 ms",
            p95 < 8 and worst < 16,
            cpu,
        )
    ]


def kill_rows(setup: Setup, runs: int) -> list[Row]:
    """SIGKILL while typing fast into a 5,000-story session: how old is the oldest keystroke that is not on disk?"""
    sys.path.insert(0, str(ROOT))
    from elicit.core.session.file_format import read_session

    elicit = str(Path(sys.executable).with_name("elicit"))
    text = ("the client keeps every invoice in a spreadsheet and types it twice " * 4)[:240]
    question = read_session(setup.keys_session).current
    terminal = Terminal(120, 40)
    ages: list[float] = []
    rates: list[float] = []
    try:
        for run in range(max(1, runs // 2)):
            path = setup.folder / f"kill{run}.elicit.toml"
            shutil.copyfile(setup.folder / "pristine-keys.toml", path)  # the keystroke row has typed into keys_session
            sent = terminal.type_then_kill(
                [elicit, "open", str(path)], setup.markers["keys"], text, cwd=setup.folder, env=setup.env, pace=0.015
            )
            killed = sent.pop()
            answer = read_session(path).answers.get(question)
            kept = len(answer.value) if answer is not None and isinstance(answer.value, str) else 0
            if not text.startswith(answer.value if kept else ""):
                raise SystemExit(f"what is on disk is not what was typed: {answer.value!r}")
            ages.append(killed - sent[kept] if kept < len(text) else 0.0)  # the oldest key lost
            rates.append(len(text) / (sent[-1] - sent[0]))
    finally:
        terminal.close()
    worst = max(ages)
    return [
        Row(
            f"SIGKILL while typing ({statistics.median(rates):.0f} keys a second) into a 5,000-story session: age of the oldest key not on disk (issue 11 item 21)",
            f"worst {worst:.2f} s of {len(ages)} kills (each: {', '.join(f'{age:.2f}' for age in ages)} s)",
            "the README's promise: on disk within a second",
            None,
            "≤ 1.0 s",
            worst <= 1.0,
        )
    ]


def cli_rows(runs: int) -> list[Row]:
    """perfcli's rows (bench/cli_rows.py: measure, value, baseline, goal, met, noise), in this table's shape."""
    try:
        import cli_rows as module
    except ImportError:
        print("(bench/cli_rows.py is not there: no command-line rows)", file=sys.stderr)
        return []
    result = []
    for row in module.rows(runs):
        ratio = re.match(r"([0-9.]+)×", row.value)
        result.append(Row(row.measure, row.value, row.baseline, float(ratio.group(1)) if ratio else None, row.goal, row.met, row.noise))
    return result


def render(rows: list[Row]) -> str:
    head = ["what", "measured", "baseline in the same run", "ratio", "goal", "met"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row.cells()) + " |" for row in rows]
    return "\n".join(lines)


def rewrite_readme(path: Path, table: str) -> None:
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(START_MARK) + r".*?" + re.escape(END_MARK), re.DOTALL)
    if not pattern.search(text):
        raise SystemExit(f"{path}: no {START_MARK} ... {END_MARK} block to rewrite")
    path.write_text(pattern.sub(lambda _m: f"{START_MARK}\n{table}\n{END_MARK}", text, count=1), encoding="utf-8")


def load() -> str:
    return "load average " + " ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="launches of each program (interleaved) in the other rows")
    parser.add_argument("--startup-runs", type=int, default=15, help="rounds of the start-up rows (each launches every program once)")
    parser.add_argument("--max-load", type=float, help="wait for the 1-minute load average to fall this low before the start-up rows")
    parser.add_argument("--wait", type=float, default=600, help="wait at most this many seconds for --max-load")
    parser.add_argument("--keys", type=int, default=300, help="keystrokes to time")
    parser.add_argument("--readme", type=Path, help="rewrite the table in this README")
    parser.add_argument("--only", nargs="*", choices=("startup", "keys", "kill", "cli"), help="run only these groups of rows")
    args = parser.parse_args()
    groups = set(args.only or ("startup", "keys", "kill", "cli"))
    print(f"before: {load()}", file=sys.stderr)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as scratch:
        setup = prepare(Path(scratch))
        steps: list[tuple[str, Callable[[], list[Row]]]] = [
            ("startup", lambda: startup_rows(setup, args.startup_runs, args.max_load, args.wait)),
            ("keys", lambda: keystroke_rows(setup, args.keys)),
            ("kill", lambda: kill_rows(setup, args.runs)),
            ("cli", lambda: cli_rows(args.runs)),
        ]
        for name, step in steps:
            if name in groups:
                rows += step()
    print(f"after: {load()}", file=sys.stderr)
    table = render(rows)
    print(table)
    for row in rows:
        if row.noise:
            print(f"spread, {row.what.strip()}: {row.noise}")
    if args.readme is not None:
        rewrite_readme(args.readme, table)
        print(f"rewrote the table in {args.readme}", file=sys.stderr)


if __name__ == "__main__":
    main()
