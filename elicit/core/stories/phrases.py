"""Finding listed words and phrases in a text, word by word (fast enough for every keystroke)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’/-][A-Za-z0-9]+)*")


class Word(NamedTuple):
    """A word of a text: lower case, with where it starts and ends (a named tuple: made a few thousand times per
    backlog, three times faster than a frozen dataclass, and as immutable)."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class PhraseHit:
    """A listed phrase found at words ``first`` to ``last`` (inclusive)."""

    phrase: str
    first: int
    last: int


_NEW = tuple.__new__
_TEXT = itemgetter(0)
"""A word's text (``Word.text``), for ``map``."""


def words(text: str) -> list[Word]:
    """The words of ``text``; hyphens, slashes and apostrophes inside a word keep it whole."""
    return list(_words(text))


@functools.lru_cache(maxsize=256)
def _words(text: str) -> tuple[Word, ...]:
    """:func:`words`, remembered: several checks look at the words of one goal in turn (words are frozen, so shared)."""
    if text.isascii():  # lower case keeps every offset of an ASCII text, so the words are read off it directly
        # tuple.__new__: the named tuple made in C, without the Python-level __new__ the class call runs
        return tuple([_NEW(Word, (found.group(), *found.span())) for found in _WORD.finditer(text.lower())])
    return tuple([Word(found.group().lower().replace("’", "'"), *found.span()) for found in _WORD.finditer(text)])


def word_set(text: str) -> frozenset[str]:
    """The words of a space-separated list (a readable way to write a long word list)."""
    return frozenset(text.split())


def phrase_key(phrase: str) -> tuple[str, ...]:
    """A phrase as the words it matches."""
    return tuple(word.text for word in words(phrase))


class PhraseIndex:
    """A set of phrases, matched on whole words, longest first."""

    def __init__(self, phrases: Iterable[str]):
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        self._names: dict[tuple[str, ...], str] = {}
        for phrase in phrases:
            key = phrase_key(phrase)
            if not key or key in self._names:
                continue
            self._names[key] = " ".join(key)
            self._by_first.setdefault(key[0], []).append(key)
        for keys in self._by_first.values():
            keys.sort(key=len, reverse=True)

    def __bool__(self) -> bool:
        return bool(self._names)

    def find(self, text_words: list[Word], split_slashes: bool = True) -> list[PhraseHit]:
        """Every listed phrase in the words, left to right, without overlaps.

        With ``split_slashes``, a word such as ``easy/fast`` that is not listed
        itself is also looked at part by part.
        """
        hits: list[PhraseHit] = []
        tokens = list(map(_TEXT, text_words))
        by_first = self._by_first
        if by_first.keys().isdisjoint(tokens) and not (split_slashes and "/" in "".join(tokens)):
            return hits  # most goals: no word starts a listed phrase (nor a slash splits one)
        i = 0
        while i < len(tokens):
            hit = self._match(tokens, i) if tokens[i] in by_first else None
            if hit is not None:
                hits.append(hit)
                i = hit.last + 1
                continue
            if split_slashes and "/" in tokens[i]:
                for part in tokens[i].split("/"):
                    if (part,) in self._names:
                        hits.append(PhraseHit(part, i, i))
            i += 1
        return hits

    def _match(self, tokens: list[str], i: int) -> PhraseHit | None:
        for key in self._by_first[tokens[i]]:
            if tuple(tokens[i : i + len(key)]) == key:
                return PhraseHit(self._names[key], i, i + len(key) - 1)
        return None
