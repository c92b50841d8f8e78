"""The one way a participant is written: ``Name: role``, ``Name - role`` (or an en or em dash), or ``Name``.

The CLI's ``--participant`` and the app's participants box both read it. A
hyphen counts only with spaces around it, so ``Anne-Marie`` stays one name.
"""

from __future__ import annotations

import re

from elicit.core.session.models import Participant

_SEPARATOR = re.compile(r"\s*[:–—]\s*|\s+-\s+")


def parse_participant(text: str) -> Participant | None:
    """The participant ``text`` names, or None when it gives no name."""
    parts = _SEPARATOR.split(text.strip(), maxsplit=1)
    name = parts[0].strip()
    if not name:
        return None
    return Participant(name, parts[1].strip() if len(parts) > 1 else "")
