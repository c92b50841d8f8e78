"""File modes: new files respect the umask and are never world-writable; existing files keep their mode."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from tests.support import REPO

MAKE_FILES = """
import json, os, stat, sys
from pathlib import Path
from elicit.core.session import remember
from elicit.core.session.models import Session
from elicit.core.session.storage import SessionStore
from elicit.core.spec import get_exporter, write_export
from tests.conftest import write_mini_session

folder = Path(sys.argv[1])
path = write_mini_session(folder)
store, session = SessionStore.open(path)
session.title = "changed"
store.save(session)  # makes the .bak
store.close()
write_export(get_exporter("md"), {"spec.md": "x\\n"}, folder / "spec.md")
gherkin = get_exporter("gherkin")
write_export(gherkin, {"US-1.feature": gherkin.generated_line + "\\nFeature: x\\n"}, folder / "features")
remember(path)
recent = Path(os.environ["ELICIT_DATA_DIR"]) / "recent.json"
paths = [path, folder / (path.name + ".bak"), folder / "spec.md", folder / "features", folder / "features" / "US-1.feature", recent]
print(json.dumps({p.name: stat.S_IMODE(p.stat().st_mode) for p in paths}))
"""


def modes_with_umask(umask: int, folder) -> dict[str, int]:
    folder.mkdir()
    finished = subprocess.run(
        [sys.executable, "-c", f"import os; os.umask({umask:#o})\n" + MAKE_FILES, str(folder)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    return json.loads(finished.stdout)


def test_with_umask_077_every_new_file_is_private(tmp_path):
    modes = modes_with_umask(0o077, tmp_path / "private")
    folder = modes.pop("features")
    assert folder == 0o700
    assert modes == dict.fromkeys(modes, 0o600), {name: oct(mode) for name, mode in modes.items()}


def test_with_umask_0_nothing_is_created_world_writable(tmp_path):
    modes = modes_with_umask(0, tmp_path / "open")
    assert all(mode & stat.S_IWOTH == 0 for mode in modes.values()), {name: oct(mode) for name, mode in modes.items()}


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664])
def test_an_existing_file_keeps_its_mode_whatever_the_umask(tmp_path, mode):
    from elicit.core.files.atomic import write_atomic

    path = tmp_path / "s.toml"
    path.write_bytes(b"x")
    path.chmod(mode)
    old = os.umask(0o077)
    try:
        write_atomic(path, b"y")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == mode
