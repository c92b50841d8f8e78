"""The session service: the one place that changes a session."""

from __future__ import annotations

import pytest

from elicit.core.findings import ElicitError
from elicit.core.session.engine import Interview
from elicit.core.session.models import Session
from elicit.core.session.service import SessionService


@pytest.fixture
def service(mini_bank) -> SessionService:
    session = Session(title="t")
    return SessionService(session, Interview(session, [mini_bank]))


def test_every_change_bumps_the_revision_and_tells_listeners(service):
    heard = []
    service.subscribe(heard.append)
    service.answer("mini.context.problem", "slow")
    service.set_notes("mini.context.problem", "twice")
    service.skip("mini.users.who")
    assert service.revision == 3
    assert heard == ["answer mini.context.problem", "notes mini.context.problem", "status mini.users.who skipped"]


def test_answer_sets_times_and_reopens_a_skipped_question(service):
    service.skip("mini.context.problem")
    answer = service.answer("mini.context.problem", "slow")
    assert answer.status == "answered" and answer.answered_at is not None and answer.updated_at >= answer.answered_at
    first = answer.answered_at
    service.answer("mini.context.problem", "slower")
    assert answer.answered_at == first


def test_answers_re_evaluate_conditions(service):
    assert not service.interview.applies("mini.context.offline")
    service.answer("mini.context.platform", "Mobile")
    assert service.interview.applies("mini.context.offline")


def test_toggle_revisit(service):
    assert service.toggle_revisit("mini.context.problem") is True
    assert service.session.answers["mini.context.problem"].status == "revisit"
    assert service.toggle_revisit("mini.context.problem") is False
    assert service.session.answers["mini.context.problem"].status == "answered"


def test_bad_status_is_refused(service):
    with pytest.raises(ElicitError, match="status must be one of"):
        service.set_status("mini.context.problem", "done")


def test_go_remembers_the_place_once(service):
    service.go("mini.users.who")
    service.go("mini.users.who")
    assert service.session.current == "mini.users.who" and service.revision == 1


def test_stories_get_sequential_ids(service):
    first = service.add_story("picker", "to scan a shelf", priority="must", acceptance=["a"], source=["mini.context.problem"])
    second = service.add_story("manager", "a report")
    assert (first.id, second.id) == ("US-001", "US-002")
    assert first.created_at is not None and first.acceptance == ["a"]
    service.delete_story("US-002")
    assert service.add_story("x", "y").id == "US-002"


def test_story_values_are_checked(service):
    with pytest.raises(ElicitError, match="needs a 'want'"):
        service.add_story("r", "  ")
    with pytest.raises(ElicitError, match="priority must be one of"):
        service.add_story("r", "w", priority="urgent")
    story = service.add_story("r", "w")
    with pytest.raises(ElicitError, match="story status must be one of"):
        service.set_story_status(story.id, "done")
    with pytest.raises(ElicitError, match="unknown story field"):
        service.update_story(story.id, effort=3)
    with pytest.raises(ElicitError, match="no story 'US-404'"):
        service.set_priority("US-404", "must")


def test_update_copies_lists(service):
    criteria = ["one"]
    story = service.add_story("r", "w", acceptance=criteria)
    criteria.append("two")
    assert story.acceptance == ["one"]
    service.update_story(story.id, want="better", priority="could", status="changed")
    assert (story.want, story.priority, story.status) == ("better", "could", "changed")


def test_delete_and_undo_restore_the_place(service):
    for want in ("a", "b", "c"):
        service.add_story("r", want)
    service.delete_story("US-002")
    assert [s.id for s in service.session.stories] == ["US-001", "US-003"]
    assert service.can_undo
    restored = service.undo_delete()
    assert restored.id == "US-002"
    assert [s.id for s in service.session.stories] == ["US-001", "US-002", "US-003"]
    assert service.undo_delete() is None and not service.can_undo


def test_follow_ups(service):
    question = service.add_open_question("Which scanners?", owner="Ann", source=["mini.context.platform"])
    assert question.id == "OQ-001" and question.status == "open"
    service.resolve_open_question("OQ-001", "Zebra")
    assert question.status == "resolved" and question.resolution == "Zebra"
    with pytest.raises(ElicitError):
        service.resolve_open_question("OQ-9", "x")
    assert service.add_decision("Android only", "all staff have Android").id == "D-001"
    assert service.add_assumption("Wi-Fi everywhere", "seen on site").id == "A-001"
    service.define_term("SKU", "stock unit")
    service.define_term("sku", "stock keeping unit")
    assert [(t.term, t.definition) for t in service.session.glossary] == [("SKU", "stock keeping unit")]


def test_set_meta(service):
    service.set_meta(client="ACME", title="New")
    assert (service.session.client, service.session.title) == ("ACME", "New")
    with pytest.raises(ElicitError):
        service.set_meta(colour="red")
