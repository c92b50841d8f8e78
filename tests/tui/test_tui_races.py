"""Moments a loaded machine makes likely and a quiet one hides: each made certain here, so the fix is tested every run."""

from __future__ import annotations

from pathlib import Path

from textual.geometry import Region

from elicit.tui.screens.interview import InterviewScreen
from elicit.tui.widgets.common.editor import Editor
from tests.support.tui import app_on, make_session


async def test_an_editor_taken_out_of_the_screen_paints_blank_instead_of_failing(tmp_path: Path):
    # The scripted 30-question interview failed once in a full run: a frame drawn from the layout of just before
    # asked the answer box the previous question had (removed by then) for its styles: KeyError 'text-area--gutter'.
    app = app_on(make_session(tmp_path / "s.elicit.toml"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        (editor, *_) = screen.query(Editor)
        assert editor.render_lines(Region(0, 0, 20, 3)), "a shown editor paints"
        await editor.remove()
        lines = editor.render_lines(Region(0, 0, 20, 3))  # what that frame does
    assert [line.text for line in lines] == [" " * 20] * 3


async def test_an_unopenable_session_leaves_the_launcher_usable_and_its_toast_says_all_of_the_hint(tmp_path: Path):
    from elicit.core.session import remember
    from tests.support.tui import launcher_app, until

    good = make_session(tmp_path / "good.elicit.toml")
    bad = make_session(tmp_path / "bad.elicit.toml")
    bad.write_text(bad.read_text(encoding="utf-8") + "broken = [\n", encoding="utf-8")
    remember(good, title="Good")
    remember(bad, title="Bad")  # the newest: the first row
    app = launcher_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:  # toasts drawn, as in use
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: bool(app.screen.query("Toast")), "the toast")
        (toast,) = app.screen.query("Toast")
        assert "Cannot open the session" in str(toast.render())
        assert "tables need [brackets]" in str(toast.render()), "markup ate '[brackets]'"
        assert type(app.screen).__name__ == "LauncherScreen" and app.return_code is None
        await pilot.press("down", "enter")
        await until(pilot, lambda: isinstance(app.screen, InterviewScreen), "the good session's interview")


async def test_f1_on_a_choice_lists_the_answers_keys_not_textuals_list_keys(tmp_path: Path):
    # trial2 T24: f1 opened with '← Scroll Left', '→ Scroll Right', '^pgup Page Left', then '⌫ del Clear clear the answer'.
    from elicit.tui.widgets.interview.options_answer import OptionsAnswer

    app = app_on(make_session(tmp_path / "s.elicit.toml", current="mini.context.platform"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.focused, OptionsAnswer)
        listed = [(binding.description, binding.tooltip) for _, binding, _, _ in app.screen.active_bindings.values() if not binding.system]
        descriptions = [description for description, _ in listed]
        assert not {"Scroll Left", "Scroll Right", "Page Left", "Page Right", "Scroll Up", "Scroll Home"} & set(descriptions), descriptions
        assert descriptions.index("Pick") < descriptions.index("Up"), "the keys of an answer first"
        assert ("Clear", "unpick every option") in listed and ("Pick", "tick the highlighted option (several on a multiple choice)") in listed
        await pilot.press("2", "down", "enter")  # the list keys still work
        await pilot.pause()
        assert app.screen.session.answers["mini.context.platform"].value == "Desktop"


def test_the_speaker_mark_stays_with_its_speaker_at_every_width():
    # trial2 T24: 'Who is speaking: 1 Dr. Maria Okafor (practice owner) · ▸' then '2 Lena Park …' on the next line.
    from elicit.core.session import Participant
    from elicit.tui.screens.capture import CaptureMenu

    people = [Participant("Dr. Maria Okafor", "practice owner"), Participant("Lena Park", "receptionist")]
    for speaker, marked in (("Lena Park", "▸ 2 Lena Park (receptionist)"), ("Dr. Maria Okafor", "▸ 1 Dr. Maria Okafor (practice owner)"), ("", "▸ 0 nobody")):
        content = CaptureMenu(people, speaker)._speakers()
        for width in range(40, 90):
            lines = [str(line).rstrip() for line in content.wrap(width)]
            assert marked in lines, (width, lines)
            assert not any(line.endswith("▸") for line in lines), (width, lines)
