"""Why we ask and the probes, under the prompt: one widget whose two parts keep their own styles (issue 18)."""

from __future__ import annotations

from pathlib import Path

from textual.geometry import Region

from elicit.tui.widgets.interview.question_panel import QuestionHelp
from tests.support.tui import app_on, make_session


def drawn(help_: QuestionHelp) -> list[tuple[str, bool, object]]:
    """Each line the help draws: its text, whether it is italic, and its colour."""
    width, height = help_.content_size
    lines = []
    for strip in help_.render_lines(Region(0, 0, width, height)):
        style = next(segment.style for segment in strip if segment.text.strip())
        lines.append((strip.text.rstrip(), bool(style.italic), style.color))
    return lines


async def test_the_help_shows_why_and_the_probes_in_their_styles_and_hides_without_them(tmp_path: Path):
    app = app_on(make_session(tmp_path / "s.elicit.toml"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        help_ = screen.query_one(QuestionHelp)
        lines = drawn(help_)
        assert [text for text, _, _ in lines] == ["Why: Everything else follows from the problem.", "› Who feels it most?", "› What does it cost today?"]
        (_, why_italic, why_colour), (_, probe_italic, probe_colour), _ = lines
        assert why_italic and not probe_italic, "why is italic, the probes are not"
        assert why_colour != probe_colour, "the probes have a colour of their own"

        await screen.go_to_question("mini.context.platform")  # neither a why nor probes: nothing drawn, no row taken
        await pilot.pause()
        assert not help_.display

        await screen.go_to_question("mini.users.who")  # a why alone
        await pilot.pause()
        assert help_.display and [text for text, _, _ in drawn(help_)] == ["Why: Stories start from users."]
