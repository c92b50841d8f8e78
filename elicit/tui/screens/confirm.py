"""A yes/no question in a small dialog."""

from __future__ import annotations

from textual import getters
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ..bindings import bindings


class ConfirmDialog(ModalScreen[bool]):
    """Asks one question; dismisses with True (yes) or False (no)."""

    CSS_PATH = "confirm.tcss"
    BINDINGS = bindings("confirm")

    confirm_no = getters.query_one("#confirm-no", Button)

    def __init__(self, question: str, detail: str = "", *, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question = question
        self.detail = detail
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog"):
            yield Static(self.question, id="confirm-question", markup=False)
            if self.detail:
                yield Static(self.detail, id="confirm-detail", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self.yes} (y)", id="confirm-yes", variant="error")
                yield Button(f"{self.no} (n)", id="confirm-no", variant="primary")

    def on_mount(self) -> None:
        self.confirm_no.focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


def discard_dialog(item_id: str, kind: str) -> ConfirmDialog:
    """What Escape asks in an editor holding typed text: a new story or decision goes; an existing one
    (``US-002``, ``D-001``) only loses the changes (trial2 T3: "Discard this story?" read as if US-002 went)."""
    if item_id:
        return ConfirmDialog(
            f"Discard your changes to {item_id}?", f"{item_id} stays as it was before you opened it.", yes="Discard", no="Keep editing"
        )
    return ConfirmDialog(f"Discard this {kind}?", "What you typed in the editor will be lost.", yes="Discard", no="Keep editing")
