"""Accepting or declining the client's proposed edits: every edit is taken or answered with a reason."""

from __future__ import annotations

from elicit.core.findings import ElicitError
from elicit.core.session.models import Proposal, Session, Story
from elicit.core.session.service import SessionService
from elicit.core.stories.parse import UNPARSED_TAG, parse_story
from elicit.core.text import quoted
from elicit.core.vocabulary import PRIORITY_LABELS


def proposed_values(story: Story, proposal: Proposal) -> dict[str, object]:
    """The story fields the proposal would set (wording split into role, want, so that; the priority)."""
    values: dict[str, object] = {}
    wording = proposal.wording.strip()
    if wording:
        parsed = parse_story(wording)
        if parsed is not None and parsed.want:
            values.update(role=parsed.role or story.role, want=parsed.want, so_that=parsed.so_that)
        else:
            values["want"] = wording
    if proposal.priority:
        values["priority"] = proposal.priority
    return {name: value for name, value in values.items() if getattr(story, name) != value}


def needs_an_edit(session: Session, proposal: Proposal) -> bool:
    """Whether a change asks, in its comment only, for what elicit cannot apply by itself (a criterion to add, a
    condition), while the story is still as the client was sent it. Accepting it would mark the story changed
    with nothing changed, and the next spec would say "changed at your request" (trial4 T4-1)."""
    story = session.story(proposal.story)
    if proposal.status != "open" or proposal.change != "change" or not proposal.comment.strip() or story is None:
        return False
    if proposed_values(story, proposal):
        return False
    sent = next((copy for held in session.rounds if held.number == proposal.round for copy in held.stories if copy.id == story.id), None)
    return sent is None or _wording(sent) == _wording(story)


def _wording(story: Story) -> tuple[object, ...]:
    return (story.role, story.want, story.so_that, story.priority, story.acceptance, story.quote, story.tags)


def accept(service: SessionService, proposal_id: str) -> Proposal:
    """Apply a proposal: a change rewords the story (earlier wording kept in its history) and marks it changed;
    a removal rejects it with the client's comment as the reason; a keep confirms it; an add adds the client's
    story with the next id (:func:`new_story_values`), which the proposal then names. A change that only its
    comment describes is refused until the story has been edited to make it (:func:`needs_an_edit`)."""
    proposal = _open(service, proposal_id)
    if proposal.change == "add":
        role, want, values = new_story_values(proposal)
        added = service.add_story(role, want, **values)
        return service.settle_proposal(proposal.id, "accepted", story=added.id)
    story = service.session.story(proposal.story)
    if story is None:
        raise ElicitError(f"proposal {proposal.id} is about story {proposal.story}, which is no longer in the session")
    if needs_an_edit(service.session, proposal):
        raise ElicitError(
            f"{proposal.id} asks for a change only in its comment ({quoted(proposal.comment)}), which elicit cannot make by itself; "
            f"edit {story.id} to make it, then accept {proposal.id}, or decline it with the reason"
        )
    note = f"client review, proposal {proposal.id}"
    if proposal.change == "remove":
        service.reject_story(story.id, proposal.comment or f"removed by the client in review (proposal {proposal.id})")
    elif proposal.change == "change":
        service.update_story(story.id, note=note, status="changed", **proposed_values(story, proposal))
    else:
        service.update_story(story.id, note=note, status="confirmed")
    if proposal.change == "keep" or proposal.priority:
        _settle_priority_question(service, story.id, proposal)
    return service.settle_proposal(proposal.id, "accepted")


def _settle_priority_question(service: SessionService, story_id: str, proposal: Proposal) -> None:
    """The client's keep or priority on a story whose interviews gave it different priorities answers the merge's
    open question about it (trial6 T6-4: it stayed open, and the spec kept asking the client under their answer)."""
    from elicit.core.spec.exporters.spec_document import priority_question  # only a merged session has one

    question = priority_question(service.session, story_id)
    if question is not None and question.status != "resolved":
        how = "kept" if proposal.change == "keep" else "chosen"
        service.resolve_open_question(question.id, f"{how} by the client on {proposal.sheet_place()}")


def new_story_values(proposal: Proposal) -> tuple[str, str, dict[str, object]]:
    """(role, want, other fields) of the story an ``add`` proposes: its text read by the story parser (kept whole as
    the goal, tagged unparsed, when it is not a story), the client's priority and criteria, their text as the quote.
    Confirmed: the client wrote it. Credited to no participant: it came from the sheet, not the interview."""
    text = " ".join(proposal.wording.split())
    values: dict[str, object] = {"quote": text, "acceptance": list(proposal.acceptance), "status": "confirmed", "by": ""}
    if proposal.priority:
        values["priority"] = proposal.priority
    parsed = parse_story(text)
    if parsed is None or not parsed.want:
        return "", text, {**values, "tags": [UNPARSED_TAG]}
    return parsed.role, parsed.want, {**values, "so_that": parsed.so_that}


def decline(service: SessionService, proposal_id: str, reason: str) -> Proposal:
    """Keep the story as it is (or, for an ``add``, leave the new story out), recording why as a decision linked to the story."""
    if not reason.strip():
        raise ElicitError("say why the proposal is declined: the client gets a reason for every edit not taken (--reason TEXT)")
    proposal = _open(service, proposal_id)
    if proposal.change == "add":
        service.add_decision(declined_text(None, proposal), reason.strip(), by="")
        return service.settle_proposal(proposal.id, "declined", reason)
    story = service.session.story(proposal.story)
    if story is None:
        raise ElicitError(f"proposal {proposal.id} is about story {proposal.story}, which is no longer in the session")
    known = {question.id for question in service.interview.questions}
    sources = [question_id for question_id in story.source if question_id in known or not known]
    # the team's reply to the client, not something a participant said in the interview (trial4 T4-5)
    service.add_decision(declined_text(story, proposal), reason.strip(), source=sources, stories=[story.id], by="")
    return service.settle_proposal(proposal.id, "declined", reason)


def declined_text(story: Story | None, proposal: Proposal) -> str:
    """What the decision says was kept: 'US-003: kept "scan the shelf label" rather than "type the shelf number"'."""
    if story is None or proposal.change == "add":
        return f'not added: the client\'s new story "{" ".join(proposal.wording.split())}" (review sheet row {proposal.row})'
    proposed = proposed_values(story, proposal)
    if proposal.change == "remove":
        return f'{story.id}: kept the story rather than removing it ("{story.want}")'
    if "want" in proposed:
        return f'{story.id}: kept "{story.want}" rather than "{proposed["want"]}"'
    if "priority" in proposed:
        return f"{story.id}: kept priority {PRIORITY_LABELS[story.priority]} rather than {PRIORITY_LABELS[str(proposed['priority'])]}"
    if proposed:
        return f'{story.id}: kept the wording "{story.sentence()}"'
    return f"{story.id}: answered the client's comment without changing the story"


def _open(service: SessionService, proposal_id: str) -> Proposal:
    proposal = service.proposal(proposal_id)
    if proposal.status != "open":
        raise ElicitError(f"proposal {proposal.id} is already {proposal.status}")
    return proposal
