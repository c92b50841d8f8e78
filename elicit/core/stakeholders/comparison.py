"""Interviews side by side: each question's answers, the stories they share, and where they conflict.

Conflict kinds (:data:`CONFLICT_KINDS`), each between two interviews:

- ``yesno``: a yes/no question answered yes in one and no in the other;
- ``choice``: a single-choice question given two different options, neither of
  them a non-answer such as "Not sure" or "Open to advice";
- ``scale``: scale answers two or more points apart;
- ``number``: numbers a factor of two or more apart (or zero against not zero);
- ``priority``: the same story (the lint's :func:`~elicit.core.stories.same_story`)
  given different priorities; also one need told for two roles (:func:`same_need`:
  the goal and the benefit word for word the same, only the role differs) at
  different priorities;
- ``opposite``: one story refuses the goal another wants (the story parser's
  negation, :func:`~elicit.core.stories.negated_goal`);
- ``decision``: a yes/no or choice answer that contradicts, by the rules above,
  the answer on which another interview's decision was taken (the decision's
  source question), when the decision is about that question: its words and the
  question's (or the answer's) name one thing in common. A decision typed while
  an unrelated question was on screen ("Reminders go by email first" on "Is
  there a fixed date ...?") is not set against that question's answers. A
  difference of degree (scale, number) does not contradict a decision taken on it.
- ``text``: free-text answers to one question with a sentence (or a clause
  between commas) each that cannot both hold, by the rules for decisions: "Staff
  must not write orders on paper" / "Staff write orders on paper, in the book".
  Free texts that merely differ are side by side only.
- ``decisions``: two decisions of two interviews that cannot both hold, whatever
  question they were taken on (:func:`~elicit.core.stakeholders.statements.contradiction`):
  one refuses what the other decides, they differ in one number or one date, or one says
  "only" where the other names another thing.

Other free-text answers and multiple-choice answers are shown side by side, never a conflict.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import combinations
from typing import Any

from elicit.core.banks import Question
from elicit.core.session import Story, format_answer, has_value
from elicit.core.stakeholders.sources import Source, speaker
from elicit.core.stakeholders.statements import clauses, contradiction, shares_topic
from elicit.core.stories import LIGHT_WORDS, duplicate_groups, negated_goal, skeleton, story_words

CONFLICT_KINDS = ("yesno", "choice", "scale", "number", "text", "priority", "opposite", "decision", "decisions")
ANSWER_KINDS = ("yesno", "choice", "scale", "number")
"""The question kinds whose answers can conflict; the conflict kind has the question kind's name."""
DECISION_KINDS = ("yesno", "choice")
"""The kinds of source question whose answers can contradict a decision."""
NON_ANSWERS = ("not sure", "open to advice", "prefer not to say", "don't know", "do not know", "no idea", "it differs")
"""Options that say the person has no answer: they contradict no one."""


@dataclass(frozen=True)
class Side:
    """One side of a comparison: which interview, who said it, and what (an answer's value, a story, a decision)."""

    session: str
    by: str
    value: Any = None
    story: str = ""
    decision: str = ""
    text: str = ""
    """For people: the answer as text, the story's sentence, the decision's text."""
    priority: str = ""

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"session": self.session, "by": self.by}
        if self.story:
            data["story"] = self.story
        else:
            data["value"] = self.value
        return data

    def who(self) -> str:
        """``Maria Lopez (owner.elicit.toml)``, or the file alone when nobody is named."""
        return f"{self.by} ({self.session})" if self.by else self.session


@dataclass(frozen=True)
class Conflict:
    """Two interviews that disagree."""

    kind: str
    sides: tuple[Side, Side]
    question: str = ""
    stories: tuple[str, ...] = ()
    decisions: tuple[str, ...] = ()
    """For ``decisions``: the two decisions' ids, as each interview numbers them."""
    why: str = ""
    """For ``decisions``: which rule found it (``refusal``, ``number``, ``only``)."""

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind}
        if self.question:
            data["question"] = self.question
        elif self.decisions:
            data["decisions"] = list(self.decisions)
        else:
            data["stories"] = list(self.stories)
        data["sides"] = [side.as_json() for side in self.sides]
        return data


@dataclass(frozen=True)
class QuestionAnswers:
    """A question answered in two or more interviews, with each interview's answer."""

    question: str
    prompt: str
    kind: str
    answers: tuple[Side, ...]

    def as_json(self) -> dict[str, Any]:
        return {"question": self.question, "prompt": self.prompt, "kind": self.kind, "answers": [side.as_json() for side in self.answers]}


@dataclass(frozen=True)
class Duplicates:
    """Stories from different interviews that say the same thing."""

    stories: tuple[Side, ...]

    def as_json(self) -> dict[str, Any]:
        return {"stories": [{**side.as_json(), "text": side.text, "priority": side.priority} for side in self.stories]}


@dataclass(frozen=True)
class Comparison:
    """What :func:`compare` found."""

    sources: tuple[Source, ...]
    questions: tuple[QuestionAnswers, ...]
    duplicates: tuple[Duplicates, ...]
    conflicts: tuple[Conflict, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "questions": [item.as_json() for item in self.questions],
            "duplicates": [item.as_json() for item in self.duplicates],
            "conflicts": [item.as_json() for item in self.conflicts],
        }

    def of_kind(self, kind: str) -> list[Conflict]:
        return [conflict for conflict in self.conflicts if conflict.kind == kind]


def compare(sources: Sequence[Source]) -> Comparison:
    """Compare interviews: questions answered in two or more, stories they share, conflicts (in a stable order)."""
    questions = _answered_questions(sources)
    conflicts = [conflict for item in questions for conflict in _answer_conflicts(item)]
    stories = _story_sides(sources)
    groups = _duplicate_groups(stories)
    conflicts += [conflict for group in groups for conflict in _priority_conflicts(group)]
    conflicts += list(_need_conflicts(stories, groups))
    conflicts += list(_opposite_conflicts(stories))
    conflicts += list(_decision_conflicts(sources))
    conflicts += list(_opposite_decisions(sources))
    return Comparison(
        tuple(sources), tuple(questions), tuple(Duplicates(tuple(side for side, _ in group)) for group in groups), tuple(conflicts)
    )


# Answers ------------------------------------------------------------------------------


def _answered_questions(sources: Sequence[Source]) -> list[QuestionAnswers]:
    order = _question_order(sources)
    result = []
    for question_id in order:
        sides = []
        question = _question(sources, question_id)
        for source in sources:
            answer = source.session.answers.get(question_id)
            if answer is None or answer.status != "answered" or not has_value(answer.value):
                continue
            text = answer_words(question, answer.value)
            sides.append(Side(source.label, speaker(source.session, answer), answer.value, text=text))
        if len(sides) >= 2:
            kind = question.kind if question is not None else _kind_of(sides[0].value)
            result.append(QuestionAnswers(question_id, question.prompt if question else "", kind, tuple(sides)))
    return result


def _question_order(sources: Sequence[Source]) -> list[str]:
    """Every answered question: in bank order where a bank knows it, then the others by id."""
    known: dict[str, None] = {}
    for source in sources:
        known.update(dict.fromkeys(source.questions))
    answered = {question_id for source in sources for question_id in source.session.answers}
    return [question_id for question_id in known if question_id in answered] + sorted(answered - set(known))


def _question(sources: Sequence[Source], question_id: str) -> Question | None:
    return next((source.questions[question_id] for source in sources if question_id in source.questions), None)


def answer_words(question: Question | None, value: Any) -> str:
    """An answer in a few words: as the spec writes it, a scale as "4 of 5" (its labels are in the question)."""
    if question is not None and question.kind == "scale" and _is_number(value) and question.max is not None:
        return f"{format_answer(None, value)} of {format_answer(None, question.max)}"
    return format_answer(question, value)


def _kind_of(value: Any) -> str:
    """A question's kind told from an answer when no bank is at hand (a choice then reads as text)."""
    if isinstance(value, bool):
        return "yesno"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, list):
        return "multi"
    return "text"


def _answer_conflicts(item: QuestionAnswers) -> Iterator[Conflict]:
    if item.kind == "text":
        yield from _text_conflicts(item)
        return
    if item.kind not in ANSWER_KINDS:
        return
    for first, second in combinations(item.answers, 2):
        if first.session != second.session and answers_conflict(item.kind, first.value, second.value):
            yield Conflict(item.kind, (first, second), question=item.question)


def _text_conflicts(item: QuestionAnswers) -> Iterator[Conflict]:
    """Two free texts with a sentence each that cannot both hold; the sides' text is those sentences."""
    for first, second in combinations(item.answers, 2):
        if first.session == second.session or not (isinstance(first.value, str) and isinstance(second.value, str)):
            continue
        found = next(
            (
                (mine, theirs, why)
                for mine in clauses(first.value)
                for theirs in clauses(second.value)
                if (why := contradiction(mine, theirs))
            ),
            None,
        )
        if found is not None:
            mine, theirs, why = found
            sides = (replace(first, text=mine), replace(second, text=theirs))
            yield Conflict("text", sides, question=item.question, why=why)


def answers_conflict(kind: str, first: Any, second: Any) -> bool:
    """Whether two answers of a question of ``kind`` contradict each other."""
    if kind == "yesno":
        return isinstance(first, bool) and isinstance(second, bool) and first != second
    if kind == "choice":
        return isinstance(first, str) and isinstance(second, str) and first != second and not (non_answer(first) or non_answer(second))
    if not (_is_number(first) and _is_number(second)):
        return False
    if kind == "scale":
        return bool(abs(first - second) >= 2)
    if kind == "number":
        return numbers_conflict(first, second)
    return False


def numbers_conflict(first: float, second: float) -> bool:
    """A factor of two or more between them, or one zero and the other not, or signs that differ."""
    if first == second:
        return False
    if first == 0 or second == 0 or (first < 0) != (second < 0):
        return True
    low, high = sorted((abs(first), abs(second)))
    return high >= 2 * low


def non_answer(option: str) -> bool:
    """Whether a chosen option says "I don't know" ("Not sure", "Open to advice")."""
    lowered = option.strip().lower().replace("’", "'")
    return lowered.startswith(NON_ANSWERS)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


# Stories ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Goal:
    """A story's goal alone (no role, no benefit), for comparing what two stories want."""

    want: str
    role: str = ""
    so_that: str = ""


def _story_sides(sources: Sequence[Source]) -> list[tuple[Side, Story]]:
    """Every story that is not rejected, interview by interview, as a side."""
    return [
        (Side(source.label, speaker(source.session, story), story=story.id, text=story.sentence(), priority=story.priority), story)
        for source in sources
        for story in source.session.stories
        if story.status != "rejected"
    ]


def _duplicate_groups(stories: list[tuple[Side, Story]]) -> list[list[tuple[Side, Story]]]:
    """The lint's duplicate groups, across interviews: a group keeps the first copy of each interview, and needs two interviews.

    Across interviews, two stories also say the same thing when they have the same role and the same words
    in another order (:func:`reworded`): people who never saw each other's wording put it differently.
    """
    result = []
    for positions in _merged(duplicate_groups([story for _, story in stories]), _reworded_pairs(stories)):
        group: dict[str, tuple[Side, Story]] = {}
        for position in positions:
            group.setdefault(stories[position][0].session, stories[position])
        if len(group) >= 2:
            result.append(list(group.values()))
    return result


_ORDER_WORDS = frozenset(
    [
        "from",
        "into",
        "onto",
        "than",
        "before",
        "after",
        "instead",
        "rather",
        "versus",
        "vs",
        "over",
        "under",
        "above",
        "below",
        "not",
        "never",
        "no",
    ]
)
"""Words that make the order of the others matter ("from A to B", "X before Y", "not X but Y")."""


def reworded(first: Story, second: Story) -> bool:
    """Whether two stories say the same thing with their words in another order.

    The same role, and the same words (as the lint's similarity compares them: small words aside, spellings as
    one) in another order, three words or more: "to see the orders of my shop only" / "to see only my shop's
    orders". Not when a word makes the order matter ("move orders from A to B" / "from B to A").
    """
    if _part_words(first, "role") != _part_words(second, "role"):
        return False
    if first.so_that.strip() and second.so_that.strip() and _part_words(first, "so_that") != _part_words(second, "so_that"):
        return False
    mine, theirs = _goal_words(first), _goal_words(second)
    if len(mine) < 3 or sorted(mine) != sorted(theirs) or mine == theirs:
        return False
    return not (_ORDER_WORDS & set(_part_words(first, "want")) or _ORDER_WORDS & set(_part_words(second, "want")))


def _part_words(story: Story, part: str) -> tuple[str, ...]:
    """The words of one part of a story (role, want or so_that), as the lint's similarity reads them."""
    only = {"role": "", "want": "", "so_that": ""} | {part: getattr(story, part)}
    return tuple(word for word in story_words(replace(story, **only)))


def _goal_words(story: Story) -> list[str]:
    return [skeleton(word) for word in _part_words(story, "want") if word not in LIGHT_WORDS]


def _reworded_pairs(stories: list[tuple[Side, Story]]) -> list[tuple[int, int]]:
    """Stories of two interviews that :func:`reworded` says are one (grouped by their sorted words, so no pair is missed)."""
    by_words: dict[tuple[str, ...], list[int]] = {}
    for position, (_, story) in enumerate(stories):
        by_words.setdefault(tuple(sorted(_goal_words(story))), []).append(position)
    pairs = []
    for positions in by_words.values():
        for a, b in combinations(positions, 2):
            if stories[a][0].session != stories[b][0].session and reworded(stories[a][1], stories[b][1]):
                pairs.append((a, b))
    return pairs


def _merged(groups: list[list[int]], pairs: list[tuple[int, int]]) -> list[list[int]]:
    """Groups joined by pairs (a pair whose stories are in two groups joins them), each in order, in order of first story."""
    parent: dict[int, int] = {}

    def root(position: int) -> int:
        while parent.get(position, position) != position:
            position = parent[position]
        return position

    links = [(group[0], other) for group in groups for other in group[1:]] + pairs
    for a, b in links:
        first, second = sorted((root(a), root(b)))
        parent[second] = first
    joined: dict[int, list[int]] = {}
    for position in sorted({position for link in links for position in link}):
        joined.setdefault(root(position), []).append(position)
    return sorted(joined.values(), key=lambda group: group[0])


def _priority_conflicts(group: list[tuple[Side, Story]]) -> Iterator[Conflict]:
    for (first, _), (second, _) in combinations(group, 2):
        if first.priority != second.priority:
            yield Conflict("priority", (first, second), stories=(first.story, second.story))


def same_need(first: Story, second: Story) -> bool:
    """Whether two stories of two roles ask for one thing: another role, the goal (three words or more) and the
    benefit word for word the same as the lint's similarity reads them. "As a case officer / As a planning officer,
    I want to see every application waiting for validation in one list, so that none goes past the deadline"
    (trial4 T4-7). Not when either has no benefit: a goal alone is too little to call two roles' stories one need.
    """
    if not first.so_that.strip() or not second.so_that.strip() or _part_words(first, "role") == _part_words(second, "role"):
        return False
    return len(_goal_words(first)) >= 3 and _part_words(first, "want") == _part_words(second, "want") and (
        _part_words(first, "so_that") == _part_words(second, "so_that")
    )


def _need_conflicts(stories: list[tuple[Side, Story]], groups: list[list[tuple[Side, Story]]]) -> Iterator[Conflict]:
    """One need (:func:`same_need`) told in two interviews for two roles at two priorities: a ``priority`` conflict."""
    grouped = {(side.session, side.story) for group in groups for side, _ in group}
    by_need: dict[tuple[tuple[str, ...], tuple[str, ...]], list[tuple[Side, Story]]] = {}
    for side, story in stories:
        if story.so_that.strip():
            by_need.setdefault((_part_words(story, "want"), _part_words(story, "so_that")), []).append((side, story))
    for told in by_need.values():
        for (first, one), (second, other) in combinations(told, 2):
            if first.session == second.session or first.priority == second.priority or not same_need(one, other):
                continue
            if {(first.session, first.story), (second.session, second.story)} <= grouped:
                continue  # already one story of a shared group, whose priorities are compared there
            yield Conflict("priority", (first, second), stories=(first.story, second.story))


def _opposite_conflicts(stories: list[tuple[Side, Story]]) -> Iterator[Conflict]:
    """A refused goal said the same way as a wanted one, in another interview (grouped with the lint's similarity)."""
    goals: list[_Goal] = []
    owners: list[tuple[int, bool]] = []  # (story position, refused)
    for position, (_, story) in enumerate(stories):
        refused = negated_goal(story.want)
        goals.append(_Goal(refused if refused is not None else story.want))
        owners.append((position, refused is not None))
    found: set[tuple[int, int]] = set()
    for group in duplicate_groups(goals):
        for first, second in combinations(group, 2):
            (a, a_refused), (b, b_refused) = owners[first], owners[second]
            if a_refused != b_refused and stories[a][0].session != stories[b][0].session:
                found.add((min(a, b), max(a, b)))
    for a, b in sorted(found):
        refusal, wanted = stories[a][0], stories[b][0]
        yield Conflict("opposite", (refusal, wanted), stories=(refusal.story, wanted.story))


# Decisions ----------------------------------------------------------------------------


def _decision_conflicts(sources: Sequence[Source]) -> Iterator[Conflict]:
    for source in sources:
        for decision in source.session.decisions:
            for question_id in decision.source:
                question = _question(sources, question_id)
                basis = source.session.answers.get(question_id)
                if question is None or question.kind not in DECISION_KINDS or basis is None or not has_value(basis.value):
                    continue
                if not shares_topic(decision.text, f"{question.prompt} {answer_words(question, basis.value)}"):
                    continue  # typed while this question was on screen, about something else
                decided = _decision_side(source, decision)
                yield from _against(decided, question, basis.value, [other for other in sources if other is not source])


def _decision_side(source: Source, decision: Any) -> Side:
    who = decision.by or decision.decided_by or speaker(source.session, decision)
    return Side(source.label, who, decision.text, decision=decision.id, text=decision.text)


def _opposite_decisions(sources: Sequence[Source]) -> Iterator[Conflict]:
    """Two interviews' decisions that cannot both hold, compared by their words (never by the question they were typed on)."""
    for first, second in combinations(sources, 2):
        for mine in first.session.decisions:
            for theirs in second.session.decisions:
                why = contradiction(mine.text, theirs.text)
                if why:
                    sides = (_decision_side(first, mine), _decision_side(second, theirs))
                    yield Conflict("decisions", sides, decisions=(mine.id, theirs.id), why=why)


def _against(decided: Side, question: Question, basis: Any, others: Sequence[Source]) -> Iterator[Conflict]:
    """The answers in ``others`` that contradict ``basis``, the answer a decision was taken on."""
    for other in others:
        answer = other.session.answers.get(question.id)
        if answer is not None and answer.status == "answered" and answers_conflict(question.kind, basis, answer.value):
            side = Side(other.label, speaker(other.session, answer), answer.value, text=answer_words(question, answer.value))
            yield Conflict("decision", (decided, side), question=question.id)
