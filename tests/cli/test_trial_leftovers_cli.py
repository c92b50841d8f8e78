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


def test_lint_says_how_many_rejected_stories_it_left_out(mini_session_path: Path):
    # Trial F17: 'No findings in 6 stories' for a session of 7 (the rejected one was silently not counted).
    good = ("--so-that", "I stop counting by hand", "--accept", "Given a shelf label, when I scan it, then I see the expected count")
    run_elicit("story", "add", mini_session_path, "--role", "picker", "--want", "to scan a shelf and see its expected count", *good)
    run_elicit("story", "add", mini_session_path, "--role", "picker", "--want", "to print shelf labels", *good, "--status", "rejected")
    result = run_elicit("lint", mini_session_path)
    assert result.stdout == "no findings in 1 story (1 rejected, not checked)\n", result.stdout + result.stderr
    run_elicit("story", "add", mini_session_path, "--role", "user", "--want", "a fast and easy system")
    assert "in 1 of 2 stories (1 rejected, not checked): " in run_elicit("lint", mini_session_path).stdout


def test_banks_list_inside_a_clone_calls_no_copy_an_override(tmp_path: Path):
    # Trial F17: run from a clone of elicit (an installed elicit, plus ./question_banks holding the same files),
    # every built-in bank was listed twice as 'project: ... overrides ...'.
    import shutil

    from elicit.core.paths import builtin_banks_dir

    shutil.copytree(builtin_banks_dir(), tmp_path / "question_banks")
    listed = run_elicit("banks", "list", cwd=tmp_path)
    assert listed.returncode == 0 and "overrides" not in listed.stdout and "project:" not in listed.stdout
    assert listed.stdout.count("discovery  ") == 1


# trial5 T5-5: a mistyped command or option gets a did-you-mean and the command's own help -----------


def test_a_mistyped_command_gets_a_did_you_mean():
    assert one_error(run_elicit("opne", "x.elicit.toml"), 2) == "elicit: error: unknown command 'opne'; did you mean 'open'? (see 'elicit --help')"
    line = one_error(run_elicit("banks", "valdate"), 2)
    assert line == "elicit: error: unknown command 'valdate'; did you mean 'validate'? (see 'elicit banks --help')"
    assert one_error(run_elicit("zzzz"), 2).startswith("elicit: error: unknown command 'zzzz'; choose one of: open, banks, new,")


def test_a_mistyped_option_is_named_with_the_closest_one_and_the_commands_own_help(tmp_path: Path):
    line = one_error(run_elicit("new", tmp_path / "x", "--bnak", "discovery", "--no-input"), 2)
    assert line == "elicit: error: unknown option '--bnak'; did you mean '--bank'? (see 'elicit new --help')"
    assert not list(tmp_path.iterdir())
    line = one_error(run_elicit("story", "add", tmp_path / "x.elicit.toml", "--role", "a", "--want", "b", "--so_that=c"), 2)
    assert line == "elicit: error: unknown option '--so_that'; did you mean '--so-that'? (see 'elicit story add --help')"
    assert one_error(run_elicit("summary", "a.elicit.toml", "b"), 2) == "elicit: error: unrecognized arguments: b (see 'elicit summary --help')"


# trial 5 (T5-9): a mistyped option gets the same did-you-mean as a mistyped option in a bank's `when` ---


def test_an_option_typed_in_another_case_and_mistyped_gets_a_did_you_mean(mini_session_path: Path):
    before = mini_session_path.read_bytes()
    assert one_error(run_elicit("answer", mini_session_path, "platform", "webb")).endswith("did you mean 'Web'?")
    assert mini_session_path.read_bytes() == before
