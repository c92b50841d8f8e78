"""The cache of validated banks (elicit.core.banks.bank_cache): a cached load is the fresh load, or nothing.

Each test has its own cache folder (the autouse ``isolated_dirs`` fixture
points ``ELICIT_CACHE_DIR`` at a temporary folder).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path
from unittest import mock

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from elicit.core.banks import bank_cache
from elicit.core.banks.catalog import BankCatalog
from elicit.core.banks.models import Bank
from elicit.core.findings import FindingsError
from elicit.core.paths import builtin_banks_dir
from tests.conftest import BANKS

PACKAGE = Path(bank_cache.__file__).resolve().parents[2]


FOLDERS = [("built-in", builtin_banks_dir())]


def fresh(path: Path) -> Bank:
    """The bank loaded and validated with no cache at all."""
    with mock.patch.object(bank_cache, "load", return_value=None), mock.patch.object(bank_cache, "store"):
        return BankCatalog(FOLDERS).load(path)


def cached_entries() -> list[Path]:
    folder = Path(os.environ["ELICIT_CACHE_DIR"]) / "banks"
    return sorted(folder.glob("*.bank")) if folder.is_dir() else []


def load(path: Path) -> Bank:
    return BankCatalog(FOLDERS).load(path)


def load_without_validating(path: Path, monkeypatch: pytest.MonkeyPatch) -> Bank:
    """``path`` loaded with the parser and validator switched off: only the cache can give it."""
    from elicit.core.banks import catalog, loader

    with monkeypatch.context() as patch:
        patch.setattr(loader, "bank_from_document", lambda *a, **k: pytest.fail("validated again"))
        patch.setattr(catalog, "parse_text", lambda *a, **k: pytest.fail("parsed again"))
        return load(path)


MINI = BANKS / "mini.toml"


def test_a_bank_is_validated_once_and_read_back_equal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bank = tmp_path / "mini.toml"
    bank.write_bytes(MINI.read_bytes())
    first = load(bank)
    assert first == fresh(bank)
    assert len(cached_entries()) == 1
    again = load_without_validating(bank, monkeypatch)
    assert again == first
    assert again.path == bank
    assert again is not first


@pytest.mark.parametrize("name", sorted(path.name for path in builtin_banks_dir().glob("*.toml")))
def test_every_built_in_bank_reads_back_as_it_validates(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    path = builtin_banks_dir() / name
    first = load(path)
    if bank_cache.cacheable(tomllib.loads(path.read_text(encoding="utf-8"))):
        assert load_without_validating(path, monkeypatch) == first == fresh(path)
    else:  # it includes another bank: validated every time
        assert load(path) == first == fresh(path)


def test_a_changed_bank_is_validated_again_and_its_problems_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bank = tmp_path / "mini.toml"
    text = MINI.read_text(encoding="utf-8")
    bank.write_text(text, encoding="utf-8")
    load(bank)
    bank.write_text(text.replace('kind = "choice"', 'kind = "chioce"', 1), encoding="utf-8")
    with pytest.raises(FindingsError) as caught:
        load(bank)
    with pytest.raises(FindingsError) as uncached:
        fresh(bank)
    assert [finding.format() for finding in caught.value.findings] == [finding.format() for finding in uncached.value.findings]
    assert "chioce" in caught.value.findings[0].format()
    assert len(cached_entries()) == 1  # a bank with findings is never kept


def test_the_same_bytes_at_another_path_load_with_that_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("one.toml", "two.toml"):
        (tmp_path / name).write_bytes(MINI.read_bytes())
        assert load(tmp_path / name) == fresh(tmp_path / name)
    assert load_without_validating(tmp_path / "two.toml", monkeypatch).path == tmp_path / "two.toml"
    assert load_without_validating(tmp_path / "one.toml", monkeypatch).path == tmp_path / "one.toml"


def _spoil(entry: Path, how: str) -> None:
    data = entry.read_bytes()
    if how == "flip a payload byte":
        middle = len(data) // 2
        entry.write_bytes(data[:middle] + bytes([data[middle] ^ 0x40]) + data[middle + 1 :])
    elif how == "cut short":
        entry.write_bytes(data[: len(data) // 3])
    elif how == "empty":
        entry.write_bytes(b"")
    elif how == "garbage":
        entry.write_bytes(os.urandom(len(data)))
    elif how == "another format":
        entry.write_bytes(data.replace(b"elicit-bank-cache 1", b"elicit-bank-cache 9", 1))
    elif how == "valid digest, wrong shape":
        import marshal

        from elicit.core.files.digest import fingerprint

        payload = marshal.dumps(("mini", "x"))
        entry.write_bytes(bank_cache.FORMAT + fingerprint(payload).encode() + b"\n" + payload)
    elif how == "a folder":
        entry.unlink()
        entry.mkdir()
    else:
        raise AssertionError(how)


@pytest.mark.parametrize(
    "how", ["flip a payload byte", "cut short", "empty", "garbage", "another format", "valid digest, wrong shape", "a folder"]
)
def test_a_spoilt_entry_is_ignored_and_the_bank_validated_again(tmp_path: Path, how: str, monkeypatch: pytest.MonkeyPatch) -> None:
    bank = tmp_path / "mini.toml"
    bank.write_bytes(MINI.read_bytes())
    load(bank)
    (entry,) = cached_entries() or [None]
    assert entry is not None
    _spoil(entry, how)
    expected = fresh(bank)
    calls = []
    from elicit.core.banks import loader

    real = loader.bank_from_document
    with monkeypatch.context() as patch:
        patch.setattr(loader, "bank_from_document", lambda *a, **k: calls.append(1) or real(*a, **k))
        assert load(bank) == expected
    assert calls == [1]
    if how != "a folder":  # written again, and read back
        assert load_without_validating(bank, monkeypatch) == expected


def test_an_unwritable_cache_folder_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("ELICIT_CACHE_DIR", str(blocker / "cache"))
    bank = tmp_path / "mini.toml"
    bank.write_bytes(MINI.read_bytes())
    assert load(bank) == fresh(bank)
    assert load(bank) == fresh(bank)
    assert blocker.read_text(encoding="utf-8") == "a file where the cache folder would be"


def test_a_bank_that_includes_another_is_never_kept(tmp_path: Path) -> None:
    (tmp_path / "base.toml").write_text(
        'id = "base"\ntitle = "Base"\nversion = "1"\n[[sections]]\nid = "s"\ntitle = "S"\ngoal = "G"\n'
        '[[sections.questions]]\nid = "q"\nprompt = "Q?"\n',
        encoding="utf-8",
    )
    top = tmp_path / "top.toml"
    top.write_text('id = "top"\ntitle = "Top"\nversion = "1"\n[[sections]]\ninclude = "base"\n', encoding="utf-8")
    assert load(top).questions[0].prompt == "Q?"
    (tmp_path / "base.toml").write_text((tmp_path / "base.toml").read_text(encoding="utf-8").replace("Q?", "Changed?"), encoding="utf-8")
    assert load(top).questions[0].prompt == "Changed?"
    assert bank_cache.load(top, top.read_bytes()) is None  # validated every time
    assert bank_cache.load(tmp_path / "base.toml", (tmp_path / "base.toml").read_bytes()) is not None  # includes nothing: kept


def test_a_full_folder_keeps_the_newest_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bank_cache, "KEEP", 3)
    text = MINI.read_text(encoding="utf-8")
    for number in range(5):
        bank = tmp_path / f"b{number}.toml"
        bank.write_text(text.replace('id = "mini"', f'id = "b{number}"', 1), encoding="utf-8")
        load(bank)
        entry = max(cached_entries(), key=lambda path: path.stat().st_mtime_ns)
        os.utime(entry, ns=(number * 10**9, number * 10**9))  # apart in time, whatever the clock's resolution
    assert len(cached_entries()) == 3
    assert load_without_validating(tmp_path / "b4.toml", monkeypatch).id == "b4"


def test_the_key_covers_every_module_the_loader_runs() -> None:
    """Every elicit module loaded to validate a bank is in CODE_FOLDERS, so changing any of them changes the key."""
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from elicit.core.banks.catalog import BankCatalog\n"
        f"BankCatalog([]).load(Path({str(MINI)!r}))\n"
        "print('\\n'.join(m.__file__ for n, m in sys.modules.items() if n.startswith('elicit') and getattr(m, '__file__', None)))\n"
    )
    ran = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, env={**os.environ})
    folders = {PACKAGE / folder for folder in bank_cache.CODE_FOLDERS}
    modules = [Path(line) for line in ran.stdout.split()]
    assert any(module.name == "loader.py" for module in modules)
    outside = [str(module) for module in modules if module.parent not in folders and module.name != "__init__.py"]
    assert not outside, f"add their folders to CODE_FOLDERS: {outside}"


def test_a_changed_module_is_another_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bank = tmp_path / "mini.toml"
    bank.write_bytes(MINI.read_bytes())
    load(bank)
    monkeypatch.setattr(bank_cache, "_code_state", [bank_cache._code_state[0] + "\ncore/banks/loader.py:changed"])
    assert bank_cache.load(bank, bank.read_bytes()) is None


# Random banks: a cached load equals a fresh one ---------------------------------------------------

_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=30).filter(str.strip)
_ident = st.from_regex(r"[a-z][a-z0-9_]{0,6}", fullmatch=True)


@st.composite
def _question(draw: st.DrawFn, earlier: list[tuple[str, str, list[str]]]) -> dict[str, object]:
    kind = draw(st.sampled_from(["text", "choice", "multi", "yesno", "scale", "number"]))
    question: dict[str, object] = {"prompt": draw(_text), "kind": kind}
    if draw(st.booleans()):
        question["why"] = draw(_text)
    if draw(st.booleans()):
        question["probes"] = draw(st.lists(_text, max_size=3))
    if draw(st.booleans()):
        question["tags"] = draw(st.lists(_ident, max_size=3))
    question["required"] = draw(st.booleans())
    if kind in ("choice", "multi"):
        options = draw(st.lists(_text, min_size=2, max_size=5, unique_by=str.casefold))
        question["options"] = options
        if kind == "multi" and draw(st.booleans()):
            question["options"] = (
                [*options, {"label": "Not sure", "exclusive": True}] if "not sure" not in map(str.casefold, options) else options
            )
    elif kind == "scale" and draw(st.booleans()):
        question["min"], question["max"] = draw(st.sampled_from([(0, 10), (1, 5), (-2, 2)]))
        question["labels"] = [draw(_text), draw(_text)]
    elif kind == "number" and draw(st.booleans()):
        question["min"] = draw(st.floats(-1e6, 0, allow_nan=False) | st.integers(-1000, 0))
        question["max"] = draw(st.floats(1, 1e6, allow_nan=False) | st.integers(1, 1000))
        question["unit"] = draw(_ident)
    if earlier and draw(st.booleans()):
        name, other_kind, options = draw(st.sampled_from(earlier))
        if other_kind in ("choice", "multi"):
            values = [option for option in options if isinstance(option, str)]
            question["when"] = draw(
                st.sampled_from(
                    [f"{name} == {_quoted(values[0])}", f"{name} in [{_quoted(values[-1])}]", f"not {name} != {_quoted(values[0])}"]
                )
            )
        elif other_kind == "yesno":
            question["when"] = draw(st.sampled_from([f"{name} == true", f"{name} or answered({name})", f"not ({name} == false)"]))
        elif other_kind in ("scale", "number"):
            question["when"] = draw(st.sampled_from([f"{name} >= 1", f"{name} < 2.5 and {name} > -3"]))
        else:
            question["when"] = draw(st.sampled_from([f"answered({name})", f"unanswered({name})"]))
    if draw(st.booleans()):
        question["story"] = {"role": draw(_text), "want": draw(_text), **({"so_that": draw(_text)} if draw(st.booleans()) else {})}
    return question


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


@st.composite
def _bank_document(draw: st.DrawFn) -> dict[str, object]:
    sections = []
    earlier: list[tuple[str, str, list[str]]] = []
    for section_id in draw(st.lists(_ident, min_size=1, max_size=3, unique=True)):
        questions = []
        for question_id in draw(st.lists(_ident, min_size=1, max_size=4, unique=True)):
            question = draw(_question(earlier))
            question["id"] = question_id
            questions.append(question)
            options = [option for option in question.get("options", []) if isinstance(option, str)]
            earlier.append((f"{section_id}.{question_id}", str(question["kind"]), options))
        section: dict[str, object] = {"id": section_id, "title": draw(_text), "goal": draw(_text), "questions": questions}
        if draw(st.booleans()):
            section["minutes"] = draw(st.integers(1, 90))
        sections.append(section)
    document: dict[str, object] = {"id": draw(_ident), "title": draw(_text), "version": draw(_ident), "sections": sections}
    if draw(st.booleans()):
        document["description"] = draw(_text)
    return document


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(document=_bank_document())
def test_random_banks_read_back_as_they_validate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, document: dict[str, object]) -> None:
    bank = tmp_path / "random.toml"
    bank.write_text(tomli_w.dumps(document), encoding="utf-8")
    try:
        expected = fresh(bank)
    except FindingsError:
        return  # an invalid combination: nothing is kept (checked above), nothing to compare
    assert load(bank) == expected
    assert load_without_validating(bank, monkeypatch) == expected


def test_elicit_answer_keeps_the_bank_and_banks_validate_checks_afresh(tmp_path: Path) -> None:
    from tests.support.cli import NOT_FOR_ANSWER, run_elicit

    bank = tmp_path / "mini.toml"
    bank.write_bytes(MINI.read_bytes())
    assert run_elicit("banks", "validate", str(bank)).returncode == 0
    assert cached_entries() == []  # validate reads nothing back and keeps nothing: every bank checked afresh
    session = tmp_path / "s.elicit.toml"
    assert run_elicit("new", str(session), "--bank", str(bank), "--title", "T", "--client", "C", "--no-input").returncode == 0
    ran = run_elicit("answer", str(session), "problem", "first")
    assert ran.returncode == 0, ran.stderr
    assert len(cached_entries()) == 1
    # the next answer reads the bank back: the loader and its validation are never imported
    ran = run_elicit("answer", str(session), "problem", "second", forbid=(*NOT_FOR_ANSWER, "elicit.core.banks.loader"))
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout == "mini.context.problem: second\n"
    assert bank_cache.load(bank, bank.read_bytes()) == fresh(bank)
