"""The key bar: every key of the screen, and a click on one presses it."""

from __future__ import annotations

from pathlib import Path

from tests.support.tui import app_on, make_session


async def test_clicking_a_key_in_the_key_bar_presses_that_key(tmp_path: Path, monkeypatch):
    app = app_on(make_session(tmp_path / "s.elicit.toml"))
    pressed: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        keybar = app.screen.query_one("KeyBar")
        monkeypatch.setattr(app, "action_simulate_key", lambda key: pressed.append(key))
        items = keybar._items
        assert len(items) > 3
        key, display, description = items[1]  # the second key: its text starts after the first one and the gap
        column = len(items[0][1]) + 1 + len(items[0][2]) + 2
        await pilot.click(keybar, offset=(1 + column + 1, 0))  # padding, then into the key's label
        await pilot.pause()
        assert pressed == [key], f"clicking {display} {description} pressed {pressed}"
        lines = keybar.render().plain.splitlines()
        assert lines[0].startswith(f"{items[0][1]} {items[0][2]}  {display} {description}")


async def test_a_click_finds_its_key_on_a_wrapped_line_and_a_gap_presses_nothing(tmp_path: Path, monkeypatch):
    """At 80 columns the keys take two lines: a click on the second line's first key presses it; one on the gap
    between two keys, or past the last key of a line, presses nothing."""
    app = app_on(make_session(tmp_path / "s.elicit.toml"))
    pressed: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        keybar = app.screen.query_one("KeyBar")
        monkeypatch.setattr(app, "action_simulate_key", lambda key: pressed.append(key))
        lines = keybar._lines(keybar.content_size.width)
        assert len(lines) >= 2
        first, second = lines[0], lines[1]
        await pilot.click(keybar, offset=(1, 1))  # padding, then the second line's first key
        await pilot.pause()
        assert pressed == [second[0][0]]
        gap = len(first[0][1]) + 1 + len(first[0][2])  # just after the first key's description
        end = sum(len(display) + 1 + len(description) for _key, display, description in first) + 2 * (len(first) - 1)
        for column in (gap, gap + 1, end):
            await pilot.click(keybar, offset=(1 + column, 0))
            await pilot.pause()
        assert pressed == [second[0][0]], "a gap is no key"
