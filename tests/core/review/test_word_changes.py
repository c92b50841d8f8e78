"""The words a proposal takes out and puts in, and why a suspect story is doubtful."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from elicit.core.review import word_changes
from elicit.core.session import SessionService, suspect_reason, suspect_stories
from tests.support.export import interview_for, rich_session

WORDS = st.lists(st.sampled_from(["scan", "the", "shelf", "label", "type", "number", "a", "ü", "[b]"]), max_size=12).map(" ".join)


def test_the_words_changed_are_marked_in_reading_order():
    assert word_changes("to type the shelf number", "to scan the shelf label") == [
        ("same", "to"),
        ("removed", "type"),
        ("added", "scan"),
        ("same", "the shelf"),
        ("removed", "number"),
        ("added", "label"),
    ]
    assert word_changes("same words", "same  words") == [("same", "same words")], "spacing is not a change"
    assert word_changes("", "new") == [("added", "new")]


@given(WORDS, WORDS)
def test_the_runs_give_back_both_texts(old: str, new: str):
    runs = word_changes(old, new)
    assert " ".join(text for kind, text in runs if kind != "added") == " ".join(old.split())
    assert " ".join(text for kind, text in runs if kind != "removed") == " ".join(new.split())
    assert all(text for _, text in runs)


def test_the_reason_says_what_the_answer_changed_after():
    session = rich_session()
    service = SessionService(session, interview_for(session))
    story = service.update_story("US-001", status="confirmed")
    assert suspect_reason(story) == "its answer changed after it was confirmed"
    story.status, story.history = "draft", []
    assert suspect_reason(story) == "its answer changed after it was written"
    story.status = "changed"
    assert suspect_reason(story) == "its answer changed after it was last changed"


def test_suspects_can_be_looked_for_among_some_stories_only():
    session = rich_session()
    service = SessionService(session, interview_for(session))
    service.update_story("US-001", status="confirmed")
    service.answer("mini.context.offline", False)
    assert list(suspect_stories(session)) == ["US-001"]
    assert suspect_stories(session, [session.story("US-002")]) == {}
    assert list(suspect_stories(session, [session.story("US-001")])) == ["US-001"]
