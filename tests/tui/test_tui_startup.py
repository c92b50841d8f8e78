"""What start-up does to be quick (issue 18) and what it must not change: the first screen, the collector, lazy imports."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

from textual import events

from elicit.cli.app_commands import pause_collector
from elicit.core.session.locking import lock_path
from elicit.tui.screens.interview import InterviewScreen
from tests.support.tui import app_on, launcher_app, make_session, sample_answers, sample_stories

ROOT = Path(__file__).resolve().parents[2]


async def test_the_interview_is_ready_with_the_app_and_closing_it_leads_to_one_launcher(tmp_path: Path):
    first = make_session(tmp_path / "first.elicit.toml")
    app = app_on(first)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, InterviewScreen) and screen.is_mounted, "mounted before the app counts as ready"
        assert screen.query(".answer-input"), "with the first question's inputs"
        assert app.screen_stack == [screen], "the interview is the app's first screen (nothing drawn under it)"
        await pilot.press("f10")
        await pilot.pause()
        assert [type(screen).__name__ for screen in app.screen_stack] == ["LauncherScreen"], "the closed interview made way"
        assert not screen.children, "the closed interview's widgets are gone"
        assert not lock_path(first).exists()
        await pilot.press("enter")  # the session just closed, at the top of the recent list
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen) and app.screen.opened.path == first
        seconds = app.opened.session.interview_seconds
        screen.tick()  # the first interview's clock, had it kept running, counts nothing for the session opened since
        assert app.opened.session.interview_seconds == seconds
        await pilot.press("f10")
        await pilot.pause()
        assert [type(screen).__name__ for screen in app.screen_stack] == ["LauncherScreen"], "back to the one launcher"
        assert not lock_path(first).exists()


async def test_a_launcher_start_still_leads_to_one_launcher(tmp_path: Path):
    first = make_session(tmp_path / "first.elicit.toml")
    app = launcher_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert [type(screen).__name__ for screen in app.screen_stack] == ["Screen", "LauncherScreen"]
        assert app.open_path(first)
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        await pilot.press("f10")
        await pilot.pause()
        assert [type(screen).__name__ for screen in app.screen_stack] == ["Screen", "LauncherScreen"], "back to the one launcher"
        assert not lock_path(first).exists()


async def test_the_collector_runs_again_once_the_first_screen_is_drawn(tmp_path: Path):
    app = app_on(make_session(tmp_path / "s.elicit.toml"))
    pause_collector()  # as `elicit open` does before it loads the app
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
    finally:
        gc.enable()


CHILD = """
import asyncio, sys
from pathlib import Path
from elicit.core.session.opening import open_session
from elicit.tui.app import ElicitApp

async def main():
    app = ElicitApp(open_session(Path(sys.argv[1])), cursor_blink=False, clock_ticks=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = type(app.screen).__name__
        loaded = sorted(name for name in sys.modules if name.startswith("elicit") or name == "json")
        await pilot.press("ctrl+q")
    import json
    print(json.dumps({"screen": shown, "modules": loaded}))

asyncio.run(main())
"""


def test_the_first_screen_loads_no_module_it_does_not_show(tmp_path: Path):
    path = make_session(tmp_path / "s.elicit.toml", answers=sample_answers(), stories=sample_stories())
    result = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, cwd=ROOT, check=False, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["screen"] == "InterviewScreen"
    loaded = set(seen["modules"])
    for module in ("elicit.core.stakeholders", "elicit.tui.screens.story_editor", "elicit.tui.screens.capture", "elicit.core.spec", *DEFERRED):
        assert module not in loaded, f"{module} is loaded before anything asks for it"


DEFERRED = (
    "json",  # the drafts' format: read only when a draft is there
    "elicit.tui.widgets.common.fields",  # the one-line Field: dialogs, the story editor, number answers
    "elicit.core.session.summary",
    "elicit.tui.widgets.interview.options_answer",
    "elicit.tui.widgets.interview.number_answer",
    "elicit.tui.widgets.interview.interview_answers",
)
"""Modules the first screen of a session of one interview on a free-text question does without (issue 18, start-up)."""

CHILD_LATER = """
import asyncio, json, sys
from pathlib import Path
from elicit.core.session.opening import open_session
from elicit.tui.app import ElicitApp

async def main():
    app = ElicitApp(open_session(Path(sys.argv[1])), cursor_blink=False, clock_ticks=False)
    seen = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        seen["first"] = sorted(name for name in sys.modules if name.startswith("elicit"))
        seen["first focus"] = type(app.focused).__name__
        await screen.go_to_question("mini.context.platform")
        await pilot.pause()
        seen["choice focus"] = type(app.focused).__name__
        await pilot.press("2")
        await pilot.pause()
        await screen.go_to_question("mini.users.count")
        await pilot.pause()
        seen["number focus"] = type(app.focused.parent.parent).__name__
        await pilot.press("4", "2")
        await pilot.pause()
        seen["answers"] = {qid: answer.value for qid, answer in app.opened.session.answers.items()}
        seen["later"] = sorted(name for name in sys.modules if name.startswith("elicit"))
        await pilot.press("ctrl+q")
    print(json.dumps(seen))

asyncio.run(main())
"""


def test_the_inputs_of_other_kinds_load_when_their_first_question_shows_and_work(tmp_path: Path):
    """The first screen (a free-text question) loads neither the options nor the number input; going to a choice
    question and a number question loads each, focused, and what is typed into them is recorded."""
    path = make_session(tmp_path / "s.elicit.toml")
    result = subprocess.run([sys.executable, "-c", CHILD_LATER, str(path)], capture_output=True, text=True, cwd=ROOT, check=False, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["first focus"] == "TextAnswer"
    for module in DEFERRED:
        assert module not in seen["first"], f"{module} is loaded before anything asks for it"
    assert seen["choice focus"] == "OptionsAnswer"
    assert seen["number focus"] == "NumberAnswer"
    assert seen["answers"] == {"mini.context.platform": "Mobile", "mini.users.count": 42}
    assert {"elicit.tui.widgets.interview.options_answer", "elicit.tui.widgets.interview.number_answer"} <= set(seen["later"])


async def test_the_first_frame_already_has_the_height_layout(tmp_path: Path, monkeypatch):
    """The breakpoint class for the terminal's height is on the screen when it mounts, before Textual's first
    Resize reaches it: at 120x40 the first frame was drawn short, then every widget restyled and drawn tall."""
    seen: dict[tuple[int, int], set[str]] = {}
    mounted = InterviewScreen.on_mount

    async def on_mount(screen: InterviewScreen) -> None:
        seen[screen.app.size.width, screen.app.size.height] = set(screen.classes)
        await mounted(screen)

    monkeypatch.setattr(InterviewScreen, "on_mount", on_mount)
    for size, height_class in (((120, 40), "-tall"), ((80, 24), "-short")):
        app = app_on(make_session(tmp_path / f"s{size[1]}.elicit.toml"))
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            assert height_class in seen[size], f"{height_class} at {size} when the screen mounts"
            assert {"-tall", "-short"} & app.screen.classes == {height_class}, "Textual's breakpoints agree"


def _css_state(screen) -> dict[int, tuple[str, dict, tuple]]:
    """What the stylesheet gave every node on the screen: its rules and its component classes' styles."""
    state = {}
    for node in screen.walk_children(with_self=True):
        components = tuple(sorted((name, str(node.get_component_rich_style(name, partial=True))) for name in node._component_styles))
        state[id(node)] = (type(node).__name__, dict(node.styles.base._rules), components)
    return state


async def test_the_screen_is_styled_at_its_first_frame_as_a_full_restyle_would_style_it(tmp_path: Path):
    """The first resume (right after the mount) no longer restyles the screen: nothing it would have changed.

    Run at both sizes (the height class) and on a merged session (the panel of each interview's answers)."""
    from tests.support.tui import make_merged_session

    paths = [make_session(tmp_path / "s.elicit.toml", answers=sample_answers(), stories=sample_stories())]
    paths.append(make_merged_session(tmp_path / "merged.elicit.toml"))
    for path in paths:
        for size in ((120, 40), (80, 24)):
            app = app_on(path)
            async with app.run_test(size=size) as pilot:
                await pilot.pause()
                screen = app.screen
                assert isinstance(screen, InterviewScreen)
                before = _css_state(screen)
                app.stylesheet.update_nodes(screen.walk_children(with_self=True))
                assert _css_state(screen) == before, f"a full restyle changed a node at {size} on {path.name}"
            app.shutdown_session()


async def test_the_first_resume_does_not_restyle_the_screen_and_a_later_one_still_can(tmp_path: Path, monkeypatch):
    from textual.dom import DOMNode

    restyled: list[str] = []
    original = DOMNode.update_node_styles

    def update_node_styles(node, animate: bool = True) -> None:
        if isinstance(node, InterviewScreen):
            restyled.append("screen")
        original(node, animate=animate)

    monkeypatch.setattr(DOMNode, "update_node_styles", update_node_styles)
    app = app_on(make_session(tmp_path / "s.elicit.toml"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert restyled == [], "the screen's first resume restyled every widget again"
        screen = app.screen
        app.show_stories()
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        app.screen.post_message(events.ScreenResume())  # a resume that asks for a restyle gets one
        await pilot.pause()
        assert restyled == ["screen"]


CHILD_OPEN = """
import dataclasses, json, sys
from textual.app import App
from elicit.core.files import code_cache

run = App.run
seen = {"keeps": []}

async def close(pilot):
    await pilot.pause()
    seen["screen"] = type(pilot.app.screen).__name__
    seen["question"] = getattr(pilot.app.screen, "question", None) and pilot.app.screen.question.id
    seen["hooked while shown"] = "exec" in vars(dataclasses)
    pilot.app.exit()

App.run = lambda self, **options: run(self, headless=True, size=(80, 24), auto_pilot=close)
keep = code_cache.keep_code

def counting(name, kept):
    seen["keeps"].append([name, len(kept.new), kept.kept, sorted(text for text, _flags in kept.new)])
    keep(name, kept)

code_cache.keep_code = counting
import elicit.cli

seen["code"] = elicit.cli.main(["open", sys.argv[1]])
seen["hooked after"] = "exec" in vars(dataclasses)
print(json.dumps(seen))
"""


def _open_headless(path: Path) -> dict:
    result = subprocess.run([sys.executable, "-c", CHILD_OPEN, str(path)], capture_output=True, text=True, cwd=ROOT, check=False, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_elicit_open_keeps_its_dataclasses_methods_compiled_and_opens_the_same_with_them(tmp_path: Path):
    """The first `elicit open` compiles the methods dataclasses writes for elicit's classes and keeps them once the
    first screen is drawn (code/app.code in the cache folder); the next finds every one compiled, and the screen is
    the same. Textual's own classes are compiled as in any Textual app (none of their texts is kept)."""
    path = make_session(tmp_path / "s.elicit.toml", answers=sample_answers(), stories=sample_stories())
    first = _open_headless(path)
    kept_file = Path(os.environ["ELICIT_CACHE_DIR"]) / "code" / "app.code"
    assert kept_file.is_file()
    (name, compiled, _done, texts), *later = first["keeps"]
    assert name == "app" and compiled > 30, "the session models', banks' and screens' classes"
    assert [keep[:3] for keep in later] == [["app", compiled, True]], "kept once the first screen was drawn; the exit's call writes nothing"
    assert any("interview_seconds" in text for text in texts), "Session's __init__"
    for textual_field in ("gutter_style", "max_checkpoints", "replaced_text"):  # TextAreaTheme, History, Edit
        assert not any(textual_field in text for text in texts), "Textual's classes: compiled as in a bare Textual app"
    assert first["hooked while shown"] is False and first["hooked after"] is False
    second = _open_headless(path)
    assert second["keeps"][0][1] == 0, "every method found compiled"
    for run in (first, second):
        assert (run["code"], run["screen"], run["question"]) == (0, "InterviewScreen", first["question"])
    assert first["question"]


def test_elicit_open_starts_as_usual_when_the_cache_folder_cannot_be_written(tmp_path: Path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("ELICIT_CACHE_DIR", str(blocker / "cache"))
    path = make_session(tmp_path / "s.elicit.toml")
    for _run in range(2):
        seen = _open_headless(path)
        assert (seen["code"], seen["screen"]) == (0, "InterviewScreen") and seen["keeps"][0][1] > 30, "compiled as usual"
