"""The domain: interview sessions as plain dataclasses (bank models re-exported from bank_models)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from elicit.core.banks.models import Bank, Question, Section, StoryHint  # noqa: F401  (re-exported)
from elicit.core.vocabulary import (  # noqa: F401  (re-exported: the domain's words live with its models)
    ANSWER_STATUSES,
    KINDS,
    OPEN_QUESTION_STATUSES,
    PRIORITIES,
    PRIORITY_LABELS,
    STORY_STATUSES,
)

AnswerValue = str | bool | int | float | list[str]

SHORT_TEXT = 10_000
"""Most characters in a title, a name, an id or a story's role, want, benefit or criterion."""
LONG_TEXT = 1_000_000
"""Most characters in free text: notes, quotes, answers, follow-ups, definitions."""
LONG_FIELDS = frozenset({"value", "notes", "quote", "text", "rationale", "resolution", "definition"})


def text_limit(name: str) -> int:
    """How many characters the field ``name`` may hold (beyond, elicit refuses rather than crawl)."""
    return LONG_TEXT if name in LONG_FIELDS else SHORT_TEXT


def too_long(name: str, value: str) -> str | None:
    """What is wrong with a text over its field's limit, or None."""
    limit = text_limit(name)
    if len(value) <= limit:
        return None
    return f"'{name}' is {len(value):,} characters, more than the {limit:,} elicit keeps in it"


# Sessions ---------------------------------------------------------------------------


@dataclass
class Participant:
    """Someone taking part in the interview."""

    name: str
    role: str = ""


@dataclass
class BankRef:
    """A bank used by a session, as it was when the session used it."""

    id: str
    version: str = ""
    hash: str = ""
    path: str = ""


@dataclass
class InterviewAnswer:
    """One interview's answer to a question, as a merged session keeps it (``elicit merge``)."""

    interview: str
    """The interview's id in the merged session's ``merged_from``."""
    by: str = ""
    value: Any = None
    notes: str = ""
    status: str = "answered"


@dataclass
class Answer:
    """What the client said to one question."""

    value: Any = None
    notes: str = ""
    status: str = "answered"
    answered_at: datetime | None = None
    updated_at: datetime | None = None
    by: str = ""
    """The participant who gave the answer (a participant's name; "" when nobody was credited)."""
    interviews: list[InterviewAnswer] = field(default_factory=list)
    """In a merged session: every interview's answer, with its speaker (empty in a session of one interview)."""


@dataclass
class StoryVersion:
    """An earlier wording of a story, kept when the story is changed."""

    role: str
    want: str
    so_that: str = ""
    priority: str = "should"
    acceptance: list[str] = field(default_factory=list)
    quote: str = ""
    status: str = "draft"
    changed_at: datetime | None = None
    note: str = ""


@dataclass
class StoryCopy:
    """One interview's copy of a story in a merged session: its id there, who told it, their words and priority."""

    interview: str
    id: str
    by: str = ""
    quote: str = ""
    priority: str = "should"


@dataclass
class Story:
    """A user story, with the client's words and where it came from."""

    id: str
    role: str
    want: str
    so_that: str = ""
    priority: str = "should"
    acceptance: list[str] = field(default_factory=list)
    quote: str = ""
    source: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    status: str = "draft"
    created_at: datetime | None = None
    updated_at: datetime | None = None
    reason: str = ""
    """The client's reason when the story was rejected."""
    history: list[StoryVersion] = field(default_factory=list)
    """Earlier wordings, oldest first."""
    basis: dict[str, str] = field(default_factory=dict)
    """Digests of its source answers when the story was last changed or confirmed (question id -> digest):
    an answer that no longer matches makes the story suspect."""
    by: str = ""
    """The participant who said it (a participant's name; "" when nobody was credited)."""
    copies: list[StoryCopy] = field(default_factory=list)
    """In a merged session: the interview(s) that told it, each copy with its speaker, quote and priority."""

    def sentence(self) -> str:
        """The story as one sentence: As a ..., I want ..., so that ...."""
        text = f"As {with_article(self.role)}, I want {self.want.strip()}"
        if self.so_that.strip():
            text += f", so that {self.so_that.strip()}"
        return text


@dataclass
class OpenQuestion:
    """Something the interview could not settle, to follow up."""

    id: str
    text: str
    owner: str = ""
    status: str = "open"
    resolution: str = ""
    source: list[str] = field(default_factory=list)
    by: str = ""
    """The participant who raised it (a participant's name; "" when nobody was credited)."""
    kind: str = ""
    """For a question ``elicit merge`` asked about a conflict: what about (one of ``MERGE_QUESTION_KINDS``); else ""."""
    stories: list[str] = field(default_factory=list)
    """The stories it is about (a merge's question about a story's priorities names the story)."""
    decisions: list[str] = field(default_factory=list)
    """The decisions it is about (a merge's question about decisions that differ names them)."""


@dataclass
class Decision:
    """A decision taken with the client, and why."""

    id: str
    text: str
    rationale: str = ""
    decided_by: str = ""
    source: list[str] = field(default_factory=list)
    stories: list[str] = field(default_factory=list)
    """Ids of the stories the decision is about (a declined review proposal names its story)."""
    by: str = ""
    """The participant who said it (a participant's name). Not ``decided_by``: who decided
    (free text: "the board") is not always who said it in the interview."""


@dataclass
class Assumption:
    """Something taken as true without proof, and why."""

    id: str
    text: str
    rationale: str = ""
    source: list[str] = field(default_factory=list)
    by: str = ""
    """The participant who said it (a participant's name; "" when nobody was credited)."""


@dataclass
class GlossaryTerm:
    """A term in the client's own vocabulary."""

    term: str
    definition: str = ""
    source: list[str] = field(default_factory=list)
    """The questions the term came up in (full question ids)."""


@dataclass
class Settings:
    """How a session is exported (the ``[settings]`` table of the session file)."""

    names_in_client_spec: bool = False
    """Whether the client audience of the spec names who said each thing; by default it gives only their role."""


@dataclass
class MergedInterview:
    """An interview a merged session was made from (``elicit merge``), with the new ids of its stories."""

    id: str
    file: str = ""
    title: str = ""
    participants: list[str] = field(default_factory=list)
    story_ids: dict[str, str] = field(default_factory=dict)
    """Its story ids -> the merged session's."""


@dataclass
class Session:
    """One interview: who, which banks, answers, stories and follow-ups."""

    title: str
    client: str = ""
    project: str = ""
    interviewer: str = ""
    started_at: datetime | None = None
    ended_at: datetime | None = None
    current: str = ""
    speaker: str = ""
    """Who was speaking when the app or plain mode last changed it (a participant's name): they speak again when
    the session is reopened there (trial5 T5-4). The command line never reads it (``--by`` says who)."""
    participants: list[Participant] = field(default_factory=list)
    banks: list[BankRef] = field(default_factory=list)
    answers: dict[str, Answer] = field(default_factory=dict)
    stories: list[Story] = field(default_factory=list)
    open_questions: list[OpenQuestion] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    assumptions: list[Assumption] = field(default_factory=list)
    glossary: list[GlossaryTerm] = field(default_factory=list)
    interview_seconds: int = 0
    """Interview time, counted only while the session is open and not paused."""
    target_minutes: int | None = None
    """The planned length of the interview, set when it is created."""
    section_seconds: dict[str, int] = field(default_factory=dict)
    """Interview time spent in each section (section id -> seconds)."""

    rounds: list[Round] = field(default_factory=list)
    """Review rounds sent to the client, oldest first."""
    proposals: list[Proposal] = field(default_factory=list)
    """The client's proposed edits from review sheets, each accepted, declined or still open."""
    settings: Settings = field(default_factory=Settings)
    """How the session is exported."""
    merged_from: list[MergedInterview] = field(default_factory=list)
    """The interviews this session was merged from (empty for an interview of its own)."""
    conflicts: list[str] = field(default_factory=list)
    """In a merged session: the ids of the open questions that record a conflict between the interviews."""

    def story(self, story_id: str) -> Story | None:
        """The story with this id, or None."""
        for story in self.stories:
            if story.id == story_id:
                return story
        return None


@dataclass
class Round:
    """A review round: what was sent to the client, frozen as it stood."""

    number: int
    at: datetime | None = None
    note: str = ""
    stories: list[Story] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    open_questions: list[OpenQuestion] = field(default_factory=list)
    assumptions: list[Assumption] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    """The client's proposals as they stood (accepted with a comment: the reason a diff of rounds shows)."""
    glossary: list[GlossaryTerm] = field(default_factory=list)
    """The glossary as it stood (so 'What changed since round N' lists a term added since)."""


@dataclass
class Proposal:
    """One row of a review sheet the client filled: a proposed edit to a story, not applied until accepted."""

    id: str
    story: str
    """The story it is about; for an ``add``, "" until accepted, then the new story's id."""
    change: str = "keep"
    """keep, change, remove, or add (a new story the client wrote on a row with no story ID)."""
    wording: str = ""
    priority: str = ""
    comment: str = ""
    status: str = "open"
    """open, accepted or declined."""
    reason: str = ""
    """Why it was declined."""
    round: int = 0
    """The round whose sheet it came from (0: before any round)."""
    row: int = 0
    """Its row in the sheet, to point the client at it."""
    acceptance: list[str] = field(default_factory=list)
    """An ``add``'s acceptance criteria as the client wrote them in the row (one a line)."""

    def sheet_place(self) -> str:
        """Where the client wrote it: 'the review sheet of round 1, row 7' (the one wording specs and diffs use)."""
        sheet = f"the review sheet of round {self.round}" if self.round else "the review sheet"
        return f"{sheet}, row {self.row}" if self.row else sheet


def snapshot(session: Session) -> Session:
    """A copy of ``session`` that later changes to the original do not touch.

    Cheap enough for the UI thread (about 1 ms a thousand stories): the copy
    shares only immutable values (strings, numbers, times) with the original.
    Answers and stories, the many, are copied field by field in one go
    (:func:`_clone`) rather than through ``replace``, which is three times slower.
    """
    copy = replace(session)
    copy.participants = [replace(item) for item in session.participants]
    copy.banks = [replace(item) for item in session.banks]
    copy.answers = {key: _clone_answer(answer) for key, answer in session.answers.items()}
    copy.stories = [_clone_story(story) for story in session.stories]
    copy.section_seconds = dict(session.section_seconds)
    copy.open_questions = [
        replace(item, source=list(item.source), stories=list(item.stories), decisions=list(item.decisions)) for item in session.open_questions
    ]
    copy.decisions = [replace(item, source=list(item.source), stories=list(item.stories)) for item in session.decisions]
    copy.assumptions = [replace(item, source=list(item.source)) for item in session.assumptions]
    copy.glossary = [replace(item) for item in session.glossary]
    copy.rounds = list(session.rounds)  # a round is frozen: never changed once recorded
    copy.proposals = [replace(item, acceptance=list(item.acceptance)) for item in session.proposals]
    copy.settings = replace(session.settings)
    copy.merged_from = [replace(item, participants=list(item.participants), story_ids=dict(item.story_ids)) for item in session.merged_from]
    copy.conflicts = list(session.conflicts)
    return copy


def _clone(item: Any, *containers: str) -> Any:
    """A copy of a dataclass instance: its fields shared, except the lists and dicts named, which are copied."""
    values = item.__dict__.copy()
    for name in containers:
        value = values[name]
        if isinstance(value, (list, dict)):
            values[name] = value.copy()
    clone = object.__new__(type(item))
    clone.__dict__.update(values)
    return clone


def _clone_story(story: Story) -> Story:
    clone: Story = _clone(story, "acceptance", "source", "tags", "basis")
    clone.history = [_clone(version, "acceptance") for version in story.history]
    clone.copies = [_clone(item) for item in story.copies]
    return clone


def _clone_answer(answer: Answer) -> Answer:
    """An answer whose lists (a multiple choice, each interview's answers in a merged session) are its own."""
    clone: Answer = _clone(answer, "value")
    clone.interviews = [_clone(item, "value") for item in answer.interviews]
    return clone


def with_article(role: str) -> str:
    """A role with its article: 'a user', 'an admin', 'an HR officer', 'the owner'."""
    role = role.strip() or "user"
    article = role_article(role)
    return f"{article} {role}" if article else role


def role_article(role: str) -> str:
    """The article :func:`with_article` puts before a role: "a", "an", or "" when the role has its own ("the owner");
    "a" for no role yet (the story editor's label reads "As a" until a role is typed, then as the spec will)."""
    role = role.strip()
    if not role:
        return "a"
    if role.lower().startswith(("a ", "an ", "the ")):
        return ""
    return "an" if _starts_with_vowel_sound(role) else "a"


def _starts_with_vowel_sound(role: str) -> bool:
    """Good enough for roles: 'an admin', 'an unregistered user', 'an HR officer', but 'a user', 'a UI designer'."""
    first = role.split()[0]
    if len(first) > 1 and first.isupper():  # an acronym, said letter by letter
        return first[0] in "AEFHILMNORSX"
    word = role.lower()
    if word.startswith(("hour", "honest", "heir")):
        return True
    if word.startswith(("uni", "use", "usu", "uti", "eu", "one", "once")):
        return False
    return word[:1] in "aeiou"


_ID_NUMBER = re.compile(r"[0-9]{1,9}")
"""The number of an id elicit gives: ASCII digits only, and few enough that the next ids stay short."""


def id_number(prefix: str, item: str) -> int:
    """The number of an id such as ``US-004`` (4); 0 for an id elicit could not have given.

    Other digits (``US-²``, Arabic-Indic digits) and numbers of ten digits or
    more are not numbers of elicit's: the ids that follow never collide with them.
    """
    if not item.startswith(prefix + "-"):
        return 0
    tail = item[len(prefix) + 1 :]
    return int(tail) if _ID_NUMBER.fullmatch(tail) else 0


def make_id(prefix: str, number: int) -> str:
    """``US-004`` for ("US", 4)."""
    return f"{prefix}-{number:03d}"


def next_id(prefix: str, existing: list[str]) -> str:
    """The next id such as ``US-004`` after the highest existing one."""
    return make_id(prefix, max((id_number(prefix, item) for item in existing), default=0) + 1)


class IdSequence:
    """The next ids of one kind of record (``US``), without reading every id at each addition.

    The highest number is kept between calls for as long as the list is the
    same list, grown by exactly the one record each call hands out an id for;
    anything else (a deletion, an undo, a reloaded session) reads the ids again.
    Adding N records is linear, not quadratic.
    """

    def __init__(self, prefix: str):
        self.prefix = prefix
        self._items: object = None
        self._count = -1
        self._highest = 0

    def next(self, items: list[Any]) -> str:
        """The id for a record about to be appended to ``items`` (records with an ``id``)."""
        if items is not self._items or len(items) != self._count:
            self._items = items
            self._highest = max((id_number(self.prefix, item.id) for item in items), default=0)
        self._highest += 1
        self._count = len(items) + 1
        return make_id(self.prefix, self._highest)
