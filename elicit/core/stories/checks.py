"""Text heuristics behind the single-story lint checks: atomic, minimal, solution.

Each function looks at the words of one story's fields and is cheap enough to
run on every keystroke. They aim at precision: a conjunction, a bracket or a
technical word alone is not enough to report a problem (see docs/quality.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from elicit.core.stories.phrases import PhraseIndex, word_set, words

# Atomic: one goal per story ----------------------------------------------------------------------

ACTION_VERBS = word_set(
    """
    add create edit update modify change delete remove view display show list search filter sort browse download upload
    import export print share send email post publish unpublish approve reject accept decline assign unassign track manage
    maintain store save copy paste move rename archive restore attach detach link tag mark flag comment rate review register
    enroll enrol book cancel pay refund schedule invite notify message contact log record capture generate calculate validate
    verify check monitor configure set define specify select choose hide lock unlock block unblock enable disable install
    deploy run execute test migrate merge split convert read write deposit ingest harvest expose grant revoke restrict prevent
    deal integrate sync synchronise synchronize compare analyse analyze annotate insert retrieve access locate open close
    submit sign join leave subscribe unsubscribe follow reply answer request order purchase buy sell obtain keep clone reset
    ensure provide indicate describe design redesign clarify determine assess estimate build implement develop customise
    customize theme package embed preview visualise visualize explore query report audit map reference cite mint transfer
    segment distinguish apply supply enter exit conduct perform issue collect organise organize plan upgrade replicate
    encrypt decrypt scan rotate redact license licence promote fill resubmit withdraw
    """
)
"""Verbs that name a feature of their own when joined to another one."""

_RESULT_VERBS = word_set("see get receive know find have be view")
_PARTICLE_ONLY = {"log": word_set("in out on off"), "back": word_set("up")}
_SAME_GOAL_PAIRS = {
    frozenset(pair.split("+"))
    for pair in word_set(
        "copy+paste cut+paste drag+drop read+write enter+exit enable+disable show+hide lock+unlock open+close "
        "subscribe+unsubscribe block+unblock approve+reject approve+decline accept+reject accept+decline sign+submit "
        "locate+access find+access search+access publish+unpublish assign+unassign"
    )
}
_PREPOSITIONS = word_set(
    "with for on in at to from by of about into onto through across over under after before during without within via "
    "alongside between among per as against towards toward up out off back down"
)
_PHRASAL = {
    tuple(pair.split("+"))
    for pair in word_set(
        "deal+with search+for look+for pay+for apply+for register+for sign+up sign+in log+in log+out check+in check+out "
        "back+up set+up fill+in fill+out opt+in opt+out subscribe+to reply+to respond+to comment+on report+on report+back "
        "browse+through scroll+through link+to follow+up"
    )
}
_DETERMINERS = word_set("the a an my our your their his her its this that these those each every any some no both other own")
_SUBORDINATORS = word_set(
    "that which who whom whose where when whenever if whether once after before while until because since unless what how why though although"
)
_VERB_POSITION = word_set("to and or , can could will would should must i we ability not also")
_OBJECT_STARTS = _DETERMINERS | word_set("them it him me us all")
_SKIP_AFTER_JOIN = word_set("also then to be able can could will would should must further later")
_SUBJECTS = word_set("i we they he she you it")
_BE = word_set("be been being is are was were")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]*|\d+(?:\.\d+)?|[,;:/()\[\]{}\"&.]")


def atomic_problem(want: str) -> tuple[str, str] | None:
    """Why ``want`` holds more than one goal, or None when it holds one.

    The answer is (verbs joined, "") such as ("create and edit", ""), or
    ("", start of the second goal) such as ("", "and attach").

    Not reported: nouns joined ("the view and download statistics"), a step
    and its result ("enter my zip code and get a list"), the two sides of one
    setting ("enable/disable", "approve or reject"), options ("either ... or"),
    conjunctions inside a subordinate clause ("ensure that X and Y"), in
    brackets or quotes, or after a colon (a list of details).
    """
    tokens = [token.lower() for token in _TOKEN.findall(want)]
    open_clause = False
    depth = 0
    quoted = False
    seen_be = False
    passive: list[str] = []
    options = False
    after_colon = False
    for k, token in enumerate(tokens):
        if token in ("(", "[", "{"):
            depth += 1
            continue
        if token in (")", "]", "}"):
            depth = max(0, depth - 1)
            continue
        if token == '"':
            quoted = not quoted
            continue
        if depth or quoted or after_colon:
            continue
        if token == ":":
            after_colon = True
            continue
        if token in ("either", "whether", "between"):
            options = True
        if token in _SUBORDINATORS and k > 0:
            open_clause = True
        if token in (",", ";", "."):
            open_clause = False
        if token in _BE:
            seen_be = True
        participle = _participle(token)
        if seen_be and participle:
            passive.append(participle)
        if token == "/" and 0 < k < len(tokens) - 1:
            left, right = tokens[k - 1], tokens[k + 1]
            if _verb(left) and _verb(right) and left != right and frozenset((left, right)) not in _SAME_GOAL_PAIRS:
                if k < 2 or tokens[k - 2] in _VERB_POSITION:
                    return f"{left}/{right}", ""
            continue
        if token not in ("and", "or", ",", "&") or open_clause or (token == "or" and options):
            continue
        second, j = _next_word(tokens, k + 1)
        if second is None or second in _SUBJECTS:
            continue
        previous = tokens[k - 1] if k > 0 else ""
        if previous == "," and k > 1:
            previous = tokens[k - 2]
        joined = "" if token == "," else f"{token} "
        if not _verb(second, tokens[j + 1] if j + 1 < len(tokens) else ""):
            stem = _participle(second)
            if stem and passive and passive[-1] != stem and frozenset((passive[-1], stem)) not in _SAME_GOAL_PAIRS:
                return "", f"{joined}{second}"  # "be recorded in metadata and displayed with the item"
            continue
        if second in _RESULT_VERBS or frozenset((previous, second)) in _SAME_GOAL_PAIRS:
            continue
        if _verb(previous) and k >= 2 and tokens[k - 2] in _DETERMINERS:
            continue  # "the view and download statistics": nouns, not verbs
        if _verb(previous) and previous != second:
            return f"{previous}{',' if token == ',' else ''} {joined}{second}", ""
        if token == "," and (j + 1 >= len(tokens) or tokens[j + 1] not in _OBJECT_STARTS):
            continue  # "my name, email address": a list of nouns
        if _has_object(tokens, j, second):
            return "", f"{joined}{second}"
    return None


def _verb(word: str, following: str | None = None) -> bool:
    if word not in ACTION_VERBS:
        return False
    particles = _PARTICLE_ONLY.get(word)
    return particles is None or following is None or following in particles


def _next_word(tokens: list[str], start: int) -> tuple[str | None, int]:
    j = start
    while j < len(tokens) and tokens[j] in _SKIP_AFTER_JOIN:
        j += 1
    if j < len(tokens) and tokens[j].isalpha():
        return tokens[j], j
    return None, j


def _has_object(tokens: list[str], j: int, verb: str) -> bool:
    """Whether the verb at ``j`` is followed by an object (so it is a verb, not a noun)."""
    k = j + 1
    while k + 1 < len(tokens) and tokens[k] in ("and", "or", "/") and tokens[k + 1] in ACTION_VERBS:
        k += 2  # "approve or reject them"
    if k >= len(tokens):
        return False
    after = tokens[k]
    if not after[0].isalnum() or after in ("and", "or"):
        return False
    if after in _PREPOSITIONS:
        return (verb, after) in _PHRASAL
    return True


def _participle(word: str) -> str | None:
    if len(word) < 5 or not word.endswith("ed"):
        return None
    for stem in (word[:-1], word[:-2], word[:-3]):
        if stem in ACTION_VERBS:
            return stem
    if word.endswith("ied") and word[:-3] + "y" in ACTION_VERBS:
        return word[:-3] + "y"
    return None


# Minimal: nothing but role, goal and benefit -----------------------------------------------------

_BRACKETS = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]|\{([^{}]*)\}")
_NOT_AN_ASIDE = re.compile(r"^(?:s|es|ies|[A-Z][A-Za-z0-9&.-]{0,9}|\d+)$")
_SENTENCE_END = re.compile(r"[.!?]+\s+(?=\S)")
_ABBREVIATIONS = word_set("e.g i.e etc vs approx incl no nos mr mrs ms dr st fig ca cf al ltd inc co jr sr dept")
_EXAMPLE = re.compile(r"(?:^|[\s,;(])(?:for\s+example|for\s+instance|e\.g\.?)(?=[\s,:])", re.IGNORECASE)
_SECOND_BENEFIT = re.compile(r"(?:[,.;]\s*|\s)(?:so\s+that\b|so\s+(?:I|we)\s|in\s+order\s+to\b|so\s+as\s+to\b)", re.IGNORECASE)


def minimal_problem(role: str, want: str, so_that: str) -> tuple[str, str] | None:
    """What makes the story more than role, goal and benefit, as (kind, text); None when it is minimal.

    Reported: text in brackets (not a plural "(s)" or an acronym "(DMP)"),
    an extra sentence, an example in the goal, a second benefit chained on the
    first.
    """
    for part in (role, want, so_that):
        for found in _BRACKETS.finditer(part):
            inner = next(group for group in found.groups() if group is not None).strip()
            if inner and not _NOT_AN_ASIDE.match(inner):
                return "text in brackets", found.group(0)
    for part in (role, want, so_that):
        sentence = _extra_sentence(part)
        if sentence:
            return "an extra sentence", sentence
    example = _EXAMPLE.search(want)
    if example:
        return "an example in the goal", want[example.start() :].strip(" ,;(")
    second = _SECOND_BENEFIT.search(so_that)
    if second:
        return "a second benefit", so_that[second.start() :].strip(" ,;.")
    return None


def _extra_sentence(text: str) -> str | None:
    for found in _SENTENCE_END.finditer(text):
        before = text[: found.start()].rsplit(None, 1)
        word = before[-1].lower().rstrip(".") if before else ""
        if word in _ABBREVIATIONS or len(word) <= 1 or "." in word:
            continue
        rest = text[found.end() :].strip()
        if len(rest.split()) >= 2:
            return rest
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
    "widget",
    "widgets",
    "carousel",
    "slider",
    "toggle switch",
    "hamburger menu",
    "navbar",
    "navigation bar",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "scrollbar",
    "scroll bar",
    "wysiwyg",
    "lightbox",
    # implementation techniques
    "iframe",
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
    "caching",
    "cookie",
    "cookies",
    "web socket",
    "websocket",
    "websockets",
    "ajax",
    "bootstrap",
    "cron job",
    "message queue",
)
"""Words that name a design rather than a need, when they appear in the goal."""

_SOLUTIONS = PhraseIndex(SOLUTION_TERMS)
_NEGATIONS = word_set("without instead rather not no never")


def solution_terms(want: str) -> list[str]:
    """The user-interface controls and techniques named in a goal (not those it says to do without)."""
    text_words = words(want)
    named = []
    for hit in _SOLUTIONS.find(text_words, split_slashes=False):
        start = text_words[hit.first].start
        negated = False
        for word in reversed(text_words[: hit.first]):
            if "," in want[word.end : start]:
                break
            if word.text in _NEGATIONS:
                negated = True
                break
        if not negated:
            named.append(hit.phrase)
    return unique(named)


def unique(items: Iterable[str]) -> list[str]:
    """The items in order, each once."""
    return list(dict.fromkeys(items))
