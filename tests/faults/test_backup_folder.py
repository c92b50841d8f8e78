"""A folder with the backup's name (``x.elicit.toml.bak/``): the session is still saved, and the user is told why there is no backup (issue 11 item 20)."""

from __future__ import annotations

import pytest

from elicit.core.files.atomic import BackupBlockedError, write_atomic
from elicit.core.session.file_format import read_session
from elicit.core.session.storage import SessionStore
from tests.conftest import write_mini_session
from tests.support.cli import run_elicit


@pytest.fixture
def blocked(tmp_path):
    path = write_mini_session(tmp_path)
    backup = path.with_name(path.name + ".bak")
    backup.mkdir()
    (backup / "kept.txt").write_text("mine", encoding="utf-8")
    return path


def test_write_atomic_refuses_before_writing_anything(blocked):
    before = blocked.read_bytes()
    with pytest.raises(BackupBlockedError) as caught:
        write_atomic(blocked, b"new")
    assert blocked.read_bytes() == before
    assert f"{blocked}.bak is a folder" in caught.value.advice() and "move or rename" in caught.value.advice()


def test_every_save_reaches_the_disk_and_the_first_one_says_there_is_no_backup(blocked):
    store, session = SessionStore.open(blocked)
    try:
        session.title = "first"
        warning = store.save(session)
        assert warning is not None and f"{blocked.name}.bak is a folder" in warning and "saved without a backup" in warning
        session.title = "second"
        assert store.save(session) is None, "said once, not on every save"
        assert read_session(blocked).title == "second"
    finally:
        store.close()
    backup = blocked.with_name(blocked.name + ".bak")
    assert backup.is_dir() and (backup / "kept.txt").read_text(encoding="utf-8") == "mine", "the folder is never touched"


def test_the_command_line_saves_and_names_the_folder(blocked):
    for value in ("Invoices are late", "Invoices are very late"):
        result = run_elicit("answer", blocked, "problem", value)
        assert result.returncode == 0, result.stderr
        assert f"{blocked.name}.bak is a folder" in result.stderr and "move or rename that folder" in result.stderr
        assert read_session(blocked).answers["mini.context.problem"].value == value
