"""Suspect stories: a story whose source answer changed after the story was last changed or confirmed.

When a story is added, edited or confirmed, the service records a digest of
each of its source answers (:attr:`Story.basis`). A source answer whose value
no longer matches its digest makes the story doubtful until someone looks at
it again: editing or confirming the story records the answers afresh.
"""

from __future__ import annotations

from typing import Any

from elicit.core.files.digest import sha256_hex
from elicit.core.session.models import Session, Story


def answer_digest(value: Any) -> str:
    """A short digest of an answer's value (None: no answer)."""
    import json  # only when a story's answers are digested: elicit answer changes no story and loads no json

    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return sha256_hex(text.encode("utf-8", "surrogatepass"))[:16]


def answer_basis(session: Session, story: Story) -> dict[str, str]:
    """Digests of the current values of the story's source answers."""
    basis = {}
    for question_id in story.source:
        answer = session.answers.get(question_id)
        basis[question_id] = answer_digest(answer.value if answer is not None else None)
    return basis


def changed_sources(session: Session, story: Story, known: dict[str, str] | None = None) -> list[str]:
    """The source questions whose answer changed since the story was last changed or confirmed.

    ``known``: digests of answers already worked out (question id -> digest), filled in as they are made; stories
    looked at together share it, so each answer is digested once however many stories it is the source of (a
    keystroke in an answer that 50 stories come from made 50 digests of it).
    """
    if not story.basis:
        return []
    digests = {} if known is None else known
    changed = []
    for question_id, digest in story.basis.items():
        if question_id not in story.source:
            continue  # a source taken off the story: no longer a reason to doubt it
        current = digests.get(question_id)
        if current is None:
            answer = session.answers.get(question_id)
            current = digests[question_id] = answer_digest(answer.value if answer is not None else None)
        if current != digest:
            changed.append(question_id)
    return changed


def suspect_stories(session: Session, stories: list[Story] | None = None) -> dict[str, list[str]]:
    """Story id -> the source questions that changed under it, for every suspect story (rejected ones aside).

    ``stories`` limits the look to some of the session's stories (those on screen).
    """
    suspects = {}
    known: dict[str, str] = {}
    for story in session.stories if stories is None else stories:
        if story.status == "rejected":
            continue
        changed = changed_sources(session, story, known)
        if changed:
            suspects[story.id] = changed
    return suspects


def suspect_reason(story: Story) -> str:
    """Why a suspect story is doubtful, in a few words for a list: "its answer changed after it was confirmed"."""
    if story.status == "confirmed":
        when = "it was confirmed"
    elif story.status == "changed" or story.history:
        when = "it was last changed"
    else:
        when = "it was written"
    return f"its answer changed after {when}"
