"""Writing exports: never over a session, however it is written; a shared Gherkin folder keeps every session's files."""

from __future__ import annotations

import os

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from elicit.core.findings import ElicitError
from elicit.core.session.file_format import dumps_session
from elicit.core.session.models import Session, Story
from elicit.core.spec.exporters import get_exporter, write_export
from elicit.core.spec.exporters.gherkin_features import feature_file_name
from tests.conftest import write_mini_session
from tests.support.cli import run_elicit

SESSION = dumps_session(Session(title="Another client's interview"))
BODY = SESSION.split("\n", 1)[1]
SESSION_SHAPES = {
    "as elicit writes it": SESSION,
    "single quotes": "schema = 'elicit.session/1'\n" + BODY,
    "no spaces": 'schema="elicit.session/1"\n' + BODY,
    "quoted key": '"schema" = "elicit.session/1"\n' + BODY,
    "a long comment block first": "".join(f"# note {n}: {'x' * 60}\n" for n in range(100)) + SESSION,
    "schema after other keys": BODY + 'schema = "elicit.session/1"\n',
    "a newer version": SESSION.replace("elicit.session/1", "elicit.session/7"),
    "damaged, but still a session": "schema = 'elicit.session/1'\ntitle = \"cut off\n[[stories]\n",
}


@pytest.mark.parametrize("text", SESSION_SHAPES.values(), ids=SESSION_SHAPES.keys())
def test_an_export_never_replaces_a_session_however_it_is_written(tmp_path, text):
    target = tmp_path / "other.elicit.toml"
    target.write_text(text, encoding="utf-8")
    with pytest.raises(ElicitError, match="is an elicit session; refusing to replace it"):
        write_export(get_exporter("toml"), {"spec.toml": "x = 1\n"}, target)
    assert target.read_text(encoding="utf-8") == text


@pytest.mark.parametrize(
    "text", ['schema = "elicit.spec/1"\n', "title = 'schema = \"elicit.session/1\"'\n", "# schema = 'elicit.session/1'\n", ""]
)
def test_files_that_only_mention_a_session_schema_are_not_sessions(tmp_path, text):
    target = tmp_path / "spec.toml"
    target.write_text(text, encoding="utf-8")
    write_export(get_exporter("toml"), {"spec.toml": "x = 1\n"}, target)
    assert target.read_text(encoding="utf-8") == "x = 1\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [(SESSION_SHAPES["single quotes"], True), (SESSION_SHAPES["damaged, but still a session"], True), ("x = 1\n", False)],
)
def test_is_session_file_decides_as_the_reader_does(tmp_path, text, expected):
    from elicit.core.session.file_format import is_session_file

    path = tmp_path / "f.toml"
    path.write_text(text, encoding="utf-8")
    assert is_session_file(path) is expected
    assert not is_session_file(tmp_path)


def test_the_cli_refuses_to_export_over_another_session(tmp_path):
    session = write_mini_session(tmp_path)
    other = tmp_path / "other.elicit.toml"
    other.write_text(SESSION_SHAPES["single quotes"], encoding="utf-8")
    result = run_elicit("export", session, "-f", "md", "-o", other)
    assert result.returncode == 1
    assert (
        result.stderr == f"elicit: error: {other} is an elicit session; refusing to replace it with an export (choose another file name)\n"
    )
    assert other.read_text(encoding="utf-8") == SESSION_SHAPES["single quotes"]


# Gherkin folders ---------------------------------------------------------------------


def session_with(tmp_path, name, *ids):
    path = tmp_path / f"{name}.elicit.toml"
    path.write_text(dumps_session(Session(title=name)), encoding="utf-8")
    return path, Session(title=name, stories=[Story(id=story_id, role="clerk", want=f"do {story_id} for {name}") for story_id in ids])


def export_gherkin(session, source, folder):
    from elicit.core.session.engine import Interview

    exporter = get_exporter("gherkin")
    return write_export(exporter, exporter.render(session, Interview(session, [])), folder, source=source)


def feature_files(folder):
    return sorted(path.name for path in folder.iterdir() if path.suffix == ".feature")


def test_a_second_session_exporting_into_the_same_folder_leaves_the_first_sessions_files(tmp_path):
    folder = tmp_path / "features"
    first, first_session = session_with(tmp_path, "finance", "US-001", "US-002")
    second, second_session = session_with(tmp_path, "warehouse", "WH-001")
    export_gherkin(first_session, first, folder)
    result = export_gherkin(second_session, second, folder)
    assert result.removed == []
    assert feature_files(folder) == ["US-001.feature", "US-002.feature", "WH-001.feature"]
    second_session.stories = []
    second_session.stories.append(Story(id="WH-002", role="picker", want="scan"))
    result = export_gherkin(second_session, second, folder)  # its own deleted story goes, nothing of the other session
    assert [path.name for path in result.removed] == ["WH-001.feature"]
    assert feature_files(folder) == ["US-001.feature", "US-002.feature", "WH-002.feature"]


def test_a_file_another_session_wrote_is_never_replaced(tmp_path):
    folder = tmp_path / "features"
    first, first_session = session_with(tmp_path, "finance", "US-001")
    second, second_session = session_with(tmp_path, "warehouse", "US-001", "US-002")
    export_gherkin(first_session, first, folder)
    before = (folder / "US-001.feature").read_bytes()
    with pytest.raises(
        ElicitError, match=r"US-001.feature was written by the export of another session .*finance.elicit.toml.*nothing was written"
    ):
        export_gherkin(second_session, second, folder)
    assert (folder / "US-001.feature").read_bytes() == before and feature_files(folder) == ["US-001.feature"]


def test_a_hand_written_feature_file_is_never_replaced(tmp_path):
    folder = tmp_path / "features"
    folder.mkdir()
    (folder / "US-001.feature").write_text("Feature: written by hand\n", encoding="utf-8")
    source, session = session_with(tmp_path, "finance", "US-001", "US-002")
    with pytest.raises(ElicitError, match="was not written by elicit; nothing was written"):
        export_gherkin(session, source, folder)
    assert feature_files(folder) == ["US-001.feature"]


def test_a_story_id_of_300_characters_exports_whole(tmp_path):
    folder = tmp_path / "features"
    long_id = "US-" + "x" * 300
    source, session = session_with(tmp_path, "finance", "US-001", long_id, "US-003")
    written = export_gherkin(session, source, folder).written
    assert len(written) == 3 and all(len(path.name.encode()) < 120 for path in written)
    assert feature_file_name(long_id, set()) != feature_file_name(
        long_id + "y", {feature_file_name(long_id, set()).removesuffix(".feature").lower()}
    )


def test_a_folder_export_that_fails_half_way_changes_nothing(tmp_path, monkeypatch):
    folder = tmp_path / "features"
    source, session = session_with(tmp_path, "finance", "US-001", "US-002", "US-003")
    export_gherkin(session, source, folder)
    before = {path.name: path.read_bytes() for path in folder.iterdir()}
    import elicit.core.files.atomic as atomic

    real_stage, calls = atomic.stage, []

    def stage(target, data, mode):
        calls.append(target)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real_stage(target, data, mode)

    monkeypatch.setattr("elicit.core.spec.exporters.writing.stage", stage)
    session.stories = [Story(id=story.id, role="clerk", want="changed") for story in session.stories]
    with pytest.raises(ElicitError, match="No space left on device; nothing in the folder was changed"):
        export_gherkin(session, source, folder)
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == before


MANY = [f"US-{n:03d}" for n in range(1, 41)]  # more files than a big folder export stages at once


def test_a_big_folder_export_staged_by_threads_that_fails_part_way_changes_nothing(tmp_path, monkeypatch):
    """Many files are staged by several threads at once (issue 18): a failure among them still changes nothing and
    leaves no temporary file behind."""
    import threading

    import elicit.core.files.atomic as atomic

    folder = tmp_path / "features"
    source, session = session_with(tmp_path, "finance", *MANY)
    export_gherkin(session, source, folder)
    before = {path.name: path.read_bytes() for path in folder.iterdir()}
    real_stage, calls, threads = atomic.stage, [], set()

    def stage(target, data, mode):
        calls.append(target)
        threads.add(threading.get_ident())
        if len(calls) == 17:
            raise OSError(28, "No space left on device")
        return real_stage(target, data, mode)

    monkeypatch.setattr("elicit.core.spec.exporters.writing.stage", stage)
    session.stories = [Story(id=story.id, role="clerk", want="changed") for story in session.stories]
    with pytest.raises(ElicitError, match="No space left on device; nothing in the folder was changed"):
        export_gherkin(session, source, folder)
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == before
    assert len(calls) == len(MANY) and threading.get_ident() not in threads


def test_a_big_folder_export_that_cannot_put_one_file_in_place_says_which_and_leaves_no_temporary(tmp_path, monkeypatch):
    """Many staged files are put in place by threads (issue 18): a rename that fails names its file, removes the
    temporaries left and keeps that file as it was."""
    from elicit.core.spec.exporters import writing

    folder = tmp_path / "features"
    source, session = session_with(tmp_path, "finance", *MANY)
    export_gherkin(session, source, folder)
    before = (folder / "US-020.feature").read_bytes()
    real_replace = os.replace

    def replace(source_path, target):
        if str(target).endswith("US-020.feature") or str(target).endswith("US-030.feature"):
            raise OSError(5, "Input/output error")
        real_replace(source_path, target)

    monkeypatch.setattr(writing.os, "replace", replace)
    session.stories = [Story(id=story.id, role="clerk", want="changed") for story in session.stories]
    with pytest.raises(ElicitError, match=r"US-020\.feature: could not put the export in place: Input/output error"):
        export_gherkin(session, source, folder)
    monkeypatch.undo()
    assert (folder / "US-020.feature").read_bytes() == before and b"changed" in (folder / "US-001.feature").read_bytes()
    assert not [path for path in folder.iterdir() if path.name.endswith(".tmp")]


def test_a_big_folder_export_writes_what_one_file_after_another_writes(tmp_path, monkeypatch):
    from elicit.core.spec.exporters import writing

    source, session = session_with(tmp_path, "finance", *MANY)
    export_gherkin(session, source, tmp_path / "threads")
    monkeypatch.setattr(writing, "_STAGERS", len(MANY))  # one after the other
    export_gherkin(session, source, tmp_path / "one-by-one")
    files = {path.name: path.read_bytes() for path in (tmp_path / "threads").iterdir()}
    assert files == {path.name: path.read_bytes() for path in (tmp_path / "one-by-one").iterdir()} and len(files) == len(MANY) + 1


def test_the_manifest_names_the_session_and_its_files(tmp_path):
    import json

    folder = tmp_path / "features"
    source, session = session_with(tmp_path, "finance", "US-001")
    export_gherkin(session, source, folder)
    (manifest,) = folder.glob(".elicit-export-finance-*.json")
    data = json.loads(manifest.read_text(encoding="utf-8"))
    assert data == {"schema": "elicit.export-manifest/1", "session": os.path.realpath(source), "files": ["US-001.feature"]}


def test_a_folder_export_that_cannot_write_one_file_writes_none(tmp_path):
    folder = tmp_path / "features"
    source, session = session_with(tmp_path, "finance", "US-001", "US-002")
    export_gherkin(session, source, folder)
    before = {path.name: path.read_bytes() for path in folder.iterdir()}
    (folder / "US-003.feature").mkdir()  # the third file cannot be written
    session.stories = [Story(id=story_id, role="clerk", want="changed") for story_id in ("US-001", "US-002", "US-003")]
    with pytest.raises(ElicitError, match="US-003.feature"):
        export_gherkin(session, source, folder)
    assert {path.name: path.read_bytes() for path in folder.iterdir() if path.is_file()} == before


def mini_session_with_stories(folder, *ids):
    from elicit.core.session.storage import SessionStore

    folder.mkdir()
    path = write_mini_session(folder)
    store, session = SessionStore.open(path)
    session.stories = [Story(id=story_id, role="clerk", want=f"do {story_id[:20]}") for story_id in ids]
    store.save(session)
    store.close()
    return path


def test_the_cli_keeps_another_sessions_feature_files_in_a_shared_folder(tmp_path):
    folder = tmp_path / "features"
    finance = mini_session_with_stories(tmp_path / "finance", "US-001", "US-002")
    warehouse = mini_session_with_stories(tmp_path / "warehouse", "WH-001")
    assert run_elicit("export", finance, "-f", "gherkin", "-o", folder).returncode == 0
    result = run_elicit("export", warehouse, "-f", "gherkin", "-o", folder)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"wrote 1 file to {folder}\n"
    assert feature_files(folder) == ["US-001.feature", "US-002.feature", "WH-001.feature"]


def test_the_cli_exports_a_300_character_story_id_whole(tmp_path):
    folder = tmp_path / "features"
    session = mini_session_with_stories(tmp_path / "s", "US-001", "US-003", "US-" + "x" * 300)
    result = run_elicit("export", session, "-f", "gherkin", "-o", folder)
    assert result.returncode == 0, result.stderr
    assert len(feature_files(folder)) == 3


_FIRST_LINES = [
    'schema = "elicit.spec/2"', "schema='elicit.spec/2'", '  schema = "elicit.spec/2" # the spec', 'schema = "elicit.session/1"',
    'schema = "elicit.sp\\u0065c/2"', 'schema = """elicit.session/1"""', 'schema = "elicit.s\\u0065ssion/1"', "title = 'x'", "",
    'schema = "elicit.spec/2"\r', 'schema = "\telicit.spec/2"',
    "*Draft specification*", "<!DOCTYPE html>", "{", "ID,Title,As a", "Feature: pay", "Feature pay", "key", "key:", "é = 1",
    "[DOCUMENT]", "1979-05-27 = 1", "a.b = 'x'", "a\t= 'x'", '"schema" = "elicit.session/1"', "a\x00",
]  # fmt: skip
_OTHER_LINES = [
    "", "# a comment", "title = 'x'", 'schema = "elicit.session/1"', "schema = 'elicit.session/7'", "[part]", "[[stories]]",
    'schema = "elicit.spec/2"', 'title = "cut off', "x = 1", "\r", "[[stories]", "# schema = 'elicit.session/1'",
    'schema = "elicit.s\\u0065ssion/1"',
]  # fmt: skip


@settings(max_examples=300)
@example([], "a.b = 'x'", ['schema = "elicit.s\\u0065ssion/1"'])  # valid, a session: its schema written escaped
@example(["# generated by elicit"], "Feature: pay", ["schema = 'elicit.session/1'"])  # broken, a session's line
@given(
    st.lists(st.sampled_from(["", "# note", "   ", "#", "\r"]), max_size=3),
    st.sampled_from(_FIRST_LINES),
    st.lists(st.sampled_from(_OTHER_LINES), max_size=6),
)
def test_is_session_file_without_a_parse_decides_as_the_parse_does(before, first, after):
    """is_session_file skips the parse of a file whose first statement sets another schema, or that no TOML file can
    start with (another format's export; issue 18): whatever the file holds after it, the answer is the one the parse
    (or, for a broken file, the schema line) gives."""
    import tempfile
    from pathlib import Path

    from elicit.core.files.toml_parser import TomlSyntaxError, loads
    from elicit.core.session.file_format import SCHEMA_PREFIX, _schema_patterns, is_session_file

    schema_line = _schema_patterns()[0]
    text = "\n".join([*before, first, *after]) + "\n"
    try:
        schema = loads(text).get("schema")
        expected = isinstance(schema, str) and schema.startswith(SCHEMA_PREFIX)
    except TomlSyntaxError:
        expected = schema_line.search(text) is not None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "spec.toml"
        path.write_bytes(text.encode("utf-8"))
        assert is_session_file(path) is expected


def test_the_not_toml_pattern_reads_the_character_after_a_bare_key_as_its_first_spelling_did():
    """The character after a bare key is "any ASCII but '.' and '='", once written as a negated class up to U+10FFFF
    (3 ms to compile at every import of the file format), now as ranges: the same answer for every character."""
    import re

    from elicit.core.session.file_format import _schema_patterns

    not_toml = _schema_patterns()[1]
    first = re.compile(r"[A-Za-z0-9_-]++[ \t]*+[^=.\x80-\U0010ffff]")
    points = [*range(0x800), 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x10FFFF]
    for point in points:
        text = "Feature" + chr(point) + " pay\n"
        assert (not_toml.match(text) is not None) is (first.match(text) is not None), hex(point)


_SCHEMA_PIECES = ["schema", '"schema"', "'schema'", " ", "\t", "=", '"', "'", "elicit.session/1", "elicit.spec/2", "\n", "\r", "x", "#"]


@settings(max_examples=400)
@example("x schema\nschema = 'elicit.session/1'")  # the word on an earlier line that does not match
@example("schemaschema = 'elicit.session/1'\n")
@example("  schema = 'elicit.session/1'")  # no newline at the end
@given(st.lists(st.sampled_from(_SCHEMA_PIECES), max_size=24).map("".join))
def test_the_schema_line_is_found_where_the_pattern_finds_it(text):
    """has_schema_line looks only at the lines holding the word 'schema' (issue 18: the pattern searched from every
    character of a 4 MB export being replaced): the same answer as the pattern's search of the whole text."""
    from elicit.core.session.file_format import _schema_patterns, has_schema_line

    assert has_schema_line(text) is (_schema_patterns()[0].search(text) is not None)
    padded = "# a long export\n" * 50 + text + "\n*more*" * 50
    assert has_schema_line(padded) is (_schema_patterns()[0].search(padded) is not None)
