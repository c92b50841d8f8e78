"""The TOML reader is exact: the whole toml-test suite (TOML 1.1.0), through the same path users' files take."""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from elicit.core.files import toml_parser
from elicit.core.files.toml_parser import TomlSyntaxError, loads
from elicit.core.files.toml_source import text_document
from elicit.core.findings import FindingsError
from tests.conftest import DATA

SUITE = DATA / "toml-test"
LISTED = [name for name in (SUITE / "files-toml-1.1.0").read_text(encoding="utf-8").split("\n") if name.endswith(".toml")]
VALID = [name for name in LISTED if name.startswith("valid/")]
INVALID = [name for name in LISTED if name.startswith("invalid/")]


def tagged(value: Any) -> Any:
    """A parsed value in toml-test's tagged JSON shape, datetimes kept as objects to compare exactly."""
    if isinstance(value, dict):
        return {key: tagged(item) for key, item in value.items()}
    if isinstance(value, list):
        return [tagged(item) for item in value]
    if isinstance(value, bool):
        return {"type": "bool", "value": "true" if value else "false"}
    if isinstance(value, int):
        return {"type": "integer", "value": str(value)}
    if isinstance(value, float):
        return {"type": "float", "value": _float_text(value)}
    if isinstance(value, str):
        return {"type": "string", "value": value}
    if isinstance(value, dt.datetime):
        return {"type": "datetime" if value.tzinfo else "datetime-local", "value": value}
    if isinstance(value, dt.date):
        return {"type": "date-local", "value": value}
    if isinstance(value, dt.time):
        return {"type": "time-local", "value": value}
    raise TypeError(f"unexpected {type(value).__name__}")


def _float_text(number: float) -> str:
    if math.isnan(number):
        return "nan"
    if math.isinf(number):
        return "inf" if number > 0 else "-inf"
    return repr(number)


def expected(value: Any) -> Any:
    """toml-test's expected JSON with its strings turned into comparable values."""
    if isinstance(value, list):
        return [expected(item) for item in value]
    if not isinstance(value, dict):
        return value
    if set(value) == {"type", "value"} and isinstance(value["value"], str):
        kind, text = value["type"], value["value"]
        iso = text.replace(" ", "T").replace("t", "T").replace("z", "Z").replace("Z", "+00:00")
        convert = {
            "float": lambda: _float_text(float(text)),
            "integer": lambda: str(int(text)),
            "datetime": lambda: dt.datetime.fromisoformat(iso),
            "datetime-local": lambda: dt.datetime.fromisoformat(iso),
            "date-local": lambda: dt.date.fromisoformat(text),
            "time-local": lambda: dt.time.fromisoformat(text),
        }.get(kind)
        return {"type": kind, "value": convert() if convert else text}
    return {key: expected(item) for key, item in value.items()}


def document_text(name: str) -> str | None:
    """The file's text as elicit reads it (UTF-8, a leading BOM dropped), or None if it is not UTF-8."""
    raw = (SUITE / name).read_bytes()
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return None


def test_the_suite_is_all_here() -> None:
    assert len(VALID) > 200 and len(INVALID) > 200
    assert all((SUITE / name).is_file() for name in LISTED)


@pytest.mark.parametrize("name", VALID)
def test_valid_files_parse_to_the_expected_values(name: str) -> None:
    text = document_text(name)
    assert text is not None
    assert tagged(loads(text)) == expected(json.loads((SUITE / name).with_suffix(".json").read_text(encoding="utf-8")))


@pytest.mark.parametrize("name", INVALID)
def test_invalid_files_are_refused_with_a_line(name: str) -> None:
    text = document_text(name)
    if text is None:
        pytest.skip("not UTF-8: elicit refuses it before parsing (tests/core/files cover that message)")
    with pytest.raises(FindingsError) as caught:
        text_document(text, "bad.toml")
    [finding] = caught.value.findings
    assert finding.file == "bad.toml" and finding.line is not None


def test_the_fast_parser_is_the_one_in_use_where_installed() -> None:
    rtoml = pytest.importorskip("rtoml")
    loads("a = 1")
    assert toml_parser._fast is rtoml.loads


def test_without_the_fast_parser_the_careful_one_gives_the_same_data(monkeypatch: pytest.MonkeyPatch) -> None:
    loads("a = 1")
    monkeypatch.setattr(toml_parser, "_fast", None)
    for name in VALID[::7]:
        text = document_text(name)
        assert text is not None
        assert tagged(loads(text)) == expected(json.loads((SUITE / name).with_suffix(".json").read_text(encoding="utf-8")))
    with pytest.raises(TomlSyntaxError, match=r"at line 1, column"):
        loads("a = 1 b = 2")


def test_offset_datetimes_carry_standard_zones_so_sessions_can_be_copied() -> None:
    import copy

    data = loads("a = 2026-01-31T09:30:00+01:00\nb = [{c = 1979-05-27T07:32:00Z}]\n")
    assert type(data["a"].tzinfo) is dt.timezone and data["a"].utcoffset() == dt.timedelta(hours=1)
    assert data["b"][0]["c"].tzinfo is dt.UTC
    assert copy.deepcopy(data) == data


class _Stamp(dt.datetime):
    """A datetime subclass: with_zone must keep its type, as replace does."""


@given(
    st.datetimes(timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=5, minutes=30)), dt.timezone(-dt.timedelta(hours=8))])),
    st.sampled_from([0, 1]),
    st.booleans(),
    st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=1)), dt.timezone(dt.timedelta(hours=-3, minutes=-15))]),
)
def test_a_datetime_given_a_zone_is_the_one_replace_gives(value, fold, subclass, zone):
    """with_zone builds the datetime with the constructor where that is replace's result (issue 18): every field, the
    fold and the type as replace(tzinfo=...) leaves them."""
    value = value.replace(fold=fold)
    if subclass:
        value = _Stamp(*value.timetuple()[:6], value.microsecond, value.tzinfo, fold=value.fold)
    made, expected = toml_parser.with_zone(value, zone), value.replace(tzinfo=zone)
    assert (type(made), made.timetuple()[:6], made.microsecond, made.tzinfo, made.fold) == (
        type(expected), expected.timetuple()[:6], expected.microsecond, expected.tzinfo, expected.fold
    )
