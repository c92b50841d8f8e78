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

The decompressed text is kept in the user's cache folder (``lexicon/english.lexicon``), with where each run of
words sharing their first three letters starts and ends in it: unzipping the file each run and some twenty steps
of binary search in Python for each new word were a tenth of ``elicit lint``'s instructions (issue 18); from the
kept file a word is one dictionary look-up and one search of a few lines. See :func:`lexicon` for why that file can
be trusted.
"""

from __future__ import annotations

import importlib.util
import marshal
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


BUCKET = 3
"""How many first letters of a word name its run of lines in :attr:`Lexicon.runs`."""

Runs = dict[str, tuple[int, int]]
"""The first :data:`BUCKET` letters of the words of a sorted text -> where their lines start and end in it."""


@dataclass
class Lexicon:
    """A sorted ``word,category,forms`` text, looked up by binary search, or in the run of lines of a word's first
    letters when ``runs`` (made by :func:`runs_of` from this very text) are given."""

    text: str
    _seen: dict[str, Entry] = field(default_factory=dict)
    runs: Runs | None = field(default=None, repr=False, compare=False)

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
        start = self._first_line_not_before(word) if self.runs is None else self._first_line_in_run(word)
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

    def _first_line_in_run(self, word: str) -> int:
        """Where the first line of ``word`` starts, found in the run of lines of its first letters; where no line has
        it, an offset where no line of it starts (the length of the text). In a sorted text (:func:`runs_of` makes
        no runs otherwise) that is where :meth:`_first_line_not_before` finds the word's first line."""
        assert self.runs is not None
        run = self.runs.get(word[:BUCKET])
        if run is None:
            return len(self.text)
        start, end = run
        if self.text.startswith(word + ",", start):
            return start
        found = self.text.find("\n" + word + ",", start, end)
        return found + 1 if found != -1 else len(self.text)

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


def runs_of(text: str) -> Runs | None:
    """Where the lines of each run of words sharing their first :data:`BUCKET` letters start and end in ``text``;
    None (look words up by binary search) unless every line is ``word,...`` and the words are sorted as Python
    compares them (lemminflect's file is): then the first letters are sorted too, each run is one block of lines,
    and a word's lines are all in its run, where binary search finds them."""
    runs: Runs = {}
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    previous = ""
    start = 0
    for line in lines:
        word, comma, _rest = line.partition(",")
        if not comma or not word or word < previous:
            return None
        end = start + len(line) + 1
        key = word[:BUCKET]
        runs[key] = (runs[key][0] if key in runs else start, end)
        previous = word
        start = end
    return runs


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon, read once per process: from the user's cache folder when the text kept there is lemminflect's,
    else from lemminflect's file (and kept for the next run).

    The kept file is trusted only when its text has the CRC-32 and the length that lemminflect's gzip file records
    in its last eight bytes for what it unpacks to (so another version of lemminflect, or a damaged copy, is read
    afresh) and its runs, made from that text by :func:`runs_of`, have the CRC-32 written beside them. Anything else
    (no file, another format, cut short, an unreadable or unwritable folder) reads lemminflect's file as before.
    """
    source = data_path()
    kept = _kept(source)
    if kept is not None:
        return kept
    packed = source.read_bytes()
    data = _gunzip(packed)
    text = data.decode("utf-8")
    runs = None
    if packed[-8:] == _trailer(data) and _can_keep():  # else no later run could trust (or find) a kept file
        runs = runs_of(text)
        _keep(data, runs)
    return Lexicon(text, runs=runs)


def _can_keep() -> bool:
    """Whether the cache folder can take the kept lexicon (making the runs costs more than the binary searches of
    one run: only worth it when they are kept)."""
    import os

    folder = kept_path().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK | os.X_OK)


def _trailer(data: bytes) -> bytes:
    """The last eight bytes of a gzip file (of one member) that unpacks to ``data``: its CRC-32 and length."""
    return zlib.crc32(data).to_bytes(4, "little") + (len(data) % 2**32).to_bytes(4, "little")


KEPT_FORMAT = b"elicit-lexicon 1\n"
"""The first line of the kept lexicon; the second: the text's CRC-32 and length, the runs' CRC-32 and length (each
in hexadecimal); then the runs (marshal) and the text (UTF-8)."""


def kept_path() -> Path:
    """Where the unpacked lexicon is kept (the user's cache folder: safe to delete at any time)."""
    from elicit.core.paths import cache_dir

    return cache_dir() / "lexicon" / "english.lexicon"


def _kept(source: Path) -> Lexicon | None:
    """The lexicon kept in the cache folder, when it is that of ``source`` and whole (see :func:`lexicon`)."""
    try:
        with source.open("rb") as file:
            file.seek(-8, 2)
            trailer = file.read(8)
        data = kept_path().read_bytes()
    except (OSError, ValueError):
        return None
    head_end = data.find(b"\n", len(KEPT_FORMAT))
    if len(trailer) != 8 or not data.startswith(KEPT_FORMAT) or head_end == -1:
        return None
    try:
        text_crc, text_size, runs_crc, runs_size = (int(field, 16) for field in data[len(KEPT_FORMAT) : head_end].split(b" "))
    except ValueError:
        return None
    runs_at, text_at = head_end + 1, head_end + 1 + runs_size
    text = data[text_at:]
    if len(text) != text_size or trailer != text_crc.to_bytes(4, "little") + (text_size % 2**32).to_bytes(4, "little"):
        return None
    if zlib.crc32(text) != text_crc:
        return None
    runs_data = data[runs_at:text_at]
    if zlib.crc32(runs_data) != runs_crc:
        return None
    try:
        runs = marshal.loads(runs_data)
        return Lexicon(text.decode("utf-8"), runs=runs) if runs is None or type(runs) is dict else None
    except (ValueError, TypeError, EOFError, UnicodeDecodeError):
        return None


def _keep(data: bytes, runs: Runs | None) -> None:
    from elicit.core.files.cache_file import replace_quietly

    runs_data = marshal.dumps(runs)
    head = b"%x %x %x %x\n" % (zlib.crc32(data), len(data), zlib.crc32(runs_data), len(runs_data))
    replace_quietly(kept_path(), KEPT_FORMAT + head + runs_data + data)


def _gunzip(data: bytes) -> bytes:
    """What ``gzip.decompress`` gives, without importing gzip (and struct) for the one member lemminflect's file holds."""
    inflater = zlib.decompressobj(wbits=31)  # 16 + 15: a gzip header and trailer around a deflate stream
    text = inflater.decompress(data)
    if not inflater.eof or inflater.unused_data:  # cut short, or more members: gzip gives the verdict
        import gzip

        return gzip.decompress(data)
    return text
