"""What an open editor holds that is not in the session yet, kept beside the session file.

A story typed into the app's story editor is in the session only once it is
saved (ctrl+s); until then a crash, a kill or a closed laptop would lose it
(trial5 T5-3). The editor keeps what it holds in ``NAME.elicit.toml.draft``
(JSON, written atomically a moment after the last keystroke); the app removes
the file when the editor closes and offers it back when the session is opened
again after elicit stopped with an editor open.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from elicit.core.files.atomic import write_atomic

DRAFT_SUFFIX = ".draft"


def draft_path(session_path: Path) -> Path:
    """The draft file beside ``session_path`` (``x.elicit.toml.draft``)."""
    return session_path.with_name(session_path.name + DRAFT_SUFFIX)


def write_draft(session_path: Path, draft: dict[str, Any]) -> None:
    """Keep ``draft`` (plain JSON values) beside the session, replacing any earlier one; raises OSError."""
    import json  # only when there is a draft: opening a session looks for one, and json is not otherwise loaded then

    text = json.dumps(draft, ensure_ascii=False, indent=1, sort_keys=True)
    write_atomic(draft_path(session_path), text.encode("utf-8"), keep_backup=False)


def read_draft(session_path: Path) -> dict[str, Any] | None:
    """The draft kept beside ``session_path``, or None when there is none or it cannot be read (it is only a draft)."""
    import json

    try:
        data = json.loads(draft_path(session_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def clear_draft(session_path: Path) -> None:
    """Remove the draft beside ``session_path``, if any (quietly: a draft left behind is offered once, then gone)."""
    try:
        draft_path(session_path).unlink(missing_ok=True)
    except OSError:
        pass
