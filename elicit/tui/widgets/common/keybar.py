"""A footer that wraps: every key of the screen stays visible, even at 80 columns."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget

from ...bindings import known_ids


class KeyBar(Widget):
    """The active keys of the screen and what they do, packed into as many lines as needed.

    Clicking a key presses it, so the mouse reaches every action too.
    """

    DEFAULT_CSS = """
    KeyBar {
        height: auto;
        background: $panel;
        color: $text;
        padding: 0 1;
    }

    Screen > KeyBar {
        dock: bottom;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._items: list[tuple[str, str, str]] = []
        self._drawn: tuple[tuple[int, tuple[tuple[str, str, str], ...]], Content] | None = None
        """The content last drawn, for the width and keys it was drawn for."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._collect()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen:
            self._collect()

    def _collect(self) -> None:
        items: list[tuple[str, str, str]] = []
        seen: set[str] = set()
        palette: tuple[str, str, str] | None = None
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if binding.action == "command_palette" and self.app.ENABLE_COMMAND_PALETTE:
                palette = (key, self.app.get_key_display(binding), "Commands")
                continue
            if not binding.show or not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)
            items.append((key, self.app.get_key_display(binding), binding.description))
        order = {binding_id: index for index, binding_id in enumerate(known_ids())}
        ids = {key: active.binding.id for key, active in self.screen.active_bindings.items()}
        items.sort(key=lambda item: order.get(ids.get(item[0]) or "", len(order)))
        if palette is not None:
            items.append(palette)
        if items != self._items:
            self._items = items
            self.refresh(layout=True)

    def _lines(self, width: int) -> list[list[tuple[str, str, str]]]:
        lines: list[list[tuple[str, str, str]]] = [[]]
        used = 0
        for item in self._items:
            size = _item_width(item[1], item[2])
            if lines[-1] and used + _GAP_CELLS + size > width:
                lines.append([])
                used = 0
            used += size + (_GAP_CELLS if lines[-1] else 0)
            lines[-1].append(item)
        return lines

    async def on_click(self, event: events.Click) -> None:
        """A click on a key presses it (found by where it falls, as :meth:`_lines` lays the keys out)."""
        offset = event.get_content_offset(self)
        key = None if offset is None else _key_at(self._lines(self.content_size.width), offset.x, offset.y)
        if key is not None:
            event.stop()
            await self.run_action(f"app.simulate_key({key!r})")

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self._lines(width)))

    def render(self) -> Content:
        width = self.size.width or 80
        drawn = (width, tuple(self._items))
        if self._drawn is None or self._drawn[0] != drawn:
            rows = [_GAP.join([_item(*item) for item in line]) for line in self._lines(width)]
            self._drawn = (drawn, _NEWLINE.join(rows))
        return self._drawn[1]


_GAP_CELLS = 2
"""Columns between two keys: one number for the layout, the drawing and the clicks."""
_GAP = Content(" " * _GAP_CELLS)
_NEWLINE = Content("\n")


def _item(key: str, display: str, description: str) -> Content:
    """One key and what it does, underlined as the links they once were (in the bar's own colour, as Textual drew
    those links). Built from styles, not markup (parsing the markup of every key took 5-7 ms of the first frame); a
    click finds its key by where it falls (:func:`_key_at`): a click action in each key's style made every key a
    link of its own to draw, half of the bar's first frame (7.5 M instructions of 15, issue 18)."""
    return Content.assemble((display, "b underline"), (" " + description, "underline"))


def _item_width(display: str, description: str) -> int:
    """The columns :func:`_item` draws: the key, a space, what it does."""
    return len(display) + 1 + len(description)


def _key_at(lines: list[list[tuple[str, str, str]]], x: int, y: int) -> str | None:
    """The key drawn at column ``x`` of row ``y`` (content coordinates) of ``lines``, or None (a gap, past the end)."""
    if not 0 <= y < len(lines):
        return None
    column = 0
    for key, display, description in lines[y]:
        width = _item_width(display, description)
        if column <= x < column + width:
            return key
        column += width + _GAP_CELLS
    return None
