"""Benchmarks of the Textual app on a big interview: start-up and keystrokes.

    .venv/bin/python bench/tui_bench.py [--runs 7] [--keys 300]

The data: a generated bank of 500 questions (25 sections, every kind, some
conditional) and a session with 1,000 stories and 200 answers.

Start-up: wall time from a fresh interpreter to the interview screen being
ready (answer input focused, screen idle), headless at 120x40, against a
bare Textual app that shows the same widgets with the same texts (a tree of
500 questions, the question, a text editor, notes, a list of stories, a
header and a footer). Each is run ``--runs`` times, alternating; the
medians and their ratio are reported.

Keystrokes: in one process, keys sent one by one at a fast typist's pace
into the answer editor of that session, with autosave running; each time is
from the key event to the new answer being recorded in the session (for the
bare app: to the TextArea's change event). Median, 95th percentile, worst.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generated_bank import write_bank

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = 25
PER_SECTION = 20
STORIES = 1000
ANSWERED = 200


def write_session(folder: Path, bank_path: Path, stories: int = STORIES, answered: int = ANSWERED, name: str = "big") -> Path:
    """A session on ``bank_path`` with ``stories`` stories and ``answered`` answers; the next text question is current."""
    sys.path.insert(0, str(ROOT))
    from elicit.core.banks.catalog import BankCatalog
    from elicit.core.session.models import Answer, BankRef, Session, Story
    from elicit.core.session.service import now
    from elicit.core.session.storage import SessionStore

    bank = BankCatalog.default().load(bank_path)
    stamp = now()
    session = Session(
        title="Big interview", client="ACME", started_at=stamp, banks=[BankRef(bank.id, bank.version, bank.content_hash, str(bank_path))]
    )
    text_questions = [q for q in bank.questions if q.kind == "text"]
    answered = min(answered, len(text_questions) - 1)
    for question in text_questions[:answered]:
        session.answers[question.id] = Answer(
            f"The client said a good deal about {question.key}. " * 3, answered_at=stamp, updated_at=stamp
        )
    for index in range(stories):
        session.stories.append(
            Story(
                f"US-{index + 1:05d}",
                "account manager",
                f"to see invoice {index} in the portal",
                "I can chase late payers",
                priority=("must", "should", "could", "wont")[index % 4],
                acceptance=["Given an invoice", "When I open it", "Then I see its total"],
                quote="we lose hours every week",
                source=[text_questions[index % len(text_questions)].id],
                created_at=stamp,
                updated_at=stamp,
            )
        )
    session.current = text_questions[answered].id
    path = folder / f"{name}.elicit.toml"
    SessionStore.create(path, session).close()
    return path


def current_prompt(session: Path) -> str:
    """The prompt of the session's current question (what the interview screen shows first)."""
    sys.path.insert(0, str(ROOT))
    from elicit.core.session.opening import open_session

    opened = open_session(session, command="bench")
    try:
        question = opened.interview.current
        return question.prompt if question is not None else ""
    finally:
        opened.store.close()


CHILD_ELICIT = """
import time; start = time.perf_counter()
import asyncio, sys
from pathlib import Path
sys.path.insert(0, {root!r})
from elicit.core.session.opening import open_session
from elicit.tui.app import ElicitApp

async def main():
    app = ElicitApp(open_session(Path({path!r})))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert type(app.focused).__name__ == "TextAnswer", app.focused
        print(time.perf_counter() - start)
        app.exit(0)
asyncio.run(main())
"""

CHILD_BARE = """
import time; start = time.perf_counter()
import asyncio, sys, tomllib
from pathlib import Path
from textual.app import App
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, OptionList, Static, TextArea, Tree

data = tomllib.loads(Path({bank!r}).read_text(encoding="utf-8"))
session = tomllib.loads(Path({path!r}).read_text(encoding="utf-8"))

class Bare(App):
    BINDINGS = [("ctrl+n", "bell", "Next")]

    def compose(self):
        yield Static("Big interview · ACME    00:00  200/500  saved")
        with Horizontal():
            tree = Tree("Interview")
            tree.show_root = False
            for section in data["sections"]:
                node = tree.root.add(section["title"])
                for question in section["questions"]:
                    node.add_leaf("· " + question["prompt"])
            tree.root.children[12].expand()
            yield tree
            with VerticalScroll():
                first = data["sections"][12]["questions"][10]
                yield Static(first["prompt"])
                yield Static(first["why"])
                yield Static("\\n".join(first["probes"]))
                yield TextArea("", id="answer")
                yield TextArea("")
                yield OptionList(*[s["want"] for s in session["stories"][:2]])
        yield Footer()

    def on_mount(self):
        self.query_one("#answer").focus()

async def main():
    app = Bare()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        print(time.perf_counter() - start)
        app.exit(0)
asyncio.run(main())
"""


def child_seconds(code: str) -> float:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "ELICIT_DATA_DIR": f"{home}/data", "ELICIT_CONFIG_DIR": f"{home}/config"}
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
        wall = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"benchmark child failed:\n{result.stderr[-2000:]}")
    return wall


def startup(bank: Path, session: Path, runs: int) -> tuple[float, float]:
    elicit_code = CHILD_ELICIT.format(root=str(ROOT), path=str(session))
    bare_code = CHILD_BARE.format(bank=str(bank), path=str(session))
    child_seconds(elicit_code)  # warm the file cache and .pyc files
    child_seconds(bare_code)
    ours, bare = [], []
    for _ in range(runs):
        ours.append(child_seconds(elicit_code))
        bare.append(child_seconds(bare_code))
    return statistics.median(ours), statistics.median(bare)


TYPED = "abcdefghij klmnopqrstuvwxyz"
CPU: dict[str, list[float]] = {}  # UI-thread CPU time per key, by app class
FRAME: dict[str, list[float]] = {}  # from each key to the frame that shows it, by app class
PACE = 0.03  # seconds between keys: a fast typist (about 400 characters a minute)
READ_FIRST = 0.5
"""Seconds from the screen being ready to the first key: the consultant reads the question first (the kill row waits as long)."""


async def _type(app, marks: list[float], keys: int) -> list[float]:
    """Send keys one by one at PACE; each time is from the key event to the change being handled.

    The frames written meanwhile are recorded too (``FRAME``: from each key to the end of the first frame that
    shows its character, what the typist sees), without changing the pace.
    """
    from textual import events
    from textual.app import App

    times = []
    cpu = []
    sent: list[tuple[float, int]] = []  # when each key was sent, and the text's length once it is in
    frames: list[tuple[float, int]] = []  # the end of each frame, and the length of the text it showed
    display = App._display

    def recorded(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        try:
            return display(self, *args, **kwargs)
        finally:
            frames.append((time.perf_counter(), len(getattr(self.focused, "text", ""))))

    App._display = recorded  # type: ignore[method-assign]
    try:
        for index in range(keys):
            character = TYPED[index % len(TYPED)]
            before = len(marks)
            sent.append((time.perf_counter(), len(getattr(app.focused, "text", "")) + 1))
            started = sent[-1][0]
            started_cpu = time.thread_time()
            app._driver.send_message(events.Key("space" if character == " " else character, character))
            while len(marks) == before:
                await asyncio.sleep(0)
            times.append(marks[-1] - started)
            cpu.append(time.thread_time() - started_cpu)
            await asyncio.sleep(PACE)
        await asyncio.sleep(0.1)  # the last key's frame
    finally:
        App._display = display  # type: ignore[method-assign]
    CPU[app.__class__.__name__] = cpu
    FRAME[app.__class__.__name__] = [
        next((at for at, length in frames if at > started and length >= expected), float("inf")) - started for started, expected in sent
    ]
    return times


async def keystrokes_elicit(session: Path, keys: int) -> list[float]:
    sys.path.insert(0, str(ROOT))
    from elicit.core.session.opening import open_session
    from elicit.tui.app import ElicitApp

    app = ElicitApp(open_session(session))
    marks: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(READ_FIRST)
        screen = app.screen
        assert type(app.focused).__name__ == "TextAnswer"
        apply = screen._apply_answer

        def timed(question, value):
            apply(question, value)
            marks.append(time.perf_counter())

        screen._apply_answer = timed
        times = await _type(app, marks, keys)
        await pilot.pause(1.0)
        saves = app.saver.saves if app.saver else 0
        recorded = len(app.opened.session.answers[screen.question.id].value)
        await pilot.press("ctrl+q")
    print(f"  (autosave wrote the session {saves} times while typing; {recorded} characters recorded)")
    return times


async def keystrokes_bare(keys: int) -> list[float]:
    from textual.app import App
    from textual.widgets import TextArea

    marks: list[float] = []

    class Bare(App):
        def compose(self):
            yield TextArea("")

        def on_text_area_changed(self, event):
            marks.append(time.perf_counter())

    app = Bare()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        times = await _type(app, marks, keys)
    return times


def describe(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"median {statistics.median(ordered) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, worst {ordered[-1] * 1000:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="start-up runs of each app")
    parser.add_argument("--keys", type=int, default=300, help="keystrokes to time")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["ELICIT_DATA_DIR"] = str(Path(folder) / "data")
        os.environ["ELICIT_CONFIG_DIR"] = str(Path(folder) / "config")
        bank = write_bank(Path(folder), SECTIONS, PER_SECTION)
        session = write_session(Path(folder), bank)
        print(f"session: {STORIES} stories, {ANSWERED} answers, {SECTIONS * PER_SECTION} questions ({session.stat().st_size // 1024} KiB)")
        ours, bare = startup(bank, session, args.runs)
        print(f"start-up to interview ready: elicit {ours * 1000:.0f} ms, bare Textual app {bare * 1000:.0f} ms, ratio {ours / bare:.2f}")
        typed = asyncio.run(keystrokes_elicit(session, args.keys))
        baseline = asyncio.run(keystrokes_bare(args.keys))
        print(f"keystroke in the answer editor: elicit {describe(typed)}")
        print(f"keystroke in a bare TextArea:   {describe(baseline)}")
        print(f"ratio of medians: {statistics.median(typed) / statistics.median(baseline):.2f}")
        ours_cpu, bare_cpu = CPU["ElicitApp"], CPU["Bare"]
        print(f"UI-thread CPU per keystroke: elicit {describe(ours_cpu)}; bare {describe(bare_cpu)}")
        print(f"key to the frame showing it: elicit {describe(FRAME['ElicitApp'])}; bare {describe(FRAME['Bare'])}")


if __name__ == "__main__":
    main()
