"""The plain-mode interview: ask what applies, in order, and act on commands.

Which questions apply, which are open and how far along we are all come from
the core :class:`~elicit.core.session.engine.Interview`; every change goes through
the :class:`~elicit.core.session.service.SessionService` (whose listener saves it).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from elicit.core.banks import Question
from elicit.core.findings import ElicitError
from elicit.core.session import (
    OPEN,
    OpenSession,
    SessionService,
    applicability_change,
    check_range,
    find_participant,
    has_value,
    number_in_words,
    other_time_unit,
    parse_answer,
)

from .commands import PREFIX, Command, help_lines, names_a_command, read_reply
from .follow_ups import FollowUps
from .output import (
    Console,
    editable_answer,
    notes_lines,
    progress_lines,
    question_header,
    sentence,
    shown_answer,
    speaker_lines,
    story_line,
    why_lines,
)
from .prompters import Escaped, Picked, Prompter, QuestionAsk
from .safety import Saver
from .stories import StoryCapture


class Stopped(Exception):
    """The consultant typed /stop."""


class _Stay:
    """Ask the same question again."""


STAY = _Stay()
Target = Question | None | _Stay
"""Where to go after a reply: a question, None for the end of the interview, or STAY."""

NO_QUESTION = "There is no question here; use /back or /go to pick one."
REQUIRED_EMPTY = "Required: type an answer, /skip or /revisit."
NOBODY = ("none", "nobody", "-", "0")
"""What /speaker takes for "nobody is speaking" (unless a participant has that name)."""
FOLLOW_UP_LISTS = ("decisions", "open-questions", "assumptions", "terms")
FOLLOW_UP_COMMANDS = ("decision", "open-question", "assumption", "term", "resolve") + FOLLOW_UP_LISTS


class ClockedPrompter:
    """A prompter that counts the time spent at its prompts as interview time (the service's ``tick``), except while paused.

    Plain mode spends its life waiting at prompts, so the time at them is the
    interview's time; ``section_id`` says where it goes. Whole seconds are
    ticked; the rest is carried to the next prompt.
    """

    def __init__(self, prompter: Prompter, service: SessionService, clock: Callable[[], float] = time.monotonic):
        self.prompter = prompter
        self.service = service
        self.clock = clock
        self.section_id: str | None = None
        self.paused = False
        self._carry = 0.0
        self.in_lists = prompter.in_lists

    def question(self, ask: QuestionAsk) -> Any:
        return self._timed(lambda: self.prompter.question(ask))

    def text(self, message: str, default: str = "") -> str:
        return str(self._timed(lambda: self.prompter.text(message, default)))

    def choose(self, message: str, choices: Any, default: Any = None) -> Any:
        return self._timed(lambda: self.prompter.choose(message, choices, default))

    def pause(self, console: Console) -> None:
        """Stop the clock until Enter (or any reply)."""
        self.paused = True
        console.say("Paused: the interview clock is stopped. Press Enter to go on.")
        try:
            self.prompter.text("Paused; Enter goes on:", "")
        except Escaped:
            pass  # Escape goes on too
        finally:
            self.paused = False
        console.say("Going on; the clock runs again.")

    def _timed(self, ask: Callable[[], Any]) -> Any:
        started = self.clock()
        try:
            return ask()
        finally:
            if not self.paused:
                self._carry += max(0.0, self.clock() - started)
                whole = int(self._carry)
                if whole:
                    self._carry -= whole
                    self.service.tick(whole, self.section_id)


class PlainInterview:
    """Walks one open session question by question."""

    def __init__(
        self, opened: OpenSession, prompter: Prompter, console: Console, saver: Saver, clock: Callable[[], float] = time.monotonic
    ):
        self.opened = opened
        self.session = opened.session
        self.interview = opened.interview
        self.service = opened.service
        self.timed = ClockedPrompter(prompter, opened.service, clock)
        self.prompter: Prompter = self.timed
        self.console = console
        self.saver = saver
        self.stories = StoryCapture(self.prompter, console, opened.service)
        self.follow_ups = FollowUps(self.prompter, console, opened.service, opened.interview)
        self._answered_last: Question | None = None
        """The question answered just before the one on screen (None once the consultant moved another way)."""
        self._just_answered: Question | None = None

    def run(self) -> None:
        """Ask until /stop (raises nothing) or end of input (EOFError) or Ctrl-C (KeyboardInterrupt)."""
        self._introduce()
        here: Question | None = self.interview.first_open()
        try:
            while True:
                target = self._ask(here) if here is not None else self._at_end()
                if not isinstance(target, _Stay):
                    here = target
        except Stopped:
            return

    # the two kinds of prompt

    def _introduce(self) -> None:
        session = self.session
        who = f" with {session.client}" if session.client.strip() else ""
        progress = self.interview.progress()
        self.console.say(
            f"Interview: {session.title}{who}. {progress.total} questions apply now, {progress.done} done.",
            "Type an answer and press Enter; commands start with a slash: /help lists them"
            + (" (in a list, press / first)." if self.prompter.in_lists else "."),
        )
        for note in self.opened.notes:
            self.console.say(f"Note: {note}")
        for warning in self.opened.warnings:
            self.console.say(f"Check: {warning}")

    def _ask(self, question: Question) -> Target:
        self._answered_last, self._just_answered = self._just_answered, None
        try:
            self.service.go(question.id)
        except ElicitError:  # it stopped applying: carry on from the next one
            self.console.say(f"{sentence(question.prompt)} No longer applies with the answers so far; going on.")
            return self._next_after(question)
        self.timed.section_id = question.section_id
        self.console.say("", question_header(self.interview, question, self.service.speaker))
        self.console.say(*notes_lines(self.interview.answer(question.id)))
        while True:
            self.saver.flush()
            answer = self.interview.answer(question.id)
            current = answer.value if answer is not None else None
            try:
                reply = self.prompter.question(QuestionAsk(question, current))
            except Escaped:  # left the command prompt that / opened: back to the question
                continue
            if isinstance(reply, Picked):
                return self._record(question, reply.value)
            typed = self._typed_or_command(command_after(reply, editable_answer(question, current) if has_value(current) else ""), question)
            if isinstance(typed, _Stay):
                continue
            if not isinstance(typed, str):
                return typed
            if not typed:
                if self._passes_empty(question):
                    return self._next_after(question)
                continue
            try:
                value = parse_answer(question, typed)
            except ElicitError as error:
                value = self._number_said_in_words(question, typed)
                if value is None:
                    said = str(error)
                    if question.kind == "number" and (other := other_time_unit(typed, question.unit)):
                        said = f"this question is in {question.unit}, not {other}: type the number in {question.unit}"
                    self.console.say(sentence(said[:1].upper() + said[1:]))
                    continue
            return self._record(question, value)

    def _number_said_in_words(self, question: Question, typed: str) -> int | float | None:
        """``about 2 hours`` on a number question, as the app takes it: 2 is the answer and the words go to the
        notes (trial3 T3-2: plain mode refused it). None when the words hold no one number in range."""
        value = number_in_words(typed, question.unit) if question.kind == "number" else None
        if value is None:
            return None
        try:
            check_range(question, value)
        except ElicitError:
            return None
        answer = self.interview.answer(question.id)
        notes = answer.notes if answer is not None else ""
        if typed not in notes:
            self.service.set_notes(question.id, f"{notes.rstrip()} {typed}".strip() if notes.strip() else typed)
        self.console.say(f"Your words are in the notes: {typed}")
        return value

    def _passes_empty(self, question: Question) -> bool:
        """Enter on an empty answer: an answered, skipped or flagged question stays as it is; an open one is
        left open with a line saying so, unless it is required (then it needs an answer, /skip or /revisit)."""
        if self.interview.status(question.id) != OPEN:
            return True
        if question.required:
            self.console.say(REQUIRED_EMPTY)
            return False
        self.console.say("Left open.")
        return True

    def _at_end(self) -> Target:
        self._answered_last, self._just_answered = self._just_answered, None
        self.timed.section_id = None
        self.saver.flush()
        progress = self.interview.progress()
        pending = progress.open + progress.revisit
        self.console.say("")
        if pending:
            self.console.say(
                f"End of the questions: {progress.open} open and {progress.revisit} flagged to revisit.",
                "Press Enter to go through them, or type a command (/stop to finish).",
            )
        else:
            self.console.say(
                f"End of the questions: all {progress.total} that apply are answered or skipped.",
                "Press Enter to finish, or type a command.",
            )
        while True:
            try:
                reply = self.prompter.text("Enter or a command:", "")
            except Escaped:
                continue
            typed = self._typed_or_command(reply, None)
            if isinstance(typed, _Stay):
                continue
            if not isinstance(typed, str):
                return typed
            if typed:
                self.console.say(NO_QUESTION)
                continue
            first = self.interview.first_open()
            if first is None:
                raise Stopped
            return first

    # replies

    def _typed_or_command(self, reply: str, question: Question | None) -> str | Target:
        """The text typed at a prompt; or, for a slash command, where it leads (STAY: ask again)."""
        try:
            typed = read_reply(reply)
        except ElicitError as error:
            self.console.say(str(error))
            return STAY
        if isinstance(typed, Command):
            return self._command(typed, question)
        return typed

    def _record(self, question: Question, value: Any) -> Target:
        answer = self.interview.answer(question.id)
        unchanged = answer is not None and answer.value == value and answer.status in ("answered", "revisit")
        if not unchanged and (has_value(value) or (answer is not None and has_value(answer.value))):
            applied = self._applicable_ids()
            # A new answer settles a question flagged to revisit; /flag flags it again.
            self.service.answer(question.id, value, status="answered")
            self._say_saved(question, value)
            self._say_applicability_change(applied)
        elif not has_value(value) and self.interview.status(question.id) == OPEN:
            self.console.say("Left open.")  # nothing ticked on a multiple choice: said, as for an empty line (trial6 T6-11)
        self._just_answered = question
        return self._next_after(question)

    def _say_saved(self, question: Question, value: Any) -> None:
        """'Saved: ...' (or 'Not saved: ...'), with who said it when credited."""
        shown = sentence(shown_answer(question, value) or "no answer")
        credited = self.session.answers[question.id].by if question.id in self.session.answers else ""
        shown += f" From {credited}." if credited else ""
        if self.saver.pending:
            self.console.say(f"Not saved: {shown}", self.saver.not_saved_line())
        else:
            self.console.say(f"Saved: {shown}")

    def _applicable_ids(self) -> list[str]:
        """The ids of the questions that apply now, to tell later what a change did to them."""
        return [q.id for q in self.interview.applicable()]

    def _say_applicability_change(self, applied: list[str]) -> None:
        """What an answer or a skip changed in the questions that apply (``applied`` before it), in the app's words:
        the consultant sees why another question comes next, or why one went."""
        change = applicability_change(applied, self._applicable_ids())
        if change:
            self.console.say(sentence(change))

    def _command(self, command: Command, question: Question | None) -> Target:
        name = command.name
        if name == "help":
            self.console.say(*help_lines(self.prompter.in_lists))
        elif name == "progress":
            self.console.say(*progress_lines(self.interview, self.session))
        elif name == "stories":
            stories = self.session.stories
            self.console.say(*(story_line(story) for story in stories) if stories else ["No stories yet; /story adds one."])
        elif name == "story":
            self.stories.capture(self._capture_source(question), typed=command.argument)
        elif name in FOLLOW_UP_COMMANDS:
            self._follow_up(command, self._capture_source(question))
        elif name == "pause":
            self.timed.pause(self.console)
        elif name == "speaker":
            self._speaker(command.argument)
        elif name == "go":
            return self._go(command.argument)
        elif name == "back":
            return self._back(question)
        elif name == "stop":
            raise Stopped
        elif question is None:
            self.console.say(NO_QUESTION)
        else:
            return self._question_command(name, question)
        return STAY

    def _question_command(self, name: str, question: Question) -> Target:
        """The commands about the current question: why, next, skip, flag."""
        if name == "why":
            self.console.say(*why_lines(question))
        elif name == "notes":
            self.console.say(*(notes_lines(self.interview.answer(question.id)) or ["No notes on this question."]))
        elif name == "next":
            return self._next_after(question)
        elif name == "skip":
            applied = self._applicable_ids()  # a skipped answer no longer opens its follow-ups
            self.service.skip(question.id)
            self._done("Skipped.")
            self._say_applicability_change(applied)
            return self._next_after(question)
        elif name == "flag":
            flagged = self.service.toggle_revisit(question.id)
            self._done("Flagged to revisit." if flagged else "Flag cleared.")
            return self._next_after(question)
        if name == "story" and self.saver.pending:
            self.console.say(self.saver.not_saved_line())
        return STAY

    def _capture_source(self, question: Question | None) -> Question | None:
        """The question a story or follow-up captured now comes from: the one on screen, unless it is still
        open and the consultant has just answered the one before (the client said it in that answer)."""
        if self._answered_last is not None and (question is None or self.interview.status(question.id) == OPEN):
            return self._answered_last
        return question

    def _follow_up(self, command: Command, question: Question | None) -> None:
        """Add, resolve or list decisions, open questions, assumptions and terms."""
        name, argument = command.name, command.argument
        if name in FOLLOW_UP_LISTS:
            self.console.say(*self.follow_ups.lines(name))
            return
        if name == "term":
            done = self.follow_ups.term(argument, question)
        elif name == "resolve":
            done = self.follow_ups.resolve(argument)
        else:
            done = self.follow_ups.add(name, argument, question)
        if done is not None:
            self._done(done)

    def _speaker(self, argument: str) -> None:
        """Show who is speaking, or set it (a name, a first name, a number; none for nobody)."""
        people = self.session.participants
        wanted = argument.strip()
        if wanted and people and wanted.casefold() in NOBODY and find_participant(people, wanted) is None:
            wanted = ""
            self.service.set_speaker("")
        elif wanted:
            try:
                self.service.set_speaker(wanted)
            except ElicitError as error:
                self.console.say(sentence(str(error)[:1].upper() + str(error)[1:]))
                return
        self.console.say(*speaker_lines(self.service.speaker, people))

    def _done(self, what: str) -> None:
        """Confirm a change, saying when it is not on disk."""
        if self.saver.pending:
            self.console.say(f"{what} Not saved.", self.saver.not_saved_line())
        else:
            self.console.say(what)

    # moving about

    def _next_after(self, question: Question) -> Question | None:
        """The next open or flagged question after ``question`` in bank order (None at the end)."""
        following = self.interview.first_open(after=question.id)
        if following is None or self._order(following) <= self._order(question):
            return None
        return following

    def _back(self, question: Question | None) -> Target:
        applicable = self.interview.applicable()
        if question is None:
            return applicable[-1] if applicable else STAY
        earlier = [q for q in applicable if self._order(q) < self._order(question)]
        if not earlier:
            self.console.say("This is the first question.")
            return STAY
        return earlier[-1]

    def _go(self, words: str) -> Target:
        applicable = self.interview.applicable()
        if not words:
            return self._pick_question(applicable, "Go to which question?")
        try:
            found = self.interview.resolve_id(words)
        except ElicitError:
            found = None
        if found is not None:
            if not self.interview.applies(found.id):
                self.console.say(f"This one does not apply with the answers so far: {found.prompt}")
                return STAY
            return found
        matches = [q for q in applicable if _matches(q, words)]
        if len(matches) == 1:
            return matches[0]
        if matches:
            return self._pick_question(matches, f"{len(matches)} questions match '{words}'; which one?")
        hidden = [q for q in self.interview.questions if _matches(q, words)]
        if hidden:
            self.console.say(f"'{words}' matches only questions that do not apply with the answers so far ({hidden[0].id}).")
        else:
            hint = self.interview.id_hint(words) if " " not in words.strip() else None
            self.console.say(f"No question matches '{words}'; " + (f"{hint} (/go alone lists them)" if hint else "/go alone lists them."))
        return STAY

    def _pick_question(self, questions: list[Question], message: str) -> Target:
        choices: list[tuple[str, Any]] = [(f"{q.prompt} ({q.id}, {self._status_word(q)})", q.id) for q in questions]
        choices.append(("Stay here", None))
        try:
            reply = self.prompter.choose(message, choices, None)
        except Escaped:
            return STAY
        if isinstance(reply, Picked):
            return self.interview.question(reply.value) if reply.value is not None else STAY
        if reply.strip():
            self.console.say("Not one of the questions; type /go again with an id or some words.")
        return STAY

    def _status_word(self, question: Question) -> str:
        status = self.interview.status(question.id)
        return "flagged" if status == "revisit" else status

    def _order(self, question: Question) -> int:
        return self.interview.questions.index(question)


def command_after(reply: str, current: str) -> str:
    """The reply, or the /command typed straight after the current answer brought back to edit (trial2 T12).

    'The way Lena talks/story' runs /story and keeps the answer as it was (/cancel there is refused, and keeps
    it too); a slash and a word that is no command's whole name ('yes/no', 'either/or') is part of the answer.
    """
    text = reply.strip()
    if not current or not text.startswith(current):
        return reply
    rest = text[len(current) :].strip()
    if not rest.startswith(PREFIX) or rest.startswith(PREFIX + PREFIX):
        return reply
    return rest if names_a_command(rest[1:].split(" ", 1)[0]) else reply


def _matches(question: Question, words: str) -> bool:
    haystack = f"{question.prompt} {question.id}".casefold()
    return all(word in haystack for word in words.casefold().split())
