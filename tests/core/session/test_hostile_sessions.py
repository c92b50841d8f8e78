"""Hostile session files and ids (issue 11): clear findings, never an exception."""

from __future__ import annotations

import pytest

from elicit.core.findings import FindingsError
from elicit.core.session import models
from elicit.core.session.file_format import SCHEMA, dumps_session, loads_session
from elicit.core.session.models import Session, Story, next_id
from elicit.core.session.service import SessionService


@pytest.mark.parametrize(
    ("version", "code"),
    [("²", "bad-schema"), ("١", "bad-schema"), ("1" + "0" * 5000, "newer-schema"), ("0" * 5000 + "1", "bad-schema"), ("2", "newer-schema")],
    ids=["superscript", "arabic-indic", "5000-digits", "padded-one", "two"],
)
def test_schema_versions_in_odd_digits_are_findings(version, code):
    text = dumps_session(Session(title="t")).replace(f'"{SCHEMA}"', f'"elicit.session/{version}"')
    with pytest.raises(FindingsError) as caught:
        loads_session(text)
    finding = caught.value.findings[0]
    assert finding.code == code
    assert len(finding.format()) < 300  # a 5,000-digit version is not echoed in full


@pytest.mark.parametrize(
    "odd",
    ["US-²", "US-" + "9" * 5000, "US-١٢", "US-", "US-12a", "US-" + "9" * 40],
    ids=["superscript", "5000-digits", "arabic-indic", "empty", "letters", "40-digits"],
)
def test_next_id_ignores_ids_elicit_could_not_have_given(odd):
    assert next_id("US", ["US-001", odd, "US-007"]) == "US-008"
    service = SessionService(Session(title="t", stories=[Story(odd, "user", "x")]))
    added = service.add_story("user", "y")
    assert added.id not in (odd,) and added.id.startswith("US-")


def test_adding_stories_reads_each_id_once(monkeypatch):
    calls = []
    real = models.id_number
    monkeypatch.setattr(models, "id_number", lambda prefix, item: calls.append(item) or real(prefix, item))
    service = SessionService(Session(title="t", stories=[Story(f"US-{n:03d}", "user", "x") for n in range(1, 101)]))
    for _ in range(500):
        service.add_story("user", "more")
    assert len(calls) <= 100 + 10  # linear: not 100 + 101 + ... + 599
    ids = [story.id for story in service.session.stories]
    assert len(set(ids)) == 600 and ids[-1] == "US-600"
    service.delete_story("US-600")
    assert service.add_story("user", "after a delete").id == "US-600"


@pytest.mark.parametrize(
    ("field", "limit"),
    [("title", "SHORT_TEXT"), ("want", "SHORT_TEXT"), ("quote", "LONG_TEXT"), ("notes", "LONG_TEXT"), ("value", "LONG_TEXT")],
)
def test_text_over_its_bound_is_a_finding_with_its_line(field, limit):
    from elicit.core.session.models import Answer

    size = getattr(models, limit) + 1
    big = "x" * size
    session = Session(title="t", stories=[Story("US-001", "user", "pay")], answers={"b.s.q": Answer(value="v")})
    if field == "title":
        session.title = big
    elif field in ("want", "quote"):
        setattr(session.stories[0], field, big)
    else:
        setattr(session.answers["b.s.q"], field, big)
    with pytest.raises(FindingsError) as caught:
        loads_session(dumps_session(session))
    (finding,) = caught.value.findings
    assert finding.code == "too-long"
    assert f"{size:,} characters" in finding.message and len(finding.format()) < 300
    assert finding.line is not None and finding.line > 1 or field == "title"


@pytest.mark.parametrize(("field", "size", "refused"), [
    ("want", models.SHORT_TEXT, False), ("want", models.SHORT_TEXT + 1, True),  # a short field: its bound, either side
    ("quote", models.SHORT_TEXT + 1, False),  # a long field, over the short bound the reader checks first
    ("acceptance", models.SHORT_TEXT, False), ("acceptance", models.SHORT_TEXT + 1, True),  # in a list of texts
    ("tags", models.SHORT_TEXT + 1, True),
])  # fmt: skip
def test_the_reader_bounds_each_field_by_its_own_limit(field, size, refused):
    """The reader passes any text within the smaller bound at once (issue 18): a text between the bounds is still
    checked against its own field's."""
    story = Story("US-001", "user", "pay", acceptance=["ok"])
    setattr(story, field, ["y", "x" * size] if field in ("acceptance", "tags") else "x" * size)
    text = dumps_session(Session(title="t", stories=[story]))
    if not refused:
        assert getattr(loads_session(text).stories[0], field) == getattr(story, field)
        return
    with pytest.raises(FindingsError) as caught:
        loads_session(text)
    (finding,) = caught.value.findings
    assert finding.code == "too-long" and f"{size:,} characters" in finding.message


def test_the_service_refuses_a_story_over_the_bound():
    from elicit.core.findings import ElicitError
    from elicit.core.session.models import SHORT_TEXT

    service = SessionService(Session(title="t"))
    with pytest.raises(ElicitError, match="characters"):
        service.add_story("user", "x" * (SHORT_TEXT + 1))
    story = service.add_story("user", "pay")
    with pytest.raises(ElicitError, match="characters"):
        service.update_story(story.id, so_that="y" * (SHORT_TEXT + 1))
    assert service.session.stories[0].so_that == ""


def test_a_full_disk_while_taking_the_lock_is_one_error_and_leaves_no_lock(tmp_path, monkeypatch):
    import errno
    import os

    from elicit.core.findings import ElicitError
    from elicit.core.session import locking

    session_file = tmp_path / "s.elicit.toml"
    session_file.write_text(dumps_session(Session(title="t")), encoding="utf-8")
    real_write = os.write

    def full(descriptor, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(locking.os, "write", full)
    with pytest.raises(ElicitError, match="No space left on device"):
        locking.SessionLock(session_file).acquire()
    monkeypatch.setattr(locking.os, "write", real_write)
    assert not locking.lock_path(session_file).exists()
    with locking.SessionLock(session_file):
        assert locking.read_holder(locking.lock_path(session_file)) is not None
