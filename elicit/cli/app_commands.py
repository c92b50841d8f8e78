"""``elicit`` alone (the launcher) and ``elicit open``: the only commands that load a front end."""

from __future__ import annotations

import argparse
from pathlib import Path

from elicit.core.session import existing_session_path


def launcher(args: argparse.Namespace) -> int:
    """Open the Textual app on its launcher screen."""
    pause_collector()
    from ..tui.app import run

    return run(None)


def open_session(args: argparse.Namespace) -> int:
    """Open a session in the Textual app, or in plain prompts with --plain."""
    path: Path = existing_session_path(args.path)
    if args.plain:
        from elicit.core.session import remember

        from ..plain import run as run_plain

        remember(path)
        return run_plain(path)
    pause_collector()
    from ..tui.app import run

    return run(path)


def pause_collector() -> None:
    """No garbage collection while the app starts: the app turns it back on once its first screen is drawn.

    Start-up makes hundreds of thousands of objects that all live on (modules,
    classes, styles, widgets); collecting while they are made only walks them
    over and over (20-30 ms of the launch).
    """
    import gc

    gc.disable()
