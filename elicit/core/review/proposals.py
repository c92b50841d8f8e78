"""Accepting or declining the client's proposed edits: every edit is taken or answered with a reason."""

from __future__ import annotations

from elicit.core.findings import ElicitError
from elicit.core.session.models import Proposal, Story
from elicit.core.session.service import SessionService
from elicit.core.stories.parse import parse_story
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


def accept(service: SessionService, proposal_id: str) -> Proposal:
    """Apply a proposal: a change rewords the story (earlier wording kept in its history) and marks it changed;
    a removal rejects it with the client's comment as the reason; a keep confirms it."""
    proposal = _open(service, proposal_id)
    story = service.session.story(proposal.story)
    if story is None:
        raise ElicitError(f"proposal {proposal.id} is about story {proposal.story}, which is no longer in the session")
    note = f"client review, proposal {proposal.id}"
    if proposal.change == "remove":
        service.reject_story(story.id, proposal.comment or f"removed by the client in review (proposal {proposal.id})")
    elif proposal.change == "change":
        service.update_story(story.id, note=note, status="changed", **proposed_values(story, proposal))
    else:
        service.update_story(story.id, note=note, status="confirmed")
    return service.settle_proposal(proposal.id, "accepted")


def decline(service: SessionService, proposal_id: str, reason: str) -> Proposal:
    """Keep the story as it is, recording why as a decision linked to the story."""
    if not reason.strip():
        raise ElicitError("say why the proposal is declined: the client gets a reason for every edit not taken (--reason TEXT)")
    proposal = _open(service, proposal_id)
    story = service.session.story(proposal.story)
    if story is None:
        raise ElicitError(f"proposal {proposal.id} is about story {proposal.story}, which is no longer in the session")
    known = {question.id for question in service.interview.questions}
    sources = [question_id for question_id in story.source if question_id in known or not known]
    service.add_decision(declined_text(story, proposal), reason.strip(), source=sources, stories=[story.id])
    return service.settle_proposal(proposal.id, "declined", reason)


def declined_text(story: Story, proposal: Proposal) -> str:
    """What the decision says was kept: 'US-003: kept "scan the shelf label" rather than "type the shelf number"'."""
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
