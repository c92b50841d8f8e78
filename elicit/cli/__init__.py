"""The ``elicit`` command line: dispatches to commands, imported on demand.

Commands that do not open a front end never import textual or questionary.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

from .output import error_line
from .parser import UsageError, build_parser

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(arguments)
    try:
        args = parser.parse_args(arguments)
    except UsageError as error:
        error_line(f"{error.prog}: error: {error.message} (see '{error.prog} --help')")
        return EXIT_USAGE
    except SystemExit as exit_:  # --help and --version
        return int(exit_.code or 0)
    from ..core.findings import ElicitError, FindingsError

    module_name, _, function_name = args.handler.partition(":")
    handler = getattr(importlib.import_module(f"elicit.cli.{module_name}"), function_name)
    try:
        return int(handler(args) or EXIT_OK)
    except UsageError as error:
        error_line(f"{error.prog}: error: {error.message} (see '{error.prog} --help')")
        return EXIT_USAGE
    except FindingsError as error:
        for finding in error.findings:
            error_line(finding.format())
        return EXIT_FINDINGS
    except ElicitError as error:
        error_line(f"elicit: error: {error}")
        return EXIT_FINDINGS
    except KeyboardInterrupt:
        error_line("elicit: interrupted")
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_OK
