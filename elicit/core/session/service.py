"""The one place that changes a session.

Front ends call these methods; each change bumps :attr:`SessionService.revision`
and notifies listeners, which schedule the save. Nothing here touches the disk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from datetime import datetime
from typing import Any, TypeVar

from elicit.core.banks.models import Question
from elicit.core.findings import ElicitError, did_you_mean
from elicit.core.session.answers import check_exclusive, has_value, whole_number
from elicit.core.session.engine import Interview, adopt_banks
from elicit.core.session.models import (
    Answer,
    Assumption,
    Decision,
    GlossaryTerm,
    IdSequence,
    OpenQuestion,
    Participant,
    Proposal,
    Round,
    Session,
    Story,
    StoryVersion,
    make_id,
    snapshot,
    too_long,
)
from elicit.core.session.participants import find_participant, next_speaker, parse_participant, participant_label, speaker_name
from elicit.core.session.suspects import answer_basis
from elicit.core.text import plural, quoted
from elicit.core.vocabulary import ANSWER_STATUSES, OPEN_QUESTION_STATUSES, PRIORITIES, STORY_STATUSES

Listener = Callable[[str], None]
"""Called with a short description of each change."""

STORY_FIELDS = {f.name for f in fields(Story)} - {"id", "created_at", "updated_at", "history"}
WORDING_FIELDS = ("role", "want", "so_that", "priority", "acceptance")
HEARD_BY_CLIENT = ("confirmed", "changed")  # statuses that say the client agreed to the wording as it stands
"""A change to one of these keeps the story's earlier wording in its history."""

NOT_STORIES = ("answer ", "clear ", "notes ", "current ", "status ", "clock")
"""How the changes that never touch a story begin: every other change counts as one to the stories."""

EMPTY_ANSWER = "an empty answer is not an answer: skip the question, or clear its answer"


def now() -> datetime:
    """The current local time, to the second, with its UTC offset."""
    return datetime.now().astimezone().replace(microsecond=0)


@dataclass(frozen=True)
class DeletedStory:
    """What undo needs to put a deleted story back."""

    story: Story
    index: int


class SessionService:
    """Applies every change to a session and tells listeners about it."""

    def __init__(self, session: Session, interview: Interview | None = None):
        self.session = session
        self.interview = interview or Interview(session, [])
        adopt_banks(session, self.interview.banks)  # a bank changed since the last run: the next save records it
        self.revision = 0
        self.stories_revision = 0
        """Bumped by every change that may touch a story (all but those in ``NOT_STORIES``): a screen keeps
        what it derived from the stories (those of one question) until this moves, not rescanning them per key."""
        self._listeners: list[Listener] = []
        self._held: list[str] | None = None
        self._deleted: list[DeletedStory] = []
        self._ids = {prefix: IdSequence(prefix) for prefix in ("US", "OQ", "D", "A")}
        self.speaker = session.participants[0].name if len(session.participants) == 1 else ""
        """The participant speaking now: what is captured without a ``by`` is credited to them ("" : nobody).
        With one participant, they are speaking from the start: in an interview of one person everything is
        theirs (as compare and merge read it), not only what came after the first speaker key (trial3 T3-3)."""

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener`` after every change."""
        self._listeners.append(listener)

    def _changed(self, what: str) -> None:
        self.revision += 1
        if not what.startswith(NOT_STORIES):
            self.stories_revision += 1
        if self._held is not None:
            self._held.append(what)
            return
        for listener in list(self._listeners):
            listener(what)

    def hold_notices(self) -> None:
        """Count changes but tell the listeners only at :meth:`release_notices` (while the stories load, nothing may save)."""
        if self._held is None:
            self._held = []

    def release_notices(self) -> None:
        """Tell the listeners of the changes made since :meth:`hold_notices`: the last one of each kind, in order."""
        held, self._held = self._held or [], None
        for what in list(dict.fromkeys(reversed(held)))[::-1]:
            for listener in list(self._listeners):
                listener(what)

    # who is speaking

    def set_speaker(self, text: str) -> str:
        """Make the participant ``text`` names (a name, a first name, a number; "" for nobody) the current speaker.

        It says who is credited with what is captured next, and is kept in the
        session (``speaker``, written with the next save) for :meth:`resume_speaker`.
        Raises ElicitError for a name that is not a participant's, or when the
        session has none.
        """
        self._speaking(speaker_name(self.session.participants, text))
        return self.speaker

    def cycle_speaker(self) -> str:
        """The next participant speaks (after the last: nobody, then the first again); "" when there are none."""
        self._speaking(next_speaker(self.session.participants, self.speaker))
        return self.speaker

    def _speaking(self, name: str) -> None:
        # Kept in the session but no change of its own (no save for a key that captured nothing): it reaches the
        # disk with the next save, which the first thing credited to them (or the interview clock) brings.
        self.speaker = self.session.speaker = name

    def resume_speaker(self) -> str:
        """The participant who was speaking when the app or plain mode stopped speaks again (trial5 T5-4: a
        reopened session credited nobody, saying nothing); the front ends call this, the command line does not
        (its ``--by`` says who). Returns the speaker."""
        if self.session.speaker in [p.name for p in self.session.participants]:
            self.speaker = self.session.speaker
        return self.speaker

    def credit(self, by: str | None) -> str:
        """Who a record is credited to: ``by`` when given (checked: a participant's name, or "" for nobody), else the speaker."""
        return self.speaker if by is None else speaker_name(self.session.participants, by)

    # answers

    def answer(
        self, question_id: str, value: Any, *, notes: str | None = None, status: str | None = None, by: str | None = None
    ) -> Answer:
        """Record (or replace) the value of an answer, credited to ``by`` (default: the current speaker; an edit of an
        answer someone gave keeps them, whoever speaks now).

        An empty value (None, blank text, an empty list) is not an answer:
        it is refused; :meth:`skip` skips a question and :meth:`clear` removes
        its answer. A whole number is stored as an integer (``1000.0`` -> ``1000``).
        """
        if not has_value(value):
            raise ElicitError(EMPTY_ANSWER)
        if status == "skipped":
            raise ElicitError("a skipped question keeps no answer; skip it without a value")
        if status is not None:
            self._check_status(status)
        value = self._checked_value(question_id, value)
        credited = self.credit(by)
        answer = self._answer(question_id)
        given_by = answer.by if has_value(answer.value) else ""
        answer.value = value
        if by is not None or (credited and not given_by):
            answer.by = credited
        if notes is not None:
            answer.notes = notes
        if status is not None:
            answer.status = status
        elif answer.status == "skipped":
            answer.status = "answered"
        stamp = now()
        if answer.answered_at is None:
            answer.answered_at = stamp
        answer.updated_at = stamp
        self.interview.invalidate()
        self._changed(f"answer {question_id}")
        return answer

    def _checked_value(self, question_id: str, value: Any) -> Any:
        if isinstance(value, float) and not isinstance(value, bool):
            return whole_number(value)
        if isinstance(value, list):
            value = list(value)
            question = self.interview.question(question_id)
            if question is not None:
                check_exclusive(question, value)
        return value

    def clear(self, question_id: str) -> Answer | None:
        """Remove a question's answer; return what was removed (None when there was none).

        The consultant's notes are never thrown away: a question with notes
        keeps them (and its status); one without is open again.
        """
        answer = self.session.answers.get(question_id)
        if answer is None:
            return None
        removed = replace(answer)
        if answer.notes.strip():
            answer.value = None
            answer.updated_at = now()
        else:
            del self.session.answers[question_id]
        self.interview.invalidate()
        self._changed(f"clear {question_id}")
        return removed

    def set_notes(self, question_id: str, notes: str) -> None:
        """Replace the free notes on a question."""
        answer = self._answer(question_id)
        answer.notes = notes
        answer.updated_at = now()
        self._changed(f"notes {question_id}")

    def set_status(self, question_id: str, status: str) -> None:
        """Mark a question answered, skipped or revisit.

        Skipped drops the value (a skipped question has no answer); answered
        needs a value, since notes alone leave a question open (``answer_status``).
        """
        self._check_status(status)
        existing = self.session.answers.get(question_id)
        if status == "answered" and (existing is None or not has_value(existing.value)):
            raise ElicitError(EMPTY_ANSWER)
        self._mark(question_id, status)

    def _mark(self, question_id: str, status: str) -> None:
        answer = self._answer(question_id)
        answer.status = status
        if status == "skipped":
            answer.value = None
        answer.updated_at = now()
        self.interview.invalidate()
        self._changed(f"status {question_id} {status}")

    def skip(self, question_id: str) -> None:
        """Skip a question: status "skipped", no value (notes are kept)."""
        self.set_status(question_id, "skipped")

    def toggle_revisit(self, question_id: str) -> bool:
        """Flag a question to revisit, or clear the flag; return whether it is flagged.

        Clearing the flag leaves a question with a value answered, one with
        notes only open with its notes kept, and one with neither open.
        """
        answer = self.session.answers.get(question_id)
        flagged = answer is None or answer.status != "revisit"
        if flagged:
            self.set_status(question_id, "revisit")
        elif answer is not None and (has_value(answer.value) or answer.notes.strip()):
            self._mark(question_id, "answered")  # the stored "no mark": answer_status reads notes alone as open
        else:
            self.clear(question_id)
        return flagged

    def go(self, question_id: str) -> Question:
        """Make a question current (remembered so reopening resumes there)."""
        before = self.session.current
        question = self.interview.go(question_id)
        if before != question_id:
            self._changed(f"current {question_id}")
        return question

    def _answer(self, question_id: str) -> Answer:
        if not question_id:
            raise ElicitError("no question given")
        answer = self.session.answers.get(question_id)
        if answer is None:
            answer = Answer()
            self.session.answers[question_id] = answer
        return answer

    @staticmethod
    def _check_status(status: str) -> None:
        if status not in ANSWER_STATUSES:
            raise ElicitError(f"status must be one of {', '.join(ANSWER_STATUSES)}, not '{status}'")

    # stories

    def add_story(self, role: str, want: str, **values: Any) -> Story:
        """Add a story with the next free id (US-001, US-002, ...)."""
        if not want.strip():
            raise ElicitError("a story needs a 'want': what the user wants to do")
        self._check_story_values({"role": role, "want": want, **values})
        values["by"] = self.credit(values.get("by"))
        stamp = now()
        story = Story(id=self._ids["US"].next(self.session.stories), role=role, want=want, created_at=stamp, updated_at=stamp)
        for name, value in values.items():
            setattr(story, name, _copy(value))
        story.basis = answer_basis(self.session, story)
        self.session.stories.append(story)
        self._changed(f"story {story.id} added")
        return story

    def update_story(self, story_id: str, *, note: str = "", **values: Any) -> Story:
        """Change some fields of a story.

        When the wording (role, want, so that, priority or acceptance) changes,
        the story as it was is kept in its history, one entry per call;
        ``note`` says why (``read-back``). A confirmed (or changed-with-the-client)
        story whose wording changes without a new status goes back to draft:
        the client has not heard it, so it needs a read-back again.
        """
        return self._update_story(story_id, values, note=note, keep_history=True)

    def fill_story(self, story_id: str, **values: Any) -> Story:
        """Change some fields of a story still being captured field by field (plain mode saves each field as it
        is entered): as :meth:`update_story`, but its wording so far is no earlier wording of it, so none is kept
        in its history (trial6 T6-8: the read-back showed three 'earlier wordings' of a story nobody changed)."""
        return self._update_story(story_id, values, note="", keep_history=False)

    def _update_story(self, story_id: str, values: dict[str, Any], *, note: str, keep_history: bool) -> Story:
        story = self._story(story_id)
        self._check_story_values(values)
        if "by" in values:
            values["by"] = self.credit(values["by"])
        if "want" in values and not str(values["want"]).strip():
            raise ElicitError("a story needs a 'want': what the user wants to do")
        stamp = now()
        if keep_history and any(name in values and values[name] != getattr(story, name) for name in WORDING_FIELDS):
            if "status" not in values and story.status in HEARD_BY_CLIENT:
                values["status"] = "draft"  # the client never heard this wording: it needs a read-back again
            story.history.append(
                StoryVersion(
                    story.role,
                    story.want,
                    story.so_that,
                    story.priority,
                    list(story.acceptance),
                    story.quote,
                    story.status,
                    changed_at=stamp,
                    note=note,
                )
            )
        for name, value in values.items():
            setattr(story, name, _copy(value))
        story.updated_at = stamp
        story.basis = answer_basis(self.session, story)
        self._changed(f"story {story_id} changed")
        return story

    def reject_story(self, story_id: str, reason: str) -> Story:
        """Mark a story rejected, keeping the client's reason."""
        return self.update_story(story_id, status="rejected", reason=reason.strip())

    def set_priority(self, story_id: str, priority: str) -> Story:
        """Change a story's MoSCoW priority."""
        return self.update_story(story_id, priority=priority)

    def set_story_status(self, story_id: str, status: str) -> Story:
        """Mark a story draft, confirmed, changed or rejected."""
        return self.update_story(story_id, status=status)

    def delete_story(self, story_id: str) -> DeletedStory:
        """Delete a story; :meth:`undo_delete` puts it back."""
        story = self._story(story_id)
        index = self.session.stories.index(story)
        del self.session.stories[index]
        deleted = DeletedStory(story, index)
        self._deleted.append(deleted)
        self._changed(f"story {story_id} deleted")
        return deleted

    def undo_delete(self) -> Story | None:
        """Restore the most recently deleted story, at its old place."""
        if not self._deleted:
            return None
        deleted = self._deleted.pop()
        index = min(deleted.index, len(self.session.stories))
        self.session.stories.insert(index, deleted.story)
        self._changed(f"story {deleted.story.id} restored")
        return deleted.story

    @property
    def can_undo(self) -> bool:
        """Whether a deleted story can be restored."""
        return bool(self._deleted)

    def _story(self, story_id: str) -> Story:
        story = self.session.story(story_id)
        if story is None:
            raise ElicitError(f"no story '{story_id}' in this session")
        return story

    @staticmethod
    def _check_story_values(values: dict[str, Any]) -> None:
        unknown = set(values) - STORY_FIELDS
        if unknown:
            raise ElicitError(f"unknown story field(s): {', '.join(sorted(unknown))}")
        for name, value in values.items():
            for text in value if isinstance(value, list) else [value]:
                problem = too_long(name, text) if isinstance(text, str) else None
                if problem:
                    raise ElicitError(f"{problem}; shorten it (a story is a sentence: put long material in an answer's notes)")
        if "priority" in values and values["priority"] not in PRIORITIES:
            raise ElicitError(f"priority must be one of {', '.join(PRIORITIES)}, not '{values['priority']}'")
        if "status" in values and values["status"] not in STORY_STATUSES:
            raise ElicitError(f"story status must be one of {', '.join(STORY_STATUSES)}, not '{values['status']}'")

    # follow-ups: open questions, decisions, assumptions, glossary

    def person(self, text: str) -> str:
        """Who decided or owns something, as typed: a participant's full name when it names one ("Maria" -> "Maria Lopez")."""
        typed = " ".join(text.split())
        if not typed or typed.isdigit():
            return typed
        participant = find_participant(self.session.participants, typed)
        return participant.name if participant is not None else typed

    def add_open_question(self, text: str, *, owner: str = "", source: list[str] | None = None, by: str | None = None) -> OpenQuestion:
        """Note something to follow up after the interview (``by``: who raised it; default the current speaker)."""
        text, sources, credited = _text(text, "open question"), self.sources(source), self.credit(by)
        owner = self.person(owner)
        item = OpenQuestion(self._ids["OQ"].next(self.session.open_questions), text, owner, source=sources, by=credited)
        self.session.open_questions.append(item)
        self._changed(f"open question {item.id}")
        return item

    def update_open_question(self, item_id: str, **values: Any) -> OpenQuestion:
        """Change some fields of an open question (text, owner, status, resolution, source)."""
        item = _find(self.session.open_questions, item_id, "open question")
        if "status" in values and values["status"] not in OPEN_QUESTION_STATUSES:
            raise ElicitError(f"status must be one of {', '.join(OPEN_QUESTION_STATUSES)}, not '{values['status']}'")
        if "owner" in values:
            values["owner"] = self.person(values["owner"])
        self._update(item, values, ("text", "owner", "status", "resolution", "source", "by"), "open question")
        self._changed(f"open question {item_id} changed")
        return item

    def resolve_open_question(self, item_id: str, resolution: str) -> OpenQuestion:
        """Mark an open question resolved, saying how."""
        item = _find(self.session.open_questions, item_id, "open question")
        item.status = "resolved"
        item.resolution = resolution
        self._changed(f"open question {item_id} resolved")
        return item

    def delete_open_question(self, item_id: str) -> OpenQuestion:
        """Delete an open question."""
        item = _find(self.session.open_questions, item_id, "open question")
        self.session.open_questions.remove(item)
        self._changed(f"open question {item_id} deleted")
        return item

    def add_decision(
        self,
        text: str,
        rationale: str = "",
        *,
        decided_by: str = "",
        source: list[str] | None = None,
        stories: list[str] | None = None,
        by: str | None = None,
    ) -> Decision:
        """Record a decision and why it was taken (``stories``: the stories it is about).

        ``decided_by`` is who decided (free text); ``by`` who said it in the
        interview (a participant; default the current speaker).
        """
        text, sources, credited = _text(text, "decision"), self.sources(source), self.credit(by)
        for story_id in stories or []:
            self._story(story_id)
        decided_by = self.person(decided_by)
        item = Decision(self._ids["D"].next(self.session.decisions), text, rationale, decided_by, sources, list(stories or []), credited)
        self.session.decisions.append(item)
        self._changed(f"decision {item.id}")
        return item

    def update_decision(self, item_id: str, **values: Any) -> Decision:
        """Change some fields of a decision (text, rationale, decided_by, source, by)."""
        item = _find(self.session.decisions, item_id, "decision")
        if "decided_by" in values:
            values["decided_by"] = self.person(values["decided_by"])
        self._update(item, values, ("text", "rationale", "decided_by", "source", "by"), "decision")
        self._changed(f"decision {item_id} changed")
        return item

    def delete_decision(self, item_id: str) -> Decision:
        """Delete a decision."""
        item = _find(self.session.decisions, item_id, "decision")
        self.session.decisions.remove(item)
        self._changed(f"decision {item_id} deleted")
        return item

    def add_assumption(self, text: str, rationale: str = "", *, source: list[str] | None = None, by: str | None = None) -> Assumption:
        """Record an assumption and why it is made (``by``: who said it; default the current speaker)."""
        text, sources, credited = _text(text, "assumption"), self.sources(source), self.credit(by)
        item = Assumption(self._ids["A"].next(self.session.assumptions), text, rationale, sources, credited)
        self.session.assumptions.append(item)
        self._changed(f"assumption {item.id}")
        return item

    def update_assumption(self, item_id: str, **values: Any) -> Assumption:
        """Change some fields of an assumption (text, rationale, source, by)."""
        item = _find(self.session.assumptions, item_id, "assumption")
        self._update(item, values, ("text", "rationale", "source", "by"), "assumption")
        self._changed(f"assumption {item_id} changed")
        return item

    def delete_assumption(self, item_id: str) -> Assumption:
        """Delete an assumption."""
        item = _find(self.session.assumptions, item_id, "assumption")
        self.session.assumptions.remove(item)
        self._changed(f"assumption {item_id} deleted")
        return item

    def define_term(self, term: str, definition: str, *, source: list[str] | None = None) -> GlossaryTerm:
        """Add or update a glossary term in the client's vocabulary (terms match ignoring case).

        ``source``: the questions the term came up in; defining a known term
        again from another question adds that question to its sources.
        """
        term, sources = _text(term, "term"), self.sources(source)
        item = self.find_term(term)
        if item is not None:
            item.definition = definition
            item.source += [question_id for question_id in sources if question_id not in item.source]
        else:
            item = GlossaryTerm(term, definition, sources)
            self.session.glossary.append(item)
        self._changed(f"term {term}")
        return item

    def update_term(
        self, term: str, *, definition: str | None = None, new_term: str | None = None, source: list[str] | None = None
    ) -> GlossaryTerm:
        """Change a term's definition or its source questions, or rename it."""
        item = self.find_term(term)
        if item is None:
            raise ElicitError(f"no term '{term}' in this session's glossary")
        if source is not None:
            item.source = self.sources(source)
        if new_term is not None:
            new_term = _text(new_term, "term")
            other = self.find_term(new_term)
            if other is not None and other is not item:
                raise ElicitError(f"the glossary already has '{other.term}'")
            item.term = new_term
        if definition is not None:
            item.definition = definition
        self._changed(f"term {item.term} changed")
        return item

    def delete_term(self, term: str) -> GlossaryTerm:
        """Delete a glossary term."""
        item = self.find_term(term)
        if item is None:
            raise ElicitError(f"no term '{term}' in this session's glossary")
        self.session.glossary.remove(item)
        self._changed(f"term {item.term} deleted")
        return item

    def find_term(self, term: str) -> GlossaryTerm | None:
        """The glossary entry for ``term`` (ignoring case and surrounding spaces), or None."""
        wanted = term.strip().casefold()
        return next((item for item in self.session.glossary if item.term.strip().casefold() == wanted), None)

    def sources(self, given: list[str] | None) -> list[str]:
        """Source question ids as full ids, each checked against the session's questions (a tail such as ``section.q`` is enough).

        With no banks loaded (a service over a bare session) the ids are kept as given.
        """
        result: list[str] = []
        for text in given or []:
            question_id = self.interview.resolve_id(text).id if self.interview.questions else text.strip()
            if question_id and question_id not in result:
                result.append(question_id)
        return result

    def _update(self, item: Any, values: dict[str, Any], allowed: tuple[str, ...], what: str) -> None:
        unknown = sorted(set(values) - set(allowed))
        if unknown:
            hint = did_you_mean(unknown[0], allowed)
            raise ElicitError(f"unknown {what} field '{unknown[0]}'" + (f"; {hint}" if hint else f"; fields are: {', '.join(allowed)}"))
        if "text" in values:
            values = {**values, "text": _text(values["text"], what)}
        if "source" in values:
            values = {**values, "source": self.sources(values["source"])}
        if "by" in values:
            values = {**values, "by": self.credit(values["by"])}
        for name, value in values.items():
            setattr(item, name, _copy(value))

    # the interview clock

    def tick(self, seconds: int, section_id: str | None = None) -> None:
        """Add interview time (the front end calls this while the interview is open and not paused).

        The service never reads the wall clock for this: only time a front
        end counts is interview time, so a session left open overnight on a
        paused screen does not show 18 hours.
        """
        if isinstance(seconds, bool) or not isinstance(seconds, int) or seconds < 0:
            raise ElicitError(f"interview time goes forward in whole seconds, not {seconds!r}")
        if seconds == 0:
            return
        self.session.interview_seconds += seconds
        if section_id:
            self.session.section_seconds[section_id] = self.session.section_seconds.get(section_id, 0) + seconds
        self._changed("clock")

    # review rounds

    def record_round(self, note: str = "") -> Round:
        """Record round N: when, the note, and a frozen copy of every story and follow-up as they stand."""
        frozen = snapshot(self.session)
        number = max((item.number for item in self.session.rounds), default=0) + 1
        item = Round(
            number,
            now(),
            note.strip(),
            stories=[replace(story, history=[], basis={}) for story in frozen.stories],
            decisions=frozen.decisions,
            open_questions=frozen.open_questions,
            assumptions=frozen.assumptions,
            proposals=frozen.proposals,
            glossary=frozen.glossary,
        )
        self.session.rounds.append(item)
        self._changed(f"round {number} recorded")
        return item

    def add_proposals(self, proposals: list[Proposal]) -> list[Proposal]:
        """Keep the client's proposed edits (``P-001``, ...), open until accepted or declined; stories untouched."""
        taken = max((_proposal_number(item.id) for item in self.session.proposals), default=0)
        added = []
        for offset, proposal in enumerate(proposals, start=1):
            if proposal.change == "add":
                proposal = replace(proposal, story="")  # a new story: it has an id once accepted
            elif self.session.story(proposal.story) is None:
                raise ElicitError(f"no story '{proposal.story}' in this session")
            added.append(replace(proposal, id=make_id("P", taken + offset), status="open", reason=""))
        if added:
            self.session.proposals.extend(added)
            self._changed(f"{plural(len(added), 'proposal')} added")
        return added

    def settle_proposal(self, proposal_id: str, status: str, reason: str = "", *, story: str = "") -> Proposal:
        """Mark a proposal accepted or declined (applying it is the caller's, through the methods above);
        ``story``: the id of the story an accepted ``add`` became."""
        proposal = self.proposal(proposal_id)
        if status not in ("accepted", "declined"):
            raise ElicitError(f"a proposal is accepted or declined, not {status!r}")
        proposal.status = status
        proposal.reason = reason.strip()
        if story:
            proposal.story = story
        self._changed(f"proposal {proposal_id} {status}")
        return proposal

    def proposal(self, proposal_id: str) -> Proposal:
        """The proposal with this id; ElicitError with a did-you-mean when there is none."""
        for item in self.session.proposals:
            if item.id == proposal_id:
                return item
        known = [item.id for item in self.session.proposals]
        hint = did_you_mean(proposal_id, known) or ("see 'elicit review list'" if known else "import a review sheet first")
        raise ElicitError(f"no proposal '{proposal_id}' in this session; {hint}")

    def add_participant(self, text: str) -> Participant:
        """Add a participant, typed as ``Ann Lee: owner`` or ``Ann Lee - owner`` (as ``elicit new --participant`` and the
        new-session screen read them); a name the session already has (ignoring case) is refused, naming who is there."""
        person = parse_participant(text)
        if person is None:
            raise ElicitError(f"a participant needs a name, as NAME, NAME: ROLE or 'NAME - ROLE', not {quoted(text)}")
        if any(mark in text for mark in "\r\n"):
            raise ElicitError(f"a participant's name and role are one line of text each, not {quoted(text)}")
        taken = next((p for p in self.session.participants if p.name.casefold() == person.name.casefold()), None)
        if taken is not None:
            known = ", ".join(participant_label(p) for p in self.session.participants)
            raise ElicitError(f"{quoted(taken.name)} is already a participant of this session; participants: {known}")
        self.session.participants.append(person)
        self._changed("meta")
        return person

    def set_meta(self, **values: Any) -> None:
        """Change the interview's metadata (title, client, ended_at, ...)."""
        allowed = {"title", "client", "project", "interviewer", "started_at", "ended_at", "participants", "target_minutes"}
        unknown = set(values) - allowed
        if unknown:
            raise ElicitError(f"unknown session field(s): {', '.join(sorted(unknown))}")
        target = values.get("target_minutes")
        if target is not None and (isinstance(target, bool) or not isinstance(target, int) or target < 1):
            raise ElicitError(f"the target length is a whole number of minutes, 1 or more, not {target!r}")
        for name, value in values.items():
            setattr(self.session, name, _copy(value))
        if self.speaker not in [p.name for p in self.session.participants]:
            self.speaker = ""
        if self.session.speaker not in [p.name for p in self.session.participants]:
            self.session.speaker = ""
        self._changed("meta")


_FollowUp = TypeVar("_FollowUp", OpenQuestion, Decision, Assumption)


def _proposal_number(item_id: str) -> int:
    tail = item_id.removeprefix("P-")
    return int(tail) if tail.isascii() and tail.isdigit() and len(tail) < 10 else 0


def _find(items: list[_FollowUp], item_id: str, what: str) -> _FollowUp:
    for item in items:
        if item.id == item_id:
            return item
    hint = did_you_mean(item_id, [item.id for item in items])
    raise ElicitError(f"no {what} '{item_id}' in this session" + (f"; {hint}" if hint else ""))


def _text(text: str, what: str) -> str:
    if not isinstance(text, str) or not text.strip():
        raise ElicitError(f"a {what} needs some text")
    return text.strip()


def _copy(value: Any) -> Any:
    if isinstance(value, list):
        return [replace(item) if hasattr(item, "__dataclass_fields__") else item for item in value]
    return value
