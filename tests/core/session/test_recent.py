"""The list of recent sessions kept for the launcher."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from elicit.core.session.recent import KEEP, forget, recent, recent_path, remember

WHEN = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def test_most_recent_first_with_title_and_client_read_from_the_file(mini_session_path: Path):
    other = mini_session_path.with_name("other.elicit.toml")
    other.write_bytes(mini_session_path.read_bytes())
    remember(mini_session_path, opened_at=WHEN)
    remember(other, opened_at=WHEN + timedelta(hours=1))
    items = recent()
    assert [item.path for item in items] == [other, mini_session_path]
    assert (items[1].title, items[1].client) == ("Test interview", "ACME")
    assert items[1].progress == ""


def test_progress_is_kept_until_given_again(mini_session_path: Path):
    remember(mini_session_path, done=3, total=8, opened_at=WHEN)
    remember(mini_session_path, opened_at=WHEN + timedelta(minutes=5))
    (item,) = recent()
    assert item.progress == "3/8" and item.opened_at == WHEN + timedelta(minutes=5)


def test_missing_files_are_left_out_and_forget_removes(mini_session_path: Path, tmp_path: Path):
    gone = tmp_path / "gone.elicit.toml"
    remember(gone, title="Gone")
    remember(mini_session_path)
    assert [item.path for item in recent()] == [mini_session_path]
    assert len(recent(existing_only=False)) == 2
    forget(mini_session_path)
    assert recent() == []


def test_relative_paths_are_stored_absolute(mini_session_path: Path, monkeypatch):
    monkeypatch.chdir(mini_session_path.parent)
    remember(Path(mini_session_path.name))
    assert recent()[0].path == mini_session_path


def test_the_list_is_bounded(tmp_path: Path):
    for index in range(KEEP + 5):
        remember(tmp_path / f"s{index}.elicit.toml", title=str(index), opened_at=WHEN + timedelta(minutes=index))
    items = recent(existing_only=False)
    assert len(items) == KEEP and items[0].title == str(KEEP + 4)


def test_a_damaged_list_is_treated_as_empty_and_replaced(mini_session_path: Path):
    recent_path().parent.mkdir(parents=True, exist_ok=True)
    recent_path().write_text("{not json", encoding="utf-8")
    assert recent() == []
    recent_path().write_text(json.dumps([{"path": 3}, "x", {"path": str(mini_session_path), "done": -1, "opened_at": "yesterday"}]))
    (item,) = recent()
    assert item.done is None and item.opened_at is None
    remember(mini_session_path)
    assert json.loads(recent_path().read_text())[0]["path"] == str(mini_session_path)


def test_an_unwritable_data_folder_never_raises(mini_session_path: Path, monkeypatch, tmp_path: Path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setenv("ELICIT_DATA_DIR", str(blocker / "data"))
    remember(mini_session_path)
    assert recent() == []
