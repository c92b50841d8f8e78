"""The kind of a question ``elicit merge`` asked, for a file an older elicit wrote without its ``kind``.

A merge's open questions carry ``kind`` (what the conflict is about) and
``stories`` (the stories it names), so code finds the question about a story's
priorities by key. Files written before those keys read as they did: a question
among the session's ``conflicts`` with no ``kind`` gets the kind its wording
tells (the merge's wording has been the same since it was written), the
priority question its story; saving writes the keys. This is the only place
that reads a merge question's wording.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from elicit.core.session.models import Session

_PRIORITY = re.compile(r'How important is (\S+), "')
_WORDINGS = (
    ("need", re.compile(r"Two stories ask for the same thing\b")),
    ("opposite", re.compile(r"Two stories ask for opposite things: ")),
    ("decisions", re.compile(r"Two decisions that cannot both hold: ")),
    ("same-question", re.compile(r"The interviews took different decisions on ")),
    ("decision", re.compile(r'The decision ".*" \(.*\) does not fit another answer to ', re.DOTALL)),
    ("text", re.compile(r" The answers say opposite things: .*Which holds\?$", re.DOTALL)),
    ("answers", re.compile(r" The answers differ: .*Which should we go by\?$", re.DOTALL)),
    ("terms", re.compile(r'Are ".*" \(.*\) and ".*" \(.*\) one and the same\?', re.DOTALL)),
)


def known_kinds(session: Session) -> None:
    """Give each conflict question of ``session`` without a ``kind`` the one its wording tells (and the priority
    question its story); a question whose wording tells nothing (edited by hand) keeps none."""
    conflicts = set(session.conflicts)
    for item in session.open_questions:
        if item.id in conflicts and not item.kind:
            item.kind, stories = older_kind(item.text)
            item.stories = item.stories or stories


def older_kind(text: str) -> tuple[str, list[str]]:
    """The kind an older merge's question has by its wording, and the stories it names ("", [] for none)."""
    found = _PRIORITY.match(text)
    if found:
        return "priority", [found.group(1)]
    return next(((kind, []) for kind, wording in _WORDINGS if wording.search(text)), ("", []))
