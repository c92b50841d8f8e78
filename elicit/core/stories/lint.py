"""Story quality checks: each finding has a code, a plain message and a suggestion.

Single-story checks (fast enough for every keystroke) look at one story's
fields; set checks (duplicates, uniformity, a missing benefit where the
backlog generally states one) compare a story with the others. The criteria
follow the Quality User Story framework (Lucassen et al., 2016) but are
tuned for precision: a check stays quiet unless it is fairly sure. The
figures measured on real backlogs are in docs/quality.md.

A story imported from raw text that could not be read as a story has an
empty role, the raw text in ``want`` and the tag :data:`UNPARSED_TAG`; it is
reported as ``not-a-story`` (or ``no-want`` when it names a role but no goal).

Typical use::

    findings = lint_stories(session.stories, disabled=frozenset({"solution"}))

    context = BacklogContext.of(session.stories)       # once, when the editor opens
    findings = lint_story(draft, context=context)       # on every keystroke
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from elicit.core.findings import ElicitError, did_you_mean
from elicit.core.session.models import Story, with_article
from elicit.core.stories.atomic import later_goals, purpose_in_goal
from elicit.core.stories.checks import atomic_problem, minimal_problem, solution_terms, unique
from elicit.core.stories.items import is_lead_in, item_story
from elicit.core.stories.lexicon import lexicon
from elicit.core.stories.parse import (
    UNPARSED_TAG,
    UNPLACED_PARTS,
    UNREAD_REQUEST,
    ParsedStory,
    TemplateShape,
    parse_story,
    template_family,
    template_wording,
    unsure_reading,
)
from elicit.core.stories.similar import SimilarityIndex, StoryLike
from elicit.core.stories.vague_terms import VagueTerms, vague_terms
from elicit.core.text import clip

CHECKS: dict[str, str] = {
    "not-a-story": "the text could not be read as a user story",
    "no-role": "no role: the story does not say who wants it",
    "no-want": "no goal: the story does not say what they want",
    "no-benefit": "no benefit ('so that ...') where most stories of the backlog give one",
    "not-atomic": "more than one goal, joined by 'and', 'or', commas or slashes",
    "not-minimal": "more than role, goal and benefit: brackets, extra sentences, examples, a second benefit",
    "ambiguous": "vague words a tester cannot check (fast, easy, appropriate, etc., TBD, ...)",
    "solution": "names a design (a user-interface control or a technique) instead of the need",
    "must-no-acceptance": "a Must story without acceptance criteria",
    "duplicate": "the same story as an earlier one",
    "near-duplicate": "almost the same words as an earlier story",
    "non-uniform": "worded with another template than most stories of the backlog",
    "suspect": "a source answer changed since the story was last changed or confirmed (sessions only)",
}
"""Every check: code -> one-line description."""

DEFAULT_OFF: frozenset[str] = frozenset()
"""Checks that run only when asked for (``enabled=``)."""

DEFAULT_ON: frozenset[str] = frozenset(CHECKS) - DEFAULT_OFF
"""Checks that run unless switched off (``disabled=``)."""

SET_CHECKS: frozenset[str] = frozenset({"no-benefit", "duplicate", "near-duplicate", "non-uniform"})
"""Checks that compare a story with the rest of the backlog (lint_stories, or lint_story with a context)."""

BENEFIT_SHARE = 0.6
"""A missing benefit is reported when at least this share of the other stories states one."""

MIN_BACKLOG = 3
"""With fewer other stories the backlog sets no convention: a benefit is expected, and uniformity is not judged."""

UNSURE_QUIET: dict[str, frozenset[str]] = {
    UNREAD_REQUEST: frozenset({"not-a-story"}),
    UNPLACED_PARTS: frozenset({"no-role", "no-benefit", "not-minimal", "non-uniform"}),
}
"""The checks that stay quiet on a line the reader is unsure of, by why it is unsure (:func:`unsure_reading`; round
9): a false alarm on a line the lint misread helps nobody, and :func:`unsure_note` says how many lines are quiet."""

STRUCTURE_CHECKS = ("not-a-story", "no-want", "no-role")
"""The checks of a story's structure, which the backlog guard (:func:`quiet_checks`) switches off for a backlog."""

STRUCTURE_SHARE = 0.5
"""A structure check is off for a backlog (of more than MIN_BACKLOG stories) where it would report more than this share
of the stories: a backlog where one check fires on most lines is more likely written in a shape the reader does not
know than a backlog of bad stories (each line still gets the other checks it can)."""


@dataclass(frozen=True)
class LintFinding:
    """One quality problem of one story."""

    code: str
    story_id: str
    message: str
    suggestion: str


def check_codes(codes: Iterable[str]) -> frozenset[str]:
    """The codes, checked; an unknown code raises ElicitError naming the closest one."""
    chosen = frozenset(code.strip() for code in codes if code.strip())
    for code in sorted(chosen):
        if code not in CHECKS:
            hint = did_you_mean(code, CHECKS) or f"the checks are: {', '.join(CHECKS)}"
            raise ElicitError(f"unknown check '{code}'; {hint}")
    return chosen


def active_checks(disabled: frozenset[str] = frozenset(), enabled: frozenset[str] = frozenset()) -> frozenset[str]:
    """The checks that run: the default ones plus ``enabled``, minus ``disabled``."""
    return (DEFAULT_ON | check_codes(enabled)) - check_codes(disabled)


def is_raw_text(story: Story) -> bool:
    """Whether the story holds imported text that did not read as a story (see the module's docstring)."""
    return UNPARSED_TAG in story.tags and not story.role.strip()


def story_text(story: Story) -> str:
    """The story as one line, leaving out missing parts (the raw text for an unparsed story)."""
    if is_raw_text(story):
        return story.want.strip()
    parts = []
    if story.role.strip():
        parts.append(f"As {with_article(story.role)}")
    if story.want.strip():
        parts.append(f"I want {story.want.strip()}")
    if story.so_that.strip():
        parts.append(f"so that {story.so_that.strip()}")
    return ", ".join(parts)


# What the checks see of a story ---------------------------------------------------------------


@dataclass(frozen=True)
class _View:
    id: str
    role: str
    want: str
    so_that: str
    shape: TemplateShape | None  # None: the text is not a story
    priority: str
    acceptance: tuple[str, ...]
    unsure: str = ""
    """Why the reader is unsure of this line (:func:`unsure_reading`): the checks of UNSURE_QUIET stay quiet on it."""
    text: str = ""
    """The line as written, for a line read as no story: what duplicates compare (round 10)."""
    lead_in: str = ""
    """A lead-in's own text on the lead-in (a line that asks for nothing, its goals the lines below it), the lead-in's
    text on each of its items (:mod:`elicit.core.stories.items`; round 10)."""
    item: bool = False
    """Whether this is one of the goals listed below a lead-in (read with the lead-in's connector, no role of its own)."""

    @property
    def unparsed(self) -> bool:
        return self.shape is None

    @property
    def quiet(self) -> frozenset[str]:
        return UNSURE_QUIET.get(self.unsure, frozenset())

    @property
    def role_elsewhere(self) -> bool:
        """Whether the backlog's shape puts the role off the line: an item of a lead-in, a bare requirement ("must be
        able to ...", its role in a heading). No shape the reader does not know: the backlog guard does not hide
        ``no-role`` for it (round 10; the labels say no-role on such a line, the role is not on it)."""
        return self.item or (self.shape is not None and self.shape.means == "bare")

    @property
    def words(self) -> StoryLike:
        """What duplicates compare: the story's parts; the line as written for a line that is no story and for an item of
        a lead-in (the labels judge each line as it stands: two copied items are the same under any lead-in)."""
        if self.item or (not self.want and len(self.text.split()) >= _FEWEST_WORDS):
            return _Line(self.text)
        return self


_FEWEST_WORDS = 3
"""A line that is no story is compared with the others only with this many words: a tag or a numbered heading
repeated ("#G08#", "Sprint 2") is no copied request."""


class _Line(NamedTuple):
    """A line that is no story, as duplicates see it: all its text in the goal."""

    want: str
    role: str = ""
    so_that: str = ""


def _view(story: Story, lead_in: ParsedStory | None = None) -> _View:
    acceptance = tuple(item for item in story.acceptance if item.strip())
    if is_raw_text(story):
        text = story.want.strip()
        if lead_in is not None and (item := item_story(lead_in, text)) is not None:
            shape = template_family(item.template)
            return _View(story.id, "", item.want, item.so_that, shape, story.priority, acceptance, "", text, lead_in.text, True)
        parsed = parse_story(story.want)
        unsure = unsure_reading(story.want, parsed)
        if parsed is None:
            return _View(story.id, "", "", "", None, story.priority, acceptance, unsure, text)
        shape = template_family(parsed.template)
        return _View(story.id, parsed.role, _said(parsed.want), parsed.so_that, shape, story.priority, acceptance, unsure, text)
    shape = TemplateShape("want", "so-that" if story.so_that.strip() else "")
    unsure = ""
    if story.quote.strip():
        # An imported story keeps its original line as the quote: its template is the one written there.
        original = parse_story(story.quote)
        if original is not None and (original.role, original.want, original.so_that) == (story.role, story.want, story.so_that):
            shape = template_family(original.template)
            unsure = unsure_reading(story.quote, original)
    return _View(story.id, story.role.strip(), _said(story.want.strip()), story.so_that.strip(), shape, story.priority, acceptance, unsure)


def _parsed_line(story: Story) -> ParsedStory | None:
    """How the story's line as written reads: the raw text of an unparsed story, the quote of an imported one."""
    if is_raw_text(story):
        return parse_story(story.want)
    original = parse_story(story.quote) if story.quote.strip() else None
    return original if original is not None and (original.role, original.want) == (story.role, story.want) else None


def _backlog_views(stories: Sequence[Story]) -> list[_View]:
    """The stories' views in order, a lead-in and the goals listed below it read together (round 10): each line that
    reads as no story of its own but as a goal of the lead-in above it is an item; the lead-in, once an item follows
    it, is no story (it asks for nothing by itself), and the list ends at the first line that is no item."""
    views: list[_View] = []
    lead: ParsedStory | None = None
    lead_at: int | None = None
    for story in stories:
        view = _view(story, lead)
        if view.item:
            if lead_at is not None:
                views[lead_at] = _as_lead_in(views[lead_at], view.lead_in)
                lead_at = None
        else:
            parsed = _parsed_line(story)
            lead, lead_at = (parsed, len(views)) if is_lead_in(parsed) else (None, None)
        views.append(view)
    return views


def _as_lead_in(view: _View, text: str) -> _View:
    """A lead-in's view: no story, its text kept for duplicates."""
    return replace(view, role="", want="", so_that="", shape=None, unsure="", text=text, lead_in=text)


def _view_in(story: Story, context: BacklogContext | None) -> _View:
    """The story's view as its backlog reads it: an item of a lead-in, or a lead-in, while it still reads as one."""
    index = context.position.get(story.id) if context is not None else None
    known = context.views[index] if context is not None and index is not None else None
    if known is None or not known.lead_in:
        return _view(story)
    lead = parse_story(known.lead_in)
    if known.item:
        return _view(story, lead)
    parsed = _parsed_line(story)
    return _as_lead_in(_view(story), parsed.text) if parsed is not None and is_lead_in(parsed) else _view(story)


_NOTHING_ASKED = re.compile(r"(?:(?:not\s+)?to(?:\s+be\s+able\s+to)?)?[\s.…:;,!-]*", re.IGNORECASE)


def _said(want: str) -> str:
    """The goal, or "" when it stops before asking for anything ("I want to:", "I want to ... so that ..."; round 8):
    no-want, like a story with no goal at all."""
    return "" if len(want) < 24 and _NOTHING_ASKED.fullmatch(want) else want


# The backlog a story is judged against ---------------------------------------------------------


@dataclass
class BacklogContext:
    """What set checks need to know about a backlog; build it once with :meth:`of`."""

    views: list[_View] = field(default_factory=list)
    position: dict[str, int] = field(default_factory=dict)
    means: Counter[str] = field(default_factory=Counter)
    ends: Counter[str] = field(default_factory=Counter)
    similar: SimilarityIndex[str] = field(default_factory=SimilarityIndex)
    structure: Counter[str] = field(default_factory=Counter)
    """How many stories each structure check (STRUCTURE_CHECKS) would report."""
    unsure: Counter[str] = field(default_factory=Counter)
    """How many lines the reader is unsure of, by why (:func:`unsure_reading`)."""
    _uniformity: dict[tuple[str, str, bool, bool], tuple[str, str] | None] = field(default_factory=dict, repr=False, compare=False)
    """Remembered answers of :func:`_uniformity_problem`, which depends only on this key and the counts (see
    :meth:`uniformity`); emptied whenever a story is added."""

    @property
    def with_benefit(self) -> int:
        """How many stories state a benefit."""
        return sum(self.ends.values())

    @classmethod
    def of(cls, stories: Sequence[Story]) -> BacklogContext:
        """The context of a backlog (rejected stories are left out), read in order: a lead-in and the goals listed
        below it are read together (:func:`_backlog_views`)."""
        context = cls()
        for view in _backlog_views([story for story in stories if story.status != "rejected"]):
            context._add(view)
        return context

    def lead_in_of(self, story_id: str) -> ParsedStory | None:
        """The lead-in a story of this backlog is listed under, or None."""
        index = self.position.get(story_id)
        view = self.views[index] if index is not None else None
        return parse_story(view.lead_in) if view is not None and view.item else None

    def _add(self, view: _View) -> None:
        self._uniformity.clear()
        index = len(self.views)
        self.views.append(view)
        self.position.setdefault(view.id, index)
        self.similar.add(view.words, view.id)  # positions in the index are positions in views
        if view.unsure:
            self.unsure[view.unsure] += 1
        if view.shape is None:
            self.structure["not-a-story"] += 1
            return
        if not view.want:
            self.structure["no-want"] += 1
        if not view.role and not view.role_elsewhere:
            self.structure["no-role"] += 1
        if view.so_that:
            self.ends[view.shape.ends] += 1
        self.means[view.shape.means] += 1

    def uniformity(self, view: _View, index: int | None) -> tuple[str, str] | None:
        """:func:`_uniformity_problem` of a parsed story, worked out once per template shape: it reads only the
        story's shape, whether it gives a benefit, whether it is in the backlog, and this backlog's counts."""
        assert view.shape is not None
        key = (view.shape.means, view.shape.ends, bool(view.so_that), index is not None)
        if key not in self._uniformity:
            self._uniformity[key] = _uniformity_problem(view, self, index)
        return self._uniformity[key]

    def _others(self, view: _View) -> tuple[int, int | None]:
        """How many parsed stories besides this one, and this one's index when it is in the backlog."""
        index = self.position.get(view.id)
        parsed = sum(self.means.values())
        if index is not None and not self.views[index].unparsed:
            parsed -= 1
        return parsed, index


# Running the checks -------------------------------------------------------------------------------


def lint_story(
    story: Story,
    *,
    disabled: frozenset[str] = frozenset(),
    enabled: frozenset[str] = frozenset(),
    context: BacklogContext | None = None,
) -> list[LintFinding]:
    """The findings of one story; with a ``context``, set checks compare it with that backlog too."""
    checks = active_checks(disabled, enabled)
    if context is not None:
        checks -= quiet_checks(context)
    view = _view_in(story, context)
    findings = _single_checks(view, checks, vague_terms())
    if context is not None:
        findings.extend(_set_checks(view, context, checks))
    return findings


def lint_stories(
    stories: list[Story],
    *,
    disabled: frozenset[str] = frozenset(),
    enabled: frozenset[str] = frozenset(),
    context: BacklogContext | None = None,
    part: slice = slice(None),
) -> list[LintFinding]:
    """The findings of every story, set checks included, in story order; rejected stories are left out.

    ``context`` is ``BacklogContext.of(stories)`` when the caller has built it already (for benefit_note).
    ``part`` picks some of the stories checked (by position among the stories that are not rejected), each still
    judged against the whole backlog: the findings of consecutive parts, joined, are those of the whole.
    """
    context = context if context is not None else BacklogContext.of(stories)
    checks = active_checks(disabled, enabled) - quiet_checks(context)
    terms = vague_terms()
    findings: list[LintFinding] = []
    for view in context.views[part]:
        findings.extend(_single_checks(view, checks, terms))
        findings.extend(_set_checks(view, context, checks))
    return findings


def quality_line(findings: list[LintFinding], total: int) -> str:
    """One line saying how many of ``total`` stories have findings."""
    noted = len({finding.story_id for finding in findings})
    if noted:
        return f"{noted} of {total} stories {'has' if noted == 1 else 'have'} notes"
    return "no notes on the story" if total == 1 else f"no notes on any of the {total} stories"


Problem = tuple[str, str]
"""What a check reports: the message and the suggestion."""


def _single_checks(view: _View, checks: frozenset[str], terms: VagueTerms) -> list[LintFinding]:
    if view.quiet:
        checks -= view.quiet
    if view.unparsed:
        problems: list[tuple[str, Problem | None]] = [("not-a-story", _LEAD_IN if view.lead_in else _NOT_A_STORY)]
    else:
        problems = [(code, check(view, terms)) for code, check in _SINGLE_CHECKS if code in checks]
    return [LintFinding(code, view.id, *problem) for code, problem in problems if problem is not None and code in checks]


_NOT_A_STORY = (
    "this text could not be read as a user story",
    "rewrite it as 'As a <role>, I want <goal>, so that <benefit>', or delete it if it is a heading or part of a broken line",
)


_LEAD_IN = (
    "a lead-in: it asks for nothing by itself, its goals are the lines below it",
    "write each goal below it as a story with the role ('As a <role>, I want <goal>, so that ...'), then delete the lead-in",
)


def _no_role(view: _View, terms: VagueTerms) -> Problem | None:
    if view.role:
        return None
    if view.item:
        lead = clip(" ".join(view.lead_in.split()), 60)
        return f"the story does not say who wants it: its role is only in the lead-in '{lead}'", "write the role into the story: 'As a <role>, I want ...'"
    return "the story does not say who wants it", "start with the role: 'As a <role>, I want ...'"


def _no_want(view: _View, terms: VagueTerms) -> Problem | None:
    return None if view.want else ("the story does not say what they want", "add the goal: 'I want to <do something>'")


def _must_no_acceptance(view: _View, terms: VagueTerms) -> Problem | None:
    if view.priority != "must" or view.acceptance:
        return None
    return "a Must story has no acceptance criteria", "add the conditions the client will check to accept it"


def _not_atomic(view: _View, terms: VagueTerms) -> Problem | None:
    parts = atomic_problem(view.want, view.so_that) if view.want else None
    if parts is None:
        return None
    joined, second = parts
    message = f"'{joined}' are two goals" if joined else f"'{second} …' adds a second goal"
    return message, "split it into one story per goal, each with its own benefit"


def _not_minimal(view: _View, terms: VagueTerms) -> Problem | None:
    extra = minimal_problem(view.role, view.want, view.so_that) if view.want else None
    if extra is None:
        return None
    what, text = extra
    return f"the story has {what}: '{_clip(text)}'", "move it into a note or the acceptance criteria; keep the story to role, goal and benefit"


def _ambiguous(view: _View, terms: VagueTerms) -> Problem | None:
    hits = terms.find(view.want)
    if view.so_that:  # an item with a story per role: the later stories' goals are goals too (round 9)
        for goal in later_goals(view.so_that):
            hits += [hit for hit in terms.find(goal) if hit.term not in {known.term for known in hits}]
    if not hits:
        return None
    listed = ", ".join(f"'{hit.term}'" for hit in hits)
    return f"vague wording in the goal: {listed}", "; ".join(unique(hit.suggestion for hit in hits))


def _solution(view: _View, terms: VagueTerms) -> Problem | None:
    named = solution_terms(view.want) if view.want else []
    if not named:
        return None
    listed = ", ".join(f"'{term}'" for term in named)
    return f"the goal names a design: {listed}", "say what the user needs to achieve and leave the design to the team, or move it into a note"


_SINGLE_CHECKS = (
    ("no-role", _no_role),
    ("no-want", _no_want),
    ("must-no-acceptance", _must_no_acceptance),
    ("not-atomic", _not_atomic),
    ("not-minimal", _not_minimal),
    ("ambiguous", _ambiguous),
    ("solution", _solution),
)
"""The checks of one story on its own, in the order their findings are listed."""


_REASON_IN_GOAL = re.compile(
    r"\b(?:because|since\s+(?:I|we|they|it|there|the|our|my|this))\b|\bfor\s+the\s+purposes?\s+of\b|\bin\s+support\s+of\b|\bfor\s+ease\s+of\b|\bdue\s+to\b"
    r"|(?:,|\.(?=\s+(?-i:To)\s))\s*(?:if\s+possible,\s*)?(?:in\s+order\s+)?to\s+(?:[a-z]+ly\s+)?(?P<verb>[a-z]+)\b[^,]*$",
    re.IGNORECASE,
)
"""A reason given in the goal: "because ...", a purpose named ("for the purposes of my research", "in support of",
"for ease of"), a purpose infinitive after a comma at the end (", if possible, to ease data entry") or as a sentence of its
own (". To show who wrote it")."""


_REASON_WORDS = ("because", "since", "purpose", "support", "ease", "due")
"""What every match of _REASON_IN_GOAL holds, but a purpose after a comma (a comma and "to")."""


def _may_give_a_reason(want: str) -> bool:
    """Whether _REASON_IN_GOAL may match: any text that is not ASCII; an ASCII one (re.IGNORECASE compares its letters
    as str.lower does) with one of _REASON_WORDS, or with a comma and "to"."""
    if not want.isascii():
        return True
    lowered = want.lower()
    return any(word in lowered for word in _REASON_WORDS) or (("," in want or "." in want) and "to" in lowered)


def _reason_in_goal(want: str) -> bool:
    found = _REASON_IN_GOAL.search(want) if _may_give_a_reason(want) else None
    return found is not None and (found.group("verb") is None or lexicon().is_base_verb(found.group("verb").lower()))


@dataclass(frozen=True)
class _InBacklog:
    """A story as set checks see it: with its backlog, how many other parsed stories it has, and its own position."""

    view: _View
    context: BacklogContext
    others: int
    index: int | None


def _set_checks(view: _View, context: BacklogContext, checks: frozenset[str]) -> list[LintFinding]:
    story = _InBacklog(view, context, *context._others(view))
    if view.quiet:
        checks -= view.quiet
    found = []
    for codes, check in _SET_CHECKS if not view.unparsed else _TEXT_CHECKS:
        if codes & checks:
            finding = check(story)
            if finding is not None and finding[0] in checks:
                found.append(LintFinding(finding[0], view.id, finding[1], finding[2]))
    return found


def _no_benefit(story: _InBacklog) -> tuple[str, str, str] | None:
    view, context = story.view, story.context
    if not view.want or view.so_that or _reason_in_goal(view.want) or purpose_in_goal(view.want):
        return None
    share = _benefit_share(context, story.index, story.others)
    if _no_benefit_is_convention(story.others, share):
        return None  # the backlog's convention: no benefit (see benefit_note)
    why = f"{share:.0%} of the other stories give one" if story.others >= MIN_BACKLOG else "a story should say why"
    return "no-benefit", f"the story gives no benefit ({why})", "add why it matters: ', so that <benefit>'"


def _no_benefit_is_convention(others: int, share: float) -> bool:
    """Whether a story with ``others`` other parsed stories, ``share`` of which give a benefit, may leave it out."""
    return others >= MIN_BACKLOG and share < BENEFIT_SHARE


def _benefit_share(context: BacklogContext, index: int | None, others: int) -> float:
    """The share of the ``others`` other parsed stories that state a benefit (1.0 when there is no other)."""
    mine = 1 if index is not None and context.views[index].so_that else 0
    return (context.with_benefit - mine) / others if others else 1.0


def _non_uniform(story: _InBacklog) -> tuple[str, str, str] | None:
    if story.others < MIN_BACKLOG or not story.view.want:
        return None  # no goal: no-want says so, not how a goal it lacks is worded
    problem = story.context.uniformity(story.view, story.index)
    return ("non-uniform", *problem) if problem else None


def _duplicate(story: _InBacklog) -> tuple[str, str, str] | None:
    if not story.view.want and len(story.view.text.split()) < _FEWEST_WORDS:
        return None
    match = _duplicate_of(story.view, story.context, story.index)
    if match is None:
        return None
    earlier, differences = match
    if differences and story.view.unparsed:
        return None  # a line that asks for nothing is no near duplicate of anything: only its copies are reported
    if not differences:
        return "duplicate", f"the same story as {earlier}", f"delete one of them, or merge them into {earlier}"
    return (
        "near-duplicate",
        f"almost the same words as {earlier} (differs only in {differences})",
        f"merge it into {earlier}, or make the difference explicit",
    )


_SET_CHECKS = (
    (frozenset({"no-benefit"}), _no_benefit),
    (frozenset({"non-uniform"}), _non_uniform),
    (frozenset({"duplicate", "near-duplicate"}), _duplicate),
)
"""The checks that compare a story with its backlog: the codes each can report, in the order they are listed."""

_TEXT_CHECKS = _SET_CHECKS[-1:]
"""The set checks of a line read as no story: the same text as an earlier line is a duplicate, whatever it is (round
10: the labels judge every line's text)."""


def benefit_note(stories: Sequence[Story] | BacklogContext, disabled: frozenset[str] = frozenset()) -> str | None:
    """Why ``no-benefit`` stays quiet on this backlog, when it does because most stories give no benefit.

    A backlog whose stories mostly leave out "so that ..." follows its own
    convention; the check then reports nothing, and a front end should say so
    rather than let a missing finding surprise the reader.
    """
    if "no-benefit" in disabled:
        return None
    context = stories if isinstance(stories, BacklogContext) else BacklogContext.of(stories)
    parsed = sum(context.means.values())
    if parsed <= MIN_BACKLOG:
        return None
    # Decided as the check decides for a story without a benefit: on the share of the other stories that give one.
    if not _no_benefit_is_convention(parsed - 1, context.with_benefit / (parsed - 1)):
        return None
    share = context.with_benefit / parsed
    gives = "gives" if context.with_benefit == 1 else "give"
    return (
        f"no-benefit is off: only {context.with_benefit} of the {parsed} stories ({share:.0%}) {gives} a benefit ('so that ...'); "
        f"where fewer than {BENEFIT_SHARE:.0%} do, a missing benefit is the backlog's convention"
    )


def quiet_checks(context: BacklogContext) -> frozenset[str]:
    """The structure checks (STRUCTURE_CHECKS) that are off for this backlog: those that would report more than
    STRUCTURE_SHARE of its stories, in a backlog of more than MIN_BACKLOG stories (see :func:`structure_note`)."""
    total = len(context.views)
    if total <= MIN_BACKLOG or not context.structure:
        return frozenset()
    return frozenset(code for code, count in context.structure.items() if count > STRUCTURE_SHARE * total)


def structure_note(stories: Sequence[Story] | BacklogContext, disabled: frozenset[str] = frozenset()) -> str | None:
    """Why a structure check stays quiet on this backlog, when the backlog guard (:func:`quiet_checks`) is on.

    The lint reads stories in the shapes it knows; when one check would fire on most lines of a backlog, the
    backlog is more likely written in a shape it does not know, and the check is off rather than crying wolf on
    every line. A front end says so, so that a consultant is not surprised by the silence.
    """
    context = stories if isinstance(stories, BacklogContext) else BacklogContext.of(stories)
    quiet = sorted(quiet_checks(context) - disabled, key=STRUCTURE_CHECKS.index)
    if not quiet:
        return None
    total = len(context.views)
    what = {
        "not-a-story": "could not be read as a story",
        "no-want": "were read with no goal",
        "no-role": "were read with no role",
    }
    parts = [f"{code} is off: {context.structure[code]} of the {total} stories {what[code]}" for code in quiet]
    return (
        "; ".join(parts)
        + "; where most stories of a backlog would get the same note, they are more likely written in a shape the lint does "
        "not know than all wrong: read a few of them"
    )


def unsure_note(stories: Sequence[Story] | BacklogContext, disabled: frozenset[str] = frozenset()) -> str | None:
    """Which checks stay quiet on how many lines the reader is unsure of, and why (:data:`UNSURE_QUIET`), or None.

    A check that is off for some lines must not surprise a consultant: a front end says so, as for the backlog guard
    (:func:`structure_note`). Checks already off for the whole backlog or switched off are left out."""
    context = stories if isinstance(stories, BacklogContext) else BacklogContext.of(stories)
    off = disabled | quiet_checks(context)
    why = {  # (one line, several lines)
        UNREAD_REQUEST: ("it asks", "they ask"),
        UNPLACED_PARTS: ("its parts hold", "their parts hold"),
    }
    what = {
        UNREAD_REQUEST: "for something in a shape the lint cannot read (no role and goal it can place)",
        UNPLACED_PARTS: "another part's label ('Role:', 'Goal:', 'Benefit:') the lint could not place",
    }
    parts = []
    for reason, count in sorted(context.unsure.items()):
        quiet = sorted(UNSURE_QUIET[reason] - off)
        if quiet and count:
            lines, said = ("line", why[reason][0]) if count == 1 else ("lines", why[reason][1])
            parts.append(f"{', '.join(quiet)} {'is' if len(quiet) == 1 else 'are'} quiet on {count} {lines}: {said} {what[reason]}")
    return "; ".join(parts) + "; look at those lines" if parts else None


# Uniformity ---------------------------------------------------------------------------------------

_MEANS_WORDS = {
    "want": "I want",
    "would-like": "I would like",
    "need": "I need",
    "can": "I can / I am able to",
    "unmarked": "(no 'I want')",
    "bare": "(a bare requirement: 'must ...')",
}


def _uniformity_problem(view: _View, context: BacklogContext, index: int | None) -> tuple[str, str] | None:
    shape = view.shape
    assert shape is not None
    means, ends = Counter(context.means), Counter(context.ends)
    if index is not None:
        means[shape.means] -= 1
        if view.so_that:
            ends[shape.ends] -= 1
    usual_means, means_count = means.most_common(1)[0] if means else ("", 0)
    if means_count * 2 > sum(means.values()) and shape.means != usual_means:
        return (
            f"the goal is worded '{_MEANS_WORDS.get(shape.means, shape.means)}' where most stories say '{_MEANS_WORDS.get(usual_means, usual_means)}'",
            f"use the backlog's template: {template_wording(TemplateShape(usual_means, ''))}",
        )
    usual_ends, ends_count = ends.most_common(1)[0] if ends else ("", 0)
    if shape.ends and sum(ends.values()) >= MIN_BACKLOG and ends_count * 2 > sum(ends.values()) and shape.ends != usual_ends:
        return (
            f"the benefit is worded '{shape.ends.replace('-', ' ')}' where most stories say '{usual_ends.replace('-', ' ')}'",
            f"use the backlog's template: {template_wording(TemplateShape(usual_means or 'want', usual_ends))}",
        )
    return None


# Duplicates ---------------------------------------------------------------------------------------


def _duplicate_of(view: _View, context: BacklogContext, index: int | None) -> tuple[str, str] | None:
    """The earlier story this one repeats, with how they differ ("" when they are the same)."""
    return context.similar.match(view.words, before=index)


def _clip(text: str) -> str:
    return clip(" ".join(text.split()), 60)
