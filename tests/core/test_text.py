"""The shared text helpers: CSV formula neutralising and printable terminal text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from elicit.core.text import clip, formula_safe, listed, printable


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "=", "-"])
def test_formula_cells_get_a_leading_quote(cell):
    assert formula_safe(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["", "plain", "a=b", " =1", "'already", "US-001", "1-2"])
def test_other_cells_stay_as_they_are(cell):
    assert formula_safe(cell) == cell


def test_printable_makes_escape_sequences_visible():
    osc52 = "title\x1b]52;c;ZWNobyBoaQ==\x07 end"
    assert printable(osc52) == "title\u241b]52;c;ZWNobyBoaQ==\u2407 end"
    assert printable("a\x00b\x7fc\x9bd") == "a\u2400b\u2421c\ufffdd"


def test_printable_keeps_newlines_tabs_and_unicode():
    assert printable("line 1\nline\t2 — ünïcode ²") == "line 1\nline\t2 — ünïcode ²"
    assert printable("a\r\nb\rc") == "a\nb\u240dc"


@given(st.text())
def test_printable_leaves_no_control_character(text):
    shown = printable(text)
    assert not any((ord(char) < 0x20 and char not in "\n\t") or 0x7F <= ord(char) <= 0x9F for char in shown)
    assert printable(shown) == shown


_TEXT_WITH_CONTROLS = st.text(
    st.sampled_from(["a", " ", "\n", "\r", "\t", "\x00", "\x1b", "\x7f", "\x85", "\x9f", "\xa0", "\u2028", "é", "→", "\U0001f600"])
    | st.characters(),
    max_size=40,
)


@given(_TEXT_WITH_CONTROLS)
def test_printable_gives_what_the_search_alone_gives(text):
    """The fast path (a text with no non-printable character comes back as it is) changes no answer."""
    from elicit.core.text import _CONTROL, _visible

    assert printable(text) == _CONTROL.sub(_visible, text.replace("\r\n", "\n"))


# clipping: the one way text is shortened -----------------------------------------------


def test_clip_keeps_what_fits_and_marks_what_it_cuts():
    from elicit.core.text import clip

    assert clip("short", 5) == "short"
    assert clip("a longer text", 8) == "a longe…"
    assert clip("two words", 5) == "two…", "no space before the ellipsis"
    assert clip("anything", 0) == "…"


def test_clip_on_one_line_folds_white_space_first():
    from elicit.core.text import clip

    assert clip("  line one\n\tline  two ", 40, one_line=True) == "line one line two"
    assert clip("line one\nline two", 10, one_line=True) == "line one…"


@given(st.text(max_size=80), st.integers(min_value=1, max_value=60), st.booleans())
def test_clip_never_goes_past_the_width(text, width, one_line):
    from elicit.core.text import clip

    clipped = clip(text, width, one_line=one_line)
    assert len(clipped) <= width
    assert clipped == (" ".join(text.split()) if one_line else text) or clipped.endswith("…")


def test_clip_can_keep_the_end_of_a_path():
    assert clip("/tmp/clients/crumb/shop-two", 10, keep_end=True) == "…/shop-two"
    assert clip("/tmp/shop", 20, keep_end=True) == "/tmp/shop"
    assert clip("/tmp/shop", 1, keep_end=True) == "…"


def test_a_date_is_written_one_way_everywhere():
    # trial2 T24: the summary screen said 'round 1 on 01 Dec 2026' where the spec says '1 December 2026'.
    from datetime import date, datetime

    from elicit.core.text import long_date

    assert long_date(date(2026, 12, 1)) == "1 December 2026"
    assert long_date(datetime(2026, 3, 2, 10, 30)) == "2 March 2026"


def test_listed_names_items_as_a_sentence_does():
    assert [listed(items) for items in ([], ["Ann"], ["Ann", "Ben"], ["Ann", "Ben", "Cleo"])] == ["", "Ann", "Ann and Ben", "Ann, Ben and Cleo"]
