"""Reading a big session in two stages: what the first question needs at once, the stories once it shows.

The writer puts a session's metadata, clock, participants, banks and answers
first and its stories after them. The app shows the first question from the
text before the first line that is exactly ``[[stories]]`` (the *head*) and
reads the rest (the *tail*: the stories and the follow-ups, rounds and
proposals after them) once that question is on screen, in a worker
(:meth:`SessionTail.read`). The result is always the session
:func:`~elicit.core.session.file_format.read_session` reads, or its error:

- The head is parsed on its own. A ``[[stories]]`` line inside a multi-line
  string (or a value spanning lines) leaves the head unterminated, which is a
  parse error: when the head parses, the split is a real table header.
- The tail may only hold tables the first question does not need
  (:data:`DEFERRED`) and none that the head has: checked on the text before
  staging (every line that looks like a table header is looked at; one inside
  a string can only make the check refuse, never pass wrongly) and on the
  parsed parts after.
- The tail is parsed in pieces, each starting at a ``[[stories]]`` line, so
  that the parser (which holds the interpreter's lock while it runs) leaves
  the UI thread a turn between pieces. The argument above holds piece by
  piece; their stories are joined in order, any other key must be in one
  piece only.
- Whenever a check fails, a part does not parse, or the head holds a problem,
  the whole text is read at once, as before: the exact session, or
  ``tomllib``'s message with file and line.
"""

from __future__ import annotations

import _thread
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from elicit.core.files.toml_parser import TomlSyntaxError, loads
from elicit.core.files.toml_source import TomlDocument, read_text, syntax_finding, too_deep_finding
from elicit.core.findings import FindingsError
from elicit.core.session.file_format import collector_paused, session_from_document
from elicit.core.session.models import Session

DEFERRED = ("stories", "open_questions", "decisions", "assumptions", "glossary", "rounds", "proposals", "merged_from")
"""The session's fields (and top-level tables) the first question does not need: read after it shows."""

SPLIT = "\n[[stories]]\n"
PIECE = 256 * 1024
"""About this many characters of the tail are parsed at a time."""

_COMMON_HEADER = r"(?:\[stories\]\]|\[stories\.history\]\]|\[stories\.copies\]\]|stories\.basis\])\n"
_HEADER_LINES = (re.compile(rf"\n\[(?!{_COMMON_HEADER})"), re.compile(r"\n[ \t]+\["))
"""Lines that may be table headers other than the stories' own, unindented or indented (two searches: each runs at C speed)."""
_FIRST_KEY = re.compile(r"""[ \t]*\[\[?[ \t]*(?:"([A-Za-z0-9_-]+)"|'([A-Za-z0-9_-]+)'|([A-Za-z0-9_-]+))[ \t]*[.\]]""")


class SessionTail:
    """The stories and what follows them, read after the first question shows.

    :meth:`read` may run in a worker while the UI thread waits for it too: it
    reads once, and every caller gets that one result (or that one error).
    """

    def __init__(self, path: Path, text: str, raw: bytes, head: dict[str, Any], split: int) -> None:
        self.path = path
        self._text = text
        self._raw = raw
        self._head = head
        self._split = split
        self._lock = _thread.allocate_lock()  # threading.Lock itself, without importing threading ('elicit answer' reads staged)
        self._session: Session | None = None
        self._error: FindingsError | None = None

    def read(self) -> Session:
        """The whole session, as :func:`read_session` reads it; raise its FindingsError."""
        with self._lock:
            if self._session is None and self._error is None:
                try:
                    with collector_paused():
                        self._session = self._read()
                except FindingsError as error:
                    self._error = error
                self._text, self._raw, self._head = "", b"", {}  # what is read is all that is kept
            if self._error is not None:
                raise self._error
            assert self._session is not None
            return self._session

    def fill(self, session: Session) -> None:
        """Put the tail's part (:data:`DEFERRED`) into ``session``, the head read earlier; raise FindingsError."""
        whole = self.read()
        for name in DEFERRED:
            setattr(session, name, getattr(whole, name))

    def joined(self, head: str) -> str | None:
        """The whole file's text with ``head`` (a full save's text of the session without this tail) before the tail as read.

        That is the text a full save of the session with its tail writes, when
        the tail is what the writer made of its records and they did not
        change: the writer puts the head's values and tables first, then a
        blank line, then the tail's tables, each written on its own. Except
        where a carriage return is (or was) in any string: then the writer
        writes every string of the file on one line, the tail's too. Then, or
        once the tail is read, None: save in full.
        """
        text = self._text
        if not text or "\\r" in head or "\\r" in text:
            return None
        return f"{head}\n{text[self._split :]}"

    def _read(self) -> Session:
        data = _joined(self._head, self._pieces())
        if data is None:
            return _whole(self.path, self._text, self._raw)
        return session_from_document(TomlDocument(self.path, self._text, data, self._raw))

    def _pieces(self) -> list[dict[str, Any]] | None:
        """The tail parsed piece by piece; None when a piece does not parse."""
        text, start, pieces = self._text, self._split, []
        while start < len(text):
            cut = text.find(SPLIT, start + PIECE)
            end = len(text) if cut < 0 else cut + 1
            try:
                pieces.append(loads(text[start:end], explain=False, standard_zones=False))
            except (TomlSyntaxError, RecursionError, ValueError):
                return None
            start = end
        return pieces


def read_staged(path: Path, *, only_if: Callable[[bytes], bool] | None = None) -> tuple[Session, SessionTail | None]:
    """Read a session, leaving its stories for later when that is exact (see the module); raise FindingsError.

    Returns the session and, when staged, the tail still to read: until
    :meth:`SessionTail.fill` the session has none of the :data:`DEFERRED` records.
    ``only_if``: stage only a file whose bytes pass it (the others are read whole at once): the mark of this
    elicit's own writing (:func:`~elicit.core.session.written.is_marked`). Such a tail is the text this writer
    made of a session it had read and checked, which puts only :data:`DEFERRED` tables after the first
    ``[[stories]]`` line: its table lines are not looked at again (~2 ms of ``elicit answer`` on 1,000 stories).
    """
    raw, text, problem = read_text(path)
    if problem is not None:
        raise FindingsError([problem])
    assert text is not None
    with collector_paused():
        if only_if is not None and not only_if(raw):
            return _whole(path, text, raw), None
        return staged_from_text(path, text, raw, own_writing=only_if is not None)


def staged_from_text(path: Path, text: str, raw: bytes, *, own_writing: bool = False) -> tuple[Session, SessionTail | None]:
    """:func:`read_staged` on a text already read (``path`` names it in messages).

    ``own_writing``: the text carries the mark of this elicit's writer (see ``only_if`` of :func:`read_staged`).
    """
    split = _split_at(text)
    if split is None:
        return _whole(path, text, raw), None
    head_text = text[:split]
    try:
        head = loads(head_text, explain=False, standard_zones=False)  # the reader gives what it keeps tomllib's zones, as read_session's
    except (TomlSyntaxError, RecursionError, ValueError):
        return _whole(path, text, raw), None  # split inside a string, or a broken head: one careful read
    if not own_writing:
        tail_keys = _tail_keys(text, split)
        if tail_keys is None or not tail_keys.isdisjoint(head):
            return _whole(path, text, raw), None
    try:
        session = session_from_document(TomlDocument(path, head_text, head, raw))
    except FindingsError:
        return _whole(path, text, raw), None  # the full read reports every problem, the tail's too
    return session, SessionTail(path, text, raw, head, split)


def _split_at(text: str) -> int | None:
    """Where the tail starts: the first line that is exactly ``[[stories]]`` (None: no such line, or it is the first)."""
    found = text.find(SPLIT)
    return None if found < 0 else found + 1


def _tail_keys(text: str, split: int) -> set[str] | None:
    """The top-level keys the tail's table headers may name, all in :data:`DEFERRED` (None: one may not be)."""
    keys = {"stories"}
    for pattern in _HEADER_LINES:
        for line in pattern.finditer(text, split - 1):
            found = _FIRST_KEY.match(text, line.start() + 1)
            name = next((group for group in found.groups() if group), "") if found else ""
            if name not in DEFERRED:
                return None
            keys.add(name)
    return keys


def _joined(head: dict[str, Any], pieces: list[dict[str, Any]] | None) -> dict[str, Any] | None:
    """The data of the whole text from the head's and the pieces' (None unless only stories repeat)."""
    if pieces is None:
        return None
    data = dict(head)
    stories: list[Any] = []
    for piece in pieces:
        for key, value in piece.items():
            if key == "stories":
                if type(value) is not list:
                    return None
                data.setdefault(key, stories)
                stories.extend(value)
            elif key in data or key not in DEFERRED:
                return None
            else:
                data[key] = value
    return data


def _whole(path: Path, text: str, raw: bytes) -> Session:
    """The session read from the whole text at once (the exact result, or the exact error)."""
    try:
        data = loads(text, standard_zones=False)
    except TomlSyntaxError as exc:
        raise FindingsError([syntax_finding(str(path), str(exc), text)]) from None
    except RecursionError:
        raise FindingsError([too_deep_finding(str(path), text)]) from None
    return session_from_document(TomlDocument(path, text, data, raw))
