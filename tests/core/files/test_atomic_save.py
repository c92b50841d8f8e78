"""Atomic saves: a crash between any two steps leaves the old or the new file, never a broken one."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from elicit.core.files.atomic import backup_path, write_atomic
from elicit.core.session.file_format import dumps_session, read_session
from elicit.core.session.models import Session
from elicit.core.session.storage import SessionStore

CRASHING_SAVE = textwrap.dedent(
    """
    import os, sys, tempfile
    from pathlib import Path
    import elicit.core.files.atomic as atomic
    from elicit.core.session.models import Session
    from elicit.core.session.file_format import dumps_session

    crash_at = int(sys.argv[2])
    calls = 0

    class CrashingOs:
        '''os, but the process dies (os._exit) just before the Nth file-system step.'''

        def __getattr__(self, name):
            real = getattr(os, name)
            if name not in ("fsync", "chmod", "link", "replace", "open", "close", "fdopen", "unlink"):
                return real

            def step(*args, **kwargs):
                global calls
                calls += 1
                if calls == crash_at:
                    os._exit(17)
                return real(*args, **kwargs)

            return step

    atomic.os = CrashingOs()
    tempfile.mkstemp = (lambda real: lambda **kw: (os._exit(17) if crash_at == 0 else real(**kw)))(tempfile.mkstemp)
    atomic.write_atomic(Path(sys.argv[1]), dumps_session(Session(title="new")).encode())
    print(calls)
    """
)


def run_crashing_save(path: Path, crash_at: int) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", CRASHING_SAVE, str(path), str(crash_at)], capture_output=True, text=True, check=False)


def test_a_crash_at_any_step_leaves_the_old_or_the_new_file(tmp_path):
    path = tmp_path / "s.elicit.toml"
    path.write_text(dumps_session(Session(title="old")), encoding="utf-8")
    finished = run_crashing_save(path, 10_000)
    assert finished.returncode == 0, finished.stderr
    steps = int(finished.stdout)
    assert steps >= 5  # fdopen, fsync, chmod, link, replace x2, open/fsync/close of the folder
    seen = set()
    for crash_at in range(0, steps + 1):
        path.write_text(dumps_session(Session(title="old")), encoding="utf-8")
        backup_path(path).unlink(missing_ok=True)
        result = run_crashing_save(path, crash_at)
        assert result.returncode in (0, 17), result.stderr
        title = read_session(path).title  # never broken: always parses
        assert title in ("old", "new")
        seen.add(title)
        if backup_path(path).exists():
            assert read_session(backup_path(path)).title == "old"
    assert seen == {"old", "new"}


def test_failed_write_keeps_old_file_and_cleans_up(tmp_path, monkeypatch):
    path = tmp_path / "s.elicit.toml"
    path.write_text("old", encoding="utf-8")

    def broken_fsync(_fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("elicit.core.files.atomic.os.fsync", broken_fsync)
    with pytest.raises(OSError):
        write_atomic(path, b"new")
    assert path.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.elicit.toml"]


def test_backup_keeps_the_previous_version(tmp_path):
    path = tmp_path / "s.toml"
    write_atomic(path, b"one")
    assert not backup_path(path).exists()
    write_atomic(path, b"two")
    write_atomic(path, b"three")
    assert path.read_bytes() == b"three"
    assert backup_path(path).read_bytes() == b"two"


def test_mode_of_existing_file_is_kept(tmp_path):
    path = tmp_path / "s.toml"
    path.write_bytes(b"x")
    path.chmod(0o600)
    write_atomic(path, b"y")
    assert path.stat().st_mode & 0o777 == 0o600


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only folders")
def test_store_reports_a_failed_save_plainly(tmp_path):
    path = tmp_path / "s.elicit.toml"
    store = SessionStore.create(path, Session(title="old"))
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(Exception, match="could not save.*last saved version is intact"):
            store.save(Session(title="new"))
    finally:
        tmp_path.chmod(0o700)
        store.close()
    assert read_session(path).title == "old"


def test_store_reports_a_failed_save_plainly_when_writing_fails(tmp_path, monkeypatch):
    path = tmp_path / "s.elicit.toml"
    store = SessionStore.create(path, Session(title="old"))

    def no_space(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("elicit.core.files.atomic.stage", no_space)
    try:
        with pytest.raises(Exception, match="could not save: No space left on device; the last saved version is intact"):
            store.save(Session(title="new"))
    finally:
        store.close()
    assert read_session(path).title == "old"


def test_temporary_files_left_by_a_killed_save_are_removed_by_the_next_save(tmp_path):
    path = tmp_path / "s.elicit.toml"
    store = SessionStore.create(path, Session(title="old"))
    store.close()
    leftovers = [tmp_path / f".{path.name}.{suffix}.tmp" for suffix in ("k2j4_x9a", "0123456789ab")]  # older and newer elicit
    for leftover in leftovers:
        leftover.write_text("a full copy of the interview", encoding="utf-8")
    unrelated = [tmp_path / ".other.elicit.toml.0123456789ab.tmp", tmp_path / f".{path.name}.notes", tmp_path / f"{path.name}.tmp"]
    for other in unrelated:
        other.write_text("not ours", encoding="utf-8")
    store, session = SessionStore.open(path)
    try:
        assert all(leftover.exists() for leftover in leftovers)  # opening alone removes nothing
        store.save(session)
    finally:
        store.close()
    assert not any(leftover.exists() for leftover in leftovers)
    assert all(other.exists() for other in unrelated)
