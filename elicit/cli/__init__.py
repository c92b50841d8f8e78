"""The ``elicit`` command line: dispatches to commands, imported on demand.

Commands that do not open a front end never import textual or questionary.
"""

from __future__ import annotations

import gc
import importlib
import sys
from collections.abc import Callable, Sequence

from .output import error_line, printable_streams

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .parser import UsageError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code.

    A command that opens no front end runs for a moment and exits, so the
    cyclic garbage collector is off while it runs: its passes over the
    objects of a large session (1,000 stories read, a bank of 500 questions)
    cost ``elicit answer`` several milliseconds and free next to nothing
    (issue 18). The app and the prompts, which run for an interview, collect
    as usual; the collector is left as it was found when ``main`` returns.

    Such a command also skips the collections Python runs as the process
    exits (:func:`_no_collection_at_exit`).
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _main(argv, collecting)
    finally:
        if collecting:
            gc.enable()


def _main(argv: Sequence[str] | None, collecting: bool) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    from .parser import UsageError, build_parser, unknown_arguments

    parser = build_parser(arguments)
    try:
        args, extras = parser.parse_known_args(arguments)
        if extras:
            raise unknown_arguments(parser, arguments, extras)
    except UsageError as error:
        _usage_error(error)
        return EXIT_USAGE
    except SystemExit as exit_:  # --help and --version
        return int(exit_.code or 0)
    module_name, _, function_name = args.handler.partition(":")
    if _drives_the_terminal(module_name, args):
        if collecting:
            gc.enable()
    else:
        printable_streams()
        _no_collection_at_exit()
    handler = getattr(importlib.import_module(f"elicit.cli.{module_name}"), function_name)
    return _run(lambda: handler(args))


_exit_frozen: list[bool] = []


def _no_collection_at_exit() -> None:
    """Freeze every object once the interpreter starts to exit, so its two final collections have nothing to walk.

    Python collects twice while it shuts down, over every object still alive
    (a session of 1,000 stories, a bank of 500 questions, elicit's modules):
    about 5 % of ``elicit answer``'s instructions, to free memory the process
    is giving back anyway (issue 18). It runs after the command has returned:
    every file it wrote is closed (and a session fsynced), the lock released;
    the standard streams are still flushed at exit. Objects in reference
    cycles are then left to the end of the process rather than finalized,
    which for a command that closes what it opens changes nothing. Registered
    once per process, so a test calling ``main`` many times adds one handler.
    """
    if not _exit_frozen:
        import atexit

        atexit.register(gc.freeze)
        _exit_frozen.append(True)


def _drives_the_terminal(module_name: str, args: Any) -> bool:
    """Whether the command runs a front end (the app, plain mode, prompts) that writes its own escape codes."""
    if module_name == "app_commands":
        return True
    prompts = getattr(args, "no_input", True) is False and sys.stdin.isatty() and sys.stdout.isatty()
    return bool(prompts)


def _usage_error(error: UsageError) -> None:
    error_line(f"elicit: error: {error.message} (see '{error.prog} --help')")


def _run(command: Callable[[], int | None]) -> int:
    """Run a command; turn the user's mistakes into one line each and an exit code."""
    try:
        return int(command() or EXIT_OK)
    except KeyboardInterrupt:
        error_line("elicit: interrupted")
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_OK
    except Exception as error:
        from elicit.core.findings import ElicitError, FindingsError

        from .parser import UsageError

        if isinstance(error, UsageError):
            _usage_error(error)
            return EXIT_USAGE
        if isinstance(error, FindingsError):
            for finding in error.findings:
                error_line(f"elicit: error: {finding.format()}")
            return EXIT_FINDINGS
        if isinstance(error, ElicitError):
            error_line(f"elicit: error: {error}")
            return EXIT_FINDINGS
        raise
