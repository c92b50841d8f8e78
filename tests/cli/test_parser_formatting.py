"""The parser's help and errors read as argparse's own, though it builds them without shutil (issue 18).

``elicit.cli.parser.HelpFormatter`` gives argparse the terminal's width
itself (:func:`terminal_columns`), and every ``add_subparsers`` is told its
``prog`` instead of argparse formatting a usage line to learn it. Both are
checked here against what argparse does on its own.
"""

from __future__ import annotations

import argparse
import os
import pty
import select
import shutil
import struct
import subprocess
import sys
import termios
from fcntl import ioctl

import pytest

from elicit.cli import parser as cli_parser
from elicit.cli.parser import build_parser, terminal_columns


@pytest.mark.parametrize("columns", [None, "", "0", "-3", "abc", "57", "300"])
@pytest.mark.parametrize("terminal", [(97, 30), (0, 0), OSError])
def test_terminal_columns_is_shutils_answer(monkeypatch: pytest.MonkeyPatch, columns: str | None, terminal: object) -> None:
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.delenv("LINES", raising=False)

    def size(_fd: int = 1) -> os.terminal_size:
        if terminal is OSError:
            raise OSError("not a terminal")
        assert isinstance(terminal, tuple)
        return os.terminal_size(terminal)

    monkeypatch.setattr(os, "get_terminal_size", size)
    assert terminal_columns() == shutil.get_terminal_size().columns


def _subparser_actions(parser: argparse.ArgumentParser) -> list[tuple[argparse.ArgumentParser, argparse._SubParsersAction]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found.append((parser, action))
            for sub in action.choices.values():
                found += _subparser_actions(sub)
    return found


def test_every_sub_command_prog_is_the_one_argparse_would_format() -> None:
    pairs = _subparser_actions(build_parser(None))
    assert len(pairs) >= 7
    for parser, action in pairs:
        formatter = argparse.HelpFormatter(prog=parser.prog)
        positionals = [other for other in parser._get_positional_actions() if other is not action]
        formatter.add_usage(parser.usage, positionals, parser._mutually_exclusive_groups, "")
        assert action._prog_prefix == formatter.format_help().strip()


def test_every_parser_uses_the_formatter_that_skips_shutil() -> None:
    parsers = [build_parser(None)] + [sub for _, action in _subparser_actions(build_parser(None)) for sub in action.choices.values()]
    assert all(parser.formatter_class is cli_parser.HelpFormatter for parser in parsers)


_STOCK_HELP = """
import argparse, sys
from elicit.cli import parser as cli_parser
cli_parser.HelpFormatter = argparse.HelpFormatter  # argparse's own, asking shutil for the width (Parser reads the name when called)
argv = sys.argv[1:]
try:
    cli_parser.build_parser(argv).parse_args(argv)
except SystemExit:
    pass
"""

_OURS = """
import sys
from elicit.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _in_terminal(code: str, args: list[str], columns: int) -> str:
    """What ``python -c code args`` prints to a terminal ``columns`` wide (no $COLUMNS)."""
    leader, follower = pty.openpty()
    ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    env = {name: value for name, value in os.environ.items() if name not in ("COLUMNS", "LINES")}
    child = subprocess.Popen([sys.executable, "-c", code, *args], stdin=follower, stdout=follower, stderr=subprocess.DEVNULL, env=env)
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    child.wait(timeout=30)
    os.close(leader)
    return b"".join(chunks).decode()


@pytest.mark.parametrize("args", [["--help"], ["answer", "--help"], ["story", "add", "--help"], ["export", "--help"]])
def test_help_in_a_terminal_wraps_as_argparse_wraps_it(args: list[str]) -> None:
    ours = _in_terminal(_OURS, args, 67)
    assert "usage: elicit" in ours
    assert ours == _in_terminal(_STOCK_HELP, args, 67)
    assert ours != _in_terminal(_OURS, args, 150)  # the terminal's width is the one used
