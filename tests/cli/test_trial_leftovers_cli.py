"""Small things a new consultant tripped on in the trial (wt/notes/trial.md), checked through the real command."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.conftest import MINI_BANK
from tests.support.cli import run_elicit


def one_error(result: subprocess.CompletedProcess, code: int = 1) -> str:
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("elicit: error: "), result.stderr
    return lines[0]


# F15: a mistyped question id gets a did-you-mean, as short as it was typed -----------------------


def test_a_mistyped_question_id_gets_a_did_you_mean_at_the_depth_typed(mini_session_path: Path):
    before = mini_session_path.read_bytes()
    assert one_error(run_elicit("answer", mini_session_path, "platfrom", "Web")).endswith("did you mean 'platform'?")
    assert one_error(run_elicit("answer", mini_session_path, "context.platfrom", "Web")).endswith("did you mean 'context.platform'?")
    line = one_error(run_elicit("story", "add", mini_session_path, "--role", "clerk", "--want", "x", "--source", "mini.context.problme"))
    assert line.endswith("did you mean 'mini.context.problem'?")
    assert mini_session_path.read_bytes() == before


def test_a_story_number_far_from_every_story_gets_no_did_you_mean(mini_session_path: Path):
    run_elicit("story", "add", mini_session_path, "--role", "clerk", "--want", "send reminders")
    assert "did you mean" not in one_error(run_elicit("story", "delete", mini_session_path, "US-100"))
    assert one_error(run_elicit("story", "delete", mini_session_path, "US-010")).endswith("did you mean 'US-001'?")


# F17: the counts say what they count -------------------------------------------------------------


def test_new_counts_the_questions_as_the_app_header_does(tmp_path: Path):
    # The mini bank has 8 questions; 5 apply at the start (the header's 0/5), 3 wait on a condition.
    result = run_elicit("new", tmp_path / "s", "--bank", str(MINI_BANK), "--no-input")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"created {tmp_path / 's.elicit.toml'} from mini: 5 questions now, 3 more if their conditions apply\n"
