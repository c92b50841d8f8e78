"""The second consultant trial (wt/notes/trial2.md), items engineer trialA fixed, through the real command."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.cli import run_elicit


def test_notes_alone_are_said_to_leave_the_question_open_and_are_not_counted_answered(mini_session_path: Path):
    # T8: 'elicit answer ... --notes' said 'answered' and the summary counted it; the client spec listed nothing.
    result = run_elicit("answer", mini_session_path, "platform", "--notes", "An hour a week, Lena more")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "mini.context.platform: open (notes only: no answer yet)\n"
    figures = json.loads(run_elicit("summary", mini_session_path, "--json").stdout)
    assert (figures["answered"], figures["open"]) == (0, figures["questions"])
