"""Plain prompt mode: a whole interview through typed lines, questionary prompts and a real terminal."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from elicit.core.findings import ElicitError
from elicit.core.session.engine import Interview
from elicit.core.session.file_format import read_session
from elicit.core.session.locking import lock_path
from elicit.core.session.models import Answer, Session
from elicit.core.session.storage import SessionStore
from elicit.plain import run
from elicit.plain.commands import COMMANDS, Command, help_lines, read_reply
from elicit.plain.output import Console, editable_answer, question_header, why_lines
from elicit.plain.prompters import LinePrompter, Picked, QuestionAsk, input_hint
from elicit.plain.questionary_prompter import QuestionaryPrompter
from elicit.plain.runner import choose_prompter
from elicit.plain.stories import parse_priority
from tests.conftest import dead_pid, write_lock, write_mini_session
from tests.support.plain import CTRL_C, DOWN, REPO, PtyProcess, sgr_parameters

PTY_ENV = {"TERM": "xterm-256color", "PROMPT_TOOLKIT_NO_CPR": "1", "NO_COLOR": "1", "ELICIT_PLAIN_INPUT": ""}


def play(path: Path, *lines: str) -> tuple[int, str]:
    """Run plain mode in this process on typed lines; return the exit code and the transcript."""
    out = io.StringIO()
    code = run(path, stdin=io.StringIO("".join(line + "\n" for line in lines)), stdout=out)
    return code, out.getvalue()


def answers(path: Path) -> dict[str, tuple[object, str]]:
    """Each answer's (value, status), by the question's own id."""
    return {qid.rsplit(".", 1)[-1]: (answer.value, answer.status) for qid, answer in read_session(path).answers.items()}


@pytest.fixture
def pty_process():
    """Start PtyProcess instances; kill any still running at the end."""
    started: list[PtyProcess] = []

    def start(path: Path, **env: str) -> PtyProcess:
        process = PtyProcess(["open", str(path), "--plain"], {**PTY_ENV, **env}, REPO)
        started.append(process)
        return process

    yield start
    for process in started:
        process.kill()


# commands -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("/skip", Command("skip")),
        ("  /S  ", Command("skip")),
        ("/prog", Command("progress")),
        ("/go where  people ", Command("go", "where  people")),
        ("/g", Command("go")),
        ("/?", Command("help")),
        ("/quit", Command("stop")),
        ("/revisit", Command("flag")),
        ("//etc/hosts", "/etc/hosts"),
        ("  plain answer ", "plain answer"),
        ("", ""),
    ],
)
def test_replies_are_read_as_commands_or_answers(typed, expected):
    assert read_reply(typed) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [("/st", "could be /story, /stories or /stop"), ("/zzz", "no command '/zzz'"), ("/", "type a command after the slash")],
)
def test_unknown_and_ambiguous_commands_are_refused_clearly(typed, message):
    with pytest.raises(ElicitError, match=message):
        read_reply(typed)


def test_help_names_every_command_once():
    text = "\n".join(help_lines(in_lists=True))
    for name in ("why", "skip", "flag", "next", "back", "go", "story", "stories", "progress", "stop"):
        assert text.count(f"/{name} ") + text.count(f"/{name}\n") >= 1
    assert "press / first" in text
    assert "press / first" not in "\n".join(help_lines(in_lists=False))


def test_help_lists_every_name_and_alias_the_parser_takes_on_the_line_of_its_command():
    """/revisit was taken for /flag but /help showed only '(or /f)' (its footer's '/skip or /revisit' aside): a
    consultant reading the list did not find it."""
    lines = help_lines(in_lists=False)[1:-1]  # the heading and the footer (which names /skip and /revisit) aside
    shown = {line.split()[0]: line for line in lines}
    assert list(shown) == [f"/{spec.name}" for spec in COMMANDS]
    for spec in COMMANDS:
        for word in (spec.name, *spec.aliases):
            assert read_reply(f"/{word}") == Command(spec.name), "the parser takes it"
            assert f"/{word}" in shown[f"/{spec.name}"].replace(",", " ").replace(")", " ").split(), f"/{word} on the line of /{spec.name}"
    assert "(or /f or /revisit)" in shown["/flag"] and "(or /s)" in shown["/skip"] and "(or /a or /add)" in shown["/story"]


@pytest.mark.parametrize(
    ("typed", "priority"), [("", "should"), ("Must", "must"), ("m", "must"), ("won't", "wont"), ("Could have", "could")]
)
def test_priorities_typed_in_words(typed, priority):
    assert parse_priority(typed) == priority


def test_a_priority_that_is_not_one_is_refused():
    with pytest.raises(ElicitError, match="must, should, could or won't"):
        parse_priority("urgent")


# output ----------------------------------------------------------------------------


def test_question_header_and_hints_say_where_we_are_and_what_to_type(mini_bank):
    session = Session(title="t")
    interview = Interview(session, [mini_bank])
    questions = {q.key: q for q in mini_bank.questions}
    assert question_header(interview, questions["problem"]) == "Question 1 of 5, Context, required."
    session.answers["mini.users.who"] = Answer(status="revisit")
    assert "flagged to revisit" in question_header(interview, questions["who"])
    assert input_hint(questions["satisfaction"]) == "Type a whole number from 1 (not at all) to 5 (very)."
    assert input_hint(questions["offline_how_long"]) == "Type a number in hours, 0 or more."
    assert input_hint(questions["problem"]) == ""
    assert why_lines(questions["problem"]) == [
        "Why we ask: Everything else follows from the problem.",
        "Follow-up questions:",
        "  1. Who feels it most?",
        "  2. What does it cost today?",
    ]
    assert editable_answer(questions["offline_how_long"], 12.0) == "12"
    assert editable_answer(questions["channels"], ["Email", "Chat"]) == "Email, Chat"


def test_line_prompter_lists_options_and_keeps_the_current_answer(mini_bank):
    questions = {q.key: q for q in mini_bank.questions}
    out = io.StringIO()
    prompter = LinePrompter(Console(out), io.StringIO("\n2\nwon\n"))
    assert prompter.question(QuestionAsk(questions["platform"], "Mobile")) == ""
    assert "  2. Mobile\n" in out.getvalue() and "Now: Mobile. Press Enter to keep it." in out.getvalue()
    assert prompter.choose("Priority:", [("Must have", "must"), ("Won't have", "wont")], "must") == Picked("wont")
    assert prompter.choose("Priority:", [("Must have", "must"), ("Won't have", "wont")], "must") == Picked("wont")
    with pytest.raises(EOFError):
        prompter.text("Anything?")


def test_pipes_get_typed_lines_and_terminals_get_questionary(monkeypatch):
    console = Console(io.StringIO())
    assert isinstance(choose_prompter(console, io.StringIO(), io.StringIO()), LinePrompter)

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.delenv("ELICIT_PLAIN_INPUT", raising=False)
    assert isinstance(choose_prompter(console, Terminal(), Terminal()), QuestionaryPrompter)
    monkeypatch.setenv("TERM", "dumb")
    assert isinstance(choose_prompter(console, Terminal(), Terminal()), LinePrompter)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setenv("ELICIT_PLAIN_INPUT", "lines")
    assert isinstance(choose_prompter(console, Terminal(), Terminal()), LinePrompter)


# a whole interview, typed line by line ----------------------------------------------


def test_whole_interview_from_typed_lines(mini_session_path):
    code, out = play(
        mini_session_path,
        "/why",
        "Invoices are late",
        "Tablet",  # not an option
        "mob",
        "maybe",  # not yes or no
        "y",
        "/back",
        "/flag",
        "-3",  # below the minimum
        "12",
        "/story",
        "/cancel",  # no story
        "/story",
        "finance clerk",
        "send reminders automatically",
        "customers pay on time",
        "must",
        "a reminder goes out 30 days after the invoice",
        "the clerk can stop reminders for one customer",
        "",
        "//etc/hosts is where we keep it",
        "/skip",
        "/st",  # ambiguous
        "/zzz",  # unknown
        "/go where",
        "",  # platform: keep Mobile
        "",  # offline: keep yes, still flagged
        "25",
        "6",  # above the scale
        "4",
        "email, 3",
        "/stories",
        "/progress",
        "",  # go through what is open or flagged: offline
        "no",
        "",  # nothing left: finish
    )
    assert code == 0, out
    assert answers(mini_session_path) == {
        "problem": ("Invoices are late", "answered"),
        "platform": ("Mobile", "answered"),
        "offline": (False, "answered"),
        "offline_how_long": (12, "answered"),
        "who": (None, "skipped"),
        "count": (25, "answered"),
        "satisfaction": (4, "answered"),
        "channels": (["Email", "Chat"], "answered"),
    }
    (story,) = read_session(mini_session_path).stories
    assert (story.id, story.role, story.want, story.so_that, story.priority) == (
        "US-001",
        "finance clerk",
        "send reminders automatically",
        "customers pay on time",
        "must",
    )
    assert story.acceptance == ["a reminder goes out 30 days after the invoice", "the clerk can stop reminders for one customer"]
    assert story.quote == "/etc/hosts is where we keep it"
    # Issue 13 (trial F12): right after an answer, with the next question still open, the story comes from that answer.
    assert story.source == ["mini.context.offline_how_long"]
    assert not lock_path(mini_session_path).exists()
    for said in (
        "Why we ask: Everything else follows from the problem.",
        "  2. What does it cost today?",
        "'Tablet' is not an option",
        "is a yes/no question",
        "takes 0 or more",
        "New story from: For how many hours at most?",
        "No story added",
        "could be /story, /stories or /stop",
        "no command '/zzz'",
        "takes 5 or less",
        "US-001, Must, draft:",
        "End of the questions: 0 open and 1 flagged to revisit.",
        "Progress: 7 of 8 questions done",
        "End of the questions: all 7 that apply are answered or skipped.",
        "Stopped. Everything entered is saved in",
    ):
        assert said in out, said
    assert "\x1b" not in out


def test_reopening_resumes_at_the_first_open_question(mini_session_path):
    play(mini_session_path, "Invoices are late", "/next", "/stop")
    code, out = play(mini_session_path, "/stop")
    assert code == 0
    first = out.index("\nQuestion ")
    assert out[first:].splitlines()[1:3] == ["Question 2 of 5, Context.", "Where will people use it?"]


def test_an_answer_that_opens_or_closes_follow_ups_says_so_in_the_apps_words(mini_session_path):
    """The app announced '1 follow-up question now applies'; plain mode went on to an extra question without a word."""
    code, out = play(mini_session_path, "Invoices are late", "Mobile", "yes", "/go platform", "Web", "/stop")
    assert code == 0, out
    said = [line for line in out.splitlines() if line.startswith("Saved: ") or line.endswith(("applies.", "apply."))]
    assert said[1:] == [
        "Saved: Mobile.",
        "1 follow-up question now applies.",
        "Saved: Yes.",
        "1 follow-up question now applies.",
        "Saved: Web.",
        "2 questions no longer apply.",
    ], out
    assert said[0] == "Saved: Invoices are late.", "an answer no condition reads says nothing more"


def test_skipping_an_answer_that_opened_a_follow_up_says_it_no_longer_applies(mini_session_path):
    """/skip drops the answer, so the follow-up it opened went with no word (the app's 'no longer applies' is said
    for an answer only); the question count told it: '3 of 6', then '3 of 5'."""
    code, out = play(mini_session_path, "Invoices are late", "Mobile", "/go platform", "/skip", "/stop")
    assert code == 0, out
    after_skip = out[out.index("Skipped.") :].splitlines()
    assert after_skip[:2] == ["Skipped.", "1 question no longer applies."], out
    assert answers(mini_session_path)["platform"] == (None, "skipped")


def test_story_cancelled_half_way_is_dropped_and_a_dropped_line_keeps_what_was_typed(mini_session_path):
    code, out = play(mini_session_path, "/story", "clerk", "send reminders", "/cancel", "/stories", "/stop")
    assert code == 0 and "Story dropped." in out and "No stories yet" in out
    assert read_session(mini_session_path).stories == []

    # Issue 13 (trial F10): Ctrl-C in a story's field cancels the story, like /cancel and Escape
    # (tests/plain/test_plain_trial.py); Ctrl-C at a question still ends plain mode, keeping the story.
    class InterruptAtQuestion(io.StringIO):
        def readline(self, *args: object) -> str:
            line = super().readline()
            if not line:
                raise KeyboardInterrupt
            return line

    out_stream = io.StringIO()
    typed = "/story\nclerk\nsend reminders\nthey pay\nmust\n\n\n"
    code = run(mini_session_path, stdin=InterruptAtQuestion(typed), stdout=out_stream)
    assert code == 130
    (story,) = read_session(mini_session_path).stories
    assert (story.role, story.want, story.so_that, story.source) == ("clerk", "send reminders", "they pay", ["mini.context.problem"])
    assert "Interrupted. Everything entered is saved" in out_stream.getvalue()
    assert not lock_path(mini_session_path).exists()


def test_go_lists_questions_and_refuses_one_that_does_not_apply(mini_session_path):
    code, out = play(mini_session_path, "/go", "2", "/go offline", "/go nothing like this", "Web", "/stop")
    assert code == 0
    assert "  2. Where will people use it? (mini.context.platform, open)" in out
    assert "Stay here" in out
    # Issue 13: messages name the question, not its internal id.
    assert "This one does not apply with the answers so far: Must it work without a connection?" in out
    assert "No question matches 'nothing like this'" in out
    assert answers(mini_session_path) == {"platform": ("Web", "answered")}


def test_a_failed_save_is_reported_and_retried(mini_session_path, monkeypatch):
    real_save = SessionStore.save
    failures = iter([True, True])

    def flaky_save(self, session):
        if next(failures, False):
            raise ElicitError(f"{self.path}: could not save: disk full; the last saved version is intact")
        real_save(self, session)

    monkeypatch.setattr(SessionStore, "save", flaky_save)
    code, out = play(mini_session_path, "Invoices are late", "/stop")
    assert code == 0
    assert "Not saved:" in out and "disk full" in out and "Saved now; nothing was lost." in out
    assert answers(mini_session_path)["problem"] == ("Invoices are late", "answered")


def test_a_save_that_never_works_ends_with_exit_1_and_the_old_file_intact(mini_session_path, monkeypatch):
    before = mini_session_path.read_bytes()

    def failing_save(self, session):
        raise ElicitError(f"{self.path}: could not save: read-only file system; the last saved version is intact")

    monkeypatch.setattr(SessionStore, "save", failing_save)
    code, out = play(mini_session_path, "Invoices are late")
    assert code == 1
    assert "The last changes could not be saved" in out
    assert mini_session_path.read_bytes() == before
    assert not lock_path(mini_session_path).exists()


def failing_saves(monkeypatch, count: int) -> None:
    """The next ``count`` saves fail as on a full disk; later ones work."""
    real_save = SessionStore.save
    left = [count]

    def save(self, session):
        if left[0] > 0:
            left[0] -= 1
            raise ElicitError(f"{self.path}: could not save: No space left on device; the last saved version is intact")
        real_save(self, session)

    monkeypatch.setattr(SessionStore, "save", save)


def test_no_answer_is_called_saved_while_saving_fails_and_all_are_saved_once_it_works(mini_session_path, monkeypatch):
    failing_saves(monkeypatch, 5)  # the go to the first question and the next two answers fail, the third answer's works
    code, out = play(mini_session_path, "Invoices are late", "Web", "/next", "/stop")
    assert code == 0, out
    assert "Saved: Invoices are late." not in out and "Saved: Web." not in out
    assert out.count("Not saved: ") == 2, out
    assert "Not saved: Invoices are late." in out and "Not saved: Web." in out
    assert "only in memory, not on disk" in out
    assert answers(mini_session_path) == {"problem": ("Invoices are late", "answered"), "platform": ("Web", "answered")}


def test_stop_says_exactly_which_answers_are_not_on_disk(mini_session_path, monkeypatch):
    before = mini_session_path.read_bytes()
    failing_saves(monkeypatch, 10_000)
    code, out = play(mini_session_path, "Invoices are late", "Web", "/skip", "/stop")
    assert code == 1
    assert "Saved:" not in out.replace("Not saved:", "")
    assert "Skipped. Not saved." in out
    tail = out[out.index("could not be saved") :]
    assert "the answer to mini.context.problem: Invoices are late" in tail
    assert "the answer to mini.context.platform: Web" in tail
    assert "mini.users.who marked skipped" in tail
    assert mini_session_path.read_bytes() == before


lines = st.one_of(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"), max_size=30
    ),
    st.sampled_from(
        ["/skip", "/flag", "/back", "/next", "/go", "/go where", "/story", "/cancel", "/why", "/help", "/p", "/l", "//", "1", "y", "3"]
    ),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed=st.lists(lines, max_size=40))
def test_any_typing_ends_cleanly_and_leaves_a_readable_file(typed):
    with tempfile.TemporaryDirectory() as folder:
        path = write_mini_session(Path(folder))
        code, out = play(path, *typed)
        assert code == 0, out
        read_session(path)  # strict: refuses anything malformed
        assert not lock_path(path).exists()


# questionary prompts, in this process ------------------------------------------------


def test_questionary_prompts_fit_each_kind_and_slash_opens_a_command(mini_bank):
    questions = {q.key: q for q in mini_bank.questions}
    with create_pipe_input() as keys:
        prompter = QuestionaryPrompter(input=keys, output=DummyOutput())
        keys.send_text("hello\r" + DOWN + "\r" + "/skip\r" + "y" + "\r" + " " + DOWN + DOWN + " \r" + DOWN * 3 + "\r" + "/" + "\x7fMob\r")
        assert prompter.question(QuestionAsk(questions["problem"])) == "hello"
        assert prompter.question(QuestionAsk(questions["platform"])) == Picked("Mobile")
        assert prompter.question(QuestionAsk(questions["platform"])) == "/skip"
        assert prompter.question(QuestionAsk(questions["offline"])) == Picked(True)
        assert prompter.question(QuestionAsk(questions["offline"])) == ""  # Enter alone: no answer
        assert prompter.question(QuestionAsk(questions["channels"])) == Picked(["Email", "Chat"])
        assert prompter.question(QuestionAsk(questions["satisfaction"])) == Picked(4)
        assert prompter.question(QuestionAsk(questions["platform"])) == "Mob"  # typed at the command prompt


def test_whole_interview_through_questionary_prompts(mini_session_path):
    with create_pipe_input() as keys:
        keys.send_text(
            "Invoices are late\r"
            + DOWN
            + "\r"  # Mobile
            + "y"
            + "/back\r"
            + "/flag\r"
            + "12\r"
            + "/story\r"
            + "user\r"
            + "send reminders\r"
            + "\r"
            + "1\r"  # Must
            + "a reminder after 30 days\r\r"
            + "\r"
            + "/skip\r"
            + "25\r"
            + "/stop\r"
        )
        out = io.StringIO()
        code = run(mini_session_path, stdout=out, prompter=QuestionaryPrompter(input=keys, output=DummyOutput()))
    assert code == 0, out.getvalue()
    assert answers(mini_session_path) == {
        "problem": ("Invoices are late", "answered"),
        "platform": ("Mobile", "answered"),
        "offline": (True, "revisit"),
        "offline_how_long": (12, "answered"),
        "who": (None, "skipped"),
        "count": (25, "answered"),
    }
    (story,) = read_session(mini_session_path).stories
    assert (story.role, story.want, story.priority, story.acceptance, story.source) == (
        "user",
        "send reminders",
        "must",
        ["a reminder after 30 days"],
        ["mini.context.offline_how_long"],  # from the answer just given (trial F12)
    )


# the real command, piped and on a terminal ------------------------------------------


def elicit(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "elicit", *args], input=stdin, capture_output=True, text=True, cwd=REPO, timeout=60)


def test_piped_input_runs_the_real_command_without_any_screen_library(mini_session_path):
    script = (
        "import sys\n"
        "from elicit.cli import main\n"
        f"code = main(['open', {str(mini_session_path)!r}, '--plain'])\n"
        "sys.stderr.write(repr(sorted(m for m in ('textual', 'questionary', 'prompt_toolkit') if m in sys.modules)))\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], input="Slow invoices\n/skip\n/stop\n", capture_output=True, text=True, cwd=REPO, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == "[]"
    assert "> Slow invoices\nSaved: Slow invoices." in done.stdout
    assert answers(mini_session_path) == {"problem": ("Slow invoices", "answered"), "platform": (None, "skipped")}


def test_a_session_open_elsewhere_is_refused_in_one_line(mini_session_path):
    before = mini_session_path.read_bytes()
    store, _session = SessionStore.open(mini_session_path, command="elicit open")
    try:
        done = elicit("open", str(mini_session_path), "--plain", stdin="An answer\n")
    finally:
        store.close()
    assert done.returncode == 1
    assert len(done.stderr.splitlines()) == 1 and "is open in another elicit" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert mini_session_path.read_bytes() == before


def test_a_stale_lock_is_taken_over_and_said_plainly(mini_session_path):
    write_lock(mini_session_path, pid=dead_pid(), user="someone", since="2024-01-01 09:00:00", command="elicit")
    done = elicit("open", str(mini_session_path), "--plain", stdin="/stop\n")
    assert done.returncode == 0, done.stderr
    assert "Note: took over a stale lock" in done.stdout
    assert not lock_path(mini_session_path).exists()


def test_whole_interview_on_a_terminal_ending_with_ctrl_c(mini_session_path, pty_process):
    shell = pty_process(mini_session_path)
    # Issue 13: lines wrap at the terminal's 80 columns between words.
    shell.expect("/help lists them\n(in a list, press / first).")
    shell.expect("What problem should the product solve?")
    shell.send("/why\r")
    shell.expect("Who feels it most?")
    shell.expect("What problem should the product solve?")
    shell.send("Invoices take a week\r")
    shell.expect("Saved: Invoices take a week.")
    shell.expect("Not sure")
    shell.send(DOWN + "\r")
    shell.expect("Saved: Mobile.")
    shell.expect("(y or n, / for a command)")
    shell.send("y")
    shell.expect("Saved: Yes.")
    shell.expect("For how many hours at most?")
    shell.send("/back\r")
    shell.expect("Enter keeps yes")
    shell.send("/")
    shell.expect("Command (or type the answer):")
    shell.send("flag\r")
    shell.expect("Flagged to revisit.")
    shell.expect("For how many hours at most?")
    shell.send("twelve\r")
    shell.expect("takes a number")
    shell.send("12\r")
    shell.expect("Saved: 12 hours.")
    shell.expect("Who will use it day to day?")
    shell.send("/story\r")
    shell.expect("New story from: For how many hours at most?")
    shell.expect("As a (who):")
    shell.send("user\r")
    shell.expect("I want (what they want to do):")
    shell.send("send reminders\r")
    shell.expect("So that (the benefit, optional):")
    shell.send("customers pay on time\r")
    shell.expect("Won't have")
    shell.send("1\r")
    shell.expect("Acceptance criterion 1")
    shell.send("a reminder goes out after 30 days\r")
    shell.expect("Acceptance criterion 2")
    shell.send("\r")
    shell.expect("The client's own words")
    shell.send("Chasing payments eats my Fridays\r")
    shell.expect("Added US-001, Must, draft")
    shell.expect("Who will use it day to day?")
    shell.send("/skip\r")
    shell.expect("Skipped.")
    shell.expect("How many people will use it at once?")
    shell.send("25\r")
    shell.expect("Saved: 25.")
    shell.expect("5 (very)")
    shell.send("4\r")
    shell.expect("Saved: 4 of 5 (1 = not at all, 5 = very).")
    shell.expect("Chat")
    shell.send(" " + DOWN + DOWN + " ")  # marked, not confirmed: Ctrl-C drops it
    shell.send(CTRL_C)
    shell.expect("Interrupted. Everything entered is saved in")
    assert shell.wait() == 130
    assert answers(mini_session_path) == {
        "problem": ("Invoices take a week", "answered"),
        "platform": ("Mobile", "answered"),
        "offline": (True, "revisit"),
        "offline_how_long": (12, "answered"),
        "who": (None, "skipped"),
        "count": (25, "answered"),
        "satisfaction": (4, "answered"),
    }
    (story,) = read_session(mini_session_path).stories
    assert (story.id, story.role, story.want, story.so_that, story.priority) == (
        "US-001",
        "user",
        "send reminders",
        "customers pay on time",
        "must",
    )
    assert (story.acceptance, story.quote, story.source) == (
        ["a reminder goes out after 30 days"],
        "Chasing payments eats my Fridays",
        ["mini.context.offline_how_long"],  # from the answer just given (trial F12)
    )
    assert not lock_path(mini_session_path).exists()
    assert sgr_parameters(shell.raw) <= {"", "0"}, "NO_COLOR is set: no colour or bold"

    again = pty_process(mini_session_path)
    again.expect("Question 3 of 8, Context, flagged to revisit (/flag clears it).")
    again.expect("Must it work without a connection?")
    again.send("/")
    again.expect("Command (or type the answer):")
    again.send("stop\r")
    again.expect("Stopped.")
    assert again.wait() == 0


def test_without_no_color_the_prompts_have_colour(mini_session_path, pty_process, monkeypatch):
    monkeypatch.delenv("NO_COLOR")
    shell = pty_process(mini_session_path, NO_COLOR="")
    shell.expect("What problem should the product solve?")
    shell.send("Invoices take a week\r")
    shell.expect("Saved: Invoices take a week.")
    shell.expect("Where will people use it?")
    shell.send(CTRL_C)
    assert shell.wait() == 130
    assert sgr_parameters(shell.raw) - {"", "0"}, "questionary's own colours should show when NO_COLOR is not set"


@pytest.mark.parametrize("term", ["xterm-256color", "dumb"])
def test_a_hang_up_saves_and_releases_the_lock(mini_session_path, pty_process, term):
    shell = pty_process(mini_session_path, TERM=term)
    shell.expect("What problem should the product solve?")
    shell.send("Invoices take a week\r")
    shell.expect("Saved: Invoices take a week.")
    shell.expect("Where will people use it?")
    os.kill(shell.pid, signal.SIGHUP)
    assert shell.wait() == 128 + signal.SIGHUP
    assert answers(mini_session_path) == {"problem": ("Invoices take a week", "answered")}
    assert not lock_path(mini_session_path).exists()


def test_a_dropped_connection_saves_and_releases_the_lock(mini_session_path, pty_process):
    shell = pty_process(mini_session_path)
    shell.expect("What problem should the product solve?")
    shell.send("Invoices take a week\r")
    shell.expect("Saved: Invoices take a week.")
    shell.expect("Not sure")
    shell.close_terminal()
    assert shell.wait() in (128 + signal.SIGHUP, 0)
    assert answers(mini_session_path) == {"problem": ("Invoices take a week", "answered")}
    assert not lock_path(mini_session_path).exists()


def test_a_dumb_terminal_gets_lines_and_ctrl_c_stops_cleanly(mini_session_path, pty_process):
    shell = pty_process(mini_session_path, TERM="dumb")
    shell.expect("What problem should the product solve?")
    shell.expect("> ")
    shell.send("Invoices take a week\r")
    shell.expect("Saved: Invoices take a week.")
    shell.expect("  4. Not sure")
    shell.expect("Type a number or a name.")
    shell.send("2\r")
    shell.expect("Saved: Mobile.")
    shell.expect("> ")
    shell.send(CTRL_C)
    shell.expect("Interrupted. Everything entered is saved in")
    assert shell.wait() == 130
    assert "\x1b" not in shell.raw
    assert answers(mini_session_path) == {"problem": ("Invoices take a week", "answered"), "platform": ("Mobile", "answered")}
    assert not lock_path(mini_session_path).exists()


def test_go_with_a_mistyped_id_suggests_the_id(mini_session_path):
    # Trial F15: plain mode's jump offers the id a typo away, as the command line does.
    code, out = play(mini_session_path, "/go platfrom", "/stop")
    assert code == 0
    assert "No question matches 'platfrom'; did you mean 'platform'? (/go alone lists them)" in out


def test_a_help_line_says_what_its_command_does_without_repeating_its_own_usage():
    """trial9 T9-2: /help read '/speaker NAME or NUMBER  who is speaking; /speaker NAME or NUMBER sets it', the usage
    twice and what the command does with it never said."""
    for spec in COMMANDS:
        if spec.argument:
            assert f"/{spec.name} {spec.argument}" not in spec.summary, spec.name
    speaker = next(line for line in help_lines(in_lists=False) if line.startswith("  /speaker"))
    assert "set who is speaking" in speaker and "/speaker alone" in speaker
