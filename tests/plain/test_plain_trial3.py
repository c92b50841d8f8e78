"""Plain mode, findings of the third user trial (trial3, /work/wt/notes/trial3.md)."""

from __future__ import annotations

import io
from pathlib import Path

from elicit.core.session.file_format import read_session
from elicit.plain import run


def play(path: Path, *lines: str) -> tuple[int, str]:
    """Plain mode on typed lines (the line prompter); the exit code and the transcript."""
    out = io.StringIO()
    code = run(path, stdin=io.StringIO("".join(line + "\n" for line in lines)), stdout=out)
    return code, out.getvalue()


def test_a_number_said_with_words_is_the_answer_and_the_words_go_to_the_notes(mini_session_path):
    """T3-2: "about 40 people" was refused in plain mode ("takes a number") while the app keeps 40 and the words."""
    code, out = play(mini_session_path, "/go users.count", "about 40 people", "/stop")
    assert code == 0, out
    assert "Your words are in the notes: about 40 people" in out and "Saved: 40." in out
    answer = read_session(mini_session_path).answers["mini.users.count"]
    assert (answer.value, answer.notes, answer.status) == (40, "about 40 people", "answered")


def test_words_with_no_one_number_or_one_out_of_range_are_still_refused(mini_session_path):
    code, out = play(mini_session_path, "/go users.count", "between 10 and 20", "-5 or so", "/stop")
    assert code == 0, out
    assert out.count("This question takes a number") == 2 and "Your words are in the notes" not in out
    assert "mini.users.count" not in read_session(mini_session_path).answers


def test_with_one_participant_they_are_speaking_from_the_first_question(tmp_path):
    """T3-3: plain mode opened with "Nobody is speaking" on a one-person interview; the first answer had no speaker."""
    from tests.support.tui import make_session

    path = make_session(tmp_path / "one.elicit.toml")
    text = path.read_text(encoding="utf-8").replace('    { name = "Raj", role = "account manager" },\n', "")
    path.write_text(text.replace('"Ann", role = "finance clerk"', '"Ada Kim", role = "Saturday volunteer"'), encoding="utf-8")
    assert [p.name for p in read_session(path).participants] == ["Ada Kim"]
    code, out = play(path, "Five texts a week", "/stop")
    assert code == 0, out
    assert "From Ada Kim." in out and read_session(path).answers["mini.context.problem"].by == "Ada Kim"
