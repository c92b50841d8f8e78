"""What the second consultant's trial found in plain mode (notes/trial2.md T12, T13, T27).

T12: going back to an answered question put the old answer in the line to edit, so '/story' typed
there was saved as 'answer/story'. T13: /story put the last role in the 'As a' line, so a pasted
story became 'patientAs a …' and /cancel became the role 'patient/cancel'. T27: a question's notes
(where a merge explains a conflict) were never shown.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from elicit.core.session import Answer
from elicit.core.session.file_format import read_session
from elicit.plain import run
from elicit.plain.interview_loop import command_after
from tests.support.plain import REPO, UP, PtyProcess, keys
from tests.support.tui import STARTED, make_session

PTY_ENV = {"TERM": "xterm-256color", "PROMPT_TOOLKIT_NO_CPR": "1", "NO_COLOR": "1", "ELICIT_PLAIN_INPUT": ""}
CONFLICT = "The interviews differ: Dr. Maria Okafor (owners): 4; Tom Reyes (hygienists): 2"


def play(path: Path, *lines: str) -> tuple[int, str]:
    """Plain mode on typed lines (the line prompter)."""
    out = io.StringIO()
    code = run(path, stdin=io.StringIO("".join(line + "\n" for line in lines)), stdout=out)
    return code, out.getvalue()


def problem_answer(path: Path) -> object:
    return read_session(path).answers["mini.context.problem"].value


# The keys to answer the first question, go on to the platform list and come back with /back (/ opens a command there).
ANSWERED_THEN_BACK = "Invoices take a week\r" + "/back\r"


# T12 -----------------------------------------------------------------------------------------------------


def test_a_command_typed_at_an_answered_question_runs_and_the_answer_stays(mini_session_path):
    code, out = keys(mini_session_path, ANSWERED_THEN_BACK + "/story\r" + "/cancel\r" + "/stop\r")
    assert code == 0, out
    assert problem_answer(mini_session_path) == "Invoices take a week", "'/story' was glued onto the answer"
    assert "No story added." in out
    assert "Saved: Invoices take a week/story" not in out


def test_a_command_typed_after_the_answer_brought_back_to_edit_runs_too(mini_session_path):
    # Up brings the current answer into the line; a /command typed after it is still a command, never saved.
    code, out = keys(mini_session_path, ANSWERED_THEN_BACK + UP + "/story\r" + "/cancel\r" + "/stop\r")
    assert code == 0, out
    assert problem_answer(mini_session_path) == "Invoices take a week"
    assert "No story added." in out


def test_the_answer_is_easy_to_keep_or_to_edit(mini_session_path, tmp_path):
    code, out = keys(mini_session_path, ANSWERED_THEN_BACK + "\r" + "/back\r" + UP + ", sometimes two\r" + "/stop\r")
    assert code == 0, out
    assert out.count("Saved: Invoices take a week.") == 1, "Enter alone kept the answer (nothing saved again)"
    assert "Saved: Invoices take a week, sometimes two." in out
    assert problem_answer(mini_session_path) == "Invoices take a week, sometimes two"


def test_typed_lines_run_a_command_typed_at_an_answered_question(mini_session_path):
    code, out = play(mini_session_path, "Invoices take a week", "/back", "/story", "/cancel", "/stop")
    assert code == 0, out
    assert "Now: Invoices take a week. Press Enter to keep it." in out
    assert problem_answer(mini_session_path) == "Invoices take a week"


@pytest.mark.parametrize(
    ("reply", "current", "read_as"),
    [
        ("The way Lena talks/story", "The way Lena talks", "/story"),
        ("Mobile /go platform", "Mobile", "/go platform"),
        ("yes/no", "yes", "yes/no"),  # '/no' only starts a command's name (/notes): the slash is part of the answer
        ("Invoices/cancel", "Invoices", "/cancel"),  # refused at a question ("nothing to cancel here"): the answer stays
        ("Invoices take a week", "Invoices take a week", "Invoices take a week"),
        ("/skip", "", "/skip"),
        ("Weekly//story", "Weekly", "Weekly//story"),  # // types a slash
    ],
)
def test_only_a_known_command_straight_after_the_current_answer_is_read_as_one(reply, current, read_as):
    assert command_after(reply, current) == read_as


# T13 -----------------------------------------------------------------------------------------------------

FIRST_STORY = "/story\r" + "baker\r" + "to sell cakes\r" + "\r" + "\r" + "\r" + "\r"
"""A story with the role 'baker', then Enter past so that, priority, criteria and the quote."""


def test_a_whole_story_pasted_at_the_suggested_role_is_taken_as_it_is(mini_session_path):
    pasted = "As a clerk, I want to file invoices, so that I get paid\r"
    code, out = keys(mini_session_path, FIRST_STORY + "/story\r" + pasted + "\r" + "\r" + "\r" + "/stop\r")
    assert code == 0, out
    stories = read_session(mini_session_path).stories
    assert [(s.role, s.want, s.so_that) for s in stories] == [
        ("baker", "to sell cakes", ""),
        ("clerk", "to file invoices", "I get paid"),
    ]
    assert "(Enter keeps: baker; Up arrow edits it)" not in out  # said by the prompt itself, not the console


def test_cancel_at_the_suggested_role_cancels_and_enter_keeps_the_suggestion(mini_session_path):
    typed = FIRST_STORY + "/story\r" + "/cancel\r" + "/story\r" + "\r" + "to bake bread\r" + "\r" * 4 + "/stop\r"
    code, out = keys(mini_session_path, typed)
    assert code == 0, out
    assert "No story added." in out
    assert [(s.role, s.want) for s in read_session(mini_session_path).stories] == [("baker", "to sell cakes"), ("baker", "to bake bread")]


# T27 -----------------------------------------------------------------------------------------------------


def flagged_with_notes(tmp_path: Path) -> Path:
    """A merged session's first question: flagged to revisit, its notes saying why."""
    answer = Answer(None, notes=CONFLICT + "\nAsk both again.", status="revisit", answered_at=STARTED, updated_at=STARTED)
    return make_session(tmp_path / "merged.elicit.toml", answers={"mini.context.problem": answer}, current="mini.context.problem")


def test_a_question_shows_its_notes_and_notes_shows_them_again(tmp_path):
    path = flagged_with_notes(tmp_path)
    code, out = play(path, "/notes", "/stop")
    assert code == 0, out
    header = out.index("flagged to revisit (/flag clears it).")
    assert out.index(f"Notes: {CONFLICT}\n  Ask both again.\n") > header
    assert out.count(f"Notes: {CONFLICT}") == 2, "/notes says them again"


def test_notes_on_a_question_without_notes_says_so(mini_session_path):
    code, out = play(mini_session_path, "/notes", "/stop")
    assert code == 0, out
    assert "No notes on this question." in out and "Notes:" not in out


# the same, as a consultant types them on a terminal ----------------------------------------------------------


@pytest.fixture
def terminal():
    started: list[PtyProcess] = []

    def start(path: Path) -> PtyProcess:
        process = PtyProcess(["open", str(path), "--plain"], PTY_ENV, REPO)
        started.append(process)
        return process

    yield start
    for process in started:
        process.kill()


def test_on_a_terminal_a_command_at_an_answered_question_runs_and_notes_show(tmp_path, terminal):
    path = flagged_with_notes(tmp_path)
    shell = terminal(path)
    shell.expect("Notes: The interviews differ:")  # wrapped at 80 columns after that
    shell.expect("What problem should the product solve?")
    shell.send("Invoices take a week\r")
    shell.expect("Saved: Invoices take a week.")
    shell.expect("Where will people use it?")
    shell.send("/")
    shell.expect("Command (or type the answer):")
    shell.send("back\r")
    shell.expect("(Enter keeps: Invoices take a week; Up")  # the rest wraps at 80 columns
    shell.send("/story\r")
    shell.expect("As a (who):")
    shell.send("/cancel\r")
    shell.expect("No story added.")
    shell.expect("(Enter keeps: Invoices take a week; Up")  # the rest wraps at 80 columns
    shell.send("/stop\r")
    assert shell.wait() == 0
    assert problem_answer(path) == "Invoices take a week"


# A story without a benefit stays possible when the bank suggests one ------------------------------------


def functional_scope_session(path: Path) -> Path:
    """A session on the built-in functional-scope bank: its first question suggests a story with a 'so that'."""
    from elicit.core.banks.catalog import BankCatalog
    from elicit.core.session.opening import create_session

    bank = BankCatalog.default().load("functional-scope")
    create_session(path, [bank], [str(bank.path)], title="Scope")
    return path


def test_the_suggested_so_that_is_kept_with_enter_and_left_empty_with_none(tmp_path):
    path = functional_scope_session(tmp_path / "s.elicit.toml")
    # /story; Enter keeps the suggested role, want (and so that); Enter for priority, no criterion, no quote
    code, out = play(path, "/story", "", "", "", "", "", "", "/story", "", "", "/none", "", "", "", "/stop")
    assert code == 0, out
    assert "So that (the benefit, optional): /none leaves it empty. (Enter keeps: I no longer need the old way of doing it)" in out
    stories = read_session(path).stories
    assert [s.so_that for s in stories] == ["I no longer need the old way of doing it", ""]
    assert [s.want for s in stories] == ["to carry out my main task in the product from start to finish"] * 2


def test_none_is_refused_where_there_is_nothing_to_clear(mini_session_path):
    code, out = play(mini_session_path, "/story", "baker", "to sell cakes", "/none", "", "", "", "", "/stop")
    assert code == 0, out
    assert [s.so_that for s in read_session(mini_session_path).stories] == [""]
    assert "In a story, only /cancel works; start with // to type a slash." in out
    assert "/none leaves it empty" not in out


def test_the_launcher_list_gets_the_progress_made_in_plain_mode(mini_session_path):
    # trial2 T24: the launcher's Done column said 0/63 for a session with 9 answers given in plain mode.
    from elicit.core.session import recent

    code, out = play(mini_session_path, "Invoices take a week", "/stop")
    assert code == 0, out
    (item,) = recent()
    assert (item.path, item.done) == (mini_session_path.resolve(), 1) and item.total and item.progress.startswith("1/")
