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
from typing import Any

from elicit.core.files.toml_source import has_carriage_return, toml_text
from elicit.core.session.file_format import session_to_data
from elicit.core.session.models import Session

PAUSE_EVERY = 250
"""Records made or looked up between two calls of ``pause`` (a thread lets the UI thread run there)."""

_Piece = tuple[str, bool]  # (TOML text, whether its data holds a carriage return)


class SessionWriter:
    """Turns a session into the text of its file, reusing the TOML of what did not change since the last call."""

    def __init__(self) -> None:
        self._pieces: dict[str, tuple[bool, dict[bool, str]]] = {}
        self.made = 0
        """How many pieces the last call had to make (the rest were reused): for tests and benchmarks."""

    def dumps(self, session: Session, pause: Callable[[], None] | None = None) -> str:
        """The session's file text, identical to ``dumps_session(session)``."""
        data = session_to_data(session)
        kept: dict[str, tuple[bool, dict[bool, str]]] = {}
        self.made = 0
        # Every piece's data, with its key in the cache; the text is made once the line mode is known.
        entries: list[tuple[str, list[tuple[str, dict[str, Any]]]]] = []
        for key, value in data.items():
            items: list[tuple[str, dict[str, Any]]]
            if key == "answers":
                items = [(f"a{question_id!r}{table!r}", {"answers": {question_id: table}}) for question_id, table in value.items()]
            elif key == "stories":
                items = [(f"s{table!r}", {"stories": [table]}) for table in value]
            else:
                items = [(f"{key}={value!r}", {key: value})]
            entries.append((key, items))
        carriage_return = False
        for _key, items in entries:
            for index, (cache_key, piece) in enumerate(items):
                found = self._pieces.get(cache_key)
                if found is None:
                    found = (has_carriage_return(piece), {})
                kept[cache_key] = found
                carriage_return = carriage_return or found[0]
                if pause is not None and index % PAUSE_EVERY == PAUSE_EVERY - 1:
                    pause()
        multiline = not carriage_return
        literals: list[str] = []
        tables: list[str] = []
        for key, items in entries:
            texts = []
            for index, (cache_key, piece) in enumerate(items):
                texts.append(self._text(kept[cache_key], piece, multiline))
                if pause is not None and index % PAUSE_EVERY == PAUSE_EVERY - 1:
                    pause()
            if key == "stories" and any(not text.startswith("[[stories]]") for text in texts):
                texts = [toml_text({key: data[key]}, multiline=multiline)]  # tomli_w lays these out inline: make it whole
            text = "\n".join(texts) if key in ("answers", "stories") else texts[0]
            (tables if text.startswith("[") else literals).append(text)
        self._pieces = kept
        return "".join(literals) + "".join(("\n" if literals or index else "") + text for index, text in enumerate(tables))

    def _text(self, found: tuple[bool, dict[bool, str]], piece: dict[str, Any], multiline: bool) -> str:
        texts = found[1]
        text = texts.get(multiline)
        if text is None:
            text = texts[multiline] = toml_text(piece, multiline=multiline)
            self.made += 1
        return text
