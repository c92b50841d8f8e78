"""Keys typed ahead of the app land where the typist meant them.

Textual hands each key to the focused widget's own message queue and runs a
binding only when the key comes back up unhandled, so a fast typist's
"answer, ctrl+n, next answer" put the next answer's first words into the
previous question (seen in tmux), and "text, ctrl+s" could save a form
before its last words arrived. The app therefore holds every key that is not
plain typing until the widgets before it have handled what was typed, and the
keys after it until what it started (a new question, a dialog, a focus
change) is done.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import Any

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.message_pump import MessagePump
from textual.widgets import Input, TextArea

SETTLE_SECONDS = 0.5
"""The longest a key waits for one widget (a widget that never answers does not hang the app)."""


def is_plain_typing(app: App[Any], event: events.Key) -> bool:
    """A printable character going into a text field: it can only change that field."""
    return event.is_printable and isinstance(app.focused, (Input, TextArea))


def _chain(app: App[Any]) -> list[MessagePump]:
    """The focused widget and its ancestors up to the screen: where a key travels while it bubbles."""
    chain: list[MessagePump] = []
    node: DOMNode | None = app.focused or app.screen
    while node is not None and node is not app:
        chain.append(node)
        node = node.parent
    return chain


async def _waited(schedule: Callable[[Callable[[], None]], bool]) -> None:
    """Wait until the callback handed to ``schedule`` has run (at most :data:`SETTLE_SECONDS`)."""
    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def mark() -> None:
        if not done.done():
            done.set_result(None)

    if not schedule(mark):
        return  # the widget is gone: nothing to wait for
    try:
        await asyncio.wait_for(done, SETTLE_SECONDS)
    except TimeoutError:
        pass


async def settled(app: App[Any], also: Sequence[MessagePump] = (), *, laid_out: bool = False) -> list[MessagePump]:
    """Wait until ``also`` and the focused widget and its ancestors have handled what reached them; return that chain.

    With ``laid_out``, also wait for the screen's next refresh: a screen just pushed has no focus chain before it.
    """
    chain = _chain(app)
    seen: set[int] = set()
    for node in [*also, *chain]:
        if id(node) not in seen:
            seen.add(id(node))
            await _waited(node.call_later)
    if laid_out:
        await _waited(app.screen.call_after_refresh)
    return chain
