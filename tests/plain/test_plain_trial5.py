"""Plain mode, findings of the fifth user trial (/work/wt/notes/trial5.md)."""

from __future__ import annotations

import io
from pathlib import Path

from elicit.core.session.file_format import read_session
from elicit.plain import run
from tests.support.unit_bank import unit_session


def play(path: Path, *lines: str) -> tuple[int, str]:
    out = io.StringIO()
    code = run(path, stdin=io.StringIO("".join(line + "\n" for line in lines)), stdout=out)
    return code, out.getvalue()


def test_minutes_typed_for_a_question_in_hours_are_refused_with_the_unit_to_use(tmp_path):
    """T5-2: '30 minutes at most' on a question in hours per month was saved as 30 hours per month."""
    path = unit_session(tmp_path)
    code, out = play(path, "30 minutes at most at 7am", "0,5", "/stop")
    assert code == 0, out
    assert "This question is in hours per month, not minutes: type the number in hours per month." in out
    assert read_session(path).answers["units.ops.downtime"].value == 0.5


def test_two_numbers_said_with_a_comma_between_are_not_one_number(tmp_path):
    """T5-1: 'about 120, 150 on Mondays' kept 150, the Monday figure, as a normal day's."""
    path = unit_session(tmp_path)
    code, out = play(path, "/go drops", "about 120, 150 on Mondays", "120", "/stop")
    assert code == 0, out
    assert "This question takes a number" in out and "Your words are in the notes" not in out
    assert read_session(path).answers["units.ops.drops"].value == 120


def test_who_was_speaking_speaks_again_in_plain_mode(tmp_path):
    """T5-4: a reopened session credited nobody until /speaker was said again."""
    from tests.support.tui import make_session

    path = make_session(tmp_path / "s.elicit.toml")
    path.write_text(path.read_text(encoding="utf-8").replace('current = "', 'speaker = "Raj"\ncurrent = "', 1), encoding="utf-8")
    code, out = play(path, "We key every invoice twice", "/stop")
    assert code == 0, out
    assert read_session(path).answers["mini.context.problem"].by == "Raj"
