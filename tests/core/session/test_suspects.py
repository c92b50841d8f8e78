"""Suspect stories: the same verdicts, with each source answer digested once per look (issue 18, keystroke row)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from elicit.core.session import SessionService
from elicit.core.session import suspects as suspects_module
from elicit.core.session.suspects import answer_basis, suspect_stories
from tests.support.export import interview_for, rich_session


def reference(session, stories=None):
    """What a story's doubt means, spelt out: a recorded digest of a source answer that differs from the answer now."""
    found = {}
    for story in session.stories if stories is None else stories:
        if story.status == "rejected":
            continue
        current = answer_basis(session, story)
        changed = [question for question, digest in story.basis.items() if current.get(question, digest) != digest]
        if changed:
            found[story.id] = changed
    return found


def many_from_one_answer(count: int) -> SessionService:
    session = rich_session()
    service = SessionService(session, interview_for(session))
    for index in range(count):
        service.add_story("clerk", f"to file claim {index}", source=["mini.context.problem"])
    return service


def test_an_answer_many_stories_come_from_is_digested_once_per_look(monkeypatch):
    """The interview screen looks at the current question's stories on every keystroke: 50 stories from the answer
    being typed made 50 digests of it per key."""
    service = many_from_one_answer(50)
    service.answer("mini.context.problem", "typed on")
    made: list[object] = []
    digest = suspects_module.answer_digest
    monkeypatch.setattr(suspects_module, "answer_digest", lambda value: made.append(value) or digest(value))
    stories = [story for story in service.session.stories if "mini.context.problem" in story.source]
    found = suspect_stories(service.session, stories)
    assert len(found) >= 50 and all(changed == ["mini.context.problem"] for changed in found.values())
    assert made.count("typed on") == 1, f"the answer was digested {made.count('typed on')} times"


def test_a_story_with_no_recorded_basis_digests_nothing(monkeypatch):
    service = many_from_one_answer(3)
    for story in service.session.stories:
        story.basis = {}
    made: list[object] = []
    monkeypatch.setattr(suspects_module, "answer_digest", lambda value: made.append(value) or "")
    assert suspect_stories(service.session) == {}
    assert made == []


@settings(max_examples=60, deadline=None)
@given(
    edits=st.lists(
        st.tuples(
            st.sampled_from(["answer", "clear", "confirm", "reject", "source"]),
            st.integers(min_value=0, max_value=9),
            st.sampled_from(["mini.context.problem", "mini.context.offline", "mini.users.who", "gone.question"]),
        ),
        max_size=25,
    )
)
def test_the_verdicts_are_those_of_digesting_each_story_on_its_own(edits):
    service = many_from_one_answer(6)
    session = service.session
    for action, number, question in edits:
        story = session.stories[number % len(session.stories)]
        if action == "answer" and question != "gone.question":
            service.answer(question, False if question == "mini.context.offline" else f"answer {number}")
        elif action == "clear" and question in session.answers:
            service.clear(question)
        elif action == "confirm":
            service.set_story_status(story.id, "confirmed")
        elif action == "reject":
            service.set_story_status(story.id, "rejected")
        elif action == "source":
            story.source = [*story.source, question] if number % 2 else [q for q in story.source if q != question]
    assert suspect_stories(session) == reference(session)
    assert suspect_stories(session, session.stories[:3]) == reference(session, session.stories[:3])
