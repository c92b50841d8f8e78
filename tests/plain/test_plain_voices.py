"""Who said it in plain mode (issue 16): /speaker shows and sets the speaker; what is captured after it is credited."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from elicit.core.session.file_format import dumps_session, read_session
from elicit.core.session.models import Participant
from elicit.plain import run


def play(path: Path, *lines: str) -> tuple[int, str]:
    out = io.StringIO()
    code = run(path, stdin=io.StringIO("".join(line + "\n" for line in lines)), stdout=out)
    return code, out.getvalue()


@pytest.fixture
def voices(mini_session_path: Path) -> Path:
    session = read_session(mini_session_path)
    session.participants = [Participant("Ann Lee", "owner"), Participant("Ben Cho", "baker")]
    mini_session_path.write_text(dumps_session(session), encoding="utf-8")
    return mini_session_path


def test_speaker_alone_shows_nobody_and_the_participants(voices):
    code, out = play(voices, "/speaker", "/stop")
    assert code == 0, out
    assert "Nobody is speaking" in out
    assert "Participants: 1. Ann Lee (owner), 2. Ben Cho (baker)." in out


def test_captures_after_speaker_are_credited_to_them(voices):
    code, out = play(
        voices,
        "/speaker ann",
        "Orders come in on paper",  # the first question's answer
        "/speaker 2",
        "/story",
        "baker",
        "to see tomorrow's orders",
        "",
        "",
        "",
        "",
        "/decision Cash only",
        "",
        "the board",
        "/open-question Which till?",
        "",
        "/assumption Wi-Fi in the shop",
        "",
        "/speaker none",
        "/assumption Flour comes weekly",
        "",
        "/stories",
        "/stop",
    )
    assert code == 0, out
    session = read_session(voices)
    (first,) = [answer for answer in session.answers.values() if answer.value == "Orders come in on paper"]
    assert first.by == "Ann Lee"
    assert "Speaking: Ann Lee (owner)" in out and "Speaking: Ben Cho (baker)" in out
    assert "From Ann Lee." in out  # the Saved line says who gave the answer
    assert session.stories[0].by == "Ben Cho" and "Said by Ben Cho." in out
    assert (session.decisions[0].by, session.decisions[0].decided_by) == ("Ben Cho", "the board")
    assert session.open_questions[0].by == "Ben Cho"
    assert [a.by for a in session.assumptions] == ["Ben Cho", ""]
    assert "Ann Lee speaking." in out  # the header of the question after the answer


def test_an_unknown_speaker_is_refused_with_a_did_you_mean_and_nothing_changes(voices):
    code, out = play(voices, "/speaker 1", "/speaker Bem Cho", "/story", "baker", "to bake", "", "", "", "", "/stop")
    assert code == 0, out
    assert "'Bem Cho' is not a participant of this session; did you mean 'Ben Cho'?" in out
    assert read_session(voices).stories[0].by == "Ann Lee"


def test_a_session_without_participants_credits_nobody(mini_session_path):
    code, out = play(mini_session_path, "/speaker", "/speaker Ann", "/assumption Wi-Fi", "", "/stop")
    assert code == 0, out
    assert "This session has no participants, so nothing is credited to anyone." in out
    assert "this session has no participants, so nothing can be credited" in out.casefold()  # /speaker Ann refused
    assert read_session(mini_session_path).assumptions[0].by == ""
