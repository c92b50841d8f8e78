"""Snapshots of the screens engineer trialA changed for the second consultant trial (wt/notes/trial2.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.tui import app_on, make_session
from tests.tui.test_tui_snapshots import SIZES, after_keys, session_app, workspace  # noqa: F401  (workspace is a fixture)
from tests.tui.test_tui_trialA import long_story


@pytest.mark.parametrize("size", SIZES)
def test_discard_changes_to_an_existing_story(snap_compare, workspace: Path, size):  # noqa: F811
    """T3: Escape with changes typed into US-001's editor names the story and says it stays as it was."""
    assert snap_compare(session_app(workspace), terminal_size=size, run_before=after_keys("ctrl+l", "e", "x", "escape"))


@pytest.mark.parametrize("size", SIZES)
def test_existing_story_with_long_criteria_opens_at_its_first_line(snap_compare, tmp_path: Path, size):
    """T9: the criteria box opens at its top, tall enough for three wrapped criteria, on the read-back's edit."""
    path = make_session(tmp_path / "s.elicit.toml", stories=[long_story()])
    assert snap_compare(app_on(path), terminal_size=size, run_before=after_keys("f3", "e"))
