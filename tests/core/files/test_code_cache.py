"""The dataclasses' generated methods kept compiled between runs (elicit.core.files.code_cache): a class made with
the kept code is the class made without it, and anything doubtful is compiled as usual."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from elicit.core.files import code_cache


@pytest.fixture(autouse=True)
def _unhooked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test hooks dataclasses itself (importing elicit.cli.lint_commands hooks them until its lint() ends)."""
    if "exec" in vars(dataclasses):
        monkeypatch.delattr(dataclasses, "exec")


def _classes() -> list[type]:
    """Dataclasses of several kinds, made afresh (each call makes new ones)."""

    @dataclasses.dataclass
    class Plain:
        id: str
        tags: list[str] = dataclasses.field(default_factory=list)
        count: int = 0

    @dataclasses.dataclass(frozen=True)
    class Frozen:
        code: str
        message: str = "x"

    @dataclasses.dataclass(order=True)
    class Ordered:
        rank: int
        name: str = ""

    return [Plain, Frozen, Ordered]


def _behaviour(classes: list[type]) -> list[object]:
    plain, frozen, ordered = classes
    made = [plain("a", ["t"], 2), plain("b"), frozen("c"), frozen("c", "y"), ordered(1, "a"), ordered(2)]
    with pytest.raises(dataclasses.FrozenInstanceError):
        made[2].code = "d"  # type: ignore[misc]
    return [
        [repr(item).split(".")[-1] for item in made],
        made[0] == plain("a", ["t"], 2),
        made[1] != plain("a"),
        hash(made[2]) == hash(frozen("c")),
        ordered(1) < ordered(2),
        [field.name for cls in classes for field in dataclasses.fields(cls)],
        plain("z").tags is not plain("z").tags,
    ]


def _run(name: str = "test") -> tuple[code_cache.KeptCode, list[object]]:
    kept = code_cache.load_code(name)
    try:
        behaviour = _behaviour(_classes())
    finally:
        code_cache.keep_code(name, kept)
    return kept, behaviour


def _file(name: str = "test") -> Path:
    path = code_cache._path(name)
    assert isinstance(path, Path)
    return path


def test_the_kept_code_makes_the_same_classes_as_compiling_their_text() -> None:
    plain = _behaviour(_classes())
    first, behaviour = _run()
    assert first.new and _file().is_file() and behaviour == plain
    second, behaviour = _run()
    assert not second.new and len(second.codes) == len(first.codes) and behaviour == plain
    for (text, flags), code in second.codes.items():
        assert code == compile(text, "<string>", "exec", flags, dont_inherit=True)


def test_dataclasses_are_unhooked_after_keeping_and_a_run_that_compiled_nothing_writes_nothing() -> None:
    _run()
    written = _file().stat().st_mtime_ns
    kept = code_cache.load_code("test")
    assert "exec" in vars(dataclasses)
    assert code_cache.load_code("test") is code_cache._NOTHING  # hooked already: a second hook is not stacked
    _behaviour(_classes())
    code_cache.keep_code("test", kept)
    assert "exec" not in vars(dataclasses) and _file().stat().st_mtime_ns == written


def test_a_text_is_compiled_with_the_future_flags_of_the_code_that_runs_it() -> None:
    kept = code_cache.load_code("test")
    try:
        namespace: dict[str, object] = {}
        kept.exec("def f(x: Undefined) -> None: pass", namespace)  # this module has annotations from __future__
        assert namespace["f"].__annotations__ == {"x": "Undefined", "return": "None"}  # type: ignore[attr-defined]
        plain: dict[str, object] = {"Undefined": int}
        exec(compile("kept.exec('def g(x: Undefined): pass', names)", "<t>", "exec", dont_inherit=True), {"kept": kept, "names": plain})
        assert plain["g"].__annotations__ == {"x": int}  # type: ignore[attr-defined]
        assert {flags for _text, flags in kept.new} == {0, sys._getframe().f_code.co_flags & code_cache._FUTURE_FLAGS}
    finally:
        code_cache.keep_code("test", kept)


@pytest.mark.parametrize("damage", ["flip", "cut", "build", "format", "garbage", "empty"])
def test_a_damaged_or_foreign_file_is_ignored_and_written_again(damage: str) -> None:
    plain = _behaviour(_classes())
    _run()
    data = _file().read_bytes()
    damaged = {
        "flip": data[:-10] + bytes([data[-10] ^ 0x40]) + data[-9:],
        "cut": data[: len(data) // 2],
        "build": data.replace(sys.version.encode(), b"2.7.18 (default)", 1),
        "format": b"elicit-code-cache 0\n" + data[len(code_cache.FORMAT) :],
        "garbage": b"\x00\xff" * 40,
        "empty": b"",
    }[damage]
    _file().write_bytes(damaged)
    kept, behaviour = _run()
    assert kept.new and behaviour == plain and _file().read_bytes() == data


def test_a_folder_that_cannot_be_written_keeps_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("ELICIT_CACHE_DIR", str(blocker / "cache"))
    plain = _behaviour(_classes())
    kept, behaviour = _run()
    assert kept.new and behaviour == plain and not _file().exists()
    kept, behaviour = _run()
    assert kept.new and behaviour == plain  # compiled as usual every time


def test_elicit_lint_keeps_the_code_of_its_dataclasses_and_prints_the_same_with_it(tmp_path: Path) -> None:
    stories = tmp_path / "stories.txt"
    stories.write_text("As a clerk, I want to print the totals and email them, so that I can close the day\nAs a user I want it fast\n")
    env = {"ELICIT_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    runs = [subprocess.run([sys.executable, "-m", "elicit", "lint", str(stories)], capture_output=True, text=True, env=env) for _ in range(2)]
    assert (tmp_path / "cache" / "code" / "lint.code").is_file()
    assert runs[0].stdout == runs[1].stdout and "not-atomic" in runs[0].stdout and runs[0].stderr == runs[1].stderr == ""
