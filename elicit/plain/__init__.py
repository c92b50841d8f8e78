"""Plain prompt mode: the interview as line-by-line prompts, for screen readers, dumb terminals and slow links.

``elicit open PATH --plain`` calls :func:`run`. It stands on the same core as
the Textual app: the same engine decides what to ask, the same service
changes the session, the same atomic save writes the same file.
"""

from __future__ import annotations

from .runner import run

__all__ = ["run"]
