"""The autosave thread takes short turns at the GIL while it saves, and gives the default back after."""

from __future__ import annotations

import sys

import pytest

from elicit.tui import autosave


def test_a_save_runs_with_short_turns_and_restores_the_interval():
    before = sys.getswitchinterval()
    with autosave._short_turns():
        assert sys.getswitchinterval() == pytest.approx(autosave.SAVE_TURN)
    assert sys.getswitchinterval() == before


def test_the_interval_is_restored_when_the_save_fails():
    before = sys.getswitchinterval()
    with pytest.raises(OSError), autosave._short_turns():
        raise OSError("disk full")
    assert sys.getswitchinterval() == before
