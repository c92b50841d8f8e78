"""Compiled regular expressions kept between runs (elicit.core.files.pattern_cache): what comes back is what
re.compile makes, and anything doubtful is compiled as usual."""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from elicit.core.files import pattern_cache

PATTERNS = [
    (r"(?:[,.;:]\s*|\s+)so\s+that\b[,:]?", re.IGNORECASE),
    (r"^(?P<role>[^,]+?)\s+(?P<means>can|will)\b", re.IGNORECASE),
    (r"[A-Za-z0-9]+(?:['’/-][A-Za-z0-9]+)*", 0),
    (r"(?<!\bwhen)\s+(?-i:I|we)\s+(?=[a-z])", re.IGNORECASE),
    (r"\b(?:İstanbul|ſo|Köln)\b", re.IGNORECASE | re.VERBOSE),
]


def _forget(patterns: list[tuple[str, int]]) -> None:
    for text, flags in patterns:
        re._cache.pop((str, text, int(flags)), None)  # type: ignore[attr-defined]


def _fresh(text: str, flags: int) -> re.Pattern[str]:
    compiled: re.Pattern[str] = importlib.import_module("re._compiler").compile(text, flags)  # not from re's cache
    return compiled


def _run_once(patterns: list[tuple[str, int]]) -> pattern_cache.Kept:
    """What a command does: load, compile its patterns (from re's cache when loaded), keep."""
    _forget(patterns)
    kept = pattern_cache.load_patterns("test")
    for text, flags in patterns:
        re.compile(text, flags)
    pattern_cache.keep_patterns("test", kept)
    return kept


def _file() -> Path:
    path = pattern_cache._path("test")
    assert isinstance(path, Path)
    return path


def test_patterns_kept_by_one_run_come_back_in_the_next_as_re_compiles_them() -> None:
    first = _run_once(PATTERNS)
    assert not first.loaded and _file().is_file()
    _forget(PATTERNS)
    second = pattern_cache.load_patterns("test")
    assert {key[1:] for key in second.loaded} == {(text, int(flags)) for text, flags in PATTERNS}
    for text, flags in PATTERNS:
        loaded = re.compile(text, flags)  # the loaded one, from re's cache
        assert (str, text, int(flags)) in second.loaded
        fresh = _fresh(text, flags)
        assert loaded is not fresh and loaded == fresh
        assert (loaded.flags, loaded.groups, loaded.groupindex, loaded.pattern) == (fresh.flags, fresh.groups, fresh.groupindex, fresh.pattern)
        for sample in ["As a user, so that I can", "Köln İSTANBUL ſo", "As a nurse can plan", "it's a/b-c", "when I go we see"]:
            assert [m.span() for m in loaded.finditer(sample)] == [m.span() for m in fresh.finditer(sample)]


def test_a_run_whose_patterns_all_came_from_the_file_does_not_write_it_again() -> None:
    _run_once(PATTERNS)
    written = _file().stat().st_mtime_ns
    os.utime(_file(), ns=(written - 10**9, written - 10**9))
    kept = _run_once(PATTERNS)
    assert len(kept.loaded) == len(PATTERNS)
    assert _file().stat().st_mtime_ns == written - 10**9
    _run_once(PATTERNS + [(r"a new\s+one", 0)])  # a new pattern: kept with the others
    _forget(PATTERNS + [(r"a new\s+one", 0)])
    assert len(pattern_cache.load_patterns("test").loaded) == len(PATTERNS) + 1


@pytest.mark.parametrize("damage", ["flip", "text", "cut", "build", "format", "garbage"])
def test_a_damaged_or_foreign_file_is_ignored_and_every_pattern_compiled_as_usual(damage: str) -> None:
    _run_once(PATTERNS)
    data = bytearray(_file().read_bytes())
    if damage == "flip":
        data[-20] ^= 0x01
    elif damage == "text":  # still marshal data, still a valid pattern: only the checksum tells
        data = data.replace(b"so\\s+that", b"so\\s+thaT", 1)
        assert b"thaT" in data
    elif damage == "cut":
        del data[len(data) // 2 :]
    elif damage == "build":
        data = data.replace(sys.version.encode(), b"3.99.0 (another build)", 1)
    elif damage == "format":
        data = data.replace(pattern_cache.FORMAT, b"elicit-pattern-cache 0\n", 1)
    else:
        data = bytearray(b"\x00\xff" * 100)
    _file().write_bytes(bytes(data))
    _forget(PATTERNS)
    assert not pattern_cache.load_patterns("test").loaded
    _run_once(PATTERNS)  # written again, whole
    _forget(PATTERNS)
    assert len(pattern_cache.load_patterns("test").loaded) == len(PATTERNS)


def test_what_the_engine_would_make_differently_is_never_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    compiler = importlib.import_module("re._compiler")
    real = compiler._sre

    class Skewed:
        """An engine whose compile receives other code than what re.compile was given (a changed compiler)."""

        def __getattr__(self, name: str) -> object:
            return getattr(real, name)

        def compile(self, pattern: str, flags: int, *rest: object) -> object:
            return real.compile(pattern, flags ^ re.MULTILINE, *rest)

    compiled = re.compile(r"never\s+kept", re.IGNORECASE)
    other = re.compile(r"other\s+code", re.IGNORECASE)
    assert pattern_cache._arguments(r"never\s+kept", int(re.IGNORECASE), compiled) is not None
    assert pattern_cache._arguments(r"never\s+kept", int(re.IGNORECASE), other) is None  # not what re.compile made of it
    monkeypatch.setattr(compiler, "_sre", Skewed())
    assert pattern_cache._arguments(r"never\s+kept", int(re.IGNORECASE), compiled) is None  # the engine makes another


def test_a_folder_that_cannot_be_written_keeps_nothing_and_breaks_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    monkeypatch.setenv("ELICIT_CACHE_DIR", str(blocked))
    kept = _run_once(PATTERNS)
    assert not kept.loaded
    for text, flags in PATTERNS:
        assert re.compile(text, flags) == _fresh(text, flags)


def test_elicit_lint_prints_the_same_with_its_patterns_compiled_or_kept(tmp_path: Path) -> None:
    backlog = tmp_path / "stories.txt"
    backlog.write_text(
        "As a nurse, I want to see and print the rota, so that I can plan\n"
        "As a user I want a fast, simple search\n"
        "When a visitor clicks Save, they see a message, so that they know it is saved\n"
        "As a user, I want to export the report (PDF) via a dropdown\n",
        encoding="utf-8",
    )
    env = {**os.environ, "ELICIT_CACHE_DIR": str(tmp_path / "cache"), "ELICIT_LINT_JOBS": "1"}
    runs = [
        subprocess.run([sys.executable, "-m", "elicit", "lint", str(backlog)], capture_output=True, text=True, env=env, check=False)
        for _ in range(3)
    ]
    assert (tmp_path / "cache" / "patterns" / "lint.patterns").is_file()
    assert runs[0].stdout and "not-atomic" in runs[0].stdout
    assert [(run.stdout, run.stderr, run.returncode) for run in runs[1:]] == [(runs[0].stdout, runs[0].stderr, runs[0].returncode)] * 2
