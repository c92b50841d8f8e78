"""``elicit answer`` on a file it wrote keeps the stories' text and reads only the head (issue 18): same file, same output, same errors."""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from elicit.core.session import written
from elicit.core.session.file_format import dumps_session, read_session
from tests.conftest import MINI_BANK
from tests.support.cli import NOT_FOR_ANSWER, run_elicit

_STAMP = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:[+-]\d\d:\d\d|Z)?")


def _unmark(path: Path) -> None:
    try:
        os.removexattr(path, written.ATTRIBUTE)
    except OSError:
        pass


@pytest.fixture
def two(tmp_path: Path) -> tuple[Path, Path]:
    """The same session twice, with stories and a follow-up after them: one run as a user runs it, one always read whole."""
    path = tmp_path / "fast" / "demo.elicit.toml"
    path.parent.mkdir()
    assert run_elicit("new", str(path), "--bank", str(MINI_BANK), "--title", "Demo", "--no-input").returncode == 0
    for n in range(1, 6):
        want = f'to record visit {n} offline\n[[stories]]\nid = "US-9"' if n == 3 else f"to record visit {n} offline"
        added = run_elicit("story", "add", str(path), "--role", "field engineer", "--want", want, "--quote", 'we lose """ forms')
        assert added.returncode == 0, added.stderr
    assert run_elicit("decision", "add", str(path), "Use the bank feed").returncode == 0
    other = tmp_path / "whole" / "demo.elicit.toml"
    other.parent.mkdir()
    shutil.copyfile(path, other)
    return path, other


def _without_stamps(path: Path) -> str:
    return _STAMP.sub("STAMP", path.read_text(encoding="utf-8"))


def test_answers_through_the_head_leave_the_file_and_say_what_answers_read_whole_do(two):
    fast, whole = two
    commands = [
        ("problem", "Counts are wrong"),
        ("problem", 'twice\n[[stories]]\nid = "US-1"'),
        ("channels", "email, chat"),
        ("offline", "no"),  # a note: offline_how_long does not apply
        ("offline_how_long", "8"),
        ("count", "--notes", "ask finance"),
        ("who", "--status", "skipped"),
        ("problem", "--clear"),
        ("platform", "Mars"),  # refused: nothing changes
    ]
    for arguments in commands:
        _unmark(whole)
        ran = run_elicit("answer", str(fast), *arguments, forbid=NOT_FOR_ANSWER)
        expected = run_elicit("answer", str(whole), *arguments)
        assert (ran.returncode, ran.stdout, ran.stderr.replace(str(fast), str(whole))) == (
            expected.returncode,
            expected.stdout,
            expected.stderr,
        ), arguments
        assert _without_stamps(fast) == _without_stamps(whole), arguments
        assert fast.read_text(encoding="utf-8") == dumps_session(read_session(fast))
    assert written.is_marked(fast, fast.read_bytes())
    session = read_session(fast)
    assert len(session.stories) == 5 and session.decisions[0].text == "Use the bank feed"
    assert session.answers["mini.users.channels"].value == ["Email", "Chat"]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('id = "US-004"', 'id = "US-004"\ncolour = "red"'),  # a key no story has
        ('id = "US-004"', "id = "),  # broken TOML among the stories
    ],
)
def test_a_file_edited_by_hand_after_an_answer_gets_the_message_a_whole_read_gives(two, old, new):
    fast, whole = two
    assert run_elicit("answer", str(fast), "problem", "Counts are wrong").returncode == 0
    assert written.is_marked(fast, fast.read_bytes())
    text = fast.read_text(encoding="utf-8").replace(old, new, 1)
    with open(fast, "r+", encoding="utf-8") as stream:  # edited in place: the mark stays, the bytes differ
        stream.write(text)
        stream.truncate()
    whole.write_text(text, encoding="utf-8")
    _unmark(whole)
    ran = run_elicit("answer", str(fast), "count", "12")
    expected = run_elicit("answer", str(whole), "count", "12")
    assert ran.returncode == expected.returncode == 1
    assert ran.stderr.replace(str(fast), str(whole)) == expected.stderr
    assert re.search(rf"{re.escape(str(whole))}:\d+: ", expected.stderr), expected.stderr  # the file and the line
    assert fast.read_text(encoding="utf-8") == text  # nothing saved


@pytest.mark.skipif(sys.platform != "linux", reason="the user folders without platformdirs are the Linux rule")
def test_a_users_answer_finds_their_folders_without_platformdirs(tmp_path, monkeypatch):
    """A user's run has no ELICIT_* folders: the config folder (user banks) and the cache (validated banks) are the
    XDG rule's, found without importing platformdirs, which loads tempfile, shutil, bz2 and lzma (~4 ms, issue 18)."""
    for name in ("ELICIT_CONFIG_DIR", "ELICIT_DATA_DIR", "ELICIT_CACHE_DIR", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    path = tmp_path / "demo.elicit.toml"
    assert run_elicit("new", str(path), "--bank", str(MINI_BANK), "--title", "Demo", "--no-input").returncode == 0
    forbid = (*NOT_FOR_ANSWER, "platformdirs", "tempfile")
    for value in ("Counts are wrong", "Counts are still wrong"):  # the bank validated, then read back from the cache
        ran = run_elicit("answer", str(path), "problem", value, forbid=forbid)
        assert (ran.returncode, ran.stderr) == (0, ""), ran.stderr
    assert list((tmp_path / "home" / ".cache" / "elicit" / "banks").iterdir())
