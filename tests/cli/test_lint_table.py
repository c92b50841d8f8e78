"""`elicit lint`'s table wraps its cells as textwrap does, without textwrap for the cells it need not touch."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from elicit.cli.lint_commands import _greedy, _wrap

pieces = st.sampled_from(
    ["word", "a", "so-that", "--", "—", " ", "  ", "\t", "\u00a0", "\u2003", "\x0b", "\r", "'quoted'", "→", "x" * 30, "."]
)
cells = st.lists(pieces | st.text(max_size=8), max_size=30).map("".join)
widths = st.integers(min_value=1, max_value=60)


@settings(max_examples=400, deadline=None)
@given(cells, widths)
def test_a_cell_wraps_as_textwrap_wraps_it(cell: str, width: int) -> None:
    assert _wrap(cell, width) == (textwrap.wrap(cell, width, break_long_words=True) or [""])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text("abcdefgh'.,→é-", min_size=1, max_size=12), min_size=1, max_size=25), widths)
def test_words_and_single_spaces_wrap_as_textwrap_wraps_them(words: list[str], width: int) -> None:
    cell = " ".join(words)
    if max(map(len, words)) <= width and "-" not in cell:
        assert _greedy(words, width) == textwrap.wrap(cell, width, break_long_words=True)
    assert _wrap(cell, width) == (textwrap.wrap(cell, width, break_long_words=True) or [""])


def test_the_real_messages_wrap_as_textwrap_wraps_them() -> None:
    for cell in (
        "the story gives no benefit (65% of the other stories give one)",
        "→ add why it matters: ', so that <benefit>'",
        "'create and edit' are two goals",
        "→ split it into one story per goal, each with its own benefit",
        "line 12\nAs a Data user, I want to have the 12-19-2017 deletions processed",
        "aaaa bbbb-cccc dd-ee-ff gggg",  # textwrap may break a line after a hyphen
    ):
        for width in range(10, 80):
            for part in cell.split("\n"):
                assert _wrap(part, width) == (textwrap.wrap(part, width, break_long_words=True) or [""])
