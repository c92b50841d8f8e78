"""What the sixth user trial found in plain mode (notes/trial6.md T6-1, T6-7, T6-8).

T6-1: on a real terminal, Enter on a choice or scale question nobody had answered picked the option the
list points at first ("Less than an hour"), an answer the client never gave, where /help says Enter alone
leaves a question open (as on text, number and yes/no questions).
"""

from __future__ import annotations

import io
from pathlib import Path

import questionary
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from elicit.core.session.file_format import read_session
from elicit.plain import run
from elicit.plain.prompters import Picked, QuestionAsk
from elicit.plain.questionary_prompter import QuestionaryPrompter
from tests.support.plain import DOWN, keys


def answers(path: Path) -> dict[str, object]:
    return {question: answer.value for question, answer in read_session(path).answers.items()}


def test_enter_alone_on_a_choice_nobody_answered_leaves_it_open(mini_session_path):
    code, out = keys(mini_session_path, "Invoices take a week\r" + "\r" + "/stop\r")
    assert code == 0
    assert "mini.context.platform" not in answers(mini_session_path)
    assert "Left open." in out


def test_a_digit_or_an_arrow_then_enter_still_picks(mini_session_path):
    keys(mini_session_path, "Invoices take a week\r" + "1\r" + "/stop\r")
    assert answers(mini_session_path)["mini.context.platform"] == "Web"  # the first option, chosen by its number
    keys(mini_session_path, "/go platform\r" + DOWN + "\r" + "/stop\r")
    assert answers(mini_session_path)["mini.context.platform"] == "Mobile"


def test_enter_alone_keeps_a_choice_already_answered(mini_session_path):
    keys(mini_session_path, "Invoices take a week\r" + "3\r" + "/stop\r")
    keys(mini_session_path, "/go platform\r" + "\r" + "/stop\r")
    assert answers(mini_session_path)["mini.context.platform"] == "Desktop"


def test_enter_alone_on_a_scale_leaves_it_open(mini_session_path):
    code, _out = keys(mini_session_path, "/go satisfaction\r" + "\r" + "/stop\r")
    assert code == 0
    assert "mini.users.satisfaction" not in answers(mini_session_path)


# T6-7: /story with the story typed after it ----------------------------------------------------------------


def play(path: Path, *lines: str) -> tuple[int, str]:
    """Plain mode on typed lines (the line prompter)."""
    out = io.StringIO()
    code = run(path, stdin=io.StringIO("".join(line + "\n" for line in lines)), stdout=out)
    return code, out.getvalue()


def test_a_story_typed_after_the_story_command_is_split_and_kept(mini_session_path):
    typed = "/story As a dispatcher, I want to see every van on a map, so that I can plan the rounds"
    code, out = keys(mini_session_path, typed + "\r" + "1\r" + "\r" + "\r" + "/stop\r")
    assert code == 0
    (story,) = read_session(mini_session_path).stories
    assert (story.role, story.want, story.so_that, story.priority) == ("dispatcher", "to see every van on a map", "I can plan the rounds", "must")
    assert "As a (who): As a dispatcher, I want to see every van on a map" in out  # said back, for the screen reader


def test_a_role_typed_after_the_story_command_is_the_role(mini_session_path):
    code, _out = play(mini_session_path, "/story courier", "to see my drops in order", "", "", "", "", "/stop")
    assert code == 0
    (story,) = read_session(mini_session_path).stories
    assert (story.role, story.want) == ("courier", "to see my drops in order")


def test_the_story_command_alone_still_asks_every_field(mini_session_path):
    play(mini_session_path, "/story", "courier", "to see my drops in order", "", "", "", "", "/stop")
    (story,) = read_session(mini_session_path).stories
    assert (story.role, story.want) == ("courier", "to see my drops in order")


# T6-8: a story captured field by field has no earlier wording ------------------------------------------------


def test_a_story_captured_field_by_field_keeps_no_earlier_wording(mini_session_path):
    """Each field is saved as it is entered; those steps of one capture are not the story's history (the
    read-back said "Earlier wording (3 before this)" of a story nobody had changed)."""
    play(mini_session_path, "/story", "courier", "to see my drops in order", "I drive less", "must", "Given a round, then drops are in order", "", "the van is a maze", "/stop")
    (story,) = read_session(mini_session_path).stories
    assert (story.so_that, story.priority, story.acceptance, story.quote) == ("I drive less", "must", ["Given a round, then drops are in order"], "the van is a maze")
    assert story.history == []
    pasted = "/story As a dispatcher, I want to see every van on a map, so that I can plan the rounds"
    keys(mini_session_path, pasted + "\r" + "1\r" + "Given a van, then it is on the map\r" + "\r" + "\r" + "/stop\r")
    assert [len(story.history) for story in read_session(mini_session_path).stories] == [0, 0]


def test_a_later_change_of_a_captured_story_is_still_kept_in_its_history(mini_session_path):
    from elicit.core.session import open_session

    play(mini_session_path, "/story", "courier", "to see my drops in order", "", "", "", "", "/stop")
    opened = open_session(mini_session_path, command="elicit test")
    try:
        opened.service.update_story("US-001", want="to see my drops on a map")
        opened.save()
    finally:
        opened.close()
    (story,) = read_session(mini_session_path).stories
    assert [version.want for version in story.history] == ["to see my drops in order"]


def test_a_multiple_choice_with_nothing_ticked_says_it_is_left_open(tmp_path):
    """Trial6 T6-11: Enter with nothing ticked echoed 'done' and went on without a word (a text question says
    'Left open.')."""
    from tests.plain.test_plain_trial2 import functional_scope_session

    path = functional_scope_session(tmp_path / "scope.elicit.toml")
    from elicit.core.banks.catalog import BankCatalog
    from elicit.core.session import Interview

    session = read_session(path)
    multi = next(q for q in Interview(session, [BankCatalog.default().load("functional-scope")]).applicable() if q.kind == "multi")
    _code, out = keys(path, f"/go {multi.id}\r" + "\r" + "/stop\r")
    assert multi.id not in answers(path)
    assert out.count("Left open.") == 1  # the only question met, the multiple choice


def test_enter_alone_is_said_to_leave_open_only_a_question_nobody_answered(mini_bank, monkeypatch):
    # review4 R4-4: over an answered choice Enter keeps the answer, so 'Enter alone leaves it open' (what a screen
    # reader reads out) would be wrong there; the guard that says it only on an unanswered question had no test.
    said: list[str] = []
    select = questionary.select

    def spied(message, **options):
        said.append(options["instruction"])
        return select(message, **options)

    monkeypatch.setattr(questionary, "select", spied)
    platform = {question.key: question for question in mini_bank.questions}["platform"]
    with create_pipe_input() as pipe:
        prompter = QuestionaryPrompter(input=pipe, output=DummyOutput())
        pipe.send_text("\r" + "\r")
        assert prompter.question(QuestionAsk(platform)) == ""
        assert prompter.question(QuestionAsk(platform, current="Mobile")) == Picked("Mobile")
    assert "Enter alone leaves it open" in said[0]
    assert "Enter alone leaves it open" not in said[1], said[1]
