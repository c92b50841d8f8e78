"""A one-line question in a small dialog: the client's reason for a rejection, how an open question was resolved."""

from __future__ import annotations

from textual import getters
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ..bindings import bindings
from ..widgets.common.fields import Field
from ..widgets.common.keybar import KeyBar


class AskText(ModalScreen[str | None]):
    """Asks for one line of text; Enter answers (it may be required), Escape cancels."""

    DEFAULT_CSS = """
    AskText {
        align: center middle;
    }

    AskText #ask-dialog {
        width: 76;
        max-width: 100%;
        height: auto;
        border: thick $accent;
        background: $surface;
        padding: 0 1;
    }

    AskText #ask-question {
        text-style: bold;
    }

    AskText Input, AskText Input:focus {
        border: none;
        height: 1;
        padding: 0 1;
        background: $boost;
        margin: 1 0 0 0;
    }

    AskText #ask-problem {
        color: $warning;
        height: auto;
    }
    """

    BINDINGS = bindings("ask")

    ask_text = getters.query_one("#ask-text", Field)
    ask_problem = getters.query_one("#ask-problem", Static)

    def __init__(self, question: str, *, placeholder: str = "", value: str = "", required: bool = True) -> None:
        super().__init__()
        self.question = question
        self.placeholder = placeholder
        self.value = value
        self.required = required

    def compose(self) -> ComposeResult:
        with Vertical(id="ask-dialog"):
            yield Static(Content(self.question), id="ask-question")
            yield Field(self.value, placeholder=self.placeholder, id="ask-text")
            yield Static(id="ask-problem")
            yield KeyBar()

    def on_mount(self) -> None:
        self.ask_text.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_answer()

    def action_answer(self) -> None:
        text = " ".join(self.ask_text.value.split())
        if self.required and not text:
            self.ask_problem.update("Type it, or press Escape to cancel.")
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
