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
