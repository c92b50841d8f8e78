"""The dataclasses' generated methods kept compiled between runs (elicit.core.files.code_cache): a class made with
the kept code is the class made without it, and anything doubtful is compiled as usual."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import types
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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


def _module(name: str, source: str) -> types.ModuleType:
    """A module called ``name`` made from ``source`` (its classes are made as an import would make them)."""
    module = types.ModuleType(name)
    sys.modules[name] = module
    try:
        exec(compile(source, f"<{name}>", "exec", dont_inherit=True), module.__dict__)
    finally:
        del sys.modules[name]
    return module


CLASS = """
import dataclasses

@dataclasses.dataclass{options}
class Item:
{fields}
"""


def _definition(fields: list[tuple[str, str, str | None]], options: str = "") -> str:
    lines = [f"    {name}: {kind}" + ("" if default is None else f" = {default}") for name, kind, default in fields]
    return CLASS.format(options=options, fields="\n".join(lines) or "    pass")


def _made(item: type) -> list[object]:
    """What a class does that its generated methods decide: the fields, a default instance's repr, equality, order."""
    fields = dataclasses.fields(item)
    values = [f"v{index}" for index, _field in enumerate(fields)]
    made = item(*values)
    repr_made = "__repr__" in vars(item)
    return [
        repr_made,
        [(field.name, field.type, field.default) for field in fields],
        repr(item()) if repr_made and all(field.default is not dataclasses.MISSING for field in fields) else None,
        repr(made) if repr_made else None,
        made == item(*values),
        made != item(*values[:-1], "other") if values else None,
        "__lt__" in vars(item) and bool(values) and not made < item(*values),
        item.__hash__ is None,
    ]


def test_only_the_classes_of_the_modules_named_get_kept_code() -> None:
    kept = code_cache.load_code("test", modules=("elicit.",))
    try:
        ours = _module("elicit.cache_test_ours", _definition([("name", "str", None)]))
        theirs = _module("textual.cache_test_theirs", _definition([("label", "str", None)]))
    finally:
        code_cache.keep_code("test", kept)
    assert kept.new and all("name" in text and "label" not in text for text, _flags in kept.codes)
    assert repr(ours.Item("x")) == "Item(name='x')" and repr(theirs.Item("y")) == "Item(label='y')"


def test_keeping_twice_writes_once() -> None:
    kept, _behaviour = _run()
    _file().unlink()
    code_cache.keep_code("test", kept)
    assert not _file().exists()


FIELD_NAMES = st.sampled_from(["id", "name", "tags", "count", "when", "text"])
FIELDS = st.lists(
    st.tuples(FIELD_NAMES, st.sampled_from(["str", "int", "list[str]", "'Later'"]), st.sampled_from([None, "''", "0", "'x'", "None"])),
    max_size=4,
    unique_by=lambda field: field[0],
).map(lambda fields: [field for index, field in enumerate(fields) if field[2] is not None or all(f[2] is None for f in fields[:index])])
OPTIONS = st.sampled_from(["", "(frozen=True)", "(order=True)", "(eq=False)", "(repr=False)", "(frozen=True, order=True)"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=st.tuples(FIELDS, OPTIONS), after=st.tuples(FIELDS, OPTIONS))
def test_a_changed_class_is_made_as_python_makes_it_never_from_the_old_code(before: tuple, after: tuple) -> None:
    """The kept code is looked up by the whole generated text: a class defined differently from last time (fields
    added, renamed, retyped, given other defaults, other options) makes the class Python makes of the new definition."""
    for fields, options in (before, after):
        kept = code_cache.load_code("changed", modules=("elicit.",))
        try:
            cached = _module("elicit.cache_test_changed", _definition(fields, options)).Item
        finally:
            code_cache.keep_code("changed", kept)
        plain = _module("elicit.cache_test_changed", _definition(fields, options)).Item
        assert _made(cached) == _made(plain)
        for (text, flags), code in kept.codes.items():  # every entry, old or new, is exactly its text compiled
            assert code == compile(text, "<string>", "exec", flags, dont_inherit=True)


def test_a_changed_default_with_the_same_text_runs_the_same_code_on_the_new_value() -> None:
    """A default is not part of the generated text: dataclasses hands it to the kept code, which uses the new one."""
    first, _ = _run_definition(_definition([("name", "str", "'old'")]))
    second, item = _run_definition(_definition([("name", "str", "'new'")]))
    assert first.new and not second.new, "the same text: found compiled"
    assert item().name == "new"


def _run_definition(source: str) -> tuple[code_cache.KeptCode, type]:
    kept = code_cache.load_code("default")
    try:
        return kept, _module("elicit.cache_test_default", source).Item
    finally:
        code_cache.keep_code("default", kept)


def test_elicit_export_keeps_the_code_of_its_dataclasses_and_writes_the_same_with_it(tmp_path: Path) -> None:
    from tests.conftest import write_mini_session

    session = write_mini_session(tmp_path)
    env = {"ELICIT_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    outputs = []
    for run in range(2):
        out = tmp_path / f"spec{run}.md"
        done = subprocess.run([sys.executable, "-m", "elicit", "export", str(session), "--format", "md", "-o", str(out)], capture_output=True, text=True, env=env)
        assert done.returncode == 0 and done.stderr == "", done.stderr
        outputs.append(out.read_text(encoding="utf-8"))
    assert (tmp_path / "cache" / "code" / "export.code").is_file()
    assert outputs[0] == outputs[1] and outputs[0].startswith("# ")
