"""The argument parser: every command, its options and its handler."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, NoReturn

from elicit import __version__
from elicit.core.vocabulary import ANSWER_STATUSES, PRIORITIES, STORY_STATUSES


class UsageError(Exception):
    """The command line was wrong: shown as one line, exit code 2."""

    def __init__(self, prog: str, message: str):
        super().__init__(message)
        self.prog = prog
        self.message = message


class HelpFormatter(argparse.HelpFormatter):
    """argparse's own formatter, given the terminal's width so that building a parser does not import shutil.

    argparse makes a formatter for every ``add_argument`` (to check its metavar)
    and asks ``shutil.get_terminal_size`` for the width; importing shutil loads
    bz2, lzma and fnmatch, about 2 ms of every command (issue 18). The width is
    the same one: see :func:`terminal_columns`.
    """

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position, terminal_columns() - 2 if width is None else width)


def terminal_columns() -> int:
    """``shutil.get_terminal_size().columns`` without importing shutil: $COLUMNS when positive, else the terminal's, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        size = os.get_terminal_size(sys.__stdout__.fileno())  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80
    return size.columns or 80


class Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as exceptions (one line, exit 2)."""

    def __init__(self, *args: Any, **kwargs: Any):
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise UsageError(self.prog, _with_did_you_mean(message))


def _with_did_you_mean(message: str) -> str:
    """argparse's ``invalid choice: 'opne' (choose from 'open', ...)`` said as elicit says a mistyped name:
    ``unknown command 'opne'; did you mean 'open'?`` (trial5 T5-5); other messages as argparse words them."""
    import re

    found = re.fullmatch(r"argument (\S+): invalid choice: (.+?) \(choose from (.*)\)", message)
    if found is None:
        return message
    from elicit.core.findings import did_you_mean

    name, word = found[1], found[2].strip("'\"")
    choices = [choice.strip().strip("'\"") for choice in found[3].split(",")]
    hint = did_you_mean(word, choices)
    if name == "COMMAND":
        return f"unknown command '{word}'; " + (hint or "choose one of: " + ", ".join(choices))
    return message + (f"; {hint}" if hint else "")


def unknown_arguments(parser: argparse.ArgumentParser, argv: list[str], extras: list[str]) -> UsageError:
    """The usage error for arguments no parser took: an option the command does not have is named with the
    closest one it has and the command's own help (``elicit new --bnak`` said ``see 'elicit --help'``)."""
    command = parser
    for word in (arg for arg in argv if not arg.startswith("-")):  # elicit story add ...: the command's own parser
        chosen = _sub_parsers(command).get(word)
        if chosen is None:
            break
        command = chosen
    option = next((extra.partition("=")[0] for extra in extras if extra.startswith("-")), None)
    if option is None:
        return UsageError(command.prog, "unrecognized arguments: " + " ".join(extras))
    from elicit.core.findings import did_you_mean

    known = [name for action in command._actions for name in action.option_strings if name.startswith("--")]
    hint = did_you_mean(option, known)
    return UsageError(command.prog, f"unknown option '{option}'" + (f"; {hint}" if hint else ""))


def _sub_parsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def missing_command(args: argparse.Namespace) -> int:
    """A command that needs a sub-command (``elicit story``) given none: a usage error naming them (exit 2)."""
    parser: argparse.ArgumentParser = args.command_parser
    names = [name for action in parser._actions if isinstance(action, argparse._SubParsersAction) for name in action.choices]
    raise UsageError(parser.prog, f"choose a command: {', '.join(names)}")


def build_parser(argv: list[str] | None = None) -> Parser:
    """The ``elicit`` command line.

    Given ``argv`` naming a command, only that command's parser is built, so
    start-up does no needless work; otherwise (no command, ``--help``, a
    mistyped command) every command is built, for the listing and the error.
    """
    wanted = next((arg for arg in argv if not arg.startswith("-")), None) if argv is not None else None
    parser = Parser(
        prog="elicit",
        description="Run requirements interviews from question banks; capture answers and user stories; export a draft spec.",
        epilog="Run 'elicit' alone to open the app, or 'elicit COMMAND --help' for one command.",
    )
    parser.add_argument("--version", action="version", version=f"elicit {__version__}")
    parser.set_defaults(handler="app_commands:launcher")
    # prog= is what argparse would work out by formatting a usage line (every add_subparsers below: no positionals before it)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", prog=parser.prog)

    builders = {
        "open": _open, "banks": _banks, "new": _new, "answer": _answer, "story": _story, "summary": _summary,
        "export": _export, "import": _import, "lint": _lint, "import-stories": _import_stories, "schema": _schema,
        "decision": _decision, "open-question": _open_question, "assumption": _assumption, "term": _term,
        "round": _round, "diff": _diff, "review": _review, "compare": _compare, "merge": _merge,
        "participant": _participant,
    }  # fmt: skip
    for name, build in builders.items():
        # Each sub-parser costs about a millisecond (argparse looks up translations for its texts).
        if wanted not in builders or name == wanted:
            build(commands)
    return parser


HELP = {
    "open": "open a session in the app (or --plain prompts)",
    "banks": "list, show and validate question banks",
    "new": "create a session file",
    "answer": "record an answer",
    "story": "add and list user stories",
    "summary": "progress, coverage and stories of a session",
    "export": "export the draft spec",
    "import": "make a session from a TOML spec",
    "lint": "check story quality",
    "import-stories": "add stories from a backlog file",
    "schema": "print the JSON Schema of banks, sessions or the spec",
    "decision": "add and list decisions taken with the client",
    "open-question": "add, list and resolve questions to follow up",
    "assumption": "add and list assumptions",
    "term": "add and list glossary terms",
    "round": "record a review round: what is sent to the client",
    "diff": "what changed between two sessions, specs or rounds",
    "review": "the client's review sheet: write it, import it, accept or decline each edit",
    "compare": "several interviews side by side: answers, shared stories, conflicts",
    "merge": "several interviews into one session for the spec",
    "participant": "add and list the people interviewed in a session",
}


def _open(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser("open", help=HELP["open"], description="Open a session file and run the interview.")
    command.add_argument("path", metavar="PATH", help="session file (*.elicit.toml)")
    command.add_argument("--plain", action="store_true", help="line-by-line prompts for screen readers, dumb terminals and slow links")
    command.set_defaults(handler="app_commands:open_session")


def _banks(commands: argparse._SubParsersAction) -> None:
    banks = commands.add_parser(
        "banks",
        help=HELP["banks"],
        description="Question banks: built-in, in your config folder and in ./question_banks.",
    )
    banks.set_defaults(handler="parser:missing_command", command_parser=banks)
    sub = banks.add_subparsers(title="banks commands", metavar="COMMAND", prog=banks.prog)

    listing = sub.add_parser(
        "list",
        help="every bank found, with its source file",
        description="List every bank found; a later source overrides an earlier one with the same id.",
    )
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler="bank_commands:list_banks")

    show = sub.add_parser(
        "show",
        help="a bank's sections and questions",
        description="Show a bank's sections and questions, with fully qualified question ids.",
    )
    show.add_argument("bank", metavar="ID_OR_PATH", help="a bank id or the path of a bank file")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler="bank_commands:show_bank")

    validate = sub.add_parser(
        "validate",
        help="check banks and report every problem",
        description="Check bank files and report every problem with file, line and key. Without paths, checks every bank found.",
    )
    validate.add_argument("paths", metavar="PATH", nargs="*", help="bank files (default: every bank found)")
    validate.set_defaults(handler="validate_command:validate_banks")


def _new(commands: argparse._SubParsersAction) -> None:
    new = commands.add_parser("new", help=HELP["new"], description="Create a new interview session file (never overwrites).")
    new.add_argument("path", metavar="PATH", help="the new session file (.elicit.toml is added if there is no .toml suffix)")
    new.add_argument("--bank", action="append", default=[], metavar="ID", help="a bank id or path; repeat for several")
    new.add_argument("--title", help="interview title")
    new.add_argument("--client", help="client organisation")
    new.add_argument("--project", help="project name")
    new.add_argument("--interviewer", help="who runs the interview")
    new.add_argument(
        "--participant",
        action="append",
        default=[],
        metavar="NAME[:ROLE]",
        help="someone taking part, with their role (NAME:ROLE or 'NAME - ROLE'); repeat for several",
    )
    new.add_argument(
        "--target-minutes",
        type=_minutes,
        metavar="N",
        help="the planned length of the interview in minutes (default: the sum of the banks' section budgets)",
    )
    new.add_argument("--no-input", action="store_true", help="never ask questions; fail if something required is missing")
    new.set_defaults(handler="session_commands:new_session")


def _answer(commands: argparse._SubParsersAction) -> None:
    answer = commands.add_parser(
        "answer",
        help=HELP["answer"],
        description="Record the answer to one question. Choices may be given by text or number; several choices separated by commas.",
    )
    answer.add_argument("path", metavar="PATH", help="session file")
    answer.add_argument("question", metavar="QUESTION_ID", help="full id (bank.section.question) or an unambiguous tail")
    answer.add_argument("value", metavar="VALUE", nargs="?", help="the answer (may be left out with --status skipped or revisit)")
    answer.add_argument("--notes", help="free notes on the answer")
    answer.add_argument("--status", choices=[s for s in ANSWER_STATUSES if s != "answered"], help="mark the question skipped or to revisit")
    answer.add_argument("--clear", action="store_true", help="remove the answer: the question is open again (notes are kept)")
    _by_option(answer, "gave the answer")
    answer.set_defaults(handler="session_commands:answer")


def _story(commands: argparse._SubParsersAction) -> None:
    story = commands.add_parser("story", help=HELP["story"], description="User stories in a session.")
    story.set_defaults(handler="parser:missing_command", command_parser=story)
    sub = story.add_subparsers(title="story commands", metavar="COMMAND", prog=story.prog)

    add = sub.add_parser(
        "add", help="add a story and print its id", description="Add a user story: As a ROLE, I want WANT, so that SO_THAT."
    )
    add.add_argument("path", metavar="PATH", help="session file")
    add.add_argument("--role", required=True, help="who wants it")
    add.add_argument("--want", required=True, help="what they want to do")
    add.add_argument("--so-that", default="", help="why: the benefit")
    add.add_argument("--priority", choices=PRIORITIES, default="should", help="MoSCoW priority (default: should)")
    add.add_argument("--accept", action="append", default=[], metavar="TEXT", help="an acceptance criterion; repeat for several")
    add.add_argument("--quote", default="", help="the client's own words")
    _source_option(add)
    add.add_argument("--tag", action="append", default=[], metavar="T", help="a tag; repeat for several")
    add.add_argument("--status", choices=STORY_STATUSES, default="draft", help="review status (default: draft)")
    _by_option(add)
    add.set_defaults(handler="story_commands:add_story")

    listing = sub.add_parser("list", help="list the stories", description="List the stories in a session.")
    listing.add_argument("path", metavar="PATH", help="session file")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler="story_commands:list_stories")

    change = sub.add_parser(
        "set",
        help="change a story",
        description="Change some fields of a story; the others stay. A change of wording keeps the earlier wording in the story's history.",
    )
    change.add_argument("path", metavar="PATH", help="session file")
    change.add_argument("story", metavar="STORY_ID", help="the story's id, such as US-003")
    change.add_argument("--role", help="who wants it")
    change.add_argument("--want", help="what they want to do")
    change.add_argument("--so-that", help="why: the benefit")
    change.add_argument("--priority", type=_priority, metavar="P", help="MoSCoW priority: must, should, could or wont")
    change.add_argument("--status", choices=STORY_STATUSES, help="review status")
    change.add_argument("--reason", help="why the client rejected it (kept with the story)")
    change.add_argument(
        "--accept", action="append", metavar="TEXT", help="an acceptance criterion; repeat for several (replaces the criteria)"
    )
    change.add_argument("--quote", help="the client's own words")
    change.add_argument("--tag", action="append", metavar="T", help="a tag; repeat for several (replaces the tags)")
    change.set_defaults(handler="story_commands:set_story")

    delete = sub.add_parser("delete", help="delete a story", description="Delete a story from a session.")
    delete.add_argument("path", metavar="PATH", help="session file")
    delete.add_argument("story", metavar="STORY_ID", help="the story's id, such as US-003")
    delete.set_defaults(handler="story_commands:delete_story")


def _summary(commands: argparse._SubParsersAction) -> None:
    summary = commands.add_parser(
        "summary",
        help=HELP["summary"],
        description="Progress, coverage per section, open required questions and stories by priority.",
    )
    summary.add_argument("path", metavar="PATH", help="session file")
    summary.add_argument("--json", action="store_true", help="print JSON: counts, stories by priority and status, time, sections")
    summary.set_defaults(handler="session_commands:summary")


def _export(commands: argparse._SubParsersAction) -> None:
    export = commands.add_parser(
        "export",
        help=HELP["export"],
        description="Export a session as a draft spec. Writes to stdout unless -o is given (gherkin needs a folder).",
    )
    export.add_argument("path", metavar="PATH", help="session file")
    export.add_argument("--format", "-f", required=True, metavar="FORMAT", help="toml, md, html, json, csv, gherkin, reqif, sdoc or trace")
    export.add_argument("-o", "--output", metavar="OUT", help="file to write (a folder for gherkin)")
    export.add_argument(
        "--raw-cells",
        action="store_true",
        help="CSV: write cells starting with = + - @ as they are (by default they get a leading ' so spreadsheets do not run them)",
    )
    export.add_argument(
        "--audience",
        metavar="WHO",
        help="md and html: client (default; no notes, flags or lint) or team (everything)",
    )
    export.add_argument("--include-rejected", action="store_true", help="csv (every tracker), gherkin and trace: keep rejected stories (left out by default)")
    export.add_argument(
        "--tracker", metavar="TRACKER", help="csv: jira (epics and stories), azure (Azure DevOps work items) or generic (default, one row a story)"
    )
    export.add_argument(
        "--work-item-type", metavar="NAME", help="csv jira/azure: the stories' type (default Story for Jira, User Story for Azure DevOps)"
    )
    export.add_argument("--epic-type", metavar="NAME", help="csv jira/azure: the type of the rows grouping stories by section (default Epic)")
    export.add_argument(
        "--tracker-priority",
        action="append",
        default=[],
        metavar="MOSCOW=NAME",
        help="csv jira/azure: the tracker priority for a MoSCoW priority, e.g. wont=Lowest or could=4; repeat for several",
    )
    export.add_argument(
        "--round",
        action="store_true",
        dest="record_round",
        help="for the client: also record the next review round (what is sent, frozen) once the export is written",
    )
    export.add_argument("--note", metavar="TEXT", help="with --round: the round's note (what was sent, to whom)")
    export.set_defaults(handler="export_commands:export")


def _import(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser("import", help=HELP["import"], description="Make a session file from a TOML spec exported by elicit.")
    command.add_argument("spec", metavar="SPEC", help="a TOML spec (elicit export --format toml)")
    command.add_argument("-o", "--output", required=True, metavar="SESSION", help="the new session file")
    command.set_defaults(handler="export_commands:import_spec")


def _lint(commands: argparse._SubParsersAction) -> None:
    lint = commands.add_parser(
        "lint",
        help=HELP["lint"],
        description="Check the stories in a session or a text file (one story a line) for quality problems.",
    )
    lint.add_argument("path", metavar="PATH", help="session file, or a text file of stories")
    lint.add_argument("--json", action="store_true", help="print JSON")
    lint.add_argument("--strict", action="store_true", help="exit 1 when there are findings")
    lint.add_argument("--disable", action="append", default=[], metavar="CODE", help="switch a check off; repeat for several")
    lint.set_defaults(handler="lint_commands:lint")


def _import_stories(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "import-stories",
        help=HELP["import-stories"],
        description="Add stories from a text file (one story a line) or a CSV with a story column.",
    )
    command.add_argument("path", metavar="SESSION", help="session file")
    command.add_argument("file", metavar="FILE", help="text or CSV file of stories")
    command.add_argument("--column", metavar="NAME", help="the CSV column holding the stories (default: guessed)")
    command.add_argument(
        "--keep-duplicates", action="store_true", help="add stories the session already holds again (by default they are reported and skipped)"
    )
    command.set_defaults(handler="lint_commands:import_stories")


def _schema(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "schema",
        help=HELP["schema"],
        description="Print a JSON Schema: for editors that validate and complete TOML (see docs/banks.md) and for tools reading the spec.",
    )
    command.add_argument("name", choices=("bank", "session", "spec"), help="bank: a question bank; session: a session file; spec: the TOML/JSON spec")
    command.set_defaults(handler="schema_command:print_schema")


def _follow_up(
    commands: argparse._SubParsersAction, name: str, what: str, text_help: str, extra: list[tuple[str, str, str]]
) -> argparse._SubParsersAction:
    """A follow-up command (``decision``, ...) with its ``add`` and ``list`` sub-commands; returns its sub-parsers."""
    command = commands.add_parser(name, help=HELP[name], description=f"{what.capitalize()}s in a session.")
    command.set_defaults(handler="parser:missing_command", command_parser=command)
    sub = command.add_subparsers(title=f"{name} commands", metavar="COMMAND", prog=command.prog)
    add = sub.add_parser("add", help=f"add {_article(what)} {what} and print its id", description=f"Add {_article(what)} {what} to a session.")
    add.add_argument("path", metavar="PATH", help="session file")
    add.add_argument("text", metavar="TEXT", help=text_help)
    for option, metavar, option_help in extra:
        add.add_argument(option, default="", metavar=metavar, help=option_help)
    _source_option(add)
    _by_option(add)
    add.set_defaults(handler="followup_commands:add", kind=name)
    listing = sub.add_parser("list", help=f"list the {what}s", description=f"List the {what}s in a session.")
    listing.add_argument("path", metavar="PATH", help="session file")
    listing.add_argument("--json", action="store_true", help="print JSON: a list of objects with the session file's keys")
    listing.set_defaults(handler="followup_commands:list_items", kind=name)
    return sub


BY_HELP = "the participant who said it: a name, a first name only one participant has, or a number (1 for the first)"


def _by_option(parser: argparse.ArgumentParser, what: str = "said it") -> None:
    """``--by NAME``: the participant who said it (issue 16), checked against the session's participants."""
    parser.add_argument("--by", metavar="NAME", help=BY_HELP.replace("said it", what))


def _source_option(parser: argparse.ArgumentParser) -> None:
    """``--source QUESTION_ID``, repeatable: the question(s) a story, follow-up or term came from."""
    parser.add_argument("--source", action="append", default=[], metavar="QUESTION_ID", help="the question it came from; repeat for several")


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _decision(commands: argparse._SubParsersAction) -> None:
    _follow_up(
        commands,
        "decision",
        "decision",
        "what was decided",
        [("--rationale", "R", "why it was decided"), ("--decided-by", "NAME", "who decided (free text: 'the board'; not always who said it)")],
    )


def _open_question(commands: argparse._SubParsersAction) -> None:
    sub = _follow_up(commands, "open-question", "open question", "what is still to be found out", [("--owner", "NAME", "who will find out")])
    resolve = sub.add_parser("resolve", help="mark an open question resolved", description="Mark an open question resolved, saying how.")
    resolve.add_argument("path", metavar="PATH", help="session file")
    resolve.add_argument("id", metavar="ID", help="the open question's id, such as OQ-001")
    resolve.add_argument("--resolution", required=True, metavar="TEXT", help="the answer that settles it")
    resolve.set_defaults(handler="followup_commands:resolve", kind="open-question")


def _assumption(commands: argparse._SubParsersAction) -> None:
    _follow_up(commands, "assumption", "assumption", "what is taken as true", [("--rationale", "R", "why it is assumed")])


def _term(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser("term", help=HELP["term"], description="Glossary terms in a session: the client's own vocabulary.")
    command.set_defaults(handler="parser:missing_command", command_parser=command)
    sub = command.add_subparsers(title="term commands", metavar="COMMAND", prog=command.prog)
    add = sub.add_parser(
        "add", help="add a term (or change its definition)", description="Add a glossary term; an existing term gets the new definition."
    )
    add.add_argument("path", metavar="PATH", help="session file")
    add.add_argument("term", metavar="TERM", help="the client's word")
    add.add_argument("definition", metavar="DEFINITION", help="what they mean by it")
    _source_option(add)
    add.set_defaults(handler="followup_commands:add_term", kind="term")
    listing = sub.add_parser("list", help="list the terms", description="List the glossary terms in a session.")
    listing.add_argument("path", metavar="PATH", help="session file")
    listing.add_argument("--json", action="store_true", help="print JSON: a list of objects with the session file's keys")
    listing.set_defaults(handler="followup_commands:list_items", kind="term")


def _participant(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "participant", help=HELP["participant"], description="The people interviewed in a session: who answers, tells stories, decides."
    )
    command.set_defaults(handler="parser:missing_command", command_parser=command)
    sub = command.add_subparsers(title="participant commands", metavar="COMMAND", prog=command.prog)
    add = sub.add_parser(
        "add",
        help="add a participant",
        description="Add a participant to a session, so that what they say can be credited to them (--by, the speaker key).",
    )
    add.add_argument("path", metavar="PATH", help="session file")
    add.add_argument("participant", metavar="PARTICIPANT", help="the person, as NAME, NAME: ROLE or 'NAME - ROLE' ('Lena Park: receptionist')")
    add.set_defaults(handler="session_commands:add_participant")
    listing = sub.add_parser("list", help="list the participants", description="List a session's participants, numbered as --by takes them.")
    listing.add_argument("path", metavar="PATH", help="session file")
    listing.add_argument("--json", action="store_true", help="print JSON: a list of objects with the session file's keys (name, role)")
    listing.set_defaults(handler="session_commands:list_participants")


def _round(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "round",
        help=HELP["round"],
        description="Record the next review round: a frozen copy of every story, decision, open question and assumption. Prints 'round N'.",
    )
    command.add_argument("path", metavar="PATH", help="the session file")
    command.add_argument("--note", metavar="TEXT", help="what was sent, to whom")
    command.set_defaults(handler="review_commands:record_round")


def _diff(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "diff",
        help=HELP["diff"],
        description="Show what changed from OLD to NEW: each a session file, a TOML spec, or SESSION@N (round N; SESSION@last the latest).",
    )
    command.add_argument("old", metavar="OLD", help="session, TOML spec or SESSION@N")
    command.add_argument("new", metavar="NEW", help="session, TOML spec or SESSION@N")
    command.add_argument("--format", choices=("text", "md", "json"), default="text", help="terminal text (default), client Markdown or JSON")
    command.set_defaults(handler="review_commands:show_diff")


def _review(commands: argparse._SubParsersAction) -> None:
    review = commands.add_parser("review", help=HELP["review"], description="The client's review: a sheet out, the client's edits back in.")
    review.set_defaults(handler="parser:missing_command", command_parser=review)
    sub = review.add_subparsers(title="commands", metavar="COMMAND", prog=review.prog)
    sheet = sub.add_parser("sheet", help="write the review sheet", description="Write the review sheet (.csv or .xlsx, by the suffix of FILE).")
    sheet.add_argument("path", metavar="PATH", help="the session file")
    sheet.add_argument("-o", "--output", metavar="FILE", required=True, help="the sheet to write: name.csv or name.xlsx")
    sheet.set_defaults(handler="review_commands:write_review_sheet")
    read = sub.add_parser(
        "import", help="read a filled sheet into proposals", description="Read the sheet the client filled; every filled row becomes a proposal."
    )
    read.add_argument("path", metavar="PATH", help="the session file")
    read.add_argument("sheet", metavar="FILE", help="the filled sheet (.csv or .xlsx)")
    read.set_defaults(handler="review_commands:import_review_sheet")
    listing = sub.add_parser("list", help="list the proposals", description="List the client's proposals and what became of each.")
    listing.add_argument("path", metavar="PATH", help="the session file")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler="review_commands:list_proposals")
    take = sub.add_parser("accept", help="accept a proposal", description="Accept a proposal: apply it to its story (the earlier wording is kept).")
    take.add_argument("path", metavar="PATH", help="the session file")
    take.add_argument("proposal_id", metavar="PROPOSAL_ID", help="such as P-001")
    take.set_defaults(handler="review_commands:accept_proposal")
    refuse = sub.add_parser(
        "decline", help="decline a proposal, saying why", description="Decline a proposal; the reason is recorded as a decision linked to the story."
    )
    refuse.add_argument("path", metavar="PATH", help="the session file")
    refuse.add_argument("proposal_id", metavar="PROPOSAL_ID", help="such as P-001")
    refuse.add_argument("--reason", metavar="TEXT", required=True, help="why the story stays as it is")
    refuse.set_defaults(handler="review_commands:decline_proposal")


def _compare(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "compare",
        help=HELP["compare"],
        description=(
            "Put interviews side by side: each question answered in two or more of them with every answer and its speaker, "
            "the stories they share, and their conflicts (yes and no, different choices, scales 2+ apart, numbers 2x apart, "
            "one story at different priorities, opposite goals, an answer against another interview's decision)."
        ),
    )
    command.add_argument("paths", metavar="SESSION", nargs="+", help="two or more session files")
    command.add_argument("--format", choices=("text", "md", "json"), default="text", help="terminal text (default), a Markdown document or JSON")
    command.set_defaults(handler="stakeholder_commands:compare_sessions")


def _merge(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "merge",
        help=HELP["merge"],
        description=(
            "Merge interviews into one new session: the union of their banks, every answer of every interview with its speaker, "
            "stories told in several interviews merged into one (every quote kept), conflicts left as open questions, "
            "story ids renumbered (the map is printed and kept). The inputs are never changed."
        ),
    )
    command.add_argument("paths", metavar="SESSION", nargs="+", help="two or more session files")
    command.add_argument("-o", "--output", metavar="COMBINED", required=True, help="the new session file (never an input, never an existing file)")
    command.set_defaults(handler="stakeholder_commands:merge_sessions")


def _minutes(text: str) -> int:
    """A positive whole number of minutes."""
    if not (text.strip().isascii() and text.strip().isdigit()) or int(text) < 1:
        raise argparse.ArgumentTypeError(f"give a whole number of minutes, 1 or more, not '{text}'")
    return int(text)


def _priority(text: str) -> str:
    """A MoSCoW priority, in any of the words people use for it (Must, won't, M)."""
    from elicit.core.vocabulary import priority_from_word

    priority = priority_from_word(text)
    if priority is None:
        raise argparse.ArgumentTypeError(f"'{text}' is not a priority; use must, should, could or wont")
    return priority
