"""The fast TOML writer writes exactly what tomli_w writes: on generated data, on the toml-test suite, on sessions and specs."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from elicit.core.files import toml_writer
from elicit.core.files.toml_parser import loads
from elicit.core.files.toml_source import dumps_toml
from tests.conftest import DATA

SUITE = DATA / "toml-test"
VALID = [
    name
    for name in (SUITE / "files-toml-1.1.0").read_text(encoding="utf-8").split("\n")
    if name.startswith("valid/") and name.endswith(".toml")
]

# Characters where the two could differ: escapes, controls, quotes, newlines, carriage returns, non-ASCII.
_chars = st.sampled_from(list("ab Z09-_.'\"\\\t\n\r\b\f\x00\x1f\x7f\x80é€\u2028\U0001f600#=[]{},"))
texts = st.text(_chars, max_size=12) | st.text(max_size=8)
keys = st.text(_chars, max_size=6) | st.sampled_from(["id", "a-b", "a_b", "9", ""])
zones = st.sampled_from([None, dt.UTC, dt.timezone(dt.timedelta(hours=1)), dt.timezone(dt.timedelta(hours=-5, minutes=-30))])
scalars = (
    texts
    | st.integers()
    | st.floats(allow_nan=True)
    | st.booleans()
    | st.dates()
    | st.times()
    | st.builds(lambda moment, zone: moment.replace(tzinfo=zone), st.datetimes(), zones)
)


def _extend(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.lists(children, max_size=4) | st.tuples(children, children) | st.dictionaries(keys, children, max_size=4)


values = st.recursive(scalars, _extend, max_leaves=25)
tables = st.dictionaries(keys, values | st.lists(st.dictionaries(keys, values, max_size=4), min_size=1, max_size=3), max_size=6)


def has_carriage_return(value: Any) -> bool:
    if isinstance(value, str):
        return "\r" in value
    if isinstance(value, dict):
        return any(has_carriage_return(key) or has_carriage_return(item) for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return any(has_carriage_return(item) for item in value)
    return False


@settings(max_examples=400, deadline=None)
@given(tables, st.booleans())
def test_generated_data_is_written_as_tomli_w_writes_it(data: dict[str, Any], multiline: bool) -> None:
    text, carriage_return = toml_writer.dumps(data, multiline_strings=multiline)
    assert text == tomli_w.dumps(data, multiline_strings=multiline)
    assert carriage_return == has_carriage_return(data)


@settings(max_examples=200, deadline=None)
@given(tables)
def test_dumps_toml_is_the_old_dumps_toml(data: dict[str, Any]) -> None:
    assert dumps_toml(data) == tomli_w.dumps(data, multiline_strings=not has_carriage_return(data))


@pytest.mark.parametrize("name", VALID)
def test_every_valid_toml_test_file_is_written_as_tomli_w_writes_it(name: str) -> None:
    data = loads((SUITE / name).read_text(encoding="utf-8").removeprefix("\ufeff"))  # as files are read: a BOM dropped
    for multiline in (True, False):
        try:
            expected = tomli_w.dumps(data, multiline_strings=multiline)
        except (TypeError, ValueError):  # an offset time, say: nothing to compare with
            with pytest.raises((TypeError, ValueError)):
                toml_writer.dumps(data, multiline_strings=multiline)
            continue
        try:
            text, _ = toml_writer.dumps(data, multiline_strings=multiline)
        except toml_writer.Unsupported:
            continue
        assert text == expected


def test_a_big_session_is_written_as_tomli_w_writes_it(tmp_path: Any) -> None:
    from elicit.core.session import read_session
    from elicit.core.session.file_format import session_to_data

    data = session_to_data(read_session(DATA / "sample-interview.elicit.toml"))
    data["stories"] = data["stories"] * 50
    assert dumps_toml(data) == tomli_w.dumps(data, multiline_strings=True)


def test_what_it_does_not_know_goes_to_tomli_w() -> None:
    data = {"price": Decimal("1.50"), "table": {"a": 1}}
    with pytest.raises(toml_writer.Unsupported):
        toml_writer.dumps(data, multiline_strings=True)
    assert dumps_toml(data) == tomli_w.dumps(data, multiline_strings=True)


def test_a_key_that_is_not_a_string_is_refused_as_tomli_w_refuses_it() -> None:
    with pytest.raises(TypeError):
        dumps_toml({1: "one"})  # type: ignore[dict-item]
