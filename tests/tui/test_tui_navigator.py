"""The navigator makes a section's question nodes when the section first opens; every question stays within reach."""

from __future__ import annotations

from pathlib import Path

from elicit.core.session import Answer
from elicit.tui.marks import status_mark
from elicit.tui.screens.interview import InterviewScreen
from elicit.tui.widgets.interview.navigator import Navigator
from tests.support.tui import STARTED, app_on, make_session

CONTEXT = ["mini.context.problem", "mini.context.platform"]  # offline and offline_how_long apply only on Mobile
USERS = ["mini.users.who", "mini.users.count", "mini.users.satisfaction"]  # channels applies with more than 10 users


def parts(app) -> tuple[InterviewScreen, Navigator]:
    screen = app.screen
    assert isinstance(screen, InterviewScreen), f"expected the interview screen, got {screen!r}"
    return screen, screen.query_one(Navigator)


def shown(navigator: Navigator) -> dict[str, list[str]]:
    """Each section of the tree with the question nodes it holds now."""
    return {str(section.data): [str(leaf.data) for leaf in section.children] for section in navigator.root.children}


async def test_only_the_current_section_has_question_nodes_yet_every_question_is_listed(tmp_path: Path):
    app = app_on(make_session(tmp_path / "s.elicit.toml"))
    async with app.run_test(size=(100, 30)):
        screen, navigator = parts(app)
        assert screen.question.id == "mini.context.problem"
        assert shown(navigator) == {"mini.context": CONTEXT, "mini.users": []}
        assert sorted(navigator._question_nodes) == sorted(CONTEXT)
        assert all(navigator.lists(question_id) for question_id in CONTEXT + USERS)
        assert not navigator.lists("mini.users.channels"), "a question that does not apply is not listed"
        users = navigator.root.children[1]
        assert users.allow_expand and not users.is_expanded, "a closed section still shows it can open"


async def test_next_and_back_cross_into_a_section_never_opened(tmp_path: Path):
    app = app_on(make_session(tmp_path / "s.elicit.toml", current="mini.context.platform"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen, navigator = parts(app)
        await pilot.press("ctrl+n")
        assert screen.question.id == "mini.users.who"
        assert shown(navigator)["mini.users"] == USERS
        assert navigator.cursor_node is not None and navigator.cursor_node.data == "mini.users.who"
        assert [section.data for section in navigator.root.children if section.is_expanded] == ["mini.users"]
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")
        assert screen.question.id == "mini.users.satisfaction", "the last question that applies; ctrl+n stops there"
        await pilot.press("ctrl+b", "ctrl+b", "ctrl+b")
        assert screen.question.id == "mini.context.platform"
        assert navigator.cursor_node is not None and navigator.cursor_node.data == "mini.context.platform"
        assert [section.data for section in navigator.root.children if section.is_expanded] == ["mini.context"]


async def test_a_closed_section_opens_from_the_keyboard_and_its_questions_can_be_chosen(tmp_path: Path):
    app = app_on(make_session(tmp_path / "s.elicit.toml"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen, navigator = parts(app)
        await pilot.press("f9")
        assert app.focused is navigator
        while navigator.cursor_node is not None and navigator.cursor_node.data != "mini.users":
            await pilot.press("down")
        await pilot.press("space")
        assert shown(navigator)["mini.users"] == USERS, "space opens the section with its questions"
        await pilot.press("space")
        assert not navigator.root.children[1].is_expanded
        await pilot.press("enter")
        assert navigator.root.children[1].is_expanded, "enter on a section opens it too"
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert screen.question.id == "mini.users.count"


async def test_a_question_in_a_closed_section_is_found_and_jumped_to_from_the_palette(tmp_path: Path):
    app = app_on(make_session(tmp_path / "s.elicit.toml"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen, navigator = parts(app)
        assert "mini.users.satisfaction" not in navigator._question_nodes
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press(*"how happy")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and screen.question.id == "mini.users.satisfaction"
        assert navigator.cursor_node is not None and navigator.cursor_node.data == "mini.users.satisfaction"


async def test_a_section_opened_late_shows_the_marks_and_the_follow_ups_of_what_was_answered_before(tmp_path: Path):
    answers = {
        "mini.users.count": Answer(25, answered_at=STARTED, updated_at=STARTED),
        "mini.users.who": Answer(None, status="revisit", updated_at=STARTED),
    }
    app = app_on(make_session(tmp_path / "s.elicit.toml", answers=answers, current="mini.context.platform"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen, navigator = parts(app)
        assert not navigator.lists("mini.users.channels")
        await pilot.press("1")  # Web, with more than 10 users: the follow-up in the other section applies now
        await pilot.pause()
        assert screen.session.answers["mini.context.platform"].value == "Web"
        assert navigator.lists("mini.users.channels")
        assert shown(navigator)["mini.users"] == [], "the tree was made again, the closed section still without nodes"
        count, who = navigator.node_of("mini.users.count"), navigator.node_of("mini.users.who")
        assert count is not None and str(count.label).startswith(status_mark("answered"))
        assert who is not None and str(who.label).startswith(status_mark("revisit"))
        assert shown(navigator)["mini.users"] == [*USERS, "mini.users.channels"]
        await screen.go_to_question("mini.users.channels")
        assert screen.question.id == "mini.users.channels"
        assert navigator.cursor_node is not None and navigator.cursor_node.data == "mini.users.channels"
