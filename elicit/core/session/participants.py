"""The one way a participant is written: ``Name: role``, ``Name - role`` (or an en or em dash), or ``Name``.

The CLI's ``--participant`` and the app's participants box both read it. A
hyphen counts only with spaces around it, so ``Anne-Marie`` stays one name.

Who said something (``by`` on answers, stories and follow-ups) is checked here
too: :func:`speaker_name` turns what someone typed (``ann``, ``2``) into a
participant's name or refuses it with the names it knows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from elicit.core.findings import ElicitError, did_you_mean
from elicit.core.session.models import Participant

_SEPARATOR = r"\s*[:–—]\s*|\s+-\s+"  # compiled on first use (re keeps it): elicit answer never needs it


def parse_participant(text: str) -> Participant | None:
    """The participant ``text`` names, or None when it gives no name."""
    parts = re.split(_SEPARATOR, text.strip(), maxsplit=1)
    name = parts[0].strip()
    if not name:
        return None
    return Participant(name, parts[1].strip() if len(parts) > 1 else "")


NO_PARTICIPANTS = (
    "this session has no participants, so nothing can be credited to anyone; "
    "name them when you create the session (elicit new --participant 'Ann Lee - owner'), "
    "or add [[participants]] tables (name, role) to the session file"
)


def participant_label(participant: Participant) -> str:
    """``Ann Lee (owner)``, or ``Ann Lee`` when the role is unknown."""
    return f"{participant.name} ({participant.role})" if participant.role else participant.name


def speaker_name(participants: Sequence[Participant], text: str) -> str:
    """The name of the participant ``text`` names, as the session spells it; "" for blank text (nobody credited).

    ``text`` is read as :func:`parse_participant` reads it (``Ann Lee - owner``
    names Ann Lee), then matched against the participants: the full name
    (ignoring case), a first name only one participant has, or a participant's
    number (1 for the first). Anything else raises ElicitError listing the
    participants, with a did-you-mean; every front end refuses the same way.
    """
    parsed = parse_participant(text)
    if parsed is None:
        return ""
    if not participants:
        raise ElicitError(NO_PARTICIPANTS)
    found = find_participant(participants, parsed.name)
    if found is not None:
        return found.name
    hint = did_you_mean(parsed.name, [p.name for p in participants]) or _first_name_hint(participants, parsed.name)
    known = ", ".join(f"{number}. {participant_label(p)}" for number, p in enumerate(participants, start=1))
    raise ElicitError(f"'{parsed.name}' is not a participant of this session" + (f"; {hint}" if hint else "") + f"; participants: {known}")


def _first_name_hint(participants: Sequence[Participant], name: str) -> str | None:
    """A did-you-mean against first names ("Ana" -> "Ann Lee"), naming the participant in full."""
    full = {p.name.split()[0]: p.name for p in participants if p.name.split()}
    hint = did_you_mean(name, list(full))
    for first, whole in full.items():
        if hint == did_you_mean(first, [first]):
            return did_you_mean(whole, [whole])
    return hint


def find_participant(participants: Sequence[Participant], name: str) -> Participant | None:
    """The participant ``name`` names (full name ignoring case, a first name only one has, or a number), or None."""
    wanted = name.strip().casefold()
    for participant in participants:
        if participant.name == name.strip():
            return participant
    matches = [p for p in participants if p.name.strip().casefold() == wanted]
    if not matches:
        matches = [p for p in participants if p.name.split()[:1] and p.name.split()[0].casefold() == wanted]
    if len(matches) == 1:
        return matches[0]
    if wanted.isascii() and wanted.isdigit() and 1 <= int(wanted) <= len(participants):
        return participants[int(wanted) - 1]
    return None


def person_named(participants: Sequence[Participant], text: str) -> Participant | None:
    """The participant a free-text name means (a decision's "decided by", an open question's owner): what
    :func:`find_participant` finds, else the one participant whose name holds every word typed, so "Dr. Okafor"
    or "okafor" is Dr. Maria Okafor. None for anyone else ("the board", a name two participants share)."""
    found = find_participant(participants, text)
    if found is not None or not text.strip():
        return found
    words = _name_words(text)
    matches = [p for p in participants if words <= _name_words(p.name)]
    return matches[0] if len(matches) == 1 else None


def _name_words(name: str) -> set[str]:
    return {word.strip(".,").casefold() for word in name.split() if word.strip(".,")}


def next_speaker(participants: Sequence[Participant], current: str) -> str:
    """The speaker after ``current`` in the participants' order, then nobody (""), then the first again."""
    names = [p.name for p in participants if p.name]
    if not names:
        return ""
    if current not in names:
        return names[0]
    index = names.index(current) + 1
    return names[index] if index < len(names) else ""
