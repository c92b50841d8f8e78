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


def test_a_fifo_is_refused_without_reading_it(tmp_path: Path):
    import os

    fifo = tmp_path / "bank.toml"
    os.mkfifo(fifo)
    document, problem = parse_toml(fifo)  # would block forever if it were opened
    assert document is None and problem is not None
    assert problem.code == "unreadable" and "not a regular file" in problem.message


def test_a_device_is_refused_without_reading_it():
    document, problem = parse_toml(Path("/dev/zero"))
    assert document is None and problem is not None
    assert "not a regular file" in problem.message


def test_a_huge_file_is_refused_by_its_size(tmp_path: Path, monkeypatch):
    from elicit.core.files import toml_source

    monkeypatch.setattr(toml_source, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "big.toml"
    path.write_text("a = 1\n" * 200, encoding="utf-8")
    document, problem = parse_toml(path)
    assert document is None and problem is not None
    assert problem.code == "too-large" and "1,200 bytes" in problem.message


def test_key_lines_find_quoted_keys_holding_dots():
    text = 'schema = "x"\n\n[answers."bank.section.q1"]\nvalue = "a"\n\n[answers."bank.section.q2"]\nvalue = "b"\nnotes = "n"\n'
    lines = KeyLines(text)
    assert lines.line_of('answers."bank.section.q1"') == 3
    assert lines.line_of('answers."bank.section.q2".notes') == 8
    assert lines.line_of('answers."bank.section.q2".status') == 6  # falls back to its table
    assert lines.line_of("answers.plain") is None or lines.line_of("answers.plain") >= 1


def test_findings_inside_answer_tables_name_their_line():
    from elicit.core.session.file_format import loads_session

    text = 'schema = "elicit.session/1"\ntitle = "t"\n\n[answers."b.s.q"]\nvalue = "a"\nstatus = "maybe"\n'
    with pytest.raises(FindingsError) as caught:
        loads_session(text)
    assert [finding.line for finding in caught.value.findings] == [6]
