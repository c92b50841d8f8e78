"""What the fifth user trial left (/work/wt/notes/trial5.md T5-7, T5-9), in the app."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.tui import app_on


def functional_scope_session(tmp_path: Path) -> Path:
    """A new session on the built-in functional-scope bank, whose first question has a long story hint."""
    from elicit.core.banks.catalog import BankCatalog
    from elicit.core.session.opening import create_session

    bank = BankCatalog.default().load("functional-scope")
    path = tmp_path / "f.elicit.toml"
    create_session(path, [bank], [str(bank.path)], title="Kestrel")
    return path


# T5-9: the story editor at 80x24 cut a long want's hint before its key ------------------------------------------


async def test_a_long_hint_keeps_its_key_in_view_at_80_columns_and_shows_its_end_once_taken(tmp_path: Path):
    app = app_on(functional_scope_session(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        want = app.screen.query_one("#story-want")
        dialog = app.screen.query_one("#story-dialog")
        assert want.region.right <= dialog.content_region.right, "the field stays inside the dialog"
        drawn = want.render_line(0).text
        assert drawn.rstrip().endswith("…  (→ takes it)") and drawn.startswith("to carry out my main task"), drawn
        await pilot.press("tab", "right")
        await pilot.pause()
        assert want.value == "to carry out my main task in the product from start to finish"
        assert "from start to finish" in want.render_line(0).text, "the end of what was taken, where the cursor is"


def test_a_hint_that_fits_is_shown_whole_and_a_long_one_shortened_before_the_key():
    from elicit.tui.screens.story_editor import hint_placeholder

    assert hint_placeholder("user", 58) == "user  (→ takes it)"
    shown = hint_placeholder("to see my drops in the order I will drive them, with the ones due first", 58)
    assert shown.startswith("to see my drops in the order I will drive") and shown.endswith("…  (→ takes it)")
    assert len(shown) <= 57, "the cursor's cell left free"


# T5-9 / leftovers2: the read-back's client's words and earlier wording wrap under their own text -----------------

LONG_QUOTE = (
    "When there is no signal at the back of the industrial estate I still need to take the signature and go, "
    "and it has to send itself when I am back on the main road"
)


def changed_story_session(tmp_path: Path) -> Path:
    from elicit.core.session.models import Story, StoryVersion
    from tests.support.tui import make_session

    story = Story(
        "US-001",
        "driver",
        "to take a proof of delivery with no signal",
        "I never wait at a door for the network",
        priority="must",
        quote=LONG_QUOTE,
        source=["mini.users.who"],
        history=[StoryVersion("driver", "to take a signature on the phone at every door and keep it until the van has a signal again", "the depot sees it")],
    )
    return make_session(tmp_path / "kestrel.elicit.toml", stories=[story])


def _drawn_lines(widget) -> list[str]:
    return [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]


async def test_the_read_back_wraps_the_clients_words_and_the_earlier_wording_under_their_text(tmp_path: Path):
    app = app_on(changed_story_session(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        lines = _drawn_lines(app.screen.query_one("#readback-details"))
        quote = lines.index("In the client's words")
        earlier = next(i for i, line in enumerate(lines) if line.startswith("Earlier wording"))
        assert lines[quote + 1].startswith("  “When there is no signal")
        assert lines[quote + 2].startswith("  ") and lines[quote + 2].strip(), lines  # the second line under the first
        assert lines[earlier + 1].startswith("  As a driver, I want to take a signature")
        assert lines[earlier + 2].startswith("  ") and lines[earlier + 2].strip(), lines


@pytest.mark.parametrize("size", [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")])
def test_read_back_of_a_changed_story_with_long_words(snap_compare, tmp_path, monkeypatch, size):
    monkeypatch.chdir(tmp_path)
    path = changed_story_session(tmp_path)

    async def run_before(pilot) -> None:
        await pilot.press("f3")
        await pilot.pause()

    assert snap_compare(app_on(path), terminal_size=size, run_before=run_before)


# T5-9: `n` on a Yes / No / Not sure choice went to the notes as the word "n" ------------------------------------


def yes_no_not_sure_session(tmp_path: Path) -> Path:
    from elicit.core.banks.catalog import BankCatalog
    from elicit.core.session.opening import create_session

    bank = BankCatalog.default().load("quality-attributes")
    path = tmp_path / "q.elicit.toml"
    create_session(path, [bank], [str(bank.path)], title="Kestrel")
    return path


INDEPENDENT_TEST = "quality-attributes.security.independent_test"


@pytest.mark.parametrize(
    ("typed", "value"),
    [("n", "No"), ("y", "Yes"), ("N", "No"), ("no", "No"), ("not", "Not sure"), ("not sure", "Not sure"), ("yes", "Yes")],
)
async def test_the_start_of_an_option_picks_it_on_a_choice(tmp_path: Path, typed, value):
    app = app_on(yes_no_not_sure_session(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await screen.go_to_question(INDEPENDENT_TEST)
        await pilot.pause()
        await pilot.press(*typed)
        await pilot.pause()
        answer = screen.session.answers[INDEPENDENT_TEST]
        assert (answer.value, answer.notes) == (value, "")


async def test_a_sentence_that_starts_like_an_option_still_goes_to_the_notes(tmp_path: Path):
    app = app_on(yes_no_not_sure_session(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await screen.go_to_question(INDEPENDENT_TEST)
        await pilot.pause()
        await pilot.press(*"no problem, the bank insists")
        for _ in range(5):
            await pilot.pause()
        answer = screen.session.answers[INDEPENDENT_TEST]
        assert (answer.value, answer.notes.strip()) == (None, "no problem, the bank insists")


async def test_the_letters_of_a_multiple_choice_option_tick_it_once(tmp_path: Path):
    from elicit.core.session import Answer
    from tests.support.tui import make_session

    applies = {"mini.context.platform": Answer("Web"), "mini.users.count": Answer(20)}  # its `when`
    app = app_on(make_session(tmp_path / "s.elicit.toml", answers=applies, current="mini.users.channels"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press(*"phone")
        await pilot.pause()
        assert screen.session.answers["mini.users.channels"].value == ["Phone"]
        screen.query_one("#answer")._run = None  # a pause
        await pilot.press("e")
        await pilot.pause()
        assert screen.session.answers["mini.users.channels"].value == ["Email", "Phone"]
        screen.query_one("#answer")._run = None
        await pilot.press("p")
        await pilot.pause()
        assert screen.session.answers["mini.users.channels"].value == ["Email"], "the same letter again unticks it"


async def test_on_a_scale_letters_still_go_to_the_notes(tmp_path: Path):
    from tests.support.tui import make_session

    app = app_on(make_session(tmp_path / "s.elicit.toml", current="mini.users.satisfaction"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("4")
        await pilot.pause()
        assert screen.session.answers["mini.users.satisfaction"].value == 4
        screen.query_one("#answer")._run = None
        await pilot.press(*"fairly happy")
        for _ in range(5):
            await pilot.pause()
        answer = screen.session.answers["mini.users.satisfaction"]
        assert answer.value == 4 and answer.notes.strip() == "fairly happy"


async def test_f1_on_a_choice_says_what_typing_there_does(tmp_path: Path):
    app = app_on(yes_no_not_sure_session(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.screen.go_to_question(INDEPENDENT_TEST)
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        shown = app.screen.query_one("HelpPanel #widget-help")
        assert shown.display and "the start of its name" in shown.source and "goes to the notes" in shown.source


# T5-9: the highlighted row shown by a marker, not colour alone -------------------------------------------------


def _marked_lines(widget) -> list[str]:
    return [line for line in _drawn_lines(widget) if "❯" in line]


async def test_down_down_space_on_the_export_screen_ticks_the_third_format_and_the_marker_says_so(tmp_path: Path):
    from tests.support.tui import make_session

    app = app_on(make_session(tmp_path / "s.elicit.toml"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        formats = app.screen.query_one("#export-formats")
        assert [line.strip() for line in _marked_lines(formats)] == ["❯ ▐X▌ TOML spec (toml)"], "marked from the start"
        await pilot.press("down", "down", "space")
        await pilot.pause()
        assert formats.selected == ["toml", "md", "html"]
        assert [line.strip() for line in _marked_lines(formats)] == ["❯ ▐X▌ HTML spec (html)"]
        await pilot.press("tab")  # to the audience: the marker follows the focus, never on two widgets at once
        await pilot.pause()
        assert _marked_lines(formats) == []
        assert "❯" in str(app.screen.query_one("#audience-client").render())
        await pilot.press("right")
        await pilot.pause()
        assert "❯" not in str(app.screen.query_one("#audience-client").render())
        assert "❯" in str(app.screen.query_one("#audience-team").render())
        await pilot.press("tab")
        await pilot.pause()
        assert "❯" in str(app.screen.query_one("#export-round").render())


async def test_the_stories_table_marks_its_cursor_row(tmp_path: Path):
    from elicit.core.session.models import Story
    from tests.support.tui import make_session

    stories = [Story("US-001", "clerk", "to import invoices"), Story("US-002", "manager", "to see overdue invoices")]
    app = app_on(make_session(tmp_path / "s.elicit.toml", stories=stories))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        table = app.screen.query_one("#stories-table")
        assert [line.split()[0] for line in _marked_lines(table)] == ["❯US-001"]
        await pilot.press("down")
        await pilot.pause()
        assert [line.split()[0] for line in _marked_lines(table)] == ["❯US-002"]


async def test_the_navigator_and_an_answer_list_mark_their_highlight_only_while_they_have_focus(tmp_path: Path):
    from tests.support.tui import make_session

    app = app_on(make_session(tmp_path / "s.elicit.toml", current="mini.context.platform"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        navigator = app.screen.query_one("Navigator")
        answer = app.screen.query_one("#answer")
        assert _marked_lines(navigator) == []
        current = [line for line in _drawn_lines(navigator) if line.startswith("›")]
        assert current == ["› · Where will people use it?"], "the current question, while the keys go to the answer"
        assert [line.strip() for line in _marked_lines(answer)] == ["❯ ( ) 1. Web"]
        await pilot.press("down")
        await pilot.pause()
        assert [line.strip() for line in _marked_lines(answer)] == ["❯ ( ) 2. Mobile"]
        await pilot.press("f9")
        await pilot.pause()
        assert _marked_lines(answer) == []
        assert [line.split("❯")[1].strip() for line in _marked_lines(navigator)] == ["· Where will people use it?"]


# T5-9: under load ctrl+n showed the old question's prompt with the next question's Why -------------------------


async def test_the_prompt_and_the_why_change_together_before_the_inputs_are_replaced(tmp_path: Path):
    from tests.support.tui import make_session

    app = app_on(make_session(tmp_path / "s.elicit.toml"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        seen: list[tuple[str, str]] = []
        remove = screen._scroll.remove_children

        async def taken_down(*args, **kwargs):
            # What a frame painted now (while the old inputs go) would show: the prompt and the Why's question.
            seen.append((screen._panel.view.prompt, screen._help.question.prompt))
            assert screen.question.prompt not in str(screen._next.render()), "the next line names the question after it"
            return await remove(*args, **kwargs)

        screen._scroll.remove_children = taken_down
        before = screen.question.prompt
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.question.prompt != before
        assert seen == [(screen.question.prompt, screen.question.prompt)]


def test_a_marked_line_keeps_its_width_when_it_starts_with_a_wide_glyph():
    from rich.segment import Segment
    from textual.strip import Strip

    from elicit.tui.widgets.common.cursor import _first_cell_marked

    for text in ("📂 sessions", "├── 📄 f.elicit.toml"):
        strip = Strip([Segment(text)])
        marked = _first_cell_marked(strip)
        assert marked.text.startswith("❯") and marked.cell_length == strip.cell_length, marked.text
