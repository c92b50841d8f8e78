"""Which English words can be verbs, nouns or adjectives, and a verb's base form: from lemminflect's lexicon.

The lint needs to know whether a word of a story can be a verb ("archive",
"sort", "attend") without anyone listing verbs by hand. lemminflect (on PyPI)
ships an English lexicon derived from the AGID and SPECIALIST word lists inside
its package: ``resources/lemma_lu.csv.gz``, one ``word,category,lemma[/lemma]``
line per word and part of speech, sorted by word. Nothing is downloaded.

Importing lemminflect itself costs a tenth of a second (it loads numpy), and
turning its 80,000 lines into dictionaries as long again, which the start-up
of ``elicit lint`` cannot afford. So this module reads the file directly, keeps
the decompressed text as it is, and looks a word up by binary search in the
sorted text (about 20 µs the first time, a dictionary hit after that)::

    lexicon().parts("archive")      # frozenset({"noun", "verb"})
    lexicon().verb_base("displayed")  # "display"
"""

from __future__ import annotations

import importlib.util
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from elicit.core.findings import ElicitError

PACKAGE = "lemminflect"
DATA_FILE = Path("resources") / "lemma_lu.csv.gz"


@dataclass(frozen=True)
class Entry:
    """What the lexicon says of one word: its parts of speech and, when it can be a verb, the verb's base forms."""

    parts: frozenset[str]
    verb_bases: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.parts)


_UNKNOWN = Entry(frozenset())
VERB_PREFIXES = ("un", "re", "de", "dis", "pre", "co", "auto", "mis", "over", "under", "sub", "cross", "up", "bulk", "batch")
"""A word the lexicon lacks that is one of these plus a verb is that kind of verb ("unsubscribe", "resubmit", "upvote")."""


VERB_SUFFIXES = ("ize", "ise", "ify")
"""A word the lexicon lacks that ends so is a verb ("operationalize", "containerise"); known words ("expertise")
are looked up first."""


def _suffixed_verb(word: str) -> Entry:
    if len(word) >= 7 and word.endswith(VERB_SUFFIXES) and word.isalpha():
        return Entry(frozenset({"verb"}), (word,))
    return _UNKNOWN


@dataclass
class Lexicon:
    """A sorted ``word,category,forms`` text, looked up by binary search."""

    text: str
    _seen: dict[str, Entry] = field(default_factory=dict)

    def entry(self, word: str) -> Entry:
        """The entry of a lower-case word (no parts of speech when the lexicon does not know it)."""
        found = self._seen.get(word)
        if found is None:
            found = self._look_up(word) or self._prefixed_verb(word) or _suffixed_verb(word)
            self._seen[word] = found
        return found

    def _prefixed_verb(self, word: str) -> Entry:
        for prefix in VERB_PREFIXES:
            rest = word[len(prefix) :].lstrip("-")
            if word.startswith(prefix) and len(rest) >= 3 and rest in self._look_up(rest).verb_bases:
                return Entry(frozenset({"verb"}), (word,))
        return _UNKNOWN

    # The three questions the checks ask, thousands of times a backlog: the remembered entry first (one call less).

    def parts(self, word: str) -> frozenset[str]:
        """The parts of speech a word can be: "noun", "verb", "adj", "adv", "aux"."""
        found = self._seen.get(word)
        return (found if found is not None else self.entry(word)).parts

    def verb_base(self, word: str) -> str | None:
        """The base form of the verb a word is a form of ("displayed" -> "display"), or None when it is no verb."""
        found = self._seen.get(word)
        bases = (found if found is not None else self.entry(word)).verb_bases
        return bases[0] if bases else None

    def is_base_verb(self, word: str) -> bool:
        """Whether the word is the base form of a verb ("archive", not "archives" or "archived")."""
        found = self._seen.get(word)
        return word in (found if found is not None else self.entry(word)).verb_bases

    def _look_up(self, word: str) -> Entry:
        if not word or "," in word or "\n" in word:
            return _UNKNOWN
        start = self._first_line_not_before(word)
        parts: set[str] = set()
        verb_bases: tuple[str, ...] = ()
        prefix = word + ","
        while self.text.startswith(prefix, start):
            end = self.text.find("\n", start)
            end = len(self.text) if end == -1 else end
            _word, category, forms = self.text[start:end].split(",", 2)
            parts.add(category)
            if category == "verb":
                verb_bases = tuple(forms.split("/"))
            start = end + 1
        return Entry(frozenset(parts), verb_bases) if parts else _UNKNOWN

    def _first_line_not_before(self, word: str) -> int:
        """Where the first line whose word sorts at or after ``word`` starts.

        A binary search over the text's offsets: at each step, the line that starts at or after the middle offset.
        Written out in one loop (:meth:`_line_start_from` and :meth:`_word_at` inline): it runs some twenty steps
        for each new word of a backlog."""
        text = self.text
        size = len(text)
        find = text.find
        low, high = 0, size
        while low < high:
            middle = (low + high) // 2
            if middle:
                newline = find("\n", middle - 1)
                start = size if newline == -1 else newline + 1
            else:
                start = 0
            if start >= size:
                high = middle
                continue
            comma = find(",", start)
            if (text[start:comma] if comma != -1 else text[start:]) >= word:
                high = middle
            else:
                low = middle + 1
        return self._line_start_from(low)

    def _line_start_from(self, offset: int) -> int:
        if offset == 0:
            return 0
        newline = self.text.find("\n", offset - 1)
        return len(self.text) if newline == -1 else newline + 1

    def _word_at(self, start: int) -> str:
        comma = self.text.find(",", start)
        return self.text[start:comma] if comma != -1 else self.text[start:]


def data_path() -> Path:
    """Where lemminflect's lexicon file is installed (found without importing lemminflect)."""
    spec = importlib.util.find_spec(PACKAGE)
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    for folder in folders:
        path = Path(folder) / DATA_FILE
        if path.is_file():
            return path
    raise ElicitError(f"the English lexicon of the '{PACKAGE}' package is missing; reinstall elicit (pip install --force-reinstall elicit)")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon, read once per process."""
    return Lexicon(_gunzip(data_path().read_bytes()).decode("utf-8"))


def _gunzip(data: bytes) -> bytes:
    """What ``gzip.decompress`` gives, without importing gzip (and struct) for the one member lemminflect's file holds."""
    inflater = zlib.decompressobj(wbits=31)  # 16 + 15: a gzip header and trailer around a deflate stream
    text = inflater.decompress(data)
    if not inflater.eof or inflater.unused_data:  # cut short, or more members: gzip gives the verdict
        import gzip

        return gzip.decompress(data)
    return text
