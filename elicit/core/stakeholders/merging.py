"""Several interviews into one session for the spec, losing nothing any of them recorded.

- Banks: the union (by id, the first interview's reference).
- Answers: every interview's answer, with its speaker and interview, in
  :attr:`Answer.interviews`; the answer's own value is theirs when they agree,
  the free texts one after the other, the multiple choices together, and
  otherwise no value, to revisit (the conflict is an open question).
- Stories: every story; a story told in several interviews (the lint's
  similarity, as :func:`compare` groups them) becomes one story with a copy per
  interview in :attr:`Story.copies` (id there, speaker, quote, priority). It
  takes the highest priority given; a disagreement becomes an open question.
- Conflicts: each question, story or decision in conflict becomes an open
  question naming who said what, to settle with the client; so do decisions
  two interviews took on one question of the banks that say different things
  (:func:`_same_question_decisions`: the same topic is the same question, never
  a guess from their words).
- Ids: stories renumbered in interview order (a merged story where its first
  copy was); the map old -> new of each interview is kept in
  :attr:`Session.merged_from`. Decisions, open questions and assumptions are
  renumbered the same way.

Review rounds and proposals belong to each interview's own review loop and are
not carried over (:attr:`Merged.left_out` says so).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import combinations
from typing import Any, NamedTuple

from elicit.core.session import (
    Answer,
    BankRef,
    Decision,
    GlossaryTerm,
    InterviewAnswer,
    MergedInterview,
    OpenQuestion,
    Participant,
    Session,
    Story,
    StoryCopy,
    answer_status,
    format_answer,
    participant_label,
    person_named,
)
from elicit.core.spec.exporters.spec_document import PRIORITY_HEADINGS
from elicit.core.stakeholders.comparison import Comparison, Conflict, QuestionAnswers, Side, compare, non_answer
from elicit.core.stakeholders.sources import Source, speaker
from elicit.core.text import listed, plural
from elicit.core.vocabulary import PRIORITIES


@dataclass
class Merged:
    """The merged session and what the merge did."""

    session: Session
    comparison: Comparison
    story_map: list[tuple[str, str, str]] = field(default_factory=list)
    """(interview, old id, new id) for every story, in order."""
    merged_stories: int = 0
    """Stories that several interviews told, now one each."""
    conflicts: int = 0
    """Open questions added for conflicts."""
    left_out: list[str] = field(default_factory=list)
    """What was not carried over, in words."""


def merge(sources: Sequence[Source]) -> Merged:
    """One session from several interviews (the inputs are not changed)."""
    comparison = compare(sources)
    by_label = {source.label: source for source in sources}
    session = _meta(sources)
    session.answers = _answers(sources)
    stories, story_map, merged_count, merged_stories = _stories(sources, comparison, by_label)
    session.stories = stories
    maps: dict[str, dict[str, str]] = {}
    for interview, old, new in story_map:
        maps.setdefault(interview, {})[old] = new
    session.merged_from = [
        MergedInterview(
            source.name,
            source.label,
            source.session.title,
            [person.name for person in source.session.participants],
            maps.get(source.name, {}),
        )
        for source in sources
    ]
    decision_ids = _follow_ups(session, sources, maps)
    people = {source.name: source for source in sources}
    priority_questions = [
        _priority_question(story, people) for story in merged_stories if len({copy.priority for copy in story.copies}) > 1
    ]
    conflict_questions = _conflict_questions(comparison, by_label, maps, decision_ids)
    asked_pairs = {frozenset(_decision_keys(conflict, by_label)) for conflict in comparison.of_kind("decisions")}
    decided = _same_question_decisions(sources, people, decision_ids, asked_pairs)
    added = priority_questions + conflict_questions + decided + _term_questions(sources, people)
    for asked in added:
        number = len(session.open_questions) + 1
        item = OpenQuestion(
            f"OQ-{number:03d}", asked.text, source=asked.source, kind=asked.kind, stories=list(asked.stories), decisions=list(asked.decisions)
        )
        session.open_questions.append(item)
        session.conflicts.append(item.id)
    left_out = [
        f"{source.label}: {plural(len(source.session.rounds), 'review round')} and {plural(len(source.session.proposals), 'proposal')} stay in that file"
        for source in sources
        if source.session.rounds or source.session.proposals
    ]
    return Merged(session, comparison, story_map, merged_count, len(added), left_out)


class _Asked(NamedTuple):
    """A question for the client about a conflict: its words, the questions and stories it is about, its kind."""

    text: str
    source: list[str]
    kind: str
    stories: Sequence[str] = ()
    decisions: Sequence[str] = ()


# The session itself -------------------------------------------------------------------


def _meta(sources: Sequence[Source]) -> Session:
    sessions = [source.session for source in sources]
    session = Session(
        title=merged_title(sessions),
        client=_first(item.client for item in sessions),
        project=_first(item.project for item in sessions),
        interviewer=", ".join(dict.fromkeys(filter(None, (item.interviewer for item in sessions)))),
        started_at=min(filter(None, (item.started_at for item in sessions)), default=None),
        ended_at=max(filter(None, (item.ended_at for item in sessions)), default=None),
        interview_seconds=sum(item.interview_seconds for item in sessions),
        target_minutes=_planned_minutes(sessions),
    )
    _gather(session, sessions)
    return session


def _planned_minutes(sessions: list[Session]) -> int | None:
    """The interviews' planned minutes added up, as their times are; unknown when one had no plan."""
    total = 0
    for item in sessions:
        if item.target_minutes is None:
            return None
        total += item.target_minutes
    return total


def _gather(session: Session, sessions: list[Session]) -> None:
    """The participants (by name) and banks (by id) of all, their time per section added up."""
    people: dict[str, Participant] = {}
    banks: dict[str, BankRef] = {}
    for item in sessions:
        for person in item.participants:
            people.setdefault(person.name, replace(person))
        for ref in item.banks:
            banks.setdefault(ref.id, replace(ref))
        for section, seconds in item.section_seconds.items():
            session.section_seconds[section] = session.section_seconds.get(section, 0) + seconds
    session.participants = list(people.values())
    session.banks = list(banks.values())


_TITLE_SEPARATOR = re.compile(r"\s+[—–-]\s+|:\s+")


def merged_title(sessions: Sequence[Session]) -> str:
    """The title a client reads: the interviews' own title when they share one, else the client and project.

    It was "Brightsmile Dental: 2 interviews merged" (trial2 T16): the tool's doing, in the client's document.
    """
    titles = list(dict.fromkeys(item.title.strip() for item in sessions if item.title.strip()))
    if len(titles) == 1:
        return titles[0]
    client, project = _first(item.client for item in sessions), _first(item.project for item in sessions)
    heads = {_TITLE_SEPARATOR.split(title, maxsplit=1)[0].strip() for title in titles}
    if len(heads) == 1 and "" not in heads and heads != {client}:
        return heads.pop()  # "Invoicing — Ann" and "Invoicing — Raj": "Invoicing"
    if client and project:
        return f"{client}: {project}"
    return client or project or (titles[0] if titles else "Interviews")


def _first(texts: Iterable[str]) -> str:
    return next(filter(None, texts), "")


# Answers ------------------------------------------------------------------------------


def _answers(sources: Sequence[Source]) -> dict[str, Answer]:
    heard: dict[str, list[InterviewAnswer]] = {}
    for source in sources:
        for question_id, answer in source.session.answers.items():
            heard.setdefault(question_id, []).extend(_heard(source, answer))
    answers = {}
    people = {source.name: source for source in sources}
    for question_id, items in heard.items():
        question = next((source.questions[question_id] for source in sources if question_id in source.questions), None)
        answers[question_id] = _one_answer(items, question.kind if question is not None else "", people)
    return answers


def _heard(source: Source, answer: Answer) -> list[InterviewAnswer]:
    """What an interview recorded: its answer; a merged session's every interview's answers (named ``merged/owner``)."""
    if answer.interviews:
        return [replace(item, interview=f"{source.name}/{item.interview}", value=_copied(item.value)) for item in answer.interviews]
    return [InterviewAnswer(source.name, speaker(source.session, answer), _copied(answer.value), answer.notes, answer.status)]


def _copied(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


def _one_answer(items: list[InterviewAnswer], kind: str, people: dict[str, Source]) -> Answer:
    """The merged answer: theirs when they agree; otherwise joined or left to revisit (every answer stays in ``interviews``)."""
    said = [item for item in items if answer_status(item.status, item.value) == "answered"]
    notes = _joined([(item, item.notes) for item in items if item.notes.strip()], len(items), people)
    speakers = {item.by for item in items}
    merged = Answer(notes=notes, interviews=items, by=speakers.pop() if len(speakers) == 1 else "")
    if not said:
        merged.status = _unanswered_status([answer_status(item.status, item.value) for item in items])
        return merged
    value = _agreed(said, kind, people)
    if value is None:
        merged.status = "revisit"
        differ = "; ".join(f"{voice(item, people)}: {format_answer(None, item.value)}" for item in said)
        merged.notes = (notes + "\n" if notes else "") + f"The interviews differ: {differ}"
    merged.value = value
    return merged


def _unanswered_status(statuses: list[str]) -> str:
    """The merged status of a question no interview answered (``answer_status`` of each): flagged to revisit
    if one interview flagged it, skipped only if every one skipped it; else notes only, which stays open."""
    if "revisit" in statuses:
        return "revisit"
    return "skipped" if all(status == "skipped" for status in statuses) else "answered"


def _agreed(said: list[InterviewAnswer], kind: str, people: dict[str, Source]) -> Any:
    """The value the interviews give together, or None when they differ.

    The same value; free texts one after the other; multiple choices together;
    a choice beside "Not sure" answers (it contradicts no one).
    """
    values = [item.value for item in said]
    committed = _committed(values) if kind == "choice" else values
    if all(value == committed[0] for value in committed):
        return committed[0]
    if kind in ("text", "") and all(isinstance(value, str) for value in values):
        return _joined([(item, str(item.value)) for item in said], 2, people)
    if all(isinstance(value, list) for value in values):
        return list(dict.fromkeys(option for value in values for option in value))
    return None


def _committed(values: list[Any]) -> list[Any]:
    """The choices that are answers ("Not sure" left out), or all of them when none is."""
    return [value for value in values if not (isinstance(value, str) and non_answer(value))] or values


def voice(item: InterviewAnswer | StoryCopy, people: dict[str, Source]) -> str:
    """Who said it as the spec names people: ``Maria Lopez (owner)`` with the role they have in their interview;
    nobody named, the people of that interview (:func:`_teller`). Never the interview's file name ("Ann (ann)")."""
    if not item.by.strip():
        return _teller("", item.interview, people)
    source = people.get(item.interview.split("/", 1)[0])
    found = person_named(source.session.participants, item.by) if source is not None else None
    return participant_label(found) if found is not None else item.by


def _joined(parts: list[tuple[InterviewAnswer, str]], count: int, people: dict[str, Source]) -> str:
    """Texts one per paragraph, each after its speaker when more than one interview speaks."""
    if count < 2 and len(parts) == 1:
        return parts[0][1]
    return "\n\n".join(f"{voice(item, people)}: {text}" for item, text in parts)


# Stories ------------------------------------------------------------------------------

_RANK = {priority: rank for rank, priority in enumerate(PRIORITIES)}


def _stories(
    sources: Sequence[Source], comparison: Comparison, by_label: dict[str, Source]
) -> tuple[list[Story], list[tuple[str, str, str]], int, list[Story]]:
    """Every story, duplicates from several interviews as one; the id map; how many were merged; the merged stories."""
    group_of: dict[tuple[str, str], int] = {}
    for number, duplicates in enumerate(comparison.duplicates):
        for side in duplicates.stories:
            group_of[(by_label[side.session].name, side.story)] = number
    merged: dict[int, Story] = {}
    stories: list[Story] = []
    story_map: list[tuple[str, str, str]] = []
    for source in sources:
        for story in source.session.stories:
            copies = _copies(source, story)
            group = group_of.get((source.name, story.id))
            target = merged.get(group) if group is not None else None
            if target is None:
                target = _new_story(story, f"US-{len(stories) + 1:03d}", copies)
                stories.append(target)
                if group is not None:
                    merged[group] = target
            else:
                _add_copy(target, story, copies)
            story_map.append((source.name, story.id, target.id))
    return stories, story_map, len(merged), list(merged.values())


def _copies(source: Source, story: Story) -> list[StoryCopy]:
    """An interview's copy of a story; a merged session's story brings every copy it holds (named ``merged/owner``)."""
    if story.copies:
        return [replace(copy, interview=f"{source.name}/{copy.interview}") for copy in story.copies]
    return [StoryCopy(source.name, story.id, speaker(source.session, story), story.quote, story.priority)]


def _new_story(story: Story, new_id: str, copies: list[StoryCopy]) -> Story:
    return replace(
        story,
        id=new_id,
        acceptance=list(story.acceptance),
        source=list(story.source),
        tags=list(story.tags),
        history=[replace(version, acceptance=list(version.acceptance)) for version in story.history],
        basis={},
        copies=copies,
        by=copies[0].by,
    )


def _add_copy(target: Story, story: Story, copies: list[StoryCopy]) -> None:
    """Another interview's copy: its criteria, sources and tags added, the higher priority kept."""
    target.copies.extend(copies)
    if _RANK.get(story.priority, len(PRIORITIES)) < _RANK.get(target.priority, len(PRIORITIES)):
        target.priority = story.priority
    for name in ("acceptance", "source", "tags"):
        items = getattr(target, name)
        items.extend(item for item in getattr(story, name) if item not in items)
    if not target.so_that.strip():
        target.so_that = story.so_that
    if not target.quote.strip():
        target.quote = story.quote
    if story.status != target.status:
        target.status = "draft"  # read it back again: the interviews did not settle it alike


def _priority_question(story: Story, people: dict[str, Source]) -> _Asked:
    """'How important is US-005, "to charge a fee ..."? Won't have (Dr. Maria Okafor), Must have (Tom Reyes). Listed as ...'.

    Worded for the client, who reads it in the spec (trial2 T16): who said what, and how the merge settled it for now;
    no file names. The names are replaced by roles in the client's edition (``credit_names``).
    """
    said = ", ".join(
        f"{PRIORITY_HEADINGS.get(copy.priority, copy.priority)} ({_teller(copy.by, copy.interview, people)})" for copy in story.copies
    )
    listed = PRIORITY_HEADINGS.get(story.priority, story.priority)
    text = (
        f'How important is {story.id}, "{story.want.strip()}"? The interviews differ: {said}. '
        f"It is listed under {listed} until you tell us which it is."
    )
    return _Asked(text, list(story.source), "priority", [story.id])


def _teller(by: str, interview: str, people: dict[str, Source]) -> str:
    """Who said it: their name, else the people of their interview, else its title (never the file's name)."""
    if by.strip():
        return by
    source = people.get(interview.split("/", 1)[0])
    if source is None:
        return "another interview"
    names = [person.name for person in source.session.participants if person.name.strip()]
    if names:
        return " and ".join(names)
    return source.session.title.strip() or "another interview"


# Follow-ups and conflicts -------------------------------------------------------------


def _follow_ups(session: Session, sources: Sequence[Source], maps: dict[str, dict[str, str]]) -> dict[tuple[str, str], str]:
    """Every interview's decisions, open questions, assumptions and terms, renumbered; the decisions' new ids by
    (interview, old id)."""
    terms: dict[str, GlossaryTerm] = {}
    decision_ids: dict[tuple[str, str], str] = {}
    for source in sources:
        for decision in source.session.decisions:
            stories = [maps.get(source.name, {}).get(item, item) for item in decision.stories]
            new_id = f"D-{len(session.decisions) + 1:03d}"
            decision_ids.setdefault((source.name, decision.id), new_id)
            session.decisions.append(
                replace(
                    decision,
                    id=new_id,
                    source=list(decision.source),
                    stories=stories,
                    by=speaker(source.session, decision),
                )
            )
        for item in source.session.open_questions:
            number = len(session.open_questions) + 1
            session.open_questions.append(replace(item, id=f"OQ-{number:03d}", source=list(item.source), by=speaker(source.session, item)))
        for assumption in source.session.assumptions:
            number = len(session.assumptions) + 1
            session.assumptions.append(
                replace(assumption, id=f"A-{number:03d}", source=list(assumption.source), by=speaker(source.session, assumption))
            )
        for term in source.session.glossary:
            _add_term(terms, term, source.name)
    session.glossary = list(terms.values())
    return decision_ids


def _same_question_decisions(
    sources: Sequence[Source], people: dict[str, Source], decision_ids: dict[tuple[str, str], str], asked: set[frozenset[tuple[str, str]]]
) -> list[_Asked]:
    """Decisions two or more interviews took on one question of the banks (a source question they share: the same
    topic) that say different things: one question for the client per such question, naming each decision, who
    decided it and its merged id (trial6 T6-10: "We will use SSO" and "No SSO in the first release" were both kept
    with nothing said). Whether they contradict is not guessed from their words; the client says whether both
    stand. Decisions worded alike are no question; a pair already asked about as ``decisions`` that cannot both
    hold is not asked again, nor the same decisions twice for two questions they share."""
    on_question: dict[str, list[tuple[Source, Decision]]] = {}
    for source in sources:
        for decision in source.session.decisions:
            for question_id in dict.fromkeys(decision.source):
                on_question.setdefault(question_id, []).append((source, decision))
    questions: list[_Asked] = []
    seen: set[frozenset[tuple[str, str]]] = set()
    for question_id, taken in on_question.items():
        differ = {
            frozenset(((a.name, x.id), (b.name, y.id)))
            for (a, x), (b, y) in combinations(taken, 2)
            if a is not b and _worded(x.text) != _worded(y.text)
        }
        keys = frozenset((source.name, decision.id) for source, decision in taken)
        if not differ or differ <= asked or keys in seen:
            continue
        seen.add(keys)
        questions.append(_decided_apart(question_id, taken, people, decision_ids))
    return questions


def _decided_apart(
    question_id: str, taken: list[tuple[Source, Decision]], people: dict[str, Source], decision_ids: dict[tuple[str, str], str]
) -> _Asked:
    """The question for the client about decisions taken on one question that differ."""
    question = next((source.questions[question_id] for source, _ in taken if question_id in source.questions), None)
    prompt = f'"{question.prompt.strip()}"' if question is not None and question.prompt.strip() else "one question"
    ids = [decision_ids.get((source.name, decision.id), decision.id) for source, decision in taken]
    parts = []
    for new_id, (source, decision) in zip(ids, taken, strict=True):
        who = _teller(decision.decided_by.strip() or speaker(source.session, decision), source.name, people)
        parts.append(f'{new_id} "{" ".join(decision.text.split())}" ({who})')
    ask = "Do both stand, or which one?" if len(parts) == 2 else "Do they all stand, or which ones?"
    text = f"The interviews took different decisions on {prompt}: {listed(parts)}. {ask}"
    return _Asked(text, [question_id], "same-question", decisions=ids)


def _worded(text: str) -> str:
    """A decision's words as compared for "worded alike": case, spacing and a closing full stop aside."""
    return " ".join(text.casefold().split()).rstrip(".")


def _decision_keys(conflict: Conflict, by_label: dict[str, Source]) -> list[tuple[str, str]]:
    """(interview, decision id) of each side of a conflict that names a decision."""
    return [(by_label[side.session].name, side.decision) for side in conflict.sides if side.decision]


TERM_WORDS = 6
"""How many first words two definitions share for two terms from two interviews to be asked about as one."""


def _term_questions(sources: Sequence[Source], people: dict[str, Source]) -> list[_Asked]:
    """Two interviews' terms for one thing: another word, a definition that opens with the same six words (trial4
    T4-9: "case officer" and "planning officer" sat side by side in the merged glossary with nothing said). A
    question for the client, which word the spec should use; never asked for terms of one interview."""
    seen: list[tuple[Source, GlossaryTerm, tuple[str, ...]]] = []
    questions: list[_Asked] = []
    for source in sources:
        for term in source.session.glossary:
            opening = tuple(re.findall(r"[^\W_]+", term.definition.casefold()))[:TERM_WORDS]
            if len(opening) < TERM_WORDS:
                continue
            for other, known, known_opening in seen:
                if other is not source and known_opening == opening and known.term.casefold() != term.term.casefold():
                    first, second = _teller("", other.name, people), _teller("", source.name, people)
                    text = (
                        f'Are "{known.term}" ({first}) and "{term.term}" ({second}) one and the same? Both were '
                        f'described as "{" ".join(term.definition.split()[:TERM_WORDS])} …". Which word should the spec use?'
                    )
                    questions.append(_Asked(text, list(dict.fromkeys(known.source + term.source)), "terms"))
            seen.append((source, term, opening))
    return questions


def _add_term(terms: dict[str, GlossaryTerm], term: GlossaryTerm, interview: str) -> None:
    known = terms.get(term.term.casefold())
    if known is None:
        terms[term.term.casefold()] = replace(term)
    elif term.definition.strip() and term.definition not in known.definition:
        known.definition = f"{known.definition}; {interview}: {term.definition}" if known.definition else term.definition


def _conflict_questions(
    comparison: Comparison, by_label: dict[str, Source], maps: dict[str, dict[str, str]], decision_ids: dict[tuple[str, str], str]
) -> list[_Asked]:
    """One open question per question in conflict (every interview's answer to it), per opposite pair, per decision contradicted.

    Each is worded for the client (trial2 T16): what differs, who said each side (a name, which the client's
    edition turns into a role), and what we ask; never a file name or what the tool did.
    """
    people = {source.name: source for source in by_label.values()}

    def who(side: Side) -> str:
        return _teller(side.by, by_label[side.session].name, people)

    def decided(conflict: Conflict) -> list[str]:
        return [decision_ids.get(key, key[1]) for key in _decision_keys(conflict, by_label)]

    questions: list[_Asked] = []
    answered = {item.question: item for item in comparison.questions}
    seen: set[str] = set()
    for conflict in comparison.conflicts:
        first, second = conflict.sides
        if conflict.kind == "priority" and _one_story(conflict, by_label, maps):
            continue  # a merged story's priorities: one question per story (see _priority_question)
        if conflict.kind == "priority":
            questions.append(_need_question(conflict, by_label, maps, who))
        elif conflict.kind == "opposite":
            questions.append(_opposite_question(conflict, by_label, maps, who))
        elif conflict.kind == "decision":
            text = (
                f'The decision "{first.text}" ({who(first)}) does not fit another answer to "{_prompt(answered, conflict.question)}": '
                f"{second.text} ({who(second)}). Does the decision stand?"
            )
            questions.append(_Asked(text, [conflict.question], "decision", decisions=decided(conflict)))
        elif conflict.kind == "text":
            text = (
                f'{_prompt(answered, conflict.question)} The answers say opposite things: "{first.text}" ({who(first)}) '
                f'and "{second.text}" ({who(second)}). Which holds?'
            )
            questions.append(_Asked(text, [conflict.question], "text"))
        elif conflict.kind == "decisions":
            text = (
                f'Two decisions that cannot both hold: "{first.text}" ({who(first)}) and "{second.text}" ({who(second)}). Which one stands?'
            )
            questions.append(_Asked(text, _decision_sources(conflict, by_label), "decisions", decisions=decided(conflict)))
        elif conflict.question not in seen:
            seen.add(conflict.question)
            item = answered[conflict.question]
            said = ", ".join(f"{side.text} ({who(side)})" for side in item.answers)
            questions.append(_Asked(f"{item.prompt or 'A question'} The answers differ: {said}. Which should we go by?", [item.question], "answers"))
    return questions


def _prompt(answered: dict[str, QuestionAnswers], question: str) -> str:
    item = answered.get(question)
    return (item.prompt if item is not None else "") or "a question"


def _decision_sources(conflict: Conflict, by_label: dict[str, Source]) -> list[str]:
    found: list[str] = []
    for side in conflict.sides:
        decision = next((item for item in by_label[side.session].session.decisions if item.id == side.decision), None)
        found += [item for item in (decision.source if decision else []) if item not in found]
    return found


def _one_story(conflict: Conflict, by_label: dict[str, Source], maps: dict[str, dict[str, str]]) -> bool:
    """Whether both sides of a conflict became one story of the merged session."""
    return len({maps.get(by_label[side.session].name, {}).get(side.story, side.story) for side in conflict.sides}) == 1


def _sides(
    conflict: Conflict, by_label: dict[str, Source], maps: dict[str, dict[str, str]]
) -> tuple[list[tuple[Side, str, Story | None]], list[str]]:
    """Each side of a story conflict with its id in the merged session and its story, and their source questions."""
    sides: list[tuple[Side, str, Story | None]] = []
    sources: list[str] = []
    for side in conflict.sides:
        source = by_label[side.session]
        story = source.session.story(side.story)
        sides.append((side, maps.get(source.name, {}).get(side.story, side.story), story))
        sources += [item for item in (story.source if story else []) if item not in sources]
    return sides, sources


def _need_question(
    conflict: Conflict, by_label: dict[str, Source], maps: dict[str, dict[str, str]], who: Callable[[Side], str]
) -> _Asked:
    """Two roles' stories of one need at two priorities (trial4 T4-7), asked of the client."""
    sides, sources = _sides(conflict, by_label, maps)
    parts = []
    for side, new_id, story in sides:
        role = f"for the {story.role.strip()}" if story else f'"{side.text}"'
        parts.append(f"{new_id} {role}, {PRIORITY_HEADINGS.get(side.priority, side.priority)} ({who(side)})")
    first = sides[0][2]
    want = f' "{first.want.strip()}"' if first else ""
    text = f"Two stories ask for the same thing{want} for two roles: " + " and ".join(parts) + ". Is it one need, and how important is it?"
    return _Asked(text, sources, "need", [new_id for _, new_id, _ in sides])


def _opposite_question(
    conflict: Conflict, by_label: dict[str, Source], maps: dict[str, dict[str, str]], who: Callable[[Side], str]
) -> _Asked:
    sides, sources = _sides(conflict, by_label, maps)
    parts = [f'{new_id} "{story.want.strip() if story else side.text}" ({who(side)})' for side, new_id, story in sides]
    text = "Two stories ask for opposite things: " + " and ".join(parts) + ". Which should we build?"
    return _Asked(text, sources, "opposite", [new_id for _, new_id, _ in sides])


def open_conflicts(session: Session) -> list[OpenQuestion]:
    """The conflicts between the merged interviews still open (the open questions the merge recorded for them)."""
    ids = set(session.conflicts)
    return [item for item in session.open_questions if item.id in ids and item.status == "open"]


def story_map_lines(merged: Merged) -> list[str]:
    """``owner US-001 -> US-001`` for every story."""
    return [f"{interview} {old} -> {new}" for interview, old, new in merged.story_map]
