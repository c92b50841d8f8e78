"""Processes racing to change one session, through its path, a symbolic link and a hard link: nothing lost, nothing forked."""

from __future__ import annotations

import os
import subprocess
import sys

from elicit.core.session.file_format import read_session
from tests.conftest import write_mini_session
from tests.support import REPO

WRITER = """
import subprocess, sys, time
path, number = sys.argv[1], sys.argv[2]
for attempt in range(400):
    done = subprocess.run([sys.executable, "-m", "elicit", "story", "add", path, "--role", "clerk", "--want", f"story {number}"],
                          capture_output=True, text=True)
    if done.returncode == 0:
        sys.exit(0)
    if "is open in another elicit" not in done.stderr and "being opened by another elicit" not in done.stderr:
        sys.exit(done.stderr)
    time.sleep(0.02)
sys.exit("never got the lock")
"""


def test_writers_racing_through_three_names_lose_nothing(tmp_path):
    real = write_mini_session(tmp_path)
    symlink = tmp_path / "link.elicit.toml"
    symlink.symlink_to(real)
    hard = tmp_path / "hard.elicit.toml"
    os.link(real, hard)
    names = [real, symlink, hard] * 3
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(name), str(number)], cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})
        for number, name in enumerate(names)
    ]
    assert [writer.wait() for writer in writers] == [0] * len(names)
    for name in (real, symlink, hard):
        wants = sorted(story.want for story in read_session(name).stories)
        assert wants == sorted(f"story {number}" for number in range(len(names))), name
    assert len({story.id for story in read_session(real).stories}) == len(names)
    assert symlink.is_symlink() and os.stat(hard).st_ino == os.stat(real).st_ino
    left = sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".bak"))
    assert left == sorted([real.name, symlink.name, hard.name])  # no lock, no temporary file left
