"""When two stories say the same thing: the same words, or words that differ only in small ways.

Two stories are *the same* when their words match, ignoring case, spacing,
punctuation and articles; *near the same* when the only differences are small
words ("to", "my", "also" ...) or spelling variants ("colour"/"color",
"todays"/"today's"). Another role, another object, another number or another
prefix ("import"/"export") makes another story.

The lint's duplicate checks use this, and so can anything that groups stories
(across interviews, for example)::

    index = SimilarityIndex()
    for story in stories:
        match = index.match(story)        # (earlier key, differences) or None
        index.add(story, story.id)

Finding the earlier match is close to linear in the number of stories: a story
is compared only with earlier stories whose content words (the words that are
not small words) have the same skeletons (:func:`skeleton`), in the same order,
which a near duplicate must have. See :data:`SimilarityIndex.comparisons`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import filterfalse, groupby
from operator import itemgetter
from typing import Generic, NamedTuple, Protocol, TypeVar

from elicit.core.stories.phrases import word_set

LIGHT_WORDS = word_set(
    "a an the to be able i we my our your their its it of for in on at by with want wants would like can could need have has "
    "also just really please all any that this so then as"
)
"""Small words: two stories that differ only in these (or in spelling) say the same thing."""

_TOKEN = re.compile(r"[a-z0-9]+")
_NOT_IN_A_TOKEN = bytes(byte if 0x30 <= byte <= 0x39 or 0x61 <= byte <= 0x7A else 0x20 for byte in range(256))
"""A translation of UTF-8 bytes keeping those of ``_TOKEN`` (digits, a-z) and making every other byte a space."""
_ARTICLES = frozenset({"a", "an", "the"})
_MIN_CONTENT = 3
"""A story needs this many distinct content words to be judged a near duplicate (fewer: too little to go on)."""


class StoryLike(Protocol):
    """The parts of a story that decide whether two stories are the same."""

    @property
    def role(self) -> str: ...
    @property
    def want(self) -> str: ...
    @property
    def so_that(self) -> str: ...


def story_words(story: StoryLike) -> tuple[str, ...]:
    """The words of a story's role, goal and benefit: lower case, no punctuation, no articles."""
    return _key(story.role, story.want, story.so_that).tokens


class _Key(NamedTuple):
    """What the index compares of a story, worked out once per text (a backlog's story is added, then matched)."""

    tokens: tuple[str, ...]  # story_words
    content: tuple[str, ...]  # the tokens that are not small words
    distinct: int  # how many distinct content words
    block: tuple[str, ...]  # the skeletons of the content words: what a near duplicate shares


@lru_cache(maxsize=4096)
def _key(role: str, want: str, so_that: str) -> _Key:
    text = f"{role} | {want} | {so_that}".lower().replace("'", "").replace("’", "")
    tokens = tuple(filterfalse(_ARTICLES.__contains__, _tokens(text)))
    content = tuple(filterfalse(LIGHT_WORDS.__contains__, tokens))  # _content
    return _NEW(_Key, (tokens, content, len(set(content)), tuple(map(skeleton, content))))  # _block; the tuple made in C


_NEW = tuple.__new__


def _tokens(text: str) -> list[str]:
    """``_TOKEN.findall(text)``, in C: in UTF-8 a digit or a-z is one byte of its own and every byte of any other
    character is 0x80 or above, so the runs of those bytes, once every other byte is a space, are the tokens (the
    search cost about 30,000 instructions a story, this about a tenth)."""
    return text.encode("utf-8", "surrogatepass").translate(_NOT_IN_A_TOKEN).decode("ascii").split()


def same_story(first: StoryLike, second: StoryLike) -> str | None:
    """How ``second`` differs from ``first`` when they say the same thing, or None when they do not.

    "" means the same words; otherwise the small differences, such as
    "'todays'/'today's', 'lists'/'list'" or "'also'".
    """
    return _compare(story_words(first), story_words(second))


def _compare(first: tuple[str, ...], second: tuple[str, ...]) -> str | None:
    if first == second:
        return ""
    content, other = _content(first), _content(second)
    if len(set(content)) < _MIN_CONTENT or _block(content) != _block(other):
        return None
    if len(set(content) & set(other)) < max(len(set(content)), len(set(other))) - 2:
        return None  # at most two content words may differ
    return minor_differences(first, second)


def _content(tokens: Sequence[str]) -> tuple[str, ...]:
    return tuple(filterfalse(LIGHT_WORDS.__contains__, tokens))


def _block(content: Sequence[str]) -> tuple[str, ...]:
    """What two near duplicates share: the skeleton of each content word, in order."""
    return tuple(map(skeleton, content))


_NO_VOWELS = str.maketrans("", "", "aeiouy")


@lru_cache(maxsize=16384)
def skeleton(word: str) -> str:
    """What spellings of one word share: first letter, then consonants, single, with z as s and c as s, no final s.

    "colour"/"color", "organise"/"organize", "catalogue"/"catalog", "licence"/"license",
    "lists"/"list" share one; a word with a digit or of fewer than 4 letters is its own skeleton.
    """
    if len(word) < 4 or not word.isalpha():
        return word
    stem = word[:-1] if word.endswith("s") else word
    if word.isascii():  # one translation of the bytes: the vowels deleted, z and c made s (the same letters as below)
        rest = stem[1:].encode("ascii").translate(_Z_C_AS_S, b"aeiouy").decode("ascii")
    else:
        rest = stem[1:].translate(_NO_VOWELS).replace("z", "s").replace("c", "s")
    return "".join(map(_FIRST, groupby(stem[0] + rest)))  # each run of one letter as one


_FIRST = itemgetter(0)
_Z_C_AS_S = bytes.maketrans(b"zc", b"ss")


def minor_differences(first: Sequence[str], second: Sequence[str]) -> str | None:
    """The differing words when they are only small words or spelling variants; None otherwise."""
    import difflib  # only when two stories share their content words: most runs of the lint never compare any

    changed: list[str] = []
    matcher = difflib.SequenceMatcher(None, first, second, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        old, new = list(first[a1:a2]), list(second[b1:b2])
        if op == "replace" and len(old) == len(new):
            for a, b in zip(old, new, strict=True):
                if not (a in LIGHT_WORDS and b in LIGHT_WORDS) and not spelling_variant(a, b):
                    return None
                changed.append(f"'{a}'/'{b}'")
            continue
        for word in old + new:
            if word not in LIGHT_WORDS:
                return None
            changed.append(f"'{word}'")
    return ", ".join(changed[:4]) if changed else "punctuation"


def spelling_variant(a: str, b: str) -> bool:
    """Whether two words are spellings of one word ("colour"/"color"), not two words ("import"/"export")."""
    if min(len(a), len(b)) < 4 or skeleton(a) != skeleton(b):
        return False
    suffix = len(os.path.commonprefix([a[::-1], b[::-1]]))
    if suffix and len(a) - suffix <= 4 and len(b) - suffix <= 4:
        return False  # another prefix: "import"/"export", "encrypted"/"decrypted", "able"/"disable"
    import difflib

    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.75


K = TypeVar("K", bound=Hashable)


@dataclass
class SimilarityIndex(Generic[K]):
    """Stories added one by one, so that a story's earlier duplicate is found without comparing every pair."""

    comparisons: int = 0
    """How many pairs were compared word by word so far (tests use it to show the work grows linearly)."""
    _exact: dict[tuple[str, ...], tuple[int, K]] = field(default_factory=dict)
    # block -> content words -> the first story with those content words: (position, words, key)
    _blocks: dict[tuple[str, ...], dict[tuple[str, ...], tuple[int, tuple[str, ...], K]]] = field(default_factory=dict)
    _count: int = 0

    def __len__(self) -> int:
        return self._count

    def add(self, story: StoryLike, key: K) -> int:
        """Remember a story under ``key`` (an id, an index); returns its position (0, 1, ...)."""
        position = self._count
        self._count += 1
        tokens, content, distinct, block = _key(story.role, story.want, story.so_that)
        self._exact.setdefault(tokens, (position, key))
        if distinct >= _MIN_CONTENT:
            # Stories with the same content words differ only in small words: the first one stands for all.
            self._blocks.setdefault(block, {}).setdefault(content, (position, tokens, key))
        return position

    def match(self, story: StoryLike, before: int | None = None) -> tuple[K, str] | None:
        """The earliest story added (before position ``before``, when given) that ``story`` repeats, with the differences.

        The differences are "" for the same words (a duplicate), otherwise as :func:`same_story` gives them.
        """
        limit = self._count if before is None else before
        tokens, _content_words, distinct, block = _key(story.role, story.want, story.so_that)
        exact = self._exact.get(tokens)
        if exact is not None and exact[0] < limit:
            return exact[1], ""
        if distinct < _MIN_CONTENT:
            return None
        # In the order they were first added, so the first match is the earliest story.
        for position, other, key in self._blocks.get(block, {}).values():
            if position >= limit:
                break
            self.comparisons += 1
            differences = _compare(other, tokens)
            if differences is not None:
                return key, differences
        return None


def duplicate_groups(stories: Sequence[StoryLike]) -> list[list[int]]:
    """Indexes of the stories that say the same thing, grouped (groups of two or more, in order of first story)."""
    index: SimilarityIndex[int] = SimilarityIndex()
    group_of: dict[int, int] = {}
    groups: list[list[int]] = []
    for position, story in enumerate(stories):
        match = index.match(story)
        index.add(story, position)
        if match is None:
            continue
        earlier = match[0]
        if earlier not in group_of:
            group_of[earlier] = len(groups)
            groups.append([earlier])
        group_of[position] = group_of[earlier]
        groups[group_of[earlier]].append(position)
    return groups
