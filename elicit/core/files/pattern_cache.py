"""Compiled regular expressions kept between runs: a command's patterns compiled once per Python, not once per run.

The story checks compile about 80 regular expressions when their modules are
imported, and Python's compiler of regular expressions is written in Python:
about 0.1 G instructions (12 ms) of every ``elicit lint`` (issue 18). What the
compiler hands to the C engine (``_sre.compile``: the pattern, its flags, its
code as a list of numbers, its groups) is plain data, so it can be kept::

    kept = load_patterns("lint")         # before the modules compile their patterns
    from elicit.core.stories import ...  # each re.compile finds its pattern in re's own cache
    keep_patterns("lint", kept)          # writes the file again only when a pattern was compiled meanwhile

It is correct by construction:

- an entry is what the compiler of this very Python gave for that pattern
  text and those flags, captured as the compiler passed it to the engine and
  kept only when the engine, given it again, makes a pattern equal to the one
  ``re.compile`` made (same flags, code, groups and group names);
- the file is for one Python build (its version, the engine's magic number
  and code size, marshal's version): any other Python ignores it;
- a pattern is used only for its exact text and flags (re's own cache key),
  so a changed pattern is simply compiled as before, and then kept too.

The file is a cache in the user's cache folder: unreadable, cut short, damaged
(its payload carries a CRC-32), of another format or another Python, it is
ignored and written again; when the folder cannot be written, nothing is kept
and every pattern is compiled as if there were no cache. Deleting it is safe.
Where re's internals differ from what this expects (another Python), nothing
is loaded or kept. Reading an entry runs no code (marshal data of plain values).
"""

from __future__ import annotations

import marshal
import re
import sys
from typing import Any, NamedTuple

from elicit.core.files.cache_file import read_marshalled, write_marshalled

FORMAT = b"elicit-pattern-cache 1\n"
KEEP = 400
"""The most patterns a file holds: a command that compiles more (patterns made from its input) keeps none."""
_SUFFIX = ".patterns"

_Key = tuple[type, str, int]
"""re's cache key: the pattern's type, its text, its flags."""


class Kept(NamedTuple):
    """What :func:`load_patterns` found: re's cache keys before it loaded, and the keys it loaded."""

    before: frozenset[_Key]
    loaded: frozenset[_Key]


_NOTHING = Kept(frozenset(), frozenset())


def _re_cache() -> dict[Any, Any] | None:
    """re's cache of compiled patterns (``re._cache``, a dict keyed by (type, text, flags)), or None when not so."""
    found = getattr(re, "_cache", None)
    return found if isinstance(found, dict) else None


def _engine() -> Any:
    """Python's engine of regular expressions (``_sre``: what ``re``'s compiler hands its patterns to)."""
    import importlib

    return importlib.import_module("_sre")


def _build() -> bytes:
    """This Python's build, as far as compiled patterns depend on it."""
    engine = _engine()
    return f"{sys.version}\n{sys.implementation.cache_tag}\n{engine.MAGIC}\n{engine.CODESIZE}\n{marshal.version}\n".encode()


def _path(name: str) -> Any:
    from elicit.core.paths import cache_dir

    return cache_dir() / "patterns" / (name + _SUFFIX)


def load_patterns(name: str) -> Kept:
    """Put the patterns kept under ``name`` into re's cache; what :func:`keep_patterns` needs to know afterwards."""
    cache = _re_cache()
    if cache is None:
        return _NOTHING
    before = frozenset(key for key in cache if _plain_key(key))
    entries = _read(name)
    loaded: set[_Key] = set()
    if entries:
        engine = _engine()
        for pattern, flags, arguments in entries:
            key = (str, pattern, flags)
            if key in cache:
                continue
            try:
                cache[key] = engine.compile(pattern, *arguments)
            except (TypeError, ValueError, RuntimeError, OverflowError):  # not what this engine takes: compiled as usual
                continue
            loaded.add(key)
    return Kept(before, frozenset(loaded))


def keep_patterns(name: str, kept: Kept) -> None:
    """Keep, under ``name``, every pattern in re's cache since :func:`load_patterns`, when any was compiled meanwhile."""
    cache = _re_cache()
    if cache is None or kept is _NOTHING:
        return
    now = [key for key in list(cache) if _plain_key(key) and key not in kept.before]
    if all(key in kept.loaded for key in now) or len(now) > KEEP:
        return  # every pattern came from the file (nothing new to keep), or too many to be the command's own
    entries = []
    for key in now:
        arguments = _arguments(key[1], key[2], cache.get(key))
        if arguments is not None:
            entries.append((key[1], key[2], arguments))
    _write(name, entries)


def _plain_key(key: Any) -> bool:
    return type(key) is tuple and len(key) == 3 and key[0] is str and type(key[1]) is str and type(key[2]) is int


def _arguments(pattern: str, flags: int, compiled: Any) -> tuple[Any, ...] | None:
    """What re's compiler passes to the engine for ``pattern`` and ``flags`` (after the pattern itself), when the
    engine makes of it a pattern equal to ``compiled``; None otherwise (or when re's compiler is not as expected)."""
    if not isinstance(compiled, re.Pattern) or flags & re.DEBUG:
        return None
    try:
        import importlib

        names = importlib.import_module("re._compiler").__dict__
        engine = names["_sre"]
        calls: list[tuple[Any, ...]] = []

        class _Recorder:
            def __getattr__(self, attribute: str) -> Any:
                return getattr(engine, attribute)

            def compile(self, *arguments: Any) -> Any:
                calls.append(arguments)
                return engine.compile(*arguments)

        names["_sre"] = _Recorder()
        try:
            names["compile"](pattern, flags)
        finally:
            names["_sre"] = engine
    except Exception:  # noqa: BLE001 - re's internals are not a public interface: keep nothing rather than guess
        return None
    if len(calls) != 1 or calls[0][0] != pattern:
        return None
    arguments = _as_plain(calls[0][1:])  # the code's numbers are named constants (int subclasses): as plain ints
    again = engine.compile(pattern, *arguments)
    same = again == compiled and again.groups == compiled.groups and again.groupindex == compiled.groupindex
    return arguments if same and _plain(arguments) else None


def _as_plain(value: Any) -> Any:
    """``value`` with every int subclass made an int, inside lists, tuples and dicts (what marshal keeps)."""
    if isinstance(value, int) and type(value) is not int and type(value) is not bool:
        return int(value)
    if type(value) is list:
        return [_as_plain(item) for item in value]
    if type(value) is tuple:
        return tuple(_as_plain(item) for item in value)
    if type(value) is dict:
        return {_as_plain(key): _as_plain(item) for key, item in value.items()}
    return value


def _plain(value: Any) -> bool:
    """Whether ``value`` is made only of what marshal keeps as it is (so reading it back gives the same)."""
    if value is None or type(value) in (int, str):
        return True
    if type(value) in (list, tuple):
        return all(_plain(item) for item in value)
    if type(value) is dict:
        return all(_plain(key) and _plain(item) for key, item in value.items())
    return False


def _read(name: str) -> list[tuple[str, int, tuple[Any, ...]]]:
    return [entry for entry in read_marshalled(_path(name), FORMAT + _build()) if _entry(entry)]


def _entry(entry: Any) -> bool:
    return (
        type(entry) is tuple
        and len(entry) == 3
        and type(entry[0]) is str
        and type(entry[1]) is int
        and type(entry[2]) is tuple
    )


def _write(name: str, entries: list[tuple[str, int, tuple[Any, ...]]]) -> None:
    write_marshalled(_path(name), FORMAT + _build(), entries)
