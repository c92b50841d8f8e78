"""Stories grouped under the bank sections they came from: the hierarchy of the tool formats.

ReqIF, StrictDoc, Jira and Azure DevOps all want a tree: chapters or epics
holding stories. A story belongs to the section of its first source question
that the interview knows; stories with no such question go into one last
group of "Other stories". Sections without stories are left out. The order
is the banks' section order, then the session's story order within a group,
so the tree is the same on every export.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from elicit.core.session.participants import participant_label, person_named
from elicit.core.text import listed
from elicit.core.vocabulary import PRIORITY_LABELS

if TYPE_CHECKING:
    from elicit.core.session.engine import Interview
    from elicit.core.session.models import Session, Story

OTHER_TITLE = "Other stories"
OTHER_GOAL = "Stories that came from no question of the banks."


@dataclass(frozen=True)
class StoryGroup:
    """A bank section and the stories that came from it; ``id`` is empty for the "Other stories" group."""

    id: str
    title: str
    goal: str
    stories: tuple[Story, ...]


def story_groups(session: Session, interview: Interview, *, include_rejected: bool = True) -> list[StoryGroup]:
    """The stories under their sections, in bank order, "Other stories" last."""
    by_section: dict[str, list[Story]] = {}
    other: list[Story] = []
    for story in session.stories:
        if not include_rejected and story.status == "rejected":
            continue
        section_id = home_section(story, interview)
        if section_id is None:
            other.append(story)
        else:
            by_section.setdefault(section_id, []).append(story)
    groups = [
        StoryGroup(section.id, section.title, section.goal, tuple(by_section[section.id]))
        for section in interview.sections
        if section.id in by_section
    ]
    if other:
        groups.append(StoryGroup("", OTHER_TITLE, OTHER_GOAL, tuple(other)))
    return groups


def home_section(story: Story, interview: Interview) -> str | None:
    """The id of the section of the story's first source question the interview knows, or None."""
    section = interview.story_section(story)
    return section.id if section is not None else None


def source_lines(story: Story, interview: Interview) -> list[str]:
    """The story's source questions, each as "prompt (id)", or the id alone when the banks no longer have it."""
    return question_lines(story.source, interview)


def question_lines(question_ids: list[str], interview: Interview) -> list[str]:
    """Question ids (a story's, a decision's, an open question's sources) as "prompt (id)", or the id alone when
    the banks no longer have it."""
    lines = []
    for question_id in question_ids:
        question = interview.question(question_id)
        lines.append(f"{question.prompt} ({question_id})" if question is not None else question_id)
    return lines


def asked_by_line(story: Story, session: Session) -> str:
    """Who asked for the story, for the team's tools: "Said by: Ann Lee (owner)"; for a story several interviews
    told (a merge's ``copies``), each teller with the priority they gave: "Asked for by: Ann Lee (owner, Must)
    and Ben Cho (baker, Could)". "" when nobody is credited (trial6 T6-5: the tracker CSV, Jira, Azure DevOps
    and Gherkin exports said nothing of who wanted a story)."""
    how, who = askers(story, session)
    return f"{how}: {who}" if who else ""


def askers(story: Story, session: Session) -> tuple[str, str]:
    """(how, who) of :func:`asked_by_line`: ("Asked for by", the tellers with their priorities) for a story several
    interviews told, ("Said by", its speaker) for one, ("", "") when nobody is credited."""

    def who(name: str) -> str:
        return person_label(name, session)

    tellers = {(copy.by, copy.interview): copy for copy in story.copies if copy.by.strip()}
    if len(tellers) > 1:
        named = []
        for copy in tellers.values():
            label = who(copy.by)
            priority = PRIORITY_LABELS.get(copy.priority, copy.priority)
            named.append(f"{label[:-1]}, {priority})" if label.endswith(")") else f"{label} ({priority})")
        return "Asked for by", listed(named)
    return ("Said by", who(story.by)) if story.by.strip() else ("", "")


def person_label(name: str, session: Session) -> str:
    """A name as the spec credits people: the participant it names with their role, "Ann Lee (owner)"; a name that
    is nobody's ("the board") as written; "" for a blank one."""
    found = person_named(session.participants, name) if name.strip() else None
    return participant_label(found) if found is not None else name.strip()
