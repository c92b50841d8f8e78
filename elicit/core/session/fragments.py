"""Writing a session file again after a small change without turning the whole session into TOML.

Saving a 5,000-story session as one ``tomli_w.dumps`` takes a fifth of a
second of pure Python, most of it escaping the same strings as last time.
:class:`SessionWriter` keeps the TOML text of every answer, every story and
every other top-level entry from its last save, keyed by the data it was
made from (``repr`` of the table: exact, and fast because it is C), and
assembles the file from those pieces, making TOML only for what changed.

The text is the same, byte for byte, as :func:`file_format.dumps_session`
(tests/core/session/test_fragments.py checks it after random edits). It
follows how ``tomli_w`` lays a document out: first the top-level keys whose
values are written inline (``schema = ...``, an array of short tables), then
every table and array of tables in key order, each after a blank line; the
answers are ``[answers."id"]`` tables one after the other, the stories
``[[stories]]`` tables. Where ``tomli_w`` would decide otherwise (every
story short enough to be written inline, which a real session never has),
that entry is made whole, as ``dumps_session`` makes it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from elicit.core.files.toml_source import has_carriage_return, toml_text
from elicit.core.session.file_format import answer_table, session_to_data, story_table
from elicit.core.session.models import Answer, Session, Story

PAUSE_EVERY = 100
"""Records looked up or made between two calls of ``pause`` (a thread lets the UI thread run there)."""

_Cached = tuple[bool, str | None, str | None]
"""Whether the piece's data holds a carriage return; its TOML with escaped line breaks, and with multi-line strings.
Only strings and booleans: the garbage collector never has to look at the cache."""
_Item = tuple[str, str, Any]
"""A piece: its key in the cache, the top-level key it is under and what it stands for (an answer's id and
answer, a story, a value); its data is made again only on a miss, so that a save holds few objects."""


class SessionWriter:
    """Turns a session into the text of its file, reusing the TOML of what did not change since the last call."""

    def __init__(self) -> None:
        self._pieces: dict[str, _Cached] = {}
        self.made = 0
        """How many pieces the last call had to make (the rest were reused): for tests and benchmarks."""

    def dumps(self, session: Session, pause: Callable[[], None] | None = None) -> str:
        """The session's file text, identical to ``dumps_session(session)``."""
        entries = _entries(session, pause)
        self.made = 0
        kept: dict[str, _Cached] = {}
        multiline = not self._look_up(entries, kept, pause)
        literals: list[str] = []
        tables: list[str] = []
        for key, items in entries:
            texts = []
            for index, item in enumerate(items):
                texts.append(self._text(kept, item, multiline))
                _now_and_then(pause, index)
            if key == "stories" and any(not text.startswith("[[stories]]") for text in texts):
                every = [story_table(story) for _cache_key, _key, story in items]
                texts = [toml_text({key: every}, multiline=multiline)]  # tomli_w lays these out inline: make it whole
            text = "\n".join(texts)
            (tables if text.startswith("[") else literals).append(text)
        self._pieces = kept
        return "".join(literals) + "".join(("\n" if literals or index else "") + text for index, text in enumerate(tables))

    def _look_up(self, entries: list[tuple[str, list[_Item]]], kept: dict[str, _Cached], pause: Callable[[], None] | None) -> bool:
        """Move each piece's cache entry (or a new one) into ``kept``; return whether any holds a carriage return."""
        carriage_return = False
        for _key, items in entries:
            for index, (cache_key, key, source) in enumerate(items):
                found = self._pieces.get(cache_key)
                if found is None:
                    found = (has_carriage_return(_data(key, source)), None, None)
                kept[cache_key] = found
                carriage_return = carriage_return or found[0]
                _now_and_then(pause, index)
        return carriage_return

    def _text(self, kept: dict[str, _Cached], item: _Item, multiline: bool) -> str:
        cache_key, key, source = item
        carriage_return, escaped, lines = kept[cache_key]
        text = lines if multiline else escaped
        if text is None:
            text = toml_text(_data(key, source), multiline=multiline)
            kept[cache_key] = (carriage_return, text, lines) if not multiline else (carriage_return, escaped, text)
            self.made += 1
        return text


def _entries(session: Session, pause: Callable[[], None] | None) -> list[tuple[str, list[_Item]]]:
    """Every top-level key with its pieces, in the order of the file."""
    data = session_to_data(_with_placeholders(session))  # the order of the keys, and everything but the many
    entries: list[tuple[str, list[_Item]]] = []
    for key, value in data.items():
        items: list[_Item] = []
        if key == "answers":
            for index, (question_id, answer) in enumerate(session.answers.items()):
                items.append((f"a{question_id!r}{answer_table(answer)!r}", key, (question_id, answer)))
                _now_and_then(pause, index)
        elif key == "stories":
            for index, story in enumerate(session.stories):
                items.append((f"s{story_table(story)!r}", key, story))
                _now_and_then(pause, index)
        else:
            items = [(f"{key}={value!r}", key, value)]
        if items:
            entries.append((key, items))
    return entries


def _data(key: str, source: Any) -> dict[str, Any]:
    """The data of one piece, as ``session_to_data`` has it."""
    if key == "answers":
        question_id, answer = source
        return {key: {question_id: answer_table(answer)}}
    if key == "stories":
        return {key: [story_table(source)]}
    return {key: source}


def _with_placeholders(session: Session) -> Session:
    """The session with one answer and one story standing for all of them: its data has every key in its place, cheaply."""
    return replace(session, answers={"-": Answer("-")}, stories=[Story("-", "-", "-")])


def _now_and_then(pause: Callable[[], None] | None, index: int) -> None:
    if pause is not None and index % PAUSE_EVERY == PAUSE_EVERY - 1:
        pause()
