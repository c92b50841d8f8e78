"""The suite's hypothesis settings: no wall-clock limits in tests (the developers' guide)."""

from __future__ import annotations

from hypothesis import settings


def test_hypothesis_examples_have_no_deadline_by_default():
    assert settings.default.deadline is None

