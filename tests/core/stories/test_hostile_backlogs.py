"""Hostile backlog files (issue 11): a clear message or a correct result, never an exception or a hang."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from elicit.core.findings import ElicitError
from elicit.core.session.models import SHORT_TEXT
from elicit.core.stories.backlog import read_backlog


def test_a_fifo_backlog_is_refused_without_reading_it(tmp_path: Path):
    fifo = tmp_path / "stories.txt"
    os.mkfifo(fifo)
    with pytest.raises(ElicitError, match="not a regular file"):
        read_backlog(fifo)


def test_a_story_longer_than_a_story_may_be_is_skipped_with_its_line(tmp_path: Path):
    path = tmp_path / "stories.txt"
    path.write_text("As a user, I want to pay\n\nAs a user, I want " + "x" * SHORT_TEXT + "\nAs an admin, I want to ban\n", encoding="utf-8")
    backlog = read_backlog(path)
    assert [line.line for line in backlog.lines] == [1, 4]
    assert any(f"{path}:3: this story is" in warning and "skipped" in warning for warning in backlog.warnings)
