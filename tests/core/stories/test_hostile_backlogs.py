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


def test_a_binary_csv_without_nul_bytes_is_not_a_text_csv(tmp_path):
    """Random bytes named .csv are refused, not read as column names and stories (issue 11 item 20)."""
    import random

    generator = random.Random(20)
    path = tmp_path / "export.csv"
    path.write_bytes(bytes(generator.randrange(1, 256) for _ in range(3000)))
    with pytest.raises(ElicitError, match=r"export.csv: not a text CSV: .* control characters"):
        read_backlog(path)
    nul = tmp_path / "sheet.csv"
    nul.write_bytes(b"PK\x03\x04\x14\x00\x06\x00")
    with pytest.raises(ElicitError, match="not a text CSV"):
        read_backlog(nul)


def test_a_few_control_characters_in_a_text_file_are_kept(tmp_path):
    path = tmp_path / "stories.csv"
    path.write_text('Story\n"As a user, I want to pay\x1b, so that I save"\n"As a clerk, I want a\x07 report"\n', encoding="utf-8")
    assert len(read_backlog(path).lines) == 2


def test_a_cell_over_the_csv_field_limit_says_so_with_its_line(tmp_path):
    import csv

    path = tmp_path / "stories.csv"
    path.write_text('Story\n"As a user, I want to pay"\n"' + "x" * (csv.field_size_limit() + 10) + '"\n', encoding="utf-8")
    with pytest.raises(ElicitError) as caught:
        read_backlog(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:3: a cell of the row starting on this line is longer than {csv.field_size_limit():,} characters")
    assert "quote" not in message
