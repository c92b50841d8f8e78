"""SessionWriter: the file assembled from cached pieces is the full serialisation, byte for byte, after any edits."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from elicit.core.session.file_format import dumps_session
from elicit.core.session.fragments import SessionWriter
from elicit.core.session.models import Answer, Session, Story, StoryVersion
from tests.core.session.test_file_format import answers, any_text, ids, sessions


def _edit(session: Session, kind: str, text: str, story: Story, answer: Answer, index: int) -> None:
    """One change of the sort the service makes, many of them in place (setattr, list.append)."""
    if kind == "add story":
        session.stories.append(replace(story, id=f"{story.id}-{len(session.stories)}"))
    elif session.stories and kind == "reword story":
        target = session.stories[index % len(session.stories)]
        target.history.append(StoryVersion(target.role, target.want, acceptance=list(target.acceptance)))
        target.want = text
    elif session.stories and kind == "criterion":
        session.stories[index % len(session.stories)].acceptance.append(text)
    elif session.stories and kind == "remove story":
        del session.stories[index % len(session.stories)]
    elif session.stories and kind == "move story":
        session.stories.insert(0, session.stories.pop(index % len(session.stories)))
    elif kind == "answer":
        session.answers[text or "q"] = answer
    elif session.answers and kind == "type":
        key = list(session.answers)[index % len(session.answers)]
        current = session.answers[key]
        session.answers[key] = replace(current, value=(current.value if isinstance(current.value, str) else "") + text)
    elif session.answers and kind == "clear answer":
        del session.answers[list(session.answers)[index % len(session.answers)]]
    elif kind == "carriage return":  # one CR anywhere turns every multi-line string into an escaped one
        session.title = "a\r\nb" if "\r" not in session.title else "plain"
    elif kind == "clock":
        session.interview_seconds += 1
    else:
        session.title = text


edits = st.lists(
    st.tuples(
        st.sampled_from(
            (
                "add story",
                "reword story",
                "criterion",
                "remove story",
                "move story",
                "answer",
                "type",
                "clear answer",
                "carriage return",
                "clock",
                "title",
            )
        ),
        any_text,
        st.builds(Story, id=ids, role=any_text, want=any_text, acceptance=st.lists(any_text, max_size=2)),
        answers,
        st.integers(0, 1000),
    ),
    max_size=6,
)


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example, HealthCheck.data_too_large],
)
@given(sessions, edits)
def test_the_assembled_file_is_the_full_serialisation_after_any_edits(session, changes):
    writer = SessionWriter()
    assert writer.dumps(session) == dumps_session(session)
    for change in changes:
        _edit(session, *change)
        assert writer.dumps(session) == dumps_session(session)


def _big_session(count: int) -> Session:
    return Session(
        title="Big",
        answers={f"b.s.q{i}": Answer(f"said {i}\nover two lines", status="answered") for i in range(count)},
        stories=[
            Story(f"US-{i:04d}", "clerk", f"to file claim {i}", "I am paid", acceptance=["it is filed"], quote="we wait")
            for i in range(count)
        ],
    )


def test_saving_again_makes_only_what_changed():
    session = _big_session(300)
    writer = SessionWriter()
    writer.dumps(session)
    assert writer.made > 600  # every answer, story and other entry the first time
    writer.dumps(session)
    assert writer.made == 0
    session.stories[7].want = "to file claim seven"  # in place, as the service does
    session.answers["b.s.q3"] = replace(session.answers["b.s.q3"], value="typed more")
    assert writer.dumps(session) == dumps_session(session)
    assert writer.made == 2


def test_short_stories_that_tomli_w_writes_inline_are_made_whole():
    session = Session(title="t", stories=[Story("US-1", "a", "b"), Story("US-2", "c", "d")])
    writer = SessionWriter()
    text = writer.dumps(session)
    assert "stories = [" in text and text == dumps_session(session)
    session.stories.append(Story("US-3", "clerk", "a want long enough that the story no longer fits on one line of a hundred characters"))
    assert writer.dumps(session) == dumps_session(session)


def test_pause_is_called_while_a_big_session_is_made():
    calls = []
    SessionWriter().dumps(_big_session(600), pause=lambda: calls.append(1))
    assert len(calls) >= 4


def test_a_store_that_saves_once_writes_the_full_serialisation_and_keeps_no_pieces(tmp_path) -> None:
    """The command line saves once: no cache to fill, the same bytes (issue 18)."""
    from elicit.core.session.storage import SessionStore

    path = tmp_path / "once.elicit.toml"
    session = Session(title="Once", stories=[Story("US-1", "clerk", "to file\na report")], answers={"q": Answer("yes")})
    SessionStore.create(path, session).close()
    store, read = SessionStore.open(path, saves_once=True)
    try:
        read.stories[0].want = "to file a report on time"
        store.save(read)
    finally:
        store.close()
    assert store._writer is None
    assert path.read_text(encoding="utf-8") == dumps_session(read)
