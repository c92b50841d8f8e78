"""Decisions two interviews took on one question of the banks that say different things (trial6 T6-10): a question
for the client, both decisions kept with who decided them, shown in the merged spec until it is settled."""

from __future__ import annotations

from elicit.core.session.file_format import dumps_session, loads_session
from elicit.core.session.merge_questions import older_kind
from elicit.core.session.models import Decision
from elicit.core.spec.exporters.markdown_spec import markdown_document
from elicit.core.spec.exporters.spec_document import build_document
from elicit.core.stakeholders import merge, open_conflicts
from tests.core.stakeholders.helpers import interview, sources


def _interviews(first: list[tuple[str, str]], second: list[tuple[str, str]], third: list[tuple[str, str]] | None = None):
    people = [interview("Ann", decisions=first), interview("Bo", decisions=second)]
    if third is not None:
        people.append(interview("Cy", decisions=third))
    return people


def asked(session, kind: str = "same-question"):
    return [item for item in session.open_questions if item.kind == kind]


def test_decisions_on_one_question_that_differ_become_one_question_with_both_kept():
    ann, bo = _interviews([("We will use SSO", "b.s.text")], [("No SSO in the first release", "b.s.text")])
    ann.decisions[0].decided_by = "the board"
    merged = merge(sources(ann, bo))
    session = merged.session
    assert [(item.id, item.text, item.decided_by, item.by) for item in session.decisions] == [
        ("D-001", "We will use SSO", "the board", "Ann"),
        ("D-002", "No SSO in the first release", "", "Bo"),
    ]
    (question,) = asked(session)
    assert question.text == (
        'The interviews took different decisions on "In your words?": D-001 "We will use SSO" (the board) and '
        'D-002 "No SSO in the first release" (Bo). Do both stand, or which one?'
    )
    assert question.decisions == ["D-001", "D-002"] and question.source == ["b.s.text"] and question.status == "open"
    assert question in open_conflicts(session) and merged.conflicts == 1
    assert older_kind(question.text)[0] == "same-question"
    assert loads_session(dumps_session(session)) == session


def test_the_same_topic_is_the_same_question_never_a_guess_from_the_words():
    """Decisions on two questions are not set against each other however they read; decisions worded alike on one
    question agree."""
    ann, bo = _interviews([("We will use SSO", "b.s.text")], [("No SSO in the first release", "b.s.yes")])
    assert asked(merge(sources(ann, bo)).session) == []
    ann, bo = _interviews([("We will use SSO", "b.s.text")], [("we will use  SSO.", "b.s.text")])
    assert asked(merge(sources(ann, bo)).session) == []


def test_decisions_of_one_interview_alone_are_no_question():
    ann, bo = _interviews([("We will use SSO", "b.s.text"), ("No SSO in the first release", "b.s.text")], [])
    assert asked(merge(sources(ann, bo)).session) == []


def test_a_pair_that_cannot_both_hold_is_asked_about_once():
    ann, bo = _interviews([("We take deposits", "b.s.text")], [("We never take deposits", "b.s.text")])
    session = merge(sources(ann, bo)).session
    assert asked(session) == []
    (question,) = asked(session, "decisions")
    assert question.decisions == ["D-001", "D-002"]


def test_three_interviews_give_one_question_naming_every_decision():
    ann, bo, cy = _interviews([("Mobile first", "b.s.pick")], [("Web first", "b.s.pick")], [("Mobile first", "b.s.pick")])
    (question,) = asked(merge(sources(ann, bo, cy)).session)
    assert question.decisions == ["D-001", "D-002", "D-003"]
    assert '"Mobile first" (Ann), D-002 "Web first" (Bo) and D-003 "Mobile first" (Cy). Do they all stand, or which ones?' in question.text


def test_decisions_sharing_two_questions_are_asked_about_once():
    ann, bo = _interviews([("We will use SSO", "b.s.text")], [("No SSO in the first release", "b.s.text")])
    ann.decisions[0].source.append("b.s.yes")
    bo.decisions[0].source.append("b.s.yes")
    assert len(asked(merge(sources(ann, bo)).session)) == 1


def test_the_merged_spec_shows_the_question_until_it_is_settled():
    ann, bo = _interviews([("We will use SSO", "b.s.text")], [("No SSO in the first release", "b.s.text")])
    ann.participants[0].role = "IT lead"
    session = merge(sources(ann, bo)).session
    (question,) = asked(session)

    def page() -> str:
        return markdown_document(build_document(session, _interview(session), "client"))

    text = page()
    assert text.count(f"*Not settled:* the interviews differ on it; see the open question {question.id}.") == 2
    assert '"We will use SSO" (IT lead)' in text  # the client's edition names roles
    question.status, question.resolution = "resolved", "SSO in the second release"
    assert "Not settled" not in page()


def _interview(session):
    from elicit.core.session.engine import Interview

    return Interview(session, [])


def test_a_decision_against_an_answer_names_its_decision():
    ann = interview("Ann", {"b.s.yes": True}, decisions=[("We take card payments", "b.s.yes")])
    bo = interview("Bo", {"b.s.yes": False})
    session = merge(sources(ann, bo)).session
    (question,) = asked(session, "decision")
    assert question.decisions == ["D-001"]
    assert isinstance(session.decisions[0], Decision)
