"""Precision and recall of each conflict kind of ``elicit compare`` on the labelled bakery interviews.

    python bench/compare_labels.py

The labels (tests/data/stakeholders/labels.toml) were written before the rules.
A conflict the rules report on a pair labelled otherwise, or on a pair not
labelled at all, counts as a false positive.
"""

from __future__ import annotations

import sys
import tomllib
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from elicit.core.banks.catalog import BankCatalog  # noqa: E402
from elicit.core.session import banks_for_session, read_session  # noqa: E402
from elicit.core.stakeholders import CONFLICT_KINDS, Comparison, Conflict, Side, compare, make_sources  # noqa: E402

DATA = HERE.parent / "tests" / "data" / "stakeholders"
LABELS = DATA / "labels.toml"


def load(folder: Path = DATA) -> Comparison:
    """Compare every interview in the folder, in file-name order."""
    items = []
    for path in sorted(folder.glob("*.elicit.toml")):
        session = read_session(path)
        banks, _notes = banks_for_session(session, BankCatalog.default(), path.parent)
        items.append((path.name, session, banks))
    return compare(make_sources(items))


def side_key(side: Side, question: str) -> str:
    """``owner:US-002``, ``owner:DEC-001`` or ``owner:discovery.problem.severity``, as the labels write a side."""
    name = side.session.removesuffix(".elicit.toml")
    return f"{name}:{side.story or side.decision or question}"


def conflict_pair(conflict: Conflict) -> frozenset[str]:
    return frozenset(side_key(side, conflict.question) for side in conflict.sides)


def measure(comparison: Comparison | None = None) -> dict[str, Counter[str]]:
    """Per kind: tp, fp, fn."""
    comparison = comparison or load()
    labels = tomllib.loads(LABELS.read_text(encoding="utf-8"))["pair"]
    expected = {frozenset((label["a"], label["b"])): label["conflict"] for label in labels}
    found: dict[frozenset[str], set[str]] = {}
    for conflict in comparison.conflicts:
        found.setdefault(conflict_pair(conflict), set()).add(conflict.kind)
    counts: dict[str, Counter[str]] = {kind: Counter(tp=0, fp=0, fn=0) for kind in CONFLICT_KINDS}
    for pair, kinds in found.items():
        for kind in kinds:
            counts[kind]["tp" if expected.get(pair) == kind else "fp"] += 1
    for pair, kind in expected.items():
        if kind and kind not in found.get(pair, set()):
            counts[kind]["fn"] += 1
    return counts


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def main() -> None:
    counts = measure()
    print(f"{'kind':10} {'TP':>3} {'FP':>3} {'FN':>3} {'precision':>9} {'recall':>6}")
    total: Counter[str] = Counter()
    for kind, count in counts.items():
        total.update(count)
        tp, fp, fn = count["tp"], count["fp"], count["fn"]
        print(f"{kind:10} {tp:3} {fp:3} {fn:3} {ratio(tp, tp + fp):9.2f} {ratio(tp, tp + fn):6.2f}")
    tp, fp, fn = total["tp"], total["fp"], total["fn"]
    print(f"{'all':10} {tp:3} {fp:3} {fn:3} {ratio(tp, tp + fp):9.2f} {ratio(tp, tp + fn):6.2f}")


if __name__ == "__main__":
    main()
