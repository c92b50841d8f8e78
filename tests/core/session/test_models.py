"""Small behaviours of the domain models."""

import pytest

from elicit.core.session.models import Story, next_id


@pytest.mark.parametrize(
    ("role", "sentence"),
    [
        ("user", "As a user, I want to log in"),
        ("admin", "As an admin, I want to log in"),
        ("unregistered visitor", "As an unregistered visitor, I want to log in"),
        ("university officer", "As a university officer, I want to log in"),
        ("UI designer", "As a UI designer, I want to log in"),
        ("HR officer", "As an HR officer, I want to log in"),
        ("the owner", "As the owner, I want to log in"),
        ("", "As a user, I want to log in"),
    ],
)
def test_story_sentence_articles(role, sentence):
    assert Story("US-001", role, "to log in").sentence() == sentence


def test_story_sentence_with_benefit():
    assert Story("US-001", "picker", " to scan ", " I stop counting ").sentence() == "As a picker, I want to scan, so that I stop counting"


def test_next_id():
    assert next_id("US", []) == "US-001"
    assert next_id("US", ["US-001", "US-010", "OQ-099", "US-x"]) == "US-011"
    assert next_id("US", ["US-999"]) == "US-1000"


def test_snapshot_is_independent_of_later_changes():
    from elicit.core.session.models import Answer, Session, snapshot

    session = Session(title="t", answers={"q": Answer(["a"])}, stories=[Story("US-001", "r", "w", acceptance=["x"])])
    copy = snapshot(session)
    assert copy == session
    session.answers["q"].value.append("b")
    session.answers["q"].notes = "n"
    session.stories[0].acceptance.append("y")
    session.stories.append(Story("US-002", "r", "w"))
    assert copy.answers["q"].value == ["a"] and copy.answers["q"].notes == ""
    assert copy.stories[0].acceptance == ["x"] and len(copy.stories) == 1


def test_snapshot_copies_every_list_of_a_story_and_its_history():
    from elicit.core.session.models import Session, StoryVersion, snapshot

    story = Story("US-001", "r", "w", source=["q"], tags=["t"], history=[StoryVersion("r", "old", acceptance=["a"])], basis={"q": "d"})
    session = Session(title="t", stories=[story])
    copy = snapshot(session)
    assert copy == session and type(copy.stories[0]) is Story
    story.source.append("q2")
    story.tags.append("t2")
    story.basis["q2"] = "d2"
    story.history[0].acceptance.append("b")
    story.history[0].want = "changed"
    story.history.append(StoryVersion("r", "older"))
    kept = copy.stories[0]
    assert (kept.source, kept.tags, kept.basis) == (["q"], ["t"], {"q": "d"})
    assert len(kept.history) == 1 and kept.history[0].acceptance == ["a"] and kept.history[0].want == "old"
