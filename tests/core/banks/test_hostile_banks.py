"""Hostile banks (issue 11): every one gives findings with file and line, never an exception or a hang."""

from __future__ import annotations

from pathlib import Path

import pytest

from elicit.core.banks.catalog import BankCatalog
from elicit.core.findings import Finding, FindingsError

HEADER = 'id = "{id}"\ntitle = "T"\nversion = "1"\n'
SECTION = '[[sections]]\nid = "s"\ntitle = "S"\ngoal = "G"\n[[sections.questions]]\nid = "q"\nprompt = "Q?"\n'


def findings_of(folder: Path, path: Path) -> list[Finding]:
    with pytest.raises(FindingsError) as caught:
        BankCatalog([("project", folder)]).load(path)
    return caught.value.findings


def test_a_long_include_chain_is_refused_not_a_crash(tmp_path: Path):
    count = 400
    for number in range(count):
        body = SECTION.replace('id = "s"', f'id = "s{number}"')
        if number + 1 < count:
            body = f'[[sections]]\ninclude = "b{number + 1}"\n' + body
        (tmp_path / f"b{number}.toml").write_text(HEADER.format(id=f"b{number}") + body, encoding="utf-8")
    findings = findings_of(tmp_path, tmp_path / "b0.toml")
    assert findings[0].code in ("include-depth", "include-broken")
    assert findings[0].file == str(tmp_path / "b0.toml") and findings[0].line == 5
    assert "nest" in findings[0].format()


def test_includes_nesting_within_the_bound_still_load(tmp_path: Path):
    for number in range(5):
        body = SECTION.replace('id = "s"', f'id = "s{number}"')
        if number < 4:
            body = f'[[sections]]\ninclude = "b{number + 1}"\n' + body
        (tmp_path / f"b{number}.toml").write_text(HEADER.format(id=f"b{number}") + body, encoding="utf-8")
    bank = BankCatalog([("project", tmp_path)]).load(tmp_path / "b0.toml")
    assert len(bank.sections) == 5


def test_a_deeply_nested_bank_is_listed_as_broken_and_the_others_still_load(tmp_path: Path):
    (tmp_path / "deep.toml").write_text("a = " + "[" * 1000 + "]" * 1000, encoding="utf-8")
    (tmp_path / "good.toml").write_text(HEADER.format(id="good") + SECTION, encoding="utf-8")
    catalog = BankCatalog([("project", tmp_path)])
    entries = {entry.id: entry for entry in catalog.entries()}
    assert entries["deep"].problem is not None and entries["deep"].problem.code == "too-deep"
    assert catalog.load("good").title == "T"


def _bank_with_question(tmp_path: Path, question: str) -> Path:
    path = tmp_path / "t.toml"
    path.write_text(HEADER.format(id="t") + SECTION + question, encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "value"), [("max", "inf"), ("min", "-inf"), ("min", "nan"), ("max", "+inf")])
def test_number_ranges_must_be_finite(tmp_path: Path, name: str, value: str):
    path = _bank_with_question(tmp_path, f'kind = "number"\n{name} = {value}\n')
    (finding,) = findings_of(tmp_path, path)
    assert finding.code == "wrong-type" and finding.line == 12
    assert finding.message == f"'{name}' must be a finite number, not {value.lstrip('+')}"


def test_many_options_are_checked_for_duplicates_in_linear_time(tmp_path: Path):
    options = ", ".join(f'"option {number}"' for number in range(50_000))
    path = _bank_with_question(tmp_path, f'kind = "choice"\noptions = [{options}, "OPTION 7"]\n')
    (finding,) = findings_of(tmp_path, path)
    assert finding.code == "duplicate-option" and "'OPTION 7' is listed twice" in finding.message


@pytest.mark.parametrize("target", ["sub/inner", "/etc/passwd", "../other", "sub\\\\inner.s", "C:/x"], ids=["relative", "absolute", "parent", "backslash", "drive"])
def test_includes_by_path_are_refused(tmp_path: Path, target: str):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "inner.toml").write_text(HEADER.format(id="inner") + SECTION, encoding="utf-8")
    path = tmp_path / "t.toml"
    path.write_text(HEADER.format(id="t") + f'[[sections]]\ninclude = "{target}"\n', encoding="utf-8")
    (finding,) = findings_of(tmp_path, path)
    assert finding.code == "include-by-path" and finding.line == 5
    assert "by its id" in finding.format()
