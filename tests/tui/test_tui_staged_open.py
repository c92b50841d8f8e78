"""A big session opens on its first question while its stories are read: nothing saves, commands wait, a broken end stops cleanly."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import pytest
from textual import events

from elicit.core.findings import FindingsError
from elicit.core.session.file_format import read_session
from elicit.core.session.locking import lock_path
from elicit.core.session.opening import open_session
from elicit.core.session.staged import SessionTail
from elicit.tui.app import ElicitApp
from elicit.tui.screens.story_editor import StoryEditor
from elicit.tui.widgets.interview.question_stories import QuestionStories
from elicit.tui.widgets.interview.stories_hint import StoriesHint
from tests.support.tui import fixed_clock, make_session, sample_answers, sample_stories

LOADING = "loading the session's stories"


@pytest.fixture
def gate(monkeypatch) -> threading.Event:
    """The stories are read only once the test opens this gate (the worker waits for it)."""
    opened = threading.Event()
    read = SessionTail.read

    def held(self: SessionTail):
        opened.wait(30)
        return read(self)

    monkeypatch.setattr(SessionTail, "read", held)
    yield opened
    opened.set()


def staged_app(path: Path) -> ElicitApp:
    opened = open_session(path, command="elicit open", staged=True)
    assert opened.loading, "the session should open staged (it has stories)"
    return ElicitApp(opened, clock=fixed_clock, cursor_blink=False, clock_ticks=False)


def stories_panel_text(app: ElicitApp) -> str:
    """What the stories box shows: the hint while the stories load (or the question has none), else the list."""
    hint = app.screen.query_one(StoriesHint)
    if hint.display:
        return str(hint.render())
    panel = app.screen.query_one(QuestionStories)
    return " ".join(str(panel.get_option_at_index(index).prompt) for index in range(panel.option_count))


async def until(pilot, condition, rounds: int = 300) -> None:
    for _ in range(rounds):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("the app never got there")


def post_key(app: ElicitApp, key: str, character: str | None = None) -> None:
    """A key as the terminal sends it, without waiting for the app to handle it."""
    app.post_message(events.Key(key, character))


async def test_the_first_question_shows_while_the_stories_load_and_nothing_saves_until_they_are_in(tmp_path: Path, gate):
    path = make_session(tmp_path / "s.elicit.toml", answers=sample_answers(), stories=sample_stories(), current="mini.context.problem")
    before = path.read_bytes()
    app = staged_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.stories_loading and LOADING in stories_panel_text(app)
        answer = app.screen.query_one(".answer-input")
        assert answer.has_focus
        for character in " Also on paper.":  # typing goes on while the stories load
            post_key(app, "space" if character == " " else character, character)
        await until(pilot, lambda: app.opened.session.answers["mini.context.problem"].value.endswith("Also on paper."))
        post_key(app, "ctrl+t")  # a story: waits for the stories
        await pilot.pause(1.5)  # longer than autosave ever waits
        assert not isinstance(app.screen, StoryEditor)
        assert path.read_bytes() == before, "a session without its stories must never reach the disk"
        assert app.save_state != "failed", "autosave waits for the stories: it does not try and fail"
        gate.set()
        await until(pilot, lambda: isinstance(app.screen, StoryEditor))
        assert not app.stories_loading and len(app.opened.session.stories) == 3
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, StoryEditor))  # on a loaded machine the escape lands later
        await until(pilot, lambda: "US-001" in stories_panel_text(app))
        await until(pilot, lambda: path.read_bytes() != before)
        saved = read_session(path)
        assert len(saved.stories) == 3 and saved.answers["mini.context.problem"].value.endswith("Also on paper.")
        await pilot.press("ctrl+q")
    app.shutdown_session()
    assert read_session(path).stories == sample_stories()


async def test_quitting_while_the_stories_load_waits_for_them_and_saves_everything(tmp_path: Path, gate):
    path = make_session(tmp_path / "s.elicit.toml", answers=sample_answers(), stories=sample_stories(), current="mini.context.problem")
    app = staged_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        post_key(app, "x", "x")
        await until(pilot, lambda: app.opened.session.answers["mini.context.problem"].value.endswith("x"))
        post_key(app, "ctrl+q")
        await pilot.pause(0.3)
        assert app.is_running and app.stories_loading
        gate.set()
        await until(pilot, lambda: not app.is_running)
    assert app.shutdown_session() is None
    saved = read_session(path)
    assert saved.stories == sample_stories() and saved.answers["mini.context.problem"].value.endswith("x")
    assert not lock_path(path).exists()


async def test_a_broken_end_of_the_file_stops_the_app_with_the_whole_read_error_and_leaves_the_file_alone(tmp_path: Path):
    path = make_session(tmp_path / "s.elicit.toml", answers=sample_answers(), stories=sample_stories(), current="mini.context.problem")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('id = "US-003"', 'id = "US-003\nbroken', 1), encoding="utf-8")
    damaged = path.read_bytes()
    app = staged_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: not app.is_running)
    assert app.load_error is not None and app.return_code == 1
    assert app.shutdown_session() is None
    whole = pytest.raises(FindingsError, read_session, path)
    assert [f.format() for f in app.load_error.findings] == [f.format() for f in whole.value.findings]
    assert app.load_error.findings[0].line == damaged.decode().splitlines().index('id = "US-003') + 1
    assert path.read_bytes() == damaged and not path.with_name(path.name + ".bak").exists()
    assert not lock_path(path).exists()


async def test_a_session_without_stories_opens_whole_and_never_says_loading(tmp_path: Path):
    path = make_session(tmp_path / "s.elicit.toml", answers=sample_answers(), current="mini.context.problem")
    opened = open_session(path, command="elicit open", staged=True)
    assert not opened.loading
    app = ElicitApp(opened, clock=fixed_clock, cursor_blink=False, clock_ticks=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not app.stories_loading and LOADING not in stories_panel_text(app)
        await pilot.press("ctrl+q")
    app.shutdown_session()


def many_stories(count: int) -> list:
    from elicit.core.session.models import Story

    return [
        Story(f"US-{n:05d}", "clerk", f"to file invoice {n}", quote="we type it twice", source=["mini.context.problem"])
        for n in range(1, count + 1)
    ]


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_killed_while_the_stories_load_the_file_holds_every_story(tmp_path: Path):
    """SIGKILL at any moment after the first question shows: on disk is the old file or a saved one with all its stories."""
    from tests.tui.test_tui_kill import Terminal

    path = make_session(tmp_path / "s.elicit.toml", answers=sample_answers(), stories=many_stories(3000), current="mini.context.problem")
    before = path.read_bytes()
    for delay in (0.0, 0.05, 0.3, 1.5):
        terminal = Terminal(path)
        try:
            terminal.wait_for(b"Answer")
            terminal.type(" more", pause=0.0)
            time.sleep(delay)
        finally:
            terminal.kill()
        saved = read_session(path)
        assert len(saved.stories) == 3000, f"killed {delay} s after the first question: stories lost"
        assert path.read_bytes() == before or saved.answers["mini.context.problem"].value.endswith(" more")
        lock_path(path).unlink(missing_ok=True)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_elicit_open_on_a_broken_end_says_what_and_where_and_exits_1(tmp_path: Path):
    from tests.tui.test_tui_kill import Terminal

    path = make_session(tmp_path / "s.elicit.toml", answers=sample_answers(), stories=many_stories(50), current="mini.context.problem")
    path.write_text(path.read_text(encoding="utf-8").replace('id = "US-00049"', 'id = "US-00049\nbroken', 1), encoding="utf-8")
    damaged = path.read_bytes()
    line = damaged.decode().splitlines().index('id = "US-00049') + 1
    terminal = Terminal(path)
    try:
        terminal.process.wait(timeout=60)
        time.sleep(0.2)
    finally:
        terminal.kill()
    assert terminal.process.returncode == 1
    assert f"elicit: error: {path}:{line}: TOML syntax error".encode() in terminal.output
    assert b"Traceback" not in terminal.output
    assert path.read_bytes() == damaged and not lock_path(path).exists()
