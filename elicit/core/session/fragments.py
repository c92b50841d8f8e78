"""Writing a session file again after a small change without turning the whole session into TOML.

Saving a 5,000-story session as one ``tomli_w.dumps`` takes a fifth of a
second of pure Python, most of it escaping the same strings as last time.
:class:`SessionWriter` keeps the TOML text of every answer, every story and
every other top-level entry from its last save and assembles the file from
those pieces, making TOML only for what changed.

A save is two steps, so that the thread that owns the session does only
the part that must see it:

- :meth:`SessionWriter.prepare`, on that thread: each answer and story is
  compared with the private copy the writer kept of it when its text was
  made (a comparison of their fields in C: about a millisecond for 5,000
  stories); only the records that differ are copied again. The rest of the
  session (participants, follow-ups, settings: few) is copied whole. What it
  returns (:class:`PreparedSave`) shares nothing mutable with the session.
- :meth:`SessionWriter.render`, on any thread (the autosave's worker):
  makes the TOML of the new pieces, looks up the others and joins them;
  with one answer changed, a few milliseconds for 5,000 stories.

:meth:`SessionWriter.dumps` does both at once (the command line, plain mode).

The text is the same, byte for byte, as :func:`file_format.dumps_session`
(tests/core/session/test_fragments.py checks it after random edits). It
follows how ``tomli_w`` lays a document out: first the top-level keys whose
values are written inline (``schema = ...``, an array of short tables), then
every table and array of tables in key order, each after a blank line; the
answers are ``[answers."id"]`` tables one after the other, the stories
``[[stories]]`` tables. Where ``tomli_w`` would decide otherwise (every
story short enough to be written inline, which a real session never has),
that entry is made whole, as ``dumps_session`` makes it.

A record counts as unchanged only when its text cannot differ: equal
fields (``==``), and where ``==`` is looser than the text (``1 == True ==
1.0``, the same instant in two time zones, the order of a table's keys) the
same objects or the same order. Anything else is made again: a record
wrongly thought changed costs a few microseconds, one wrongly thought
unchanged would be a stale line in the file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from operator import is_
from typing import Any

from elicit.core.files.toml_source import toml_text, toml_text_checked
from elicit.core.session.file_format import answer_table, session_to_data, story_table
from elicit.core.session.models import Answer, InterviewAnswer, Session, Story, StoryVersion, _clone_answer, _clone_story, snapshot

PAUSE_EVERY = 100
"""Records looked up or made between two calls of ``pause`` (a thread lets the UI thread run there)."""
TOGETHER = 250
"""Records made as one document (then split), between two calls of ``pause``."""


class _Piece:
    """One answer, story or other top-level entry: the data its text is made from, and that text once made."""

    __slots__ = ("source", "copy", "name", "carriage_return", "escaped", "lines")

    def __init__(self, source: Any, copy: Any, name: str) -> None:
        self.source = source
        """The record it was copied from (answers and stories; None for the others), to know it again next time."""
        self.copy = copy
        """Its data as it stood: a private copy of the record (question id and answer, story), or the entry's value."""
        self.name = name
        """The question id of an answer; the top-level key of any other entry."""
        self.carriage_return: bool | None = None
        self.escaped: str | None = None
        """Its TOML with line breaks escaped (when some string in the session holds a carriage return)."""
        self.lines: str | None = None
        """Its TOML with multi-line strings (the usual case)."""


@dataclass
class PreparedSave:
    """A session ready to be written by :meth:`SessionWriter.render`: it shares nothing mutable with the session."""

    rest: Session
    """A copy of the session without its answers and stories."""
    answers: list[_Piece]
    stories: list[_Piece]


class SessionWriter:
    """Turns a session into the text of its file, reusing the TOML of what did not change since the last call."""

    def __init__(self) -> None:
        self._answers: dict[str, _Piece] = {}
        """The pieces of the last prepared answers by question id, and of the stories by ``id(story)``."""
        self._stories: dict[int, _Piece] = {}
        self._others: dict[str, _Piece] = {}
        self.made = 0
        """How many pieces the last call had to make (the rest were reused): for tests and benchmarks."""
        self.copied = 0
        """How many answers and stories the last :meth:`prepare` had to copy."""
        self._story_list: tuple[int, int, list[_Piece]] | None = None
        """The last prepared stories: ``id`` and length of the session's list, and its pieces in order."""

    def dumps(self, session: Session, pause: Callable[[], None] | None = None) -> str:
        """The session's file text, identical to ``dumps_session(session)``."""
        return self.render(self.prepare(session), pause)

    def prepare(self, session: Session, *, stories_unchanged: bool = False, check: range | None = None) -> PreparedSave:
        """What :meth:`render` needs, on the thread that owns ``session``: only changed records are copied.

        ``stories_unchanged``: the caller knows that no story changed since the last call (the session
        service's ``stories_revision`` did not move), so the stories are not compared again (about a
        millisecond and a half per thousand stories, on the thread that handles the keys); the list
        itself must still be the same list of the same length, or they are compared as usual.
        ``check``: with ``stories_unchanged``, the positions of the stories compared all the same (a share of
        them at each call, so that a story changed behind the service's back is found within a few calls
        without one call comparing them all).
        """
        self.copied = 0
        answers: list[_Piece] = []
        known_answers: dict[str, _Piece] = {}
        for question_id, answer in session.answers.items():
            piece = self._answers.get(question_id)
            if piece is None or piece.source is not answer or not _same_answer(answer, piece.copy):
                piece = _Piece(answer, _clone_answer(answer), question_id)
                self.copied += 1
            answers.append(piece)
            known_answers[question_id] = piece
        last = self._story_list
        if stories_unchanged and last is not None and last[:2] == (id(session.stories), len(session.stories)):
            stories = list(last[2])
            if check is not None:
                self._check_stories(session, stories, check)
        else:
            stories = self._compare_stories(session)
        self._story_list = (id(session.stories), len(session.stories), stories)
        self._answers = known_answers
        rest = snapshot(replace(session, answers={}, stories=[]))
        return PreparedSave(rest, answers, stories)

    def _check_stories(self, session: Session, stories: list[_Piece], check: range) -> None:
        """Compare the stories at the positions in ``check`` with their copies; copy again those that differ."""
        for index in check:
            if not 0 <= index < len(stories):
                continue
            story, piece = session.stories[index], stories[index]
            if piece.source is not story or not _same_story(story, piece.copy):
                stories[index] = self._stories[id(story)] = _Piece(story, _clone_story(story), "stories")
                self.copied += 1

    def _compare_stories(self, session: Session) -> list[_Piece]:
        stories: list[_Piece] = []
        known_stories: dict[int, _Piece] = {}
        for story in session.stories:
            piece = known_stories.get(id(story)) or self._stories.get(id(story))
            if piece is None or piece.source is not story or not _same_story(story, piece.copy):
                piece = _Piece(story, _clone_story(story), "stories")
                self.copied += 1
            stories.append(piece)
            known_stories[id(story)] = piece
        self._stories = known_stories
        return stories

    def render(self, prepared: PreparedSave, pause: Callable[[], None] | None = None) -> str:
        """The file text of a prepared session (any thread; one call at a time)."""
        self.made = 0
        entries = self._entries(prepared)
        for key, pieces in entries:  # new pieces: their multi-line text, which says whether they hold a carriage return
            self._make(key, [piece for piece in pieces if piece.carriage_return is None], True, pause)
        multiline = not any(piece.carriage_return for _key, pieces in entries for piece in pieces)
        literals: list[str] = []
        tables: list[str] = []
        for key, pieces in entries:
            text = self._entry_text(key, pieces, multiline, pause)
            (tables if text.startswith("[") else literals).append(text)
        return "".join(literals) + "".join(("\n" if literals or index else "") + text for index, text in enumerate(tables))

    def _entry_text(self, key: str, pieces: list[_Piece], multiline: bool, pause: Callable[[], None] | None) -> str:
        """The text of one top-level key: its pieces one after the other."""
        if not multiline:
            self._make(key, [piece for piece in pieces if piece.escaped is None], False, pause)
        texts = [(piece.lines if multiline else piece.escaped) or "" for piece in pieces]
        if key == "stories" and any(not text.startswith("[[stories]]") for text in texts):
            every = [story_table(piece.copy) for piece in pieces]
            return toml_text({key: every}, multiline=multiline)  # tomli_w lays these out inline: make it whole
        return "\n".join(texts)

    def _make(self, key: str, pieces: list[_Piece], multiline: bool, pause: Callable[[], None] | None) -> None:
        """Make the text of ``pieces`` (and learn whether each holds a carriage return)."""
        alone = []
        for start in range(0, len(pieces), TOGETHER):
            alone += self._make_together(key, pieces[start : start + TOGETHER], multiline)
            if pause is not None and start + TOGETHER < len(pieces):
                pause()
        for index, piece in enumerate(alone):
            text, carriage_return = toml_text_checked(_data(piece), multiline=multiline)
            _keep(piece, text, multiline, carriage_return)
            self.made += 1
            _now_and_then(pause, index)

    def _make_together(self, key: str, pieces: list[_Piece], multiline: bool) -> list[_Piece]:
        """Make the texts of many answers or stories in one go (one document split at its headers); return the others.

        Writing 5,000 stories as one document takes much less time than 5,000 documents of one story.
        The split is at the line each piece starts with (``[answers.`` or ``[[stories]]``); when a piece's
        text holds such a line too (in a multi-line string) the count is off, and each is made on its own,
        as they are when the document holds a carriage return (only then must each piece say whether it does).
        A story short enough to be written inline is always made on its own: alone it reads ``stories = [...]``,
        which only it can say.
        """
        if key not in ("answers", "stories") or len(pieces) < 2:
            return pieces
        alone: list[_Piece] = []
        if key == "answers":
            batch = pieces
            data: dict[str, Any] = {key: {piece.name: answer_table(piece.copy) for piece in batch}}
            head = "[answers."
        else:
            tables = []
            for piece in pieces:
                table = story_table(piece.copy)
                (tables.append((piece, table)) if _never_inline(table) else alone.append(piece))
            batch = [piece for piece, _table in tables]
            data = {key: [table for _piece, table in tables]}
            head = "[[stories]]\n"
        if len(batch) < 2:
            return pieces
        whole, carriage_return = toml_text_checked(data, multiline=multiline)
        parts = whole.split("\n" + head)
        if carriage_return or len(parts) != len(batch) or not parts[0].startswith(head):
            return pieces
        for index, (piece, part) in enumerate(zip(batch, parts, strict=True)):
            _keep(piece, part if index == 0 else head + part, multiline, False)
        self.made += len(batch)
        return alone

    def _entries(self, prepared: PreparedSave) -> list[tuple[str, list[_Piece]]]:
        """Every top-level key with its pieces, in the order of the file."""
        data = session_to_data(_with_placeholders(prepared.rest))  # the order of the keys, and everything but the many
        entries: list[tuple[str, list[_Piece]]] = []
        others: dict[str, _Piece] = {}
        for key, value in data.items():
            if key == "answers":
                pieces = prepared.answers
            elif key == "stories":
                pieces = prepared.stories
            else:
                cache_key = f"{key}={value!r}"
                piece = self._others.get(cache_key) or _Piece(None, value, key)
                others[cache_key] = piece
                pieces = [piece]
            if pieces:
                entries.append((key, pieces))
        self._others = others
        return entries


def _data(piece: _Piece) -> dict[str, Any]:
    """The data of one piece, as ``session_to_data`` has it."""
    if piece.source is None:
        return {piece.name: piece.copy}
    if isinstance(piece.copy, Story):
        return {"stories": [story_table(piece.copy)]}
    return {"answers": {piece.name: answer_table(piece.copy)}}


def _keep(piece: _Piece, text: str, multiline: bool, carriage_return: bool) -> None:
    if multiline:
        piece.lines = text
    else:
        piece.escaped = text
    if piece.carriage_return is None:
        piece.carriage_return = carriage_return


INLINE_WIDTH = 100
"""The longest line of an array of tables written inline (``toml_writer``, as ``tomli_w``)."""


def _never_inline(table: dict[str, Any]) -> bool:
    """Whether a story's table is too long for one line whatever its escapes: its keys and text alone are longer."""
    length = 0
    for name, value in table.items():
        if isinstance(value, str):
            length += len(name) + len(value)
        elif isinstance(value, list):
            length += len(name) + sum(len(item) for item in value if isinstance(item, str))
    return length > INLINE_WIDTH


def _same_story(story: Story, kept: Story) -> bool:
    """Whether ``story`` would be written as its copy ``kept`` is (False when unsure)."""
    return (
        story.__dict__ == kept.__dict__
        and story.created_at is kept.created_at
        and story.updated_at is kept.updated_at
        and (not story.basis or list(story.basis) == list(kept.basis))
        and (not story.history or all(map(_same_version, story.history, kept.history)))
    )


def _same_version(version: StoryVersion, kept: StoryVersion) -> bool:
    return version.changed_at is kept.changed_at


def _same_answer(answer: Answer, kept: Answer) -> bool:
    """Whether ``answer`` would be written as its copy ``kept`` is (False when unsure)."""
    return (
        answer.__dict__ == kept.__dict__
        and _same_value(answer.value, kept.value)
        and answer.answered_at is kept.answered_at
        and answer.updated_at is kept.updated_at
        and (not answer.interviews or all(map(_same_interview_answer, answer.interviews, kept.interviews)))
    )


def _same_interview_answer(item: InterviewAnswer, kept: InterviewAnswer) -> bool:
    return _same_value(item.value, kept.value)


def _same_value(value: Any, kept: Any) -> bool:
    """For two values already equal (``==``): whether they are written alike."""
    if value is kept:
        return True
    kind = type(value)
    if kind is not type(kept):
        return False
    if kind is list:
        return all(map(is_, value, kept))  # the copy's list holds the original's items
    return kind is str or kind is int  # a float (-0.0 == 0.0) or anything else: only the same object


def _with_placeholders(session: Session) -> Session:
    """The session with one answer and one story standing for all of them: its data has every key in its place, cheaply."""
    return replace(session, answers={"-": Answer("-")}, stories=[Story("-", "-", "-")])


def _now_and_then(pause: Callable[[], None] | None, index: int) -> None:
    if pause is not None and index % PAUSE_EVERY == PAUSE_EVERY - 1:
        pause()
