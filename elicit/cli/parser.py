"""The argument parser: every command, its options and its handler."""

from __future__ import annotations

import argparse
from typing import NoReturn

from elicit import __version__
from elicit.core.vocabulary import ANSWER_STATUSES, PRIORITIES, STORY_STATUSES


class UsageError(Exception):
    """The command line was wrong: shown as one line, exit code 2."""

    def __init__(self, prog: str, message: str):
        super().__init__(message)
        self.prog = prog
        self.message = message


class Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as exceptions (one line, exit 2)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(self.prog, message)


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
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    builders = {
        "open": _open, "banks": _banks, "new": _new, "answer": _answer, "story": _story, "summary": _summary,
        "export": _export, "import": _import, "lint": _lint, "import-stories": _import_stories, "schema": _schema,
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
    banks.set_defaults(handler="bank_commands:banks_help", banks_parser=banks)
    sub = banks.add_subparsers(title="banks commands", metavar="COMMAND")

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
    answer.set_defaults(handler="session_commands:answer")


def _story(commands: argparse._SubParsersAction) -> None:
    story = commands.add_parser("story", help=HELP["story"], description="User stories in a session.")
    story.set_defaults(handler="story_commands:story_help", story_parser=story)
    sub = story.add_subparsers(title="story commands", metavar="COMMAND")

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
    add.add_argument("--source", action="append", default=[], metavar="QUESTION_ID", help="the question it came from; repeat for several")
    add.add_argument("--tag", action="append", default=[], metavar="T", help="a tag; repeat for several")
    add.add_argument("--status", choices=STORY_STATUSES, default="draft", help="review status (default: draft)")
    add.set_defaults(handler="story_commands:add_story")

    listing = sub.add_parser("list", help="list the stories", description="List the stories in a session.")
    listing.add_argument("path", metavar="PATH", help="session file")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler="story_commands:list_stories")


def _summary(commands: argparse._SubParsersAction) -> None:
    summary = commands.add_parser(
        "summary",
        help=HELP["summary"],
        description="Progress, coverage per section, open required questions and stories by priority.",
    )
    summary.add_argument("path", metavar="PATH", help="session file")
    summary.set_defaults(handler="session_commands:summary")


def _export(commands: argparse._SubParsersAction) -> None:
    export = commands.add_parser(
        "export",
        help=HELP["export"],
        description="Export a session as a draft spec. Writes to stdout unless -o is given (gherkin needs a folder).",
    )
    export.add_argument("path", metavar="PATH", help="session file")
    export.add_argument("--format", "-f", required=True, metavar="FORMAT", help="toml, md, html, json, csv, gherkin, reqif or sdoc")
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
    export.add_argument("--include-rejected", action="store_true", help="csv and gherkin: keep rejected stories (left out by default)")
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
    command.set_defaults(handler="lint_commands:import_stories")


def _schema(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "schema",
        help=HELP["schema"],
        description="Print a JSON Schema: for editors that validate and complete TOML (see docs/banks.md) and for tools reading the spec.",
    )
    command.add_argument("name", choices=("bank", "session", "spec"), help="bank: a question bank; session: a session file; spec: the TOML/JSON spec")
    command.set_defaults(handler="schema_command:print_schema")
