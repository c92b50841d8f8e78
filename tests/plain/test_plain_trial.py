"""What a consultant's trial of plain mode found (issue 13; notes F10, F11, F12): cancelling, empty answers, story sources."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from elicit.core.session.file_format import read_session
from elicit.plain import run
from elicit.plain.questionary_prompter import QuestionaryPrompter
from tests.support.plain import CTRL_C

ESC = "\x1b"
DOWN_ENTER = "\x1b[B\r"


def play(path: Path, *lines: str) -> tuple[int, str]:
    """Plain mode on typed lines (the line prompter); the exit code and the transcript."""
    out = io.StringIO()
    code = run(path, stdin=io.StringIO("".join(line + "\n" for line in lines)), stdout=out)
    return code, out.getvalue()


def keys(path: Path, typed: str) -> tuple[int, str]:
    """Plain mode on keys pressed at questionary's prompts; the exit code and the transcript."""
    with create_pipe_input() as pipe:
        pipe.send_text(typed)
        pipe.close()  # then end of input: a prompt left waiting ends the run instead of hanging
        out = io.StringIO()
        code = run(path, stdout=out, prompter=QuestionaryPrompter(input=pipe, output=DummyOutput()))
    return code, out.getvalue()


def follow_ups(path: Path) -> dict[str, list[object]]:
    session = read_session(path)
    return {
        "decisions": list(session.decisions),
        "open_questions": list(session.open_questions),
        "assumptions": list(session.assumptions),
        "glossary": list(session.glossary),
        "stories": list(session.stories),
    }


def nothing_captured(path: Path) -> bool:
    return not any(follow_ups(path).values())


# F10: Escape, Ctrl-C and /cancel at a sub-prompt ----------------------------------------------------

# Each command with the keys that reach its second field (the item exists by then, except a term).
SECOND_FIELD = {
    "decision": ("/decision\r", "We print the orders\r", "No decision added."),
    "open-question": ("/open-question\r", "Who owns the list?\r", "No open question added."),
    "assumption": ("/assumption\r", "Staff have a tablet\r", "No assumption added."),
    "term": ("/term\r", "SKU\r", "No term added."),
    "story": ("/story\r", "baker\r", "No story added."),
}


def test_escape_then_slash_cancel_never_records_cancel_as_a_decision(mini_session_path):
    # The trial's keys: Escape (prompt_toolkit's meta prefix ate the next '/'), /cancel, /cancel.
    code, out = keys(mini_session_path, "/decision\r" + ESC + "/cancel\r" + "/cancel\r" + "/stop\r")
    assert code == 0, out
    assert follow_ups(mini_session_path)["decisions"] == []
    assert out.count("No decision added.") == 1
    assert "Kept" not in out and "Added D-" not in out
    assert "nothing to cancel here" in out  # /cancel at the question itself says so


@pytest.mark.parametrize("command", sorted(SECOND_FIELD))
@pytest.mark.parametrize("at", ["first field", "second field"])
@pytest.mark.parametrize("key", [ESC, CTRL_C], ids=["escape", "ctrl-c"])
def test_escape_or_ctrl_c_at_any_field_cancels_the_item_in_one_line(mini_session_path, command, at, key):
    start, first_field, said = SECOND_FIELD[command]
    typed = start + (first_field if at == "second field" else "") + key + "/skip\r" + "/stop\r"
    code, out = keys(mini_session_path, typed)
    assert code == 0, out
    assert nothing_captured(mini_session_path)
    assert said in out
    # Escape ate no key: /skip right after it skipped the question.
    assert read_session(mini_session_path).answers["mini.context.problem"].status == "skipped"


def test_escape_at_a_later_story_field_drops_the_story(mini_session_path):
    code, out = keys(mini_session_path, "/story\rbaker\rto print the orders\r\r" + ESC + "/stop\r")
    assert code == 0, out
    assert "Story dropped." in out
    assert follow_ups(mini_session_path)["stories"] == []


def test_escape_at_a_question_does_nothing_and_eats_no_key(mini_session_path):
    code, out = keys(mini_session_path, ESC + "/skip\r" + ESC + DOWN_ENTER + "/stop\r")
    assert code == 0, out
    answers = read_session(mini_session_path).answers
    assert answers["mini.context.problem"].status == "skipped"
    assert answers["mini.context.platform"].value == "Mobile"


@pytest.mark.parametrize(
    ("command", "fields", "said"),
    [
        ("/decision", ["We print the orders", "/cancel"], "No decision added."),
        ("/decision", ["We print the orders", "because paper", "/cancel"], "No decision added."),
        ("/open-question", ["Who owns the list?", "/cancel"], "No open question added."),
        ("/assumption", ["Staff have a tablet", "/cancel"], "No assumption added."),
        ("/term", ["SKU", "/cancel"], "No term added."),
        ("/story", ["baker", "to print the orders", "/cancel"], "Story dropped."),
        ("/story", ["baker", "to print the orders", "", "/cancel"], "Story dropped."),
        ("/story", ["baker", "to print the orders", "", "must", "a criterion", "/cancel"], "Story dropped."),
    ],
)
def test_slash_cancel_at_any_field_drops_the_item(mini_session_path, command, fields, said):
    code, out = play(mini_session_path, command, *fields, "/stop")
    assert code == 0, out
    assert nothing_captured(mini_session_path), follow_ups(mini_session_path)
    assert said in out and "Kept" not in out and "Added" not in out


def test_ctrl_c_at_a_field_typed_as_lines_cancels_the_item_and_the_interview_goes_on(mini_session_path):
    class CtrlCOnce(io.StringIO):
        """Lines, with one Ctrl-C at the fourth read."""

        reads = 0

        def readline(self, *args: object) -> str:
            self.reads += 1
            if self.reads == 4:
                raise KeyboardInterrupt
            return super().readline()

    out = io.StringIO()
    code = run(mini_session_path, stdin=CtrlCOnce("/decision\nWe print the orders\nbecause paper\nInvoices are late\n/stop\n"), stdout=out)
    assert code == 0, out.getvalue()
    assert "No decision added." in out.getvalue()
    session = read_session(mini_session_path)
    assert session.decisions == []
    assert session.answers["mini.context.problem"].value == "Invoices are late"


def test_a_dropped_line_in_a_story_keeps_what_was_typed(mini_session_path):
    # End of input is not a cancel: what was typed stays (nothing lost).
    code, out = play(mini_session_path, "/story", "clerk", "send reminders", "they pay")
    assert code == 0, out
    (story,) = read_session(mini_session_path).stories
    assert (story.role, story.want, story.so_that) == ("clerk", "send reminders", "they pay")


# F11: an empty Enter at a question ------------------------------------------------------------------


def test_an_empty_enter_does_not_pass_a_required_question(mini_session_path):
    # The trial: Enter alone on a required question, and the next answer was saved under the following one.
    code, out = play(mini_session_path, "", "Invoices are late", "/stop")
    assert code == 0, out
    assert "Required: type an answer, /skip or /revisit." in out
    answers = read_session(mini_session_path).answers
    assert answers["mini.context.problem"].value == "Invoices are late"
    assert "mini.context.platform" not in answers


def test_an_empty_enter_on_an_optional_question_says_it_is_left_open(mini_session_path):
    code, out = play(mini_session_path, "Invoices are late", "", "/stop")
    assert code == 0, out
    platform = out.index("Where will people use it?")
    assert "Left open." in out[platform:]
    assert "Question 3 of " in out[platform:]  # and moved on
    assert "mini.context.platform" not in read_session(mini_session_path).answers


def test_an_empty_enter_keeps_an_answer_a_skip_or_a_flag_without_a_word(mini_session_path):
    code, out = play(mini_session_path, "/skip", "/back", "", "/stop")
    assert code == 0, out
    assert "Left open." not in out and "Required:" not in out
    assert read_session(mini_session_path).answers["mini.context.problem"].status == "skipped"


def test_an_empty_enter_at_a_questionary_prompt_does_not_pass_a_required_question(mini_session_path):
    code, out = keys(mini_session_path, "\r" + "Invoices are late\r" + "/stop\r")
    assert code == 0, out
    assert "Required: type an answer, /skip or /revisit." in out
    assert read_session(mini_session_path).answers["mini.context.problem"].value == "Invoices are late"


# F12: which question a story or follow-up comes from -------------------------------------------------


def test_a_story_right_after_an_answer_comes_from_that_answer_and_says_so(mini_session_path):
    # The trial: answered one question, the next (unanswered) on screen, /story linked to the one on screen.
    code, out = play(mini_session_path, "Invoices are late", "/story", "clerk", "to see late invoices", "", "", "", "", "/stop")
    assert code == 0, out
    assert "New story from: What problem should the product solve?" in out
    assert out.index("New story from:") < out.index("As a (who):")
    (story,) = read_session(mini_session_path).stories
    assert story.source == ["mini.context.problem"]


@pytest.mark.parametrize(
    ("command", "fields", "kind"),
    [
        ("/decision", ["Web first", "", ""], "decisions"),
        ("/open-question", ["Which browsers?", ""], "open_questions"),
        ("/assumption", ["Staff have laptops", ""], "assumptions"),
        ("/term", ["SKU", "stock keeping unit"], "glossary"),
    ],
)
def test_follow_ups_right_after_an_answer_come_from_that_answer_too(mini_session_path, command, fields, kind):
    code, out = play(mini_session_path, "Invoices are late", command, *fields, "/stop")
    assert code == 0, out
    what = command[1:].replace("-", " ")
    assert f"New {what} from: What problem should the product solve?" in out
    (item,) = follow_ups(mini_session_path)[kind]
    assert item.source == ["mini.context.problem"]


def test_a_decision_after_an_answer_starts_from_that_answers_words(mini_session_path):
    code, out = play(mini_session_path, "Invoices are late", "/decision", "", "", "", "/stop")
    assert code == 0, out
    (decision,) = read_session(mini_session_path).decisions
    assert decision.text == "Invoices are late"


def test_a_story_at_a_question_reached_without_answering_comes_from_it(mini_session_path):
    # /skip, /back, /go: nothing was just answered, so the question on screen is the source (and its story hint is offered).
    code, out = play(mini_session_path, "Invoices are late", "/skip", "/go who", "/story", "", "to get reminders", "", "", "", "", "/stop")
    assert code == 0, out
    assert "New story from: Who will use it day to day?" in out
    (story,) = read_session(mini_session_path).stories
    assert (story.source, story.role) == (["mini.users.who"], "user")


def test_a_story_at_an_answered_question_comes_from_it(mini_session_path):
    code, out = play(mini_session_path, "Invoices are late", "Web", "/back", "/story", "clerk", "to file", "", "", "", "", "/stop")
    assert code == 0, out
    assert "New story from: Where will people use it?" in out
    (story,) = read_session(mini_session_path).stories
    assert story.source == ["mini.context.platform"]


def test_a_story_at_the_end_comes_from_the_last_answer(mini_session_path):
    lines = ["Invoices are late", "Web", "/skip", "3", "4", "/story", "clerk", "to file", "", "", "", "", "/stop"]
    code, out = play(mini_session_path, *lines)
    assert code == 0, out
    assert "End of the questions" in out and "New story from: How happy are they with the current tool?" in out
    (story,) = read_session(mini_session_path).stories
    assert story.source == ["mini.users.satisfaction"]
