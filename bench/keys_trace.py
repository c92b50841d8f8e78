"""Why a keystroke is slow: a trace of every key over a threshold (issue 18, keystroke row).

    .venv/bin/python bench/keys_trace.py [--keys 300] [--stories 5000] [--over 10] [--runs 1]

Types into the answer editor of a generated 5,000-story session with
autosave running, as ``bench/perf_table.py``'s keystroke row does (same
session, same pace), and records, with their times: every event-loop
callback that ran 2 ms or more (the message pump it belonged to and the
messages it handled), every garbage collection (generation, length), every
save on the worker thread (prepare on the UI thread, render, write), and
every frame Textual wrote. For each key slower than ``--over`` ms it
prints what overlapped it, so a slow key is explained by a callback
(layout, a timer), a collection, or the worker holding the GIL.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import statistics
import sys
import tempfile
import time
from asyncio import events as asyncio_events
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generated_bank import write_bank  # noqa: E402
from tui_bench import PACE, READ_FIRST, TYPED, write_session  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SLOW_CALLBACK = 0.002
cpus: list[float] = []
"""UI-thread CPU of each key (from sending it until the next key is due), the last run's."""

Span = tuple[float, float, str]  # start, end, what


def _install(spans: list[Span]) -> None:
    """Record slow event-loop callbacks, collections, message dispatches, layouts and frames into ``spans``."""
    original_run = asyncio_events.Handle._run

    def run(handle):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        cpu = time.thread_time()
        try:
            return original_run(handle)
        finally:
            ended = time.perf_counter()
            if ended - started >= SLOW_CALLBACK:
                spans.append((started, ended, f"callback {_describe(handle)} [{1000 * (time.thread_time() - cpu):.1f} ms CPU]"))

    asyncio_events.Handle._run = run  # type: ignore[method-assign]
    gc_started: list[float] = []

    def gc_callback(phase: str, info: dict) -> None:
        if phase == "start":
            gc_started.append(time.perf_counter())
        elif gc_started:
            spans.append((gc_started.pop(), time.perf_counter(), f"gc gen {info['generation']} collected {info['collected']}"))

    gc.callbacks.append(gc_callback)
    from textual.message_pump import MessagePump

    original_dispatch = MessagePump._dispatch_message

    async def dispatch(self, message):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        try:
            return await original_dispatch(self, message)
        finally:
            ended = time.perf_counter()
            if ended - started >= 0.001:
                spans.append((started, ended, f"message {type(message).__name__} -> {type(self).__name__}"))

    MessagePump._dispatch_message = dispatch  # type: ignore[method-assign]
    from textual._compositor import Compositor
    from textual.app import App
    from textual.screen import Screen

    def timed(owner: type, name: str, label: str) -> None:
        original = getattr(owner, name)

        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                spans.append((started, time.perf_counter(), label))

        setattr(owner, name, wrapper)

    timed(Compositor, "reflow", "compositor reflow (full layout)")
    timed(Compositor, "reflow_visible", "compositor reflow_visible")
    timed(Screen, "_refresh_layout", "screen _refresh_layout")
    timed(App, "_display", "app _display (frame)")


def _describe(handle: asyncio_events.Handle) -> str:
    callback = getattr(handle, "_callback", None)
    owner = getattr(callback, "__self__", None)
    if isinstance(owner, asyncio.Task):
        return f"task {owner.get_name()} {owner.get_coro().__qualname__ if owner.get_coro() else ''}"
    return getattr(callback, "__qualname__", repr(callback))[:80]


def _install_saver(spans: list[Span]) -> None:
    from elicit.core.session import fragments

    for name, label in (("prepare", "save prepare (UI thread)"), ("render", "save render (worker)")):
        original = getattr(fragments.SessionWriter, name)

        def wrapper(*args, _original=original, _label=label, **kwargs):  # type: ignore[no-untyped-def]
            started = time.perf_counter()
            cpu = time.thread_time()
            try:
                return _original(*args, **kwargs)
            finally:
                spans.append((started, time.perf_counter(), f"{_label}, {1000 * (time.thread_time() - cpu):.1f} ms CPU"))

        setattr(fragments.SessionWriter, name, wrapper)
    from elicit.core.session import storage

    original_save = storage.SessionStore.save

    def save(*args, **kwargs):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        cpu = time.thread_time()
        try:
            return original_save(*args, **kwargs)
        finally:
            spans.append((started, time.perf_counter(), f"store.save (worker), {1000 * (time.thread_time() - cpu):.1f} ms CPU"))

    storage.SessionStore.save = save  # type: ignore[method-assign]


async def _typed(session: Path, keys: int, spans: list[Span]) -> list[tuple[float, float, str]]:
    from textual import events

    from elicit.core.session.opening import open_session
    from elicit.tui.app import ElicitApp

    app = ElicitApp(open_session(session))
    marks: list[float] = []
    result: list[tuple[float, float, str]] = []
    cpus.clear()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(READ_FIRST)  # as the keystroke row: the consultant reads the question first
        screen = app.screen
        apply = screen._apply_answer

        def timed(question, value):  # type: ignore[no-untyped-def]
            apply(question, value)
            marks.append(time.perf_counter())

        screen._apply_answer = timed
        spans.clear()
        for index in range(keys):
            character = TYPED[index % len(TYPED)]
            before = len(marks)
            started = time.perf_counter()
            cpu = time.thread_time()
            app._driver.send_message(events.Key("space" if character == " " else character, character))
            while len(marks) == before:
                await asyncio.sleep(0)
            result.append((started, marks[-1], character))
            cpus.append((time.thread_time() - cpu) * 1000)
            await asyncio.sleep(PACE)
        await pilot.pause(1.0)
        await pilot.press("ctrl+q")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=300)
    parser.add_argument("--stories", type=int, default=5000)
    parser.add_argument("--over", type=float, default=10.0, help="explain keys slower than this many ms")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    spans: list[Span] = []
    with tempfile.TemporaryDirectory() as folder:
        os.environ["ELICIT_DATA_DIR"] = str(Path(folder) / "data")
        os.environ["ELICIT_CONFIG_DIR"] = str(Path(folder) / "config")
        bank = write_bank(Path(folder), 25, 20)
        pristine = write_session(Path(folder), bank, stories=args.stories, answered=200, name="keys")
        _install(spans)
        _install_saver(spans)
        print(f"load average {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
        for run in range(args.runs):
            session = Path(folder) / f"run{run}.elicit.toml"
            session.write_bytes(pristine.read_bytes())
            keys = asyncio.run(_typed(session, args.keys, spans))
            times = sorted((end - start) * 1000 for start, end, _ in keys)
            p95 = times[int(len(times) * 0.95) - 1]
            print(f"\nrun {run + 1}: median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, worst {times[-1]:.1f} ms")
            used = sorted(cpus)
            print(f"  UI-thread CPU per key: median {statistics.median(used):.1f} ms, p95 {used[int(len(used) * 0.95) - 1]:.1f} ms, worst {used[-1]:.1f} ms")
            origin = keys[0][0]
            for number, (start, end, character) in enumerate(keys):
                took = (end - start) * 1000
                if took < args.over:
                    continue
                print(f"  key {number + 1} {character!r} at {1000 * (start - origin):.0f} ms took {took:.1f} ms; overlapping:")
                for s, e, what in sorted(spans):
                    if e >= start - 0.002 and s <= end:
                        print(f"      {1000 * (s - start):+7.1f} .. {1000 * (e - start):+7.1f} ms  ({1000 * (e - s):5.1f} ms)  {what}")
            saves = [(s, e, w) for s, e, w in spans if w.startswith("store.save")]
            print(f"  saves while typing: {len(saves)}; " + ", ".join(w.split(", ")[1] for _, _, w in saves[:6]))
            spans.clear()


if __name__ == "__main__":
    main()
