"""The lock against a second writer, and stale locks after a crash."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from elicit.core.session.locking import LockedError, SessionLock, lock_path, read_holder
from elicit.core.session.storage import SessionStore
from tests.conftest import dead_pid, write_lock


def test_second_writer_is_refused_with_the_holder_named(tmp_path):
    session = tmp_path / "s.elicit.toml"
    with SessionLock(session, "elicit open"):
        holder = read_holder(lock_path(session))
        assert holder.pid == os.getpid() and holder.command == "elicit open"
        with pytest.raises(LockedError) as caught:
            SessionLock(session).acquire()
    message = str(caught.value)
    assert f"pid {os.getpid()}" in message and "elicit open" in message and socket.gethostname() in message
    assert "close it there first" in message
    assert not lock_path(session).exists()


def test_lock_of_a_dead_process_is_taken_over_with_a_note(tmp_path):
    session = tmp_path / "s.elicit.toml"
    write_lock(session, pid=dead_pid())
    lock = SessionLock(session).acquire()
    try:
        assert lock.note is not None and "stale lock" in lock.note and "no longer running" in lock.note
        assert read_holder(lock_path(session)).pid == os.getpid()
    finally:
        lock.release()


def test_lock_from_another_machine_is_respected(tmp_path):
    session = tmp_path / "s.elicit.toml"
    write_lock(session, pid=dead_pid(), host="other-laptop")
    with pytest.raises(LockedError, match="other-laptop"):
        SessionLock(session).acquire()


def test_unreadable_old_lock_is_taken_over(tmp_path):
    session = tmp_path / "s.elicit.toml"
    lock_path(session).write_text("garbage", encoding="utf-8")
    old = time.time() - 60
    os.utime(lock_path(session), (old, old))
    lock = SessionLock(session).acquire()
    assert "unreadable lock" in lock.note
    lock.release()


def test_release_leaves_someone_elses_lock_alone(tmp_path):
    session = tmp_path / "s.elicit.toml"
    lock = SessionLock(session).acquire()
    write_lock(session, pid=1, host="elsewhere")
    lock.release()
    assert lock_path(session).exists()


def test_lock_held_by_a_live_process_then_killed(tmp_path):
    session = tmp_path / "s.elicit.toml"
    holder_script = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from elicit.core.session.locking import SessionLock
        SessionLock(Path({str(session)!r}), "elicit open").acquire()
        print("locked", flush=True)
        time.sleep(60)
        """
    )
    child = subprocess.Popen([sys.executable, "-c", holder_script], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "locked"
        with pytest.raises(LockedError, match=f"pid {child.pid}"):
            SessionLock(session).acquire()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    lock = SessionLock(session).acquire()
    assert "stale lock" in lock.note
    lock.release()


def test_store_open_takes_the_lock_and_close_releases_it(mini_session_path):
    store, _session = SessionStore.open(mini_session_path)
    assert lock_path(mini_session_path).exists()
    with pytest.raises(LockedError):
        SessionStore.open(mini_session_path)
    store.close()
    assert not lock_path(mini_session_path).exists()


def test_lock_in_a_read_only_folder_is_a_clear_error(tmp_path, monkeypatch):
    def refused(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("elicit.core.session.locking.os.open", refused)
    with pytest.raises(Exception, match="cannot create lock file .*Permission denied; check the folder is writable"):
        SessionLock(tmp_path / "s.elicit.toml").acquire()


def test_the_host_name_is_the_one_socket_gives():
    """Locks written by older elicits (which asked socket) name the same host."""
    from elicit.core.session.locking import host_name

    assert host_name() == socket.gethostname()


_RECORD_VALUES = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.text(),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x80)),
    st.sampled_from(["elicit answer", 'say "hi"', "back\\slash", "tab\there", "del\x7f", "é", "2026-12-02 01:00:00"]),
)


@given(st.dictionaries(st.sampled_from(["pid", "host", "user", "since", "command", 'k"ey', "é"]), _RECORD_VALUES, max_size=6))
def test_a_lock_record_is_json_dumps_byte_for_byte(record):
    """The lock's text is written without importing json where its values allow (issue 18): the same text."""
    import json

    from elicit.core.session.locking import record_text

    assert record_text(record) == json.dumps(record)


def test_a_lock_released_by_its_writer_loads_no_json_and_another_lock_is_still_left_alone(tmp_path, monkeypatch):
    """Release recognises its own lock by the bytes it wrote (no json to parse them); a lock file that another
    process has put there since is read as before, and left alone."""
    session = tmp_path / "s.elicit.toml"
    monkeypatch.setitem(sys.modules, "json", None)  # any import of json fails
    with SessionLock(session, "elicit answer"):
        assert lock_path(session).exists()
    assert not lock_path(session).exists()
    monkeypatch.delitem(sys.modules, "json")
    lock = SessionLock(session).acquire()
    write_lock(session, host="elsewhere")
    lock.release()
    assert read_holder(lock_path(session)).host == "elsewhere"
