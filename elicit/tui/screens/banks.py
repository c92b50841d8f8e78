"""Browse the question banks that can be used: where each comes from, its sections and questions."""

from __future__ import annotations

from textual import getters
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from elicit.core.banks import BankCatalog
from elicit.core.findings import FindingsError

from ..bindings import bindings
from ..commands import ScreenActions
from ..widgets.common.cursor import MarkedOptionList
from ..widgets.common.keybar import KeyBar


class BanksScreen(Screen):
    """Banks on the left, the highlighted bank's questions on the right."""

    CSS_PATH = "banks.tcss"
    COMMANDS = {ScreenActions}
    BINDINGS = bindings("banks")

    banks_list = getters.query_one("#banks-list", OptionList)
    banks_text = getters.query_one("#banks-text", Static)

    def __init__(self, catalog: BankCatalog | None = None) -> None:
        super().__init__()
        self.catalog = catalog or BankCatalog.default()

    def compose(self) -> ComposeResult:
        yield Static("[b]Question banks[/b]", id="banks-title")
        with Horizontal(id="banks-body"):
            yield MarkedOptionList(id="banks-list")
            with VerticalScroll(id="banks-detail"):
                yield Static(id="banks-text")
        yield KeyBar()

    def on_mount(self) -> None:
        listing = self.banks_list
        entries = self.catalog.entries()
        for entry in entries:
            listing.add_option(Option(Content(f"{entry.id} ({entry.source})"), id=entry.id))
        if not entries:
            self.banks_text.update("No banks found. Put bank files in ./question_banks or your config folder.")
        else:
            listing.highlighted = 0
        listing.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            self.show_bank(event.option.id)

    def show_bank(self, bank_id: str) -> None:
        """Show one bank's details."""
        text = self.banks_text
        entry = self.catalog.entry(bank_id)
        if entry is None:
            return
        try:
            bank = self.catalog.load(bank_id)
        except FindingsError as error:
            lines = [
                f"[b]{escape(bank_id)}[/b]  [$text-muted]{escape(entry.path.name)} ({entry.source})[/]",
                "",
                "[$error]This bank has problems:[/]",
            ]
            lines += [escape(finding.format()) for finding in error.findings]
            text.update(Content.from_markup("\n".join(lines)))
            return
        lines = [
            f"[b]{escape(bank.title)}[/b]  version {escape(bank.version)} · {len(bank.questions)} questions",
            f"[$text-muted]{escape(entry.path.name)} ({entry.source})[/]",
        ]
        if bank.description:
            lines += ["", escape(bank.description)]
        for section in bank.sections:
            lines += ["", f"[b $accent]{escape(section.title)}[/]  [$text-muted]{escape(section.goal)}[/]"]
            for question in section.questions:
                extra = f" [$text-muted]({question.kind})[/]" if question.kind != "text" else ""
                required = " [$error]*[/]" if question.required else ""
                lines.append(f"  • {escape(question.prompt)}{extra}{required}")
        text.update(Content.from_markup("\n".join(lines)))
