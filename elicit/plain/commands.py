"""The commands a consultant can type at any prompt in plain mode.

A reply that starts with ``/`` is a command (``/skip``, ``/go platform``);
``//`` at the start types one literal slash. Commands can be shortened to a
unique prefix or their one-letter alias.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from elicit.core.findings import ElicitError

from .prompters import Escaped

PREFIX = "/"


@dataclass(frozen=True, slots=True)
class CommandSpec:
    """One command: its name, short aliases and what it does."""

    name: str
    aliases: tuple[str, ...]
    summary: str
    argument: str = ""


COMMANDS: tuple[CommandSpec, ...] = (
    CommandSpec("help", ("h", "?"), "list these commands"),
    CommandSpec("why", ("w", "probes"), "why we ask this question, and follow-up questions to probe"),
    CommandSpec("notes", (), "show this question's notes again (they show with the question)"),
    CommandSpec("skip", ("s",), "skip this question and go on"),
    CommandSpec("flag", ("f", "revisit"), "flag this question to revisit and go on (again clears the flag)"),
    CommandSpec("next", ("n",), "leave this question as it is and go on"),
    CommandSpec("back", ("b",), "go back to the previous question"),
    CommandSpec("go", ("g",), "go to a question by id or words; /go alone lists them", "ID or words"),
    CommandSpec(
        "story",
        ("a", "add"),
        "add a user story, linked to this question (or, while it is open, the one just answered); a story typed after it is split into its fields",
        "[STORY]",
    ),
    CommandSpec("stories", ("l", "list"), "list the stories so far"),
    CommandSpec("decision", ("d",), "record a decision taken here, why, and who decided", "TEXT"),
    CommandSpec("open-question", ("o", "oq"), "note something to follow up, and who will find out", "TEXT"),
    CommandSpec("assumption", ("assume",), "record something taken as true, and why", "TEXT"),
    CommandSpec("term", ("t",), "add a glossary term in the client's words", "TERM: MEANING"),
    CommandSpec("resolve", ("r",), "resolve an open question, saying how", "ID"),
    CommandSpec("decisions", (), "list the decisions"),
    CommandSpec("open-questions", (), "list the open questions"),
    CommandSpec("assumptions", (), "list the assumptions"),
    CommandSpec("terms", ("glossary",), "list the glossary"),
    CommandSpec("speaker", ("who",), "set who is speaking (/speaker none: nobody); /speaker alone names them and lists the participants", "NAME or NUMBER"),
    CommandSpec("progress", ("p",), "show what is answered, skipped, flagged and open, and the time"),
    CommandSpec("pause", ("z", "break"), "stop the interview clock until you press Enter"),
    CommandSpec("stop", ("q", "quit", "exit"), "stop the interview; everything entered is already saved"),
)


@dataclass(frozen=True, slots=True)
class Command:
    """A command typed at a prompt, with the text after its name."""

    name: str
    argument: str = ""


def read_reply(text: str) -> Command | str:
    """A typed reply as a Command, or as answer text (``//x`` gives ``/x``).

    Raise ElicitError for an unknown or ambiguous command.
    """
    stripped = text.strip()
    if stripped.startswith(PREFIX + PREFIX):
        return stripped[1:]
    if not stripped.startswith(PREFIX):
        return stripped
    word, _, argument = stripped[1:].partition(" ")
    return Command(resolve_name(word), argument.strip())


def names_a_command(word: str) -> bool:
    """Whether ``word`` is a command's whole name or alias (or 'cancel'), not only the start of one."""
    lowered = word.casefold()
    return lowered == "cancel" or any(lowered == spec.name or lowered in spec.aliases for spec in COMMANDS)


def resolve_name(word: str) -> str:
    """The command a typed word names: its name, an alias or a unique prefix."""
    lowered = word.casefold()
    if not lowered:
        raise ElicitError("type a command after the slash, for example /help; start with // to type a slash")
    for spec in COMMANDS:
        if lowered == spec.name or lowered in spec.aliases:
            return spec.name
    if lowered == "cancel":
        raise ElicitError("nothing to cancel here: /cancel drops a story or a follow-up while you type its fields")
    starting = [spec.name for spec in COMMANDS if spec.name.startswith(lowered)]
    if len(starting) == 1:
        return starting[0]
    if starting:
        raise ElicitError(f"'/{word}' could be {_either(starting)}; type more of it")
    raise ElicitError(f"no command '/{word}'; /help lists them, and // at the start types a slash")


def help_lines(in_lists: bool) -> list[str]:
    """The commands, one per line, for /help: every name and alias :func:`resolve_name` takes, from :data:`COMMANDS`
    (only a command's first alias was shown, so /revisit, which the parser takes for /flag, was missing)."""
    lines = ["Commands (type them at any prompt" + ("; in a list, press / first):" if in_lists else "):")]
    width = max(len(spec.name) + (len(spec.argument) + 1 if spec.argument else 0) for spec in COMMANDS)
    for spec in COMMANDS:
        name = spec.name + (f" {spec.argument}" if spec.argument else "")
        alias = f" (or {_either(list(spec.aliases))})" if spec.aliases else ""
        lines.append(f"  /{name.ljust(width)}  {spec.summary}{alias}")
    lines.append(
        "Enter on an empty answer keeps a question as it is and goes on (an open one is left open; a required one needs"
        " an answer, /skip or /revisit). Start an answer with // to type a leading slash."
    )
    return lines


class Cancelled(Exception):
    """The consultant typed /cancel, or pressed Escape or Ctrl-C, while entering a story or a follow-up."""


EMPTY_WORD = "none"
"""Typed as /none in an optional field that offers a suggestion, it leaves the field empty (Enter keeps the suggestion)."""


def ask_field(prompter: Any, console: Any, message: str, default: str = "", *, what: str = "story", optional: bool = False) -> str:
    """One field of a story or follow-up: the typed text (``//x`` gives ``/x``); /cancel, Escape or Ctrl-C raise Cancelled.

    Enter alone keeps ``default``; in an ``optional`` field that has one, /none leaves the field empty (a story
    without a benefit stays possible when the bank suggests one), and the prompt says so."""
    clearable = optional and bool(default.strip())
    if clearable:
        message = f"{message} /{EMPTY_WORD} leaves it empty."
    while True:
        try:
            typed = str(prompter.text(message, default)).strip()
        except (Escaped, KeyboardInterrupt):
            raise Cancelled from None
        if typed.startswith(PREFIX + PREFIX):
            return typed[1:]
        if not typed.startswith(PREFIX):
            return typed
        word = typed[1:].strip().casefold()
        if word in ("cancel", "c"):
            raise Cancelled
        if clearable and word == EMPTY_WORD:
            return ""
        allowed = f"/cancel and /{EMPTY_WORD} work" if clearable else "/cancel works"
        console.say(f"In {'a' if what[0] not in 'aeiou' else 'an'} {what}, only {allowed}; start with // to type a slash.")


def _either(names: list[str]) -> str:
    """'/a', '/a or /b', '/a, /b or /c'."""
    slashed = [f"/{name}" for name in names]
    return " or ".join([", ".join(slashed[:-1]), slashed[-1]] if len(slashed) > 1 else slashed)
