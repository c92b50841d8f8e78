"""Helpers for the fault-injection tests: a small private tmpfs (a really full disk), device nodes, processes racing.

Everything that needs root runs inside a private mount namespace
(``unshare -m``): the tmpfs and any device nodes exist only there, in a
temporary folder, and vanish with the process. The machine's own ``/dev`` is
never touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.support import REPO

ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def private_namespaces_work() -> bool:
    """Whether this process may mount a tmpfs in a private mount namespace (root with unshare)."""
    if not ROOT or shutil.which("unshare") is None or shutil.which("mount") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-m", "--propagation", "private", "sh", "-c", "mount -t tmpfs -o size=64k elicit-probe /mnt"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


def run_on_tmpfs(folder: Path, size: str, script: str, *args: str, setup: str = "") -> subprocess.CompletedProcess[str]:
    """Run a Python ``script`` with a tmpfs of ``size`` mounted on ``folder``, in a private mount namespace.

    ``sys.argv[1]`` is the folder; ``setup`` is shell run after the mount
    (``mknod``, links), with ``$1`` the folder.
    """
    folder.mkdir(parents=True, exist_ok=True)
    shell = f'mount -t tmpfs -o size={size},mode=0755 elicit-faults "$1" || exit 99\n{setup}\nshift\nexec "$@"'
    return subprocess.run(
        [
            "unshare",
            "-m",
            "--propagation",
            "private",
            "sh",
            "-c",
            shell,
            "sh",
            str(folder),
            sys.executable,
            "-c",
            script,
            str(folder),
            *args,
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(REPO)},
        check=False,
        timeout=120,
    )


def fill(folder: Path) -> Path:
    """Fill the file system holding ``folder`` until it has no space left; return the filler file."""
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as stream:
        for block in (b"\0" * 65536, b"\0" * 512, b"\0"):
            try:
                while stream.write(block):
                    pass
            except OSError:
                continue
    return filler


INJECTED_FULL_DISK = """
import errno as _errno
import elicit.core.files.atomic as _atomic

_FULL = set()
_real_stage = _atomic.stage


def _stage(target, data, mode):
    if any(str(target).startswith(str(folder) + "/") for folder in _FULL):
        raise OSError(_errno.ENOSPC, "No space left on device")
    return _real_stage(target, data, mode)


_atomic.stage = _stage


def fill(folder):
    _FULL.add(folder)
    return folder


def free(filler):
    _FULL.discard(filler)
"""
"""Run before a full-disk script without a tmpfs: every save into a filled folder fails with ENOSPC, as it would."""

TMPFS_FULL_DISK = """
from tests.support.faults import fill


def free(filler):
    filler.unlink()
"""
"""Run before a full-disk script on a real tmpfs: fill it with a file, free it by removing the file."""


def run_full_disk(how: str, folder: Path, script: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``script`` with ``fill(folder)`` and ``free(filler)`` defined, on a real small tmpfs or with ENOSPC injected."""
    if how == "tmpfs":
        return run_on_tmpfs(folder, "512k", TMPFS_FULL_DISK + script, *args)
    folder.mkdir(parents=True, exist_ok=True)
    return subprocess.run(
        [sys.executable, "-c", INJECTED_FULL_DISK + script, str(folder), *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(REPO)},
        check=False,
        timeout=120,
    )
