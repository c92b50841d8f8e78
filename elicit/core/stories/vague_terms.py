"""The vague terms the ambiguity check looks for: built in, plus the team's own.

The built-in list is ``elicit/core/stories/data/ambiguous_terms.toml``. A team adds
terms, removes built-in ones or declares precise phrases in
``<config folder>/ambiguous_terms.toml`` with the same keys::

    remove = ["simple"]              # built-in terms not to report
    not_vague = ["simple majority"]  # phrases that contain a term but are precise

    [[group]]
    name = "ours"
    terms = ["world-class", "robustly"]
    suggestion = "say what you would measure"
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from elicit.core.files.tables import TableReader, key_path
from elicit.core.files.toml_source import parse_toml
from elicit.core.findings import FindingsError
from elicit.core.paths import config_dir
from elicit.core.stories.lexicon import lexicon
from elicit.core.stories.phrases import PhraseHit, PhraseIndex, Word, phrase_key, words

BUILTIN_FILE = Path(__file__).parent / "data" / "ambiguous_terms.toml"
USER_FILE_NAME = "ambiguous_terms.toml"


@dataclass(frozen=True)
class VagueHit:
    """A vague term found in a text, with the advice for its group."""

    term: str
    start: int
    suggestion: str


@dataclass
class VagueTerms:
    """A list of vague terms with their advice, and precise exceptions."""

    suggestions: dict[str, str] = field(default_factory=dict)  # term (words joined by one space) -> suggestion
    not_vague: list[str] = field(default_factory=list)
    _terms: PhraseIndex | None = None
    _exceptions: PhraseIndex | None = None

    def find(self, text: str) -> list[VagueHit]:
        """The vague terms in ``text``, in order, each reported once; quantified ones are left out."""
        if not self.suggestions or not text:
            return []
        terms, exceptions = self._indexes()
        text_words = words(text)
        found = terms.find(text_words)
        if not found and not _may_open_list(text):
            return []  # most goals: no vague term, and no list left open (the rest below would find nothing)
        precise = {i for hit in exceptions.find(text_words, split_slashes=False) for i in range(hit.first, hit.last + 1)}
        hits: list[VagueHit] = []
        seen: set[str] = set()
        rationale = _rationale_start(text)
        quoted = _quoted_spans(text)
        for hit in found:
            if text_words[hit.first].start >= rationale or _inside(quoted, text_words[hit.first].start):
                continue
            if hit.first in precise or hit.phrase in seen or _quantified(text_words, hit.last) or _plain_use(text_words, hit):
                continue
            if _in_a_name(text, text_words, hit):
                continue
            seen.add(hit.phrase)
            hits.append(VagueHit(hit.phrase, text_words[hit.first].start, self.suggestions.get(hit.phrase, _DEFAULT_ADVICE)))
        hits.extend(_open_list(text, rationale))
        return hits

    def _indexes(self) -> tuple[PhraseIndex, PhraseIndex]:
        """The terms' and the exceptions' phrase indexes, made on the first look-up."""
        if self._terms is None or self._exceptions is None:
            self._terms = PhraseIndex(self.suggestions)
            self._exceptions = PhraseIndex(self.not_vague)
        return self._terms, self._exceptions


_DEFAULT_ADVICE = "say it so that a tester can check it"
_OPEN_LIST = re.compile(r",[^,;.:()]*?\s(?P<open>(?:and|or)\s+(?:many\s+|all\s+|any\s+)?other\s+(?!than\b)[a-z][\w-]*)", re.IGNORECASE)
"""A list left open at its end: "volume pages, annotations and other content", "contrast, level and other operations"
(like "etc."); not "other" on its own ("share it with other users") or without a list before it."""
_OPEN_LIST_ADVICE = "name every item, or say where the full list is"


def _may_open_list(text: str) -> bool:
    """Whether _OPEN_LIST may match: any text that is not ASCII (re.IGNORECASE folds some other letters to ASCII ones);
    an ASCII one with a comma and "other" in it, in any case (every match holds both)."""
    return not text.isascii() or ("," in text and "other" in text.lower())


def _open_list(text: str, rationale: int) -> list[VagueHit]:
    """The list left open in the goal, before its rationale starts, as a hit ("and other content")."""
    found = _OPEN_LIST.search(text, 0, rationale)
    return [VagueHit(" ".join(found.group("open").lower().split()), found.start("open"), _OPEN_LIST_ADVICE)] if found else []


_RATIONALE = re.compile(
    r"\b(?:because|since|though|although)\b|\bas\s+(?:I|we|they|he|she|you)\s|,\s*(?:in\s+order\s+)?to\s+(?:[a-z]+ly\s+)?(?P<verb>[a-z]+)\b",
    re.IGNORECASE,
)
"""Where the goal turns to why: a reason ("as they get bored easily", "because ..."), a concession ("- though there
will be a few rules"), a purpose after a comma (", to quickly find a former student's work")."""


_QUOTED = re.compile(r"\"[^\"]+\"|“[^”]+”|(?<![\w'])'[^']+'(?![\w'])")
"""A name or a label written in quotes ("a 'simple collection'", "the \"Recent and popular items\" heading")."""


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Where the quoted parts of ``text`` are: a vague word there is part of a name or a label, not a quality."""
    if '"' not in text and "'" not in text and "“" not in text:
        return []
    return [found.span() for found in _QUOTED.finditer(text)]


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    return any(start < offset < end for start, end in spans)


def _rationale_start(text: str) -> int:
    """The offset where the goal's rationale starts (vague words there are not what the system must do), or len(text).
    Not a purpose infinitive without a comma: "create groups to manage permissions in an easy way" is labelled as
    the goal itself, so the vague words there are reported."""
    for found in _RATIONALE.finditer(text) if _may_give_a_rationale(text) else ():
        if found.group("verb") is None or lexicon().is_base_verb(found.group("verb").lower()):
            return found.start()
    return len(text)


_RATIONALE_WORDS = ("because", "since", "though")
"""What every match of _RATIONALE holds ("although" holds "though"), but "as" and a space before its subject, or a comma."""


def _may_give_a_rationale(text: str) -> bool:
    """Whether _RATIONALE may match: any text that is not ASCII (re.IGNORECASE folds some other letters to ASCII ones);
    an ASCII one with a comma, one of _RATIONALE_WORDS, or "as" before a space (``split`` breaks at every character
    that ``\\s`` matches, so "as\\t" is "as " once the words are joined by single spaces)."""
    if not text.isascii():
        return True
    if "," in text:
        return True
    lowered = text.lower()
    return any(word in lowered for word in _RATIONALE_WORDS) or ("as" in lowered and "as " in " ".join(lowered.split()))


def _quantified(text_words: list[Word], last: int) -> bool:
    """Whether a number follows within five words ("fast: under 2 seconds")."""
    return any(any(ch.isdigit() for ch in word.text) for word in text_words[last + 1 : last + 6])


_USER_ACTIONS = frozenset(
    ["hide", "select", "choose", "pick", "mark", "delete", "remove", "edit", "tag", "share", "move", "copy", "archive", "flag", "star", "exclude", "include", "skip", "merge"]
    + ["restrict", "limit", "block", "protect", "lock", "unlock", "grant", "deny", "open", "close", "publish", "unpublish"]
    + ["allow", "let", "permit"]
)
_ACCESS_TO = ("access", "to")  # "restrict access to some files": the files the user picks
_PARTITIVE = frozenset(["the", "your", "my", "our", "their", "its", "his", "her", "these", "those", "this", "that"])
_MEANS = (("using",), ("based", "on"), ("by", "using"), ("by",))


def _in_a_name(text: str, text_words: list[Word], hit: PhraseHit) -> bool:
    """A vague word that is part of a name (round 10): an address or a file's name ("simpler.grants.gov"), or a word in
    capitals inside the goal before another one ("the Simpler Grants site", "Easy Access Portal"): a product's name
    sets no level."""
    first, last = text_words[hit.first], text_words[hit.last]
    if text[last.end : last.end + 1] == "." and text[last.end + 1 : last.end + 2].isalpha():
        return True
    following = text_words[hit.last + 1] if hit.last + 1 < len(text_words) else None
    return first.start > 0 and text[first.start].isupper() and following is not None and text[following.start].isupper()


def _plain_use(text_words: list[Word], hit: PhraseHit) -> bool:
    """A vague word that does not qualify the requirement: "hide some fields" (the user's own pick) or an
    adjective in a term named after "using"/"based on" ("sort photos using simple colour features")."""
    before = [word.text for word in text_words[max(0, hit.first - 3) : hit.first]]
    if _refused(text_words, hit.first) or (hit.phrase in _AMOUNTS and _listed_elsewhere(text_words, hit.last)):
        return True
    if hit.phrase == "some":
        return _user_picks_some(text_words, hit, before) or not _some_supplied(text_words, hit.first)
    if _picked_out(text_words, hit, before):
        return True
    if _names_content(text_words, hit, before) or _a_purpose_or_a_state(text_words, hit, before):
        return True
    nouns_after = len(text_words) - hit.last - 1
    return nouns_after >= 2 and any(tuple(before[-len(means) :]) == means for means in _MEANS)


_REFUSALS = frozenset(["not", "never"])
_AMOUNTS = frozenset(["various", "several", "many", "some", "multiple", "numerous", "a number of"])
_ELSEWHERE = frozenset(["list", "below", "above", "here", "attached", "appendix", "table"])


def _refused(text_words: list[Word], first: int) -> bool:
    """ "not to enforce periodic rotation of passwords": a vague word in what the story says not to do sets no level."""
    tokens = [word.text for word in text_words[max(0, first - 4) : first]]
    for index, token in enumerate(tokens):
        if token in _REFUSALS:
            rest = tokens[index + 1 :]
            rest = rest[1:] if rest[:1] == ["to"] else rest
            return 1 <= len(rest) <= 2 and lexicon().is_base_verb(rest[0])
    return False


def _listed_elsewhere(text_words: list[Word], last: int) -> bool:
    """ "search by various attributes, see list here": the amount is given where the goal points to."""
    tokens = [word.text for word in text_words[last + 1 : last + 6]]
    return any(token == "see" and (tokens[index + 1 : index + 2] and tokens[index + 1] in _ELSEWHERE or tokens[index + 2 : index + 3] and tokens[index + 2] in _ELSEWHERE) for index, token in enumerate(tokens))


def _names_content(text_words: list[Word], hit: PhraseHit, before: list[str]) -> bool:
    """ "add useful metadata", "write detailed notes": the content the user puts in; "report necessary repairs": the
    ones needed. An adjective that names the content, not a level the system must reach."""
    after = text_words[hit.last + 1].text if hit.last + 1 < len(text_words) else ""
    if before[-1:] and before[-1] in _AUTHORING and "adj" in lexicon().parts(hit.phrase) and _noun_like(after):
        return True
    if before[-1:] and before[-1] in _JUDGING:
        return True  # "any resource that I believe useful": the user's own judgement
    if hit.phrase in _DEFINING and after in ("for", "to") and before[-1:] and (_noun_like(before[-1]) or (before[-1] in ("is", "are") and before[-2:-1] != ["it"])):
        return True  # "all rights necessary for managing the data", "aspects useful for monitoring it": which ones
    return hit.phrase in _CONTENT_ADJECTIVES and "noun" in lexicon().parts(after)


def _a_purpose_or_a_state(text_words: list[Word], hit: PhraseHit, before: list[str]) -> bool:
    """ "errors deduplicated for easy comprehension": a purpose, rationale like the benefit; "check that my data is
    still good": a state the user checks."""
    after = text_words[hit.last + 1].text if hit.last + 1 < len(text_words) else ""
    if before[-1:] == ["for"] and hit.first == hit.last and "noun" in lexicon().parts(after):
        return True
    if hit.first == hit.last and _asked_whether(text_words, hit.first):  # not a hedge ("where possible")
        return True
    parts = lexicon().parts(hit.phrase)
    state = "adj" in parts or ("adv" in parts and before[-1:] != [] and before[-1] in _BE)  # "have been properly processed"
    return state and _what_the_user_learns(text_words, hit.first)


def _asked_whether(text_words: list[Word], first: int) -> bool:
    """ "know whether the data can be reproduced efficiently": a vague word in the question the user asks, which the
    system answers; it sets no level the system must reach."""
    tokens = [word.text for word in text_words[:first]]
    return any(tokens[index] in _KNOWING and tokens[index + 1] in ("whether", "if") for index in range(len(tokens) - 1))


_AUTHORING = frozenset(["add", "write", "enter", "type", "attach", "post", "upload"])
"""Verbs of the user putting in their own content: an adjective right after them describes that content."""
_CONTENT_ADJECTIVES = frozenset(["necessary"])
_DEFINING = frozenset(["necessary", "useful", "suitable", "helpful", "relevant"])
"""Vague words that, after a noun and before "for"/"to" + what for, say which things ("the rights necessary for
managing the data"): the purpose names them."""
_JUDGING = frozenset(["believe", "believes", "think", "thinks", "consider", "considers", "deem", "deems", "feel", "feels"])
"""Vague words that before a noun name which things ("the necessary payments": the ones due), not a level."""
_KNOWING = frozenset(["know", "check", "verify", "confirm", "learn", "reassured", "sure", "told", "informed", "notified", "convince", "satisfy"])
_BE = frozenset(["be", "been", "is", "are", "was", "were", "being"])
"""Before an adverb, a state the user checks ("that the cells have been properly segmented"), not how the system
acts ("that the page loads quickly")."""
_SELVES = frozenset(["myself", "ourselves", "themselves", "himself", "herself", "yourself"])
"""Verbs of learning a state, before "that" (not "see that", which can mean "make sure")."""


_PROMPTING = frozenset(["remind", "encourage", "motivate", "prompt"])


def _noun_like(word: str) -> bool:
    """A noun, or a word the lexicon lacks ("metadata"), which in a goal is mostly a noun or a name."""
    parts = lexicon().parts(word)
    return "noun" in parts or (not parts and word.isalpha())


def _what_the_user_learns(text_words: list[Word], first: int) -> bool:
    """A vague adjective in what the user wants to learn or check ("be reassured that their plans are robust", "check
    that my data is still good"): a state the user looks at, not what the system must do ("know that the page loads
    quickly" still asks the system for speed). Not after "make sure" or "ensure", which demand it."""
    tokens = [word.text for word in text_words[:first]]
    for index in range(len(tokens) - 1):
        if tokens[index] in _PROMPTING and tokens[index + 1] in ("me", "us") and tokens[index + 2 : index + 3] == ["to"]:
            return True  # "remind me to keep a good posture": what the user does
        that = index + 2 if tokens[index + 1] in _SELVES else index + 1  # "convince myself that ..."
        if tokens[index] in _KNOWING and tokens[that : that + 1] == ["that"]:
            return not (tokens[index] == "sure" and index > 0 and tokens[index - 1] == "make")
    return False


def _user_picks_some(text_words: list[Word], hit: PhraseHit, before: list[str]) -> bool:
    """ "hide some fields", "restrict access to some files": the user's own pick; "read some of your articles": a
    part of a named set. Not "make some updates" or "see some reports" (an amount nobody has said)."""
    if before and before[-1] in _USER_ACTIONS:
        return True
    if len(before) == 3 and tuple(before[1:]) == _ACCESS_TO and before[0] in _USER_ACTIONS:
        return True
    after = [word.text for word in text_words[hit.last + 1 : hit.last + 3]]
    return len(after) == 2 and after[0] == "of" and after[1] in _PARTITIVE


_SUPPLYING = frozenset(
    ["see", "view", "have", "get", "receive", "show", "display", "provide", "give", "offer", "contain", "list", "be", "want", "need", "like", "find"]
    + ["make", "do"]
)
"""Verbs of having, getting or being shown something: "some" after them is an amount the system must supply
("see some metrics", "be offered some choices"), and the light verbs whose object is the work to deliver ("make some
changes to the codes"; round 8)."""


def _some_supplied(text_words: list[Word], first: int) -> bool:
    """Whether "some" at ``first`` is an amount the system must supply (the rule book: "some" as an unspecified amount
    the system must provide): its verb is one of having, getting or being shown ("see some reports", "have some
    control over it"), or the goal has no verb before it ("some reports of the week"). After a verb of the user's own
    act ("declare some users officers", "apply some branding to it", "compare versions of some packages") the user
    picks which: no amount the system must reach (round 8)."""
    words = lexicon()
    for word in reversed(text_words[max(0, first - 5) : first]):
        text = word.text
        if text in _PARTITIVE or text in ("a", "an", "of", "to", "at", "least", "only", "just", "also", "all", "over", "with", "for", "on", "in"):
            continue
        base = text if words.is_base_verb(text) else words.verb_base(text)
        if base is None:
            return True  # a noun or a name before it: unsure, as before
        return base in _SUPPLYING
    return True


_THE_ONES = frozenset(["that", "which", "who", "whom", "whose", "where", "i", "we", "you", "they"])
_SELECTING = frozenset(["various", "relevant", "several", "many", "different", "appropriate"])


def _picked_out(text_words: list[Word], hit: PhraseHit, before: list[str]) -> bool:
    """ "the various services I subscribe to", "the relevant team that sent the alert", "for the various ways": "the"
    before the word names the whole known set, or a clause after its noun says which ones (round 8). Not "see only
    the relevant results" (nothing says which), not "various reports" without "the"."""
    if hit.phrase not in _SELECTING or before[-1:] != ["the"]:
        return False
    if hit.phrase == "various":
        return True  # "the various X": all of the X there are
    after = [word.text for word in text_words[hit.last + 1 : hit.last + 4]]
    return len(after) >= 2 and _noun_like(after[0]) and (after[1] in _THE_ONES or (len(after) == 3 and _noun_like(after[1]) and after[2] in _THE_ONES))


def load_vague_terms(user_file: Path | None = None) -> VagueTerms:
    """The built-in terms plus the user's file (``config_dir()/ambiguous_terms.toml`` by default).

    Raises FindingsError (file, line, what to do) when either file is broken.
    """
    terms = VagueTerms()
    _apply(terms, BUILTIN_FILE)
    path = user_file if user_file is not None else config_dir() / USER_FILE_NAME
    if path.is_file():
        _apply(terms, path)
    return terms


_cache: dict[tuple[str, float], VagueTerms] = {}


def vague_terms() -> VagueTerms:
    """The terms in force, loaded once and reloaded when the user's file changes."""
    path = config_dir() / USER_FILE_NAME
    try:
        stamp = path.stat().st_mtime
    except OSError:
        stamp = -1.0
    key = (str(path), stamp)
    cached = _cache.get(key)
    if cached is None:
        cached = load_vague_terms(path)
        _cache.clear()
        _cache[key] = cached
    return cached


_TOP_KEYS = ("group", "remove", "not_vague")
_GROUP_KEYS = ("name", "terms", "suggestion")
_WORDS_HINT = 'give a list of words, such as ["fast", "easy"]'


def _apply(terms: VagueTerms, path: Path) -> None:
    document, problem = parse_toml(path)
    if problem is not None:
        raise FindingsError([problem])
    assert document is not None
    reader = TableReader(document)
    data = document.data
    reader.keys(data, _TOP_KEYS, "")
    for key, group in reader.tables(data, "group", _GROUP_KEYS):
        words = _words(reader, group, "terms", key, required=True)
        suggestion = reader.string(group, "suggestion", key) if "suggestion" in group else _DEFAULT_ADVICE
        for word in words:
            if _key(word):
                terms.suggestions[_key(word)] = suggestion
    for word in _words(reader, data, "remove", ""):
        terms.suggestions.pop(_key(word), None)
    terms.not_vague.extend(_words(reader, data, "not_vague", ""))
    if reader.findings:
        raise FindingsError(reader.findings)
    terms._terms = None


def _words(reader: TableReader, table: dict[str, Any], name: str, key: str, *, required: bool = False) -> list[str]:
    """A list of words, each stripped; none may be empty."""
    path = key_path(key, name)
    if required and name not in table:
        reader.add("missing-key", path, f"missing required key '{name}'", _WORDS_HINT)
        return []
    found = reader.strings(table, name, key)
    if any(not word.strip() for word in found):
        reader.add("empty", path, f"'{name}' holds an empty word", _WORDS_HINT)
        return []
    return [word.strip() for word in found]


def _key(word: str) -> str:
    return " ".join(phrase_key(word))
