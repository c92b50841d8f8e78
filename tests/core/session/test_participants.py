"""One grammar for participants, read by the CLI's --participant and the app's participants box."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from elicit.core.session import Participant, parse_participant


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
