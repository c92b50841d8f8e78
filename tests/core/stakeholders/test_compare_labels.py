"""The conflict rules measured on the labelled bakery interviews (labels written before the rules)."""

from __future__ import annotations

import importlib.util
import tomllib
from pathlib import Path

import pytest

from elicit.core.stakeholders import CONFLICT_KINDS

ROOT = Path(__file__).resolve().parents[3]
LABELS = ROOT / "tests" / "data" / "stakeholders" / "labels.toml"


def _bench():
    spec = importlib.util.spec_from_file_location("compare_labels", ROOT / "bench" / "compare_labels.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def counts():
    return _bench().measure()


def test_the_labelled_set_has_sixty_pairs_or_more_with_conflicts_and_near_misses_of_every_kind():
    pairs = tomllib.loads(LABELS.read_text(encoding="utf-8"))["pair"]
    assert len(pairs) >= 60
    for kind in CONFLICT_KINDS:
        assert sum(1 for pair in pairs if pair["conflict"] == kind) >= 3, kind
        assert sum(1 for pair in pairs if pair["conflict"] == "" and pair.get("near") == kind) >= 3, kind


@pytest.mark.parametrize("kind", CONFLICT_KINDS)
def test_precision_is_at_least_0_9_for_each_kind(counts, kind):
    tp, fp = counts[kind]["tp"], counts[kind]["fp"]
    assert tp > 0, f"{kind}: nothing found"
    assert tp / (tp + fp) >= 0.9, f"{kind}: {tp} true, {fp} false positives"


def test_recall_does_not_fall_below_what_was_measured(counts):
    """The figures in docs/quality.md: a rule that finds less than it did fails here."""
    found = {kind: (counts[kind]["tp"], counts[kind]["fn"]) for kind in CONFLICT_KINDS}
    assert found == {
        "yesno": (12, 0),
        "choice": (12, 0),
        "scale": (7, 0),
        "number": (11, 0),
        "text": (4, 0),
        "priority": (7, 2),
        "opposite": (5, 0),
        "decision": (7, 1),
        "decisions": (4, 0),
    }
