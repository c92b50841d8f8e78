"""A disk that fills up just as a command takes the session's lock (issue 11 item 10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.faults import private_namespaces_work, run_on_tmpfs

SCRIPT = """
import sys
from pathlib import Path
from elicit.core.session.file_format import dumps_session
from elicit.core.session.models import Session
from tests.support.faults import fill

folder = Path(sys.argv[1])
session = folder / "s.elicit.toml"
session.write_text(dumps_session(Session(title="t")), encoding="utf-8")
before = session.read_bytes()
filler = fill(folder)
from elicit.cli import main
code = main(["story", "add", str(session), "--role", "user", "--want", "pay"])
print("exit", code)
print("left", sorted(p.name for p in folder.iterdir()))
print("intact", session.read_bytes() == before)
"""


@pytest.mark.skipif(not private_namespaces_work(), reason="needs root and unshare -m for a private tmpfs")
def test_a_full_disk_while_locking_is_one_line_and_leaves_no_lock(tmp_path: Path):
    result = run_on_tmpfs(tmp_path / "disk", "256k", SCRIPT)
    assert "Traceback" not in result.stderr, result.stderr
    assert "exit 1" in result.stdout, (result.stdout, result.stderr)
    assert "left ['filler', 's.elicit.toml']" in result.stdout
    assert "intact True" in result.stdout
    (line,) = result.stderr.splitlines()
    assert line.startswith("elicit: error: ") and "No space left on device" in line
