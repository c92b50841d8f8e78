"""Symbolic and hard links: one lock per file, saves through a link update the file and keep the link."""

from __future__ import annotations

import os
import stat

import pytest

from elicit.core.files.atomic import write_atomic
from elicit.core.session.file_format import read_session
from elicit.core.session.locking import LockedError, lock_path
from elicit.core.session.storage import SessionStore
from elicit.core.spec import get_exporter, write_export
from tests.conftest import write_mini_session
from tests.support.cli import run_elicit


@pytest.fixture
def real(tmp_path):
    folder = tmp_path / "clients"
    folder.mkdir()
    return write_mini_session(folder)


def test_saving_through_a_symlink_updates_the_file_and_keeps_the_link(real, tmp_path):
    link = tmp_path / "today.elicit.toml"
    link.symlink_to(real)
    result = run_elicit("answer", link, "problem", "Invoices are late")
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert read_session(real).answers["mini.context.problem"].value == "Invoices are late"
    assert (real.parent / (real.name + ".bak")).is_file()  # the backup sits beside the real file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clients", link.name]


def test_a_symlink_and_its_target_share_one_lock(real, tmp_path):
    link = tmp_path / "today.elicit.toml"
    link.symlink_to(real)
    store, _session = SessionStore.open(real)
    try:
        with pytest.raises(LockedError, match="is open in another elicit"):
            SessionStore.open(link)
        result = run_elicit("answer", link, "problem", "forked")
        assert result.returncode == 1 and "is open in another elicit" in result.stderr
    finally:
        store.close()
    assert "mini.context.problem" not in read_session(real).answers


def test_a_hard_link_is_locked_by_the_same_lock(real, tmp_path):
    other = tmp_path / "second-name.elicit.toml"
    os.link(real, other)
    store, session = SessionStore.open(real)
    try:
        with pytest.raises(LockedError, match="another name"):
            SessionStore.open(other)
        store.save(session)  # a save makes a new file: the lock follows it
        twin = tmp_path / "third-name.elicit.toml"
        os.link(real, twin)
        with pytest.raises(LockedError, match="another name"):
            SessionStore.open(twin)
    finally:
        store.close()
    again, _session = SessionStore.open(other)  # released: the other name opens now
    again.close()
    assert not lock_path(other).exists() and not lock_path(real).exists()


def test_an_export_through_a_symlink_writes_the_file_it_points_to(tmp_path):
    real = tmp_path / "shared" / "spec.md"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "spec.md"
    link.symlink_to(real)
    write_export(get_exporter("md"), {"spec.md": "new\n"}, link)
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shared", "spec.md"]


def test_a_dangling_symlink_creates_the_file_it_names(tmp_path):
    real = tmp_path / "real.md"
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_atomic(link, b"text")
    assert link.is_symlink() and real.read_bytes() == b"text"


def test_a_symlink_among_the_feature_files_is_never_followed(tmp_path):
    exporter = get_exporter("gherkin")
    folder = tmp_path / "features"
    folder.mkdir()
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me\n", encoding="utf-8")
    (folder / "US-1.feature").symlink_to(outside)
    with pytest.raises(Exception, match="not a regular file"):
        write_export(exporter, {"US-1.feature": exporter.generated_line + "\nFeature: x\n"}, folder)
    assert outside.read_text(encoding="utf-8") == "keep me\n" and stat.S_ISLNK(os.lstat(folder / "US-1.feature").st_mode)


def test_saving_one_name_of_a_hard_linked_session_is_seen_through_the_other(real, tmp_path):
    other = tmp_path / "second-name.elicit.toml"
    os.link(real, other)
    assert run_elicit("answer", real, "problem", "Invoices are late").returncode == 0
    assert run_elicit("answer", other, "platform", "Web").returncode == 0
    for name in (real, other):
        answers = read_session(name).answers
        assert answers["mini.context.problem"].value == "Invoices are late" and answers["mini.context.platform"].value == "Web"
    assert os.stat(real).st_ino == os.stat(other).st_ino
    assert read_session(other.with_name(other.name + ".bak")).answers["mini.context.problem"].value == "Invoices are late"
