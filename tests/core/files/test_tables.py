"""TableReader: the one strict reader of TOML tables (banks, session files, spec imports, vague terms)."""

from __future__ import annotations

from elicit.core.files.tables import TableReader
from elicit.core.files.toml_source import text_document

TEXT = """\
title = 3

[[people]]
name = "Ann"
nmae = "typo"
tags = "solo"
admin = "yes"
age = 1.5
when = "yesterday"
status = "done"
"""


def read() -> tuple[TableReader, list[tuple[str, dict]]]:
    reader = TableReader(text_document(TEXT, "t.toml"))
    return reader, reader.tables(reader.document.data, "people", ("name", "tags", "admin", "age", "when", "status"))


def test_every_problem_is_a_finding_with_its_line_and_key():
    reader, people = read()
    key, table = people[0]
    assert key == "people[0]"
    assert reader.string(reader.document.data, "title", "") == ""
    assert reader.strings(table, "tags", key) == []
    assert reader.boolean(table, "admin", key) is False
    assert reader.whole(table, "age", key) is None
    assert reader.when(table, "when", key) is None
    assert reader.choice(table, "status", key, ("open", "closed"), "open") == "open"
    found = {finding.key: finding for finding in reader.findings}
    assert found["people[0].nmae"].code == "unknown-key" and found["people[0].nmae"].line == 5
    assert found["people[0].nmae"].hint == "did you mean 'name'?"
    assert found["title"].message == "'title' must be a string, not a whole number" and found["title"].line == 1
    assert found["people[0].tags"].hint == 'write tags = ["solo"]'
    assert found["people[0].admin"].message == "'admin' must be true or false, not a string"
    assert found["people[0].age"].message == "'age' must be a whole number, not a number"
    assert found["people[0].when"].code == "wrong-type" and found["people[0].when"].line == 9
    assert found["people[0].status"].code == "bad-value" and "use one of: open, closed" in found["people[0].status"].hint
    assert len(reader.findings) == 7


def test_required_and_nonempty_strings():
    reader = TableReader(text_document('[[s]]\nid = " "\n', "t.toml"))
    (key, table), = reader.tables(reader.document.data, "s", ("id", "title"))
    assert reader.string(table, "title", key, required=True) == ""
    assert reader.string(table, "id", key, required=True, nonempty=True) == " "
    missing, empty = reader.findings
    assert (missing.code, missing.message, missing.line) == ("missing-key", "missing required key 'title'", 1)
    assert (empty.code, empty.key) == ("empty", "s[0].id")


def test_an_unknown_key_says_what_is_allowed_unless_a_reader_says_otherwise():
    class Newer(TableReader):
        def unknown_key_hint(self, close, allowed):
            return "upgrade"

    document = text_document('colour = "red"\n', "t.toml")
    plain, newer = TableReader(document), Newer(document)
    plain.keys(document.data, ("group", "remove"), "", "file")
    newer.keys(document.data, ("group", "remove"), "")
    assert plain.findings[0].message == "unknown key 'colour' in file"
    assert plain.findings[0].hint == "allowed keys are: group, remove"
    assert newer.findings[0].hint == "upgrade"


def test_not_an_array_of_tables():
    reader = TableReader(text_document('people = "Ann"\n', "t.toml"))
    assert reader.tables(reader.document.data, "people", ("name",)) == []
    assert reader.findings[0].message == "'people' must be an array of tables"
