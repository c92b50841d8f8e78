"""Reading a one-line user story into role, want and so-that.

The parser knows the common templates ("As a X, I want Y, so that Z"; "As X I
can Y in order to Z"; "I want to be able to Y"; "I would like", "I need",
"I don't want"; "In order to Z, as a X, I want Y") and is lenient about
punctuation, capitals and spacing. A sentence that is not a story gives
``None``: it is never forced into the fields.

The fields are written so that :meth:`elicit.core.session.models.Story.sentence`
reads back as the original meaning:

- ``want`` is what follows "I want", kept as written ("to export the report").
  Other means are rewritten minimally: "I can Y" and "I am able to Y" give
  "to Y"; "I don't want Y" gives "not Y"; "I would like Y" and "I need Y" give Y.
- ``so_that`` is what follows "so that". "in order to Z" gives "I can Z"
  and "so I can Z" gives "I can Z".
- ``role`` is the role without its article ("a", "an", "the").

``text`` keeps the original line and ``template`` names the wording used,
such as ``as-i-want-so-that``, ``as-i-can-in-order-to`` or
``i-want-to-be-able-to`` (no role). :func:`template_family` groups the
templates that differ only in wording that does not matter for uniformity.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

UNPARSED_TAG = "unparsed"
"""Tag of a story that holds raw text which could not be read as a story (the text is in ``want``, ``role`` is empty)."""


@dataclass(frozen=True)
class ParsedStory:
    """A story split into its parts; ``text`` is the original line."""

    role: str
    want: str
    so_that: str
    text: str
    template: str


@dataclass(frozen=True)
class _Means:
    key: str
    pattern: re.Pattern[str]
    prefix: str  # put before the rest of the clause to make "I want <want>" read right


def _means(key: str, pattern: str, prefix: str = "") -> _Means:
    return _Means(key, re.compile(pattern, re.IGNORECASE), prefix)


NEGATION = "not "
"""How a story's goal says the opposite: the parser reads "I don't want Y" as the goal "not Y"."""

# Order matters: the longer wording of the same start comes first.
_MEANS = (
    _means("i-dont-want", r"\b(?:I|we)\s+(?:do\s*n[o']?t|don't|dont)\s+(?:really\s+)?want\b", NEGATION),
    _means("i-want-to-be-able-to", r"\b(?:I|we)\s+(?:(?:really|also|just)\s+)?want\s+to\s+be\s+able\s+to\b", "to be able to "),
    _means("i-want", r"\b(?:I|we)\s+(?:would\s+)?(?:(?:really|also|just)\s+)?want(?:ed)?\b"),
    _means("i-only-want", r"\b(?:I|we)\s+only\s+want\b", "only "),
    _means("i-would-like", r"\b(?:I|we)\s*(?:would|'d|’d)\s+(?:really\s+|also\s+)?(?:like|love)\b"),
    _means("i-wish", r"\b(?:I|we)\s+wish\b"),
    _means("i-need", r"\b(?:I|we)\s+(?:also\s+)?(?:need|require)\b"),
    _means("i-am-able-to", r"\b(?:I|we)\s*(?:am|are|'m|’m|'re)\s+able\s+to\b", "to "),
    _means("i-should-be-able-to", r"\b(?:I|we)\s+(?:would|should|must|will|shall)\s+be\s+able\s+to\b", "to "),
    _means("i-can", r"\b(?:I|we)\s+(?:can|could|may)\b(?!\s*(?:not|n't|'t))", "to "),
    # a capability told as one the role has ("I have the ability to print ...", "I am allowed to ..."): as "I can"
    _means("i-have-the-ability-to", r"\b(?:I|we)\s+(?:(?:have|'ve)\s+(?:the\s+)?(?:ability|option|possibility|permission)|(?:am|are|'m)\s+(?:allowed|permitted|enabled))\s+to\b", "to "),
    # a need told as what the person expects of the organisation ("I expect you to reply within a week", "I expect to
    # be able to ...", "I don't expect you to ask twice"; round 8): a goal connector of its own, like "I need"
    _means("i-dont-expect", r"\b(?:I|we)\s+(?:do\s*n[o']?t|don't|dont)\s+expect\s+(?=(?:you|us|them|the|it|to)\b)", NEGATION),
    _means("i-expect", r"\b(?:I|we)\s+(?:would\s+)?expect\s+(?=(?:you|us|them|the|it|to)\b)"),
    # a goal told as what will happen ("As a visitor I will see a notice ..."), or as what happens ("As a reader I
    # see the logo ...", "I first see a summary ..."): the verb is kept in the goal ("to see a notice")
    _means("i-will", r"\b(?:I|we)\s+(?:will|shall|'ll|should|must)\s+(?!be\s+able\b|not\b|never\b|also\s+not\b)(?=[a-z]+\b)", "to "),
    _means("i-should-not", r"\b(?:I|we)\s+(?:should|must|will|shall)\s+(?:not|never)\s+(?=[a-z]+\b)", "not to "),
    _means("i-am-told", r"\b(?:I|we)\s+(?:am|are|'m|get)\s+(?=(?:notified|shown|told|sent|given|alerted|informed|reminded|asked|emailed|offered|warned)\b)", "to be "),
    _means("i-see", r"\b(?:I|we)\s+(?:(?:first|also|then|only|now)\s+)?(?=(?:see|get|receive)\b)", "to "),
    # a goal told as a duty ("As a user with an old password I have to be redirected to ..."), only after a role
    _means("i-have-to", r"\b(?:I|we)\s+(?:have|'ve)\s+to\b", "to "),
)
_ROLE_ONLY = frozenset({"i-will", "i-see", "i-am-told", "i-should-not", "i-have-to"})
"""Means read only after a role: "I see a problem" or "I will fix it" alone is a remark, not a story."""

# A means without its subject, right after the role's comma ("As a X, would like ...").
_BARE_MEANS = (
    _means("i-would-like", r"(?:would|'d)\s+like\b"),
    _means("i-want", r"want(?:s)?\b"),
    _means("i-need", r"need(?:s)?\b"),
)

_ENDS = (
    ("so-that", re.compile(r"(?:[,.;:]\s*|\s+)so\s+that\b[,:]?", re.IGNORECASE), ""),
    ("in-order-to", re.compile(r"(?:[,.;:]\s*|\s+)(?:in\s+order|so\s+as)\s+to\b", re.IGNORECASE), "I can "),
    # "so as not to lose them", ", in order that I can ..." (round 8): the same marker, said the other way round
    ("in-order-to", re.compile(r"(?:[,.;:]\s*|\s+)(?:in\s+order|so\s+as)\s+not\s+to\b", re.IGNORECASE), "I do not "),
    ("in-order-to", re.compile(r"(?:[,.;:]\s*|\s+)in\s+order\s+that\b", re.IGNORECASE), ""),
    (
        "so",
        re.compile(
            r"(?:,\s*so\s+(?=(?:I|we|my|our|they|their|it|its|the|users?|others|people|he|she|you|everyone)\b)|\s+so\s+(?=(?:I|we)(?:\s|['’](?:m|re|ll|d|ve)\b))|\s+so\s+(?=(?:they|he|she|people|users|others|everyone|customers|visitors)\s+(?:can|could|will|may|do|don't|are|know|have|get|find)\b)|\s+so\s+(?=there\s+(?:is|are|will|would|should|can|must)\b)|\s+(?-i:So)\s+(?=(?:the|a|an|this|that|these|those|there|it|its|they|their|he|she|[A-Z0-9][\w-]*)\s+(?:[\w-]+\s+){0,3}?(?-i:can|could|will|would|should|may|must|is|are|has|have|gets?|knows?|sees?|does|do)\b))",
            re.IGNORECASE,
        ),
        "",
    ),
)



def _earliest_of(patterns: tuple[re.Pattern[str], ...], head: str = "") -> re.Pattern[str] | None:
    """One pattern that finds, in one pass, what searching with each of ``patterns`` in turn and keeping the earliest
    match finds (a tie going to the first of them): at the leftmost offset where any of them matches, the alternation
    takes the first one that matches there, and ``lastindex`` says which. None when a pattern has groups of its own
    or the flags differ (the loop is used then): parsing a backlog ran a dozen failing searches over each line.

    When every pattern starts with ``head`` (:func:`_starts_with`), the alternation is put behind a lookahead of it:
    the same matches, but at an offset where ``head`` does not match the search tries one thing, not every pattern.
    """
    if not patterns or any(pattern.groups for pattern in patterns) or len({pattern.flags for pattern in patterns}) != 1:
        return None
    alternatives = "|".join(f"({pattern.pattern})" for pattern in patterns)
    if head and all(_starts_with(pattern, head) for pattern in patterns):
        alternatives = f"(?={head})(?:{alternatives})"
    try:
        return re.compile(alternatives, patterns[0].flags)
    except re.error:
        return None


def _starts_with(pattern: re.Pattern[str], head: str) -> bool:
    """Whether every match of ``pattern`` begins with a match of ``head``: the first items of the pattern, as Python's
    parser of regular expressions reads it, are ``head``'s items (its text alone could mislead: "\\b(?:I|we)*x" or
    "\\b(?:I|we)x|y" start with the same text). False when unsure (that parser is not a public interface)."""
    try:
        import importlib

        parser = importlib.import_module("re._parser")
        items = parser.parse(pattern.pattern, pattern.flags).data
        wanted = parser.parse(head, pattern.flags).data
        return bool(wanted) and len(items) >= len(wanted) and _same_tree(items[: len(wanted)], wanted, parser.SubPattern)
    except Exception:  # noqa: BLE001 - any surprise in a private interface: no lookahead, the plain alternation
        return False


def _same_tree(one: Any, other: Any, node: type) -> bool:
    """Whether two pieces of parsed patterns are the same (sub-patterns compared by their items)."""
    if isinstance(one, node) or isinstance(other, node):
        return type(one) is type(other) and _same_tree(one.data, other.data, node)
    if isinstance(one, (list, tuple)) or isinstance(other, (list, tuple)):
        return type(one) is type(other) and len(one) == len(other) and all(_same_tree(a, b, node) for a, b in zip(one, other, strict=True))
    return type(one) is type(other) and bool(one == other)


_LEADING_MEANS = tuple(itertools.takewhile(lambda means: means.key not in _ROLE_ONLY, _MEANS))
"""The means searched first (up to the first told as what happens): the loop takes the earliest of them."""
_MEANS_HEAD = r"\b(?:I|we)"
"""What each means of _LEADING_MEANS starts with (the one pass looks ahead for it first; see _earliest_of)."""
_ANY_MEANS = _earliest_of(tuple(means.pattern for means in _LEADING_MEANS), _MEANS_HEAD)
_ANY_ENDS = _earliest_of(tuple(pattern for _key, pattern, _prefix in _ENDS))

_ROLE_START = re.compile(r"^as\s+(?:(an?|the)(?:\s*:)?\s+)?", re.IGNORECASE)
_NOT_A_ROLE = re.compile(
    r"^as\s+(?:an?\s+)?(?:result|rule|whole|consequence|example|matter\s+of\s+fact|minimum|reminder|aside|side\s+note|note|follow[- ]up|"
    r"discussed|agreed|mentioned|described|requested|needed|required|expected|above|below|usual|such|well|soon|far|long|per|of|for|to)"
    r"(?=\s*(?:[,;:.]|$)|\s+(?:of|with|in|by|to|for|on|at|from|that|as|we|i|the|above|below|before|earlier)\b)",
    re.IGNORECASE,
)
_IN_ORDER_FIRST = re.compile(r"^in\s+order\s+to\s+(?P<ends>.+?)\s*,?\s+(?=as\s+(?:an?\s+|the\s+)?\S)", re.IGNORECASE)
_LEADING_MARK = re.compile(
    r"^(?:[-*•·–—>]+\s*|\[[ xX]\]\s+|[A-Z]{1,6}\d{1,5}\s*[:.)]\s+|\(?\d{1,4}[.)]\s+|#\w+#\s*|\[?[A-Z][A-Z0-9]*-\d+\]?\s*[:.)-]?\s+|#\d+\s*[:.)-]?\s+|(?:user\s+)?story\s*:\s*|(?:user\s+)?story\s+-\s+|(?:chore|feature|bug|bugfix|fix|hotfix|task|epic|spike|enhancement|improvement|story)\s*:\s*|\[(?:chore|feature|bug|bugfix|fix|task|epic|spike|enhancement|improvement|story|user\s+story)\]\s*)+",
    re.IGNORECASE,
)
_ITEM_HEAD = re.compile(r"^(?:\[[\w.-]{1,24}\]\s*)?[^{}\[\]]{0,120}?\{\{\s*[\w.-]{1,40}\s*\}\}\s*(?=(?:as|i|we|in\s+order|so\s+that)\b)", re.IGNORECASE)
"""An item's metadata before its story: an id in brackets, a title and a template macro ("[US-SC-01] Archiving
attempts {{demand_high}} As a teacher, ..."; round 9): item metadata, not story text."""
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " ", "\u200b": "", "\ufeff": ""})
_TRAILING = " \t,;:.!|"


_RELIEF = re.compile(r"^(?:to\s+)?(?:have|need|be\s+(?:forced|made|required|asked))\s+to\b", re.IGNORECASE)
"""A negated duty ("not to have to create an account"): relief from having to do it, not a refusal of it."""


_REFUSALS = (NEGATION, "never ")


def negated_goal(want: str) -> str | None:
    """The goal a negated ``want`` refuses, or None when the want is not a refusal.

    The negation is the parser's (:data:`NEGATION`): "I don't want to pay a
    deposit" gives the goal "not to pay a deposit", which refuses "to pay a
    deposit"; "to not pay a deposit" refuses it too. "Not to have to create an
    account" is no refusal of creating one (the account may be optional):
    None. "Never to take a deposit" and "to never take a deposit" refuse as "not"
    does; other words of refusal ("no longer", "must not" inside the goal) are not read.
    """
    text = " ".join(want.split())
    lowered = text.lower()
    for refusal in _REFUSALS:
        if lowered.startswith(refusal):
            goal = text[len(refusal) :]
            break
        if lowered.startswith("to " + refusal):
            goal = "to " + text[len("to " + refusal) :]
            break
    else:
        return None
    if not goal.strip() or _RELIEF.match(goal):
        return None
    return goal


_EMPHASIS = re.compile(r"\*\*|__|`|(?<![\w*])\*(?=[^\s*])([^*]*?[^\s*])\*(?![\w*])")
"""Markdown emphasis and code marks ("**As a** user", "*artefacts*", "`make`"): the words stay, the marks go."""


def normalise(text: str) -> str:
    """The line with typographic quotes made plain, spaces collapsed, Markdown emphasis, bullets, task boxes and
    leading ids removed."""
    if "*" in text or "_" in text or "`" in text:
        text = _EMPHASIS.sub(lambda found: found.group(1) or "", text)
    text = " ".join((text if text.isascii() else text.translate(_QUOTES)).split())  # _QUOTES maps no ASCII character
    text = _LEADING_MARK.sub("", text, count=1).strip()
    if "{{" in text:
        text = _ITEM_HEAD.sub("", text, count=1)
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1].strip()
    return text


@lru_cache(maxsize=4096)
def parse_story(text: str) -> ParsedStory | None:
    """Split a one-line story into role, want and so-that; None when the text is not a story.

    Remembered for the last few thousand texts: a backlog is parsed when it is read and again
    when its stories are linted (the answer is an immutable record)."""
    line = normalise(text)
    if not line:
        return None
    front = _IN_ORDER_FIRST.match(line)
    if front:
        inner = _parse_body(line[front.end() :])
        if inner is None or not inner.role or inner.so_that:
            return None
        so_that = "I can " + front.group("ends").strip(_TRAILING)
        return ParsedStory(inner.role, inner.want, so_that, text, "in-order-to-" + inner.template)
    parsed = _read_line(line)
    if parsed is None:
        return None
    return ParsedStory(parsed.role, parsed.want, parsed.so_that, text, parsed.template)


def _read_line(line: str) -> ParsedStory | None:
    """The first reading, the second one where the first finds no goal or no role, then a named person as the subject
    (:func:`_persona`) and a purpose told as a sentence of its own (:func:`_purpose_sentence`). A story written in
    labelled fields ("Benefit: ... Role: ... Goal: ...") is read by its labels (:func:`_labelled_story`)."""
    line = _without_back_label(_table_row(line) if line[0] == "|" else line)
    if not line:
        return None
    if ":" in line and (labelled := _labelled_story(line)) is not None:
        return labelled
    parsed = _read(line)
    if parsed is None or not parsed.want or not parsed.role:
        parsed = _read_harder(line, parsed)
    if parsed is None:
        return None
    if parsed.template.startswith("as-unmarked"):
        parsed = _persona(parsed) or parsed
    if not parsed.so_that and "To " in line:
        parsed = _purpose_sentence(parsed) or parsed
    return parsed


def _read(line: str) -> ParsedStory | None:
    """The first reading of a line: the templates, then a story told in the third person or as a scene, then a bare
    requirement."""
    return _parse_body(line) or _third_person(line) or _bare_requirement(line)


_BARE = re.compile(
    r"^(?:must|shall|should|may|can|could|will)\s+(?:also\s+)?(?:(?P<able>be\s+able\s+to)\s+)?(?!not\b|never\b|be\s+able\b)(?=(?-i:[a-z]+)\b)",
    re.IGNORECASE,
)
"""A requirement whose subject is left out, the role named in a heading or page above it (round 10): "must be able to
search the catalogue", "may be able to save a view", "must track the feedback"."""


def _bare_requirement(line: str) -> ParsedStory | None:
    """A bare requirement (:data:`_BARE`) read as a story with no role: "must be able to X" is the goal "to X", its
    connector the same for every bare requirement (template ``bare``; ``non-uniform`` compares it with the others)."""
    found = _BARE.match(line)
    if found is None:
        return None
    want, so_that, ends = _split_ends(line[found.end() :])
    if not want:
        return None
    return ParsedStory("", "to " + want, so_that, line, "bare" + (f"-{ends}" if ends else ""))


def _parse_body(line: str) -> ParsedStory | None:
    start = _ROLE_START.match(line)
    if start and not _NOT_A_ROLE.match(line):
        return _parse_with_role(line, start.end(), bool(start.group(1)))
    for means in _MEANS:
        if means.key == "i-can" or means.key in _ROLE_ONLY:
            continue  # "I can't log in" is a complaint, "I see an error" a remark: not stories
        found = means.pattern.match(line)
        if found:
            parsed = _split_rest("", means, line[found.end() :], line)
            return parsed if parsed.want else None  # neither role nor goal: nothing to read
    return None


def _parse_with_role(line: str, role_start: int, has_article: bool) -> ParsedStory | None:
    rest = line[role_start:]
    ends_at = _earliest_ends(rest)
    comma = rest.find(",", 0, ends_at)
    best = _means_after_role(rest, ends_at, comma)
    if best is not None:
        role = _clean_role(rest[: best[0]])
        return _split_rest(role, best[2], rest[best[1] :], line) if role else None
    return _unmarked_story(line, rest, comma if comma > 0 else ends_at, has_article)


def _means_after_role(rest: str, ends_at: int, comma: int) -> tuple[int, int, _Means] | None:
    """The earliest means wording ("I want", or a bare "would like" right after the role's comma): start, end, which."""
    best = _earliest_means(rest, ends_at)
    if comma > 0:
        after_comma = rest[comma + 1 :].lstrip()
        offset = len(rest) - len(after_comma)
        for means in _BARE_MEANS:
            found = means.pattern.match(after_comma)
            if found and (best is None or offset < best[0]):
                best = (offset, offset + found.end(), means)
                break
    return best


def _earliest_means(rest: str, ends_at: int) -> tuple[int, int, _Means] | None:
    """The earliest means wording before ``ends_at`` that does not start the text (a tie: the first of _MEANS); the
    means told as what happens (_ROLE_ONLY, last in _MEANS) only where no other is written.

    :data:`_ANY_MEANS` searches the means before the first of _ROLE_ONLY in one pass; :func:`_means_loop` is the
    search one pattern at a time, used where that pass cannot answer (a means at the very start of the text, which
    the loop passes over) and for the means after them when none of those is written."""
    first = _ANY_MEANS.search(rest, 0, ends_at) if _ANY_MEANS is not None else None
    if first is not None and first.start() > 0 and first.lastindex is not None:
        return first.start(), first.end(), _LEADING_MEANS[first.lastindex - 1]  # the loop's answer: none starts at 0
    if first is None and _ANY_MEANS is not None:
        return _means_loop(rest, ends_at, _MEANS[len(_LEADING_MEANS) :])  # none of the leading means anywhere
    return _means_loop(rest, ends_at, _MEANS)


def _means_loop(rest: str, ends_at: int, candidates: tuple[_Means, ...]) -> tuple[int, int, _Means] | None:
    best: tuple[int, int, _Means] | None = None
    for means in candidates:
        if means.key in _ROLE_ONLY and best is not None:
            break  # told as what happens: only where no "I want", "I can" ... is written (they come last)
        found = means.pattern.search(rest, 0, ends_at)
        if found and found.start() > 0 and (best is None or found.start() < best[0]):
            best = (found.start(), found.end(), means)
    return best


def _unmarked_story(line: str, rest: str, cut: int, has_article: bool) -> ParsedStory | None:
    """No means wording: "As a X, <something>" still names a role; the want is what follows (maybe nothing)."""
    if not has_article or cut <= 0 or cut >= len(rest):
        return None
    subject = _SUBJECT_IN_ROLE.search(rest, 0, cut)
    if subject is not None:  # "As a user I have access to my orders, so that ...": the goal starts at "I"
        cut = subject.start()
    role = _clean_role(rest[:cut])
    if not role or len(role.split()) > 8:
        return None
    want, so_that, ends = _split_ends(rest[cut:])
    if _A_THOUGHT.match(want):
        want = ""
    elif _OF_THE_ROLE.match(want):  # the goal, if any, after the clause: "As a clerk, who is signed in, I add ..."
        subject = _GOAL_AFTER_CLAUSE.search(want)
        want = want[subject.end() :] if subject is not None else ""
    return ParsedStory(role, want, so_that, line, "as-unmarked" + (f"-{ends}" if ends else ""))


_OF_THE_ROLE = re.compile(r"^(?:who|whom|whose|which|that)\b", re.IGNORECASE)
"""A clause that describes the role ("As a sponsor, who is signed in, ..."): not the goal."""
_GOAL_AFTER_CLAUSE = re.compile(r",\s*(?-i:I|we)\s+(?=[a-z])", re.IGNORECASE)
_SUBJECT_IN_ROLE = re.compile(
    r"(?<!\bwhen)(?<!\bif)(?<!\bonce)(?<!\bafter)(?<!\bbefore)(?<!\bwhile)(?<!\bwhenever)(?<!\bthat)(?<!\bwhere)(?<!\bbecause)"
    r"\s+(?-i:I|we)\s+(?=[a-z])",
    re.IGNORECASE,
)
"""Where an unmarked goal starts inside what would be the role: "I" or "we" not in a clause of the role ("As a user
when I ...")."""


_ARTICLE = re.compile(r"^(?:an?|the)\s+", re.IGNORECASE)
_TO = re.compile(r"to\s", re.IGNORECASE)
_STUTTER = re.compile(r"^(?:so\s+that\b|so\b(?=\s+(?:I|we|they|that)\b))\s*", re.IGNORECASE)
# compiled once: re.sub(pattern, ...) looks the pattern up in re's cache on every call


def _earliest_ends(text: str) -> int:
    global _LAST_ENDS
    if _ANY_ENDS is not None:
        found = _ends_search(text)
        _LAST_ENDS = (text, found)  # for _ends_span: the split of a tail of this text that follows
        return found.start() if found else len(text)
    starts = [found.start() for _key, pattern, _prefix in _ENDS if (found := pattern.search(text))]
    return min(starts, default=len(text))


def _ends_span(rest: str) -> tuple[int, int, int] | None:
    """Where :data:`_ANY_ENDS` first matches in ``rest`` (start, end, which of _ENDS), as ``_ANY_ENDS.search(rest)``
    finds it; None when it does not match.

    A story's ends are searched twice: in the text after the role (:func:`_earliest_ends`, which bounds the means),
    then in the part after the means, a tail of that text. When the patterns never look before where a match starts
    (:func:`_reads_before_start`), the first match in a tail is the text's first match if it starts in the tail, and
    there is none when the text has none: the earlier search answers without a second one.
    """
    assert _ANY_ENDS is not None
    last_text, last_found = _LAST_ENDS  # one read: another thread may replace it, and the check below holds for any
    shift = len(last_text) - len(rest)
    if _ENDS_LOCAL and shift >= 0 and last_text.endswith(rest) and (last_found is None or last_found.start() >= shift):
        if last_found is None or last_found.lastindex is None:
            return None
        return last_found.start() - shift, last_found.end() - shift, last_found.lastindex
    found = _ends_search(rest)
    return (found.start(), found.end(), found.lastindex) if found is not None and found.lastindex is not None else None


_ENDS_WORDS = ("so", "order")
"""What every match of _ENDS holds ("so that", "so", "so as to", "in order to"), in lower case: a third of the lines
hold neither, and searching a line for an alternation that is not there is the slowest search of all."""


def _may_end(text: str) -> bool:
    """Whether ``text`` may hold a benefit marker: not an ASCII text without the words of _ENDS_WORDS (re.IGNORECASE
    compares ASCII letters as str.lower does; any other text is searched)."""
    if not text.isascii():
        return True
    lowered = text.lower()
    return any(word in lowered for word in _ENDS_WORDS)


_BEFORE_ENDS_WORD = frozenset(",.;:inIN")
"""What a match of _ENDS may hold before its first word of _ENDS_WORDS, besides white space: the stop or comma it
starts with, and the "in" of "in order to"."""


def _ends_search(text: str) -> re.Match[str] | None:
    """``_ANY_ENDS.search(text)``, started no earlier than a match may start: in an ASCII text, at the run of
    _BEFORE_ENDS_WORD and white space before the first word of _ENDS_WORDS (none: no match, as :func:`_may_end`
    says). A search from an offset finds the same match as one from the start when none starts before it (the
    patterns see the text before the offset all the same); the search from the start tried every offset before."""
    assert _ANY_ENDS is not None
    if not text.isascii():
        return _ANY_ENDS.search(text)
    lowered = text.lower()
    first = min((found for found in map(lowered.find, _ENDS_WORDS) if found != -1), default=-1)
    if first == -1:
        return None
    while first and (text[first - 1] in _BEFORE_ENDS_WORD or text[first - 1].isspace()):
        first -= 1
    return _ANY_ENDS.search(text, first)


def _reads_before_start(pattern: re.Pattern[str]) -> bool:
    """Whether a match of ``pattern`` may depend on the text before where it starts: a lookbehind anywhere, or an
    anchor or word boundary (``^``, ``\\b`` ...) before the match has taken a character. True when unsure (the
    parser of the standard library, whose tree this reads, is not a public interface)."""
    try:
        import importlib

        codes, parser = importlib.import_module("re._constants"), importlib.import_module("re._parser")
        return _reads_before(parser.parse(pattern.pattern, pattern.flags), True, codes)[0]
    except Exception:  # noqa: BLE001 - any surprise in a private interface: assume the worst, search each time
        return True


def _reads_before(items: Iterable[Any], fresh: bool, codes: Any) -> tuple[bool, bool]:
    """(whether these items may read before the start, whether nothing may have been taken after them)."""
    for op, value in items:
        unsafe, fresh = _item_reads_before(op, value, fresh, codes)
        if unsafe:
            return True, fresh
    return False, fresh


def _item_reads_before(op: Any, value: Any, fresh: bool, codes: Any) -> tuple[bool, bool]:
    """:func:`_reads_before` of one item of the pattern's tree."""
    if op in (codes.LITERAL, codes.NOT_LITERAL, codes.IN, codes.ANY):
        return False, False
    if op is codes.AT:
        return fresh, fresh
    if op in (codes.ASSERT, codes.ASSERT_NOT):
        direction, inner = value
        return direction < 0 or _reads_before(inner, fresh, codes)[0], fresh
    if op is codes.SUBPATTERN or op is codes.ATOMIC_GROUP:
        return _reads_before(value[-1] if op is codes.SUBPATTERN else value, fresh, codes)
    if op is codes.BRANCH:
        results = [_reads_before(branch, fresh, codes) for branch in value[1]]
        return any(unsafe for unsafe, _after in results), any(after for _unsafe, after in results)
    if op in (codes.MAX_REPEAT, codes.MIN_REPEAT, codes.POSSESSIVE_REPEAT):
        least, _most, inner = value
        unsafe, after = _reads_before(inner, fresh, codes)
        return unsafe, fresh if least == 0 else after
    return True, fresh  # a back reference, a conditional group, anything new: unsure


_ENDS_LOCAL = _ANY_ENDS is not None and not _reads_before_start(_ANY_ENDS)
"""Whether the ends patterns never look before a match's start, so a tail's first match follows from its text's."""
_LAST_ENDS: tuple[str, re.Match[str] | None] = ("", None)
"""The text :func:`_earliest_ends` searched last, and what it found."""


def _clean_role(role: str, determiners: frozenset[str] = frozenset()) -> str:
    role = role.strip(_TRAILING + " ")
    role = _ARTICLE.sub("", role).strip()
    first, _space, rest = role.partition(" ")
    return rest.strip() if rest and first.lower() in determiners else role


def _split_rest(role: str, means: _Means, rest: str, line: str) -> ParsedStory:
    want, so_that, ends = _split_ends(rest)
    if want and means.key == "i-will" and _A_FEELING.match(want):
        want = ""  # "I will be more confident if ...": how the role would feel, nothing asked of the product
    if want:
        want = means.prefix + _drop_repeated_to(means, want)
    template = ("as-" if role else "") + means.key + (f"-{ends}" if ends else "")
    return ParsedStory(role, want, so_that, line, template)


_A_FEELING = re.compile(
    r"^be\s+(?:(?:more|less|very|much|so)\s+)?(?:confident|happy|comfortable|curious|glad|satisfied|pleased|relieved|reassured|worried)\b",
    re.IGNORECASE,
)
_A_THOUGHT = re.compile(r"^(?:I|we)\s+(?:would\s+|will\s+)?(?:assume|think|believe|wonder|suppose|am\s+curious|are\s+curious)\b", re.IGNORECASE)
"""What the role thinks or wonders ("I would assume that ...", "I am curious where ..."): no goal."""


def _drop_repeated_to(means: _Means, want: str) -> str:
    # "I can to export" / "I am able to to export": keep one "to".
    if means.prefix.endswith("to ") and _TO.match(want):
        return want[3:].lstrip()
    return want


def _split_ends(rest: str) -> tuple[str, str, str]:
    """Split "Y, so that Z" into (Y, Z, marker key); the earliest marker wins."""
    best: tuple[int, int, str, str] | None = None
    if _ANY_ENDS is not None:
        span = _ends_span(rest)
        if span is not None:
            key, _pattern, prefix = _ENDS[span[2] - 1]
            best = (span[0], span[1], key, prefix)
    else:
        for key, pattern, prefix in _ENDS:
            found = pattern.search(rest)
            if found and (best is None or found.start() < best[0]):
                best = (found.start(), found.end(), key, prefix)
    if best is None:
        return rest.strip(_TRAILING), "", ""
    want = rest[: best[0]].strip(_TRAILING)
    so_that = rest[best[1] :].strip(_TRAILING)
    # "so that so that we ...", "so that so we ...": a stutter, not a second benefit.
    so_that = _STUTTER.sub("", so_that).strip(_TRAILING)
    if not so_that:
        return want, "", ""
    return want, best[3] + so_that, best[2]


# A story written in labelled fields ---------------------------------------------------------------------------------
# "Benefit: In order to X Role: As a clerk Goal/desire: I want Y" (Gherkin narratives written as forms; round 9): the
# labels say which part is which, in any order; the words after each label are read as the templates read them, so
# a goal slot without "I want" or a benefit slot without "in order to" is worded otherwise (non-uniform), not missing.

_FIELD_LABEL = re.compile(
    r"(?:^|(?<=[\s.;,]))(?P<label>role|actor|persona|who|goal\s*/\s*desire|goal|desire|want|what|benefit|value|reason|why|so\s+that)\s*:\s*",
    re.IGNORECASE,
)
_FIELD_KIND = {"role": "role", "actor": "role", "persona": "role", "who": "role", "goal": "goal", "desire": "goal", "want": "goal",
               "what": "goal", "benefit": "benefit", "value": "benefit", "reason": "benefit", "why": "benefit", "so that": "benefit"}
_UNMARKED_BENEFIT = "no-marker"
"""The ends of a benefit given in its own field without a marker ("Benefit: Correct handling of time zones")."""


def _fields(line: str) -> dict[str, str] | None:
    """The labelled fields of a line (kind -> text), when it is written as two or more of them and nothing stands
    before the first; None otherwise (a colon in an ordinary story: "As a clerk: I want ...")."""
    found = list(_FIELD_LABEL.finditer(line))
    if len(found) < 2 or found[0].start() != 0:
        return None
    fields: dict[str, str] = {}
    for index, label in enumerate(found):
        kind = _FIELD_KIND[" ".join(label.group("label").lower().split("/")[0].split())]
        end = found[index + 1].start() if index + 1 < len(found) else len(line)
        if kind in fields:
            return None  # a label twice: not a form
        fields[kind] = line[label.end() : end].strip(_TRAILING + " ")
    return fields if "goal" in fields and fields["goal"] else None


def _labelled_story(line: str) -> ParsedStory | None:
    """A story written in labelled fields, read field by field (see above), or None when the line is not one."""
    fields = _fields(line)
    if fields is None:
        return None
    role = fields.get("role", "")
    start = _ROLE_START.match(role)
    role = _clean_role(role[start.end() :] if start else role)
    goal = _parse_body(fields["goal"])
    if goal is not None and goal.role:
        goal = None  # "Goal: As a clerk, I want ...": read as written below
    if goal is not None and goal.want:
        want, so_that, template = goal.want, goal.so_that, goal.template
    else:
        want, so_that, ends = _split_ends(fields["goal"])
        template = "unmarked" + (f"-{ends}" if ends else "")
    benefit = fields.get("benefit", "")
    if benefit and not so_that:
        so_that, ends = _benefit_field(benefit)
        template = template.split("-so", 1)[0].split("-in-order-to", 1)[0] + f"-{ends}"
    if not want:
        return None
    return ParsedStory(role, want, so_that, line, ("as-" if role else "") + template)


def _benefit_field(benefit: str) -> tuple[str, str]:
    """The benefit and its ends key, from a benefit field: a marker read as the templates read it ("In order to X",
    "So I can X"), else the field as written with the ends :data:`_UNMARKED_BENEFIT`."""
    _want, so_that, ends = _split_ends(" " + benefit)
    if so_that and not _want.strip():
        return so_that, ends
    if (typo := _IN_ORDER_NO_TO.match(benefit)) is not None:  # "In order receive a notification": the marker, mistyped
        return "I can " + benefit[typo.end() :], "in-order-to"
    return benefit, _UNMARKED_BENEFIT


_IN_ORDER_NO_TO = re.compile(r"in\s+order\s+(?!to\b|that\b)(?=[a-z]+\b)", re.IGNORECASE)


# Lines the reader cannot place with confidence (round 9) ----------------------------------------------------------
# The lint stays quiet rather than cry wolf where the reader is unsure: a line it cannot read as a story that still
# asks for something is no proof of "not a story" (its shape is one the reader does not know), and a story whose
# fields hold another part's label was split in the wrong places, so what its parts hold says nothing.

_ASKS = re.compile(
    r"^(?:[^\s.;:!?]+\s+){1,24}?(?:wants?|needs?|would\s+like|wish(?:es)?|expects?|can|could|(?:should|must|will|would)\s+be\s+able\s+to|"
    r"(?:is|are)\s+able\s+to|(?:must|shall|should|may)(?:\s+not)?)\s+(?:to\s+)?(?:be\s+)?[a-z]{2,}|^(?:so\s+that|in\s+order\s+to)\s+\S|^as\s+(?:an?|the)\s+[^.;:!?]{1,80}?\b(?-i:I|we)\s+[a-z]{2,}",
    re.IGNORECASE,
)
_PART_LABEL = re.compile(r"\b(?:role|goal(?:\s*/\s*desire)?|benefit)\s*:", re.IGNORECASE)

UNREAD_REQUEST = "unread-request"
"""Why a line is quiet on ``not-a-story``: it asks for something in a shape the reader does not know."""
UNPLACED_PARTS = "unplaced-parts"
"""Why a story is quiet on the checks of its parts: its fields hold another part's label."""


def unsure_reading(text: str, parsed: ParsedStory | None) -> str:
    """Why the reader is not sure of its reading of ``text`` (:data:`UNREAD_REQUEST`, :data:`UNPLACED_PARTS`), or "".

    No story, but a subject and a goal connector ("A text mining application wants to discover ...", "An external
    system can harvest ..."), a role and "I" with a verb ("As a teacher when I register I provide ..."), or a line
    that opens with a benefit ("So that ..."): a request in a shape the reader does not know. A story whose role, goal or benefit holds a label of another part ("... Role: ... Goal: ..."): its
    parts were not placed."""
    if parsed is None:
        line = normalise(text)
        before = _ends_search(line)  # the connector must ask, not stand in a benefit ("Upload it so that I can ...")
        return UNREAD_REQUEST if _ASKS.match(line[: before.start()] if before is not None and before.start() > 0 else line) else ""
    if ":" in text and any(_PART_LABEL.search(part) for part in (parsed.role, parsed.want, parsed.so_that)):
        return UNPLACED_PARTS
    return ""


# Stories told in the third person or as a scene ------------------------------------------------------------------
# "An archivist can upload ... so that ...", "Users can ...", "A writer should be able to ...", "Administrators will
# be able to ...", "Users will see ...", "When a user clicks Save, they see a message, so that ...", "On the results
# page, a user can ...". The role is the subject of the sentence (or of its leading clause, with "they" in the main
# one); it must be a word for a person ("user", "archivist", "staff", any "-er"/"-or"/"-ist"/"-ian" word that is no
# machine), so "The system can ..." or "It can take a minute" stays no story. A goal told as what will happen or
# what happens (will/should/must, see/receive, "is notified") is a story only when it gives a benefit: "Users see an
# error when saving" is a bug report.

_ACTORS = frozenset(
    ["user", "admin", "sysadmin", "superuser", "staff", "faculty", "member", "people", "person", "public", "team", "guest", "child", "parent", "client", "customer", "visitor", "patron", "anyone", "everyone", "someone", "everybody", "somebody", "expert", "specialist", "nurse", "doctor", "clerk", "coach", "pupil", "audience", "crowd", "community", "household", "family", "employee", "trainee", "attendee"]
)
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ee", "eer")
_NOT_ACTORS = frozenset(
    ["server", "browser", "computer", "folder", "header", "footer", "number", "order", "error", "filter", "parser", "scheduler", "container", "counter", "marker", "banner", "player", "printer", "scanner", "router", "controller", "monitor", "sensor", "indicator", "selector", "cursor", "processor", "generator", "converter", "uploader", "loader", "downloader", "importer", "exporter", "renderer", "handler", "listener", "driver", "layer", "character", "paper", "letter", "register", "border", "corner", "cover", "answer", "chapter", "matter", "water", "power", "center", "centre", "member-list", "document", "component", "content", "event", "agent", "environment", "element", "statement", "requirement", "payment", "comment", "segment", "department", "government", "management", "development", "deployment", "assessment", "attachment", "amount", "account", "account-holder", "plant", "variant", "constant", "tenant-list", "item", "data", "system", "application", "app", "site", "website", "page", "tool", "service", "software", "product", "platform", "database", "api", "form", "button", "field", "report", "file", "feature", "interface", "screen", "menu", "link", "email", "message", "calendar", "vendor-list", "editor-field", "colour", "color", "floor", "door", "error-message", "mirror", "sector", "factor", "actor-list"]
)
_NOT_BEFORE_HEAD = frozenset(
    ["to", "for", "from", "of", "by", "with", "on", "at", "about", "into", "onto", "over", "under", "than", "it", "this", "that", "these", "those", "there", "which", "what", "who", "whose", "i", "we", "you", "he", "she", "they", "my", "our", "your", "his", "her", "their", "its", "is", "are", "was", "were", "be", "can", "will", "should", "must", "would", "could", "may"]
)
_THIRD_MEANS = (
    # key, pattern after the subject, prefix of the goal, whether the story must give a benefit
    ("third-can", r"(?:can|could|may|(?:is|are)\s+able\s+to|(?:will|would|should|must|shall)\s+be\s+able\s+to)(?!\s*(?:not|n't|'t)\b)", "to ", False),
    ("third-told", r"(?:is|are|will\s+be|get|gets)\s+(?=(?:notified|shown|told|sent|given|alerted|informed|reminded|asked|emailed|offered|warned|taken|brought|redirected|prompted)\b)", "to be ", True),
    ("third-will", r"(?:(?:will|shall|should|must|'ll)\s+(?!be\s+able\b|not\b|never\b)(?=[a-z]+\b)|(?:is|are)\s+required\s+to\b)", "to ", True),
    ("third-see", r"(?:(?:also|then|only|now)\s+)?(?=(?:see|sees|receive|receives|get|gets|have|has)\b)", "to ", True),
    ("third-want", r"(?:(?:also|only|really)\s+)?(?:wants?|would\s+like|needs?)(?=\s+(?:to\s+)?[a-z])", "", False),
)
_THIRD = re.compile(
    r"^(?P<role>(?:(?:an?|the|all|any|every|each)\s+)?[^\s,;:.]+(?:\s+[^\s,;:.]+){0,20}?)(?<!\bwho)(?<!\bthat)(?<!\bwhich)(?<!\bwhose)\s+(?P<means>"
    + "|".join(f"(?P<m{index}>{pattern})" for index, (_key, pattern, _prefix, _benefit) in enumerate(_THIRD_MEANS))
    + r")\s*",
    re.IGNORECASE,
)
_PRONOUN_SUBJECT = re.compile(r"^[\"']?\s*(?:they|he|she)(?:\s+|(?='re\s))", re.IGNORECASE)
_NO_COMMA_PRONOUN = re.compile(r"\s+(?=(?:they|he|she)(?:\s+(?:can|could|will|see|get|receive|are|is)\b|'re\s))", re.IGNORECASE)
_LEAD = re.compile(r"^(?P<word>when|whenever|after|once|if|while|before|on|in|from|within|at|during)\s+", re.IGNORECASE)
_SCENE_WORDS = frozenset({"when", "whenever", "after", "once", "if", "while", "before"})
_PURPOSE_FIRST = re.compile(r"^(?:in\s+order\s+to|to)\s+", re.IGNORECASE)
_JOINED_NARRATIVE = re.compile(r"\s+(?=(?-i:A|An|The)\s)")
"""A narrative written on three lines and joined ("In order to X A writer should be able to Y"): the capital article
starts the next part."""


_PRONOUNS = frozenset({"i", "we", "you", "they", "he", "she", "it"})
_DASHES = frozenset({"-", "–", "—", "|", "=>", "->"})
_ROLE_DETERMINERS = frozenset({"a", "an", "the", "all", "any", "every", "each", "this", "that", "these", "those", "such"})


def _actor_head(words: list[str]) -> int | None:
    """Where the head of a role is in its first words: a word for a person after modifiers (no preposition, pronoun
    or verb before it), or None."""
    start = 1 if words and words[0].lower() in _ROLE_DETERMINERS else 0
    for index in range(start, min(len(words), start + 5)):
        word = words[index].lower().strip("'’()")
        if word in _NOT_BEFORE_HEAD:
            return None
        if _is_actor(word):
            return index
    return None


def _is_actor(word: str) -> bool:
    if word.endswith("es") and word[:-2] in _ACTORS:
        return True  # "coaches"
    singular = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    if singular in _NOT_ACTORS or word in _NOT_ACTORS:
        return False
    if singular in _ACTORS or word in _ACTORS or word in {"people", "staff", "faculty", "public", "children"}:
        return True
    return len(singular) > 4 and singular.endswith(_AGENT_ENDINGS)


def _third_person(line: str) -> ParsedStory | None:
    """A story whose role is the subject of the sentence, maybe after a leading clause or a purpose."""
    purpose = _PURPOSE_FIRST.match(line)
    if purpose:
        return _purpose_first(line, purpose.end())
    lead = _LEAD.match(line)
    if lead:
        return _after_lead(line, lead.group("word").lower() in _SCENE_WORDS)
    return _subject_story(line, "")


def _purpose_first(line: str, start: int) -> ParsedStory | None:
    """ "In order to Z, a writer should be able to Y" (also joined without a comma before a capital article)."""
    rest_of = line[start:]
    cuts = itertools.chain((m.end() for m in _COMMA.finditer(rest_of)), (m.end() for m in _JOINED_NARRATIVE.finditer(rest_of)))
    for cut in cuts:
        ends = rest_of[:cut].strip(_TRAILING)
        rest = rest_of[cut:]
        inner = _subject_story(rest, "", benefit_given=True) or _parse_body(rest)
        if inner is not None and inner.role and inner.want and not inner.so_that and ends:
            return ParsedStory(inner.role, inner.want, "I can " + ends, line, "in-order-to-" + inner.template)
    return None


_COMMA = re.compile(r",[\"']?\s*")


def _after_lead(line: str, scene: bool) -> ParsedStory | None:
    """ "When a user clicks X, they see Y, so that Z" (the role from the leading clause), "On page X, a user can Y", or
    "When a user clicks X, the page opens ..., so that Z" (what the product does for the role, with a benefit)."""
    ends_at = _earliest_ends(line)  # the leading clause and the subject come before the benefit
    splits = [(m.start(), m.end()) for m in _COMMA.finditer(line, 0, ends_at)]
    if scene:
        splits += [(m.start(), m.end()) for m in _NO_COMMA_PRONOUN.finditer(line, 0, ends_at)]
    for clause_end, main_start in splits:
        clause, main = line[:clause_end], line[main_start:]
        story = _subject_story(main, "")
        if story is not None:
            return story
        role = _scene_role(clause) if scene else ""
        if role and _PRONOUN_SUBJECT.match(main):
            story = _subject_story(_PRONOUN_SUBJECT.sub("they ", main, count=1).replace("they 're ", "they are ", 1), role)
            if story is not None:
                return story
    return _what_the_product_does(line, splits[0]) if scene and splits else None


def _what_the_product_does(line: str, split: tuple[int, int]) -> ParsedStory | None:
    """ "When a guest cancels, the room is freed, so that others can book it": the role from the leading clause, the
    main clause as the goal (template ``scene``), only with a benefit."""
    clause_end, main_start = split
    role = _scene_role(line[:clause_end])
    want, so_that, ends = _split_ends(line[main_start:])
    if role and want and so_that and not _PRONOUN_SUBJECT.match(want):
        return ParsedStory(role, want, so_that, line, "scene" + (f"-{ends}" if ends else ""))
    return None


def _scene_role(clause: str) -> str:
    """The actor of a leading "When ..." clause ("When a logged-in user tries ..." gives "logged-in user"), or ""."""
    words = clause.split()[1:]
    head = _actor_head(words)
    return _clean_role(" ".join(words[: head + 1])) if head is not None else ""


def third_person_capability(text: str) -> ParsedStory | None:
    """``text`` read as a story whose role is its subject with "can" or "be able to" ("That user can edit the page"),
    or None: how not-atomic knows a second sentence asks for another capability."""
    story = _subject_story(text, "")
    return story if story is not None and story.template.startswith("third-can") else None


def _subject_role(subject: str) -> str:
    """The role named by the subject of a third-person story, or "" when it names no person (or a label and a pronoun:
    "Night clerk - I would like ...", a label, then a story of its own)."""
    words = subject.split()
    if _actor_head(words) is None or words[-1].lower() in _PRONOUNS or any(word in _DASHES for word in words):
        return ""
    return _clean_role(subject, _ROLE_DETERMINERS)


def _subject_story(text: str, role: str, benefit_given: bool = False) -> ParsedStory | None:
    """ "<role> can Y, so that Z": the subject is the role (``role`` given: the subject is a pronoun for it)."""
    found = _THIRD.match(text)
    if found is None or found.start("means") >= _earliest_ends(text):
        return None
    role = role or _subject_role(found.group("role"))
    if not role:
        return None
    index = next(i for i in range(len(_THIRD_MEANS)) if found.group(f"m{i}") is not None)
    key, _pattern, prefix, needs_benefit = _THIRD_MEANS[index]
    want, so_that, ends = _split_ends(text[found.end() :])
    if not want or (needs_benefit and not so_that and not benefit_given):
        return None
    if prefix.endswith("to ") and _TO.match(want):
        want = want[3:].lstrip()
    return ParsedStory(role, prefix + want, so_that, text, key + (f"-{ends}" if ends else ""))


# A second reading: a shape the templates do not start with --------------------------------------------------------
# Tried only where the first reading finds no story, or one without a goal or a role; a line it cannot read either is
# left as the first reading had it. Three things move a story away from the templates (made-up examples):
# - its clauses in another order: the benefit between role and goal ("As a clerk So that I can close the day I want to
#   print the totals"), first ("So that I can close the day, I want to ...", "In order to close the day I want to ..."),
#   or the role after the benefit ("So that ..., as a clerk, I want ...");
# - a short label in front ("High:", "P1 -", "Story 3.", "(Must)", "Export totals:") or behind ("| High", "(P2)");
# - the role's person named ("As a clerk, Sam can print the totals ...": the goal is what Sam can do).
# The reading must find a goal in what is left, or it answers nothing.

_STRONG_MEANS = tuple(means for means in _MEANS if means.key not in _ROLE_ONLY and means.key not in {"i-can", "i-am-able-to"})
"""The means that start a goal wherever they stand ("I want", "I would like", "I need" ...): "I can" and "I am able to"
are as often the start of a benefit ("so that I can ...")."""
_ANY_STRONG = _earliest_of(tuple(means.pattern for means in _STRONG_MEANS))
_WISH_FIRST = re.compile(r"(?-i:I)\s+(?:(?:really|also|just|only|would|do\s+not|don't)\s+)*(?:want|like|wish)\b|(?-i:I)(?:'d|’d)\s+like\b", re.IGNORECASE)
_ROLE_AT_END = re.compile(r"(?:[,;]\s*|\s+(?=(?-i:As)\s))(?P<role>as\s+(?:an?\s+|the\s+)?[^\s,;.][^,;.]{0,60}?)\s*[,;]?\s*$", re.IGNORECASE)
"""A role closing a clause that comes first ("So that I can pay, as a member, I want ..."): its own words, cut at the
comma before it (or before a capital "As")."""
_FRONT_LABEL = re.compile(r"\s*(?::|\s[-–—|]|[)\].|])\s*")
"""Where a short label in front of a story may end: a colon, a dash or bar after a space, a closing bracket, a full stop."""
_STATUS = r"(?:done|to\s?do|wip|in\s+progress|blocked|closed|fixed|open|new|accepted|rejected|deferred)"
_BACK_LABEL = re.compile(
    r"\s*(?:\|(?!\s*(?:so|in\s+order)\b)\s*[^|]{1,24}|[(\[]\s*(?:#?\d{1,6}|P\d|[A-Z]{1,6}-\d{1,6}|high|medium|low|critical|urgent|must|should|could|won'?t|"
    r"(?:high|medium|low|top)\s+priority|priority\s*:?\s*\w+|\d{1,3}\s*(?:points?|pts|sp|story\s+points)|" + _STATUS + r")\s*[)\]]"
    r"|(?:\s*[–—]+|[.!]\s*-+)\s*" + _STATUS +
    r"|(?:[.,;]\s*|\s+(?=(?-i:[A-Z])))(?:priority|estimate|points|story\s+points|effort|size)\s*[:=]\s*[\w.-]{1,12})\s*$",
    re.IGNORECASE,
)
"""A short label behind a story: after a bar ("| High"; not a benefit: "| so that I can plan"), in brackets an id, a priority or an estimate ("(#12)", "[P2]",
"(Must)", "(3 points)", "(done)"), named ("Priority: High", "Estimate: 5"), or a status after a long dash or a stop and a dash ("— done", ". - WIP")."""
_LABEL_WORDS = 5
_STORY_OPENER = re.compile(r"\s+(?=(?-i:As\s+(?:an?|the)\s|In\s+order\s+to\s|So\s+that\s|I\s+want\s))")
"""A story's first words after a title without a stop ("Checkout In order to pay ... As a shopper I want ..."): a
capital "As a", "In order to", "So that" or "I want"."""
_PERSONA = re.compile(
    r"^(?P<who>(?-i:[A-Z][a-z]+)|he|she|they)\s+(?P<means>can|could|may|is\s+able\s+to|(?:will|should|would)\s+be\s+able\s+to|"
    r"wants?|would\s+like|needs?)\s+(?=[a-z])",
    re.IGNORECASE,
)
"""The person of the role named as the subject of the goal ("As a clerk, Sam can print ...", "..., she wants to ...")."""
_NOT_A_PERSON = frozenset({"The", "This", "That", "These", "Those", "It", "There", "Each", "Every", "All", "Any", "My", "Our", "Your", "Their", "Its", "Users", "User", "People", "Someone", "Everyone", "Nobody", "Who", "What", "Which", "When", "If"})
_PERSONA_MEANS = {"can": "third-can", "want": "i-want", "would like": "i-would-like", "need": "i-need"}


_I_AS_A = re.compile(r"^(?P<i>I|we),?\s+as\s+(?P<role>(?:an?\s+|the\s+)?[^,]{1,60}?),?\s+(?=(?:want|would\s+like|'d\s+like|need|wish|can)\b)", re.IGNORECASE)
"""The role inside the means ("I, as a clerk, want to ...")."""


def _role_inside(line: str) -> ParsedStory | None:
    """ "I, as a clerk, want to print the totals": read as "As a clerk, I want to print the totals"."""
    found = _I_AS_A.match(line)
    return _parse_body(f"As {found.group('role')}, {found.group('i')} {line[found.end() :]}") if found else None


def _read_harder(line: str, first: ParsedStory | None) -> ParsedStory | None:
    """The second reading (see above): the first reading's story when this one finds nothing better."""
    for found in (_reordered(line), _without_labels(line), _role_inside(line)):
        if found is not None and found.want and (first is None or not first.want or (found.role and not first.role)):
            return ParsedStory(found.role, found.want, found.so_that, line, found.template)
    return first


def _table_row(line: str) -> str:
    """A row of a Markdown table ("| US-3 | As a clerk, I want ... | so that ... | High |"): its cells joined with
    commas, leaving out the short ones (ids, priorities, estimates) before and after the story's cells."""
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    long = [index for index, cell in enumerate(cells) if len(cell.split()) >= 3]
    return ", ".join(cells[long[0] : long[-1] + 1]) if long else ""


def _without_back_label(line: str) -> str:
    """The line without a short label behind it ("| High", "(P2)", "[#12]"), when something is left before it."""
    if not line or not (line[-1] in ")]" or "|" in line or ":" in line or "=" in line or "-" in line[-16:] or "—" in line or "–" in line):
        return line  # every label ends in a bracket or follows a bar, a colon, "=" or a dash
    back = _BACK_LABEL.search(line)
    return line[: back.start()].rstrip() if back is not None and back.start() > 0 else line


def _reordered(line: str) -> ParsedStory | None:
    """A story whose benefit comes before its goal (maybe before its role too), read as if written in the usual order."""
    probe = " " + line  # a benefit marker that starts the line: the patterns want a space or a stop before it
    cuts = _benefit_then_goal(probe)
    found = _role_and_benefit(probe[: cuts[0]].strip(_TRAILING), probe[cuts[0] : cuts[1]].strip(_TRAILING)) if cuts else None
    if cuts is None or found is None:
        return None
    role, benefit = found
    goal = probe[cuts[2] :].strip(_TRAILING)
    if not benefit or not goal or (not role and not _WISH_FIRST.match(goal)):
        return None  # no role: only "I want"/"I would like" make a story ("In order to go live we need a server": a remark)
    parsed = _parse_body(", ".join(part for part in (role, goal, benefit) if part))
    if parsed is None or not parsed.want or not parsed.so_that or bool(parsed.role) != bool(role):
        return None
    return parsed


def _benefit_then_goal(probe: str) -> tuple[int, int, int] | None:
    """Where the first benefit marker starts, where the benefit ends and where the goal starts after it (at its means,
    not the subject of the benefit: "so that I need ..."); None when there is no such pair."""
    ends = _ANY_ENDS.search(probe) if _ANY_ENDS is not None else None
    if ends is None or _ANY_STRONG is None:
        return None
    means = _ANY_STRONG.search(probe, ends.end() + 2) or (_A_GOAL_CLAUSE.search(probe, ends.end() + 2) if probe[: ends.start()].strip() else None)
    if means is None:
        return None
    return ends.start(), means.start(), means.end() if means.re is _A_GOAL_CLAUSE else means.start()


_A_GOAL_CLAUSE = re.compile(
    r"(?<!\bwhat)(?<!\bthat)(?<!\bwhen)(?<!\bwhere)(?<!\bif)(?<!\bhow)(?<!\bwhich)(?<!\bwho)(?<!\bwhy)(?<!\band)(?<!\bor)"
    r"(?<!\bbecause)(?<!\bonce)(?<!\bafter)(?<!\bbefore)(?<!\bwhile)(?<!\bso)(?<!,)"
    r"\s+(?:(?-i:Then|then)\s+)?(?=(?-i:I)\s+(?!(?:can|could|am|may|might|do|did|will|would)\b)[a-z]+\b)"
)
"""After a benefit that comes between role and goal, a goal with no "I want" of its own ("As a member So that I can plan
Then I should see the dates", "... I propose to add ..."): a new clause with "I" as its subject, not one inside the
benefit ("so that I know what I need", "... and I can ...")."""


def _role_and_benefit(head: str, benefit: str) -> tuple[str, str] | None:
    """The role ("" for none) and the benefit of a story whose benefit comes before its goal: ``head`` (before the
    benefit) must be a role; with no head, a role may close the benefit ("So that ..., as a clerk"). None: no story."""
    if head:
        start = _ROLE_START.match(head)
        if start is None or _NOT_A_ROLE.match(head) or not head[start.end() :].strip():
            return None
        return head, benefit
    at_end = _ROLE_AT_END.search(benefit)
    if at_end is not None and _ROLE_START.match(at_end.group("role")) and not _NOT_A_ROLE.match(at_end.group("role")):
        return at_end.group("role"), benefit[: at_end.start()].strip(_TRAILING)
    return "", benefit


def _without_labels(line: str) -> ParsedStory | None:
    """The story behind a short label in front of it, when what is left reads as a story with a goal."""
    for stop in itertools.chain(_FRONT_LABEL.finditer(line, 0, 48), _STORY_OPENER.finditer(line, 1, 60)):
        label, rest = line[: stop.start()], line[stop.end() :]
        if not rest or len(label.split()) > _LABEL_WORDS or not label.strip("([{#* "):
            continue
        for reading in (_read, _reordered):
            parsed = reading(rest)
            if parsed is not None and parsed.want:
                return _label_as_role(label, parsed)
    return None


def _label_as_role(label: str, parsed: ParsedStory) -> ParsedStory:
    """A story with no role behind a label that names a person ("Librarian: I want to ..."): the label is the role."""
    words = label.strip("([{#* ").split()
    if len(words) > 1 and words[-1].lower() in ("story", "stories"):
        words = words[:-1]  # "Reader story: I want ..."
    if parsed.role or not words or len(words) > 3 or _actor_head(words) != len(words) - 1:
        return parsed
    return ParsedStory(_clean_role(" ".join(words), _ROLE_DETERMINERS), parsed.want, parsed.so_that, parsed.text, "as-" + parsed.template)


_CAPITAL_TO = re.compile(r"(?:[,.;:]\s*|\s+)(?-i:To)\s+(?!(?:the|a|an|my|our|this|that|do|be)\b)(?=[a-z]+\b)")
"""A purpose that starts a sentence of its own inside the line ("... a link to them To show who they are", "As an
owner To keep my offers fresh I would like ..."): a capital "To" and a verb, not "To do" or "To the ...")."""


def _purpose_sentence(parsed: ParsedStory) -> ParsedStory | None:
    """A story without a benefit marker whose role or goal holds a purpose sentence (:data:`_CAPITAL_TO`): the
    purpose is the benefit (ends ``in-order-to``, as "in order to" gives), cut from where it stood."""
    for field in ("want", "role"):
        text = getattr(parsed, field)
        found = _CAPITAL_TO.search(text)
        if found is None or found.start() == 0:
            continue
        purpose = text[found.end() :].strip(_TRAILING)
        kept = text[: found.start()].strip(_TRAILING)
        if field == "role":  # "As an owner To keep X fresh I would like ...": the role ends before it
            return ParsedStory(kept, parsed.want, "I can " + purpose, parsed.text, _with_ends(parsed.template, "in-order-to")) if purpose else None
        if kept and purpose:
            return ParsedStory(parsed.role, kept, "I can " + purpose, parsed.text, _with_ends(parsed.template, "in-order-to"))
    return None


def _with_ends(template: str, ends: str) -> str:
    return f"{template}-{ends}"


def _persona(first: ParsedStory) -> ParsedStory | None:
    """ "As a clerk, Sam can print the totals": a story read without a means, its goal what Sam can do."""
    if not first.role:
        return None
    found = _PERSONA.match(first.want)
    if found is None or found.group("who") in _NOT_A_PERSON:
        return None
    word = " ".join(found.group("means").lower().split())
    key = _PERSONA_MEANS.get(word.rstrip("s") if word in {"wants", "needs"} else word, "third-can")
    goal = first.want[found.end() :]
    if key == "third-can":
        goal = "to " + goal
    ends = first.template.removeprefix("as-unmarked")
    return ParsedStory(first.role, goal, first.so_that, first.text, "as-" + key + ends)


_FAMILIES = {
    "i-want": "want",
    "i-want-to-be-able-to": "want",
    "i-dont-want": "want",
    "i-only-want": "want",
    "i-wish": "want",
    "i-would-like": "would-like",
    "i-need": "need",
    "i-expect": "expect",
    "i-dont-expect": "expect",
    "i-can": "can",
    "i-am-able-to": "can",
    "i-have-the-ability-to": "can",
    "i-should-be-able-to": "can",
    "i-will": "will",
    "i-am-told": "see",
    "i-should-not": "will",
    "i-see": "see",
    "i-have-to": "need",
    "unmarked": "unmarked",
    "third-can": "can",
    "third-will": "will",
    "third-told": "see",
    "third-see": "see",
    "third-want": "want",
    "scene": "scene",
    "bare": "bare",
}


@dataclass(frozen=True)
class TemplateShape:
    """What uniformity compares: how the means and the ends are worded."""

    means: str  # want, would-like, need, can, unmarked
    ends: str  # so-that, in-order-to, so, or "" when no benefit is given


@lru_cache(maxsize=256)
def template_family(template: str) -> TemplateShape:
    """The means and ends wording of a template name such as ``as-i-can-in-order-to``.

    Remembered: a backlog has a few dozen template names, asked for once per story (the shape is frozen)."""
    name = template.removeprefix("in-order-to-")
    ends = "in-order-to" if template.startswith("in-order-to-") else ""
    name = name.removeprefix("as-")
    for marker in ("-so-that", "-in-order-to", "-so", "-" + _UNMARKED_BENEFIT):
        if name.endswith(marker):
            name = name[: -len(marker)]
            ends = marker[1:]
            break
    return TemplateShape(_FAMILIES.get(name, name), ends)


def template_wording(shape: TemplateShape) -> str:
    """A template shape written out for people: "As a …, I want …, so that …"."""
    means = {"want": "I want", "would-like": "I would like", "need": "I need", "can": "I can", "will": "I will", "see": "I see",
             "unmarked": "(no 'I want')"}
    text = f"As a …, {means.get(shape.means, shape.means)} …"
    if shape.ends:
        text += ", " + shape.ends.replace("-", " ") + " …"
    return text
