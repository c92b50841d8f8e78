"""The interviews being brought together: each session with its label, a short name and its questions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from elicit.core.banks import Bank, Question
from elicit.core.session import Session

SUFFIX = ".elicit.toml"


@dataclass(frozen=True)
class Source:
    """One interview: the session, how the user named it, and the questions of its banks."""

    label: str
    """The file as the user gave it (``interviews/owner.elicit.toml``): where a side of a conflict is."""
    session: Session
    questions: Mapping[str, Question] = field(default_factory=dict)
    name: str = ""
    """A short name, unique among the sources: the file name without ``.elicit.toml`` (``owner``)."""


def make_sources(items: Iterable[tuple[str, Session, Sequence[Bank]]]) -> list[Source]:
    """Sources from (label, session, banks), each named by its file name, made unique with -2, -3 ..."""
    sources: list[Source] = []
    taken: set[str] = set()
    for label, session, banks in items:
        name = short_name(label)
        unique, number = name, 1
        while unique in taken:
            number += 1
            unique = f"{name}-{number}"
        taken.add(unique)
        questions = {question.id: question for bank in banks for section in bank.sections for question in section.questions}
        sources.append(Source(label, session, questions, unique))
    return sources


def short_name(label: str) -> str:
    """``owner`` for ``interviews/owner.elicit.toml`` (``interview`` when nothing is left)."""
    base = label.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    for suffix in (SUFFIX, ".toml"):
        if base.lower().endswith(suffix):
            base = base[: -len(suffix)]
            break
    return base or "interview"


def speaker(session: Session, record: Any) -> str:
    """Who said ``record`` (an answer, a story, a decision ...): its ``by``, else the session's only participant, else ""."""
    said_by = getattr(record, "by", "") or ""
    if said_by:
        return str(said_by)
    if len(session.participants) == 1:
        return session.participants[0].name
    return ""
