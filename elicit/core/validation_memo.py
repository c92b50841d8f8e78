"""The last result of ``elicit banks validate``, kept so that an unchanged set of banks is checked at start-up speed.

Checking banks means reading, parsing and validating every file: more work
than starting Python. The result depends only on

- the bank files that can be reached: every ``.toml`` file in each bank
  folder and in the folder of each file named (includes are looked up there),
  plus the files named themselves;
- how the files were named on the command line, and the working folder
  (both appear in the output);
- elicit's own code and the Python running it.

All of those go into a SHA-256 key. The memo keeps, per command line, that
key with the exit code and output; it is used only when a fresh key matches
exactly, so an edited bank, a new file in a bank folder or an upgraded elicit
is always checked afresh. Any problem with the memo is ignored: it can only
make things faster.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from .. import __version__
from .paths import BANK_SUFFIX, bank_folders, cache_dir
from .records import FrozenRecord

_HEADER = "elicit-validate-memo/1"
_CODE_FOLDERS = ("", "core", "cli")


class Outcome(FrozenRecord):
    """What a validate run printed and the exit code it gave."""

    __slots__ = ("code", "out", "err")

    def __init__(self, code: int, out: str, err: str):
        self.code = code
        self.out = out
        self.err = err


def inputs_key(paths: list[str], cwd: Path) -> str | None:
    """The SHA-256 of everything a validate run of ``paths`` depends on (None if the files cannot be examined)."""
    digest = hashlib.sha256()

    def add(*parts: str | bytes) -> None:
        for part in parts:
            data = part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass")
            digest.update(len(data).to_bytes(8, "little"))
            digest.update(data)

    add(_HEADER, __version__, sys.version, code_fingerprint(Path(__file__).resolve().parent.parent), str(cwd), *paths)
    named = [cwd / Path(path).expanduser() for path in paths]
    folders = bank_folders(cwd) + [("named", path.parent) for path in named]
    try:
        for source, folder in folders:
            add("folder", source, str(folder))
            if not folder.is_dir():
                add("missing")
                continue
            for entry in _sorted_entries(folder):
                if entry.name.endswith(BANK_SUFFIX) and entry.is_file():
                    add(entry.name, _content(Path(entry.path)))
        for path in named:
            add("file", str(path), _content(path))
    except OSError:
        return None
    return digest.hexdigest()


def code_fingerprint(package: Path) -> str:
    """Size and modification time of every module of the package's CLI and core: any edit changes it."""
    parts = []
    for name in _CODE_FOLDERS:
        for entry in _sorted_entries(package / name):
            if entry.name.endswith(".py"):
                stat = entry.stat()
                parts.append(f"{name}/{entry.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(parts)


def recall(paths: list[str], cwd: Path, key: str) -> Outcome | None:
    """The remembered outcome of this command line if it was made from the same inputs."""
    try:
        text = _memo_path(paths, cwd).read_bytes().decode("utf-8", "surrogateescape")
        header, stored_key, code, out_length, rest = text.split("\n", 4)
        if header != _HEADER or stored_key != key:
            return None
        split = int(out_length)
        return Outcome(int(code), rest[:split], rest[split:])
    except (OSError, ValueError):
        return None


def remember(paths: list[str], cwd: Path, key: str, outcome: Outcome) -> None:
    """Keep ``outcome`` for this command line (silently skipped if it cannot be kept)."""
    from .atomic import write_cache_file

    text = f"{_HEADER}\n{key}\n{outcome.code}\n{len(outcome.out)}\n{outcome.out}{outcome.err}"
    target = _memo_path(paths, cwd)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_cache_file(target, text.encode("utf-8", "surrogateescape"))
    except (OSError, UnicodeEncodeError):
        pass


def _memo_path(paths: list[str], cwd: Path) -> Path:
    command = "\0".join([str(cwd), *paths]).encode("utf-8", "surrogatepass")
    return cache_dir() / "validate" / f"{hashlib.sha256(command).hexdigest()[:32]}.txt"


def _sorted_entries(folder: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda entry: entry.name)
    except OSError:
        return []


def _content(path: Path) -> bytes:
    """The file's bytes, or a marker saying why there are none (the result depends on that too)."""
    try:
        return b"bytes:" + path.read_bytes()
    except OSError as error:
        return f"unreadable:{type(error).__name__}".encode()
