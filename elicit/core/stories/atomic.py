"""Atomic: does a story's goal hold one goal, or two joined together?

A goal holds two goals when a joint ("and", "or", "&", "/", a comma, "but",
"as well as") at the top level of the sentence is followed by a second action,
a second passive verb, or a second question. Which words are verbs comes from
an English lexicon (:mod:`elicit.core.stories.lexicon`), not from a list.

The rule, in the order :func:`atomic_problem` applies it at each joint:

1. *Where the joint is.* Joints in brackets, in quotes, after a colon (a list
   of details), inside a subordinate clause ("ensure that X or Y", "a form that
   guests fill in and send") or inside options ("either ... or", "whether",
   "between", "without", "rather than") join parts of one goal. The one
   exception: inside a question clause ("when the meeting is and who will
   attend") a second question word makes two things to know.
2. *Verbs joined*: "sort and archive", "create, update and delete", "import/
   export": the word before the joint is a verb where a verb goes (after "to",
   "can", a joint or at the start), and so is the word after it. Not when the
   two are the sides of one setting or decision ("approve or reject", "show or
   hide", "enable/disable", "lock/unlock") or the second is a result ("register
   and receive", "log in and see").
3. *Two passive verbs*: "be recorded in metadata and displayed with the item".
4. *A second action*: "create groups and add campers", "book a room, and
   receive a confirmation". The word after the joint must be a verb with what a
   verb takes after it. How sure that must be depends on what comes before the
   joint: after a noun phrase ("the name and address of", "a list of users and
   email addresses") only an object that cannot follow a noun ("and print it",
   "and archive the reports") makes it a verb. A result verb (see, get, receive,
   know, find, have, view) after a plain "and" is the result of the first step
   ("enter my zip code and get a list"); after a comma it is a second want.
   Likewise a first verb that is a step (select, open, go, log in, fill in ...)
   leads to the goal after a plain "and" ("select a dataset and export it").
   A result that waits for an event ("and get alerts when a file is added") is
   a behaviour of its own.

Near misses checked at every joint before rules 2 to 4: one action said twice
("move them around and rearrange them"), the last item of a list of values
("set start dates, reminder dates, and stop dates"), a page's name in title
case ("the Upload and Validate page"), two nouns before one head noun ("apply
automatic contrast and level operations"). A list inside a clause stays in
the clause ("jobs that install it, run the tests and report back"), and so do
the verbs of what a message says ("instructions to confirm or cancel"). After
a clause of time or condition with a verb of its own ("when a job ends"), a
verb in its base form with its object is the main goal's again ("and download
the results"); so after a question ("see who is at the door and open it").

Round 4 (the hold-out set's kinds): a purpose infinitive after a verb's object
keeps its joints ("call a script to run the tests and report back"; not after
a light verb such as use/allow/have, nor a noun such as way/ability/option);
a second want ("and I want", "and need", "and the app should also", ", and be
notified"); a second thing to know after a question ("who booked it and their
phone number"), also past an aside ("and, where possible, who"); a clause
opener or "well" after the joint is no verb ("while still keeping", "well
documented"); modifiers of one noun ("a partial or complete title"); a list
that a preposition opens holds values ("in bar chart, pie chart, map and ...");
the first verb said again ("add tags or add columns") and three or more acts
listed as gerunds with objects ("closing accounts, viewing fees, resetting
passwords") are several goals; verbs in a clause with its own subject and
modal after a noun ("questions the pupils can read and answer") describe it.

Round 5 (the first GitHub set's kinds): a second "I want" in a sentence of its own, in the goal or after the
benefit; "add a new or edit an existing X"; opposite verbs each with its own object ("disallow X and allow Y");
a pick and then a new thing ("select the marks and enter a transcription"); two participles after a noun-phrase
goal, the second with words of its own ("citations imported and linked with their works"). Near misses: what an
access setting allows ("access to read, edit or delete"), a participle after "last"/"first", ", see list here",
bare nouns that modify one plural head ("user and group permissions"), values of a comma list most of whose items
start with no verb, defences joined only by "or" ("validate or sanitise"), a few doublets ("protect and harden").

Round 9 (the fifth GitHub set's kinds): an item that holds a story per role ("... As a student, I want ...") holds two
goals when the later story asks for another thing (:func:`_same_request`); bare question words after a question ("what
happens next and when"); "create and see" one thing; "and (to) be able to" after a clause of the goal; "If ..., I
want" in a sentence of its own. Near misses: two question words of one clause ("what and how data is archived"),
"include but are not limited to", participles before a noun, "a direction or order for a case", "available and
remain", a "such as" list, "and still be able to".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from elicit.core.stories.lexicon import Lexicon, lexicon
from elicit.core.stories.parse import third_person_capability
from elicit.core.stories.phrases import word_set

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]*|\d+(?:\.\d+)?|[,;:/()\[\]{}\"&.]")

JOINTS = word_set("and or & , / but")
RESULT_VERBS = word_set("see get receive know find have be view include contain")
"""Verbs that, after a plain "and", name the result of the step before ("enter my zip code and get a list")
or what it holds ("list my classes and include a link to each")."""

SAME_GOAL_PAIRS = {
    frozenset(pair.split("+"))
    for pair in word_set(
        "copy+paste cut+paste drag+drop read+write enter+exit show+hide open+close start+stop start+end enable+disable include+exclude "
        "approve+reject approve+decline accept+reject accept+decline sign+submit locate+access find+access search+access "
        "move+rearrange arrange+rearrange order+rearrange edit+modify change+modify amend+edit amend+change check+verify "
        "protect+harden protect+secure secure+harden encourage+promote pause+resume play+pause undo+redo expand+collapse "
        "attach+detach see+click view+click edit+save view+browse apply+remove hide+display show+display discover+identify "
        "find+identify"
    )
}
"""The two sides of one setting or decision, a step that only leads to the other, and one action said twice
("move the files around and rearrange them"): hand-kept, a choice, not grammar."""

STEP_VERBS = word_set("select choose pick click tap press open go navigate visit fill type log sign scan identify")
_PICKING = word_set("select choose pick")
"""Steps that pick a thing: the goal after them acts on what was picked ("select a dataset and export it"); a new
thing after the second verb ("select the marks on a page and enter a transcription of them") is a second act."""
ALTERNATIVE_MEANS = word_set("validate sanitize sanitise escape encode sandbox disable block reject quarantine")
"""Defences any one of which meets one demand: joined only by "or" ("validate or sanitise the input", "sanitise,
disable or sandbox the scripts"), alternatives, not several goals."""
ACCESS_NOUNS = word_set("access permission permissions right rights privilege privileges")
"""Nouns whose infinitive lists what one access setting allows ("access to read, edit or delete it")."""
_BEFORE_PARTICIPLE = word_set("last first recently newly most")
"""Adverbs before a participle ("the date created or last modified"): the participle describes a noun, no act."""
_REFERENCES = word_set("list below above here attached link table page appendix")
"""What ", see ..." points to ("search by many fields, see list here"): a reference for the reader, not a goal."""
"""Verbs of a step towards the goal that follows a plain "and" ("select a dataset and export it", "log in and
manage my profile", "identify myself as a sponsor and pay for it"): a step and its purpose are one goal."""

LIST_VERBS = word_set("sort filter order page scroll group browse search")
"""Ways of going through a list: after "and", with "it", "them", "by" or "through", part of the list the story asks for ("and sort it by date")."""

MESSAGE_NOUNS = word_set("instructions instruction reminder invitation request prompt link message email e-mail notice notification letter")
"""Things that tell the user what to do: the verbs after "<noun> to" are what the message says ("an email with
instructions to register or activate my account"), part of the one message asked for."""

_OPPOSITE_PREFIXES = ("un", "dis", "de")  # lock/unlock, enable/disable, activate/deactivate
_DETERMINERS = word_set("the a an my our your their his her its this that these those each every any some no both other own")
_PREPOSITIONS = word_set(
    "with for on in at to from by of about into onto through across over under after before during without within via "
    "alongside between among per as against towards toward up out off back down"
)
_VERB_POSITION = word_set("to and or , / & can could will would should must may i we also not both")
_FILLERS = word_set("also then still to be able can could will would should must further later")
_SUBJECTS = word_set("i we they he she you it")
_OBJECT_STARTS = _DETERMINERS | word_set("them it him me us all")
_BE = word_set("be been being is are was were")
_QUESTION_WORDS = word_set("when where who whom whose what which how why")
_CLAUSE_OPENERS = _QUESTION_WORDS | word_set(
    "that whenever if whether once after before while until because since unless though although either between without rather instead"
)
_CLAUSE_ENDS = word_set(", ; .")
_LIST_ENDS = word_set("and or")
_SENTENCE_BREAKS = word_set("; . :")
_LIST_BREAKS = word_set(", ; : ( )")
_EVENTS = word_set("when whenever")
_ADVERBIAL = word_set("when whenever if once after before while until unless")
_CONTENTS_OF = word_set("about on of regarding")
_ABILITY = word_set("ability")  # "the ability import/export": a verb goes after it even without "to"
_OPEN, _CLOSE = word_set("( [ {"), word_set(") ] }")

MAIN = ""
"""The place of a word at the top level of the goal; otherwise its place is the clause opener, or ASIDE."""
ASIDE = "aside"


@dataclass(frozen=True)
class _Goal:
    """A goal's words (lower case, punctuation as words) and where each one sits."""

    tokens: list[str]
    places: list[str]
    words: Lexicon
    capitalised: frozenset[int] = frozenset()

    def word(self, index: int) -> str:
        return self.tokens[index] if 0 <= index < len(self.tokens) else ""

    def next_word(self, start: int) -> int:
        """The index of the first word from ``start`` that is not a filler ("also", "to be able to")."""
        index = start
        while self.word(index) in _FILLERS:
            index += 1
        return index

    def base_verb(self, index: int) -> bool:
        """A verb in its base form that can name an action (not an auxiliary such as "do", not a name)."""
        word = self.word(index)
        return self.words.is_base_verb(word) and "aux" not in self.words.parts(word)

    def adjective(self, index: int) -> bool:
        return self.words.parts(self.word(index)) & {"adj", "verb", "noun"} == {"adj"}

    def only_verb(self, index: int) -> bool:
        """A word that cannot be a noun or an adjective ("add", "receive", "attend")."""
        parts = self.words.parts(self.word(index))
        return parts == {"verb"}

    def participle(self, index: int) -> str | None:
        """The verb a past participle belongs to ("displayed" -> "display"), or None."""
        word = self.word(index)
        base = self.words.verb_base(word)
        if base is None or base == word or word.endswith(("s", "ing")):
            return None
        return base


_ANOTHER_WANT = re.compile(r"[.;!]\s+(?:and\s+)?(?:(?:from|for|in|on|after|then|if|when|once)\b[^.;!]{0,40}?,\s*)?(?P<want>(?:I|we)\s+(?:also\s+)?(?:want|would\s+like|need)\b)", re.IGNORECASE)
"""A second want in a sentence of its own ("... for any resource. I want to copy it to ...", "...; I want a default
author"), also after a short opener ("From this list, I want to ...")."""


_ANOTHER_STORY = re.compile(
    r"[.;!]\s+(?P<opener>(?-i:As)\s+(?:an?|the)\s+[^,.;!]{1,80}?,?\s+(?:I|we)\s+(?:also\s+)?(?:want|would\s+like|need|wish)\b)(?P<goal>[^.;!]*)",
    re.IGNORECASE,
)
"""A second story in a sentence of its own ("... as PDF files. As a student, I want to store my results ..."; round 9:
items that hold a story per role)."""
_PLAIN_WORDS = word_set(
    "to be able the a an of in on at for with from by my our their its his her your i we it they that this these those "
    "and or so can could would should will want need also have has is are was were not all any some which who when where "
    "as such into within about than then there what how"
)


def _another_story(want: str, part: str) -> str | None:
    """The opener of a second story in ``part`` ("As a student, I want"), when its goal asks for another thing than the
    first goal; None when there is none or it asks for the same (the same capability for another role: "As a teacher, I
    want the file names to be configurable ... As an administrator, I want the file names to be configurable ...")."""
    first = _REQUEST_END.split(_NEXT_SENTENCE.split(want, maxsplit=1)[0], maxsplit=1)[0]
    for found in _ANOTHER_STORY.finditer(part):
        if not _same_request(first, _REQUEST_END.split(found.group("goal"), maxsplit=1)[0]):
            return " ".join(found.group("opener").split()[:4]) + " …"
    return None


_REQUEST_END = re.compile(r",?\s*\b(?:so\s+that|in\s+order\s+to|so\s+as\s+to|such\s+as|e\.g\.|for\s+example)|,\s*so\s+(?=I\b|we\b)|\(", re.IGNORECASE)
"""Where what a goal asks for ends: its benefit, examples or an aside follow."""


_BENEFIT_START = re.compile(r",?\s*\b(?:so\s+that|in\s+order\s+to|so\s+as\s+to)\b|,\s*so\s+(?=I\b|we\b)", re.IGNORECASE)


def later_goals(text: str) -> list[str]:
    """The goals of the stories after the first one in an item (:data:`_ANOTHER_STORY`), each up to its benefit: what
    a check of the goal must judge too when one line holds a story per role."""
    if not any(mark in text for mark in ".;!"):
        return []
    return [_BENEFIT_START.split(found.group("goal"), maxsplit=1)[0] for found in _ANOTHER_STORY.finditer(text)]


def _content_stems(text: str) -> set[str]:
    """The words of ``text`` that carry content, cut to a rough stem ("attempts" and "attempt", "archives" and
    "archiving"), for comparing what two goals ask for."""
    stems: set[str] = set()
    word: str
    for word in re.findall(r"[a-z][a-z-]+", text.lower()):
        if word in _PLAIN_WORDS or len(word) < 3:
            continue
        for ending in ("ing", "ed", "es", "s"):
            if word.endswith(ending) and len(word) - len(ending) >= 4:
                word = word[: -len(ending)]
                break
        stems.add(word)
    return stems


_NOT_PREDICATES = word_set("be able have")
_INFINITIVE_HEADS = word_set("to will can should must could would")


def _predicate(goal: str) -> str:
    """What a goal's infinitive says is done or must hold: the word after its first "to" (or modal: "a solution that
    will be maintained"), past "be able to", "be" and adverbs ("to be automatically transferred" -> "transferred", "to
    export" -> "export"); "" without one."""
    words: list[str] = re.findall(r"[a-z][a-z-]*", goal.lower())
    start = next((index for index, word in enumerate(words) if word in _INFINITIVE_HEADS), None)
    for word in words[start:] if start is not None else ():
        if word not in _NOT_PREDICATES and word not in _INFINITIVE_HEADS and not word.endswith("ly"):
            return word
    return ""


def _same_request(first: str, second: str) -> bool:
    """Whether two goals ask for the same thing: the same predicate (:func:`_predicate`), and at least half the
    content words of the shorter in the other."""
    one, other = _content_stems(first), _content_stems(second)
    if not one or not other or _predicate(first) != _predicate(second):
        return False
    return len(one & other) * 2 >= min(len(one), len(other))


_BRACKETED_ACT = re.compile(r"\(\s*(?:and|also)\s+(?P<verb>[a-z]+)\s+(?:[a-z][\w-]*\s+)?[a-z][\w-]*", re.IGNORECASE)
"""A second act written in brackets: "add the files (and edit their names)"."""
_AS_WELL_AS_DOING = re.compile(r"\bas\s+well\s+as\s+(?P<verb>[a-z]+ing)\s+(?:it|them|this|these|those|that|the|a|an|my|our|their|its|his|her|all|any)\b", re.IGNORECASE)
"""A second act after "as well as", told as a gerund with its object ("be notified when a case is overdue, as well as
showing it in my tray"; round 8): "as well as" joins two behaviours, whatever clause stands before it."""


def _gerund_as_well_as(want: str) -> str | None:
    """ "as well as showing it ..." (a verb's gerund with an object), or None; not an adjective ("as well as existing
    records")."""
    act = _AS_WELL_AS_DOING.search(want)
    if act is None:
        return None
    gerund = act.group("verb").lower()
    words = lexicon()
    base = words.verb_base(gerund)
    if base is None or base == gerund or "adj" in words.parts(gerund) or "noun" in words.parts(gerund):
        return None
    return f"as well as {gerund}"


_NEXT_SENTENCE = re.compile(r"[.;!]\s+(?=[A-Z])")


def _another_role_can(text: str) -> str | None:
    """A sentence of its own that is a story of another capability ("... so that they can be listed. That user can
    edit the page as a member would"): the role as its subject with "can" or "be able to" (the story reader's
    third-person shape); its first words, or None."""
    for found in _NEXT_SENTENCE.finditer(text):
        story = third_person_capability(text[found.end() :])
        if story is not None:
            return " ".join(text[found.end() :].split()[:3])
    return None


def atomic_problem(want: str, so_that: str = "") -> tuple[str, str] | None:
    """Why ``want`` holds more than one goal, or None when it holds one (see the module's docstring).

    The answer is (verbs joined, "") such as ("create and edit", ""), or
    ("", start of the second goal) such as ("", "and attach"). A second "I want" in a sentence of its own, in the goal
    or after the benefit (``so_that``), is a second goal too.
    """
    if (sentence := _second_sentence_goal(want, so_that)) is not None:
        return "", sentence
    if "as well as" in want.lower() and (gerund := _gerund_as_well_as(want)) is not None:
        return "", gerund
    if "(" in want and (act := _BRACKETED_ACT.search(want)) is not None and lexicon().is_base_verb(act.group("verb").lower()):
        return "", " ".join(act.group(0).lstrip("( ").split())
    if not _may_join(want):
        return None  # no joint: the loop below has nothing to look at, and _acts_listed needs two joints
    goal = _goal(want)
    for index, token in enumerate(goal.tokens):
        if token in JOINTS:
            found = _compound_at(goal, index)
            if found is not None:
                return found
    return _acts_listed(goal)


_GERUND_LEADS = word_set(", and or of including for by")
_NOT_ACTS = word_set("including according regarding concerning following excluding")


def _acts_listed(goal: _Goal) -> tuple[str, str] | None:
    """ "for closing accounts, viewing subscriptions, resetting passwords and changing addresses": three or more acts,
    each a gerund of another verb with its object, listed at the top level: as many goals."""
    acts: list[int] = []
    for index, token in enumerate(goal.tokens):
        base = goal.words.verb_base(token) if token.endswith("ing") and token not in _NOT_ACTS else None
        if base is None or base == token or goal.places[index] != MAIN or goal.word(index - 1) not in _GERUND_LEADS:
            continue
        if "adj" in goal.words.parts(token):
            continue  # "impending obsolescence", "existing records"
        after = goal.word(index + 1)
        if _is_word(after) and after not in _PREPOSITIONS | JOINTS:
            acts.append(index)
    bases = {goal.words.verb_base(goal.word(index)) for index in acts}
    listed = sum(goal.word(index - 1) in JOINTS for index in acts)
    if len(bases) >= 3 and listed >= 2:
        return "", f"{goal.word(acts[1])} ..."
    return None


def _second_sentence_goal(want: str, so_that: str) -> str | None:
    """The start of a second goal in a sentence of its own, in the goal or after the benefit: another story of the
    item that asks for another thing, a second "I want", a story of another role's capability; or None."""
    for part in (want, so_that):
        if not any(mark in part for mark in ".;!"):
            continue  # each looks for a sentence of its own, after one of these (_ANOTHER_WANT, _NEXT_SENTENCE)
        if (story := _another_story(want, part)) is not None:
            return story
        again = _ANOTHER_WANT.search(part)
        if again:
            return " ".join(again.group("want").split())
        if (other := _another_role_can(part)) is not None:
            return other
    return None


_AS_WELL_AS = re.compile(r"\bas well as\b", re.IGNORECASE)
_AND_OR = re.compile(r"\band\s*/\s*or\b", re.IGNORECASE)
_NOT_LIMITED = re.compile(r"\bbut\s+(?:is|are)\s+not\s+limited\s+to\b", re.IGNORECASE)
# each searched only in a text that may hold it ("as well as" in an ASCII text's lower case, "/"): most goals hold neither


@lru_cache(maxsize=256)
def _goal(want: str) -> _Goal:  # remembered: a goal is read for not-atomic and again for no-benefit (purpose_in_goal)
    found = _goal_tokens(want)
    tokens = [token.lower() for token in found]
    capitalised = frozenset(index for index, token in enumerate(found) if index > 0 and token[:1].isupper() and token != "I")
    words = lexicon()
    names = frozenset(index for index, token in enumerate(found) if len(token) > 1 and token.isupper())
    return _Goal(tokens, _purposes(tokens, _places(tokens), words, names), words, capitalised)


@lru_cache(maxsize=256)
def _goal_tokens(want: str) -> tuple[str, ...]:
    """The tokens of a goal as written (case kept), "as well as" read as "and" and "and/or" as "or": what
    :func:`_goal` reads, remembered apart so that a goal with no joint is known to be one goal without it."""
    text = _AS_WELL_AS.sub("and", want) if not want.isascii() or "as well as" in want.lower() else want
    text = _AND_OR.sub("or", text) if "/" in text else text  # "a Resource and/or a Component": one joint
    if "limited" in text:
        text = _NOT_LIMITED.sub(" ", text)  # "these logs include but are not limited to: ...": one list (round 9)
    return tuple(_TOKEN.findall(text))


def _may_join(want: str) -> bool:
    """Whether the goal holds a joint (JOINTS) at all: about seven goals in ten hold none, and for them the rules of
    :func:`atomic_problem` after the sentence and bracket checks have nothing to look at (no goal read, no lexicon)."""
    return not JOINTS.isdisjoint(map(str.lower, _goal_tokens(want)))


LIGHT_VERBS = word_set(
    "use allow enable let ask tell get want need help require force permit have like expect remind invite set configure "
    "instruct train teach encourage be make"
)
"""Verbs whose object is followed by the goal itself ("use the app to see who is at the door and open it", "allow
guests to book and pay"): the infinitive after their object is no purpose."""
LIGHT_NOUNS = word_set(
    "ability option way possibility functionality function feature tool means mechanism method chance opportunity "
    "permission right capability facility interface"
)
"""Nouns whose infinitive is the goal ("a way to add and remove people"), not what a thing is for."""
PURPOSE = "purpose"
"""The place of the words of a purpose infinitive after a verb's object ("email the provider to report issues and ask
questions"): a joint inside it joins the parts of the purpose, not two goals."""


def purpose_in_goal(want: str) -> bool:
    """Whether ``want`` ends in a purpose infinitive after a verb's object ("demonstrate the design to make sure it is
    used", "add new columns to make the data more useful"): a reason given without a benefit marker."""
    if "to" not in map(str.lower, _goal_tokens(want)[1:]):
        return False  # _purposes marks a purpose only from a "to" with a word before it: most such goals have none
    return PURPOSE in _goal(want).places


def _purposes(tokens: list[str], places: list[str], words: Lexicon, names: frozenset[int] = frozenset()) -> list[str]:
    """``places`` with the words of each purpose infinitive at the top level marked PURPOSE: "to" and a verb after the
    object of a verb that is not a light verb ("call a script to run the tests and report back"), or after a comma
    (", to draw insights on their needs and habits"; not a list of infinitives: ", to edit, and to delete"). A word in
    capitals after "to" is a name ("convert them to TAR files"), no verb."""
    marked = list(places)
    verb = ""
    for index, token in enumerate(tokens):
        if places[index] != MAIN:
            continue
        before = tokens[index - 1] if index else ""
        if (before in ("to", "") or before in JOINTS) and words.is_base_verb(token):
            verb = token
        if token == "to" and index + 1 not in names and _purpose_at(tokens, index, verb, words):
            for later in range(index, len(tokens)):
                if tokens[later] in _CLAUSE_ENDS or places[later] != MAIN:
                    break
                marked[later] = PURPOSE
            break
    return marked


def _purpose_at(tokens: list[str], to: int, verb: str, words: Lexicon) -> bool:
    """Whether the "to" at ``to`` opens a purpose: after a comma, or after the object of ``verb`` (not a light verb)."""
    if tokens[to - 1] == "," and to >= 3 and _purpose_after_comma(tokens, to, words):
        return True
    return bool(verb) and verb not in LIGHT_VERBS and _purpose_starts(tokens, to, words)


def _purpose_after_comma(tokens: list[str], to: int, words: Lexicon) -> bool:
    """ "..., to identify cost increases": "to" and a base verb after a comma, with no infinitive listed after it."""
    if to + 1 >= len(tokens) or not words.is_base_verb(tokens[to + 1]):
        return False
    return not any(tokens[later] in _LIST_ENDS and tokens[later + 1 : later + 2] == ["to"] for later in range(to + 1, len(tokens)))


def _purpose_starts(tokens: list[str], to: int, words: Lexicon) -> bool:
    """Whether the "to" at ``to`` opens an infinitive after an object ("a script to run", "it to show"), not after a
    verb ("want to") or a noun whose infinitive is the goal ("a way to add")."""
    if to < 2 or to + 1 >= len(tokens) or not words.is_base_verb(tokens[to + 1]):
        return False
    before = tokens[to - 1]
    if before in LIGHT_NOUNS:
        return False
    parts = words.parts(before)
    noun = "noun" in parts or (not parts and before.isalpha())  # a word the lexicon lacks ("rota") is mostly a noun
    return before in ("it", "them", "him", "her", "me", "us") or (noun and tokens[to - 2] not in _VERB_POSITION)


def _is_word(token: str) -> bool:
    """Whether a token is a word ("human-readable", "i'd"), not punctuation or a number."""
    return token[:1].isalpha()


def _places(tokens: list[str]) -> list[str]:
    """Where each word sits: MAIN, ASIDE (brackets, quotes, after a colon) or the opener of its clause."""
    places: list[str] = []
    depth, quoted, colon, clause, listing = 0, False, False, MAIN, False
    for index, token in enumerate(tokens):
        depth = max(0, depth + (token in _OPEN) - (token in _CLOSE))
        quoted = quoted != (token == '"')
        colon = colon or token == ":"
        if not (depth or quoted):  # a full stop or a comma in brackets ("(e.g. lifts, boilers)") ends no clause
            clause, listing = _clause_after(tokens, index, clause, listing)
        places.append(ASIDE if depth or quoted or colon or token in _CLOSE else clause)
    return places


def _clause_after(tokens: list[str], index: int, clause: str, listing: bool) -> tuple[str, bool]:
    """The clause the word at ``index`` opens, keeps or ends, and whether a list inside that clause goes on."""
    token = tokens[index]
    if token == "," and clause != MAIN:
        listing = _list_goes_on(tokens, index, listing)
        return (clause if listing else MAIN), listing
    if token in _CLAUSE_ENDS:
        return MAIN, False
    if clause == MAIN and index > 0 and (token in _CLAUSE_OPENERS or (token == "to" and tokens[index - 1] in MESSAGE_NOUNS)):
        return token, False
    return clause, listing


def _list_goes_on(tokens: list[str], comma: int, listing: bool) -> bool:
    """Whether a comma inside a clause separates items of a list that an "and"/"or" closes later ("a build that
    installs it, runs the tests and reports back"): the list stays in the clause. A comma right before "and" ends
    the clause ("when a job ends, and download the results"), unless it is the last comma of such a list."""
    if tokens[comma + 1 : comma + 2] and tokens[comma + 1] in _LIST_ENDS:
        return listing
    for token in tokens[comma + 1 :]:
        if token in _SENTENCE_BREAKS:
            return False
        if token in _LIST_ENDS:
            return True
    return False


def _compound_at(goal: _Goal, joint: int) -> tuple[str, str] | None:
    """Whether the joint at ``joint`` starts a second goal (the rules of the module's docstring, in order)."""
    place = goal.places[joint]
    if (found := _in_a_question(goal, joint)) is not None:
        return found
    if place != MAIN and not _leaves_the_clause(goal, joint):
        return None
    if goal.tokens[joint] in ("/", ","):
        if goal.tokens[joint] == "/":
            return _verbs_slashed(goal, joint)
        if goal.places[joint + 1 : joint + 2] == [PURPOSE]:
            return None  # ", to draw insights from them": the purpose of the goal starts here
    second = goal.next_word(joint + 1)
    if (found := _second_want(goal, joint, second)) is not None:
        return found
    if _no_act_here(goal, joint, second):
        return None
    if (found := _new_or_existing(goal, joint, second)) is not None:
        return found
    if _passive_after(goal, joint, second) != second:  # "and the deposit to be denied": a clause of its own
        return _passives_joined(goal, joint, second)
    if _same_verb_again(goal, joint, second):
        return "", f"{_joined(goal, joint)}{goal.word(second)}"
    if _one_goal_at(goal, joint, second):
        return None
    return _verbs_joined(goal, joint, second) or _passives_joined(goal, joint, second) or _second_action(goal, joint, second)


_WANTS = word_set("want need")
_MODALS = word_set("should must shall will")
_QUALITY_ADVERBS = word_set("well")
"""An adverb that makes the participle after it a quality ("well defined and well documented"), not an act."""


def _second_want(goal: _Goal, joint: int, second: int) -> tuple[str, str] | None:
    """A second want at the top level: "and I want it to be backed up", "and need a way to", "and the app should also
    record my heart rate" (a subject and a modal of its own), ", and be notified of new papers" (a passive goal after a
    comma)."""
    if goal.tokens[joint] == "and" and _able_after(goal, joint) and goal.base_verb(goal.next_word(0)):
        return "", f"and {'to ' if goal.word(joint + 1) == 'to' else ''}be able to"  # "know X and be able to find it" (round 9)
    if goal.places[joint] != MAIN or goal.tokens[joint] not in _LIST_ENDS:
        return None
    start = joint + 1
    word = goal.word(start)
    if word in ("i", "we") and goal.word(start + 1) in _WANTS | word_set("would"):
        return "", f"{_joined(goal, joint)}{'I' if word == 'i' else word} {goal.word(start + 1)}"
    if word in _WANTS and goal.word(start + 1) in _OBJECT_STARTS | word_set("to"):
        return "", f"{_joined(goal, joint)}{word}"
    subject = _subject_with_modal(goal, start)
    if subject:
        return "", f"{_joined(goal, joint)}{subject}"
    return _passive_want(goal, joint, start)


def _passive_want(goal: _Goal, joint: int, start: int) -> tuple[str, str] | None:
    """ ", and be notified of new papers": a passive goal after a comma (a second want)."""
    if goal.word(joint - 1) == "," and goal.word(start) == "be" and goal.participle(start + 1) is not None and goal.word(start + 1) != "able":
        return "", f"{_joined(goal, joint)}be {goal.word(start + 1)}"
    return None


def _subject_with_modal(goal: _Goal, start: int) -> str:
    """ "the app should also keep", "Alfred must record": up to three words naming a subject, a modal and a verb."""
    for subject_end in (start, start + 1, start + 2):
        if goal.word(subject_end + 1) not in _MODALS or not goal.base_verb(goal.next_word(subject_end + 2)):
            continue
        subject = goal.tokens[start : subject_end + 1]
        last_parts = goal.words.parts(subject[-1])
        named = start in goal.capitalised or (subject[0] in _DETERMINERS and ("noun" in last_parts or not last_parts))
        if named and all(_is_word(token) and token not in JOINTS for token in subject):
            return f"{' '.join(subject)} {goal.word(subject_end + 1)}"
    return ""


def _same_verb_again(goal: _Goal, joint: int, second: int) -> bool:
    """ "add useful tags or add in new columns": the first verb said again after "and"/"or" starts a second act (not a
    result verb after "and": "see the list and see the totals")."""
    if goal.places[joint] != MAIN or goal.tokens[joint] not in _LIST_ENDS or not goal.base_verb(second):
        return False
    return not _result(goal, joint, second) and _first_verb(goal, joint) == goal.word(second)


def _one_goal_at(goal: _Goal, joint: int, second: int) -> bool:
    """The near misses that hold whatever follows the second word: the two sides of one setting or one action said
    twice ("approve or reject", "move them around and rearrange them"), a step first ("select a dataset and export
    it"), the last of a list of values, a name in title case, two nouns before one head noun."""
    first_verb = _first_verb(goal, joint)
    return (
        not _two_goals(goal.word(_item_before(goal, joint)), goal.word(second))
        or (first_verb is not None and _sides_of_one(first_verb, goal.word(second)) and not _settings_apart(goal, joint, second))
        or _a_step_first(goal, joint, second)
        or _recorded_after(goal, joint, second)
        or _access_values(goal, joint)
        or _alternative_means(goal, joint, second)
        or _noun_modifiers(goal, joint, second)
        or _values_around(goal, joint, second)
        or _values_listed(goal, joint)
        or _a_name(goal, joint, second)
        or _shared_head(goal, joint, second)
        or _reduced_relative(goal, second)
        or _bound_or_values(goal, joint, second)
    )


def _bound_or_values(goal: _Goal, joint: int, second: int) -> bool:
    """Round 9's near misses: a state and that it lasts, the values of a "such as" list, a bound told with "still"
    ("change the join method and still be able to add members")."""
    return _state_kept(goal, joint, second) or _such_as_values(goal, joint) or goal.word(joint + 1) == "still"


def _such_as_values(goal: _Goal, joint: int) -> bool:
    """ "transferred into external systems, such as WORM storage or document management systems": the joint is in the
    list of examples "such as" opens, values of one thing (the rule book's "such as" list; round 9)."""
    for index in range(joint - 1, 0, -1):
        if goal.tokens[index] in _SENTENCE_BREAKS:
            return False
        if goal.tokens[index] == "as" and goal.tokens[index - 1] == "such":
            return True
    return False


_STAYING = word_set("remain stay")


def _state_kept(goal: _Goal, joint: int, second: int) -> bool:
    """ "be available over the long term and remain part of the record": a state and that it lasts, one demand
    (round 9)."""
    return goal.word(second) in _STAYING and any(goal.word(index) == "be" for index in range(joint))


def _no_act_here(goal: _Goal, joint: int, second: int) -> bool:
    """No word that can act after the joint (punctuation, a subject, a clause opener, "well"), "the date created or
    last modified" (a participle after a noun), ", see list here" (a reference)."""
    if not _is_word(goal.word(second)) or goal.word(second) in _SUBJECTS | _CLAUSE_OPENERS | _QUALITY_ADVERBS:
        return True
    if goal.word(second) in _BEFORE_PARTICIPLE and goal.participle(second + 1) is not None:
        return True
    return goal.tokens[joint] == "," and goal.word(second) == "see" and (goal.word(second + 1) in _REFERENCES | _OPEN or goal.word(second + 2) in _REFERENCES)


def _new_or_existing(goal: _Goal, joint: int, second: int) -> tuple[str, str] | None:
    """ "add a new or edit an existing place", "add new or edit tags": two acts, one on a new thing, one on an old."""
    before = _item_before(goal, joint)
    if goal.word(before) != "new" or goal.tokens[joint] not in _LIST_ENDS or not goal.base_verb(second):
        return None
    verb = before - 2 if goal.word(before - 1) in ("a", "an") else before - 1
    if not goal.base_verb(verb) or not _two_goals(goal.word(verb), goal.word(second)):
        return None
    return f"{goal.word(verb)} new {goal.tokens[joint]} {goal.word(second)}", ""


def _settings_apart(goal: _Goal, joint: int, second: int) -> bool:
    """ "disallow truncation and allow single spaces": opposite verbs, each with an object of its own, are two
    settings (not "enable or disable it", "lock/unlock the door": one setting)."""
    return goal.participle(second) is None and goal.base_verb(_item_before(goal, joint)) is False and _what_follows(goal, second) in ("word", "determiner")


def _access_values(goal: _Goal, joint: int) -> bool:
    """ "grant the group access to read, edit, or delete my notes": what one access setting allows."""
    start = _list_start(goal, _item_before(goal, joint))
    return goal.word(start - 1) == "to" and goal.word(start - 2) in ACCESS_NOUNS and goal.base_verb(start)


def _alternative_means(goal: _Goal, joint: int, second: int) -> bool:
    """ "validate or sanitise the input": defences joined only by "or", any one of which meets the demand."""
    start, end = _list_start(goal, _item_before(goal, joint)), second + 1
    while goal.word(end) in JOINTS and goal.word(end + 1) in ALTERNATIVE_MEANS:
        end += 2
    listed = goal.tokens[start:end]
    verbs = [token for token in listed if token not in JOINTS]
    return "or" in listed and "and" not in listed and all(verb in ALTERNATIVE_MEANS for verb in verbs)


def _noun_modifiers(goal: _Goal, joint: int, second: int) -> bool:
    """ "edit user and group permissions": a bare singular noun right after the verb, a joint, a noun, one plural head
    noun that cannot be a verb: two nouns that modify one head (not "import data and export reports")."""
    before, head = _item_before(goal, joint), goal.word(second + 1)
    return (
        goal.tokens[joint] in _LIST_ENDS
        and goal.words.parts(goal.word(before)) == {"noun"}
        and not goal.word(before).endswith("s")
        and goal.base_verb(before - 1)
        and "noun" in goal.words.parts(goal.word(second))
        and goal.words.parts(head) == {"noun"}
        and head.endswith("s")
    )


def _values_around(goal: _Goal, joint: int, second: int) -> bool:
    """ "see full name, sort name, birth and death dates, member id, and family": a comma among items of which two or
    more later ones start with no verb, the word after the comma followed by a bare noun: values of one list."""
    if goal.tokens[joint] != "," or _what_follows(goal, second) != "word" or goal.word(second + 2) not in (",", "and", "or"):
        return False
    later = 0
    for index in range(second + 1, len(goal.tokens)):
        if goal.places[index] != goal.places[joint] or goal.word(index) in _SENTENCE_BREAKS:
            break
        if goal.word(index) == ",":
            first = goal.next_word(index + 1)
            first = first + 1 if goal.word(first) in _LIST_ENDS else first
            later += not goal.base_verb(first)
    return later >= 2


def _reduced_relative(goal: _Goal, second: int) -> bool:
    """ "see the date and time the event starts": a noun, then a clause of its own without "that" (a determiner,
    a noun, a verb with a subject), not a verb with its object ("tag the people in it")."""
    return (
        "noun" in goal.words.parts(goal.word(second))
        and goal.word(second + 1) in _DETERMINERS
        and _is_word(goal.word(second + 2))
        and _inflected(goal, second + 3)
        and goal.word(second + 4) != "of"  # "and pin the exact versions of it": a noun, not a clause's verb
    )


def _values_listed(goal: _Goal, joint: int) -> bool:
    """ "set the start dates, the review date, and stop dates for articles": the joint closes a list whose middle
    item does not start with a verb, so the list holds values of one setting, not actions."""
    index = _item_before(goal, joint)
    while index >= 0 and goal.word(index) not in _LIST_BREAKS:
        index -= 1
    if index < 0 or goal.word(index) != ",":
        return False
    if goal.word(index + 1) in _LIST_ENDS:
        return False  # "a collection for my documents, or my team's documents, and apply ...": an aside, no list
    return not goal.base_verb(goal.next_word(index + 1)) or _listed_after_preposition(goal, index)


def _listed_after_preposition(goal: _Goal, comma: int) -> bool:
    """ "in treemap, bubble tree, map and pivot table": a list of three or more items that a preposition opens holds
    nouns, whatever else its words can be."""
    index, commas = comma, 0
    while index > 0 and (_is_word(goal.word(index - 1)) or goal.word(index - 1) == ","):
        index -= 1
        commas += goal.word(index) == ","
        if goal.word(index) in JOINTS - {","} or goal.word(index) in _VERB_POSITION - {","}:
            return False
        if goal.word(index) in _PREPOSITIONS:
            return goal.word(index + 1) not in _DETERMINERS and (goal.word(index) != "to" or not goal.base_verb(index + 1))
    return False


def _a_name(goal: _Goal, joint: int, second: int) -> bool:
    """ "the Upload and Validate page": words in title case joined among words in lower case name one thing (not
    a goal written all in title case, "Send or Post Citations")."""
    first = _item_before(goal, joint)
    return (
        {first, second} <= goal.capitalised
        and goal.tokens[joint] != ","
        and goal.word(first - 1) != ","
        and first - 1 not in goal.capitalised
        and second + 1 not in goal.capitalised
    )


def _shared_head(goal: _Goal, joint: int, second: int) -> bool:
    """ "apply automatic contrast and level operations": an adjective, two nouns joined, one plural head noun."""
    before, head = _item_before(goal, joint), goal.word(second + 1)
    return (
        goal.words.parts(goal.word(before - 1)) - {"noun"} == {"adj"}
        and "noun" in goal.words.parts(goal.word(before))
        and "noun" in goal.words.parts(goal.word(second))
        and goal.words.parts(head) == {"noun"}
        and head.endswith("s")
    )


def _leaves_the_clause(goal: _Goal, joint: int) -> bool:
    """ "notify me when a job ends and download the results": after a clause of time or condition whose verb is
    inflected ("ends", "is uploaded"), a verb in its base form with its object is the main goal's again."""
    if goal.tokens[joint] not in _LIST_ENDS:
        return False
    if _able_after(goal, joint):  # "know that a service exists and be able to find it" (round 9)
        if goal.places[joint] not in _ADVERBIAL | _QUESTION_WORDS | word_set("that"):
            return False
    elif goal.places[joint] not in _ADVERBIAL | _QUESTION_WORDS:
        return False
    else:
        second = goal.next_word(joint + 1)
        if not goal.base_verb(second) or _what_follows(goal, second) not in ("pronoun", "determiner"):
            return False
    opener = _clause_start(goal, joint)
    return any(_inflected(goal, index) for index in range(opener + 1, joint))


def _able_after(goal: _Goal, joint: int) -> bool:
    """Whether "be able to" and a verb (or "to be able to") follow the joint: a second want of the story's own."""
    start = joint + 1 + (goal.word(joint + 1) == "to")
    return goal.tokens[start : start + 3] == ["be", "able", "to"] and goal.base_verb(start + 3)


def _clause_start(goal: _Goal, index: int) -> int:
    """The index of the word that opened the clause the word at ``index`` sits in."""
    place = goal.places[index]
    while index > 0 and (goal.places[index - 1] == place or (goal.places[index - 1] == ASIDE and place != ASIDE)):
        index -= 1  # an aside in brackets inside the clause does not end it ("when a lift (or a boiler) breaks down")
    while goal.places[index] == ASIDE and index < len(goal.places) - 1 and place != ASIDE:
        index += 1
    return index


def _inflected(goal: _Goal, index: int) -> bool:
    """A verb with a subject of its own: "is", "ends", "uploaded" (not a base form such as "start")."""
    word = goal.word(index)
    if word in _BE:
        return word not in ("be", "been", "being")
    base = goal.words.verb_base(word)
    return base is not None and base != word and word.endswith(("s", "ed"))


def _second_question(goal: _Goal, joint: int) -> tuple[str, str] | None:
    """ "when the meeting is and who will attend": two things to know. Not the same question word again ("what
    properties, what values and what defaults": details of one subject), nor questions that are the contents of
    a noun ("information about which data qualifies, how to apply and what it costs")."""
    following = goal.word(joint + 1)
    opener = _clause_start(goal, joint)
    if _one_question(goal, opener, joint):
        return None
    if goal.tokens[joint] == "and" and _second_fact(goal, opener, joint):
        return "", f"and {goal.word(joint + 1)} {goal.word(joint + 2)}"
    if following == goal.word(opener):
        # two questions, each with a verb of its own ("what the archive accepts and what formats are accepted"):
        # two things to know; three or more are a list of one subject's details
        clause = [index for index in range(opener, len(goal.tokens)) if goal.places[index] == goal.places[opener]]
        if sum(goal.word(index) == following for index in clause) > 2:
            return None
        if not (_has_own_verb(goal, opener, joint) and _has_own_verb(goal, joint + 1, len(goal.tokens))):
            return None
    own_clause = _is_word(goal.word(joint + 2)) and _is_word(goal.word(joint + 3))  # not "... and where" at the end
    if goal.tokens[joint] in ("and", ",") and following in _QUESTION_WORDS and own_clause:
        return "", f"{_joined(goal, joint)}{following}"
    return None


def _one_question(goal: _Goal, opener: int, joint: int) -> bool:
    """Questions that are one thing to know: the contents of a noun ("information about which data qualifies, how to
    apply ..."), two question words of one clause ("rules for what and how data is archived"; round 9)."""
    return goal.word(opener - 1) in _CONTENTS_OF or joint - 1 == opener


def _in_a_question(goal: _Goal, joint: int) -> tuple[str, str] | None:
    """A joint inside a question that starts a second thing to know (a second question, or one after an aside)."""
    place = goal.places[joint]
    if place in _QUESTION_WORDS | word_set("if whether") and (found := _question_tail(goal, joint)) is not None:
        return found
    if place in _QUESTION_WORDS and (found := _second_question(goal, joint)) is not None:
        return found
    return _question_after_aside(goal, joint) if place in _QUESTION_WORDS | word_set("if whether") else None


_TAIL_QUESTIONS = word_set("when where how why who")
_OWN_VERB_WORDS = word_set("need needs should must can could will would have has")


def _question_tail(goal: _Goal, joint: int) -> tuple[str, str] | None:
    """ "understand what happens next and when", "know if I should apply for help, when and how": after a verb of
    knowing, a question with a verb of its own, then bare question words to the end of the goal, each a second thing
    to know (round 9; the rule book's "when the meeting is and who will attend", told short)."""
    if goal.tokens[joint] not in ("and", ",") or goal.word(joint + 1) not in _TAIL_QUESTIONS:
        return None
    rest = goal.tokens[joint + 1 :]
    if not all(token in _TAIL_QUESTIONS or token in JOINTS or token == "." for token in rest):
        return None
    opener = _clause_start(goal, joint)
    if goal.word(opener - 1) not in KNOWING or joint - opener < 3:
        return None
    if not any(_inflected(goal, index) or goal.word(index) in _OWN_VERB_WORDS for index in range(opener + 1, joint)):
        return None
    return "", f"{_joined(goal, joint)}{goal.word(joint + 1)}"


def _question_after_aside(goal: _Goal, joint: int) -> tuple[str, str] | None:
    """ "know if it is under copyright and, where possible, who holds the rights": a second question after an aside."""
    if goal.tokens[joint] != "and" or goal.word(joint + 1) != ",":
        return None
    end = next((index for index in range(joint + 3, min(joint + 6, len(goal.tokens))) if goal.word(index) == ","), None)
    if end is None or goal.word(end + 1) not in _QUESTION_WORDS or not (_is_word(goal.word(end + 2)) and _is_word(goal.word(end + 3))):
        return None
    return "", f"and {goal.word(end + 1)}"


KNOWING = word_set("know see learn understand find tell show")
TOLD = word_set("informed notified told alerted reminded shown warned")
"""Being told is knowing too: "be informed when a lift breaks down and its repair date" is two things to be told."""


def _second_fact(goal: _Goal, opener: int, joint: int) -> bool:
    """ "know who funded the project and their requirements", "know when they meet and the type of user invited": a
    verb of knowing, a question with a verb of its own, then a second thing to know as a noun phrase."""
    asked = goal.word(opener - 1) in KNOWING | TOLD or (goal.word(opener - 1) == "out" and goal.word(opener - 2) == "find")
    if not asked or goal.word(opener) not in _QUESTION_WORDS - word_set("how"):
        return False
    if not any(_inflected(goal, index) for index in range(opener + 1, joint)):
        return False
    if goal.word(joint + 1) not in word_set("the their its his her your our") or "noun" not in goal.words.parts(goal.word(joint + 2)):
        return False
    # a noun phrase, not the subject of a second verb of the same clause ("when the lift stops and the team fixes it")
    for index in range(joint + 3, len(goal.tokens)):
        if goal.word(index) in _CLAUSE_OPENERS or goal.places[index] != goal.places[joint]:
            return True  # "and the type of user that will be interviewed": the verb is the noun's own clause's
        if _inflected(goal, index):
            return False
    return True


def _has_own_verb(goal: _Goal, opener: int, end: int) -> bool:
    """Whether the question opened at ``opener`` has a verb of its own after its subject ("what kinds of files the
    archive accepts", "what formats are accepted"; "what constitutes an incident", the question word as the subject;
    "what I should do", a modal and a verb), not only a noun ("what sizes")."""
    if goal.word(opener + 1).endswith("s") and _inflected(goal, opener + 1) and goal.words.verb_base(goal.word(opener + 1)):
        if goal.word(opener + 2) in _OBJECT_STARTS:
            return True  # "what constitutes an incident"
    return any(
        (_inflected(goal, index) and _is_word(goal.word(index - 1)) and goal.word(index - 1) not in _QUESTION_WORDS | _DETERMINERS)
        or (goal.word(index) in _QUESTION_MODALS and goal.word(index - 1) in _SUBJECTS and goal.words.is_base_verb(goal.word(index + 1)))
        for index in range(opener + 2, end)
        if goal.places[index] == goal.places[opener]
    )


_QUESTION_MODALS = word_set("should must can could will would may")


def _verbs_slashed(goal: _Goal, slash: int) -> tuple[str, str] | None:
    """ "import/export": two verbs, where a verb goes."""
    left, right = goal.word(slash - 1), goal.word(slash + 1)
    if (found := _participles_slashed(goal, slash)) is not None:
        return found
    if goal.base_verb(slash - 1) and goal.base_verb(slash + 1) and _two_goals(left, right) and _verb_position(goal, slash - 1):
        return f"{left}/{right}", ""
    return None


def _participles_slashed(goal: _Goal, slash: int) -> tuple[str, str] | None:
    """ "be notified/reminded of the tasks": two things done to the user after "be", each its own behaviour (round 8;
    not the two sides of one setting: "be shown/hidden")."""
    earlier, later = goal.participle(slash - 1), goal.participle(slash + 1)
    if earlier is None or later is None or not _two_goals(earlier, later):
        return None
    before = slash - 2
    while before > 0 and goal.words.parts(goal.word(before)) == {"adv"}:
        before -= 1
    return (f"{goal.word(slash - 1)}/{goal.word(slash + 1)}", "") if goal.word(before) in _BE else None


def _verbs_joined(goal: _Goal, joint: int, second: int) -> tuple[str, str] | None:
    """ "sort and archive", "create, update and delete": a verb where a verb goes, a joint, a verb."""
    first = _item_before(goal, joint)
    left, right = goal.word(first), goal.word(second)
    if not (goal.base_verb(first) and goal.base_verb(second) and _two_goals(left, right)):
        return None
    if _in_a_relative_clause(goal, _list_start(goal, first)):
        return None
    if (_result(goal, joint, second) and not _made_then_seen(goal, first, joint, second)) or not _verb_position(goal, _list_start(goal, first)):
        return None
    if goal.word(first + 1) == "," and goal.tokens[joint] != ",":
        return f"{left}, {goal.tokens[joint]} {right}", ""
    return f"{left}{',' if goal.tokens[joint] == ',' else ''} {_joined(goal, joint)}{right}", ""


_MAKING = word_set("create add write post upload publish make")
_SEEING = word_set("see view")


def _made_then_seen(goal: _Goal, first: int, joint: int, second: int) -> bool:
    """ "create and see a comment", "add and see books": a verb that makes a thing and "see" of the same thing, joined
    with nothing between them: two acts on one object, each testable alone (round 9), not a step and its result
    ("enter my zip code and get a list")."""
    return goal.word(first) in _MAKING and first + 1 == joint and goal.tokens[joint] == "and" and goal.word(second) in _SEEING


_OTHER_SUBJECTS = word_set("they he she you people users")


def _in_a_relative_clause(goal: _Goal, verb: int) -> bool:
    """ "questions the user can ask and perform": the verbs follow a subject of their own and a modal, right after a
    noun: a clause that describes the noun (without "that"), not the story's own "I can"."""
    modal = verb - 1
    if goal.word(modal) not in word_set("can could will would should may might must"):
        return False
    subject = modal - 1
    if goal.word(subject) not in _OTHER_SUBJECTS:
        if "noun" not in goal.words.parts(goal.word(subject)) or goal.word(subject - 1) not in _DETERMINERS:
            return False
        subject -= 1
    before = goal.word(subject - 1)
    return _is_word(before) and "noun" in goal.words.parts(before) and before not in _DETERMINERS | _PREPOSITIONS | _VERB_POSITION


def _passives_joined(goal: _Goal, joint: int, second: int) -> tuple[str, str] | None:
    """ "be recorded in metadata and displayed alongside the item": two things done to it."""
    second = _passive_after(goal, joint, second)
    later = goal.participle(second)
    if later is None:
        return None
    after = goal.word(second + 1)
    if goal.adjective(_item_before(goal, joint)) and _is_word(after) and after not in _PREPOSITIONS | JOINTS:
        return None  # "about new or modified relevant objects": the participle describes the noun after it (round 9)
    for index in range(joint - 1, 0, -1):
        earlier = goal.participle(index)
        if earlier is not None and goal.places[index] == MAIN and _passive_at(goal, index, second):
            return ("", f"{_joined(goal, joint)}{goal.word(second)}") if _two_goals(earlier, later) else None
    return None


_CAUSATIVE = word_set("have get having getting")


def _passive_at(goal: _Goal, index: int, later: int) -> bool:
    """Whether the participle at ``index`` is a verb done to something: after "be" ("be recorded"), or after the
    object of "have"/"get" and followed by its own words, as the later one is ("have the metadata automatically
    filled from X and remembered from Y"; not "have the uploaded files and saved drafts listed")."""
    before = index - 1
    while before > 0 and goal.words.parts(goal.word(before)) == {"adv"}:
        before -= 1
    if goal.word(before) in _BE:
        return True
    if _noun_phrase_goal(goal, index) and goal.word(later - 1) in JOINTS and goal.word(later + 1) in _PREPOSITIONS:
        return True  # "citations imported and associated with their works": two things done to what is wanted
    verbal = goal.word(index + 1) in _PREPOSITIONS and goal.word(later + 1) in _PREPOSITIONS
    return verbal and any(goal.word(earlier) in _CAUSATIVE and goal.places[earlier] == MAIN for earlier in range(before))


def _noun_phrase_goal(goal: _Goal, index: int) -> bool:
    """Whether the goal is a noun phrase whose first verb is the participle at ``index``, right after a noun ("I want
    citations imported ..."; not "to see the imported files")."""
    if goal.word(0) == "to" or goal.base_verb(0) or "noun" not in goal.words.parts(goal.word(index - 1)):
        return False
    return not any(goal.base_verb(earlier) and _verb_position(goal, earlier) for earlier in range(index))


def _passive_after(goal: _Goal, joint: int, second: int) -> int:
    """The participle of a second passive with its own subject after the joint ("and the deposit to be denied"), or
    ``second`` when there is none."""
    for index in range(second, min(second + 5, len(goal.tokens) - 2)):
        if goal.word(index) in JOINTS or not _is_word(goal.word(index)):
            break
        if goal.word(index) == "to" and goal.word(index + 1) == "be" and goal.participle(index + 2) is not None:
            return index + 2
    return second


def _second_action(goal: _Goal, joint: int, second: int) -> tuple[str, str] | None:
    """ "create groups and add campers", "book a room, and receive a confirmation": a verb with its object."""
    if not goal.base_verb(second) or _result(goal, joint, second):
        return None
    after = _what_follows(goal, second)
    if _no_action_after(goal, joint, second, after):
        return None
    if goal.word(joint + 1) == "to" and goal.places[joint] == MAIN:
        return "", f"{_joined(goal, joint)}to {goal.word(second)}"  # "queue it on ingest and to display its status"
    if goal.places[joint] == MAIN and _after_noun(goal, joint):  # after a clause's own verb: no noun phrase
        # After a noun ("a list of users and email addresses"), a second action needs more: a verb that
        # cannot be a noun, an object pronoun, or an object after a first verb's object ("upload a photo
        # and tag the people") or after a comma.
        parallel = goal.word(joint - 1) == "," or _object_of_a_verb(goal, joint)
        sure = goal.only_verb(second) or after == "pronoun" or (after == "determiner" and parallel and not _noun_then_preposition(goal, joint, second))
    else:
        sure = True
    return ("", f"{_joined(goal, joint)}{goal.word(second)}") if sure else None


def _noun_then_preposition(goal: _Goal, joint: int, second: int) -> bool:
    """ "make a direction or order for a case": after a noun and "or", a word that is a noun too, then a preposition:
    a second noun of the same phrase, not a verb with its object (round 9; "and tag the people" takes its object)."""
    return (
        goal.tokens[joint] == "or"
        and goal.word(second + 1) in _PREPOSITIONS
        and "noun" in goal.words.parts(goal.word(second))
        and "noun" in goal.words.parts(goal.word(joint - 1))
    )


def _no_action_after(goal: _Goal, joint: int, second: int, after: str) -> bool:
    """The word after the joint can be a verb, but what surrounds it says it is not a second action."""
    before = _item_before(goal, joint)
    if goal.adjective(before) and after not in ("pronoun", "determiner"):
        return True  # "accurate and complete data": adjectives joined
    if goal.word(before - 1) in _DETERMINERS and not goal.words.is_base_verb(goal.word(before)) and after == "word":
        return True  # "with a partial or complete title": two words before one noun
    if goal.word(second) in LIST_VERBS and _first_verb(goal, joint) in LIST_VERBS:
        return False  # "search the repository and browse through it": two ways through it
    if goal.word(second) in LIST_VERBS and goal.word(second + 1) in ("it", "them", "by", "through"):
        return True  # "see a list of my orders and sort it by date": part of the list
    # "by name, date and place", "the name and address of ..."; "in both the read and edit views": one noun phrase
    return not after or _both_of(goal, joint)


def _both_of(goal: _Goal, joint: int) -> bool:
    """ "see it in both the read and edit views", "for both staff and guests": "both" opens the noun phrase the joint
    sits in (not "to both create and delete reports", where it joins two verbs)."""
    index = _item_before(goal, joint)
    for _ in range(6):  # "in both the metadata view/edit views and ...": a slash stays inside the noun phrase
        index -= 1
        word = goal.word(index)
        if word == "/" and _is_word(goal.word(index - 1)):
            continue
        if word == "both":
            after = goal.word(index + 1)
            return after in _DETERMINERS or goal.word(index - 1) in _PREPOSITIONS or not goal.base_verb(index + 1)
        if not _is_word(word) or word in JOINTS or word in _PREPOSITIONS or word in _VERB_POSITION:
            return False
    return False


def _what_follows(goal: _Goal, verb: int) -> str:
    """What follows a word that may be a verb: "pronoun", "determiner", "word", or "" (nothing a verb takes)."""
    after = goal.word(verb + 1)
    if after in ("it", "them", "him", "her", "me", "us"):
        return "pronoun"
    if after in _DETERMINERS or after.isdigit():
        return "determiner"
    if after == "to" and goal.words.is_base_verb(goal.word(verb + 2)):
        return "determiner"  # "and continue to harvest it", "and try to fix it": a verb that takes another
    if after in _PREPOSITIONS:
        # "and respond to the comment", "and deal with the gap"; not "the name and address of the user"
        return "determiner" if after != "of" and goal.word(verb + 2) in _OBJECT_STARTS else ""
    if _is_word(after) and after not in JOINTS:
        return "word"
    return ""


def _result(goal: _Goal, joint: int, second: int) -> bool:
    """A result verb after a plain "and" ("and get a list"); after a comma it is a second want, and so is one that
    waits for an event ("and get notifications when new content is added"): a behaviour of its own."""
    if goal.word(second) not in RESULT_VERBS:
        return False
    after_comma = goal.tokens[joint] == "," or goal.word(joint - 1) == ","
    on_an_event = any(place in _EVENTS for place in goal.places[second:])
    return not after_comma and not on_an_event and not _same_object_again(goal, joint, second)


def _same_object_again(goal: _Goal, joint: int, second: int) -> bool:
    """ "edit a record and view the record": the result verb takes the very noun the step acted on, so it receives
    nothing the step made: a second act on the same thing, not the step's result (round 8; "enter my zip code and
    get a list" gets something new)."""
    head = goal.word(joint - 1)
    if not _is_word(head) or head in _DETERMINERS or "noun" not in goal.words.parts(head):
        return False
    after = goal.tokens[second + 1 : second + 5]
    return bool(after) and after[0] in _DETERMINERS and head in after[1:]


def _two_goals(first: str, second: str) -> bool:
    """Whether two verbs are two goals, not one verb twice or the two sides of one setting."""
    return first != second and not _sides_of_one(first, second)


def _sides_of_one(first: str, second: str) -> bool:
    """The two sides of one setting or one action said twice: a listed pair, or a verb and its un-/dis-/de- opposite."""
    if "-" in first or "-" in second:
        first, second = _without_again(first), _without_again(second)  # "disable and later re-enable": enable again
    if first == second or frozenset((first, second)) in SAME_GOAL_PAIRS:
        return True
    return any(second == prefix + first or first == prefix + second for prefix in _OPPOSITE_PREFIXES)


def _without_again(verb: str) -> str:
    """ "re-enable" -> "enable": a verb with the prefix of doing it again written with a hyphen is that verb (round 8)."""
    return verb[3:] if verb[:3] == "re-" and len(verb) > 5 else verb


def _item_before(goal: _Goal, joint: int) -> int:
    """The word before a joint (before its comma in ", and")."""
    index = joint - 1
    return index - 1 if goal.word(index) == "," else index


def _list_start(goal: _Goal, item: int) -> int:
    """The first item of a comma list ending at ``item`` ("create" in "create, update and delete")."""
    while goal.word(item - 1) == "," and _is_word(goal.word(item - 2)):
        item -= 2
    return item


def _verb_position(goal: _Goal, index: int) -> bool:
    """Whether a verb can stand at ``index``: at the start, or after "to", a modal, "I" or a joint (adverbs aside)."""
    before = index - 1
    while before >= 0 and goal.words.parts(goal.word(before)) == {"adv"}:
        before -= 1  # "to successfully conduct"
    return before < 0 or goal.word(before) in _VERB_POSITION or goal.word(before) in _ABILITY


def _after_noun(goal: _Goal, joint: int) -> bool:
    """Whether the words before the joint are a noun phrase ("a list of users"), not a verb's words ("create groups")."""
    index = _item_before(goal, joint)
    if goal.participle(index) is not None or goal.word(index) in _PREPOSITIONS:
        return False  # "from being published and deal with", "search for and download": the words of a verb
    index = _list_start(goal, index)
    while index > 0 and _is_word(goal.word(index)) and goal.word(index) not in _DETERMINERS | _PREPOSITIONS | _VERB_POSITION:
        index -= 1
        if goal.word(index) in _LIST_ENDS and _is_word(goal.word(index - 1)) and not goal.only_verb(index + 1):
            index -= 1  # "the birth and death dates and ...": a joint inside the noun phrase
    word = goal.word(index)
    if word == "to":
        return not goal.base_verb(index + 1)  # "sent to new owners" (a noun phrase), not "to create groups"
    return word in _DETERMINERS or word in _PREPOSITIONS


def _object_of_a_verb(goal: _Goal, joint: int) -> bool:
    """Whether the words before the joint are the object of a verb where a verb goes ("to upload a photo",
    "to conduct a meeting with the applicant"), not a noun phrase on its own ("a list of users")."""
    return _first_verb(goal, joint) is not None


def _first_verb(goal: _Goal, joint: int) -> str | None:
    """The verb, where a verb goes, that the words before the joint belong to ("upload" in "to upload a photo and")."""
    start = _list_start(goal, _item_before(goal, joint))
    for index in range(start, max(-1, start - 14), -1):
        if (goal.base_verb(index) or _main_do(goal, index)) and (_verb_position(goal, index) or goal.word(index - 1) == "to"):
            return goal.word(index)  # "to be able to do the checks": "to" right before it (the lexicon has it as an adverb)
        if not _is_word(goal.word(index)) or goal.word(index) in _VERB_POSITION - {"to"}:
            return None
    return None


def _main_do(goal: _Goal, index: int) -> bool:
    """ "do" as a verb of its own, with an object ("to do exploratory analysis"), not the auxiliary of another verb."""
    return goal.word(index) == "do" and _is_word(goal.word(index + 1)) and not goal.words.is_base_verb(goal.word(index + 1))


def _a_step_first(goal: _Goal, joint: int, second: int) -> bool:
    """ "select a dataset and export it", "log in and manage my profile": the first verb is a step to the second (not a
    pick and then a new thing: "select the marks and enter a transcription")."""
    first = _first_verb(goal, joint)
    if goal.tokens[joint] != "and" or goal.word(joint - 1) == "," or first not in STEP_VERBS:
        return False
    return first not in _PICKING or goal.word(second + 1) not in ("a", "an")


PERFORMING = word_set("do run perform conduct complete")
"""Verbs of carrying out a piece of work ("do the checks", "run the tests")."""
_BACK_REFERENCES = word_set("it them")


def _recorded_after(goal: _Goal, joint: int, second: int) -> bool:
    """ "do all the checks and record them", "run the tests and log them": a verb that carries out a piece of work,
    then a verb on that work itself ("it"/"them"): the work and its record are one goal, like the rule book's "run the
    checks and get a report of the results" (round 8; not after a comma, not a new object: "run the checks and
    email the client")."""
    if goal.tokens[joint] != "and" or goal.word(second + 1) not in _BACK_REFERENCES or goal.word(joint - 1) == ",":
        return False
    return _first_verb(goal, joint) in PERFORMING


def _joined(goal: _Goal, joint: int) -> str:
    """How the second goal is joined, for the message: "and ", "or ", "" after a comma."""
    token = goal.tokens[joint]
    return "" if token == "," else f"{token} "
