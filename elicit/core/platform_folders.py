"""elicit's user folders as platformdirs gives them, remembered between runs.

Importing platformdirs takes as long as starting Python (it pulls in
pathlib, tempfile, shutil and random), which alone would make quick commands
such as ``elicit banks validate`` slow to start. platformdirs stays the only
authority on where the folders are; its answers are written to a small file
in the cache folder it names, together with a fingerprint of everything they
depend on: the platform, the user, the Python installation, the installed
platformdirs and the environment variables it reads. A later run looks for
that file where platformdirs usually puts the cache (the XDG rule, which
macOS follows too when the variables are set, or the platform default) and
uses it only if the fingerprint matches and the file says that folder is
indeed the cache folder. Anywhere else (Windows, an unusual set-up) it asks
platformdirs, which is correct and only slower.
"""

from __future__ import annotations

import os
import sys
from functools import cache

APP_NAME = "elicit"
KINDS = ("config", "data", "cache")
_FILE = "platform-folders.txt"
_HEADER = "elicit-platform-folders/1"
# Every variable platformdirs 4 reads on Unix, macOS and Android (HOME through expanduser).
_VARIABLES = ("HOME", "SHELL", "PREFIX")
_VARIABLE_PREFIXES = ("XDG_", "ANDROID_")


@cache
def platform_folders() -> dict[str, str]:
    """The user config, data and cache folders for elicit, by kind."""
    fingerprint = _fingerprint()
    likely = _likely_cache_folder()
    if likely is not None and fingerprint is not None:
        remembered = _read(os.path.join(likely, _FILE), fingerprint)
        if remembered is not None and remembered["cache"] == likely:
            return remembered
    import platformdirs

    folders = {
        "config": platformdirs.user_config_dir(APP_NAME, appauthor=False),
        "data": platformdirs.user_data_dir(APP_NAME, appauthor=False),
        "cache": platformdirs.user_cache_dir(APP_NAME, appauthor=False),
    }
    if fingerprint is not None:
        _write(os.path.join(folders["cache"], _FILE), fingerprint, folders)
    return folders


def _likely_cache_folder() -> str | None:
    """Where platformdirs usually puts elicit's cache on this platform: only a place to look."""
    if sys.platform == "darwin":
        default = "~/Library/Caches"
    elif sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        default = "~/.cache"
    else:
        return None
    base = os.path.expanduser(os.environ.get("XDG_CACHE_HOME", "").strip() or default)
    return os.path.join(base, APP_NAME) if os.path.isabs(base) else None


def _fingerprint() -> str | None:
    """Everything platformdirs' answers depend on, as one line (None if platformdirs cannot be found)."""
    from importlib.machinery import PathFinder

    spec = PathFinder.find_spec("platformdirs")
    if spec is None or not spec.origin:
        return None
    try:
        stat = os.stat(spec.origin)
    except OSError:
        return None
    variables = sorted((name, value) for name, value in os.environ.items() if name in _VARIABLES or name.startswith(_VARIABLE_PREFIXES))
    getuid = getattr(os, "geteuid", None)
    parts = (sys.platform, getuid() if getuid else None, sys.base_prefix, spec.origin, stat.st_size, stat.st_mtime_ns, variables)
    return repr(parts).replace("\n", "\\n")


def _read(path: str, fingerprint: str) -> dict[str, str] | None:
    try:
        with open(path, encoding="utf-8", errors="surrogateescape") as stream:
            lines = stream.read().split("\n")
    except OSError:
        return None
    if len(lines) != 2 + len(KINDS) or lines[0] != _HEADER or lines[1] != fingerprint:
        return None
    return dict(zip(KINDS, lines[2:], strict=True))


def _write(path: str, fingerprint: str, folders: dict[str, str]) -> None:
    """Remember platformdirs' answers (silently skipped if they cannot be kept)."""
    if any("\n" in folder for folder in folders.values()):
        return
    from pathlib import Path

    from elicit.core.files.atomic import write_cache_file

    text = "\n".join([_HEADER, fingerprint, *(folders[kind] for kind in KINDS)])
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        write_cache_file(Path(path), text.encode("utf-8", "surrogateescape"))
    except (OSError, UnicodeEncodeError):
        pass
