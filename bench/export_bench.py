"""How fast a big session exports, against plain serialisation of the same data measured in the same run.

Builds a session with 10,000 stories and the answers to a 500-question bank,
then times the TOML and Markdown exports (and JSON, CSV, Gherkin for
reference). The baselines are ``tomli_w.dumps`` and ``json.dumps`` of the
spec's own data, built once beforehand: they show what the serialisers alone
cost, so the ratios say how much the exporter adds. Run from the repository:

    python bench/export_bench.py [--stories 10000] [--questions 500] [--runs 5]

Each figure is the best of ``--runs`` runs (the least disturbed by the rest
of the machine). The target is under a second for TOML and Markdown.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from elicit.core.session.engine import Interview  # noqa: E402
from elicit.core.session.models import PRIORITIES, STORY_STATUSES, Answer, Bank, BankRef, Question, Section, Session, Story  # noqa: E402
from elicit.core.spec.exporters import get_exporter  # noqa: E402
from elicit.core.spec.exporters.spec_data import format_time, spec_data  # noqa: E402

TARGET_SECONDS = 1.0
START = datetime(2026, 1, 31, 9, 30, tzinfo=timezone(timedelta(hours=1)))


def big_bank(questions: int) -> Bank:
    """A bank of ``questions`` questions in sections of 20, of every kind."""
    kinds = ("text", "choice", "multi", "yesno", "scale", "number")
    sections = []
    for s in range(0, questions, 20):
        section_id = f"big.s{s // 20:03d}"
        items = []
        for q in range(s, min(s + 20, questions)):
            kind = kinds[q % len(kinds)]
            options = ("Web", "Mobile", "Desktop") if kind in ("choice", "multi") else ()
            items.append(
                Question(
                    f"{section_id}.q{q:04d}",
                    f"Question {q}: what does the client need here, and why?",
                    kind,
                    options=options,
                    min=1 if kind == "scale" else None,
                    max=5 if kind == "scale" else None,
                    required=q % 7 == 0,
                )
            )
        sections.append(Section(section_id, f"Section {s // 20}", "Understand one area.", items))
    return Bank("big", "Big bank", "1.0", sections=sections, content_hash="sha256:bench")


def answer_for(question: Question, index: int) -> Answer:
    value: object
    if question.kind == "text":
        value = f"The client said a lot about item {index}.\nIncluding a second line with | pipes | and # marks."
    elif question.kind == "choice":
        value = "Mobile"
    elif question.kind == "multi":
        value = ["Web", "Mobile"]
    elif question.kind == "yesno":
        value = index % 2 == 0
    elif question.kind == "scale":
        value = 1 + index % 5
    else:
        value = index * 3
    status = ("answered", "answered", "answered", "skipped", "revisit")[index % 5]
    return Answer(value, f"note {index}" if index % 3 == 0 else "", status, START, START)


def big_session(stories: int, bank: Bank) -> Session:
    session = Session(
        title="Benchmark interview",
        client="ACME",
        interviewer="Bench",
        started_at=START,
        banks=[BankRef(bank.id, bank.version, bank.content_hash, "")],
    )
    session.answers = {question.id: answer_for(question, index) for index, question in enumerate(bank.questions)}
    for index in range(1, stories + 1):
        session.stories.append(
            Story(
                f"US-{index:05d}",
                "field technician",
                f"record job {index} while offline, with photos and a signature",
                "I can work where there is no signal",
                PRIORITIES[index % 4],
                [f"Given no signal, when I save job {index}, then it is queued", "It syncs within a minute"],
                f"We lose half a day when the signal drops (story {index}).",
                [bank.questions[index % len(bank.questions)].id],
                ["offline", "mobile"],
                STORY_STATUSES[index % 4],
                START,
                START,
            )
        )
    return session


def best_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=10_000)
    parser.add_argument("--questions", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    import tomli_w

    bank = big_bank(args.questions)
    session = big_session(args.stories, bank)
    interview = Interview(session, [bank])
    data = spec_data(session, interview)

    def render(name: str) -> Callable[[], object]:
        exporter = get_exporter(name)
        return lambda: exporter.render(session, interview)

    timings = {
        "baseline: tomli_w.dumps(spec data)": best_of(args.runs, lambda: tomli_w.dumps(data, multiline_strings=True)),
        "baseline: json.dumps(spec data)": best_of(args.runs, lambda: json.dumps(data, ensure_ascii=False, indent=2, default=format_time)),
        "spec data alone": best_of(args.runs, lambda: spec_data(session, interview)),
        "export toml": best_of(args.runs, render("toml")),
        "export md": best_of(args.runs, render("md")),
        "export json": best_of(args.runs, render("json")),
        "export csv": best_of(args.runs, render("csv")),
        "export gherkin": best_of(args.runs, render("gherkin")),
    }
    toml_base = timings["baseline: tomli_w.dumps(spec data)"]
    json_base = timings["baseline: json.dumps(spec data)"]
    sizes = {
        name: sum(len(text) for text in get_exporter(name).render(session, interview).values())
        for name in ("toml", "md", "json", "csv", "gherkin")
    }

    print(f"session: {args.stories} stories, {len(session.answers)} answers to a {args.questions}-question bank; best of {args.runs} runs")
    print(f"{'what':40} {'seconds':>8} {'x tomli_w':>10} {'x json':>8} {'output':>10}")
    for name, seconds in timings.items():
        fmt = name.removeprefix("export ")
        size = f"{sizes[fmt] / 1e6:.1f} MB" if fmt in sizes else ""
        print(f"{name:40} {seconds:8.3f} {seconds / toml_base:10.2f} {seconds / json_base:8.2f} {size:>10}")
    for name in ("export toml", "export md"):
        verdict = "ok" if timings[name] < TARGET_SECONDS else "OVER TARGET"
        print(f"{name}: {timings[name]:.3f} s against a target of {TARGET_SECONDS:.1f} s: {verdict}")


if __name__ == "__main__":
    main()
