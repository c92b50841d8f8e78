"""SessionWriter: the file assembled from cached pieces is the full serialisation, byte for byte, after any edits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from elicit.core.session.file_format import dumps_session
from elicit.core.session.fragments import SessionWriter
from elicit.core.session.models import Answer, Participant, Session, Story, StoryVersion
from tests.core.session.test_file_format import answers, any_text, ids, sessions

STAMP = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)
_LOOSE: list[object] = [1, True, 1.0, 0, False, 0.0, -0.0]
"""Values equal to their neighbours (==) that TOML writes differently."""


def _next_loose(value: object) -> object:
    """The value after ``value`` in _LOOSE (the first when it is not there)."""
    for index, item in enumerate(_LOOSE):
        if type(item) is type(value) and repr(item) == repr(value):
            return _LOOSE[(index + 1) % len(_LOOSE)]
    return _LOOSE[0]


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
    elif session.answers and kind == "type in place":  # the service changes an answer's value on the object itself
        current = session.answers[list(session.answers)[index % len(session.answers)]]
        if isinstance(current.value, list):
            current.value.append(text)
        else:
            current.value = (current.value if isinstance(current.value, str) else "") + text
    elif session.answers and kind == "equal, not alike":  # == holds, the text differs: 1, True, 1.0; 0.0, -0.0
        current = session.answers[list(session.answers)[index % len(session.answers)]]
        current.value = _next_loose(current.value)
    elif session.stories and kind == "same instant, other zone":
        target = session.stories[index % len(session.stories)]
        target.updated_at = (target.updated_at or STAMP).astimezone(timezone(timedelta(hours=index % 5 - 2)))
        for version in target.history:
            version.changed_at = (version.changed_at or STAMP).astimezone(timezone(timedelta(hours=index % 3)))
    elif session.stories and kind == "basis reordered":
        target = session.stories[index % len(session.stories)]
        target.basis = dict(reversed(list({**target.basis, "q1": "d1", text or "q2": "d2"}.items())))
    elif session.answers and kind == "answer moved":  # the same object under another question id
        key = list(session.answers)[index % len(session.answers)]
        session.answers[f"{key}-moved"] = session.answers.pop(key)
    elif session.stories and kind == "story twice":
        session.stories.append(session.stories[index % len(session.stories)])
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
                "type in place",
                "equal, not alike",
                "same instant, other zone",
                "basis reordered",
                "answer moved",
                "story twice",
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


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example, HealthCheck.data_too_large],
)
@given(sessions, edits, edits)
def test_what_prepare_took_is_written_whatever_changes_after_it(session, changes, later):
    """The autosave prepares on the UI thread and renders in a worker while typing goes on: the file is the session
    as it was when prepared, and nothing prepared shares a mutable object with the session."""
    writer = SessionWriter()
    for change, after in zip(changes, later + changes, strict=False):
        _edit(session, *change)
        expected = dumps_session(session)
        prepared = writer.prepare(session)
        _edit(session, *after)
        assert writer.render(prepared) == expected
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


def _traps() -> list[tuple[str, Callable[[Session], None]]]:
    """Changes after which the record is equal (==) to what it was, yet written differently."""

    def answer(session: Session) -> Answer:
        return session.answers["q.number"]

    def story(session: Session) -> Story:
        return session.stories[0]

    def other_zone(stamp: datetime | None) -> datetime:
        return (stamp or STAMP).astimezone(timezone(timedelta(hours=5)))

    return [
        ("1 becomes True", lambda s: setattr(answer(s), "value", True)),
        ("1 becomes 1.0", lambda s: setattr(answer(s), "value", 1.0)),
        ("0.0 becomes -0.0", lambda s: setattr(s.answers["kept"], "value", -0.0)),
        ("an item of a list answer: 1 becomes True", lambda s: s.answers["q.list"].value.__setitem__(0, True)),
        ("answered at, another zone", lambda s: setattr(answer(s), "answered_at", other_zone(answer(s).answered_at))),
        ("updated at, another zone", lambda s: setattr(answer(s), "updated_at", other_zone(answer(s).updated_at))),
        ("one interview's answer: 1 becomes True", lambda s: setattr(answer(s).interviews[0], "value", True)),
        ("story created at, another zone", lambda s: setattr(story(s), "created_at", other_zone(story(s).created_at))),
        ("story updated at, another zone", lambda s: setattr(story(s), "updated_at", other_zone(story(s).updated_at))),
        ("earlier wording, another zone", lambda s: setattr(story(s).history[0], "changed_at", other_zone(story(s).history[0].changed_at))),
        ("basis in another order", lambda s: setattr(story(s), "basis", dict(reversed(list(story(s).basis.items()))))),
    ]


@pytest.mark.parametrize(("what", "change"), _traps(), ids=[what for what, _ in _traps()])
def test_a_record_equal_to_its_copy_but_written_differently_is_made_again(what, change):
    from elicit.core.session.models import InterviewAnswer

    session = Session(
        title="Traps",
        answers={
            "q.number": Answer(1, answered_at=STAMP, updated_at=STAMP, interviews=[InterviewAnswer("I-1", value=1)]),
            "q.list": Answer([1, "two"]),
            "kept": Answer(0.0),
        },
        stories=[
            Story(
                "US-1",
                "clerk",
                "to file a claim",
                created_at=STAMP,
                updated_at=STAMP,
                basis={"q.a": "d1", "q.b": "d2"},
                history=[StoryVersion("clerk", "to file", changed_at=STAMP)],
            )
        ],
    )
    writer = SessionWriter()
    assert writer.dumps(session) == dumps_session(session)
    before = dumps_session(session)
    change(session)
    assert dumps_session(session) != before, f"{what}: not a trap (the text does not change)"
    assert writer.dumps(session) == dumps_session(session), what


def test_nothing_prepared_is_shared_with_the_session():
    """Changes in place after prepare() (typing goes on while the worker writes) never reach what is written."""
    session = _big_session(5)
    session.participants.append(Participant("Ann", "clerk"))
    session.section_seconds["b.s"] = 10
    writer = SessionWriter()
    writer.dumps(session)
    session.stories[1].acceptance.append("a new criterion")
    session.answers["b.s.q1"].value = "typed"
    expected = dumps_session(session)
    prepared = writer.prepare(session)
    assert writer.copied == 2, "only what changed is copied"
    session.stories[1].acceptance.append("typed after")
    session.stories[2].tags.append("later")
    session.answers["b.s.q1"].value = "typed after"
    session.participants[0].role = "manager"
    session.participants.append(Participant("Raj"))
    session.section_seconds["b.s"] += 1
    session.title = "renamed"
    assert writer.render(prepared) == expected


def test_the_records_hold_only_what_the_comparison_of_copies_knows():
    """fragments._same_story and _same_answer trust ``==`` for text and lists of text and check the rest by identity;
    a new field of another kind (a number, a time, a table) needs a look there first, then a line here."""
    from dataclasses import fields

    from elicit.core.session.models import InterviewAnswer, StoryCopy

    known = {
        Story: {
            "str": {"id", "role", "want", "so_that", "priority", "quote", "status", "reason", "by"},
            "list[str]": {"acceptance", "source", "tags"},
            "datetime | None": {"created_at", "updated_at"},
            "dict[str, str]": {"basis"},
            "list[StoryVersion]": {"history"},
            "list[StoryCopy]": {"copies"},
        },
        StoryVersion: {
            "str": {"role", "want", "so_that", "priority", "quote", "status", "note"},
            "list[str]": {"acceptance"},
            "datetime | None": {"changed_at"},
        },
        StoryCopy: {"str": {"interview", "id", "by", "quote", "priority"}},
        Answer: {
            "Any": {"value"},
            "str": {"notes", "status", "by"},
            "datetime | None": {"answered_at", "updated_at"},
            "list[InterviewAnswer]": {"interviews"},
        },
        InterviewAnswer: {"str": {"interview", "by", "notes", "status"}, "Any": {"value"}},
    }
    for model, kinds in known.items():
        found: dict[str, set[str]] = {}
        for field in fields(model):
            found.setdefault(str(field.type), set()).add(field.name)
        assert found == kinds, f"{model.__name__}: fields changed; check fragments._same_* before updating this test"


def test_pieces_made_in_one_document_are_split_right_even_when_a_text_holds_a_header_line():
    """New answers and stories are written as one document and split at their headers (issue 18: the first save)."""
    session = _big_session(12)
    session.stories[3].quote = "they wrote\n[[stories]]\nid = 'US-9'\nin the notes"
    session.answers["b.s.q5"].value = "a line of the file:\n[answers.x]\nvalue = 1"
    assert SessionWriter().dumps(session) == dumps_session(session)


def test_a_story_short_enough_for_one_line_is_made_on_its_own():
    session = _big_session(12)
    session.stories.append(Story("US-S", "a", "b"))  # alone, it is written inline: only its own text says so
    writer = SessionWriter()
    assert writer.dumps(session) == dumps_session(session)
    del session.stories[:12]
    assert writer.dumps(session) == dumps_session(session)
    assert "stories = [" in writer.dumps(session)


def test_many_new_pieces_are_made_in_few_documents(monkeypatch):
    import elicit.core.session.fragments as fragments

    calls = []
    real = fragments.toml_text_checked
    monkeypatch.setattr(fragments, "toml_text_checked", lambda data, multiline: calls.append(1) or real(data, multiline=multiline))
    session = _big_session(600)
    assert SessionWriter().dumps(session) == dumps_session(session)
    assert len(calls) < 20, "each answer and story was written as a document of its own"


def test_stories_the_caller_says_are_unchanged_are_not_compared_again():
    session = _big_session(300)
    writer = SessionWriter()
    writer.dumps(session)
    compared = []
    original = SessionWriter._compare_stories
    SessionWriter._compare_stories = lambda self, s: compared.append(1) or original(self, s)  # type: ignore[method-assign]
    try:
        session.answers["b.s.q3"] = replace(session.answers["b.s.q3"], value="typed more")
        prepared = writer.prepare(session, stories_unchanged=True)
        assert compared == [] and writer.copied == 1
        assert writer.render(prepared) == dumps_session(session)
        session.stories.append(Story("US-0999", "clerk", "to see it"))  # the list grew: compared whatever the caller says
        assert writer.render(writer.prepare(session, stories_unchanged=True)) == dumps_session(session)
        session.stories = list(session.stories)  # another list (the staged stories coming in): compared too
        assert writer.render(writer.prepare(session, stories_unchanged=True)) == dumps_session(session)
        assert len(compared) == 2
    finally:
        SessionWriter._compare_stories = original  # type: ignore[method-assign]


def test_the_stories_a_trusting_prepare_checks_are_compared_and_only_those():
    """``check``: the share of the stories compared though the caller trusts them (the autosave's rotation), so a story
    changed behind the service's back reaches the file when its share comes up, and only then."""
    session = _big_session(300)
    writer = SessionWriter()
    writer.dumps(session)
    session.stories[5].want = "changed in place"
    session.stories[250].want = "changed in place too"
    prepared = writer.prepare(session, stories_unchanged=True, check=range(0, 30))
    assert writer.copied == 1
    text = writer.render(prepared)
    assert "changed in place" in text and "changed in place too" not in text
    prepared = writer.prepare(session, stories_unchanged=True, check=range(240, 330))  # past the end: clipped
    assert writer.copied == 1
    assert writer.render(prepared) == dumps_session(session)


story_steps = st.lists(
    st.tuples(st.sampled_from(["answer", "notes", "skip", "add story", "change story", "story status", "delete story", "clock"]), any_text),
    max_size=10,
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(steps=story_steps)
def test_trusting_the_services_stories_revision_writes_what_a_full_serialisation_writes(mini_bank, steps):
    """The autosave skips comparing the stories while the service's stories_revision stands still: every change the
    service makes to a story moves it, so the file is still the full serialisation after any changes."""
    from elicit.core.session import Interview, SessionService

    session = Session(title="t", stories=[Story("US-001", "clerk", "to file a claim", source=["mini.context.problem"])])
    service = SessionService(session, Interview(session, [mini_bank]))
    writer = SessionWriter()
    seen = service.stories_revision
    writer.dumps(session)
    for kind, text in steps:
        story = session.stories[0].id if session.stories else None
        if kind == "answer" and text.strip():
            service.answer("mini.context.problem", text)
        elif kind == "notes":
            service.set_notes("mini.context.problem", text)
        elif kind == "skip":
            service.skip("mini.users.count")
        elif kind == "add story":
            service.add_story("clerk", text if text.strip() else "to see it", source=["mini.context.problem"])
        elif kind == "change story" and story:
            service.update_story(story, want=text if text.strip() else "to see it again")
        elif kind == "story status" and story:
            service.set_story_status(story, "confirmed")
        elif kind == "delete story" and story:
            service.delete_story(story)
        elif kind == "clock":
            service.tick(3, "mini.context")
        prepared = writer.prepare(session, stories_unchanged=service.stories_revision == seen)
        seen = service.stories_revision
        assert writer.render(prepared) == dumps_session(session)
