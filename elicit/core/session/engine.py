"""The interview engine: which questions apply, where we are, what is covered.

Conditions are re-evaluated in bank order in one pass: a question's value is
visible to later conditions only while that question itself applies, so a
chain of follow-ups disappears together when its first answer changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from elicit.core.banks.catalog import BankCatalog
from elicit.core.banks.models import Bank, Question, Section
from elicit.core.findings import ElicitError, FindingsError, closest, suggestion
from elicit.core.session.answers import has_value, stored_value_problem
from elicit.core.session.models import Answer, BankRef, Session, Story
from elicit.core.text import quoted

if TYPE_CHECKING:
    from elicit.core.session.progress import Progress, SectionCoverage

OPEN = "open"


def answer_status(status: str, value: Any) -> str:
    """What a stored answer counts as: answered, skipped, revisit or open. The one rule every count and list uses.

    ``status`` is what the file stores (answered, skipped, revisit). Skipped and
    revisit are the consultant's marks and count as they are; a stored
    "answered" is answered only with a value. Notes alone (a pick typed as
    words, a thought jotted down) leave the question open: the client gave no
    answer to list, so it is not answered, and nobody decided to pass it by,
    so it is not skipped either; open brings the consultant back to it.
    """
    if status in ("skipped", "revisit"):
        return status
    return "answered" if has_value(value) else OPEN


def applicability_change(before: Sequence[str], after: Sequence[str]) -> str:
    """What an answer changed in the questions that apply (their ids before and after it), as every front end says
    it: "1 follow-up question now applies; 2 questions no longer apply"; "" when nothing changed."""
    added = len(set(after) - set(before))
    removed = len(set(before) - set(after))
    parts = []
    if added:
        parts.append(f"{added} follow-up question{'s' if added > 1 else ''} now appl{'y' if added > 1 else 'ies'}")
    if removed:
        parts.append(f"{removed} question{'s' if removed > 1 else ''} no longer appl{'y' if removed > 1 else 'ies'}")
    return "; ".join(parts)


def _hear(heard: dict[str, dict[str, Any]], question_id: str, answer: Answer) -> None:
    """Each interview's own answer to a question of a merged session, for :func:`_asked_in_one`."""
    for item in answer.interviews:
        if item.status != "skipped" and has_value(item.value):
            heard.setdefault(item.interview, {})[question_id] = item.value


def _asked_in_one(question: Question, values: dict[str, Any], heard: dict[str, dict[str, Any]]) -> bool:
    """Whether a follow-up whose condition the merged answers do not meet applies in a merged session: an answer the
    condition reads is undecided (given in the interviews, no merged value) and the condition holds in one interview."""
    if not heard or question.condition is None:
        return False
    undecided = any(name not in values and any(name in own for own in heard.values()) for name, _ in question.condition.names())
    return undecided and any(question.condition.evaluate(own.get) for own in heard.values())


class Interview:
    """A session walked through its banks."""

    def __init__(self, session: Session, banks: Sequence[Bank]):
        self.session = session
        self.banks = list(banks)
        self.sections: list[Section] = []
        self._questions: dict[str, Question] = {}
        seen_sections: set[str] = set()
        for bank in self.banks:
            for section in bank.sections:
                if section.id in seen_sections:
                    continue
                seen_sections.add(section.id)
                fresh = [q for q in section.questions if q.id not in self._questions]
                for question in fresh:
                    self._questions[question.id] = question
                self.sections.append(Section(section.id, section.title, section.goal, fresh, section.minutes))
        self.questions: list[Question] = list(self._questions.values())
        self._position = {question.id: index for index, question in enumerate(self.questions)}
        self._applicable: list[Question] | None = None
        self._applicable_ids: set[str] = set()
        self._applicable_by_section: dict[str, list[Question]] | None = None
        """The questions that apply, by section id (made when a section's progress is first asked for)."""

    # answers and applicability

    def question(self, question_id: str) -> Question | None:
        """The question with this fully qualified id, or None."""
        return self._questions.get(question_id)

    def answer(self, question_id: str) -> Answer | None:
        """The recorded answer to a question, or None."""
        return self.session.answers.get(question_id)

    def invalidate(self) -> None:
        """Forget cached applicability; call after any answer changes."""
        self._applicable = None

    def applicable(self) -> list[Question]:
        """The questions that currently apply, in order.

        In a merged session (answers with ``interviews``), a follow-up also applies while an answer its
        condition reads is still undecided (the interviews differ, so the merged answer has no value) and
        its condition holds in one of the interviews: that interview asked it, and its answer stays in
        view until the conflict is settled. Once settled, the settled answer decides, as anywhere else.
        """
        if self._applicable is None:
            values: dict[str, Any] = {}
            heard: dict[str, dict[str, Any]] = {}  # interview -> question -> its own answer (merged sessions)
            result = []
            for question in self.questions:
                if question.condition is None or question.condition.evaluate(values.get) or _asked_in_one(question, values, heard):
                    result.append(question)
                    answer = self.session.answers.get(question.id)
                    if answer is not None and answer.status != "skipped" and has_value(answer.value):
                        values[question.id] = answer.value
                    if answer is not None:
                        _hear(heard, question.id, answer)
            self._applicable = result
            self._applicable_ids = {question.id for question in result}
            self._applicable_by_section = None
        return self._applicable

    def _applicable_in(self, section_id: str) -> list[Question]:
        """The questions of one section that currently apply, in order.

        Grouped once per change of what applies: the navigator asks for every section's counts at once, and
        filtering all the questions for each section was 25 x 500 look-ups with a 500-question bank (issue 18).
        """
        applicable = self.applicable()
        if self._applicable_by_section is None:
            grouped: dict[str, list[Question]] = {}
            for question in applicable:
                grouped.setdefault(question.section_id, []).append(question)
            self._applicable_by_section = grouped
        return self._applicable_by_section.get(section_id, [])

    def applies(self, question_id: str) -> bool:
        """Whether a question currently applies."""
        self.applicable()
        return question_id in self._applicable_ids

    def status(self, question_id: str) -> str:
        """answered, skipped, revisit or open (:func:`answer_status`: notes without an answer are open)."""
        answer = self.session.answers.get(question_id)
        if answer is None:
            return OPEN
        return answer_status(answer.status, answer.value)

    def has_answer(self, question_id: str) -> bool:
        """Whether the client's answer to a question is on record: a value, not skipped (flagged to revisit or not)."""
        answer = self.session.answers.get(question_id)
        return answer is not None and answer.status != "skipped" and has_value(answer.value)

    # navigation

    @property
    def current(self) -> Question | None:
        """The current question: the saved position, or the first open one."""
        applicable = self.applicable()
        if not applicable:
            return None
        saved = self.session.current
        if saved in self._position:
            if self.applies(saved):
                return self._questions[saved]
            # The saved question no longer applies: go on from where it was.
            after = self._position[saved]
            for question in applicable:
                if self._position[question.id] > after:
                    return question
            return applicable[-1]
        return self.first_open() or applicable[0]

    def go(self, question_id: str) -> Question:
        """Make a question current; raise ElicitError if it does not apply."""
        question = self._questions.get(question_id)
        if question is None:
            raise ElicitError(f"no question '{question_id}' in this session's banks")
        if not self.applies(question_id):
            raise ElicitError(f"question '{question_id}' does not apply with the answers so far")
        self.session.current = question_id
        return question

    def next(self) -> Question | None:
        """Move to the next applicable question (None at the end)."""
        return self._step(+1)

    def previous(self) -> Question | None:
        """Move to the previous applicable question (None at the start)."""
        return self._step(-1)

    def _step(self, delta: int) -> Question | None:
        current = self.current
        applicable = self.applicable()
        if current is None:
            return None
        index = applicable.index(current) + delta
        if 0 <= index < len(applicable):
            self.session.current = applicable[index].id
            return applicable[index]
        return None

    def first_open(self, after: str | None = None) -> Question | None:
        """The first open or revisit question (after ``after`` if given), wrapping round."""
        applicable = self.applicable()
        start = 0
        if after is not None and after in self._position:
            start = next((i + 1 for i, q in enumerate(applicable) if q.id == after), 0)
        for question in applicable[start:] + applicable[:start]:
            if self.status(question.id) in (OPEN, "revisit"):
                return question
        return None

    # coverage

    def progress(self, section: Section | None = None) -> Progress:
        """Counts for the whole interview or one section."""
        from elicit.core.session.progress import Progress  # not loaded by a command that counts nothing (elicit answer)

        questions = self.applicable() if section is None else self._applicable_in(section.id)
        counts = {"answered": 0, "skipped": 0, "revisit": 0, OPEN: 0}
        required_open = told = 0
        for question in questions:
            status = self.status(question.id)
            counts[status] += 1
            if question.required and status in (OPEN, "revisit"):
                required_open += 1
            told += status == "answered" or (status == "revisit" and self.has_answer(question.id))
        return Progress(len(questions), counts["answered"], counts["skipped"], counts["revisit"], counts[OPEN], required_open, told)

    def question_count(self) -> str:
        """How long the interview is, as the app counts it: ``72 questions now, 15 more if their conditions apply``.

        "Now" is the app's N of TOTAL (the questions that apply with the answers
        so far); the rest wait on a ``when`` that may come true later.
        """
        now = len(self.applicable())
        later = len(self.questions) - now
        text = f"{now} question{'' if now == 1 else 's'} now"
        return text + (f", {later} more if their conditions apply" if later else "")

    def coverage(self) -> list[SectionCoverage]:
        """Progress for every section, in order."""
        from elicit.core.session.progress import SectionCoverage

        return [SectionCoverage(section, self.progress(section)) for section in self.sections]

    def required_open(self) -> list[Question]:
        """Required questions that apply and are still open or flagged."""
        return [q for q in self.applicable() if q.required and self.status(q.id) in (OPEN, "revisit")]

    def flagged(self) -> list[Question]:
        """Questions flagged to revisit."""
        return [q for q in self.applicable() if self.status(q.id) == "revisit"]

    def section_of(self, question: Question) -> Section | None:
        """The section holding a question."""
        for section in self.sections:
            if section.id == question.section_id:
                return section
        return None

    def story_section(self, story: Story) -> Section | None:
        """The section of the story's first source question this interview knows (None: no such question)."""
        for question_id in story.source:
            question = self.question(question_id)
            if question is not None:
                section = self.section_of(question)
                if section is not None:
                    return section
        return None

    # lookup

    def resolve_id(self, text: str) -> Question:
        """A question from a full id or an unambiguous tail (``section.q`` or ``q``)."""
        if text in self._questions:
            return self._questions[text]
        matches = [q for q in self.questions if q.id.endswith("." + text)]
        if len(matches) == 1:
            return matches[0]
        if matches:
            names = ", ".join(q.id for q in matches[:5])
            raise ElicitError(f"{quoted(text)} matches several questions ({names}); give the full id")
        hint = self.id_hint(text) or "list the ids with 'elicit banks show BANK'"
        raise ElicitError(f"no question {quoted(text)} in this session's banks; {hint}")

    def answer_notes(self, most: int | None = None) -> list[str]:
        """What is wrong with the answers the file holds (a hand edit, a changed bank): kept as they are, said once.

        ``most``: say that many, then how many more (the app's notices); the command line says them all.
        """
        notes: list[str] = []
        for question_id, answer in self.session.answers.items():
            question = self._questions.get(question_id)
            if question is None:
                hint = self.id_hint(question_id)  # no hint: a question an older bank had, kept as 'other answers'
                if hint:
                    notes.append(f"the answer under {quoted(question_id)} belongs to no question of this session's banks; "
                                 f"it is kept in the file; {hint}")
                continue
            problem = stored_value_problem(question, answer.value)
            if problem:
                notes.append(f"the answer to {question_id} is {problem}; it is kept as it is: answer the question again to fix it")
        if most is not None and len(notes) > most:
            notes[most:] = [f"and {len(notes) - most} more answer(s) like these; 'elicit summary' lists them all"]
        return notes

    def id_hint(self, text: str) -> str | None:
        """``did you mean '...'?`` naming the question closest to a mistyped id, as short as it was typed (``q``,
        ``section.q``) and long enough to name one question, or None."""
        depth = text.count(".") + 1
        tails: dict[str, list[str]] = {}
        for question_id in self._questions:
            tails.setdefault(".".join(question_id.split(".")[-depth:]), []).append(question_id)
        tail = closest(text, tails)
        if tail is None:
            return None
        return suggestion([tail] if len(tails[tail]) == 1 else [self._unique_tail(question_id) for question_id in tails[tail][:3]])

    def _unique_tail(self, question_id: str) -> str:
        """The shortest tail of ``question_id`` that no other question's id ends with."""
        parts = question_id.split(".")
        for depth in range(1, len(parts)):
            tail = ".".join(parts[-depth:])
            if not any(other != question_id and (other == tail or other.endswith("." + tail)) for other in self._questions):
                return tail
        return question_id


def adopt_banks(session: Session, banks: Sequence[Bank]) -> None:
    """Record the version and content of the banks the session now runs on, so the next save keeps them (the service does, on taking a session).

    :func:`banks_for_session` notes a bank changed since the session last used it; once the session is saved on
    the new bank, the note is not repeated by every later command (answers are kept by question id either way).
    """
    loaded = {bank.id: bank for bank in banks}
    for index, ref in enumerate(session.banks):
        bank = loaded.get(ref.id)
        if bank is not None and ref.hash and (ref.hash, ref.version) != (bank.content_hash, bank.version):
            session.banks[index] = BankRef(ref.id, bank.version, bank.content_hash, ref.path)


def banks_for_session(session: Session, catalog: BankCatalog, base: Path | None = None) -> tuple[list[Bank], list[str]]:
    """Load the banks a session uses; return them and notes about changes.

    A bank is found by id in the catalog, or else at the path recorded when
    the session was created. A bank that cannot be found or loaded raises
    ElicitError naming it.
    """
    banks: list[Bank] = []
    notes: list[str] = []
    for ref in session.banks:
        bank = _load_ref(ref, catalog, base)
        if ref.hash and bank.content_hash != ref.hash:
            change = f"version {ref.version} -> {bank.version}" if ref.version != bank.version else "same version, new content"
            notes.append(f"bank '{ref.id}' has changed since this session started ({change}); answers are kept by question id")
        banks.append(bank)
    return banks, notes


def locate_ref(ref: BankRef, catalog: BankCatalog, base: Path | None) -> str | Path | None:
    """Where a session's bank is: its id when the catalog has it, else the recorded file if it exists, else None.

    A relative recorded path is taken from ``base`` (the session's folder).
    """
    if catalog.entry(ref.id) is not None:
        return ref.id
    if ref.path:
        path = Path(ref.path)
        if not path.is_absolute() and base is not None:
            path = base / path
        if path.is_file():
            return path
    return None


def _load_ref(ref: BankRef, catalog: BankCatalog, base: Path | None) -> Bank:
    where = locate_ref(ref, catalog, base)
    if where is None:
        raise ElicitError(
            f"bank '{ref.id}' used by this session was not found; put its file in ./question_banks or "
            "your config folder's question_banks (see 'elicit banks list')"
        )
    try:
        return catalog.load(where)
    except FindingsError as error:
        raise ElicitError(f"bank '{ref.id}' used by this session has problems: {error.findings[0].format()}") from None
