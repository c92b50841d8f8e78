"""One grammar for participants, read by the CLI's --participant and the app's participants box."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from elicit.core.findings import ElicitError
from elicit.core.session import NO_PARTICIPANTS, Participant, next_speaker, parse_participant, speaker_name


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Ann", "Ann", ""),
        ("Ann:Owner", "Ann", "Owner"),
        ("  Ann :  finance clerk ", "Ann", "finance clerk"),
        ("Raj - account manager", "Raj", "account manager"),
        ("Raj – account manager", "Raj", "account manager"),
        ("Raj—account manager", "Raj", "account manager"),
        ("Anne-Marie", "Anne-Marie", ""),
        ("Anne-Marie - CFO", "Anne-Marie", "CFO"),
        ("Ann: head of sales: EMEA", "Ann", "head of sales: EMEA"),
        ("Ann:", "Ann", ""),
    ],
)
def test_the_forms_people_write(text, name, role):
    assert parse_participant(text) == Participant(name, role)


@pytest.mark.parametrize("text", ["", "   ", ":Owner", " : CFO", "—"])
def test_no_name_is_no_participant(text):
    assert parse_participant(text) is None


@given(st.text(max_size=60))
def test_any_text_gives_a_named_participant_or_none(text):
    participant = parse_participant(text)
    if participant is not None:
        assert participant.name and participant.name == participant.name.strip()
        assert participant.role == participant.role.strip()


# Who said it (issue 16) ----------------------------------------------------------------------------

PEOPLE = [Participant("Ann Lee", "owner"), Participant("Ben Cho", "baker")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ann Lee", "Ann Lee"),
        ("  ann lee ", "Ann Lee"),
        ("Ann", "Ann Lee"),
        ("ben", "Ben Cho"),
        ("2", "Ben Cho"),
        ("Ann Lee - owner", "Ann Lee"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_a_speaker_is_named_by_name_first_name_or_number(text, name):
    assert speaker_name(PEOPLE, text) == name


def test_an_unknown_speaker_is_refused_with_the_participants_and_a_did_you_mean():
    with pytest.raises(ElicitError) as caught:
        speaker_name(PEOPLE, "Ann Le")
    message = str(caught.value)
    assert "'Ann Le' is not a participant of this session" in message
    assert "did you mean 'Ann Lee'?" in message
    assert "participants: 1. Ann Lee (owner), 2. Ben Cho (baker)" in message


@pytest.mark.parametrize("text", ["3", "0", "Cara", "Lee"])
def test_numbers_out_of_range_and_other_names_are_refused(text):
    with pytest.raises(ElicitError):
        speaker_name(PEOPLE, text)


def test_a_first_name_two_participants_share_is_refused():
    people = [Participant("Ann Lee"), Participant("Ann Berg")]
    with pytest.raises(ElicitError):
        speaker_name(people, "Ann")
    assert speaker_name(people, "ann berg") == "Ann Berg"


def test_a_session_without_participants_refuses_any_name_and_says_what_to_do():
    with pytest.raises(ElicitError) as caught:
        speaker_name([], "Ann")
    assert str(caught.value) == NO_PARTICIPANTS and "--participant" in NO_PARTICIPANTS
    assert speaker_name([], "") == ""


def test_speakers_cycle_through_the_participants_then_nobody():
    seen, current = [], ""
    for _ in range(4):
        current = next_speaker(PEOPLE, current)
        seen.append(current)
    assert seen == ["Ann Lee", "Ben Cho", "", "Ann Lee"]
    assert next_speaker([], "") == ""
    assert next_speaker(PEOPLE, "someone gone") == "Ann Lee"


@given(st.lists(st.text(min_size=1).filter(str.strip), min_size=1, max_size=4, unique_by=lambda t: t.strip().casefold()))
def test_every_participant_is_found_by_their_own_name(names):
    people = [Participant(name.strip()) for name in names]
    people = [p for p in people if parse_participant(p.name) == Participant(p.name)]
    for person in people:
        assert speaker_name(people, person.name) == person.name


def test_a_mistyped_first_name_gets_the_full_name_as_did_you_mean():
    with pytest.raises(ElicitError, match="did you mean 'Ann Lee'"):
        speaker_name(PEOPLE, "Ana")
