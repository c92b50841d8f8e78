"""Reading TOML: hostile files give one clear finding, never an exception (issue 11)."""

from __future__ import annotations

from pathlib import Path

import pytest

from elicit.core.files.toml_source import KeyLines, parse_toml, text_document
from elicit.core.findings import FindingsError

DEEP = 1000


@pytest.mark.parametrize(
    "text",
    [
        "a = " + "[" * DEEP + "]" * DEEP,
        "a = " + "{b = " * DEEP + "1" + "}" * DEEP,
        '[answers."x.y"]\nvalue = ' + "[" * DEEP + "]" * DEEP,
        "a = " + "[{b = " * (DEEP // 2) + "1" + "}]" * (DEEP // 2),
    ],
    ids=["arrays", "inline-tables", "answer-value", "mixed"],
)
def test_deep_nesting_is_one_finding_naming_the_file(tmp_path: Path, text: str):
    path = tmp_path / "deep.toml"
    path.write_text(text, encoding="utf-8")
    document, problem = parse_toml(path)
    assert document is None and problem is not None
    assert problem.code == "too-deep"
    assert "nested too deeply" in problem.message
    assert problem.file == str(path) and problem.line == text.count("\n") + 1
    with pytest.raises(FindingsError) as caught:
        text_document(text, "in-memory.toml")
    assert caught.value.findings[0].code == "too-deep"
