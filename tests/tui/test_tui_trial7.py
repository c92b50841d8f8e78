"""What the seventh user trial found in the app (/work/wt/notes/trial7.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region

from tests.support.tui import app_on

COULD_BLOCK = "discovery.stakeholders.could_block"
LONG_ANSWER = "Maybe the other partner, Dr Okafor. I need to ask him."


def discovery_session(tmp_path: Path) -> Path:
    """A session on the built-in discovery bank, every required question answered, one long answer to revisit."""
    from elicit.core.banks.catalog import BankCatalog
    from elicit.core.session.models import Answer
    from elicit.core.session.opening import create_session
    from elicit.core.session.storage import SessionStore

    bank = BankCatalog.default().load("discovery")
    path = tmp_path / "clinic.elicit.toml"
    create_session(path, [bank], [str(bank.path)], title="Riverside clinic")
    store, session = SessionStore.open(path)
    session.answers.update({question.id: Answer("Known.") for question in bank.questions if question.required})
    session.answers[COULD_BLOCK] = Answer(LONG_ANSWER, status="revisit")
    store.save(session)
    store.close()
    return path


def _drawn_text(editor) -> list[str]:
    """The editor's lines as the screen shows them (through Textual's line cache), inside its border and padding."""
    outer = editor.outer_size
    return [strip.text[2:-2].rstrip() for strip in editor.render_lines(Region(0, 1, outer.width, outer.height - 2))]


# T7-2: an answer shown a word short after a resize ('Dr Okafor. I' over 'to ask him.') ----------------------------


async def test_an_answer_drawn_before_its_resize_is_handled_is_drawn_again_with_the_new_wrap(tmp_path: Path):
    app = app_on(discovery_session(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.screen.go_to_question(COULD_BLOCK)
        await pilot.pause()
        answer = app.screen.query_one("#answer")
        answer.styles.width = answer.outer_size.width + 2  # room for 'need' on the first line: still two lines
        app.screen._refresh_layout()  # laid out now, the answer's Resize still in its queue (as coming back from f2)
        answer.render_lines(Region(0, 0, answer.outer_size.width, answer.outer_size.height))  # a frame drawn meanwhile
        await pilot.pause()
        wrapped = [section.rstrip() for line in answer.wrapped_document.lines for section in line]
        assert wrapped == ["Maybe the other partner, Dr Okafor. I need", "to ask him."]
        assert _drawn_text(answer)[:2] == wrapped, "the first line was left as drawn with the old wrap, without 'need'"


# T7-1: 'no, English is enough' typed on a yes/no question undid the No and left the question open -------------


REPLACES = "discovery.scope.replaces_system"
KIND = "discovery.scope.solution_kind"


@pytest.mark.parametrize(
    ("question_id", "typed", "value"),
    [
        pytest.param(REPLACES, "no, we keep EMIS for the records", False, id="no-comma"),
        pytest.param(REPLACES, "Yes. The paper book goes", True, id="yes-full-stop"),
        pytest.param(KIND, "open to advice, but keep EMIS if it can", "Open to advice", id="whole-name"),
        pytest.param(KIND, "a new product, built by them", "A new product built for us", id="its-first-words"),
        pytest.param("discovery.problem.severity", "4, nearly 5 in flu season", 4, id="scale-point"),
        pytest.param(REPLACES, "no problem, the bank insists", None, id="no-then-a-word-picks-nothing"),
        pytest.param(REPLACES, "n, maybe", None, id="a-letter-is-no-word"),
        pytest.param(REPLACES, "nope, we keep EMIS", None, id="a-longer-word"),
    ],
)
async def test_an_option_then_a_comma_keeps_the_pick_and_the_words_go_to_the_notes(tmp_path: Path, question_id, typed, value):
    app = app_on(discovery_session(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.screen.go_to_question(question_id)
        await pilot.pause()
        await pilot.press(*typed)
        for _ in range(5):
            await pilot.pause()
        answer = app.screen.session.answers[question_id]
        assert (answer.value, answer.notes.strip()) == (value, typed)


# T7-6: the read-back skipped a confirmed story whose answer changed since, and did not say it was suspect ---------


def confirmed_then_changed_session(tmp_path: Path) -> Path:
    """Every story read back and confirmed, then the answer US-002 came from changed: US-002 is suspect."""
    from elicit.core.session.opening import open_session
    from tests.support.tui import make_session, sample_answers, sample_stories

    path = make_session(tmp_path / "invoicing.elicit.toml", answers=sample_answers(), stories=sample_stories())
    opened = open_session(path, command="elicit test")
    try:
        for story_id in ("US-001", "US-002", "US-003"):
            opened.service.set_story_status(story_id, "confirmed")
        opened.service.answer("mini.users.who", "Account managers, and Ann in finance.")
        opened.save()
    finally:
        opened.close()
    return path


async def test_the_read_back_starts_at_a_suspect_story_says_so_and_confirming_clears_it(tmp_path: Path):
    app = app_on(confirmed_then_changed_session(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        screen = app.screen
        assert screen.story().id == "US-002", "no story is in draft: it starts at the one whose answer changed"
        assert "suspect" in str(screen.readback_position.render())
        assert "suspect: its answer changed after it was confirmed" in _drawn(screen.readback_details)
        assert str(screen.readback_tally.render()).endswith("not yet read 0 · to read again 1")
        await pilot.press("c")
        await pilot.pause()
        assert screen.session.story("US-002").status == "confirmed"
        assert str(screen.readback_tally.render()).endswith("not yet read 0"), "confirmed again: no longer suspect"
        await pilot.press("b")
        await pilot.pause()
        assert screen.story().id == "US-002" and "suspect" not in str(screen.readback_position.render())


def _drawn(widget) -> str:
    return "\n".join(widget.render_line(y).text.rstrip() for y in range(widget.size.height))


@pytest.mark.parametrize("size", [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")])
def test_read_back_of_a_suspect_story(snap_compare, tmp_path, monkeypatch, size):
    monkeypatch.chdir(tmp_path)
    path = confirmed_then_changed_session(tmp_path)

    async def run_before(pilot) -> None:
        await pilot.press("f3")
        await pilot.pause()

    assert snap_compare(app_on(path), terminal_size=size, run_before=run_before)


# T7-3: a new story offered the first participant's role whoever was speaking ----------------------------------


@pytest.mark.parametrize("speaker, role", [("Raj", "account manager"), ("Ann", "finance clerk"), ("", "finance clerk")])
async def test_a_new_story_offers_the_role_of_whoever_is_speaking(tmp_path: Path, speaker, role):
    from elicit.core.session.opening import open_session
    from tests.support.tui import make_session

    path = make_session(tmp_path / "invoicing.elicit.toml")
    opened = open_session(path, command="elicit test")
    opened.session.speaker = speaker
    opened.save()
    opened.close()
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.query_one("#story-role").hint == role


# T7-4: a long decision read 'e booking goes live before ...' once the cursor had moved to the next field ----------

LONG_DECISION = "Online booking goes live before the second surgery opens in March"


async def test_a_long_field_shows_its_start_when_left_and_its_cursor_when_come_back_to(tmp_path: Path):
    from tests.support.tui import make_session

    app = app_on(make_session(tmp_path / "invoicing.elicit.toml"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f", "d")
        await pilot.pause()
        field = app.screen.query_one("#item-0")
        await pilot.press(*LONG_DECISION)
        await pilot.pause()
        assert field.render_line(0).text.rstrip().endswith("opens in March"), "typing: the cursor's end in view"
        await pilot.press("enter")
        await pilot.pause()
        assert field.render_line(0).text.startswith(LONG_DECISION[:30]), "left: its start, not 'e booking goes live'"
        await pilot.press("shift+tab")
        await pilot.pause()
        assert field.has_focus and field.cursor_position == len(LONG_DECISION)
        assert "opens in March" in field.render_line(0).text, "back in it: the cursor, at the end, in view"


# T7-7: ctrl+p opened on 'Cursor up', 'Cursor down', ... (the answer editor's keys) before any of elicit's actions -


async def test_the_palette_lists_the_screens_actions_before_the_answer_editors_cursor_keys(tmp_path: Path):
    from elicit.tui.commands import ScreenActions
    from elicit.tui.screens.interview import InterviewScreen
    from tests.support.tui import make_session

    app = app_on(make_session(tmp_path / "invoicing.elicit.toml"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        names = [hit.text async for hit in ScreenActions(app.screen).discover()]
        ours = [binding.description for binding in InterviewScreen.BINDINGS]
        assert "Cursor up" in names, "the editor's keys are still there, after"
        assert max(names.index(name) for name in ours) < names.index("Cursor up"), names[:5]


# T7-12: End on the stories table scrolled it sideways (the ID column gone) and left the cursor where it was -------


async def test_home_and_end_on_a_table_of_rows_go_to_the_first_and_last_row(tmp_path: Path):
    from tests.support.tui import make_session, sample_stories

    app = app_on(make_session(tmp_path / "invoicing.elicit.toml", stories=sample_stories()))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        table = app.screen.query_one("#stories-table")
        await pilot.press("end")
        await pilot.pause()
        assert (table.cursor_row, table.scroll_x) == (2, 0), "the last story, the ID column still in view"
        await pilot.press("home")
        await pilot.pause()
        assert (table.cursor_row, table.scroll_x) == (0, 0)
