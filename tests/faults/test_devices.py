"""Devices, FIFOs and standard output as export targets: written into, never replaced by a regular file.

The device nodes are made with mknod in a tmpfs of a private mount namespace
(root only); the machine's /dev is never touched.
"""

from __future__ import annotations

import json
import os
import stat

import pytest

from tests.conftest import write_mini_session
from tests.support.cli import run_elicit
from tests.support.faults import run_on_tmpfs

DEVICES = """
import json, os, stat, subprocess, sys
from pathlib import Path

folder, session = Path(sys.argv[1]), sys.argv[2]
report = {}
for name in sys.argv[3:]:
    target = name if name.startswith("/") else str(folder / name)
    done = subprocess.run([sys.executable, "-m", "elicit", "export", session, "-f", "md", "-o", target],
                          capture_output=True, text=True)
    mode = os.lstat(target).st_mode
    report[name] = {"code": done.returncode, "stdout": done.stdout, "stderr": done.stderr,
                    "kind": "char" if stat.S_ISCHR(mode) else "link" if stat.S_ISLNK(mode) else "file" if stat.S_ISREG(mode) else "other"}
print(json.dumps(report))
"""


@pytest.fixture
def session(tmp_path):
    return write_mini_session(tmp_path)


def test_character_devices_are_written_into_and_stay_devices(private_mounts, session, tmp_path):
    finished = run_on_tmpfs(
        tmp_path / "devices", "64k", DEVICES, str(session), "null", "full", setup='mknod "$1/null" c 1 3 && mknod "$1/full" c 1 7'
    )
    assert finished.returncode == 0, finished.stderr
    report = json.loads(finished.stdout)
    assert report["null"]["kind"] == "char" and report["null"]["code"] == 0, report
    assert report["full"]["kind"] == "char" and report["full"]["code"] == 1, report
    assert report["full"]["stderr"].startswith("elicit: error: ") and "No space left on device" in report["full"]["stderr"]
    assert "Traceback" not in report["full"]["stderr"]


def test_dev_stdout_is_standard_output_and_stays_a_link(private_mounts, session, tmp_path):
    # A private /dev (a tmpfs over it in this namespace only) holding the usual stdout link.
    finished = run_on_tmpfs(
        tmp_path / "unused",
        "64k",
        DEVICES,
        str(session),
        "/dev/stdout",
        setup="mount -t tmpfs -o size=64k elicit-dev /dev && ln -s /proc/self/fd/1 /dev/stdout && mknod /dev/null c 1 3",
    )
    assert finished.returncode == 0, finished.stderr
    report = json.loads(finished.stdout)["/dev/stdout"]
    assert report["code"] == 0, report
    assert report["kind"] == "link"
    assert report["stdout"].startswith("# Test interview")


def test_a_fifo_with_a_reader_gets_the_export_and_stays_a_fifo(session, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        result = run_elicit("export", session, "-f", "md", "-o", fifo)
        received = os.read(reader, 1 << 16).decode("utf-8")
    finally:
        os.close(reader)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert received.startswith("# Test interview")


def test_a_fifo_without_a_reader_is_a_clear_error_not_a_hang(session, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = run_elicit("export", session, "-f", "md", "-o", fifo)
    assert result.returncode == 1
    assert result.stderr.startswith("elicit: error: ") and "nothing reading from it" in result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_link_to_standard_output_writes_there_and_stays_a_link(session, tmp_path):
    if not os.path.exists("/proc/self/fd/1"):
        pytest.skip("no /proc here")
    link = tmp_path / "out.md"
    link.symlink_to("/proc/self/fd/1")
    result = run_elicit("export", session, "-f", "md", "-o", link)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert result.stdout.startswith("# Test interview") and result.stdout.endswith(f"wrote {link}\n")


def test_dash_prints_the_export_and_nothing_else(session):
    # /dev/stdout itself is tried only in the private /dev above: a broken elicit run as root would replace the machine's.
    result = run_elicit("export", session, "-f", "md", "-o", "-")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Test interview") and "wrote" not in result.stdout
