"""Running the real ``elicit`` command in a fresh interpreter, as a user runs it."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

FRONT_ENDS = ("textual", "questionary", "prompt_toolkit")
"""What a command that opens no front end must never import."""

# What the quick commands must not load either: each costs start-up time, and none of them needs it (issue 18).
# The TOML parser of last resort (tomli) is loaded only when the fast one (rtoml) refuses a file.
_CAREFUL_PARSER = ("tomli",) if importlib.util.find_spec("rtoml") else ()
_NEVER_QUICK = ("rich", "markdown_it", "tomli_w", "jsonschema", "elicit.core.spec", "elicit.core.review", *_CAREFUL_PARSER)
NOT_FOR_LINT = (
    *FRONT_ENDS,
    *_NEVER_QUICK,
    "elicit.core.banks.loader",
    "elicit.core.banks.catalog",
    "elicit.core.session.engine",
    "elicit.core.session.service",
    "elicit.core.session.file_format",
    "elicit.core.files.toml_writer",
)
"""What ``elicit lint FILE.txt`` must not import: banks, the interview engine, the session file format, the writers."""
NOT_FOR_ANSWER = (
    *FRONT_ENDS,
    *_NEVER_QUICK,
    "elicit.core.stories",
    "elicit.cli.summary_output",
    "elicit.core.session.summary",
    "hashlib",  # OpenSSL costs 2-3 ms to load: a bank file is hashed by elicit.core.files.digest
    "shutil",  # the parser's HelpFormatter needs none; nor, on Linux, do the user folders (paths._plain_xdg_folder)
    "elicit.core.session.progress",  # Progress and SectionCoverage: two frozen dataclasses answer never makes
    "json",  # the lock record is written and recognised without it (locking.record_text)
    "elicit.core.session.fragments",  # the cached-TOML writer: a command that saves once writes the file in one go
)
"""What ``elicit answer`` must not import: story quality, the spec and its exporters."""

_MARK = "\nLOADED:"
_PROBE = f"""
import sys
from elicit.cli import main
code = main(sys.argv[2:])
sys.stderr.write({_MARK!r} + ",".join(name for name in sys.argv[1].split(",") if name in sys.modules) + "\\n")
sys.exit(code)
"""


def run_elicit(
    *args: str | Path,
    cwd: Path | None = None,
    stdin: str | None = None,
    columns: int = 100,
    forbid: tuple[str, ...] = FRONT_ENDS,
) -> subprocess.CompletedProcess[str]:
    """``elicit ARGS``; asserts it imported none of ``forbid`` and printed no traceback.

    The returned stderr is exactly what the command wrote.
    """
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, ",".join(forbid), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        input=stdin,
        env={**os.environ, "COLUMNS": str(columns), "NO_COLOR": "1"},
        check=False,
        timeout=120,
    )
    cut = result.stderr.rfind(_MARK)
    assert cut >= 0, result.stderr
    loaded = result.stderr[cut + len(_MARK) :].strip()
    result.stderr = result.stderr[:cut]
    assert not loaded, f"elicit {' '.join(map(str, args))} imported {loaded}"
    assert "Traceback" not in result.stderr, result.stderr
    return result
