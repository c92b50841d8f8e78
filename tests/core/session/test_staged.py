"""The staged read (head now, stories later) gives exactly what the whole read gives: the same session or the same error."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from elicit.core.findings import ElicitError, FindingsError
from elicit.core.session import staged
from elicit.core.session.file_format import dumps_session, loads_session, read_session
from elicit.core.session.models import Answer, Session, Story
from elicit.core.session.staged import read_staged, staged_from_text
from elicit.core.session.storage import SessionStore
from tests.core.session.test_file_format import sessions

NAME = "s.elicit.toml"


def _outcome(call):
    try:
        return "session", call()
    except FindingsError as error:
        return "error", [finding.format() for finding in error.findings]


def _staged(text: str) -> Session:
    session, tail = staged_from_text(Path(NAME), text, text.encode("utf-8", "surrogatepass"))
    if tail is not None:
        tail.fill(session)
    return session


def _same_as_whole(text: str) -> None:
    assert _outcome(lambda: _staged(text)) == _outcome(lambda: loads_session(text, NAME))


def _session(stories: int = 3, **fields) -> Session:
    session = Session(title="Invoicing", current="mini.context.problem", **fields)
    session.answers["mini.context.problem"] = Answer("typed twice")
    session.stories = [Story(f"US-{n:03d}", "clerk", f"to do thing {n}", quote="we type it twice") for n in range(1, stories + 1)]
    return session


# Edits that a hand, another tool or a damaged disk can make to a session file. Each takes the text and a number to vary it.
def _string_holding_the_split_in_an_answer(text: str, n: int) -> str:
    return text.replace("[answers.", f'[answers.x{n}]\nvalue = """\nbefore\n[[stories]]\nafter {n}\n"""\n\n[answers.', 1)


def _string_holding_the_split_in_a_story(text: str, n: int) -> str:
    return text.replace("[[stories]]\n", f'[[stories]]\nquote = """\n[[stories]]\nid = "US-{n}"\n"""\n', 1)


def _literal_string_holding_the_split(text: str, n: int) -> str:
    return text.replace("\n[[stories]]\n", "\nnotes = '''\n[[stories]]\n'''\n\n[[stories]]\n", 1)


def _tables_after_the_stories(text: str, n: int) -> str:
    return text + f'\n[[decisions]]\nid = "D-{n:03d}"\ntext = "Use the bank feed"\n\n[[open_questions]]\nid = "OQ-1"\ntext = "Who signs?"\n'


def _head_table_reopened_after_the_stories(text: str, n: int) -> str:
    return (
        text
        + ['\n[answers."late.one"]\nvalue = "after"\n', "\n[settings]\nnames_in_client_spec = true\n", "\n[section_seconds]\nx = 5\n"][
            n % 3
        ]
    )


def _deferred_table_in_the_head_and_the_tail(text: str, n: int) -> str:
    head = f'[[glossary]]\nterm = "feed{n}"\n\n'
    return text.replace("[[stories]]\n", head + "[[stories]]\n", 1) + f'\n[[glossary]]\nterm = "sheet{n}"\n'


def _deferred_table_twice_in_the_tail(text: str, n: int) -> str:
    """Two [[decisions]] tables among the stories: valid TOML (one array), but in two pieces of the tail."""
    decision = f'[[decisions]]\nid = "D-{n}"\ntext = "Use the feed"\n\n'
    at = text.find("\n[[stories]]\n", text.find("\n[[stories]]\n") + 1)
    return text + "\n" + decision if at < 0 else text[: at + 1] + decision + text[at + 1 :] + "\n" + decision.replace("D-", "E-")


def _unknown_table_after_the_stories(text: str, n: int) -> str:
    return text + ["\n[extra]\nkey = 1\n", '\n["stories"]\nx = 1\n', "\n  [ rounds . x ]\n", '\n["a.b"]\nc = 1\n'][n % 4]


def _broken_tail(text: str, n: int) -> str:
    at = text.find("[[stories]]")
    if at < 0:
        return text + "\n[[stories]]\nid = \n"
    cut = at + 1 + n % max(1, len(text) - at - 1)
    return text[:cut] + ["= broken", "\n[[stories]\n", '\nid = "again"\n', "\n\ufeff\n"][n % 4] + text[cut:]


def _wrong_story_in_the_tail(text: str, n: int) -> str:
    return (
        text
        + [
            '\n[[stories]]\nid = "US-001"\nrole = "r"\nwant = "w"\n',
            '\n[[stories]]\nid = "US-X"\nrole = "r"\nwant = "w"\ncolour = "red"\n',
        ][n % 2]
    )


def _stories_header_spelled_otherwise(text: str, n: int) -> str:
    return text.replace(
        "[[stories]]\n", ["[[ stories ]]\n", '[["stories"]]\n', "[[stories]] # first\n", "[[stories]]\r\n"][n % 4], 1 + n % 2
    )


def _stories_first(text: str, n: int) -> str:
    at = text.find("[[stories]]")
    return text if at < 0 else text[at:] + "\n" + text[:at]


EDITS = [
    _string_holding_the_split_in_an_answer,
    _string_holding_the_split_in_a_story,
    _literal_string_holding_the_split,
    _tables_after_the_stories,
    _head_table_reopened_after_the_stories,
    _deferred_table_in_the_head_and_the_tail,
    _deferred_table_twice_in_the_tail,
    _unknown_table_after_the_stories,
    _broken_tail,
    _wrong_story_in_the_tail,
    _stories_header_spelled_otherwise,
    _stories_first,
]


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example, HealthCheck.function_scoped_fixture],
)
@given(
    session=sessions,
    extra_stories=st.integers(0, 12),
    edits=st.lists(st.tuples(st.sampled_from(EDITS), st.integers(0, 10_000)), max_size=3),
    piece=st.sampled_from([1, 40, 300, staged.PIECE]),
)
def test_the_staged_read_is_the_whole_read_for_any_session_and_any_hostile_edit(session, extra_stories, edits, piece, monkeypatch_piece):
    session.stories += [Story(f"X-{n}", "clerk", f"story {n}") for n in range(extra_stories)]
    text = dumps_session(session)
    for edit, number in edits:
        text = edit(text, number)
    monkeypatch_piece(piece)
    _same_as_whole(text)


@pytest.fixture
def monkeypatch_piece(monkeypatch):
    """Parse the tail in pieces of this many characters (small pieces: many splits, each one checked)."""
    return lambda size: monkeypatch.setattr(staged, "PIECE", size)


def test_a_session_written_by_elicit_is_staged_and_its_stories_come_after(monkeypatch):
    monkeypatch.setattr(staged, "PIECE", 50)  # several pieces
    session = _session(stories=20)
    text = dumps_session(session)
    head, tail = staged_from_text(Path(NAME), text, text.encode())
    assert tail is not None
    assert head.stories == [] and head.answers == session.answers and head.title == "Invoicing"
    tail.fill(head)
    assert head == session == loads_session(text)


@pytest.mark.parametrize(
    "edit",
    [
        _string_holding_the_split_in_an_answer,
        _literal_string_holding_the_split,
        _head_table_reopened_after_the_stories,
        _unknown_table_after_the_stories,
        _stories_first,
    ],
)
def test_what_the_staged_read_cannot_prove_safe_is_read_whole_at_once(edit):
    text = edit(dumps_session(_session()), 0)
    try:
        _, tail = staged_from_text(Path(NAME), text, text.encode())
    except FindingsError:  # read whole, and the whole read refused it
        tail = None
    assert tail is None
    _same_as_whole(text)


def test_a_table_twice_in_the_tail_falls_back_to_the_whole_read(monkeypatch):
    monkeypatch.setattr(staged, "PIECE", 1)
    text = _deferred_table_twice_in_the_tail(dumps_session(_session(stories=3)), 1)
    head, tail = staged_from_text(Path(NAME), text, text.encode())
    assert tail is not None
    tail.fill(head)
    assert [item.id for item in head.decisions] == ["D-1", "E-1"] and head == loads_session(text)


def test_a_split_inside_a_string_in_the_tail_falls_back_to_the_whole_read(monkeypatch):
    """A later piece boundary inside a story's multi-line quote: that piece does not parse, so the whole text is read."""
    monkeypatch.setattr(staged, "PIECE", 1)
    session = _session(stories=3)
    session.stories[1].quote = "first line\n[[stories]]\nid = 'not a story'\n"
    text = dumps_session(session)
    head, tail = staged_from_text(Path(NAME), text, text.encode())
    assert tail is not None
    tail.fill(head)
    assert head == session


def test_a_broken_tail_gives_the_error_of_the_whole_read_with_file_and_line(tmp_path: Path):
    path = tmp_path / NAME
    text = dumps_session(_session(stories=30))
    lines = text.splitlines(keepends=True)
    broken_line = len(lines) - 3
    lines[broken_line - 1] = 'want = "unclosed\n'
    path.write_text("".join(lines), encoding="utf-8")
    session, tail = read_staged(path)
    assert tail is not None and session.title == "Invoicing"
    with pytest.raises(FindingsError) as staged_error:
        tail.fill(session)
    with pytest.raises(FindingsError) as whole_error:
        read_session(path)
    assert [f.format() for f in staged_error.value.findings] == [f.format() for f in whole_error.value.findings]
    finding = staged_error.value.findings[0]
    assert finding.file == str(path) and finding.line == broken_line and finding.code == "toml-syntax"
    with pytest.raises(FindingsError):  # asked again (the UI thread after the worker): the same error, not a crash
        tail.read()


def test_a_wrong_story_in_the_tail_is_reported_on_its_line(tmp_path: Path):
    path = tmp_path / NAME
    text = dumps_session(_session(stories=5)).replace('id = "US-004"', 'id = "US-004"\ncolour = "red"')
    path.write_text(text, encoding="utf-8")
    session, tail = read_staged(path)
    assert tail is not None
    with pytest.raises(FindingsError) as error:
        tail.fill(session)
    finding = error.value.findings[0]
    assert finding.key == "stories[3].colour" and finding.line == text.splitlines().index('colour = "red"') + 1


def test_a_store_opened_staged_refuses_to_save_until_the_stories_are_in(tmp_path: Path):
    path = tmp_path / NAME
    SessionStore.create(path, _session(stories=4)).close()
    before = path.read_bytes()
    store, session, tail = SessionStore.open_staged(path)
    try:
        assert tail is not None and store.incomplete and session.stories == []
        with pytest.raises(ElicitError, match="still loading"):
            store.save(session)
        assert path.read_bytes() == before and not (tmp_path / f"{NAME}.bak").exists()
        tail.fill(session)
        store.incomplete = False
        session.title = "Invoicing, again"
        store.save(session)
        assert read_session(path) == session and len(session.stories) == 4
    finally:
        store.close()


def test_a_session_without_stories_is_read_whole(tmp_path: Path):
    path = tmp_path / NAME
    SessionStore.create(path, _session(stories=0)).close()
    store, session, tail = SessionStore.open_staged(path)
    store.close()
    assert tail is None and not store.incomplete and session == read_session(path)


def test_reading_a_session_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path):
    import gc

    path = tmp_path / NAME
    SessionStore.create(path, _session(stories=3)).close()
    broken = tmp_path / "broken.elicit.toml"
    broken.write_text('schema = "elicit.session/1"\ntitle = \n', encoding="utf-8")
    assert gc.isenabled()
    read_session(path)
    with pytest.raises(FindingsError):
        read_session(broken)
    _, tail = read_staged(path)
    tail.read()
    assert gc.isenabled()
    gc.disable()
    try:
        read_session(path)
        assert not gc.isenabled()
    finally:
        gc.enable()


def _datetimes(value, found: list) -> list:
    """Every datetime a session holds, anywhere in its records."""
    import dataclasses
    from datetime import datetime

    if isinstance(value, datetime):
        found.append(value)
    elif dataclasses.is_dataclass(value):
        for item in dataclasses.fields(value):
            _datetimes(getattr(value, item.name), found)
    elif isinstance(value, dict):
        for item in value.values():
            _datetimes(item, found)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _datetimes(item, found)
    return found


@pytest.mark.parametrize("offset", ["+00:00", "+01:00", "-05:30", "Z"])
def test_the_staged_read_gives_every_datetime_the_zone_the_whole_read_gives(offset: str):
    """The staged read parses without walking the data for zones (the reader gives each datetime it keeps its
    ``datetime.timezone``, as read_session's does): the zones are those of the whole read, type and all."""
    from datetime import timezone

    stamp = f"2026-03-02T10:30:00{offset}"
    text = dumps_session(_session(stories=3)).replace("[[stories]]\n", f"[[stories]]\ncreated_at = {stamp}\n")
    text = text.replace("[answers.", f"started_at = {stamp}\n\n[answers.", 1)
    staged_session, whole = _staged(text), loads_session(text, NAME)
    found = _datetimes(staged_session, [])
    assert len(found) == 4 and found == _datetimes(whole, [])
    assert all(type(item.tzinfo) is timezone for item in found), [type(item.tzinfo) for item in found]
    assert [item.utcoffset() for item in found] == [item.utcoffset() for item in _datetimes(whole, [])]
