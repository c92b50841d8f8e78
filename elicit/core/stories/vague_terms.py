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

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from elicit.core.files.toml_source import parse_toml
from elicit.core.findings import Finding, FindingsError
from elicit.core.paths import config_dir
from elicit.core.stories.phrases import PhraseIndex, Word, phrase_key, words

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
        if self._terms is None or self._exceptions is None:
            self._terms = PhraseIndex(self.suggestions)
            self._exceptions = PhraseIndex(self.not_vague)
        text_words = words(text)
        precise = {i for hit in self._exceptions.find(text_words, split_slashes=False) for i in range(hit.first, hit.last + 1)}
        hits: list[VagueHit] = []
        seen: set[str] = set()
        for hit in self._terms.find(text_words):
            if hit.first in precise or hit.phrase in seen or _quantified(text_words, hit.last):
                continue
            seen.add(hit.phrase)
            hits.append(VagueHit(hit.phrase, text_words[hit.first].start, self.suggestions.get(hit.phrase, _DEFAULT_ADVICE)))
        return hits


_DEFAULT_ADVICE = "say it so that a tester can check it"


def _quantified(text_words: list[Word], last: int) -> bool:
    """Whether a number follows within five words ("fast: under 2 seconds")."""
    return any(any(ch.isdigit() for ch in word.text) for word in text_words[last + 1 : last + 6])


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


def _apply(terms: VagueTerms, path: Path) -> None:
    document, problem = parse_toml(path)
    if problem is not None:
        raise FindingsError([problem])
    assert document is not None
    data = document.data
    problems: list[Finding] = []

    def bad(key: str, message: str, hint: str) -> None:
        problems.append(Finding("vague-terms", message, str(path), document.line_of(key), key, hint))

    unknown = set(data) - {"group", "remove", "not_vague"}
    for key in sorted(unknown):
        bad(key, f"unknown key '{key}'", "use 'group', 'remove' or 'not_vague'")
    groups = data.get("group", [])
    if not isinstance(groups, list):
        bad("group", "must be a list of tables ([[group]])", "write each group as [[group]] with 'terms' and 'suggestion'")
        groups = []
    for index, group in enumerate(groups):
        key = f"group[{index}]"
        if not isinstance(group, dict):
            bad(key, "must be a table", "write each group as [[group]]")
            continue
        extra = set(group) - {"name", "terms", "suggestion"}
        for name in sorted(extra):
            bad(f"{key}.{name}", f"unknown key '{name}'", "a group has 'name', 'terms' and 'suggestion'")
        words = _strings(group.get("terms"), f"{key}.terms", bad)
        suggestion = group.get("suggestion", _DEFAULT_ADVICE)
        if not isinstance(suggestion, str):
            bad(f"{key}.suggestion", "must be a string", "write the advice in quotes")
            suggestion = _DEFAULT_ADVICE
        for word in words:
            if _key(word):
                terms.suggestions[_key(word)] = suggestion
    for word in _strings(data.get("remove", []), "remove", bad):
        terms.suggestions.pop(_key(word), None)
    terms.not_vague.extend(_strings(data.get("not_vague", []), "not_vague", bad))
    if problems:
        raise FindingsError(problems)
    terms._terms = None


def _strings(value: Any, key: str, bad: Any) -> list[str]:
    if value is None:
        bad(key, "is missing", 'give a list of words, such as ["fast", "easy"]')
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        bad(key, "must be a list of non-empty strings", 'give a list of words, such as ["fast", "easy"]')
        return []
    return [v.strip() for v in value]


def _key(word: str) -> str:
    return " ".join(phrase_key(word))
