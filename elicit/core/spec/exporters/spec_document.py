"""What goes into a people spec, for each audience: the one place that decides it.

:func:`build_document` turns a session into a :class:`~.document.Document`;
the Markdown and HTML exporters render that document and decide nothing
about content. The document is a title, a list of facts, and parts in the
order of :data:`PARTS`. Each part is made by one function taking the
:class:`SpecContext` and returning the part's blocks (an empty tuple leaves
the part out), and names the audiences it is for.

To add a part (a traceability table for the team, say): write a function
``def traceability(spec: SpecContext) -> tuple[Block, ...]`` that builds its
blocks from ``spec`` (``spec.session``, ``spec.interview``,
``spec.requirements`` ...), and add ``PartMaker("traceability", "Traceability",
TEAM, traceability)`` to :data:`PARTS` where it should appear.

*client*: what the client said and what we propose; never the consultant's
notes, revisit flags, lint findings, the app's cursor or question ids.
*team*: everything, with the full coverage and every uncovered question.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from elicit.core.session.answers import format_answer, has_value
from elicit.core.session.models import id_number, make_id
from elicit.core.session.participants import participant_label, person_named
from elicit.core.session.summary import SectionSummary, SessionSummary, summarise
from elicit.core.spec.exporters.document import (
    Anchor,
    Bar,
    BarChart,
    Block,
    BulletList,
    Document,
    Heading,
    Label,
    Line,
    Link,
    Paragraph,
    Part,
    Quote,
    Span,
    Strong,
    Table,
    Text,
    line,
)
from elicit.core.spec.exporters.options import DEFAULT_OPTIONS, ExportOptions
from elicit.core.text import listed, long_date
from elicit.core.vocabulary import PRIORITIES, STORY_STATUSES

if TYPE_CHECKING:
    from elicit.core.banks.models import Question, Section
    from elicit.core.session.engine import Interview
    from elicit.core.session.models import Answer, Decision, OpenQuestion, Proposal, Session, Story
    from elicit.core.stories import LintFinding

CLIENT = frozenset({"client"})
TEAM = frozenset({"team"})
BOTH = CLIENT | TEAM

REJECTED = "rejected"
PRIORITY_HEADINGS = {"must": "Must have", "should": "Should have", "could": "Could have", "wont": "Won't have this time"}
STATUS_WORDS = {
    "draft": "draft, not yet confirmed",
    "confirmed": "confirmed by the client",
    "changed": "changed with the client",
    "rejected": "rejected",
}
_ANCHOR_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")


def anchor_id(question_id: str) -> str:
    """The HTML id that links to a question in the team's notes or appendix."""
    return "q-" + _ANCHOR_UNSAFE.sub("-", question_id)


@dataclass
class SpecContext:
    """A session walked through its banks, with what every part needs worked out once."""

    session: Session
    interview: Interview
    audience: str
    requirements: list[Story] = field(default_factory=list)
    """Stories taken forward (every status but rejected), in session order."""
    rejected: list[Story] = field(default_factory=list)
    noted: list[Question] = field(default_factory=list)
    """Questions answered, skipped or flagged, in bank order."""
    uncovered: list[Question] = field(default_factory=list)
    """Questions that apply and are still open, in bank order."""
    other_answers: list[str] = field(default_factory=list)
    """Answers to questions the banks no longer have, by id."""
    anchors: dict[str, str] = field(default_factory=dict)
    declined: dict[str, Proposal] = field(default_factory=dict)
    """Decision id -> the client's proposal it declines."""
    accepted: dict[str, list[Proposal]] = field(default_factory=dict)
    """Story id -> the client's accepted proposals with a comment (a change or a keep) and the stories they added, oldest first."""
    figures: SessionSummary | None = None
    """The counts, from the one counter (``summarise``): every figure of the spec comes from here."""
    labels: dict[str, Span] = field(default_factory=dict)
    """Question id -> its :meth:`question_label`, made on first use (the anchors and the audience are set by then)."""
    sources: dict[tuple[str, ...], Paragraph] = field(default_factory=dict)
    """Source question ids -> their :meth:`source_line`, made on first use."""

    @property
    def counts(self) -> SessionSummary:
        """The figures, counted on first use."""
        if self.figures is None:
            self.figures = summarise(self.interview)
        return self.figures

    @classmethod
    def of(cls, session: Session, interview: Interview, audience: str) -> SpecContext:
        spec = cls(session, interview, audience)
        spec.requirements = [story for story in session.stories if story.status != REJECTED]
        spec.rejected = [story for story in session.stories if story.status == REJECTED]
        spec.noted, spec.uncovered = _noted_and_uncovered(session, interview)
        listed = {question.id for question in interview.questions}
        spec.other_answers = sorted(question_id for question_id in session.answers if question_id not in listed)
        spec.declined = declined_proposals(session.decisions, session.proposals)
        spec.accepted = accepted_with_comments(session.proposals)
        if spec.team:
            spec.anchors = _anchors(list(dict.fromkeys([q.id for q in spec.noted] + [q.id for q in spec.uncovered] + spec.other_answers)))
        return spec

    def speaker(self, name: str) -> str:
        """Who said something, as this audience reads it (:meth:`person`); "a participant" for a name the
        client edition cannot show. "" when nobody was credited."""
        if not name.strip():
            return ""
        return self.person(name, unknown="a participant")

    def person(self, name: str, unknown: str | None = None) -> str:
        """The one way a document names a person, on every line that credits one (said by, decided by, owner,
        asked for by): a participant as "Dr. Maria Okafor (practice owner)" (the team always; the client when the
        session's ``names_in_client_spec`` allows names), else by role only ("practice owner"), so one page never
        says "practice owner" beside "Dr. Okafor" (trial2 T10). A name that is no participant ("the board") stays
        as typed, or ``unknown`` where the client edition gives no names."""
        found = person_named(self.session.participants, name)
        names = self.team or self.session.settings.names_in_client_spec
        if found is None:
            return name.strip() if names or unknown is None else unknown
        return participant_label(found) if names else (found.role.strip() or (found.name if unknown is None else unknown))

    def interview_people(self, interview: str) -> str:
        """The people of a merged interview (``owner``, or ``merged/owner``) as this audience names them; "" when unknown."""
        found = next((item for item in self.session.merged_from if item.id == interview.split("/", 1)[0]), None)
        people = [self.speaker(name) for name in (found.participants if found is not None else []) if name.strip()]
        return " and ".join(dict.fromkeys(people))

    def in_client_words(self, text: str) -> str:
        """A merge's open question with each participant named as this audience reads them: the names it was written
        with ("4 of 5 (Dr. Maria Okafor)") become roles in the client's edition, as every other "said by" there."""
        if self.team or self.session.settings.names_in_client_spec:
            return text
        people = sorted((p for p in self.session.participants if p.name.strip()), key=lambda p: -len(p.name))

        def credited(match: re.Match[str]) -> str:
            inside = match.group(1)
            for person in people:
                inside = inside.replace(person.name, self.speaker(person.name))
            return f"({inside})"

        return re.sub(r"\(([^()]*)\)", credited, text)

    def answered_by(self, answer: Answer) -> list[Line]:
        """``Said by:`` for an answer; a merged answer several interviews gave alike credits each of them."""
        if answer.by.strip() or len(answer.interviews) < 2:
            return self.said_by(answer.by)
        names = [self.speaker(item.by) or self.interview_people(item.interview) for item in answer.interviews if has_value(item.value)]
        names = list(dict.fromkeys(name for name in names if name))
        if not names:
            return []
        return [line(Label("Said by:"), listed(names))]

    def said_by(self, name: str) -> list[Line]:
        """A ``Said by:`` line for ``name`` (none when nobody was credited)."""
        shown = self.speaker(name)
        return [line(Label("Said by:"), shown)] if shown else []

    @property
    def team(self) -> bool:
        """Whether the document is the team's (everything) rather than the client's."""
        return self.audience == "team"

    def section_title(self, section: Section | SectionSummary) -> str:
        return section.title.strip() or section.id

    def question_label(self, question_id: str) -> Span:
        """A question as its prompt; for the team, a link to it in the notes or appendix (one span per question,
        made once: 10,000 stories name a few hundred questions)."""
        label = self.labels.get(question_id)
        if label is None:
            label = self.labels[question_id] = self._question_label(question_id)
        return label

    def source_line(self, question_ids: tuple[str, ...]) -> Paragraph:
        """``Source: <question>; <question>``, one paragraph per set of questions (stories from one answer share it)."""
        found = self.sources.get(question_ids)
        if found is None:
            spans: list[Span] = [_SOURCE_LABEL]
            for index, question_id in enumerate(question_ids):
                spans += [_SOURCE_GAPS[index > 0], self.question_label(question_id)]
            found = self.sources[question_ids] = Paragraph((tuple(spans),))
        return found

    def _question_label(self, question_id: str) -> Span:
        question = self.interview.question(question_id)
        prompt = question.prompt.strip() if question is not None else ""
        if not self.team:
            return Text(prompt or "a question no longer in the banks")
        anchor = self.anchors.get(question_id)
        label = prompt or question_id
        return Link(label, anchor) if anchor else Text(label)


def accepted_with_comments(proposals: list[Proposal]) -> dict[str, list[Proposal]]:
    """Story id -> the accepted changes and keeps the client commented on, and the adds (with a comment or not), oldest first."""
    found: dict[str, list[Proposal]] = {}
    for proposal in proposals:
        if proposal.status == "accepted" and (proposal.change == "add" or proposal.change != "remove" and proposal.comment.strip()):
            found.setdefault(proposal.story, []).append(proposal)
    return found


def declined_proposals(decisions: list[Decision], proposals: list[Proposal]) -> dict[str, Proposal]:
    """Which decision records which declined proposal: the decision a decline adds is about the
    proposal's story and has its reason as the rationale (paired in order when several match)."""
    left = [proposal for proposal in proposals if proposal.status == "declined"]
    found: dict[str, Proposal] = {}
    for decision in decisions:
        for proposal in left:
            about = proposal.story in decision.stories if proposal.story else not decision.stories  # an add declined has no story
            if about and proposal.reason.strip() == decision.rationale.strip():
                found[decision.id] = proposal
                left.remove(proposal)
                break
    return found


def _noted_and_uncovered(session: Session, interview: Interview) -> tuple[list[Question], list[Question]]:
    """The questions with something recorded (the team's interview notes), and those that apply and are open
    (the appendix). Notes without an answer are in both: still open, and their notes are kept."""
    noted, uncovered = [], []
    for question in interview.questions:
        status = interview.status(question.id)
        if status != "open" or _has_notes(session, question.id):
            noted.append(question)
        if status == "open" and interview.applies(question.id):
            uncovered.append(question)
    return noted, uncovered


def _has_notes(session: Session, question_id: str) -> bool:
    answer = session.answers.get(question_id)
    return answer is not None and bool(answer.notes.strip())


def _anchors(question_ids: list[str]) -> dict[str, str]:
    anchors: dict[str, str] = {}
    taken: set[str] = set()
    for question_id in question_ids:
        anchor = anchor_id(question_id)
        number = 2
        while anchor in taken:
            anchor = f"{anchor_id(question_id)}-{number}"
            number += 1
        taken.add(anchor)
        anchors[question_id] = anchor
    return anchors


# The facts under the title ---------------------------------------------------------------


def facts(spec: SpecContext) -> tuple[tuple[str, Line], ...]:
    """Client, project, who ran it, when and for how long (and the banks, for the team)."""
    session = spec.session
    items: list[tuple[str, Line]] = [
        (label, line(value)) for label, value in (("Client", session.client), ("Project", session.project)) if value.strip()
    ]
    if session.interviewer.strip():
        items.append(("Interviewer", line(session.interviewer)))
    items.extend((label, line(text)) for label, text in when_facts(session.started_at, session.ended_at))
    duration = interview_duration(session)
    if duration:
        items.append(("Duration", line(duration)))
    if spec.team and session.banks:
        titles = {bank.id: bank.title for bank in spec.interview.banks}
        banks = [f"{titles.get(ref.id, '').strip() or ref.id} ({' '.join(p for p in (ref.id, ref.version) if p)})" for ref in session.banks]
        items.append(("Question banks", line(", ".join(banks))))
    return tuple(items)


def when_facts(started: datetime | None, ended: datetime | None) -> list[tuple[str, str]]:
    """Date, start and end, as people write them: ``31 January 2026``, ``09:30 (UTC+01:00)``."""
    result: list[tuple[str, str]] = []
    if started is not None:
        result.append(("Date", long_date(started)))
        result.append(("Start", clock_time(started)))
    if ended is not None:
        same_day = started is not None and started.date() == ended.date()
        result.append(("End", clock_time(ended) if same_day else f"{long_date(ended)}, {clock_time(ended)}"))
    return result


def clock_time(moment: datetime) -> str:
    text = f"{moment:%H:%M}"
    offset = moment.strftime("%z")
    if offset:
        text += " UTC" if offset == "+0000" else f" UTC{offset[:3]}:{offset[3:5]}"
    return text


def interview_duration(session: Session) -> str:
    """How long the interview took: the counted interview time, else end minus start."""
    seconds = session.interview_seconds
    if not seconds and session.started_at is not None and session.ended_at is not None:
        try:
            seconds = int((session.ended_at - session.started_at).total_seconds())
        except TypeError:  # one time with an offset, one without: no honest difference
            return ""
    return spoken_duration(seconds) if seconds > 0 else ""


def spoken_duration(seconds: int) -> str:
    """``1 h 35 min``, ``25 min``, ``under a minute``."""
    minutes = round(seconds / 60)
    if minutes < 1:
        return "under a minute"
    hours, minutes = divmod(minutes, 60)
    if hours and minutes:
        return f"{hours} h {minutes} min"
    return f"{hours} h" if hours else f"{minutes} min"


# Parts -----------------------------------------------------------------------------------


def summary(spec: SpecContext) -> tuple[Block, ...]:
    figures = spec.counts
    counts = {p: figures.taken_forward_by_priority.get(p, 0) for p in PRIORITIES}
    stories = f"{figures.taken_forward} (" + ", ".join(f"{PRIORITY_HEADINGS[p].split()[0]} {n}" for p, n in counts.items()) + ")"
    items: list[Line] = [line(Strong("Stories:"), stories)]
    if figures.rejected:
        items.append(line(Strong("Not taken forward:"), str(figures.rejected)))
    items.append(line(Strong("Coverage:"), coverage_sentence(spec)))
    if spec.team:
        items.append(line(Strong("Required questions still open:"), str(figures.required_open)))
    items.append(
        line(
            Strong("Open questions:"),
            f"{figures.open_questions} · ",
            Strong("Decisions:"),
            f"{figures.decisions} · ",
            Strong("Assumptions:"),
            str(figures.assumptions),
        )
    )
    blocks: list[Block] = [BulletList(tuple((item,) for item in items))]
    if not spec.team:
        return tuple(blocks)  # the client's charts come after the stories (in_figures)
    blocks.append(priority_chart(spec, counts))
    if figures.stories:
        blocks.append(review_table(spec))
    chart = coverage_chart(spec)
    if chart is not None:
        blocks.append(chart)
    table = coverage_table(spec)
    if table is not None:
        blocks.append(table)
    return tuple(blocks)


def in_figures(spec: SpecContext) -> tuple[Block, ...]:
    """The client's charts (stories per priority, questions answered per section), after everything they said.

    In the summary they filled two to three phone screens before the first story
    (trial F8f); the summary's lines already give the same figures in words.
    """
    counts = {p: spec.counts.taken_forward_by_priority.get(p, 0) for p in PRIORITIES}
    chart = coverage_chart(spec)
    return (priority_chart(spec, counts),) + ((chart,) if chart is not None else ())


def coverage_sentence(spec: SpecContext) -> str:
    figures = spec.counts
    if not spec.team:
        return f"{figures.told} of {figures.questions} questions answered so far"
    return (
        f"{figures.done} of {figures.questions} questions done ({figures.percent}%): "
        f"{figures.answered} answered, {figures.skipped} skipped, {figures.revisit} to revisit, {figures.open} open"
    )


def priority_chart(spec: SpecContext, counts: dict[str, int]) -> BarChart:
    total = spec.counts.taken_forward
    bars = tuple(Bar(PRIORITY_HEADINGS[p], n, total, str(n)) for p, n in counts.items())
    return BarChart("Stories per priority", "Priority", "Stories", bars, in_text=not spec.team)


def review_table(spec: SpecContext) -> Table:
    figures = spec.counts
    rows: list[tuple[Line, ...]] = []
    for priority in PRIORITIES:
        row = figures.stories_by_priority_and_status.get(priority, {})
        cells = [PRIORITY_HEADINGS[priority], str(figures.stories_by_priority.get(priority, 0))] + [
            str(row.get(st, 0)) for st in STORY_STATUSES
        ]
        rows.append(tuple(line(cell) for cell in cells))
    totals = ["Total", str(figures.stories)] + [str(figures.stories_by_status.get(st, 0)) for st in STORY_STATUSES]
    rows.append(tuple(line(cell) for cell in totals))
    headers = ("Priority", "Stories") + tuple(s.capitalize() for s in STORY_STATUSES)
    return Table(headers, tuple(rows), numeric_from=1, caption="Stories by priority and review status")


def answered_in(spec: SpecContext, item: SectionSummary) -> int:
    """A section's questions answered as this audience reads them: the client counts every answer the spec
    lists them (one flagged to revisit too), the team the answered column beside skipped and revisit."""
    return item.answered if spec.team else item.told


def coverage_chart(spec: SpecContext) -> BarChart | None:
    bars = [
        Bar(spec.section_title(item), answered_in(spec, item), item.questions, f"{answered_in(spec, item)} of {item.questions}")
        for item in spec.counts.sections
        if item.questions
    ]
    if not bars:
        return None
    return BarChart("Questions answered per section", "Section", "Questions answered", tuple(bars), in_text=not spec.team)


def coverage_table(spec: SpecContext) -> Table | None:
    rows: list[tuple[Line, ...]] = []
    for item in spec.counts.sections:
        if item.questions:
            cells = [f"{item.answered}/{item.questions}", str(item.skipped), str(item.revisit), str(item.open), str(item.required_open)]
            rows.append((line(spec.section_title(item)),) + tuple(line(cell) for cell in cells))
    if not rows:
        return None
    headers = ("Section", "Answered", "Skipped", "Revisit", "Open", "Required open")
    return Table(headers, tuple(rows), numeric_from=1, caption="Full coverage")


def participants(spec: SpecContext) -> tuple[Block, ...]:
    people = spec.session.participants
    if not people:
        return ()
    rows = tuple((line(p.name), line(p.role)) for p in people)
    return (Table(("Name", "Role"), rows),)


def stories(spec: SpecContext) -> tuple[Block, ...]:
    if not spec.requirements:
        return (Paragraph((line("No stories yet."),)),)
    findings = _findings(spec) if spec.team else {}
    blocks: list[Block] = []
    for priority in PRIORITIES:
        group = [story for story in spec.requirements if story.priority == priority]
        if group:
            blocks.append(Heading(3, line(f"{PRIORITY_HEADINGS[priority]} ({len(group)})")))
            for story in group:
                blocks.extend(story_blocks(spec, story, findings.get(story.id, [])))
    return tuple(blocks)


def _findings(spec: SpecContext) -> dict[str, list[LintFinding]]:
    from elicit.core.stories import lint_stories

    found: dict[str, list[LintFinding]] = {}
    for finding in lint_stories(spec.session.stories):
        found.setdefault(finding.story_id, []).append(finding)
    return found


def story_heading(story: Story, level: int = 4) -> Heading:
    return Heading(level, line(f"{story.id} · {story.sentence()}"))


# The blocks and spans every story's entry shares (they are immutable, so one of each serves all 10,000 stories of
# a big session, and a renderer that meets the same block again reuses what it wrote: issue 18).
_STATUS_LABEL = Label("Status:")
_CRITERIA = Paragraph((line(Label("Acceptance criteria:")),))
_NO_CRITERIA = Paragraph((line(Label("Acceptance criteria:"), "none yet."),))
_SOURCE_LABEL = Label("Source:")
_SOURCE_GAPS = (Text(""), Text("; "))
_STATUS_LINES: dict[str, Paragraph] = {}
"""A story's status line by status, without tags (made on first use)."""


def status_line(status: str) -> Paragraph:
    """``Status: draft, not yet confirmed``: one paragraph per status, shared by every story of that status."""
    found = _STATUS_LINES.get(status)
    if found is None:
        found = _STATUS_LINES[status] = Paragraph(((_STATUS_LABEL, Text(STATUS_WORDS.get(status, status))),))
    return found


def story_blocks(spec: SpecContext, story: Story, findings: list[LintFinding]) -> list[Block]:
    if spec.team and story.tags:
        facts = status_line(story.status).lines[0] + (Text(" · "), Label("Tags:"), Text(", ".join(tag.strip() for tag in story.tags)))
        blocks: list[Block] = [story_heading(story), Paragraph((facts,))]
    else:
        blocks = [story_heading(story), status_line(story.status)]
    blocks.extend(Paragraph((request_line(spec, proposal),)) for proposal in spec.accepted.get(story.id, []))
    if story.acceptance:
        blocks.append(_CRITERIA)
        blocks.append(BulletList(tuple((line(Text(item, lines=True)),) for item in story.acceptance), checkboxes=True))
    else:
        blocks.append(_NO_CRITERIA)
    blocks.extend(told_by(spec, story))
    if story.source:
        blocks.append(spec.source_line(tuple(story.source)))
    if findings:
        blocks.append(Paragraph((line(Label("Quality:")),)))
        items = tuple((line(f"{f.message} ({f.code})"), line(Label("Suggestion:"), f.suggestion)) for f in findings)
        blocks.append(BulletList(items))
    return blocks


def told_by(spec: SpecContext, story: Story) -> list[Block]:
    """The client's words and who said them; for a story several interviews told (a merge's ``copies``), every
    teller with their words and the priority each gave, and how a difference was settled (trial2 T26: the spec
    credited the first teller only)."""
    if len({(copy.by, copy.interview) for copy in story.copies}) < 2:
        blocks: list[Block] = [Quote(story.quote)] if story.quote.strip() else []
        said = spec.said_by(story.by)
        return blocks + ([Paragraph(tuple(said))] if said else [])
    blocks = []
    tellers: list[str] = []
    for copy in story.copies:
        who = spec.speaker(copy.by) or spec.interview_people(copy.interview) or "a participant"
        if copy.quote.strip():
            blocks += [Quote(copy.quote), Paragraph((line(Label("Said by:"), who),))]
        tellers.append(f"{who} ({PRIORITY_HEADINGS.get(copy.priority, copy.priority)})")
    asked = line(Label("Asked for by:"), listed(tellers) + ".")
    blocks.append(Paragraph((asked,)))
    if len({copy.priority for copy in story.copies}) > 1:
        blocks.append(Paragraph((line(Text(priorities_settled(spec, story), lines=True)),)))
    return blocks


def priority_question(session: Session, story_id: str) -> OpenQuestion | None:
    """The open question a merge asked about a story the interviews gave different priorities (``kind`` "priority",
    naming the story), if it did."""
    return next((q for q in session.open_questions if q.kind == "priority" and story_id in q.stories and q.id in session.conflicts), None)


def priorities_settled(spec: SpecContext, story: Story) -> str:
    """How a merged story's differing priorities stand: open (the merge's open question), or settled."""
    question = priority_question(spec.session, story.id)
    listed = PRIORITY_HEADINGS.get(story.priority, story.priority)
    if question is None:
        return f"The priorities differed; listed under {listed}."
    if question.status == "resolved":
        resolution = question.resolution.strip()
        return f"The priorities differed; settled as {listed}" + (f": {resolution}" if resolution else ".")
    return f"The priorities differ; listed under {listed} until you tell us which it is ({question.id})."


def request_line(spec: SpecContext, proposal: Proposal) -> Line:
    """The client's comment on an edit we took: 'Changed at your request: ...' (the team sees the proposal id);
    a story the client added: 'Added at your request: from the review sheet of round 1, row 7. Your comment: ...'."""
    if proposal.change == "add":
        label = f"Added at the client's request ({proposal.id}):" if spec.team else "Added at your request:"
        commented = bool(proposal.comment.strip())
        spans: list[Span] = [Label(label), Text(f"from {proposal.sheet_place()}." + (" " if commented else ""))]
        if commented:
            spans += [Label("Client's comment:" if spec.team else "Your comment:"), Text(proposal.comment, lines=True)]
        return tuple(spans)
    changed = proposal.change == "change"
    if spec.team:
        label = f"Changed at the client's request ({proposal.id}):" if changed else f"Client's comment ({proposal.id}):"
    else:
        label = "Changed at your request:" if changed else "Your comment:"
    return line(Label(label), Text(proposal.comment, lines=True))


def not_taken_forward(spec: SpecContext) -> tuple[Block, ...]:
    if not spec.rejected:
        return ()
    blocks: list[Block] = [Paragraph((line("Stories discussed and then rejected by the client, with the reason given."),))]
    # Grouped under a heading as the stories taken forward are under their priority, so a rejected story's
    # title is no bigger than a taken one's (it was ###, the boldest story on the page: trial F8a).
    blocks.append(Heading(3, line(f"Rejected by the client ({len(spec.rejected)})")))
    for story in spec.rejected:
        blocks.append(story_heading(story))
        if story.reason.strip():
            blocks.append(Paragraph((line(Label("Reason:"), Text(story.reason, lines=True)),)))
        else:
            blocks.append(Paragraph((line(Label("Reason:"), "none recorded."),)))
        if story.quote.strip():
            blocks.append(Quote(story.quote))
        if spec.said_by(story.by):
            blocks.append(Paragraph(tuple(spec.said_by(story.by))))
    return tuple(blocks)


def decisions(spec: SpecContext) -> tuple[Block, ...]:
    items = []
    for decision in spec.session.decisions:
        proposal = None if spec.team else spec.declined.get(decision.id)
        if proposal is not None:
            lines = declined_lines(spec, decision, proposal)
        else:
            lines = [line(Text(decision.id), " · ", Text(decision.text, lines=True))]
            if decision.rationale.strip():
                lines.append(line(Label("Why:"), Text(decision.rationale, lines=True)))
        declined = spec.declined.get(decision.id)
        if declined is not None:
            lines += since_then(spec, declined)
        if decision.decided_by.strip():
            lines.append(line(Label("Decided by:"), spec.person(decision.decided_by)))
        lines += spec.said_by(decision.by)
        lines += unsettled(spec.session, decision.id)
        items.append(tuple(lines))
    return _list_or_none(items) + _withdrawn(spec, "D", [decision.id for decision in spec.session.decisions])


def unsettled(session: Session, decision_id: str) -> list[Line]:
    """A merged decision another interview's decision or answer questions: 'Not settled: ... (OQ-012)' while the
    merge's open question about it is open (trial6 T6-10: two decisions on one question both stood, silently)."""
    asked = [q.id for q in session.open_questions if decision_id in q.decisions and q.id in session.conflicts and q.status == "open"]
    if not asked:
        return []
    return [line(Label("Not settled:"), Text(f"the interviews differ on it; see the open question {listed(asked)}."))]


def since_then(spec: SpecContext, declined: Proposal) -> list[Line]:
    """A declined proposal whose story a later proposal of the client's changed: say so, so that "we kept it where it
    was" does not contradict the story as the spec lists it (trial4 T4-9: D-002 said US-002 stays a Must beside it
    as a Won't)."""
    proposals = spec.session.proposals
    after = proposals[next((at for at, item in enumerate(proposals) if item is declined), len(proposals)) + 1 :]
    later = next((item for item in reversed(after) if item.story == declined.story and item.status == "accepted"), None)
    story = spec.session.story(declined.story)
    if later is None or story is None or later.change not in ("change", "remove"):
        return []
    asked = f"at the client's request ({later.id}, {later.sheet_place()})" if spec.team else f"at your request ({later.sheet_place()})"
    if later.change == "remove":
        return [line(Label("Since then:"), Text(f"{story.id} was removed {asked}."))]
    where = PRIORITY_HEADINGS.get(story.priority, story.priority)
    return [line(Label("Since then:"), Text(f"{story.id} was changed {asked}; it now reads as listed under {where}."))]


def declined_lines(spec: SpecContext, decision: Decision, proposal: Proposal) -> list[Line]:
    """A declined proposal told to the client: 'You asked us to remove US-007 (...); we kept it. Our reason: ...'."""
    story = spec.session.story(proposal.story)
    about = f"{proposal.story} ({story.want.strip()})" if story is not None and story.want.strip() else proposal.story
    wording, priority = proposal.wording.strip(), PRIORITY_HEADINGS.get(proposal.priority, "")
    if proposal.change == "add":
        asked, kept = f'You asked us to add the story "{" ".join(wording.split())}" ({proposal.sheet_place()})', "we did not add it"
    elif proposal.change == "remove":
        asked, kept = f"You asked us to remove {about}", "we kept it"
    elif proposal.change == "change" and wording:
        asked = f'You asked us to reword {proposal.story} as "{wording}"' + (f" and move it to {priority}" if priority else "")
        kept = "we kept it as it was"
    elif proposal.change == "change" and priority:
        asked, kept = f"You asked us to move {about} to {priority}", "we kept it where it was"
    elif proposal.change == "change":
        asked, kept = f"You asked us to change {about}", "we kept it as it was"
    else:
        asked, kept = f"You commented on {about}", "we kept it as it is"
    reason = decision.rationale.strip()
    head = [Text(decision.id), Text(" · "), Text(f"{asked}; {kept}.")]
    if reason:  # the reason as written: lower-casing its first word would change names ("Maria ...")
        head += [Text(" Our reason: "), Text(reason, lines=True), Text("" if reason[-1] in ".!?" else ".")]
    lines: list[Line] = [line(*head)]
    if proposal.comment.strip():
        lines.append(line(Label("Your comment:"), Text(proposal.comment, lines=True)))
    return lines


def open_questions(spec: SpecContext) -> tuple[Block, ...]:
    items = []
    for item in spec.session.open_questions:
        head: list[Span] = [Text(item.id), Text(f" · {item.status}")]
        if item.owner.strip():
            head += [Text(" · "), Label("Owner:"), Text(spec.person(item.owner))]
        text = spec.in_client_words(item.text) if item.id in spec.session.conflicts else item.text
        lines = [tuple(head), line(Text(text, lines=True))]
        if item.resolution.strip():
            lines.append(line(Label("Resolution:"), Text(item.resolution, lines=True)))
        lines += spec.said_by(item.by)
        items.append(tuple(lines))
    return _list_or_none(items) + _withdrawn(spec, "OQ", [item.id for item in spec.session.open_questions])


def assumptions(spec: SpecContext) -> tuple[Block, ...]:
    items = []
    for assumption in spec.session.assumptions:
        lines = [line(Text(assumption.id), " · ", Text(assumption.text, lines=True))]
        if assumption.rationale.strip():
            lines.append(line(Label("Why:"), Text(assumption.rationale, lines=True)))
        lines += spec.said_by(assumption.by)
        items.append(tuple(lines))
    return _list_or_none(items) + _withdrawn(spec, "A", [assumption.id for assumption in spec.session.assumptions])


def _withdrawn(spec: SpecContext, prefix: str, ids: list[str]) -> tuple[Block, ...]:
    """For the client, one line naming the numbers missing from a list (``D-002 is not listed: it was withdrawn.``).

    A deleted decision leaves a gap (D-001, D-003) a client asks about (trial F14). The ids
    themselves stay: review rounds, diffs, the TOML spec and the command line name records by them.
    """
    numbers = {id_number(prefix, item) for item in ids} - {0}
    missing = [make_id(prefix, number) for number in range(1, max(numbers, default=0)) if number not in numbers]
    if spec.team or not missing:
        return ()
    names = ", ".join(missing[:-1]) + (" and " if len(missing) > 1 else "") + missing[-1]
    verb = "is not listed: it was" if len(missing) == 1 else "are not listed: they were"
    return (Paragraph((line(f"{names} {verb} withdrawn."),)),)


def _list_or_none(items: list[tuple[Line, ...]]) -> tuple[Block, ...]:
    return (BulletList(tuple(items)),) if items else (Paragraph((line("None."),)),)


def glossary(spec: SpecContext) -> tuple[Block, ...]:
    terms = spec.session.glossary
    if not terms:
        return ()
    return (Table(("Term", "Definition"), tuple((line(t.term), line(t.definition)) for t in terms)),)


def answer_lines(spec: SpecContext, question: Question, answer: Answer) -> list[Line]:
    """An answer and who gave it. A merged answer the interviews gave in different words (free texts joined by the
    merge, which name each speaker and interview) is each interview's own words after who said them, so that the
    client reads people, never file names (trial2 T16)."""
    given = [item for item in answer.interviews if item.status != "skipped" and has_value(item.value)]
    if len({format_answer(question, item.value) for item in given}) > 1:
        return [
            line(
                Label("Answer:"),
                Text(format_answer(question, item.value), lines=True),
                Text(f" ({spec.speaker(item.by) or spec.interview_people(item.interview) or 'a participant'})"),
            )
            for item in given
        ]
    return [line(Label("Answer:"), Text(format_answer(question, answer.value), lines=True)), *spec.answered_by(answer)]


def _answered_apart(session: Session, question_id: str) -> bool:
    """A merged answer left without a value because its interviews answered it differently (a scale 3 and 4,
    yes and no): what each of them said is still what the client told us (trial6 T6-3: both were left out)."""
    answer = session.answers.get(question_id)
    return answer is not None and sum(item.status != "skipped" and has_value(item.value) for item in answer.interviews) > 1


def client_answers(spec: SpecContext) -> tuple[Block, ...]:
    """What the client said, question by question: answers only, no notes or flags."""
    blocks: list[Block] = []
    for section in spec.interview.sections:
        items = []
        for question in section.questions:
            if not spec.interview.applies(question.id):
                continue
            if not spec.interview.has_answer(question.id) and not _answered_apart(spec.session, question.id):
                continue
            answer = spec.session.answers[question.id]
            items.append((line(question.prompt.strip() or "Question"), *answer_lines(spec, question, answer)))
        if items:
            blocks += [Heading(3, line(spec.section_title(section))), BulletList(tuple(items))]
    return tuple(blocks)


def interview_notes(spec: SpecContext) -> tuple[Block, ...]:
    """Every answer with the consultant's notes, flags and what no longer applies."""
    if not spec.noted and not spec.other_answers:
        return (Paragraph((line("Nothing recorded yet."),)),)
    blocks: list[Block] = []
    for section in spec.interview.sections:
        questions = [q for q in spec.noted if q.section_id == section.id]
        if not questions:
            continue
        blocks.append(Heading(3, line(spec.section_title(section))))
        if section.goal.strip():
            blocks.append(Paragraph((line(Label("Goal:"), section.goal),)))
        blocks.append(BulletList(tuple(_noted_item(spec, q.id, q.prompt.strip() or q.id, q) for q in questions)))
    if spec.other_answers:
        blocks.append(Heading(3, line("Other answers")))
        blocks.append(Paragraph((line("Answers kept for questions that the session's banks no longer have."),)))
        blocks.append(BulletList(tuple(_noted_item(spec, qid, qid, None) for qid in spec.other_answers)))
    return tuple(blocks)


STATUS_NOTES = {"skipped": "Skipped.", "revisit": "Flagged to revisit.", "open": "Still open: notes only, no answer yet."}


def _noted_item(spec: SpecContext, question_id: str, label: str, question: Question | None) -> tuple[Line, ...]:
    answer = spec.session.answers[question_id]
    lines: list[Line] = [line(Anchor(spec.anchors[question_id]), label)]
    value = format_answer(question, answer.value) if answer.value is not None else ""
    if value.strip():
        lines.append(line(Label("Answer:"), Text(value, lines=True)))
        lines += spec.said_by(answer.by)
    if answer.notes.strip():
        lines.append(line(Label("Notes:"), Text(answer.notes, lines=True)))
    status = spec.interview.status(question_id)
    if status in STATUS_NOTES:
        lines.append(line(Label(STATUS_NOTES[status])))
    if question is not None and not spec.interview.applies(question_id):
        lines.append(line(Label("No longer applies with the answers given.")))
    return tuple(lines)


def not_yet_discussed(spec: SpecContext) -> tuple[Block, ...]:
    """The areas with nothing answered yet: section titles only."""
    titles = []
    for item in spec.counts.sections:
        if item.questions and not answered_in(spec, item):
            titles.append((line(spec.section_title(item)),))
    if not titles:
        return ()
    intro = Paragraph((line("These areas have not been discussed yet; we will cover them in a later conversation."),))
    return (intro, BulletList(tuple(titles)))


def appendix(spec: SpecContext) -> tuple[Block, ...]:
    """Every question that applies and is still open, by section."""
    if not spec.uncovered:
        return (Paragraph((line("Every question that applies has been answered or skipped."),)),)
    blocks: list[Block] = []
    for section in spec.interview.sections:
        questions = [q for q in spec.uncovered if q.section_id == section.id]
        if not questions:
            continue
        items = []
        for question in questions:
            noted = _has_notes(spec.session, question.id)  # its anchor is on its notes, above
            spans: list[Span] = [] if noted else [Anchor(spec.anchors[question.id])]
            spans.append(Text(question.prompt.strip() or question.id))
            if question.required:
                spans += [Text(" "), Label("(required)")]
            if noted:
                spans += [Text(" "), Label("(notes taken)")]
            items.append((tuple(spans),))
        blocks += [Heading(3, line(spec.section_title(section))), BulletList(tuple(items))]
    return tuple(blocks)


# The document ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PartMaker:
    """One part of the spec: its anchor id, its title, who it is for, and the function making its blocks."""

    id: str
    title: str
    audiences: frozenset[str]
    make: Callable[[SpecContext], tuple[Block, ...]]
    new_page: bool = False
    """Printed on a new page (a major section)."""


def traceability(spec: SpecContext) -> tuple[Block, ...]:
    """Question -> story -> acceptance criterion -> Gherkin scenario: the rows of ``elicit export --format trace``."""
    from elicit.core.spec.exporters.trace import trace_rows  # the team's part only: a client spec never loads trace, Gherkin, csv
    rows = tuple(
        (
            line(f"{row.question} ({row.question_id})" if row.question else row.question_id or "—"),
            line(f"{row.story_id}: {row.story}"),
            line(row.criterion or "—"),
            line(row.scenario or "—"),
        )
        for row in trace_rows(spec.session, spec.interview)
    )
    if not rows:
        return ()
    headers = ("Question", "Story", "Acceptance criterion", "Gherkin scenario")
    return (Table(headers, rows, caption="Each row links a question to a story, one of its criteria and its Gherkin scenario"),)


PARTS: tuple[PartMaker, ...] = (
    PartMaker("summary", "Summary", BOTH, summary),
    PartMaker("participants", "Participants", BOTH, participants),
    PartMaker("stories", "Stories", BOTH, stories, new_page=True),
    PartMaker("not-taken-forward", "Not taken forward", BOTH, not_taken_forward),
    PartMaker("decisions", "Decisions", BOTH, decisions, new_page=True),
    PartMaker("open-questions", "Open questions", BOTH, open_questions),
    PartMaker("assumptions", "Assumptions", BOTH, assumptions),
    PartMaker("glossary", "Glossary", BOTH, glossary),
    PartMaker("what-you-told-us", "What you told us", CLIENT, client_answers, new_page=True),
    PartMaker("not-yet-discussed", "Not yet discussed", CLIENT, not_yet_discussed),
    PartMaker("in-figures", "In figures", CLIENT, in_figures),
    PartMaker("interview-notes", "Interview notes", TEAM, interview_notes, new_page=True),
    PartMaker("traceability", "Traceability", TEAM, traceability, new_page=True),
    PartMaker("appendix", "Appendix: questions not covered", TEAM, appendix, new_page=True),
)
"""The parts of a spec, in order, each for its audiences."""

SUBTITLES = {
    "client": "Draft specification from our interview, for your review.",
    "client-merged": "Draft specification from our interviews, for your review.",
    "team": "Draft specification from an elicit interview (team edition: notes, coverage and quality).",
}


def build_document(session: Session, interview: Interview, audience: str = "client") -> Document:
    """The spec for an audience (``client`` or ``team``) as a document to render."""
    spec = SpecContext.of(session, interview, audience)
    parts = []
    for maker in PARTS:
        if audience not in maker.audiences:
            continue
        blocks = maker.make(spec)
        if blocks:
            parts.append(Part(maker.id, maker.title, blocks, maker.new_page))
    return Document(
        title=session.title.strip() or "Interview",
        subtitle=SUBTITLES["client-merged" if audience == "client" and len(session.merged_from) > 1 else audience],
        facts=facts(spec),
        parts=tuple(parts),
        audience=audience,
    )


@dataclass(frozen=True)
class PeopleExporter:
    """A spec for people (Markdown, HTML): the document for the chosen audience, written by ``write`` into ``spec<suffix>``."""

    name: str
    title: str
    suffix: str
    write: Callable[[Document], str]
    multi_file: bool = False
    generated_line: str = ""
    people: bool = True

    def render(self, session: Session, interview: Interview, options: ExportOptions = DEFAULT_OPTIONS) -> dict[str, str]:
        """The spec as one document."""
        return {f"spec{self.suffix}": self.write(build_document(session, interview, options.audience))}
