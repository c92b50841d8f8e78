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


# The table laid out as before: each finding's row wrapped and zipped cell by cell -------------------------------


def _reference_table(findings, texts, checked, width):  # type: ignore[no-untyped-def]
    from elicit.cli.lint_commands import _wrapped
    from elicit.core.text import clip, printable

    check_width = max(len("check"), *(len(finding.code) for finding in findings))
    story_width = (width - check_width - 4) * 2 // 5
    finding_width = width - check_width - story_width - 4

    def row(story, check, finding):  # type: ignore[no-untyped-def]
        left, right = _wrapped(story, story_width), _wrapped(finding, finding_width)
        rows = []
        for number in range(max(len(left), len(right), 1)):
            cells = (
                (left[number] if number < len(left) else "").ljust(story_width),
                (check if number == 0 else "").ljust(check_width),
                right[number] if number < len(right) else "",
            )
            rows.append("  ".join(cells).rstrip())
        return "\n".join(rows)

    lines = [row("story", "check", "finding")]
    previous = None
    for finding in findings:
        story_cell = ""
        if finding.story_id != previous:
            if previous is not None:
                lines.append("")
            story_cell = "\n".join(part for part in (finding.story_id, clip(printable(texts.get(finding.story_id, "")), 70)) if part)
        previous = finding.story_id
        lines.append(row(story_cell, finding.code, f"{printable(finding.message)}\n→ {finding.suggestion}"))
    return "\n".join(lines)


_cell_text = st.lists(pieces | st.text(max_size=8) | st.sampled_from(["\u2003", "e-mail", "x" * 45]), max_size=14).map("".join)
_findings = st.lists(
    st.tuples(st.sampled_from(["line 1", "line 2", "US-0001", "", "a-very-long-story-identifier-of-forty-chars"]), st.sampled_from(["no-benefit", "ambiguous", "x"]), _cell_text, _cell_text),
    min_size=1,
    max_size=8,
)


@settings(max_examples=200, deadline=None)
@given(_findings, st.dictionaries(st.sampled_from(["line 1", "line 2", "US-0001", ""]), _cell_text), st.sampled_from([60, 80, 97, 200]))
def test_the_table_is_laid_out_as_row_by_row(found, texts, width) -> None:  # type: ignore[no-untyped-def]
    import io
    import sys

    from elicit.cli import lint_commands
    from elicit.core.stories import LintFinding

    findings = [LintFinding(code, story_id, message, suggestion) for story_id, code, message, suggestion in found]
    out, real = io.StringIO(), sys.stdout
    columns = lint_commands.terminal_columns
    lint_commands.terminal_columns = lambda: width
    try:
        sys.stdout = out
        lint_commands._print_table(findings, texts, "2 stories")
    finally:
        sys.stdout = real
        lint_commands.terminal_columns = columns
    table = out.getvalue().split("\n\n" + f"{len(findings)} finding")[0]
    assert table == _reference_table(findings, texts, "2 stories", width)
