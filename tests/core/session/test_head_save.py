"""A change to the answers saved through the head (``SessionStore.open_head``) writes, byte for byte, what a full save writes.

Every command here is one ``elicit answer``: open the file for its head, change
answers through the service, save. The file it leaves is compared with the
full path's: the previous file read whole, the same change, ``dumps_session``.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from elicit.core.findings import ElicitError, FindingsError
from elicit.core.session import service as service_module
from elicit.core.session import written
from elicit.core.session.answers import has_value
from elicit.core.session.file_format import dumps_session, read_session
from elicit.core.session.models import Answer, Decision, GlossaryTerm, Session, Story
from elicit.core.session.service import SessionService
from elicit.core.session.storage import SessionStore
from elicit.core.vocabulary import ANSWER_STATUSES
from tests.core.session.test_file_format import any_text, sessions, values

STAMP = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
HOSTILE = st.sampled_from(
    [
        "\n[[stories]]\n",
        'before\n[[stories]]\nid = "US-9"\n',
        '"""',
        "a\r\nb",
        "\\r",
        "line\nline",
        "[answers.x]",
        "\ufeff",
        "\x00\x1b[31m",
        "é ✓ 中文",
    ]
)
texts = st.one_of(any_text, HOSTILE, st.builds(lambda a, b: a + b, HOSTILE, any_text))
question_ids = st.one_of(st.sampled_from(["a.b.c", "bank.section.q1", "x"]), texts.filter(bool))
operations = st.lists(
    st.one_of(
        st.tuples(st.just("answer"), question_ids, st.one_of(values, texts).filter(has_value)),
        st.tuples(st.just("clear"), question_ids),
        st.tuples(st.just("notes"), question_ids, texts),
        st.tuples(st.just("status"), question_ids, st.sampled_from([s for s in ANSWER_STATUSES if s != "answered"])),
    ),
    min_size=1,
    max_size=4,
)


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch):
    monkeypatch.setattr(service_module, "now", lambda: STAMP)


def _apply(session: Session, operation: tuple) -> int:
    """Make the change through the service, as ``elicit answer`` does; return the service's stories revision."""
    service = SessionService(session)
    kind, question, *rest = operation
    try:
        if kind == "answer":
            service.answer(question, rest[0])
        elif kind == "clear":
            service.clear(question)
        elif kind == "notes":
            service.set_notes(question, rest[0])
        else:
            service.set_status(question, rest[0])
    except ElicitError:
        pass  # refused: neither path changes anything
    return service.stories_revision


def _answer_through_the_head(path: Path, operation: tuple) -> bool:
    """One ``elicit answer`` through the head; return whether the stories were kept as text (the tail not read)."""
    store, session, tail = SessionStore.open_head(path)
    try:
        revision = _apply(session, operation)
        store.save_head(session, tail, head_only=revision == 0)
    finally:
        store.close()
    return tail is not None


def _full_save(before: Path, operation: tuple) -> bytes:
    session = read_session(before)
    _apply(session, operation)
    return dumps_session(session).encode("utf-8")


def _write(path: Path, session: Session) -> None:
    path.unlink(missing_ok=True)
    SessionStore.create(path, session).close()


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.large_base_example,
        HealthCheck.data_too_large,
    ],
)
@given(session=sessions, extra_stories=st.integers(0, 6), operations=operations, story_text=texts)
def test_answers_saved_through_the_head_are_the_full_save_of_the_changed_session(tmp_path, session, extra_stories, operations, story_text):
    session.stories += [Story(f"X-{n}", "clerk", f"{story_text} {n}", quote=story_text) for n in range(extra_stories)]
    path, before = tmp_path / "s.elicit.toml", tmp_path / "before.elicit.toml"
    _write(path, session)
    for operation in operations:
        before.write_bytes(path.read_bytes())
        expected = _full_save(before, operation)
        _answer_through_the_head(path, operation)
        assert path.read_bytes() == expected
        read_session(path)  # and it reads back: the full reader checks every key


def _plain_session(stories: int = 30) -> Session:
    session = Session(title="Invoicing", started_at=STAMP, current="a.b.c")
    session.answers["a.b.c"] = Answer("typed twice", answered_at=STAMP, updated_at=STAMP)
    session.stories = [Story(f"US-{n:03d}", "clerk", f"to send invoice {n}", quote="we type it twice") for n in range(1, stories + 1)]
    session.decisions = [Decision("D-001", "Use the bank feed")]
    session.glossary = [GlossaryTerm("feed", "the bank's daily file of payments, as the client's bank sends it every morning")]
    return session


def test_the_first_answer_reads_the_file_whole_and_marks_it_the_next_keeps_the_stories_as_text(tmp_path):
    path = tmp_path / "s.elicit.toml"
    _write(path, _plain_session())
    assert not written.is_marked(path, path.read_bytes())  # SessionStore.create marks nothing
    assert _answer_through_the_head(path, ("answer", "a.b.c", "first")) is False
    assert written.is_marked(path, path.read_bytes())
    before = tmp_path / "before.elicit.toml"
    before.write_bytes(path.read_bytes())
    assert _answer_through_the_head(path, ("answer", "a.b.c", "second")) is True
    assert path.read_bytes() == _full_save(before, ("answer", "a.b.c", "second"))
    assert read_session(path).answers["a.b.c"].value == "second" and len(read_session(path).stories) == 30
    assert written.is_marked(path, path.read_bytes())


def _marked(tmp_path: Path, session: Session | None = None) -> Path:
    path = tmp_path / "s.elicit.toml"
    _write(path, session or _plain_session())
    _answer_through_the_head(path, ("answer", "a.b.c", "first"))
    assert written.is_marked(path, path.read_bytes())
    return path


def _outcome(call):
    try:
        return "session", call()
    except FindingsError as error:
        return "error", [finding.format() for finding in error.findings]


@pytest.mark.parametrize(
    "edit",
    [
        lambda text: text.replace('want = "to send invoice 7"', 'want = "to send invoice 7"\ncolour = "red"'),  # a key no story has
        lambda text: text.replace('id = "US-007"', "id = "),  # broken TOML in the tail
        lambda text: text.replace('want = "to send invoice 7"', "want   =   'to send invoice 7'  # by hand"),  # valid, not as written
        lambda text: text + "\n[extra]\nkey = 1\n",  # a table no session has, after the stories
        lambda text: text.replace("[[stories]]\n", "[[stories]]\r\n", 1),
    ],
)
def test_a_marked_file_edited_in_place_is_read_whole_with_the_same_message_or_session(tmp_path, edit):
    path = _marked(tmp_path)
    edited = edit(path.read_text(encoding="utf-8"))
    with open(path, "r+b") as stream:  # the same file (its mark stays on it), other bytes
        stream.write(edited.encode("utf-8"))
        stream.truncate()
    assert os.getxattr(path, written.ATTRIBUTE)
    assert not written.is_marked(path, path.read_bytes())
    whole = _outcome(lambda: read_session(path))
    opened = _outcome(lambda: _open_and_close(path))
    assert opened[0] == whole[0]
    if whole[0] == "error":
        assert opened == whole  # the exact messages, file and line
    else:
        session, tail = opened[1]
        assert tail is None and session == whole[1]


def test_the_tail_of_a_marked_file_is_not_scanned_for_table_lines_again(tmp_path, monkeypatch):
    """Its tail is this writer's own text, which holds stories and the records after them only: the look at its
    table lines that an unmarked file gets (~2 ms on 1,000 stories) is skipped (issue 18); unmarked files still get it."""
    from elicit.core.session import staged

    scans: list[int] = []
    real = staged._tail_keys
    monkeypatch.setattr(staged, "_tail_keys", lambda text, split: scans.append(split) or real(text, split))
    path = _marked(tmp_path)  # read whole the first time (no mark yet)
    scans.clear()
    session, tail = _open_and_close(path)
    assert tail is not None and scans == []
    assert session.answers["a.b.c"].value == "first"
    staged.read_staged(path)  # the app's read: checks every table line
    assert len(scans) == 1


def _open_and_close(path: Path) -> tuple[Session, object]:
    store, session, tail = SessionStore.open_head(path)
    store.close()
    return session, tail


def test_a_mark_from_another_writer_is_not_trusted(tmp_path, monkeypatch):
    path = _marked(tmp_path)
    monkeypatch.setattr(written, "_writer", lambda: "another")
    assert not written.is_marked(path, path.read_bytes())
    assert _open_and_close(path)[1] is None


def test_a_carriage_return_in_the_new_answer_writes_every_string_on_one_line_as_the_full_save_does(tmp_path):
    path = _marked(tmp_path)
    before = tmp_path / "before.elicit.toml"
    before.write_bytes(path.read_bytes())
    operation = ("answer", "a.b.c", "first line\r\nsecond line")
    assert _answer_through_the_head(path, operation) is True
    assert path.read_bytes() == _full_save(before, operation)
    assert "\\r\\n" in path.read_text(encoding="utf-8")
    before.write_bytes(path.read_bytes())  # and back: the tail is written with multi-line strings again
    operation = ("answer", "a.b.c", "one\nline")
    _answer_through_the_head(path, operation)
    assert path.read_bytes() == _full_save(before, operation)


def test_a_change_beyond_the_answers_is_never_saved_on_a_session_read_in_part(tmp_path):
    path = _marked(tmp_path)
    text = path.read_bytes()
    store, session, tail = SessionStore.open_head(path)
    try:
        assert tail is not None and session.stories == []
        with pytest.raises(ElicitError, match="read in part; the file is intact"):
            store.save_head(session, tail, head_only=False)
        with pytest.raises(ElicitError, match="still loading"):
            store.save(session)
    finally:
        store.close()
    assert path.read_bytes() == text


def test_without_extended_attributes_every_save_is_a_full_one(tmp_path, monkeypatch):
    def refuse(*_args):
        raise OSError(95, "Operation not supported")

    monkeypatch.setattr(os, "setxattr", refuse)
    monkeypatch.setattr(os, "getxattr", refuse)
    path = tmp_path / "s.elicit.toml"
    _write(path, _plain_session())
    for value in ("first", "second"):
        before = tmp_path / "before.elicit.toml"
        before.write_bytes(path.read_bytes())
        assert _answer_through_the_head(path, ("answer", "a.b.c", value)) is False
        assert path.read_bytes() == _full_save(before, ("answer", "a.b.c", value))
