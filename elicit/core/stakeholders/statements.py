"""When two short statements (two decisions, say) cannot both hold.

A statement is a sentence such as "Reminders go by SMS only for the first
release". Two statements contradict by one of three rules, each about their
words alone (never about where they were typed):

- **refusal**: the same words once the words of refusal are set aside ("not",
  "never", "no", "no longer", "must not", "won't", "cannot" ...), one of the
  two refusing and the other not: "We take deposits" / "We never take
  deposits". A word and its opposite ("before"/"after", "online"/"offline",
  "include"/"exclude") refuse too: "Go live before May" / "Go live after May".
  "Not have to" and "no need to" are relief from a duty, not a refusal.
- **another number**: the same words but one number: "Orders close at 2 pm" /
  "Orders close at 5 pm".
- **another date**: the same words but one date, wherever it stands, the two
  dates not one ("Go live on 1 March" / "Go live on 15 April"; "Due by the
  end of March" / "Due by the end of June"; "1 March" / "2027-04-15"). A date
  is one word however it is written (``dates``); "March" and "1 March" can be
  one date, and days of the week are no dates ("on Mondays" / "on Fridays").
- **the only one**: the same words up to one thing (or from one thing on), which
  one statement says is the only one ("by SMS only", "only by SMS", "only staff")
  and the other replaces with another ("by email", "patients"); or which both put
  first with different things ("by SMS first" / "by email first"). "By SMS" / "by email" with neither saying "only"
  contradict nothing: both can be done.

Words are compared as the story lint compares them: lower case, articles and
small words aside, spellings of one word ("colour"/"color") as one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from elicit.core.stakeholders.dates import DATE_MARK, Date, dated_words, dates_differ, read_date
from elicit.core.stories import LIGHT_WORDS, skeleton

_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|[a-z]+(?:[-'][a-z]+)*")
_NEGATIONS = frozenset(
    [
        "not",
        "never",
        "no",
        "don't",
        "doesn't",
        "didn't",
        "won't",
        "wouldn't",
        "can't",
        "cannot",
        "couldn't",
        "mustn't",
        "shouldn't",
        "shan't",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
    ]
)
_RELIEF_AFTER = frozenset({"have", "has", "need", "needs"})
"""A refusal followed by one of these ("never have to", "not need to") is relief from a duty."""
_AUXILIARIES = frozenset(
    [
        "will",
        "shall",
        "must",
        "should",
        "would",
        "may",
        "might",
        "do",
        "does",
        "did",
        "is",
        "are",
        "was",
        "were",
        "been",
        "being",
        "always",
        "we",
        "they",
        "i",
        "you",
    ]
)
_EXCLUSIVE = frozenset({"only", "alone", "solely", "exclusively"})
_FIRST = frozenset({"first", "primarily", "mainly"})
_OPPOSITES = {
    "after": "before",
    "later": "earlier",
    "offline": "online",
    "exclude": "include",
    "excluded": "included",
    "excludes": "includes",
    "disallow": "allow",
    "forbid": "allow",
    "forbidden": "allowed",
    "optional": "required",
    "manual": "automatic",
    "manually": "automatically",
    "closes": "opens",
    "decrease": "increase",
    "less": "more",
    "fewer": "more",
    "hide": "show",
    "hidden": "shown",
    "private": "public",
}
"""A word -> its opposite, which it stands for with the sense turned round."""
_ARTICLES = frozenset({"a", "an", "the"})


@dataclass(frozen=True)
class Statement:
    """A statement's words as the rules read them."""

    words: tuple[str, ...]
    """Every word but articles, auxiliaries, the words of refusal and the marks (only, first), opposites turned
    round, each as its skeleton (one for every spelling)."""
    light: frozenset[int]
    """Positions in ``words`` of small words ("by", "for", "to" ...)."""
    refusing: bool
    only: frozenset[int] = frozenset()
    """Positions in ``words`` said to be the only one."""
    first: frozenset[int] = frozenset()
    """Positions in ``words`` put first."""
    relief: bool = False

    @property
    def content(self) -> tuple[str, ...]:
        """The words that carry the meaning (``words`` without the small ones)."""
        return tuple(word for position, word in enumerate(self.words) if position not in self.light)

    def is_content(self, position: int) -> bool:
        return position not in self.light

    def backwards(self) -> Statement:
        """The same statement read from its end (so that a shared end counts as a shared start)."""
        last = len(self.words) - 1

        def turned(positions: frozenset[int]) -> frozenset[int]:
            return frozenset(last - position for position in positions)

        return Statement(self.words[::-1], turned(self.light), self.refusing, turned(self.only), turned(self.first), self.relief)


@dataclass
class _Reader:
    """A statement read word by word (see :func:`read_statement`)."""

    words: list[str] = field(default_factory=list)
    light: set[int] = field(default_factory=set)
    refusals: int = 0
    relief: bool = False
    only: set[int] = field(default_factory=set)
    first: set[int] = field(default_factory=set)
    pending_only: bool = False
    """An "only" before what it names: it marks the run of words after it."""
    only_run: bool = False

    def mark(self, token: str, previous: str, following: str) -> bool:
        """Take in a word of refusal or a mark (only, first); False for any other word."""
        if token in _NEGATIONS or (token == "no" and following == "longer"):
            self.refusals += 1
            self.relief = self.relief or following in _RELIEF_AFTER
            return True
        if token == "longer" and previous == "no":
            return True
        last_is_content = bool(self.words) and len(self.words) - 1 not in self.light
        if token in _EXCLUSIVE:
            if last_is_content and _only_before(self.words, self.light, following):
                self.only.update(_run_before(self.words, self.light))
            else:
                self.pending_only = True
            return True
        if token in _FIRST and last_is_content and (not following or following in LIGHT_WORDS):
            self.first.add(len(self.words) - 1)
            return True
        return token in _AUXILIARIES

    def add(self, token: str) -> None:
        if token in _OPPOSITES:
            self.refusals += 1
            token = _OPPOSITES[token]
        if token in LIGHT_WORDS:
            self.light.add(len(self.words))
            self.pending_only = self.pending_only and not self.only_run
            self.only_run = False
        elif self.pending_only:
            self.only.add(len(self.words))
            self.only_run = True
        self.words.append(token if token[0].isdigit() else skeleton(token))


@lru_cache(maxsize=4096)
def read_statement(text: str) -> Statement:
    """The statement in ``text`` as the contradiction rules read it."""
    tokens = [token for token in dated_words(text.lower().replace("\u2019", "'"), _TOKEN) if token not in _ARTICLES]
    reader = _Reader()
    for index, token in enumerate(tokens):
        previous = tokens[index - 1] if index else ""
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if not reader.mark(token, previous, following):
            reader.add(token)
    return Statement(
        tuple(reader.words),
        frozenset(reader.light),
        reader.refusals % 2 == 1,
        frozenset(reader.only),
        frozenset(reader.first),
        reader.relief,
    )


def _only_before(words: list[str], light: set[int], following: str) -> bool:
    """Whether an "only" names the words before it ("by SMS only", "text message only") rather than after ("go only by SMS")."""
    return not following or following not in LIGHT_WORDS or len(words) < 2 or len(words) - 2 in light


def _run_before(words: list[str], light: set[int]) -> list[int]:
    """The positions of the words since the last small word ("text message" in "by text message")."""
    start = len(words)
    while start and start - 1 not in light:
        start -= 1
    return list(range(start, len(words)))


def contradiction(first: str, second: str) -> str:
    """Why two statements cannot both hold ("refusal", "number", "date", "only"), or "" when they can."""
    a, b = read_statement(first), read_statement(second)
    if a.relief or b.relief or not a.content or not b.content:
        return ""
    if a.content == b.content:
        return "refusal" if a.refusing != b.refusing else ""
    if a.refusing != b.refusing:
        return ""
    if _one_number_apart(a.content, b.content):
        return "number"
    if _one_date_apart(a.content, b.content):
        return "date"
    if any(_only_one(x, y) for x, y in ((a, b), (b, a), (a.backwards(), b.backwards()), (b.backwards(), a.backwards()))):
        return "only"
    return ""


def _one_number_apart(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    if len(first) != len(second):
        return False
    differ = [(x, y) for x, y in zip(first, second, strict=True) if x != y]
    return len(differ) == 1 and all(word[0].isdigit() for word in differ[0]) and _number(differ[0][0]) != _number(differ[0][1])


def _one_date_apart(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """One date each that cannot be the same date, and the same other words, wherever the date stands ("Go live on
    1 March" / "On 15 April we go live"): a date is one thing decided, as a number is."""
    mine, theirs = _the_date(first), _the_date(second)
    if mine is None or theirs is None or not dates_differ(mine, theirs):
        return False
    rest = [word for word in first if not word.startswith(DATE_MARK)]
    return bool(rest) and rest == [word for word in second if not word.startswith(DATE_MARK)]


def _the_date(words: tuple[str, ...]) -> Date | None:
    """The date of a statement with exactly one."""
    dates = [read_date(word) for word in words if word.startswith(DATE_MARK)]
    return dates[0] if len(dates) == 1 else None


def _number(word: str) -> str:
    return word.replace(",", "")


def _only_one(a: Statement, b: Statement) -> bool:
    """The same words up to a thing ``a`` says is the only one (or both put first), where ``b`` has another thing."""
    shared = 0
    while shared < min(len(a.words), len(b.words)) and a.words[shared] == b.words[shared]:
        shared += 1
    if shared >= min(len(a.words), len(b.words)):
        return False
    if not any(a.is_content(position) and len(a.words[position]) >= 3 for position in range(shared)):
        return False  # no common subject ("by ..." alone says nothing of what goes)
    mine, theirs = a.words[shared], b.words[shared]
    if not (a.is_content(shared) and b.is_content(shared)) or mine in b.content or theirs in a.content:
        return False
    return shared in a.only or (shared in a.first and shared in b.first)


_CLAUSE_END = re.compile(r"(?:(?<!\d)[.:]|[.:](?!\d)|[;!?\n])+|,\s+|\s+(?:but|while|whereas)\s+")


def clauses(text: str) -> list[str]:
    """A free text's sentences and the clauses between their commas, for comparing statement by statement."""
    return [part.strip() for part in _CLAUSE_END.split(text) if part.strip()]


_QUESTION_WORDS = frozenset(
    [
        "what",
        "which",
        "when",
        "where",
        "whom",
        "whose",
        "there",
        "much",
        "many",
        "each",
        "every",
        "your",
        "yours",
        "does",
        "from",
        "into",
        "about",
    ]
)


def topic_words(text: str) -> frozenset[str]:
    """The words of four letters or more that say what ``text`` is about (no small words, no question words), as skeletons."""
    tokens = _TOKEN.findall(text.lower().replace("\u2019", "'"))
    return frozenset(
        skeleton(token)
        for token in tokens
        if len(token) >= 4 and token not in LIGHT_WORDS and token not in _AUXILIARIES and token not in _QUESTION_WORDS
    )


def shares_topic(first: str, second: str) -> bool:
    """Whether two texts name one thing in common (a decision and the question it was taken on, say)."""
    return bool(topic_words(first) & topic_words(second))
