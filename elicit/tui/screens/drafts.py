"""What an open editor holds, kept beside the session file so a crash or a kill loses none of it (trial5 T5-3).

The story editor and the capture editor (decision, open question, assumption,
term) mix in :class:`KeepsDraft`: a moment after each change the form is written
to ``NAME.elicit.toml.draft`` (core/session/drafts) in a worker; closing without
keeping it removes the file; the host removes it once the session is saved with
no editor open; the interview screen offers it back when the session is opened
again (``InterviewScreen._offer_draft``).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.timer import Timer

from .confirm import discard_dialog

if TYPE_CHECKING:
    from textual.screen import ModalScreen

    _Editor = ModalScreen[Any]
else:
    _Editor = object  # a mixin: the editor's own screen class stays what Textual styles (ModalScreen's backdrop)

DRAFT_AFTER = 0.3
"""Seconds after the last change before an editor's draft is written beside the session file."""


class KeepsDraft(_Editor):
    """A dialog whose typed text is kept beside the session file until it is saved or dropped."""

    _draft_timer: Timer | None = None
    _kept_draft = False

    def draft_data(self) -> dict[str, Any] | None:
        """What to keep (plain JSON values), or None when nothing differs from what the editor opened with."""
        raise NotImplementedError

    def _session_path(self) -> Path | None:
        opened = getattr(self.app, "opened", None)
        return getattr(opened, "path", None)

    def keep_draft(self) -> None:
        """Call after every change: the draft is written a moment after the last one."""
        if self._session_path() is None or not self.is_mounted:
            return
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_AFTER, self._write_draft, name="editor-draft")

    def _write_draft(self) -> None:
        path = self._session_path()
        data = self.draft_data() if path is not None else None
        if path is None or data is None:
            if path is not None and self._kept_draft:  # typed, then taken back: nothing to keep
                self.drop_draft()
            return
        self._kept_draft = True
        self.run_worker(partial(_write_quietly, path, data), name="editor-draft", group="editor-draft", thread=True, exit_on_error=False)

    def stop_keeping(self) -> None:
        """Saved: no more writes; the draft stays until the session holding the item is on disk (host.py)."""
        if self._draft_timer is not None:
            self._draft_timer.stop()

    def close_or_ask(self, typed: bool, item: str, kind: str) -> None:
        """Escape: an untouched editor closes; typed text is discarded only when the consultant says so."""
        if not typed:
            self.drop_draft()
            self.dismiss(None)
            return

        def decided(discard: bool | None) -> None:
            if discard:
                self.drop_draft()
                self.dismiss(None)

        self.app.push_screen(discard_dialog(item, kind), decided)

    def drop_draft(self) -> None:
        """The editor closes without keeping what it holds: its draft goes too."""
        self.stop_keeping()
        path = self._session_path()
        if path is not None and self._kept_draft:
            from elicit.core.session import clear_draft

            clear_draft(path)


def _write_quietly(path: Path, data: dict[str, Any]) -> None:
    """Write an editor's draft; a failure is not reported (the session's own saves report a disk that fails)."""
    from elicit.core.session import write_draft

    try:
        write_draft(path, data)
    except OSError:
        pass
