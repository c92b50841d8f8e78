"""Parse and lint the 995 real user stories; measure each check on the label sets.

Run from the repository root::

    .venv/bin/python bench/lint_real_backlogs.py            # tuning and promoted sets, speed
    .venv/bin/python bench/lint_real_backlogs.py --fresh    # and the fresh set (tuning data since 2026-12-01)
    .venv/bin/python bench/lint_real_backlogs.py --holdout  # only the hold-out set: a reading, record it
    .venv/bin/python bench/lint_real_backlogs.py --holdout --holdout-dir DIR [--per-backlog]
    .venv/bin/python bench/lint_real_backlogs.py --github [--github-dir DIR]  # the GitHub set, per backlog too
    .venv/bin/python bench/lint_real_backlogs.py --github2 [--github2-dir DIR]  # the second GitHub set (tuning since round 6)
    .venv/bin/python bench/lint_real_backlogs.py --github3 [--github3-dir DIR]  # the third GitHub set (tuning since round 7)
    .venv/bin/python bench/lint_real_backlogs.py --github4 [--github4-dir DIR]  # the fourth GitHub set (tuning since round 8)
    .venv/bin/python bench/lint_real_backlogs.py --github5 [--github5-dir DIR]  # the fifth GitHub set (tuning since round 9)
    .venv/bin/python bench/lint_real_backlogs.py --github6 [--github6-dir DIR]  # the sixth GitHub set (blind: a reading)
    .venv/bin/python bench/lint_real_backlogs.py --github7 [--github7-dir DIR]  # the seventh GitHub set (blind: a reading)

The stories are read from ../shared/data/user-stories/ (fourteen public
backlogs, one story a line). Each backlog is linted as its own set, so set
checks (duplicates, uniformity, missing benefit) compare a story with its own
backlog. Precision and recall come from three label sets, reported apart:

- tuning: tests/data/lint_labels.toml (sample, extra and blind splits, with text);
- promoted: tests/data/lint_labels_unseen.toml (five whole backlogs, labelled
  blind; promoted to tuning data on 2026-12-01 after four aggregate readings,
  so its figures are tuning figures now);
- fresh: tests/data/lint_labels_fresh.toml (nine whole backlogs, labelled blind
  and frozen at 4cce859; promoted to tuning data on 2026-12-01 after one
  reading). Printed with ``--fresh``.

``--holdout`` measures only the hold-out set: tests/data/lint_holdout/<backlog>.toml
(the eight backlogs of the same public data set that ../shared lacks, labelled
blind), with the stories read from ../holdout-user-stories/ or ``--holdout-dir
DIR`` (never copied into the repository). It prints which backlogs are labelled
and which are missing, and aggregate TP/FP/FN, precision and recall per check
(per backlog only with ``--per-backlog``). Every run is a reading of the
hold-out set: docs/quality.md records each one.

``--github`` measures the GitHub set the same way (one reader, parameterised): labels in
tests/data/lint_github/<backlog>.toml, stories in ../github-user-stories/<backlog>.txt or ``--github-dir
DIR`` (real backlogs of public GitHub projects, outside the repository; the folder's README.md says where
each comes from). It prints aggregate and per-backlog TP/FP/FN, precision and recall per check, and which
backlogs are labelled and which have stories but no label file yet. It was a blind set until its one
reading (2026-12-01, 808a364), then promoted to tuning data: docs/quality.md records it.

``--github2`` measures the second GitHub set through the same reader: labels in tests/data/lint_github2/<backlog>.toml,
stories in ../github2-user-stories/<backlog>.txt or ``--github2-dir DIR`` (real backlogs of other public GitHub
projects, labelled blind; promoted to tuning data on 2026-12-02 after one reading at 08a8984).

``--github3`` measures the third GitHub set the same way: labels in tests/data/lint_github3/<backlog>.toml, stories in
../github3-user-stories/<backlog>.txt or ``--github3-dir DIR`` (promoted to tuning data on 2026-12-02 after one
reading at d4855bd).

``--github4`` measures the fourth GitHub set the same way: labels in tests/data/lint_github4/<backlog>.toml, stories in
../github4-user-stories/<backlog>.txt or ``--github4-dir DIR`` (promoted to tuning data on 2026-12-02 after one
reading at 0c82c9d).

``--github5`` measures the fifth GitHub set (the ninth blind set) through the same reader: labels in
tests/data/lint_github5/<backlog>.toml, stories in ../github5-user-stories/<backlog>.txt or ``--github5-dir DIR``
(promoted to tuning data on 2026-12-02 after one reading at 25ea61c). Per-backlog counts are always printed for the
GitHub sets.

``--github6`` measures the sixth GitHub set (the tenth blind set, five backlogs labelled by two helpers) the same way:
labels in tests/data/lint_github6/<backlog>.toml, stories in ../github6-user-stories/<backlog>.txt or
``--github6-dir DIR``. Blind: every run is a reading, recorded in docs/quality.md.

``--github7`` measures the seventh GitHub set (the eleventh blind set, labelled by two helpers) the same way: labels
in tests/data/lint_github7/<backlog>.toml, stories in ../github7-user-stories/<backlog>.txt (rebuilt by
bench/story_sources/github7-user-stories/tools/rebuild.sh) or ``--github7-dir DIR``. Blind: every run is a reading,
recorded in docs/quality.md.
"""

from __future__ import annotations

import re
import sys
import time
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from elicit.core.session.models import Story  # noqa: E402
from elicit.core.stories.backlog import BacklogLine, to_story  # noqa: E402
from elicit.core.stories.lint import CHECKS, DEFAULT_ON, BacklogContext, LintFinding, lint_stories, lint_story  # noqa: E402
from elicit.core.stories.parse import parse_story  # noqa: E402

LABELS = ROOT / "tests" / "data" / "lint_labels.toml"
UNSEEN = ROOT / "tests" / "data" / "lint_labels_unseen.toml"
PROMOTED = UNSEEN  # the old unseen set, promoted to tuning data on 2026-12-01
FRESH = ROOT / "tests" / "data" / "lint_labels_fresh.toml"
HOLDOUT_LABELS = ROOT / "tests" / "data" / "lint_holdout"
GITHUB_LABELS = ROOT / "tests" / "data" / "lint_github"


def _beside(name: str) -> Path:
    """``name`` in the first folder above the checkout that holds it (worktrees sit one level deeper than main)."""
    return next((folder / name for folder in ROOT.parents if (folder / name).is_dir()), ROOT.parent / name)


DATA = _beside("shared") / "data" / "user-stories"
GITHUB_STORIES = _beside("github-user-stories")
GITHUB2_LABELS = ROOT / "tests" / "data" / "lint_github2"
GITHUB2_STORIES = _beside("github2-user-stories")
GITHUB3_LABELS = ROOT / "tests" / "data" / "lint_github3"
GITHUB3_STORIES = _beside("github3-user-stories")
GITHUB4_LABELS = ROOT / "tests" / "data" / "lint_github4"
GITHUB4_STORIES = _beside("github4-user-stories")
GITHUB5_LABELS = ROOT / "tests" / "data" / "lint_github5"
GITHUB5_STORIES = _beside("github5-user-stories")
GITHUB6_LABELS = ROOT / "tests" / "data" / "lint_github6"
GITHUB6_STORIES = _beside("github6-user-stories")
GITHUB7_LABELS = ROOT / "tests" / "data" / "lint_github7"
GITHUB7_STORIES = _beside("github7-user-stories")
HOLDOUT_STORIES = _beside("holdout-user-stories")
HOLDOUT_BACKLOGS = (
    "g05-openspending",
    "g11-nsf",
    "g14-datahub",
    "g19-alfred",
    "g22-rdadmp",
    "g25-duraspace",
    "g27-culrepo",
    "g28-zooniverse",
)
"""The eight backlogs of the public data set (ace-design/nlp-stories, inputs/individual_backlog/dataset/) that
../shared lacks."""
_TAG = re.compile(r"^#G\d+#\s*")


def read_backlogs(folder: Path = DATA) -> tuple[dict[str, list[BacklogLine]], int]:
    """Every backlog's stories (tag stripped, with line numbers), and how many lines hold only a tag."""
    backlogs = {}
    tag_only = 0
    for file in sorted(folder.glob("*.txt")):
        lines = []
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            text = _TAG.sub("", line).strip()
            if text:
                lines.append(BacklogLine(number, text, parse_story(text)))
            else:
                tag_only += 1
        backlogs[file.stem] = lines
    return backlogs, tag_only


def tag_only_findings(folder: Path = DATA) -> list[LintFinding]:
    """What `elicit lint` says of the lines that hold only the backlog tag ("#G08#": not a story), which
    read_backlogs leaves out; the label sets that cover every raw non-empty line label them too."""
    findings: list[LintFinding] = []
    for file in sorted(folder.glob("*.txt")):
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip() and not _TAG.sub("", line).strip():
                text = line.strip()
                findings.extend(lint_stories([to_story(BacklogLine(number, text, parse_story(text)), f"{file.stem}:{number}")]))
    return findings


def stories_of(backlog: str, lines: list[BacklogLine]) -> list[Story]:
    """The backlog's lines as stories with ids ``<backlog>:<line>``."""
    return [to_story(line, f"{backlog}:{line.line}") for line in lines]


def lint_all(backlogs: dict[str, list[BacklogLine]]) -> list[LintFinding]:
    """The findings of every backlog, each linted as its own set."""
    findings: list[LintFinding] = []
    for backlog, lines in backlogs.items():
        findings.extend(lint_stories(stories_of(backlog, lines)))
    return findings


def scores(findings: list[LintFinding], labels: list[dict], split: str | None = None) -> dict[str, tuple[int, int, int]]:
    """Per check: (true positives, false positives, false negatives) on the labelled stories."""
    found: dict[str, set[str]] = {}
    for finding in findings:
        found.setdefault(finding.story_id, set()).add(finding.code)
    counts = {code: [0, 0, 0] for code in CHECKS}
    for item in labels:
        if split is not None and item["split"] != split:
            continue
        story_id = f"{item['backlog']}:{item['line']}"
        expected, got = set(item["expected"]), found.get(story_id, set())
        for code in CHECKS:
            if code in got and code in expected:
                counts[code][0] += 1
            elif code in got:
                counts[code][1] += 1
            elif code in expected:
                counts[code][2] += 1
    return {code: (tp, fp, fn) for code, (tp, fp, fn) in counts.items()}


def load_labels(path: Path = LABELS) -> list[dict]:
    """The labelled stories of one label file."""
    return tomllib.loads(path.read_text(encoding="utf-8"))["story"]


def _print_scores(title: str, findings: list[LintFinding], labels: list[dict], split: str | None) -> None:
    print(f"{title}:")
    print(f"  {'check':<20} {'on':<4} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>7}")
    for code, (tp, fp, fn) in scores(findings, labels, split).items():
        on = "yes" if code in DEFAULT_ON else "no"
        print(f"  {code:<20} {on:<4} {tp:>4} {fp:>4} {fn:>4} {_ratio(tp, tp + fp):>10} {_ratio(tp, tp + fn):>7}")


def _ratio(top: int, bottom: int) -> str:
    return f"{top / bottom:.2f}" if bottom else "n/a"


def holdout(stories_dir: Path, per_backlog: bool = False, labels_dir: Path = HOLDOUT_LABELS) -> int:
    """Lint every labelled hold-out backlog as its own set and print the aggregate scores per check."""
    return measure_set("hold-out", HOLDOUT_BACKLOGS, labels_dir, stories_dir, per_backlog)


def github(stories_dir: Path, labels_dir: Path = GITHUB_LABELS, title: str = "GitHub", option: str = "--github-dir") -> int:
    """Lint every labelled backlog of a GitHub set as its own set; aggregate and per-backlog scores per check (the
    second GitHub set passes its own folders, title and option)."""
    names = sorted({path.stem for path in labels_dir.glob("*.toml")} | {path.stem for path in stories_dir.glob("*.txt")})
    return measure_set(title, tuple(names), labels_dir, stories_dir, per_backlog=True, option=option)


def measure_set(
    title: str, backlogs: tuple[str, ...], labels_dir: Path, stories_dir: Path, per_backlog: bool, option: str = "--holdout-dir"
) -> int:
    """The one reader of a label set kept as one file per backlog (``<labels_dir>/<backlog>.toml``) with the stories
    outside the repository (``<stories_dir>/<backlog>.txt``): which backlogs are labelled and which missing, then
    TP/FP/FN, precision and recall per check over all of them (and per backlog with ``per_backlog``)."""
    labelled = [name for name in backlogs if (labels_dir / f"{name}.toml").is_file()]
    missing = [name for name in backlogs if name not in labelled]
    absent = [name for name in labelled if not (stories_dir / f"{name}.txt").is_file()]
    print(f"{title} set: labels in {labels_dir}, stories in {stories_dir}")
    print(f"  labelled ({len(labelled)} of {len(backlogs)}): {', '.join(labelled) or 'none'}")
    print(f"  missing (no label file): {', '.join(missing) or 'none'}")
    if absent:
        print(f"{title} stories not found for {', '.join(absent)} in {stories_dir} (use {option} DIR)", file=sys.stderr)
        return 1
    if not labelled:
        return 1
    folder = _only(stories_dir, labelled)
    backlog_lines, _tag_only = read_backlogs(folder)
    findings = lint_all(backlog_lines) + tag_only_findings(folder)
    labels = {name: load_labels(labels_dir / f"{name}.toml") for name in labelled}
    every = [item for items in labels.values() for item in items]
    print(f"  lines labelled: {len(every)}")
    _print_scores(f"{title} set (aggregate counts; a blind set's reading is recorded in docs/quality.md)", findings, every, None)
    if per_backlog:
        for name, items in labels.items():
            _print_scores(f"  {name} ({len(items)} lines)", findings, items, None)
    return 0


def _only(stories_dir: Path, names: list[str]) -> Path:
    """A temporary folder holding links to the named backlogs' files only (read_backlogs reads a whole folder)."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="elicit-holdout-"))
    for name in names:
        (folder / f"{name}.txt").symlink_to((stories_dir / f"{name}.txt").resolve())
    return folder


GITHUB_SETS = {
    "--github": ("GitHub", GITHUB_LABELS, GITHUB_STORIES),
    "--github2": ("GitHub 2", GITHUB2_LABELS, GITHUB2_STORIES),
    "--github3": ("GitHub 3", GITHUB3_LABELS, GITHUB3_STORIES),
    "--github4": ("GitHub 4", GITHUB4_LABELS, GITHUB4_STORIES),
    "--github5": ("GitHub 5", GITHUB5_LABELS, GITHUB5_STORIES),
    "--github6": ("GitHub 6", GITHUB6_LABELS, GITHUB6_STORIES),
    "--github7": ("GitHub 7", GITHUB7_LABELS, GITHUB7_STORIES),
}
"""The label sets kept as GitHub backlogs: option -> title, label folder, default stories folder (``<option>-dir DIR``
names another one). One reader for all of them (:func:`github`)."""


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    for option, (title, labels_dir, default_stories) in GITHUB_SETS.items():
        if option in args:
            folder_option = f"{option}-dir"
            stories_dir = Path(args[args.index(folder_option) + 1]) if folder_option in args else default_stories
            return github(stories_dir, labels_dir, title, folder_option)
    if "--holdout" in args:
        stories_dir = Path(args[args.index("--holdout-dir") + 1]) if "--holdout-dir" in args else HOLDOUT_STORIES
        return holdout(stories_dir, per_backlog="--per-backlog" in args)
    if not DATA.is_dir():
        print(f"real user stories not found at {DATA}", file=sys.stderr)
        return 1
    backlogs, tag_only = read_backlogs()
    lines = [line for items in backlogs.values() for line in items]
    total = len(lines) + tag_only
    findings = lint_all(backlogs)  # once to warm up (imports, term list)
    runs = []
    for _ in range(5):
        parse_story.cache_clear()  # parse_story remembers texts: time the lint as a first run does
        started = time.perf_counter()
        findings = lint_all(backlogs)
        runs.append(time.perf_counter() - started)
    baseline = []
    for _ in range(5):
        started = time.perf_counter()
        for line in lines:
            parse_story.__wrapped__(line.text)
        baseline.append(time.perf_counter() - started)

    parsed = [line for line in lines if line.parsed is not None and line.parsed.want]
    as_lines = [line for line in lines if re.match(r"as an? ", line.text, re.IGNORECASE)]
    as_ok = [line for line in as_lines if line.parsed is not None and line.parsed.role and line.parsed.want]
    print(f"stories: {total} lines in {len(backlogs)} backlogs ({tag_only} hold only the backlog tag, no text)")
    print(
        f"parsed into role and want: {len(parsed)}/{total} ({len(parsed) / total:.1%}); of the lines with text: {len(parsed)}/{len(lines)}"
    )
    print(f"lines starting 'As a'/'As an' with role and want: {len(as_ok)}/{len(as_lines)}")
    print(f"templates: {dict(Counter(line.parsed.template for line in parsed).most_common())}")
    print(
        f"lint of all backlogs (parse, all checks, set checks per backlog): best of 5 {min(runs) * 1000:.0f} ms, "
        f"{min(runs) / min(baseline):.1f}x the time to parse them alone ({min(baseline) * 1000:.0f} ms)"
    )
    keystroke, parse_one = _one_story_timing(backlogs)
    print(
        f"one story linted with its backlog as context (what the editor does per keystroke): {keystroke * 1e6:.0f} µs, "
        f"{keystroke / parse_one:.1f}x parsing one story ({parse_one * 1e6:.0f} µs)"
    )
    print()
    counts = Counter(finding.code for finding in findings)
    stories_with = len({finding.story_id for finding in findings})
    print(f"findings: {len(findings)} in {stories_with} of {len(lines)} stories")
    for code in CHECKS:
        print(f"  {code:<20} {counts.get(code, 0):>4}")
    print()
    labels = load_labels()
    splits = Counter(item["split"] for item in labels)
    print(f"labelled stories: {len(labels)} ({', '.join(f'{name} {count}' for name, count in splits.items())})")
    for title, split in (
        ("all labelled stories of the tuning set", None),
        ("sample split only (labelled first, then used for tuning)", "sample"),
        ("blind split only (labelled after the first checks were frozen; tuned on since)", "blind"),
    ):
        _print_scores(title, findings, labels, split)
    findings = findings + tag_only_findings()
    promoted = load_labels(PROMOTED)
    print()
    print(f"promoted set: {len(promoted)} stories of five whole backlogs (tests/data/lint_labels_unseen.toml, frozen at c0c9bcb)")
    _print_scores("promoted set (the old unseen set; tuned on since 2026-12-01: tuning figures)", findings, promoted, None)
    print()
    if not FRESH.is_file():
        print(f"fresh set: {FRESH.relative_to(ROOT)} not found")
    elif "--fresh" in args:
        fresh = load_labels(FRESH)
        print(f"fresh set: {len(fresh)} lines of nine whole backlogs (tests/data/lint_labels_fresh.toml, frozen at 4cce859)")
        _print_scores("fresh set (promoted to tuning data on 2026-12-01 after one blind reading: tuning figures)", findings, fresh, None)
    else:
        print("fresh set: not printed (run with --fresh); the hold-out set: run with --holdout (a reading, record it)")
    _naive_baselines(backlogs, labels)
    _whole_process()
    return 0


def _whole_process(runs: int = 15) -> None:
    """`elicit lint` of all 995 stories in one text file, whole process, against `python -c "import tomllib, rich"`
    (issue 18's row), runs interleaved so a busy machine slows both alike; and the lexicon's one-off load."""
    import statistics
    import subprocess
    import tempfile

    elicit = str(Path(sys.executable).with_name("elicit"))
    with tempfile.TemporaryDirectory() as folder:
        every = Path(folder) / "all-stories.txt"
        every.write_text("".join(file.read_text(encoding="utf-8") for file in sorted(DATA.glob("*.txt"))), encoding="utf-8")
        commands = {
            "elicit lint FILE": [elicit, "lint", str(every)],
            "elicit lint FILE --json": [elicit, "lint", str(every), "--json"],
            "python -c 'import tomllib, rich'": [sys.executable, "-c", "import tomllib, rich"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, command in commands.items():
                started = time.perf_counter()
                subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                times[name].append(time.perf_counter() - started)
    lines = sum(1 for file in DATA.glob("*.txt") for _ in file.read_text(encoding="utf-8").splitlines())
    print()
    print(f"whole process on one file of {lines} lines, median (best) of {runs} interleaved runs:")
    for name, values in times.items():
        print(f"  {name:<36} {statistics.median(values) * 1000:>5.0f} ms ({min(values) * 1000:.0f} ms)")
    load = subprocess.run(
        [sys.executable, "-c", "import time; from elicit.core.stories.lexicon import lexicon; t = time.perf_counter(); "
         "lexicon().parts('sort'); print(time.perf_counter() - t)"],
        capture_output=True, text=True, check=True,
    )
    print(f"  lexicon read once per process (decompress lemminflect's file, first look-up): {float(load.stdout) * 1000:.0f} ms")


def _one_story_timing(backlogs: dict[str, list[BacklogLine]]) -> tuple[float, float]:
    """Seconds to lint one story against the largest backlog, and to parse one story (best of 5 rounds)."""
    name, lines = max(backlogs.items(), key=lambda item: len(item[1]))
    stories = stories_of(name, lines)
    context = BacklogContext.of(stories)
    rounds = 200
    lint_times, parse_times = [], []
    for _ in range(5):
        started = time.perf_counter()
        for index in range(rounds):
            parse_story.cache_clear()  # a draft changes with every keystroke: nothing remembered
            lint_story(stories[index % len(stories)], context=context)
        lint_times.append((time.perf_counter() - started) / rounds)
        started = time.perf_counter()
        for index in range(rounds):
            parse_story.__wrapped__(lines[index % len(lines)].text)
        parse_times.append((time.perf_counter() - started) / rounds)
    return min(lint_times), min(parse_times)


def _naive_baselines(backlogs: dict[str, list[BacklogLine]], labels: list[dict]) -> None:
    """Keyword rules in the spirit of AQUSA's syntactic checks, scored on the same labels."""
    rules = {
        "not-atomic": re.compile(r"\b(?:and|or)\b|[&/+]", re.IGNORECASE),
        "not-minimal": re.compile(r"[(\[{]|[.!?]\s+\S"),
    }
    goals = {}
    for backlog, lines in backlogs.items():
        for line in lines:
            parsed = line.parsed
            goals[f"{backlog}:{line.line}"] = (parsed.want if parsed else "", line.text)
    print("naive keyword rules on the same labels (any 'and'/'or'/'&'/'/'/'+' in the goal; any bracket or inner sentence break):")
    for code, rule in rules.items():
        tp = fp = fn = 0
        for item in labels:
            want, text = goals[f"{item['backlog']}:{item['line']}"]
            hit = bool(rule.search(want if code == "not-atomic" else text.strip().rstrip(".!? ")))
            expected = code in item["expected"]
            tp += hit and expected
            fp += hit and not expected
            fn += expected and not hit
        print(f"  {code:<20} TP {tp:>3} FP {fp:>3} FN {fn:>3}  precision {_ratio(tp, tp + fp)}  recall {_ratio(tp, tp + fn)}")


if __name__ == "__main__":
    raise SystemExit(main())
