"""The lint's fast paths give what the plain ways give (issue 18: `elicit lint` faster, not one finding changed).

Each speed-up keeps a plain reference here (the code it replaced, or the same code with the shortcut switched off)
and is compared with it on real stories, when they are there, and on text made by hypothesis: hostile characters,
non-ASCII letters whose lower case is longer, joints and punctuation. The memos (per goal, per story, per template
shape) are checked by linting every backlog twice, warm and with every memo emptied, and against a story linted
on its own.
"""

from __future__ import annotations

import re
from itertools import groupby

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from elicit.core.session.models import Story
from elicit.core.stories import atomic, parse, phrases, similar
from elicit.core.stories.backlog import parse_lines, to_story
from elicit.core.stories.checks import SOLUTION_TERMS
from elicit.core.stories.lexicon import Lexicon, lexicon
from elicit.core.stories.lint import BacklogContext, _uniformity_problem, _view, lint_stories, lint_story
from elicit.core.stories.vague_terms import vague_terms

from ...conftest import USER_STORIES

_TAG = re.compile(r"^#G\d+#\s*")


def _real_lines() -> list[str]:
    if not USER_STORIES.is_dir():
        return []
    return [
        _TAG.sub("", line)
        for file in sorted(USER_STORIES.glob("*.txt"))
        for line in file.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


REAL = _real_lines()
WORDS = sorted({word for line in REAL for word in line.split()}) or ["export", "the", "report", "and", "email", "it"]
GLUE = [
    "and",
    "or",
    ",",
    "/",
    "&",
    "but",
    "as well as",
    "and/or",
    "(",
    ")",
    '"',
    ":",
    ";",
    ".",
    "etc.",
    "e.g.",
    "’s",
    "İstanbul",
    "ſince",
    "K",
]
hostile = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=30)
phrase = st.lists(st.sampled_from(WORDS) | st.sampled_from(GLUE) | hostile, min_size=1, max_size=25).map(" ".join)
story_line = st.tuples(
    st.sampled_from(["As a", "As an", "As the", "As", "", "In order to plan, as a", "1. As a", "Story: As a"]),
    st.sampled_from(["user", "data manager", "Nurse", "ſtudent"]) | hostile,
    st.sampled_from([", I want", " I want", ", I would like", ", I need", ", I can", " I am able to", ", want", ","]),
    phrase,
    st.sampled_from(["", ", so that", " so that", " in order to", ", so", " so I", " SO THAT"]),
    phrase,
).map(lambda parts: f"{parts[0]} {parts[1]}{parts[2]} {parts[3]}{parts[4]} {parts[5] if parts[4] else ''}".strip())
line = story_line | story_line | hostile | phrase | (st.sampled_from(REAL) if REAL else phrase)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# The lexicon's binary search -----------------------------------------------------------------------------------


def _reference_first_line_not_before(words: Lexicon, word: str) -> int:
    """The search as it was written before (one helper call per step)."""
    low, high = 0, len(words.text)
    while low < high:
        middle = (low + high) // 2
        start = words._line_start_from(middle)
        if start >= len(words.text) or _reference_word_at(words.text, start) >= word:
            high = middle
        else:
            low = middle + 1
    return words._line_start_from(low)


def _reference_word_at(text: str, start: int) -> str:
    comma = text.find(",", start)
    return text[start:comma] if comma != -1 else text[start:]


def test_the_lexicon_search_finds_what_the_plain_search_finds() -> None:
    words = lexicon()
    lines = words.text.split("\n")
    sample = {line.split(",", 1)[0] for line in lines[::97]}
    sample |= {word[:cut] for word in list(sample)[:300] for cut in (1, 2, len(word) - 1)}
    sample |= {"", "a", "zzzz", "o'clock", "o", "a-", "~", "\uffff", "aaa'", lines[0].split(",")[0], lines[-1].split(",")[0]}
    for word in sorted(sample):
        assert words._first_line_not_before(word) == _reference_first_line_not_before(words, word), word


@SETTINGS
@given(st.text(st.characters(min_codepoint=32, max_codepoint=0x17F), max_size=12))
def test_the_lexicon_search_agrees_on_any_word(word: str) -> None:
    words = lexicon()
    assert words._first_line_not_before(word) == _reference_first_line_not_before(words, word)


@SETTINGS
@given(st.sampled_from(WORDS).map(str.lower) | st.text("abcdeilnorstuvy'-", max_size=12))
def test_the_three_questions_agree_with_the_entry(word: str) -> None:
    fresh = Lexicon(lexicon().text)
    entry = Lexicon(lexicon().text).entry(word)
    assert fresh.parts(word) == entry.parts
    assert fresh.verb_base(word) == (entry.verb_bases[0] if entry.verb_bases else None)
    assert fresh.is_base_verb(word) == (word in entry.verb_bases)
    assert (fresh.parts(word), fresh.is_base_verb(word)) == (entry.parts, word in entry.verb_bases)  # now remembered


# Words and phrases ---------------------------------------------------------------------------------------------


def _reference_words(text: str) -> list[tuple[str, int, int]]:
    return [(found.group(0).lower().replace("’", "'"), found.start(), found.end()) for found in phrases._WORD.finditer(text)]


@SETTINGS
@given(phrase | hostile | st.sampled_from(["İstanbul AND Köln", "I’d LIKE it", "ﬁle-share/DROP"]))
def test_words_are_the_plain_tokeniser_s(text: str) -> None:
    assert [tuple(word) for word in phrases.words(text)] == _reference_words(text)
    assert all(isinstance(word, phrases.Word) for word in phrases.words(text))


def _reference_find(index: phrases.PhraseIndex, text_words: list[phrases.Word], split_slashes: bool) -> list[phrases.PhraseHit]:
    """PhraseIndex.find as it was written before (no shortcut for goals without any listed word)."""
    hits: list[phrases.PhraseHit] = []
    tokens = [word.text for word in text_words]
    i = 0
    while i < len(tokens):
        hit = None
        for key in index._by_first.get(tokens[i], ()):
            if tuple(tokens[i : i + len(key)]) == key:
                hit = phrases.PhraseHit(index._names[key], i, i + len(key) - 1)
                break
        if hit is not None:
            hits.append(hit)
            i = hit.last + 1
            continue
        if split_slashes and "/" in tokens[i]:
            hits.extend(phrases.PhraseHit(part, i, i) for part in tokens[i].split("/") if (part,) in index._names)
        i += 1
    return hits


TERMS = vague_terms()
INDEXES = [phrases.PhraseIndex(TERMS.suggestions), phrases.PhraseIndex(TERMS.not_vague), phrases.PhraseIndex(SOLUTION_TERMS)]
listed = st.sampled_from(sorted(TERMS.suggestions) + list(SOLUTION_TERMS) + TERMS.not_vague)


@SETTINGS
@given(
    st.lists(listed | st.sampled_from(WORDS) | st.sampled_from(["fast/easy", "a/b", "/", "simple/"]), max_size=20).map(" ".join),
    st.booleans(),
)
def test_phrase_hits_are_the_plain_loop_s(text: str, split_slashes: bool) -> None:
    text_words = phrases.words(text)
    for index in INDEXES:
        assert index.find(text_words, split_slashes) == _reference_find(index, text_words, split_slashes)


# Parsing a line ------------------------------------------------------------------------------------------------


def _parsed_both_ways(lines: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[list[object], list[object]]:
    parse.parse_story.cache_clear()
    fast = [parse.parse_story(text) for text in lines]
    combined = (parse._ANY_MEANS, parse._ANY_ENDS)
    monkeypatch.setattr(parse, "_ANY_MEANS", None)
    monkeypatch.setattr(parse, "_ANY_ENDS", None)
    parse.parse_story.cache_clear()
    try:
        plain = [parse.parse_story(text) for text in lines]
    finally:
        monkeypatch.setattr(parse, "_ANY_MEANS", combined[0])
        monkeypatch.setattr(parse, "_ANY_ENDS", combined[1])
        parse.parse_story.cache_clear()
    return fast, plain


def test_the_one_pass_patterns_exist() -> None:
    assert parse._ANY_MEANS is not None and parse._ANY_ENDS is not None  # else the tests below compare the loop with itself


def test_real_lines_parse_as_with_a_search_per_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    if not REAL:
        pytest.skip("../shared/data/user-stories is not here")
    fast, plain = _parsed_both_ways(REAL, monkeypatch)
    assert fast == plain


@SETTINGS
@given(
    st.lists(
        line | st.sampled_from(["As a user I want I want x", "As a, I want it", "As I want to log in so that so that x"]),
        min_size=1,
        max_size=8,
    )
)
def test_any_line_parses_as_with_a_search_per_pattern(lines: list[str]) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        fast, plain = _parsed_both_ways(lines, monkeypatch)
    assert fast == plain


def test_a_means_at_the_start_of_the_role_is_passed_over_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = ["As I want to log in, I would like a menu", "As we can, I want to go", "As I want it"]
    fast, plain = _parsed_both_ways(lines, monkeypatch)
    assert fast == plain


def test_the_ends_of_a_tail_come_from_its_text_s_search() -> None:
    assert parse._ENDS_LOCAL  # else the comparison below compares the search with itself
    assert not parse._reads_before_start(re.compile(r"(?:[,.;:]\s*|\s+)so\s+that\b[,:]?", re.IGNORECASE))


@pytest.mark.parametrize(
    "pattern",
    [r"\bso", r"^so", r"\Aso", r"(?<=,)\s*so", r"(?<!\w)so", r"(?:,|)\bso", r"x*\bso", r"(?=\bso)so", r"(s)o\1", r"(s)?(?(1)o|x)"],
)
def test_a_pattern_that_may_look_before_its_start_is_never_taken_for_one_that_cannot(pattern: str) -> None:
    assert parse._reads_before_start(re.compile(pattern))


@pytest.mark.parametrize("pattern", [r"so\b", r",\s*so\b", r"x+\bso", r"(?>,)\bso", r"(?:,|\s)\bso", r"so(?=\s+(?:I|we)\b)"])
def test_a_pattern_that_reads_only_what_it_takes_is_seen_as_such(pattern: str) -> None:
    assert not parse._reads_before_start(re.compile(pattern))


def _split_with_and_without_the_shortcut(lines: list[str]) -> tuple[list[object], list[object]]:
    parse.parse_story.cache_clear()
    fast = [parse.parse_story(text) for text in lines]
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(parse, "_ENDS_LOCAL", False)
        parse.parse_story.cache_clear()
        plain = [parse.parse_story(text) for text in lines]
    parse.parse_story.cache_clear()
    return fast, plain


@SETTINGS
@given(st.lists(line | st.sampled_from(["As a user, so that I want x so that y", "As a user I want so that so that"]), min_size=1, max_size=8))
def test_a_tail_s_ends_are_those_its_own_search_finds(lines: list[str]) -> None:
    fast, plain = _split_with_and_without_the_shortcut(lines + REAL[:50])
    assert fast == plain


@SETTINGS
@given(line, st.data())
def test_the_ends_of_any_tail_are_where_a_search_of_the_tail_finds_them(text: str, data: st.DataObject) -> None:
    assert parse._ANY_ENDS is not None
    for cut in sorted({0, len(text), *data.draw(st.lists(st.integers(0, len(text)), max_size=4))}):
        parse._earliest_ends(text)
        found = parse._ANY_ENDS.search(text[cut:])
        expected = (found.start(), found.end(), found.lastindex) if found is not None else None
        assert parse._ends_span(text[cut:]) == expected


def _span(found: re.Match[str] | None) -> tuple[int, int, int | None] | None:
    return (found.start(), found.end(), found.lastindex) if found is not None else None


ENDS_TEXT = st.lists(
    st.sampled_from(["so", "SO", "So", "that", "in", "IN", "order", "as", "to", "I", "we", "they", "also", "login"])
    | st.sampled_from([",", ".", ";", ":", " ", "\t", "\x1c", "\u2028", "\xa0", ",\t", "in\u2003order"])
    | st.sampled_from(WORDS)
    | hostile,
    min_size=1,
    max_size=14,
).map("".join) | st.lists(st.sampled_from(WORDS) | st.sampled_from(["so", "that", "in", "order", "to", ",", "."]), max_size=14).map(" ".join)


def test_the_ends_search_from_its_first_possible_offset_finds_what_a_search_from_the_start_finds() -> None:
    assert parse._ANY_ENDS is not None
    texts = REAL + [line[cut:] for line in REAL[:300] for cut in range(0, len(line), 7)]
    texts += ["x so that y", "x,so that y", "x in order to y", "x IN  ORDER TO y", "x, so I can", "also: so that y", "login so that"]
    assert [_span(parse._ends_search(text)) for text in texts] == [_span(parse._ANY_ENDS.search(text)) for text in texts]
    assert any(parse._ends_search(text) for text in texts)


@SETTINGS
@given(ENDS_TEXT | line)
def test_the_ends_search_from_its_first_possible_offset_finds_what_a_search_finds_in_any_text(text: str) -> None:
    assert parse._ANY_ENDS is not None
    assert _span(parse._ends_search(text)) == _span(parse._ANY_ENDS.search(text))


def test_the_means_are_looked_ahead_for_and_found_as_without_the_lookahead() -> None:
    assert parse._ANY_MEANS is not None and parse._ANY_MEANS.pattern.startswith("(?=")  # else the comparison is moot
    plain = parse._earliest_of(tuple(means.pattern for means in parse._LEADING_MEANS))
    assert plain is not None and not plain.pattern.startswith("(?=")
    texts = REAL + [line[cut:] for line in REAL[:300] for cut in range(0, len(line), 5)] + ["we'd like it", "I’d like", "Iwant", "WE NEED"]
    assert [_span(parse._ANY_MEANS.search(text)) for text in texts] == [_span(plain.search(text)) for text in texts]
    assert [_span(parse._ANY_MEANS.search(text, 0, 20)) for text in texts] == [_span(plain.search(text, 0, 20)) for text in texts]


@SETTINGS
@given(line | phrase)
def test_the_looked_ahead_means_find_what_the_plain_alternation_finds(text: str) -> None:
    plain = parse._earliest_of(tuple(means.pattern for means in parse._LEADING_MEANS))
    assert parse._ANY_MEANS is not None and plain is not None
    assert _span(parse._ANY_MEANS.search(text)) == _span(plain.search(text))


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        (r"\b(?:I|we)\s+want", True),
        (r"\b(?:I|we)(?:\s+x)?", True),
        (r"\b(?:I|we)*x", False),  # the quantifier binds the head
        (r"\b(?:I|we)+", False),
        (r"\b(?:I|we)x|y", False),  # "y" matches without the head
        (r"\b(?:I|we|they)\s", False),
        (r"(?:\b(?:I|we))\s", True),  # the same, as the parser reads it (it flattens the group)
        (r"\b(?:I|we)", True),
        (r"\b(?:I|w)", False),
    ],
)
def test_a_head_is_looked_ahead_for_only_where_every_match_starts_with_it(pattern: str, starts: bool) -> None:
    assert parse._starts_with(re.compile(pattern, re.IGNORECASE), parse._MEANS_HEAD) is starts
    if not starts:
        joined = parse._earliest_of((re.compile(r"\b(?:I|we)\s+want", re.IGNORECASE), re.compile(pattern, re.IGNORECASE)), parse._MEANS_HEAD)
        assert joined is not None and not joined.pattern.startswith("(?=")


# Duplicates: the words and skeletons of a story -----------------------------------------------------------------


def _reference_skeleton(word: str) -> str:
    if len(word) < 4 or not word.isalpha():
        return word
    stem = word[:-1] if word.endswith("s") else word
    rest = re.sub(r"[aeiouy]", "", stem[1:]).replace("z", "s").replace("c", "s")
    return re.sub(r"(.)\1+", r"\1", stem[0] + rest)


@SETTINGS
@given(st.sampled_from(WORDS).map(str.lower) | st.text(st.characters(min_codepoint=0x41, max_codepoint=0x24F), max_size=14))
def test_skeletons_are_the_regular_expressions_s(word: str) -> None:
    similar.skeleton.cache_clear()
    assert similar.skeleton(word) == _reference_skeleton(word)
    assert "".join(letter for letter, _run in groupby(word)) == re.sub(r"(.)\1+", r"\1", word) or "\n" in word


@SETTINGS
@given(phrase, phrase, phrase)
def test_story_words_are_worked_out_as_before(role: str, want: str, so_that: str) -> None:
    text = f"{role} | {want} | {so_that}".lower().replace("'", "").replace("’", "")
    expected = tuple(token for token in re.findall(r"[a-z0-9]+", text) if token not in {"a", "an", "the"})
    story = Story(id="x", role=role, want=want, so_that=so_that)
    assert similar.story_words(story) == expected
    key = similar._key(role, want, so_that)
    assert key.content == similar._content(expected)
    assert key.distinct == len(set(key.content))
    assert key.block == similar._block(key.content)


# The memos: warm or cold, in a backlog or on its own --------------------------------------------------------------


class _Forgetful(dict[str, object]):
    """A memo that keeps nothing: every look-up is worked out again."""

    def __setitem__(self, key: str, value: object) -> None:
        pass


def _plain(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every memo of the lint bypassed: each goal, word list, story key and skeleton worked out anew each time it is
    asked for, every word looked up in the lexicon's text again, uniformity worked out per story."""
    parse.parse_story.cache_clear()
    monkeypatch.setattr(atomic, "_goal", atomic._goal.__wrapped__)
    monkeypatch.setattr(atomic, "_goal_tokens", atomic._goal_tokens.__wrapped__)
    monkeypatch.setattr(phrases, "_words", phrases._words.__wrapped__)
    monkeypatch.setattr(similar, "_key", similar._key.__wrapped__)
    monkeypatch.setattr(similar, "skeleton", similar.skeleton.__wrapped__)
    monkeypatch.setattr(lexicon(), "_seen", _Forgetful())
    monkeypatch.setattr(BacklogContext, "uniformity", lambda context, view, index: _uniformity_problem(view, context, index))


def _stories(lines: list[str]) -> list[Story]:
    return [to_story(backlog_line, f"line {backlog_line.line}") for backlog_line in parse_lines("\n".join(lines))]


def _findings(lines: list[str]) -> list[tuple[str, str, str, str]]:
    stories = _stories(lines)
    return [(f.story_id, f.code, f.message, f.suggestion) for f in lint_stories(stories, context=BacklogContext.of(stories))]


backlogs = st.lists(line, min_size=1, max_size=25).filter(lambda lines: any(text.strip() for text in lines))


@SETTINGS
@given(backlogs)
def test_a_backlog_linted_with_every_memo_warm_or_bypassed_gives_the_same_findings(lines: list[str]) -> None:
    first = _findings(lines)
    warm = _findings(lines)  # every goal, story and word remembered from the first time
    with pytest.MonkeyPatch.context() as monkeypatch:
        _plain(monkeypatch)
        plain = _findings(lines)
    parse.parse_story.cache_clear()
    assert first == warm == plain


@SETTINGS
@given(backlogs)
def test_each_story_linted_on_its_own_against_the_backlog_gives_its_findings_in_the_backlog(lines: list[str]) -> None:
    stories = _stories(lines)
    context = BacklogContext.of(stories)
    together = lint_stories(stories, context=context)
    alone = [finding for story in stories for finding in lint_story(story, context=context)]
    assert together == alone


@SETTINGS
@given(backlogs, st.sampled_from(["As a user, I want to log in", "As an admin I can see it so that I know", "Log in"]))
def test_the_remembered_uniformity_is_the_uniformity_worked_out_each_time(lines: list[str], draft: str) -> None:
    stories = _stories(lines)
    context = BacklogContext.of(stories)
    views = [*context.views, _view(_stories([draft])[0])]
    for view in views:
        if view.shape is None:
            continue
        for index in (context.position.get(view.id), None):
            assert context.uniformity(view, index) == _uniformity_problem(view, context, index)
    extra = _stories(["As a user I need a map", "As a user I need a list", "As a user I need a key"])
    for story in extra:
        context._add(_view(story))  # a backlog that grows forgets what it remembered
        for view in views:
            if view.shape is not None:
                assert context.uniformity(view, None) == _uniformity_problem(view, context, None)


# Pre-checks before the checks' searches: each skips a search only when the text lacks what every match holds ---------

from elicit.core.stories import checks, lint  # noqa: E402
from elicit.core.stories import vague_terms as vague  # noqa: E402

PRE_CHECKS = {
    "built with": (checks._BUILT_WITH, lambda text: "framework" in text),
    "stored in": (checks._STORED_IN, lambda text: checks._may_name(text)(checks._STORAGE_WORDS)),
    "taken from": (checks._TAKEN_FROM, lambda text: checks._may_name(text)(checks._STORAGE_WORDS)),
    "embedded": (checks._EMBEDDED, lambda text: checks._may_name(text)(checks._EMBEDDING_WORDS)),
    "example": (
        checks._EXAMPLE,
        lambda text: checks._may_name(text)(checks._EXAMPLE_WORDS)
        or (checks._may_name(text)(("like", "as")) and checks._may_name(text)(checks._MODEL_VERBS)),
    ),
    "glued": (checks._GLUED, lambda text: any(modal in text for modal in checks._GLUED_MODALS)),
    "second benefit": (checks._SECOND_BENEFIT, lambda text: checks._may_name(text)(("so", "order"))),
    "in capitals": (checks._IN_CAPITALS, lambda text: "AND" in text),
    "another beneficiary": (checks._ANOTHER_BENEFICIARY, lambda text: checks._may_name(text)(("and",))),
    "glued purpose": (checks._GLUED_PURPOSE, lambda text: text.count("can") >= 2 or text.count("could") >= 2),
    "and also": (checks._AND_ALSO, lambda text: checks._may_name(text)(("also",))),
    "purpose list": (checks._PURPOSE_LIST, lambda text: text.count(",") >= 2),
    "benefit marker": (parse._ANY_ENDS, parse._may_end),
    "another want": (atomic._ANOTHER_WANT, lambda text: any(mark in text for mark in ".;!")),
    "next sentence": (atomic._NEXT_SENTENCE, lambda text: any(mark in text for mark in ".;!")),
    "bracketed act": (atomic._BRACKETED_ACT, lambda text: "(" in text),
    "as well as": (atomic._AS_WELL_AS, lambda text: not text.isascii() or "as well as" in text.lower()),
    "and/or": (atomic._AND_OR, lambda text: "/" in text),
    "reason in goal": (lint._REASON_IN_GOAL, lint._may_give_a_reason),
    "brackets": (checks._BRACKETS, checks._may_bracket),
    "sentence end": (checks._SENTENCE_END, checks._may_end_a_sentence),
    "glued after comma": (checks._GLUED_AFTER_COMMA, lambda text: "," in text),
    "rationale": (vague._RATIONALE, vague._may_give_a_rationale),
    "open list": (vague._OPEN_LIST, vague._may_open_list),
}
PATTERN_WORDS = sorted(
    {word for pattern, _check in PRE_CHECKS.values() for word in re.findall(r"[A-Za-z]{2,}", pattern.pattern)}
    | {"e.g.", "E.G.", "ſo", "SO", "DATABASE", "Db", "İn", "K", ",", ";", ".", "(", "I", "we", "We", "A", "Trainers"}
)
MATCHES = {
    "built with": ["use a framework that escapes it", "with a sanitiser library or framework", "via the frameworks here"],
    "stored in": ["store the contacts in the database", "save it to a server", "keep them in a db", "write it to sql",
                  "persist it into a data base", "recorded in the database table", "Saved On The SERVER"],
    "taken from": ["delete campers from the database", "load the lists from a db", "read it from the data base",
                   "purge rows from the sql table", "FETCH them FROM THE DATABASE"],
    "embedded": ["a spreadsheet hosted within the project's web page", "a map embedded in the site", "viewers built into our screen"],
    "example": ["tags, for example dates", "(e.g. PDF)", "for instance, a chart", "like Symplectic Elements provides",
                "as Jira does", "like GitHub Issues has", "like Trello did", "as Google Maps offers", "like Slack have"],
    "glued": ["shows all attendee information Trainers can see it", "a list Admins should approve", "the page Users must sign",
              "the list Staff will see", "the form Clerks may edit", "the file Owners shall keep", "a page Users cannot open"],
    "second benefit": ["I can plan, so that we save", "I can plan in order to save", "I know so I can act", "I can go so as to save"],
    "in capitals": ["I can plan AND save"],
    "another beneficiary": ["I can book and we can sell more", "I can go And they will see"],
    "glued purpose": ["I can study the figures I can link them", "we could plan it we could save"],
    "and also": ["I can file it and also send a letter", "I can go AND ALSO rest"],
    "purpose list": ["I can learn about it, register for it, and find the way"],
    "benefit marker": ["I want x, so that y", "I want x so that y", "I want x in order to y", "I want x so as to y",
                       "I want x, so I can y", "I want x so we can y", "I want x, so others know", "I want x SO THAT y"],
    "another want": ["copy it. I want to paste it", "a list; we would like more", "go! I need it", "x. From here, I want y"],
    "next sentence": ["copy it. That user can edit", "x; Admins can go", "x! The page shows"],
    "bracketed act": ["add the files (and edit their names)", "see it ( also print them)"],
    "as well as": ["names as well as dates", "names AS WELL AS dates"],
    "and/or": ["a Resource and/or a Component", "a Resource AND / OR a Component"],
    "reason in goal": ["go because it rains", "go since I can", "for the purposes of my research", "in support of it",
                       "for ease of use", "due to rain", "data, to ease entry", "data, if possible, in order to save"],
    "brackets": ["add files (and names)", "the [draft] list", "values {0, 1}", "a (b)", "[c] d"],
    "sentence end": ["copy it. Then paste it", "go! Now", "why? Because", "wait... then", "x.\tY"],
    "glued after comma": ["the list, the reminders should go out", "a page, permissions for those items must allow it"],
    "rationale": ["go because it rains", "go since I can", "though it rains", "ALTHOUGH IT RAINS", "as they get bored",
                  "AS WE\tgo", "go as\tI like", "data, to quickly find it", "data,in order to save"],
    "open list": ["pages, annotations and other content", "contrast, level AND OTHER operations", "a, b or any other kind",
                  "reports, charts and many other views", "x, y and all Other files"],
}
MATCHING = sorted(text for texts in MATCHES.values() for text in texts)
pattern_text = st.lists(
    st.sampled_from(PATTERN_WORDS) | st.sampled_from(WORDS) | st.sampled_from(MATCHING) | hostile, min_size=1, max_size=20
).map(" ".join)


@pytest.mark.parametrize("name", sorted(PRE_CHECKS))
def test_each_word_a_pre_check_looks_for_is_what_some_match_holds(name: str) -> None:
    pattern, may_match = PRE_CHECKS[name]
    for text in MATCHES[name]:
        assert pattern.search(text), text  # a true example of what the pattern finds
        assert may_match(text), text


@pytest.mark.parametrize("name", sorted(PRE_CHECKS))
def test_a_pre_check_never_skips_a_search_that_finds_something_in_the_real_stories(name: str) -> None:
    pattern, may_match = PRE_CHECKS[name]
    texts = REAL + [part for text in REAL if (parsed := parse.parse_story(text)) for part in (parsed.want, parsed.so_that)]
    missed = [text for text in texts if pattern.search(text) and not may_match(text)]
    assert not missed


@SETTINGS
@given(pattern_text | line)
def test_a_pre_check_never_skips_a_search_that_finds_something(text: str) -> None:
    for name, (pattern, may_match) in PRE_CHECKS.items():
        assert may_match(text) or not pattern.search(text), name


def test_the_long_list_needs_five_commas() -> None:
    assert checks._long_list("a, b, c, d, e, f") is not None
    assert checks._long_list("a, b, c, d and e; f, g") is None
    assert checks.minimal_problem("user", "see the day, time, title, summary, trainers and level (all of them)", "") is not None


# Reading the file: the control characters of a binary file counted in C -------------------------------------------


@SETTINGS
@given(st.text(st.sampled_from(["a", "é", "→", "\x00", "\x08", "\x09", "\x0d", "\x0e", "\x1a", "\x1b", "\x7f", "\x80", "\x9f", "\U0001f600"]) | st.characters()))
def test_the_controls_of_a_binary_file_are_counted_as_the_search_counts_them(text: str) -> None:
    from elicit.core.stories import backlog

    assert backlog._binary_controls(text) == len(backlog._BINARY_CONTROL.findall(text))


@SETTINGS
@given(phrase | st.text(st.sampled_from(["a", "z", "0", "9", " ", "-", "'", "é", "ß", "→", "\x00", "\t", "\ud800", "\U0001f600", "İ", "K"]) | st.characters()))
def test_the_duplicate_key_s_tokens_are_the_regular_expression_s(text: str) -> None:
    assert similar._tokens(text) == similar._TOKEN.findall(text)
    assert similar._tokens(text.lower()) == similar._TOKEN.findall(text.lower())


# The reader's quotes and the goal's joints: work skipped where it has nothing to do -------------------------------


def test_the_quotes_the_reader_makes_plain_are_none_of_them_ascii() -> None:
    """normalise leaves an ASCII line untranslated: that holds only while _QUOTES maps no ASCII character."""
    assert all(code > 0x7F for code in parse._QUOTES)


@SETTINGS
@given(line | phrase | st.sampled_from(["“As a user”, I want ‘this’", "As\u00a0a user\u200b, I want it", "\ufeffAs a user"]))
def test_a_line_is_normalised_as_with_the_quotes_always_translated(text: str) -> None:
    translated = text.translate(parse._QUOTES)
    assert parse.normalise(text) == parse.normalise(translated) or not text.isascii()
    assert " ".join(translated.split()) == " ".join((text if text.isascii() else translated).split())


def _goals() -> list[str]:
    return [part for text in REAL if (parsed := parse.parse_story(text)) for part in (parsed.want, parsed.so_that)]


@SETTINGS
@given(phrase | st.sampled_from(_goals() or ["export the report"]), phrase)
def test_a_goal_with_no_joint_gets_what_the_rules_give_it(want: str, so_that: str) -> None:
    expected = _every_rule(want, so_that)
    assert atomic.atomic_problem(want, so_that) == expected
    if not atomic._may_join(want):
        assert expected is None


def test_every_real_goal_gets_what_the_rules_give_it() -> None:
    for text in REAL:
        parsed = parse.parse_story(text)
        if parsed is not None:
            assert atomic.atomic_problem(parsed.want, parsed.so_that) == _every_rule(parsed.want, parsed.so_that), text


def _every_rule(want: str, so_that: str) -> tuple[str, str] | None:
    """atomic_problem with the joint pre-check switched off: every goal read and walked."""
    real = atomic._may_join
    atomic._may_join = lambda want: True  # type: ignore[assignment]
    try:
        return atomic.atomic_problem(want, so_that)
    finally:
        atomic._may_join = real


@SETTINGS
@given(phrase | st.sampled_from(_goals() or ["export the report"]))
def test_a_goal_without_a_later_to_has_no_purpose_as_the_rules_read_it(want: str) -> None:
    assert atomic.purpose_in_goal(want) == (atomic.PURPOSE in atomic._goal(want).places)


def test_every_real_goal_has_the_purpose_the_rules_read_in_it() -> None:
    for want in _goals():
        assert atomic.purpose_in_goal(want) == (atomic.PURPOSE in atomic._goal(want).places), want


@pytest.mark.parametrize(
    "want",
    [
        "demonstrate the design to make sure it is used",
        "add new columns To make the data more useful",
        "email the provider, to report issues",
        "use the app to see who paid",
        "to export it",
    ],
)
def test_a_purpose_is_found_or_not_as_the_rules_read_it(want: str) -> None:
    assert atomic.purpose_in_goal(want) == (atomic.PURPOSE in atomic._goal(want).places)
    assert atomic.purpose_in_goal("demonstrate the design to make sure it is used")


def test_a_remembered_template_family_is_the_one_worked_out() -> None:
    templates = {parsed.template for text in REAL if (parsed := parse.parse_story(text))} | {"as-i-can-in-order-to", "in-order-to-as-i-want-so", "x"}
    for template in sorted(templates):
        assert parse.template_family(template) == parse.template_family.__wrapped__(template)
