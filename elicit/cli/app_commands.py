"""``elicit`` alone (the launcher) and ``elicit open``: the only commands that load a front end."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

TYPE_CHECKING = False
if TYPE_CHECKING:
    from elicit.core.files import KeptCode


def launcher(args: argparse.Namespace) -> int:
    """Open the Textual app on its launcher screen."""
    with compiled_methods() as keep:
        pause_collector()
        from ..tui.app import run

        return run(None, when_drawn=keep)


def open_session(args: argparse.Namespace) -> int:
    """Open a session in the Textual app, or in plain prompts with --plain."""
    with compiled_methods() as keep:
        from elicit.core.session import existing_session_path

        path: Path = existing_session_path(args.path)
        if args.plain:
            from elicit.core.session import remember

            from ..plain import run as run_plain

            remember(path)
            return run_plain(path, when_shown=keep)
        pause_collector()
        from ..tui.app import run

        return run(path, when_drawn=keep)


CODE = "app"
"""The file in the cache folder (``code/app.code``) that keeps the methods of the front ends' dataclasses compiled."""


@contextmanager
def compiled_methods() -> Iterator[Callable[[], None]]:
    """The methods ``dataclasses`` writes for elicit's own classes (session models, banks, screens) come compiled
    from the user's cache folder while the front end loads (:mod:`elicit.core.files.code_cache`); yields what keeps
    them and drops the hook (the app calls it once its first screen is drawn, plain mode once its first prompt is
    shown; on the way out it runs anyway, and only once).

    Only ``elicit.`` modules: Textual's and rich's classes are compiled as in any Textual app."""
    from elicit.core.files import keep_code, load_code

    kept: KeptCode = load_code(CODE, modules=("elicit.",))

    def keep() -> None:
        keep_code(CODE, kept)

    try:
        yield keep
    finally:
        keep()


def pause_collector() -> None:
    """No garbage collection while the app starts: the app turns it back on once its first screen is drawn.

    Start-up makes hundreds of thousands of objects that all live on (modules,
    classes, styles, widgets); collecting while they are made only walks them
    over and over (20-30 ms of the launch).
    """
    import gc

    gc.disable()
