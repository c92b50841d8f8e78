"""The ``elicit`` command line: dispatches to commands, imported on demand.

Commands that do not open a front end never import textual or questionary.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Sequence

from .output import error_line

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .parser import UsageError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    fast = _fast_command(arguments)
    if fast is not None:
        return _run(fast)
    from .parser import UsageError, build_parser

    parser = build_parser(arguments)
    try:
        args = parser.parse_args(arguments)
    except UsageError as error:
        _usage_error(error)
        return EXIT_USAGE
    except SystemExit as exit_:  # --help and --version
        return int(exit_.code or 0)
    module_name, _, function_name = args.handler.partition(":")
    handler = getattr(importlib.import_module(f"elicit.cli.{module_name}"), function_name)
    return _run(lambda: handler(args))


def _fast_command(arguments: list[str]) -> Callable[[], int] | None:
    """The two commands answered before argparse is imported: importing it costs more than their work.

    Only their option-free forms; anything with an option goes through the parser.
    """
    if arguments == ["--version"]:
        return _print_version
    if arguments[:2] == ["banks", "validate"] and not any(argument.startswith("-") for argument in arguments[2:]):
        from .validate_command import validate_paths

        return lambda: validate_paths(arguments[2:])
    return None


def _usage_error(error: UsageError) -> None:
    error_line(f"{error.prog}: error: {error.message} (see '{error.prog} --help')")


def _print_version() -> int:
    from .. import __version__

    sys.stdout.write(f"elicit {__version__}\n")
    return EXIT_OK


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
        from ..core.findings import ElicitError, FindingsError
        from .parser import UsageError

        if isinstance(error, UsageError):
            _usage_error(error)
            return EXIT_USAGE
        if isinstance(error, FindingsError):
            for finding in error.findings:
                error_line(finding.format())
            return EXIT_FINDINGS
        if isinstance(error, ElicitError):
            error_line(f"elicit: error: {error}")
            return EXIT_FINDINGS
        raise
