"""Validated banks kept between runs: each version of a bank file is parsed and validated once (issue 18).

Loading a bank of 500 questions takes about 12 ms (parsing 4, validating 8),
and every command that opens a session does it again for a bank that has
not changed since the last one: ``elicit answer`` is run once per answer.
A bank that loads without a finding is kept in the user's cache folder,
under a key made of

- the file's bytes and its path (a bank without an ``id`` takes its file's name),
- elicit's version, Python's, and the size and time of every module in the
  folders that turn a file into a bank (:data:`CODE_FOLDERS`: a changed or
  moved module is another loader, so nothing cached by the old one is used),

and the next load of the same bytes through the same code reads it back
instead (about 2 ms). It is correct by construction: the key changes with
anything that could change the result, and what comes back is what the
loader made. A bank that includes another is never kept (what an include
finds depends on other files); a bank with findings is never kept, so every
problem is reported as before, with its file and line.

The folder is a cache: an entry that is unreadable, cut short, corrupted
(its payload carries its own digest) or of another format is ignored and
written again; when the folder cannot be written, banks are loaded as if
there were no cache. Deleting the folder at any time is safe. It holds at
most :data:`KEEP` entries (the oldest go first). An entry is marshal data of
plain values (strings, numbers, tuples: reading it runs no code); its digest
guards against a damaged file, not against someone who can already write the
user's own files.
"""

from __future__ import annotations

import marshal
import os
import sys
from dataclasses import fields
from pathlib import Path
from typing import Any

from elicit.core.banks.conditions import Answered, BoolOp, Compare, Condition, Literal, Name, Not
from elicit.core.banks.models import Bank, Question, Section, StoryHint
from elicit.core.files.cache_file import replace_quietly
from elicit.core.files.digest import fingerprint

FORMAT = b"elicit-bank-cache 1\n"
KEEP = 64
"""The most entries the folder holds (each a few hundred kilobytes at most)."""

CODE_FOLDERS = ("core", "core/banks", "core/files")
"""The folders (inside the ``elicit`` package) of every module the loader runs; a test checks that none is missing."""

_PACKAGE = Path(__file__).resolve().parent.parent.parent
_SUFFIX = ".bank"


def _code() -> str | None:
    """This elicit's loader: versions and the state of every module that can change a loaded bank (None: cannot tell)."""
    from elicit import __version__

    parts = [__version__, sys.version, str(marshal.version)]
    try:
        for folder in CODE_FOLDERS:
            with os.scandir(_PACKAGE / folder) as found:
                for entry in sorted(found, key=lambda item: item.name):
                    if entry.name.endswith(".py"):
                        status = entry.stat()
                        parts.append(f"{folder}/{entry.name}:{status.st_size}:{status.st_mtime_ns}")
    except OSError:
        return None
    return "\n".join(parts)


_code_state: list[str | None] = []


def _key(path: Path, raw: bytes) -> str | None:
    if not _code_state:
        _code_state.append(_code())
    code = _code_state[0]
    if code is None:
        return None
    return fingerprint(b"\0".join((code.encode(), os.fsencode(path.resolve()), raw)))


def _folder() -> Path:
    from elicit.core.paths import cache_dir

    return cache_dir() / "banks"


def load(path: Path, raw: bytes) -> Bank | None:
    """The bank that loading ``raw`` (the bytes of ``path``) gave before, or None when there is none to trust."""
    key = _key(path, raw)
    if key is None:
        return None
    try:
        data = (_folder() / (key + _SUFFIX)).read_bytes()
    except (OSError, ValueError):
        return None
    head = len(FORMAT)
    digest, payload = data[head : head + 32], data[head + 33 :]
    if not data.startswith(FORMAT) or data[head + 32 : head + 33] != b"\n" or digest != fingerprint(payload).encode():
        return None
    try:
        return _bank(marshal.loads(payload), path)
    except (ValueError, TypeError, EOFError, IndexError, KeyError, AttributeError):
        return None


def store(path: Path, raw: bytes, bank: Bank) -> None:
    """Keep ``bank``, loaded without findings from ``raw`` (the bytes of ``path``); quietly nothing where that cannot be done."""
    key = _key(path, raw)
    if key is None:
        return
    try:
        payload = marshal.dumps(_plain_bank(bank))
    except ValueError:  # a value marshal cannot keep
        return
    folder = _folder()
    if replace_quietly(folder / (key + _SUFFIX), FORMAT + fingerprint(payload).encode() + b"\n" + payload):
        _prune(folder)


def cacheable(data: dict[str, Any]) -> bool:
    """Whether a bank document may be kept: none of its sections is an ``include`` (what that finds depends on other files)."""
    sections = data.get("sections")
    return isinstance(sections, list) and not any(isinstance(section, dict) and "include" in section for section in sections)


def _prune(folder: Path) -> None:
    try:
        with os.scandir(folder) as found:
            entries = [(entry.stat().st_mtime_ns, entry.path) for entry in found if entry.name.endswith(_SUFFIX)]
        for _, old in sorted(entries)[: max(0, len(entries) - KEEP)]:
            os.unlink(old)
    except OSError:
        pass


# A bank as plain values (what marshal keeps) and back ----------------------------------
# Every field of the models is carried, by name: a field added to them is kept with no change here (marshal refuses
# a value it cannot keep, and then the bank is simply not cached).

_BANK = tuple(item.name for item in fields(Bank))
_SECTION = tuple(item.name for item in fields(Section))
_QUESTION = tuple(item.name for item in fields(Question))


def _plain_bank(bank: Bank) -> tuple[Any, ...]:
    plain = {name: getattr(bank, name) for name in _BANK}
    plain["path"] = None  # the path the bank is loaded from is given again
    plain["sections"] = tuple(_plain_section(section) for section in bank.sections)
    return tuple(plain[name] for name in _BANK)


def _plain_section(section: Section) -> tuple[Any, ...]:
    plain = {name: getattr(section, name) for name in _SECTION}
    plain["questions"] = tuple(_plain_question(question) for question in section.questions)
    return tuple(plain[name] for name in _SECTION)


def _plain_question(question: Question) -> tuple[Any, ...]:
    plain = {name: getattr(question, name) for name in _QUESTION}
    if question.condition is not None:
        plain["condition"] = (question.condition.source, _plain_node(question.condition.tree))
    if question.story is not None:
        plain["story"] = (question.story.role, question.story.want, question.story.so_that)
    return tuple(plain[name] for name in _QUESTION)


def _plain_node(node: Any) -> tuple[Any, ...]:
    if isinstance(node, Name):
        return ("name", node.id, node.position)
    if isinstance(node, Literal):
        return ("literal", node.value)
    if isinstance(node, Answered):
        return ("answered", node.name.id, node.name.position, node.negate)
    if isinstance(node, Compare):
        return ("compare", _plain_node(node.left), node.op, _plain_node(node.right))
    if isinstance(node, Not):
        return ("not", _plain_node(node.operand))
    if isinstance(node, BoolOp):
        return ("bool", node.op, tuple(_plain_node(operand) for operand in node.operands))
    raise ValueError(f"not a condition node: {type(node).__name__}")


def _fields_of(plain: Any, names: tuple[str, ...]) -> list[Any]:
    if type(plain) is not tuple or len(plain) != len(names):
        raise ValueError("not an entry of this format")
    return list(plain)


_PATH, _SECTIONS = _BANK.index("path"), _BANK.index("sections")
_QUESTIONS = _SECTION.index("questions")
_CONDITION, _STORY = _QUESTION.index("condition"), _QUESTION.index("story")
# Every field of the three models is an __init__ argument in this order (a test reads back every kind of value).


def _bank(plain: Any, path: Path) -> Bank:
    values = _fields_of(plain, _BANK)
    values[_PATH] = path
    values[_SECTIONS] = [_section(section) for section in values[_SECTIONS]]
    return Bank(*values)


def _section(plain: Any) -> Section:
    values = _fields_of(plain, _SECTION)
    values[_QUESTIONS] = [_question(question) for question in values[_QUESTIONS]]
    return Section(*values)


def _question(plain: Any) -> Question:
    values = _fields_of(plain, _QUESTION)
    condition, story = values[_CONDITION], values[_STORY]
    if condition is not None:
        values[_CONDITION] = Condition(condition[0], _node(condition[1]))
    if story is not None:
        values[_STORY] = StoryHint(*story)
    return Question(*values)


def _node(plain: Any) -> Any:
    kind = plain[0]
    if kind == "name":
        return Name(plain[1], plain[2])
    if kind == "literal":
        return Literal(plain[1])
    if kind == "answered":
        return Answered(Name(plain[1], plain[2]), plain[3])
    if kind == "compare":
        return Compare(_node(plain[1]), plain[2], _node(plain[3]))
    if kind == "not":
        return Not(_node(plain[1]))
    if kind == "bool":
        return BoolOp(plain[1], tuple(_node(operand) for operand in plain[2]))
    raise ValueError(f"not a condition node: {kind!r}")
