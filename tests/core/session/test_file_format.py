"""The session file: writing, strict reading, and lossless round trips."""

from __future__ import annotations

import tomllib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from elicit.core.findings import FindingsError
from elicit.core.session.file_format import SCHEMA, dumps_session, is_empty_answer, loads_session, read_session
from elicit.core.session.models import (
    ANSWER_STATUSES,
    PRIORITIES,
    STORY_STATUSES,
    Answer,
    Assumption,
    BankRef,
    Decision,
    GlossaryTerm,
    OpenQuestion,
    Participant,
    Proposal,
    Round,
    Session,
    Settings,
    Story,
    StoryVersion,
)
from elicit.core.session.storage import SessionStore
from elicit.core.vocabulary import MERGE_QUESTION_KINDS, PROPOSAL_CHANGES, PROPOSAL_STATUSES
from tests.support.export import sessions as export_sessions

STAMP = datetime(2026, 11, 22, 9, 30, tzinfo=timezone(timedelta(hours=1)))


def full_session() -> Session:
    return Session(
        title="Warehouse app",
        client="ACME",
        project="Stock",
        interviewer="Kim",
        started_at=STAMP,
        ended_at=STAMP + timedelta(hours=1),
        current="mini.context.platform",
        participants=[Participant("Ann", "Product owner"), Participant("Bo")],
        banks=[BankRef("mini", "1.0", "sha256:abc", "/banks/mini.toml")],
        answers={
            "mini.context.problem": Answer("Stock counts are wrong\nevery week", "said twice", "answered", STAMP, STAMP, by="Ann"),
            "mini.context.platform": Answer("Mobile"),
            "mini.users.channels": Answer(["Email", "Chat"], status="revisit"),
            "mini.context.offline": Answer(True),
            "mini.users.count": Answer(12.5),
            "mini.users.satisfaction": Answer(None, status="skipped"),
        },
        stories=[
            Story(
                "US-001",
                "picker",
                "to scan a shelf",
                "counts are right",
                "must",
                ["Given a shelf, when I scan, then the count updates"],
                "we count by hand",
                ["mini.context.problem"],
                ["stock"],
                "confirmed",
                STAMP,
                STAMP,
                history=[StoryVersion("picker", "to count a shelf", priority="should", acceptance=["a count"], changed_at=STAMP, note="read-back")],
                by="Bo",
            ),
            Story("US-002", "manager", "a weekly report", priority="could"),
            Story("US-003", "auditor", "a daily export", status="rejected", reason="they already get one from the ERP"),
        ],
        open_questions=[OpenQuestion("OQ-001", "Which scanners?", "Ann", "resolved", "Zebra TC52", ["mini.context.platform"])],
        decisions=[Decision("D-001", "Android only", "all staff have Android phones", "Ann", ["mini.context.platform"], by="Bo")],
        assumptions=[Assumption("A-001", "Wi-Fi in the warehouse", "seen on the visit")],
        glossary=[GlossaryTerm("SKU", "stock keeping unit", ["discovery.problem.in_their_words"])],
        interview_seconds=3725,
        target_minutes=90,
        section_seconds={"mini.context": 1200, "mini.users": 2525},
        settings=Settings(names_in_client_spec=True),
    )


def test_full_session_round_trips():
    session = full_session()
    assert loads_session(dumps_session(session)) == session


def test_file_is_readable_toml_with_schema_first():
    text = dumps_session(full_session())
    assert text.startswith(f'schema = "{SCHEMA}"\n')
    data = tomllib.loads(text)
    assert data["answers"]["mini.context.problem"]["value"] == "Stock counts are wrong\nevery week"
    assert '"""' in text  # long answers are multi-line strings, friendly to git diffs


def test_empty_values_are_left_out():
    text = dumps_session(Session(title="Only a title"))
    assert tomllib.loads(text) == {"schema": SCHEMA, "title": "Only a title"}


def test_output_is_deterministic():
    assert dumps_session(full_session()) == dumps_session(full_session())


@pytest.mark.parametrize(
    ("edit", "code", "fragment"),
    [
        (lambda t: t.replace('title = "Warehouse app"', 'title = "Warehouse app"\nbudget = 10'), "unknown-key", "unknown key 'budget'"),
        (lambda t: t.replace('id = "US-002"', 'id = "US-002"\neffort = 3'), "unknown-key", "upgrade elicit"),
        (lambda t: t.replace('priority = "could"', 'priority = "later"'), "bad-value", "'priority' is 'later'"),
        (lambda t: t.replace('status = "confirmed"', 'status = "confirmd"'), "bad-value", "'status' is 'confirmd'"),
        (lambda t: t.replace('client = "ACME"', "client = 3"), "wrong-type", "'client' must be a string"),
        (lambda t: t.replace("target_minutes = 90", "target_minutes = 0"), "bad-value", "'target_minutes' is 0"),
        (lambda t: t.replace("interview_seconds = 3725", 'interview_seconds = "1h"'), "wrong-type", "whole number"),
        (lambda t: t.replace('"mini.context" = 1200', '"mini.context" = -5'), "bad-value", "0 or more"),
        (lambda t: t.replace('note = "read-back"', 'note = "read-back"\nwho = "Ann"'), "unknown-key", "unknown key 'who'"),
        (lambda t: t.replace('id = "US-002"', 'id = "US-001"'), "duplicate-id", "used twice"),
        (lambda t: t.replace(f'schema = "{SCHEMA}"', 'schema = "elicit.session/2"'), "newer-schema", "cannot read"),
        (lambda t: t.replace(f'schema = "{SCHEMA}"', 'schema = "other/1"'), "bad-schema", "not an elicit session"),
        (lambda t: t.replace(f'schema = "{SCHEMA}"\n', ""), "missing-key", "does not look like an elicit session"),
    ],
)
def test_strict_reading(edit, code, fragment):
    text = edit(dumps_session(full_session()))
    with pytest.raises(FindingsError) as caught:
        loads_session(text, "x.elicit.toml")
    finding = next(f for f in caught.value.findings if f.code == code)
    assert fragment in finding.message + " " + (finding.hint or "")
    assert finding.file == "x.elicit.toml" and finding.line


def test_an_answered_answer_holding_nothing_reads_as_open():
    # Older elicit wrote a skip as status = "answered", value = "": the question is open, everywhere.
    text = dumps_session(Session(title="t", answers={"a.b.c": Answer("", status="answered"), "a.b.d": Answer([], notes="said later")}))
    assert 'value = ""' in text
    session = loads_session(text)
    assert "a.b.c" not in session.answers
    assert session.answers["a.b.d"].notes == "said later"


def test_unknown_key_line_points_at_the_key():
    text = dumps_session(full_session()).replace('id = "US-002"', 'id = "US-002"\neffort = 3')
    with pytest.raises(FindingsError) as caught:
        loads_session(text, "x.elicit.toml")
    finding = caught.value.findings[0]
    assert text.splitlines()[finding.line - 1] == "effort = 3"
    assert finding.key == "stories[1].effort"


def test_broken_toml_reports_line(tmp_path):
    path = tmp_path / "bad.elicit.toml"
    path.write_text(f'schema = "{SCHEMA}"\ntitle = "x\n', encoding="utf-8")
    with pytest.raises(FindingsError) as caught:
        read_session(path)
    assert caught.value.findings[0].line == 2


def test_saving_refuses_nothing_and_reading_a_newer_file_does_not_touch_it(tmp_path):
    path = tmp_path / "new.elicit.toml"
    original = dumps_session(full_session()).replace('client = "ACME"', 'client = "ACME"\nsponsor = "CFO"')
    path.write_text(original, encoding="utf-8")
    with pytest.raises(FindingsError):
        SessionStore.open(path)
    assert path.read_text(encoding="utf-8") == original
    assert not (tmp_path / "new.elicit.toml.lock").exists()


# Hypothesis: any session survives save and load -------------------------------------

any_text = st.text(st.characters(codec="utf-8"), max_size=60)
long_text = st.one_of(any_text, st.text(st.characters(codec="utf-8"), min_size=500, max_size=3000))
ids = st.text("abcdefghijklmnopqrstuvwxyz0123456789_-", min_size=1, max_size=12)
stamps = st.one_of(
    st.none(),
    st.builds(
        lambda dt, minutes: dt.replace(tzinfo=timezone(timedelta(minutes=minutes))),
        st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2200, 1, 1)),
        st.integers(-12 * 60, 14 * 60),
    ),
)
values = st.one_of(
    st.none(),
    long_text,
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False),
    st.lists(any_text, max_size=4),
)
# An "answered" answer holding nothing is dropped on reading (issue 13), so it is no part of the round trip.
answers = st.builds(Answer, values, any_text, st.sampled_from(ANSWER_STATUSES), stamps, stamps, any_text).filter(lambda a: not is_empty_answer(a))
stories = st.builds(
    Story,
    id=ids,
    role=any_text,
    want=long_text,
    so_that=any_text,
    priority=st.sampled_from(PRIORITIES),
    acceptance=st.lists(any_text, max_size=3),
    quote=long_text,
    source=st.lists(ids, max_size=2),
    tags=st.lists(any_text, max_size=2),
    status=st.sampled_from(STORY_STATUSES),
    created_at=stamps,
    updated_at=stamps,
    reason=any_text,
    history=st.lists(
        st.builds(
            StoryVersion,
            role=any_text,
            want=any_text,
            so_that=any_text,
            priority=st.sampled_from(PRIORITIES),
            acceptance=st.lists(any_text, max_size=2),
            quote=any_text,
            status=st.sampled_from(STORY_STATUSES),
            changed_at=stamps,
            note=any_text,
        ),
        max_size=2,
    ),
    basis=st.dictionaries(any_text, any_text, max_size=2),
    by=any_text,
)
follow_ups = {
    "open_questions": st.lists(
        st.builds(
            OpenQuestion,
            ids,
            any_text,
            any_text,
            st.sampled_from(("open", "resolved")),
            any_text,
            st.lists(ids, max_size=2),
            any_text,
            st.sampled_from(("", *MERGE_QUESTION_KINDS)),
            st.lists(ids, max_size=2),
            st.lists(ids, max_size=2),
        ),
        max_size=2,
    ),
    "decisions": st.lists(
        st.builds(Decision, ids, any_text, any_text, any_text, st.lists(ids, max_size=2), st.lists(ids, max_size=2), any_text), max_size=2
    ),
    "assumptions": st.lists(st.builds(Assumption, ids, any_text, any_text, st.lists(ids, max_size=2), any_text), max_size=2),
}
proposals = st.builds(
    Proposal,
    id=ids,
    story=ids,
    change=st.sampled_from(PROPOSAL_CHANGES),
    wording=any_text,
    priority=any_text,
    comment=any_text,
    status=st.sampled_from(PROPOSAL_STATUSES),
    reason=any_text,
    round=st.integers(0, 2**31),
    row=st.integers(0, 2**31),
)
rounds = st.builds(
    Round,
    number=st.integers(1, 2**31),
    at=stamps,
    note=any_text,
    stories=st.lists(stories, max_size=2),
    **follow_ups,
    proposals=st.lists(proposals, max_size=2),
)
sessions = st.builds(
    Session,
    title=any_text,
    client=any_text,
    project=any_text,
    interviewer=any_text,
    started_at=stamps,
    ended_at=stamps,
    current=any_text,
    participants=st.lists(st.builds(Participant, any_text, any_text), max_size=3),
    banks=st.lists(st.builds(BankRef, ids, any_text, any_text, any_text), max_size=2),
    answers=st.dictionaries(any_text, answers, max_size=4),
    stories=st.lists(stories, max_size=3, unique_by=lambda s: s.id),
    **follow_ups,
    glossary=st.lists(st.builds(GlossaryTerm, any_text, any_text, st.lists(any_text, max_size=2)), max_size=2),
    rounds=st.lists(rounds, max_size=2),
    proposals=st.lists(proposals, max_size=3, unique_by=lambda p: p.id),
    interview_seconds=st.integers(0, 2**40),
    target_minutes=st.one_of(st.none(), st.integers(1, 10_000)),
    section_seconds=st.dictionaries(any_text, st.integers(0, 2**40), max_size=3),
    settings=st.builds(Settings, st.booleans()),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example, HealthCheck.data_too_large])
@given(sessions)
def test_any_session_round_trips_through_text(session):
    assert loads_session(dumps_session(session)) == session


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.large_base_example, HealthCheck.data_too_large])
@given(session=sessions)
def test_any_session_round_trips_through_a_file(tmp_path: Path, session):
    path = tmp_path / "s.elicit.toml"
    path.unlink(missing_ok=True)
    store = SessionStore.create(path, session)
    try:
        assert read_session(path) == session
        store.save(session)
        assert read_session(path) == session
    finally:
        store.close()


def test_control_characters_and_crlf_survive():
    hostile = "a\r\nb\rc\x00d\x1b[31m\x7f\u2028\u0085\ufeff'''\"\"\"\\"
    session = Session(
        title=hostile, answers={hostile: Answer(hostile, hostile)}, stories=[Story("US-001", hostile, hostile, quote=hostile)]
    )
    assert loads_session(dumps_session(session)) == session


def _zones(session: Session) -> set[type]:
    """The classes of every offset a session's datetimes carry (rounds and story histories included)."""
    stamps = [session.started_at, session.ended_at] + [r.at for r in session.rounds]
    stamps += [stamp for a in session.answers.values() for stamp in (a.answered_at, a.updated_at)]
    for story in session.stories + [s for r in session.rounds for s in r.stories]:
        stamps += [story.created_at, story.updated_at] + [v.changed_at for v in story.history]
    return {type(stamp.tzinfo) for stamp in stamps if stamp is not None and stamp.tzinfo is not None}


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(session=export_sessions())
def test_a_session_file_reads_with_tomllibs_zones_and_no_walk_over_its_data(session, tmp_path):
    """read_session parses without the walk that gives every datetime a datetime.timezone (issue 18): the reader's
    ``when`` gives them. What it reads equals what the parse with the walk reads, and can be copied."""
    import copy

    text = dumps_session(session)
    path = tmp_path / "s.elicit.toml"
    path.write_text(text, encoding="utf-8")
    read = read_session(path)
    assert read == loads_session(text) and _zones(read) <= {timezone}
    assert copy.deepcopy(read) == read


@pytest.mark.parametrize("name", ["sample-interview.elicit.toml", "stakeholders/owner.elicit.toml", "stakeholders/finance.elicit.toml"])
def test_the_test_sessions_read_with_tomllibs_zones(name):
    import copy

    path = Path(__file__).parents[2] / "data" / name
    read = read_session(path)
    assert read == loads_session(path.read_text(encoding="utf-8")) and _zones(read) <= {timezone}
    assert copy.deepcopy(read) == read


def test_rounds_and_story_histories_read_with_tomllibs_zones(tmp_path):
    from elicit.core.session.models import Round, StoryVersion

    plus_one = datetime(2026, 1, 31, 9, 30, tzinfo=timezone(timedelta(hours=1)))
    story = Story("US-001", "user", "pay", created_at=plus_one, history=[StoryVersion(role="user", want="pay", changed_at=plus_one)])
    session = Session(title="t", stories=[story], rounds=[Round(1, plus_one, "sent", stories=[story])], started_at=plus_one)
    path = tmp_path / "s.elicit.toml"
    path.write_text(dumps_session(session), encoding="utf-8")
    read = read_session(path)
    assert read == session and _zones(read) == {timezone}
    assert read.rounds[0].stories[0].history[0].changed_at.utcoffset() == timedelta(hours=1)
