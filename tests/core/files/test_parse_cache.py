"""The cache of parsed bank files: used only for unchanged bytes, and never changes what is read."""

from __future__ import annotations

import math
import tomllib
from pathlib import Path

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from elicit.core.files.toml_source import parse_toml
from tests.conftest import MINI_BANK


def parse(path: Path) -> dict:
    document, problem = parse_toml(path, cached=True)
    assert problem is None and document is not None
    return document.data


def forbid_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(text: str) -> dict:
        raise AssertionError("parsed again")

    monkeypatch.setattr(tomllib, "loads", fail)


def cache_files(home: Path) -> list[Path]:
    return sorted((home / "cache" / "parsed-banks").glob("*"))


def test_an_unchanged_file_is_not_parsed_again(tmp_path, monkeypatch, isolated_dirs):
    bank = tmp_path / "bank.toml"
    bank.write_bytes(MINI_BANK.read_bytes())
    expected = tomllib.loads(MINI_BANK.read_text(encoding="utf-8"))
    assert parse(bank) == expected
    assert len(cache_files(isolated_dirs)) == 1
    forbid_parsing(monkeypatch)
    assert parse(bank) == expected


def test_an_edited_file_is_parsed_afresh(tmp_path):
    bank = tmp_path / "bank.toml"
    bank.write_text('id = "one"\n', encoding="utf-8")
    assert parse(bank) == {"id": "one"}
    bank.write_text('id = "two"\n', encoding="utf-8")
    assert parse(bank) == {"id": "two"}


def test_dates_are_parsed_every_time_not_cached(tmp_path, isolated_dirs):
    bank = tmp_path / "bank.toml"
    bank.write_text("released = 2026-11-22\n", encoding="utf-8")
    assert str(parse(bank)["released"]) == "2026-11-22"
    assert cache_files(isolated_dirs) == []


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", b"\xe9" * 100])
def test_a_damaged_cache_entry_is_ignored(tmp_path, monkeypatch, isolated_dirs, damage):
    bank = tmp_path / "bank.toml"
    bank.write_text('id = "one"\n', encoding="utf-8")
    parse(bank)
    (entry,) = cache_files(isolated_dirs)
    entry.write_bytes(damage)
    assert parse(bank) == {"id": "one"}


toml_scalars = st.one_of(
    st.text(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),
    st.booleans(),
)
toml_values = st.recursive(
    toml_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=80, deadline=None)
@given(data=st.dictionaries(st.text(max_size=8), toml_values, max_size=6), nan=st.booleans())
def test_cached_data_equals_what_tomllib_reads(tmp_path_factory, data, nan):
    if nan:
        data = {**data, "not_a_number": math.inf}
    folder = tmp_path_factory.mktemp("bank")
    bank = folder / "bank.toml"
    bank.write_text(tomli_w.dumps(data), encoding="utf-8")
    expected = tomllib.loads(bank.read_text(encoding="utf-8"))
    assert parse(bank) == expected  # parsed, then stored
    assert parse(bank) == expected  # from the cache
