"""A large backlog is linted in two processes: the same findings, in the same order, as in one (issue 18).

The child checks the second half of the stories against the whole backlog it inherited; whatever becomes of it
(an error, killed, garbage down the pipe), the parent checks that half itself.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from elicit.cli import lint_commands
from elicit.core.stories import BacklogContext, lint_stories
from elicit.core.stories.backlog import parse_lines, to_story
from tests.support.cli import NOT_FOR_LINT, run_elicit

ROLES = ["nurse", "ward manager", "patient", "porter"]
GOALS = [
    "to see today's ward list",
    "to create and edit the rota",
    "a fast and easy way to book a bed",
    "to export the list (as a PDF) and email it",
    "to click a button to print the labels",
    "to be told when a bed is free",
]
ENDS = ["", ", so that I can plan my shift", " so I can rest", ", in order to save time"]


def _backlog(count: int) -> list[str]:
    """Made-up stories with every kind of finding, duplicates among them, and a few lines that are no story."""
    lines = []
    for number in range(count):
        if number % 37 == 5:
            lines.append("Epic: admissions")
            continue
        role, goal, end = ROLES[number % 4], GOALS[number % 6], ENDS[number % 4]
        lines.append(f"As a {role}, I want {goal} on ward {number % 50}{end}")
    return lines


def _stories(lines: list[str]) -> list:
    return [to_story(line, f"line {line.line}") for line in parse_lines("\n".join(lines))]


def test_a_large_backlog_is_checked_in_two_processes_when_a_core_is_free(monkeypatch: pytest.MonkeyPatch) -> None:
    stories = _stories(_backlog(lint_commands.IN_TWO_FROM))
    assert len(BacklogContext.of(stories).views) >= lint_commands.IN_TWO_FROM
    monkeypatch.delenv("ELICIT_LINT_JOBS", raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.6, 0.5, 0.5))
    assert lint_commands._core_to_spare() == hasattr(os, "fork")
    monkeypatch.setattr(os, "getloadavg", lambda: (1.2, 2.0, 1.0))  # no core free: one process
    assert not lint_commands._core_to_spare()
    monkeypatch.setenv("ELICIT_LINT_JOBS", "2")
    assert lint_commands._core_to_spare() == hasattr(os, "fork")
    monkeypatch.setenv("ELICIT_LINT_JOBS", "1")
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    assert not lint_commands._core_to_spare()
    monkeypatch.delenv("ELICIT_LINT_JOBS")
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0}, raising=False)
    assert not lint_commands._core_to_spare()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here: always one process")
@pytest.mark.parametrize("how", ["json", "table"])
def test_the_cli_prints_the_same_in_two_processes_as_in_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    path = tmp_path / "backlog.txt"
    path.write_text("\n".join(_backlog(900)) + "\n", encoding="utf-8")
    args = ["lint", str(path), *(["--json"] if how == "json" else [])]
    monkeypatch.setenv("ELICIT_LINT_JOBS", "1")
    one = run_elicit(*args, forbid=NOT_FOR_LINT)
    monkeypatch.setenv("ELICIT_LINT_JOBS", "2")
    two = run_elicit(*args, forbid=NOT_FOR_LINT)
    assert one.returncode == two.returncode == 0, two.stderr
    assert two.stdout == one.stdout and two.stderr == one.stderr
    assert "findings in" in one.stdout or how == "json"


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_backlog(60)), min_size=1, max_size=40), st.data())
def test_the_findings_of_consecutive_parts_join_to_the_whole(lines: list[str], data: st.DataObject) -> None:
    stories = _stories(lines)
    context = BacklogContext.of(stories)
    cut = data.draw(st.integers(min_value=0, max_value=len(context.views)))
    whole = lint_stories(stories, context=context)
    assert (
        lint_stories(stories, context=context, part=slice(0, cut)) + lint_stories(stories, context=context, part=slice(cut, None)) == whole
    )


def _in_two_and_in_one(monkeypatch: pytest.MonkeyPatch) -> tuple[list, list]:
    stories = _stories(_backlog(450))
    context = BacklogContext.of(stories)
    return lint_commands._in_two(stories, frozenset(), context), lint_stories(stories, context=context)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")
def test_two_processes_give_what_one_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    received = []
    real = lint_commands._received
    monkeypatch.setattr(lint_commands, "_received", lambda sent: received.append(real(sent)) or received[-1])
    two, one = _in_two_and_in_one(monkeypatch)
    assert two == one and len(one) > 100
    assert received and received[0], "the child's half was not used"


def _fails(*_args: object) -> None:
    raise MemoryError("the child ran out of memory")


def _killed(*_args: object) -> None:
    os._exit(9)


def _garbage(_stories: object, _disabled: object, _context: object, _half: int, write_end: int) -> None:
    os.write(write_end, b"not marshal data")
    os._exit(0)


def _half_sent(_stories: object, _disabled: object, _context: object, _half: int, write_end: int) -> None:
    import marshal

    os.write(write_end, marshal.dumps([("no-role", "line 1", "m", "s")])[:-3])
    os._exit(0)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")
@pytest.mark.parametrize("child", [_fails, _killed, _garbage, _half_sent])
def test_whatever_becomes_of_the_child_its_half_is_checked(monkeypatch: pytest.MonkeyPatch, child: object) -> None:
    if child is _fails:
        monkeypatch.setattr(lint_commands.marshal, "dumps", _fails)  # an error inside the child's own work
    else:
        monkeypatch.setattr(lint_commands, "_second_half", child)
    two, one = _in_two_and_in_one(monkeypatch)
    assert two == one
