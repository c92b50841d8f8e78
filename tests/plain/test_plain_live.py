"""Issue 13 in plain mode: stories that are never mangled, readable text, follow-ups, the interview clock."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from elicit.core.session.file_format import read_session
from elicit.plain import run
from elicit.plain.commands import Command, read_reply
from elicit.plain.output import Console, prompt_parts, sentence, wrap_line


def play(path: Path, *lines: str, clock=None) -> tuple[int, str]:
    out = io.StringIO()
    extra = {"clock": clock} if clock is not None else {}
    code = run(path, stdin=io.StringIO("".join(line + "\n" for line in lines)), stdout=out, **extra)
    return code, out.getvalue()


class StepClock:
    """A clock that moves ``step`` seconds each time it is read."""

    def __init__(self, step: float):
        self.now = 0.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


# Defect 2: stories ------------------------------------------------------------------------------


def test_an_empty_role_is_asked_again_never_filled_with_user(mini_session_path):
    code, out = play(mini_session_path, "/story", "", "", "customer", "to pay by card", "", "", "", "", "/stop")
    assert code == 0, out
    assert "A story needs a role: who wants it" in out
    (story,) = read_session(mini_session_path).stories
    assert (story.role, story.want) == ("customer", "to pay by card")


def test_a_story_pasted_into_the_role_is_split(mini_session_path):
    pasted = "As a finance clerk, I want to send reminders automatically, so that customers pay on time"
    code, out = play(mini_session_path, "/story", pasted, "must", "", "", "/stop")
    assert code == 0, out
    (story,) = read_session(mini_session_path).stories
    assert (story.role, story.want, story.so_that, story.priority) == (
        "finance clerk",
        "to send reminders automatically",
        "customers pay on time",
        "must",
    )
    assert "Read as: As a finance clerk, I want to send reminders automatically, so that customers pay on time." in out


def test_a_story_pasted_into_so_that_is_split_not_appended(mini_session_path):
    pasted = "As a customer, I want to pay by card, so that I can leave quickly"
    code, out = play(mini_session_path, "/story", "clerk", "to file", pasted, "", "", "", "/stop")
    assert code == 0, out
    (story,) = read_session(mini_session_path).stories
    assert (story.role, story.want, story.so_that) == ("customer", "to pay by card", "I can leave quickly")
    assert "As a" not in story.so_that


def test_template_words_left_in_a_field_are_refused(mini_session_path):
    code, out = play(mini_session_path, "/story", "As a clerk", "clerk", "I want to file", "to file", "", "", "", "", "/stop")
    assert code == 0, out
    assert "Write only who it is ('customer'), without 'As a'" in out
    assert "Write only what they want" in out
    (story,) = read_session(mini_session_path).stories
    assert (story.role, story.want) == ("clerk", "to file")


# Defect 6: text ------------------------------------------------------------------------------------


def test_no_double_full_stop_and_one_hour(mini_session_path):
    code, out = play(mini_session_path, "Invoices are late.", "Mobile", "yes", "1", "/stop")
    assert code == 0, out
    assert "Saved: Invoices are late.\n" in out and ".." not in out
    assert "Saved: 1 hour.\n" in out


def test_sentence_ends_in_one_stop():
    assert [sentence(t) for t in ("late", "late.", "really?", "(see above.)", 'he said "no."', "wait…")] == [
        "late.",
        "late.",
        "really?",
        "(see above.)",
        'he said "no."',
        "wait…",
    ]


def test_lines_wrap_between_words_at_the_width():
    line = "Type an answer and press Enter; commands start with a slash: /help lists them (in a list, press / first)."
    wrapped = wrap_line(line, 40)
    assert all(len(part) < 40 for part in wrapped) and " ".join(wrapped) == line
    assert wrap_line("  3. " + "word " * 20, 30)[1].startswith("     word")  # under the item's text
    long_word = "x" * 60
    assert wrap_line(f"see {long_word} here", 40) == ["see", long_word, "here"]  # a word is never cut
    out = io.StringIO()
    Console(out, width=30).say("one two three four five six seven eight nine ten")
    assert out.getvalue() == "one two three four five six\nseven eight nine ten\n"
    piped = io.StringIO()
    Console(piped).say(line)  # not a terminal: as it is
    assert piped.getvalue() == line + "\n"


def test_errors_name_the_question_not_its_id(mini_session_path):
    code, out = play(mini_session_path, "x", "Tablet", "mob", "maybe", "/stop")
    assert code == 0, out
    for line in out.splitlines():
        if "not an option" in line or "yes or no" in line:
            assert "mini." not in line, line
    assert "This is a yes/no question; answer yes or no, not 'maybe'." in out


# Follow-ups ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "name"), [("/d", "decision"), ("/decision", "decision"), ("/oq", "open-question"), ("/decisions", "decisions")]
)
def test_follow_up_commands_are_found(typed, name):
    assert read_reply(typed) == Command(name)


def test_decisions_open_questions_assumptions_and_terms_at_the_prompt(mini_session_path):
    code, out = play(
        mini_session_path,
        "Invoices are late",
        "/back",
        "/decision",  # starts from the answer on screen: Enter keeps it
        "",
        "it is what hurts most",
        "Ann",
        "/open-question Which scanners do pickers carry?",
        "Bo",
        "/assumption Wi-Fi in every aisle",
        "",
        "/term SKU: stock keeping unit",
        "/term pick face",
        "the shelf position a picker takes from",
        "/resolve OQ-001 Zebra TC52",
        "/decisions",
        "/open-questions",
        "/assumptions",
        "/terms",
        "/stop",
    )
    assert code == 0, out
    session = read_session(mini_session_path)
    (decision,) = session.decisions
    assert (decision.id, decision.text, decision.rationale, decision.decided_by, decision.source) == (
        "D-001",
        "Invoices are late",
        "it is what hurts most",
        "Ann",
        ["mini.context.problem"],
    )
    (question,) = session.open_questions
    assert (question.text, question.owner, question.status, question.resolution) == ("Which scanners do pickers carry?", "Bo", "resolved", "Zebra TC52")
    (assumption,) = session.assumptions
    assert (assumption.text, assumption.rationale) == ("Wi-Fi in every aisle", "")
    assert [(t.term, t.definition) for t in session.glossary] == [("SKU", "stock keeping unit"), ("pick face", "the shelf position a picker takes from")]
    assert [t.source for t in session.glossary] == [["mini.context.problem"]] * 2, "a term is linked to the question on screen"
    for said in (
        "Added D-001: Invoices are late.",
        "Added OQ-001: Which scanners do pickers carry?",
        "Added A-001: Wi-Fi in every aisle.",
        "Added SKU: stock keeping unit.",
        "Resolved OQ-001: Zebra TC52.",
        "D-001: Invoices are late. Why: it is what hurts most. Decided by: Ann. From: What problem should the product solve?",
        "OQ-001: Which scanners do pickers carry? Owner: Bo. Resolved: Zebra TC52.",
        "pick face: the shelf position a picker takes from.",
    ):
        assert said in out, said


def test_a_follow_up_can_be_cancelled(mini_session_path):
    code, out = play(mini_session_path, "/decision", "/cancel", "/resolve", "/stop")
    assert code == 0, out
    assert "No decision added." in out and "No open questions to resolve" in out
    assert read_session(mini_session_path).decisions == []


# The clock ------------------------------------------------------------------------------------------


def test_interview_time_is_counted_except_while_paused(mini_session_path):
    # Every prompt takes 10 seconds on this clock; the pause prompt is not counted.
    code, out = play(mini_session_path, "Invoices are late", "/pause", "", "/progress", "/stop", clock=StepClock(10))
    assert code == 0, out
    session = read_session(mini_session_path)
    assert "Paused: the interview clock is stopped." in out and "Going on; the clock runs again." in out
    assert session.interview_seconds == 40  # the answer, /pause, /progress, /stop: 10 s each
    assert session.section_seconds == {"mini.context": 40}
    assert "Interview time: under a minute." in out


def test_time_adds_up_over_reopenings(mini_session_path):
    play(mini_session_path, "/stop", clock=StepClock(30))
    play(mini_session_path, "/stop", clock=StepClock(45))
    assert read_session(mini_session_path).interview_seconds == 75


# Trial 2, T6: the same number rule as the app and the CLI -----------------------------------------


def test_a_decimal_comma_is_saved_as_the_decimal_it_says(mini_session_path):
    code, out = play(mini_session_path, "Invoices are late.", "Mobile", "yes", "1,5", "/stop")
    assert code == 0, out
    assert "Saved: 1.5 hours.\n" in out
    assert read_session(mini_session_path).answers["mini.context.offline_how_long"].value == 1.5


def _first_frame(drawn: str) -> list[str]:
    """The lines of a prompt as first drawn on a terminal (before any redraw), escape sequences left out."""
    first = drawn.split("\x1b[2A", 1)[0]
    return [re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", line) for line in first.split("\r\n")]


@pytest.mark.parametrize("width", [40, 60, 80])
def test_a_prompt_breaks_between_words_at_the_terminals_width(width):
    """Trial7 T7-8: a list's prompt and its instruction were one line, which the terminal cut mid-word
    ('... then Ent' over 'er picks; ...')."""
    from prompt_toolkit.data_structures import Size
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output.vt100 import Vt100_Output

    from elicit.plain.questionary_prompter import QuestionaryPrompter

    drawn = io.StringIO()
    terminal = Vt100_Output(drawn, lambda: Size(rows=24, columns=width), term="dumb")
    message = "How badly does the problem hurt the business today, and since when has it?"
    with create_pipe_input() as keys:
        keys.send_text("\r")
        QuestionaryPrompter(input=keys, output=terminal, width=width).choose(message, [("a little", 1), ("a lot", 2)])
    lines = _first_frame(drawn.getvalue())
    prompt = lines[: next(index for index, line in enumerate(lines) if "»" in line)]
    assert all(len(line.rstrip()) < width for line in prompt), prompt
    words = " ".join(prompt).split()
    assert words == [*message.split(), *"(arrows or number, Enter picks, / for a command)".split()], prompt
    assert all(line.startswith(" ") for line in prompt), "later lines start under the first word"


def test_prompt_parts_keep_the_message_and_the_instruction_apart():
    message, instruction = prompt_parts("What does it cost you today?", "(Enter keeps: ten hours a week; Up arrow edits it)", 40)
    assert message == "What does it cost you today?"
    assert instruction == "(Enter\n keeps: ten hours a week; Up arrow\n edits it)"
    assert prompt_parts("Role:", None, 40) == ("Role:", None)
    assert prompt_parts("a " * 30, "(y or n) ", None) == ("a " * 30, "(y or n) "), "no width (a pipe): as it is"
    assert prompt_parts("word " * 12, "(y or n, / for a command) ", 30)[1].endswith(") "), "the space before the typed answer stays"
