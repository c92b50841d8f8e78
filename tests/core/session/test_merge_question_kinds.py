"""The kind of a merge's open question, as a key (review4 R4-6): written by the merge, read back, and told from the
wording of a file written before the key, which then saves with it."""

from __future__ import annotations

import tomllib

import pytest

from elicit.core.findings import FindingsError
from elicit.core.session.file_format import dumps_session, loads_session
from elicit.core.session.merge_questions import older_kind
from elicit.core.session.models import OpenQuestion, Session
from elicit.core.spec.exporters.spec_document import priority_question
from elicit.core.stakeholders import merge
from elicit.core.vocabulary import MERGE_QUESTION_KINDS
from tests.core.stakeholders.helpers import interview, sources

# Each kind as the merge words it (the texts of an older merged file: no kind key).
OLDER = {
    "priority": 'How important is US-001, "to order a cake online"? The interviews differ: Must have (Ann), Should have (Bo). It is listed under Must have until you tell us which it is.',
    "need": 'Two stories ask for the same thing "to see every order" for two roles: US-002 for the clerk, Must have (Ann) and US-005 for the owner, Could have (Bo). Is it one need, and how important is it?',
    "opposite": 'Two stories ask for opposite things: US-003 "not to take a deposit" (Ann) and US-006 "to take a deposit" (Bo). Which should we build?',
    "decision": 'The decision "The budget is fixed" (Ann) does not fit another answer to "Has a budget been set?": Yes, a rough range (Bo). Does the decision stand?',
    "text": 'What must we keep? The answers say opposite things: "Staff must not write on paper" (Ann) and "Staff write on paper" (Bo). Which holds?',
    "decisions": 'Two decisions that cannot both hold: "We take deposits" (Ann) and "We never take deposits" (Bo). Which one stands?',
    "answers": "Take payments? The answers differ: Yes (Ann), No (Bo). Which should we go by?",
    "terms": 'Are "case officer" (Ann) and "planning officer" (Bo) one and the same? Both were described as "The council officer who handles the …". Which word should the spec use?',
}


def older_file(texts: list[str], conflicts: list[str] | None = None) -> str:
    """A merged session as an elicit before the kind key wrote it."""
    session = Session(title="merged", open_questions=[OpenQuestion(f"OQ-{n:03d}", text) for n, text in enumerate(texts, start=1)])
    session.conflicts = [item.id for item in session.open_questions] if conflicts is None else conflicts
    text = dumps_session(session)
    assert "kind =" not in text
    return text


def test_the_merge_words_every_kind_as_the_older_files_are_read():
    """Each wording in OLDER is the merge's own: a merge of made-up interviews gives questions that read as their kind."""
    ann = interview("Ann", {"b.s.yes": True}, [("owner", "take a deposit on pre-orders", "must")], [("We take deposits", "b.s.text")])
    bo = interview("Bo", {"b.s.yes": False}, [("owner", "not to take a deposit on pre-orders", "could")], [("We never take deposits", "b.s.text")])
    session = merge(sources(ann, bo)).session
    asked = [item for item in session.open_questions if item.id in session.conflicts]
    assert {item.kind for item in asked} == {"answers", "opposite", "decisions"}
    for item in asked:
        assert older_kind(item.text)[0] == item.kind, item.text


def test_the_merge_gives_every_conflict_question_its_kind_and_the_priority_question_its_story():
    ann = interview("Ann", {"b.s.yes": True}, [("customer", "order a cake online", "must")])
    bo = interview("Bo", {"b.s.yes": False}, [("customer", "order a cake online", "should")])
    session = merge(sources(ann, bo)).session
    kinds = {item.kind: item for item in session.open_questions if item.id in session.conflicts}
    assert set(kinds) == {"priority", "answers"}
    assert kinds["priority"].stories == ["US-001"] and kinds["answers"].stories == []
    assert all(kind in MERGE_QUESTION_KINDS for kind in kinds)
    text = dumps_session(session)
    written = {item["kind"]: item for item in tomllib.loads(text)["open_questions"]}
    assert written["priority"]["stories"] == ["US-001"] and "stories" not in written["answers"]
    assert loads_session(text) == session


def test_the_priority_question_is_found_by_key_even_when_its_words_change():
    ann = interview("Ann", {}, [("customer", "order a cake online", "must")])
    bo = interview("Bo", {}, [("customer", "order a cake online", "should")])
    session = merge(sources(ann, bo)).session
    (question,) = [item for item in session.open_questions if item.kind == "priority"]
    question.text = "Is the online cake order a must for everyone?"  # the consultant rewords it
    assert priority_question(loads_session(dumps_session(session)), "US-001") == question
    assert priority_question(session, "US-002") is None


@pytest.mark.parametrize("kind", sorted(OLDER))
def test_an_older_merged_file_reads_each_question_as_its_kind_and_saves_the_key(kind):
    session = loads_session(older_file([OLDER[kind]]))
    (item,) = session.open_questions
    assert item.kind == kind
    assert item.stories == (["US-001"] if kind == "priority" else [])
    again = dumps_session(session)
    assert f'kind = "{kind}"' in again
    assert loads_session(again) == session


def test_an_older_file_keeps_its_priority_line_in_the_spec():
    session = loads_session(older_file(["A first question nobody merged", OLDER["priority"]]))
    assert priority_question(session, "US-001") is session.open_questions[1]


def test_only_conflict_questions_are_read_by_their_words():
    """A question the consultant typed in the same words, not listed in conflicts, is no merge's question."""
    session = loads_session(older_file([OLDER["priority"], "How important is the budget?"], conflicts=[]))
    assert [(item.kind, item.stories) for item in session.open_questions] == [("", []), ("", [])]
    edited = loads_session(older_file(["Which comes first, SMS or email?"]))
    assert edited.open_questions[0].kind == "" and edited.conflicts == ["OQ-001"]


def test_an_unknown_kind_is_refused_with_its_line():
    text = older_file([OLDER["answers"]]).replace('status = "open"', 'status = "open"\nkind = "answer"')
    with pytest.raises(FindingsError) as caught:
        loads_session(text)
    (finding,) = caught.value.findings
    assert finding.code == "bad-value" and "kind" in finding.key and "'kind' is 'answer'" in finding.message
    assert finding.line == text.splitlines().index('kind = "answer"') + 1
    assert "answers" in finding.hint
