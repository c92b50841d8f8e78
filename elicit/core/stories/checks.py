"""Text heuristics behind the single-story lint checks: atomic (in its own module), minimal, solution.

Each function looks at the words of one story's fields and is cheap enough to
run on every keystroke. They aim at precision: a conjunction, a bracket or a
technical word alone is not enough to report a problem (see docs/quality.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from elicit.core.stories.atomic import atomic_problem
from elicit.core.stories.lexicon import lexicon
from elicit.core.stories.phrases import PhraseHit, PhraseIndex, Word, word_set, words

__all__ = ["atomic_problem", "minimal_problem", "solution_terms", "unique"]

# Minimal: nothing but role, goal and benefit -----------------------------------------------------

_BRACKETS = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]|\{([^{}]*)\}")
_NOT_AN_ASIDE = re.compile(r"^(?:s|es|ies|[a-z]+-|not|\"[^\"]{1,30}\"|[A-Z][A-Za-z0-9&.-]{0,9}|\d+|[\d\s,./+-]*\d[\d\s,./+-]*(?:,?\s*etc\.?|\.\.\.)?|including\s+[\w-]+(?:\s+[\w-]+){0,2})$")
"""Not an aside in brackets: a plural "(s)", a prefix "(re-)use", an acronym "(DMP)", a number, a list of values ("{0, 1/2, 1, 2, etc.}"),
or a short "including" list ("(including its metadata)", like the rules' short "including ..." list); round 9: the other
case of one fact ("did (not) give consent") and a quoted gloss ("accessible ("barrier-free")"). A co-object "(and
video)" stays an aside: the label sets read it both ways."""
_SENTENCE_END = re.compile(r"[.!?]+\s+(?=\S)")
_ABBREVIATIONS = word_set("e.g i.e etc vs approx incl no nos mr mrs ms dr st fig ca cf al ltd inc co jr sr dept")
_EXAMPLE = re.compile(
    r"(?:^|[\s,;(])(?:for\s+example|for\s+instance|e\.g\.?)(?=[\s,:])"
    r"|\b(?:like|as)\s+(?-i:[A-Z][\w-]*)(?:\s+(?-i:[A-Z][\w-]*)){0,3}\s+(?:does|do|did|provides|provide|offers|offer|has|have)\b",
    re.IGNORECASE,
)
"""An example in the goal: "for example", "e.g.", another product as the model ("like Symplectic Elements provides")."""
_SECOND_BENEFIT = re.compile(r"(?:[,.;]\s*|\s)(?:so\s+that\b|so\s+(?:I|we)\s|in\s+order\s+to\b|so\s+as\s+to\b)", re.IGNORECASE)
_OBLIGED = re.compile(r"\b(?:have|has|need|needs)\s+to\b|\bmust\b", re.IGNORECASE)
"""Before "in order to" in the benefit, an obligation ("so that I do not have to convert formats in order to use the
packager"): the purpose says what the obligation is for, one aim, not a second benefit."""


_MARKDOWN_LINK = re.compile(r"\[(?!(?:here|this|link|this\s+link|see)\])([^\[\]]+)\]\((?:https?://|www\.|/|\.\.?/)[^()\s]*\)", re.IGNORECASE)
"""A Markdown link on a term of the goal or benefit, "[text](url)": the text is what the story says, the address where
the term is defined (round 10, the sixth set's reading B3). A link named only to point ("see [here](...)") or on the
role stays text beyond the story."""
_QUALIFIER = re.compile(
    r"^(?:(?:where|when|if)\s+(?:possible|needed|necessary)|[<>≤≥~]=?\s*\d[\d.,]*\s*[a-zµ%]{0,4}|(?P<joint>or)\s+(?!other\b)(?P<first>[\w-]+)(?P<more>(?:\s+[\w-]+){0,2}))$",
    re.IGNORECASE,
)
"""A bracket that qualifies the goal rather than adds to it (round 10; the fifth set's reading L6, the sixth set's
labels): a hedge that ``ambiguous`` judges ("(where possible)", "(if needed)"), a bound ("(< 750 ms)"), the other side
of one setting or an alternative in a few words ("(or allow)", "(or resources)"). Not a second act with its own object
("(or edit their names)") nor an open list ("(or other staff)"), and not a co-object ("(and video)": the tuning set
reads it as an aside, the fifth and sixth sets as part of the goal; round 9 kept it so): those stay asides."""


def _asides(part: str, links: bool = True) -> Iterable[re.Match[str]]:
    """The brackets of a story part that may be asides: every bracket but a link's (with ``links``) and those that
    qualify the goal."""
    if links and "](" in part:
        part = _MARKDOWN_LINK.sub(lambda found: found.group(1), part)
    for found in _BRACKETS.finditer(part):
        inner = next(group for group in found.groups() if group is not None).strip()
        if inner and not _NOT_AN_ASIDE.match(inner) and not _qualifies(inner):
            yield found


def _qualifies(inner: str) -> bool:
    found = _QUALIFIER.match(inner)
    if found is None:
        return False
    return not (found.group("joint") and found.group("more") and lexicon().is_base_verb(found.group("first").lower()))


def minimal_problem(role: str, want: str, so_that: str) -> tuple[str, str] | None:
    """What makes the story more than role, goal and benefit, as (kind, text); None when it is minimal.

    Reported: text in brackets (not a plural "(s)" or an acronym "(DMP)"),
    an extra sentence (also one glued in without a full stop: "... the list
    Trainers can see it"), an example in the goal, a long list of details in
    the goal, a second benefit chained on the first. Not a bound written after
    a full stop ("... the article. not another teaser").
    """
    link = _tracker_link(want, so_that)
    if link:
        return "a tracker link", link
    for index, part in enumerate((role, want, so_that)):
        for found in _asides(part, links=index > 0) if _may_bracket(part) else ():
            return "text in brackets", found.group(0)
    for part in (role, want, so_that):
        sentence = _extra_sentence(part)
        if sentence:
            return "an extra sentence", sentence
    glued = _glued_sentence(want)
    if glued:
        return "an extra sentence", glued
    example = _example(want)
    if example:
        return "an example in the goal", want[example.start() :].strip(" ,;(")
    details = _details(want)
    if details:
        return "a long list of details in the goal", details
    return _second_benefit(so_that)


_LINK_AT_END = re.compile(
    r"(?P<lead>(?:\b(?:pivotal\s+)?t?tracker\s+(?:story|ticket|issue)(?:\s+id)?|\b(?:story|ticket|issue|card)(?:\s+id)?|\bsee|[.#])\s*:?\s*)?"
    r"(?P<url>https?://\S+)(?:\s+(?:(?:pivotal\s+)?t?tracker\s+(?:story|ticket|issue)(?:\s+id)?\s*:?\s*)?https?://\S+)*\s*$",
    re.IGNORECASE,
)
_TRACKER_PATH = re.compile(r"/(?:story|stories|issues?|tickets?|browse|cards?|tasks?|items?|show|c|b)/(?:[\w-]+/)*[\w-]*\d+/?$", re.IGNORECASE)
"""A link to one item of a tracker (".../story/show/123", ".../issues/12", ".../browse/ABC-12")."""


def _tracker_link(want: str, so_that: str) -> str | None:
    """A link glued on at the end of the story ("... Tracker story ID: https://..."): text beyond role, goal and benefit.
    Only a link that ends the goal or the benefit, named as a story or issue or cut off by a full stop, or pointing at
    one item of a tracker: a link in the goal that is what the user wants to reach stays."""
    for part in (so_that, want):
        found = _LINK_AT_END.search(part) if "://" in part else None
        if found is not None and (found.group("lead") or _TRACKER_PATH.search(found.group("url").rstrip(".,;)"))):
            return part[found.start() :].strip()
    return None


def _may_bracket(text: str) -> bool:
    """Whether _BRACKETS may match: every match opens a bracket (almost no story part holds one)."""
    return "(" in text or "[" in text or "{" in text


def _may_end_a_sentence(text: str) -> bool:
    """Whether _SENTENCE_END may match: every match holds one of . ! ? (almost no story part does, once its last
    full stop is trimmed)."""
    return "." in text or "!" in text or "?" in text


def _example(want: str) -> re.Match[str] | None:
    """Where _EXAMPLE matches the goal, searched only when the goal holds what every match holds."""
    may = _may_name(want)
    return _searched(_EXAMPLE, want, may(_EXAMPLE_WORDS) or (may(("like", "as")) and may(_MODEL_VERBS)))


def _details(want: str) -> str | None:
    """A long list of details in the goal (:func:`_long_list` of each part), or None."""
    # the values in brackets are one item ("{1, 2, 3, 5, 8}"); "such as" / "including" opens a list of its own
    # (a long list has six items, five commas, in one part: fewer in the goal, none to look for)
    parts = _NAMED_PARTS.split(_BRACKETS.sub(" ", want)) if want.count(",") >= 5 else []
    return next(filter(None, (_long_list(part) for part in parts)), None)


_EXAMPLE_WORDS = ("example", "instance", "e.g")
_MODEL_VERBS = ("do", "did", "provide", "offer", "has", "have")
"""What every match of _EXAMPLE holds: one of _EXAMPLE_WORDS, or "like"/"as" and one of these."""


_BOUND = re.compile(r"(?:not|rather|instead|without|only|but\s+not)\b", re.IGNORECASE)
"""What bounds the goal, even after a full stop ("... the article. Not another teaser"): not an extra sentence."""


def _extra_sentence(text: str) -> str | None:
    for found in _SENTENCE_END.finditer(text) if _may_end_a_sentence(text) else ():
        before = text[: found.start()].rsplit(None, 1)
        word = before[-1].lower().rstrip(".") if before else ""
        if word in _ABBREVIATIONS or len(word) <= 1 or "." in word:
            continue
        rest = text[found.end() :].strip()
        if len(rest.split()) >= 2 and not _BOUND.match(rest):
            return rest
    return None


_GLUED = re.compile(r"(?<=[a-z] )([A-Z][a-z]+)((?:\s+(?!and\b|or\b|but\b)[A-Za-z]+){0,2}?)\s+(?:can|cannot|should|must|will|may|shall)\b")
_GLUED_MODALS = ("can", "should", "must", "will", "may", "shall")
_OPENERS = word_set("when where if that which who whom whose while once because since so and or but then as")
_SUBJECT_WORDS = word_set("the this these those it they we there")
_QUESTION_WORDS = word_set("what which who whom whose how why where when whether")


_GLUED_AFTER_COMMA = re.compile(r",\s+((?:[a-z][\w-]*\s+){1,4}?(?:should|must|shall)\s+(?:be|not|[a-z]+)\b.*)$")
"""A sentence of its own after a comma in the goal: a subject, then "should"/"must"/"shall" ("..., permissions for
those items should allow ..."); not a clause that describes a noun ("..., which should", "..., that my students")."""


def _glued_sentence(want: str) -> str | None:
    """A second sentence run into the goal without a full stop: a lower-case word, then a subject in capitals and a
    modal ("... shows all attendee information Trainers can see ..."); not a name after "when" ("when Jira will");
    or a subject and "should" after a comma ("..., the reminders should go out a day before")."""
    after_comma = _GLUED_AFTER_COMMA.search(want) if "," in want else None  # every match starts with a comma
    if after_comma and after_comma.group(1).split()[0].lower() not in _OPENERS | _QUESTION_WORDS:
        return after_comma.group(1).strip()
    if not any(modal in want for modal in _GLUED_MODALS):
        return None  # _GLUED needs one of them, in lower case
    for found in _GLUED.finditer(want):
        before = want[: found.start()].split()
        subject = found.group(1).lower()
        if before and before[-1].lower() in _OPENERS:
            continue
        if subject in _SUBJECT_WORDS or "noun" in lexicon().parts(subject):
            return want[found.start() :].strip()
    return None


def _long_list(text: str) -> str | None:
    """Six or more items in a row separated by commas: the fields or rules of a design, not the goal ("the following
    information: day, time, title, summary, trainers, level, ..."). An "and"/"or" closes a list ("a collection,
    object, or component that title, date, name ... do not describe": two lists, each short)."""
    for clause in text.split(";"):
        items = clause.split(",")
        start = 0
        for index in range(1, len(items)):
            closes = items[index].split()[:1] in (["and"], ["or"]) and index < len(items) - 1
            if closes or index == len(items) - 1:
                if index - start + 1 >= 6 and not _acts(items[start : index + 1]):
                    return ",".join(items[start : index + 1]).strip(" ,;:")
                start = index
    return None


def _acts(items: list[str]) -> bool:
    """Whether three or more items of a list start with a gerund ("closing accounts, viewing subscriptions, ..."): a
    list of acts, several goals (not-atomic says so), not the details of one."""
    words = lexicon()
    firsts = [next((word for word in item.lower().split() if word not in ("and", "or")), "") for item in items]
    return sum(word.endswith("ing") and words.verb_base(word) not in (None, word) for word in firsts) >= 3

_IN_CAPITALS = re.compile(r"\sAND\s")
_ANOTHER_BENEFICIARY = re.compile(
    r"^\s*(?P<first>I|we|he|she|they)\s+(?P<modal>(?:can|could|will|would|may|might)\s+)?.*?\s"
    r"(?P<chained>and\s+(?P<other>I|we|they|he|she|you|others|(?:my|our|his|her|their)\s+[a-z]+)\s+(?:can|could|will|would|may|might)\s+(?!not\b)[a-z])",
    re.IGNORECASE,
)
"""A second purpose with its own subject and modal: another beneficiary ("I can book and we can sell more", "she can
enrol and her pupils can take part"), or the
same one with a second "can" ("I can reuse my data later and I can meet the funder's rules"); not a consequence
without a modal of its own ("I increase access and I do not lose the files")."""
_GLUED_PURPOSE = re.compile(r"^\s*(?P<subject>I|we)\s+(?P<modal>can|could)\s.*?\b(?P<before>[a-z]+)\s+(?P<chained>(?P=subject)\s+(?P=modal)\s+[a-z])")
"""A second "I can" run into the first purpose without a joint ("I can study the figures I can link each grant to
its papers"); not one inside a clause ("I can see what I can change")."""
_AND_ALSO = re.compile(r"\band\s+also\s+(?!be\b)[a-z]+", re.IGNORECASE)
"""A purpose added with "and also" ("I can file my answer and also send a letter to the applicant")."""
_PURPOSE_LIST = re.compile(r",\s*(?:and\s+)?([a-z]+)\b[^,]*,\s*(?:and\s+)?([a-z]+)\b")
_NAMED_PARTS = re.compile(r"\b(?:such\s+as|including|like)\b", re.IGNORECASE)


_BACK_REFERENCE = re.compile(r"^\S*(?:\s+\S+){0,3}?\s+(?:it|them|this|these|that)\b", re.IGNORECASE)


def _goes_on(modal: str | None, chained: str) -> bool:
    """Whether a second "and I can ..." is a purpose of its own: the first clause has its own "can" too, and the second
    does not go on with what the first named ("I can book a room and I can pay for it": one purpose and its next step)."""
    return bool(modal) and not _BACK_REFERENCE.match(chained)


def _an_obligations_purpose(so_that: str, found: re.Match[str]) -> bool:
    """ "so that I do not have to convert formats in order to use the packager": what the obligation is for."""
    return found.group(0).strip(" ,.;").lower().startswith(("in", "so as")) and bool(_OBLIGED.search(so_that[: found.start()]))


def _second_benefit(so_that: str) -> tuple[str, str] | None:
    """A second purpose chained on the first: another "so that" / "in order to"; "AND" in capitals; "and" with
    another beneficiary ("I can shop on one page and we can run a call for talks"); a list of purposes ("so that I
    can learn about it, register for it, and find the way there"). Not one purpose with its consequence ("I
    increase access and I do not lose the files")."""
    may = _may_name(so_that)
    return _another_marker(so_that, may) or _another_purpose(so_that, may)


def _another_marker(so_that: str, may: Callable[[tuple[str, ...]], bool]) -> tuple[str, str] | None:
    """A second benefit marker, "AND" in capitals, or "and" with another beneficiary (the first half of
    :func:`_second_benefit`)."""
    second = _searched(_SECOND_BENEFIT, so_that, may(("so", "order")))
    if second and not _an_obligations_purpose(so_that, second):
        return "a second benefit", so_that[second.start() :].strip(" ,;.")
    capitals = _searched(_IN_CAPITALS, so_that, "AND" in so_that)
    if capitals:
        return "a second benefit", so_that[capitals.start() :].strip()
    other = _searched(_ANOTHER_BENEFICIARY, so_that, may(("and",)))
    if other and (other.group("first").lower() != other.group("other").lower() or _goes_on(other.group("modal"), so_that[other.end("chained") - 1 :])):
        return "a second benefit", so_that[other.start("chained") :].strip()
    return None


def _another_purpose(so_that: str, may: Callable[[tuple[str, ...]], bool]) -> tuple[str, str] | None:
    """A second "I can" glued on, one added with "and also", or a list of purposes (the second half of
    :func:`_second_benefit`)."""
    again = _searched(_GLUED_PURPOSE, so_that, so_that.count("can") >= 2 or so_that.count("could") >= 2)
    if again and not _OPENERS.union(_QUESTION_WORDS).intersection(so_that[: again.start("chained")].lower().split()[-2:]):
        # not one inside a clause: "I can see what I can change", "I can know which events I can join" (round 9)
        return "a second benefit", so_that[again.start("chained") :].strip()
    also = _searched(_AND_ALSO, so_that, may(("also",)))
    if also:
        return "a second benefit", so_that[also.start() :].strip()
    if so_that.count(",") < 2:
        return None  # a list of purposes has two commas at least (_PURPOSE_LIST), before any "such as"
    purposes = _NAMED_PARTS.split(so_that, maxsplit=1)[0]
    words = lexicon()
    for found in _PURPOSE_LIST.finditer(purposes):
        verbs = [found.group(1), found.group(2)]
        if all(words.is_base_verb(verb) for verb in verbs) and any(words.parts(verb) == {"verb"} for verb in verbs):
            return "a second benefit", purposes[found.start() :].strip(" ,;.")
    return None


# Problem, not solution: no user-interface controls or techniques in the goal --------------------

SOLUTION_TERMS = (
    # user-interface controls
    "button",
    "buttons",
    "checkbox",
    "checkboxes",
    "check box",
    "check boxes",
    "tick box",
    "drop-down",
    "dropdown",
    "drop down list",
    "drop down menu",
    "combo box",
    "combobox",
    "radio button",
    "radio buttons",
    "text field",
    "text fields",
    "text box",
    "textbox",
    "input field",
    "text area",
    "textarea",
    "pop-up",
    "popup",
    "pop-ups",
    "popups",
    "modal window",
    "modal dialog",
    "dialog box",
    "tooltip",
    "tooltips",
    "tool tip",
    "tool tips",
    "hovercard",
    "hovercards",
    "mouseover",
    "widget",
    "widgets",
    "carousel",
    "slider",
    "toggle switch",
    "hamburger menu",
    "navbar",
    "navigation bar",
    "scrollbar",
    "scroll bar",
    "wysiwyg",
    "lightbox",
    # implementation techniques
    "iframe",
    "cookie",
    "cookies",
    "in a database",
    "into a database",
    "on a database",
    "database index",
    "database indexes",
    "database indices",
    "database table",
    "database tables",
    "stored procedure",
    "stored procedures",
    "sql query",
    "sql queries",
    "cache",
    "cached",
    "caches",
    "caching",
    "web socket",
    "websocket",
    "websockets",
    "ajax",
    "bootstrap",
    "cron job",
    "message queue",
    "indexed",
    "html tag",
    "html tags",
    "in sql",
    "sql table",
    "sql tables",
    "nosql",
    # an interaction prescribed as the means
    "by dragging",
    "by drag and drop",
    "by drag-and-drop",
    "by double-clicking",
    "by right-clicking",
    "by swiping",
    # where the user interface shows a thing
    "new window",
    "separate window",
    "new tab",
    "separate tab",
    "new browser tab",
    "new browser window",
)
"""Words that name a design rather than a need, when they appear in the goal."""

_SOLUTIONS = PhraseIndex(SOLUTION_TERMS)
_NEGATIONS = word_set("without instead rather not no never")


def solution_terms(want: str) -> list[str]:
    """The user-interface controls and techniques named in a goal (not those it says to do without)."""
    text_words = words(want)
    named = [
        hit.phrase
        for hit in _SOLUTIONS.find(text_words, split_slashes=False)
        if not _negated(want, text_words, hit.first) and not _the_given(want, text_words, hit) and not _a_rule_about(text_words, hit)
    ]
    may = _may_name(want)
    means = _BUILT_WITH.search(want) if "framework" in want else None  # every means it names ends in "framework(s)"
    if means and not _negated(want, text_words, _word_at(text_words, means.start())):
        named.append(" ".join(means.group("means").lower().split()))
    stored = (_STORED_IN.search(want) or _TAKEN_FROM.search(want)) if may(_STORAGE_WORDS) else None
    if stored and not _negated(want, text_words, _word_at(text_words, stored.start(1))):
        named.append(" ".join(stored.group(1).lower().split()))
    embedded = _EMBEDDED.search(want) if may(_EMBEDDING_WORDS) else None
    if embedded and not _negated(want, text_words, _word_at(text_words, embedded.start())):
        named.append(" ".join(embedded.group(0).lower().split()))
    return unique(named)


_RULES = word_set("policy policies consent notice banner law laws regulation regulations preferences")
"""Nouns after a technique's name that make it the name of a rule or a choice the user meets ("approve the cookie
policy", "a cookie consent banner"): no design chosen."""


def _a_rule_about(text_words: list[Word], hit: PhraseHit) -> bool:
    """Whether the word after the hit is one of _RULES ("cookie policy")."""
    return hit.last + 1 < len(text_words) and text_words[hit.last + 1].text in _RULES


def _may_name(text: str) -> Callable[[tuple[str, ...]], bool]:
    """A quick test that a pattern cannot match: whether the text holds one of the words that every match of it holds.

    For a text of ASCII letters only, where ``re.IGNORECASE`` compares letters as :meth:`str.lower` does (the
    pattern's words are in lower case); any other text says yes, and the pattern is searched as before.
    """
    if not text.isascii():
        return lambda _words: True
    lowered = text.lower()
    return lambda words: any(word in lowered for word in words)


def _searched(pattern: re.Pattern[str], text: str, may_match: bool) -> re.Match[str] | None:
    """``pattern.search(text)``, or None without searching when a pre-check says it cannot match."""
    return pattern.search(text) if may_match else None


_STORAGE_WORDS = ("db", "data", "sql", "server")
"""What every match of _STORED_IN and _TAKEN_FROM holds ("database", "data base", "db", "sql", "server")."""
_EMBEDDING_WORDS = ("hosted", "embedded", "built")
"""What every match of _EMBEDDED holds."""


_EMBEDDED = re.compile(
    r"\b(?:spreadsheet|grid|editor|map|chart|video\s+player|viewer)s?\s+(?:hosted|embedded|built)\s+(?:in|into|within|inside|on)\b"
    r"\s+(?:the|a|an|our|my|its|their)?\s*(?:[\w'’-]+\s+){0,3}?(?:page|web\s?page|site|website|screen)\b",
    re.IGNORECASE,
)
"""A component built into a page as the means ("a spreadsheet hosted within the project's web page"): a design;
not the user embedding their own content ("embed a preview of my data on my site")."""


_STORED_IN = re.compile(
    r"\b(?:store|stored|storing|save|saved|saving|keep|kept|put|write|written|insert|inserted|persist|persisted|"
    r"add|added|record|recorded|hold|held|load|loaded|import|imported|importing)\b[^,.;]{0,60}?\b"
    r"((?:in|into|to|on)\s+(?:the|a|an|our|its|their|a\s+central|a\s+shared)?\s*(?:database|db|data\s?base|sql|database\s+table|server))\b",
    re.IGNORECASE,
)
"""Storage named as the means: "store the contacts in the database", "save it to a server", "import the lists into
the database"."""

_TAKEN_FROM = re.compile(
    r"\b(?:delete|deleted|deleting|remove|removed|removing|load|loaded|loading|fetch|fetched|fetching|retrieve|retrieved|"
    r"retrieving|read|reading|purge|purged|purging)\b[^,.;]{0,60}?\b"
    r"(from\s+(?:the|a|an|our|its|their)?\s*(?:database|db|data\s?base|database\s+table|sql\s+table))\b",
    re.IGNORECASE,
)
"""Storage named as the means of taking data out: "delete campers from the database", "load the value lists from the
database" (not where the data is seen: "see the data in the database")."""


_BUILT_WITH = re.compile(
    r"\b(?:use|uses|using|with|via)\s+(?:an?\s+|the\s+)?(?P<means>(?:[\w-]+\s+){0,3}?"
    r"(?:(?-i:frameworks?)(?!\s+(?:of|for)\b)|(?-i:librar(?:y|ies))\s+or\s+(?-i:frameworks?)|"
    r"(?-i:frameworks?)\s+or\s+(?-i:librar(?:y|ies))))\b",
    re.IGNORECASE,
)
"""Software to build it with, named as the means: "use frameworks that prevent ...", "with a sanitiser library or
framework"; not a framework of ideas ("a framework of values"), nor a library alone (the library a reader visits)."""

_NAMED_CONTROL = re.compile(r"\bthe\s+[\"'][^\"']{1,40}[\"']\s*$", re.IGNORECASE)
"""A control named by its label after "the" ("the 'For Authors' dropdown"): one the product has, the place of a change;
not one asked for ("a 'publish' button")."""
_FIELD_WORDS = word_set("field fields box boxes")
_GIVEN_CLAUSE = word_set("when whenever once if while after before")
_GUARDS = word_set(
    "protect protects protecting harden hardens hardening secure secures securing encrypt encrypts encrypting "
    "invalidate invalidates invalidating expire expires clear clears clearing purge purges restrict restricts limit "
    "limits validate validates sanitize sanitise sanitizes sanitises"
)
_CLAUSE_VERBS = word_set("cannot can can't must mustn't should shouldn't is are was were will won't may do does")


def _the_given(want: str, text_words: list[Word], hit: PhraseHit) -> bool:
    """Whether a technique or control word names what is already there rather than the design asked for: the fields
    of the product's records ("edit any of the text fields (title, notes, ...)"), what a clause of time or condition
    is about ("protect the data when cached"), what the goal guards ("harden the use of session cookies"), or the
    subject of a "that" clause ("ensure that tokens stored in cookies cannot be read")."""
    before = [word.text for word in text_words[max(0, hit.first - 5) : hit.first]]
    if _NAMED_CONTROL.search(want[: text_words[hit.first].start]):
        return True  # "move the link to the 'For Authors' dropdown": the control named by its label is already there
    if text_words[hit.last].text in _FIELD_WORDS:
        after = want[text_words[hit.last].end :].lstrip()
        return after.startswith("(") or " ".join(before[-3:]) in ("any of the", "all of the", "each of the")
    if any(word in _GIVEN_CLAUSE for word in before[-3:]) or any(word in _GUARDS for word in before):
        return True
    return _subject_of_a_that_clause(text_words, hit)


def _subject_of_a_that_clause(text_words: list[Word], hit: PhraseHit) -> bool:
    """ "ensure that tokens stored in cookies cannot be read": the word is in the subject of a "that" clause."""
    that = next((index for index in range(hit.first - 1, max(-1, hit.first - 8), -1) if text_words[index].text == "that"), None)
    if that is None:
        return False
    between = [word.text for word in text_words[that + 1 : hit.first]]
    verb_after = any(word.text in _CLAUSE_VERBS for word in text_words[hit.last + 1 : hit.last + 8])
    return bool(between) and not any(word in _CLAUSE_VERBS or word == "i" for word in between) and verb_after


def _word_at(text_words: list[Word], offset: int) -> int:
    return next((index for index, word in enumerate(text_words) if word.start >= offset), len(text_words))


def _negated(want: str, text_words: list[Word], first: int) -> bool:
    """Whether the words before word ``first`` (up to a comma) say to do without it ("without a button")."""
    start = text_words[first].start if first < len(text_words) else len(want)
    for word in reversed(text_words[:first]):
        if "," in want[word.end : start]:
            return False
        if word.text in _NEGATIONS:
            return True
    return False


def unique(items: Iterable[str]) -> list[str]:
    """The items in order, each once."""
    return list(dict.fromkeys(items))
