"""Running plain mode on one session file: open, pick the prompts, ask, always clean up."""

from __future__ import annotations

import errno
import os
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from elicit.core.session import OpenSession, open_session

from .interview_loop import PlainInterview
from .output import Console, progress_lines
from .prompters import LinePrompter, Prompter
from .safety import Disconnected, Saver, disconnect_guard, signals_held

COMMAND = "elicit open --plain"
INPUT_ENV = "ELICIT_PLAIN_INPUT"
"""Set to ``lines`` to answer by typing lines even on a full terminal (no arrow-key lists)."""

EXIT_INTERRUPTED = 130
EXIT_NOT_SAVED = 1
_TERMINAL_GONE = {errno.EIO, errno.ENXIO, errno.EBADF}


def run(
    path: Path,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    prompter: Prompter | None = None,
    clock: Callable[[], float] = time.monotonic,
    when_shown: Callable[[], None] | None = None,
) -> int:
    """Run the interview in ``path`` as plain prompts; return the exit code.

    ``stdin``, ``stdout`` and ``prompter`` default to the terminal, ``clock``
    (for the interview time) to the monotonic clock; tests pass their own.
    ``when_shown`` runs once the first prompt is on the screen (by the prompter
    chosen here; ``elicit open --plain`` keeps the compiled code then, as the app
    does once its first frame is drawn).
    Raises ElicitError (for example LockedError) if the session cannot be opened.
    """
    stdin = stdin if stdin is not None else sys.stdin
    stdout = stdout if stdout is not None else sys.stdout
    _forgive_encoding(stdin, stdout)
    opened = open_session(path, command=COMMAND)
    opened.service.resume_speaker()  # who spoke when it last stopped speaks again, as in the app (trial5 T5-4)
    console = Console(stdout)
    saver = Saver(opened, console)
    opened.service.subscribe(saver.changed)
    code = 0
    with disconnect_guard():
        try:
            PlainInterview(opened, prompter or choose_prompter(console, stdin, stdout, when_shown), console, saver, clock).run()
            ending = "Stopped."
        except EOFError:
            ending = "End of input."
        except KeyboardInterrupt:
            ending, code = "Interrupted.", EXIT_INTERRUPTED
        except Disconnected as hang_up:
            ending, code = f"Ended by {signal.Signals(hang_up.signum).name}.", 128 + hang_up.signum
        except OSError as error:
            if error.errno not in _TERMINAL_GONE:
                raise
            console.gone = True
            ending, code = "The terminal went away.", 128 + 1
        finally:
            with signals_held():
                saved = saver.flush()
                opened.close()
                remember_progress(opened)
    if not saved:
        console.say("", f"{ending} The last changes could not be saved: {saver.error}.")
        lost = saver.unsaved_lines()
        if lost:
            console.say(f"Not on disk ({path} holds what was saved before):", *lost)
        return EXIT_NOT_SAVED
    console.say("", f"{ending} Everything entered is saved in {path}.", progress_lines(opened.interview, opened.session)[0])
    return code


def remember_progress(opened: OpenSession) -> None:
    """The launcher's list gets this session's progress, as the app's close gives it: its Done column said 0/63
    for a session answered in plain mode (trial2 T24)."""
    from elicit.core.session import remember, summarise

    summary = summarise(opened.interview)
    remember(opened.path, title=opened.session.title, client=opened.session.client, done=summary.done, total=summary.questions)


def choose_prompter(console: Console, stdin: TextIO, stdout: TextIO, when_shown: Callable[[], None] | None = None) -> Prompter:
    """questionary on a real terminal; typed lines for pipes, TERM=dumb, or ELICIT_PLAIN_INPUT=lines.

    ``when_shown`` runs once the first prompt is on the screen."""
    wants_lines = os.environ.get(INPUT_ENV, "").strip().casefold() == "lines"
    dumb = os.environ.get("TERM", "").strip().casefold() in ("dumb", "unknown")
    if not wants_lines and not dumb and _is_terminal(stdin) and _is_terminal(stdout):
        try:
            from .questionary_prompter import QuestionaryPrompter
        except ImportError:  # questionary missing: lines still work
            pass
        else:
            return QuestionaryPrompter(when_shown=when_shown)
    return LinePrompter(console, stdin, when_shown)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _forgive_encoding(stdin: TextIO, stdout: TextIO) -> None:
    """Never stop on a byte the terminal's encoding cannot carry: replace it."""
    for stream in (stdin, stdout):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):
                pass
