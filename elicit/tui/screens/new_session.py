"""A new interview: who, which banks, where the file goes. Dismisses with the new file's path."""

from __future__ import annotations

import re
from pathlib import Path

from textual import getters
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Input, Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from elicit.core.banks import Bank, BankCatalog, BankEntry
from elicit.core.findings import ElicitError, FindingsError
from elicit.core.session import SUFFIX, Participant, create_session, parse_participant, session_path

from ..bindings import bindings
from ..commands import ScreenActions
from ..marks import display_path
from ..widgets.common.editor import Editor
from ..widgets.common.fields import Field
from ..widgets.common.keybar import KeyBar
from ..widgets.common.ticks import TickList

DEFAULT_BANK = "discovery"


class NewSessionScreen(Screen[Path | None]):
    """The form for a new session; Ctrl+S creates the file."""

    CSS_PATH = "new_session.tcss"
    COMMANDS = {ScreenActions}
    BINDINGS = bindings("new")

    new_banks = getters.query_one("#new-banks", SelectionList)
    new_session_title = getters.query_one("#new-session-title", Field)
    new_problem = getters.query_one("#new-problem", Static)
    new_path = getters.query_one("#new-path", Field)
    new_participants = getters.query_one("#new-participants", Editor)
    new_client = getters.query_one("#new-client", Field)
    new_project = getters.query_one("#new-project", Field)
    new_interviewer = getters.query_one("#new-interviewer", Field)

    def __init__(self, folder: Path | None = None, catalog: BankCatalog | None = None) -> None:
        super().__init__()
        self.folder = folder or Path.cwd()
        self.catalog = catalog or BankCatalog.default()
        self.banks: dict[str, Bank] = {}
        self.entries: dict[str, BankEntry] = {}
        self._path_edited = False
        self._suggested = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="new-session"):
            yield Static("[b]New interview[/b]", id="new-title")
            with VerticalScroll(id="new-fields"):
                with Horizontal(classes="new-row"):
                    yield Label("Title", classes="new-label")
                    yield Field(placeholder="e.g. Invoicing discovery", id="new-session-title")
                with Horizontal(classes="new-row"):
                    yield Label("Client", classes="new-label")
                    yield Field(placeholder="organisation", id="new-client")
                with Horizontal(classes="new-row"):
                    yield Label("Project", classes="new-label")
                    yield Field(id="new-project")
                with Horizontal(classes="new-row"):
                    yield Label("Interviewer", classes="new-label")
                    yield Field(placeholder="you", id="new-interviewer")
                with Horizontal(classes="new-row"):
                    yield Label(Content.from_markup("Participants\n[i]one a line:\nName: role[/]"), classes="new-label")
                    yield Editor(id="new-participants")
                with Horizontal(classes="new-row"):
                    yield Label("Banks", classes="new-label")
                    yield TickList(id="new-banks")
                with Horizontal(classes="new-row"):
                    yield Label("File", classes="new-label")
                    yield Field(id="new-path")
            yield Static(id="new-problem")
        yield KeyBar()

    def on_mount(self) -> None:
        banks = self.new_banks
        for entry in self.catalog.entries():
            self.entries[entry.id] = entry
            if entry.problem is not None:
                banks.add_option(Selection(f"{entry.id} · cannot be read: {entry.problem.message}", entry.id, disabled=True))
                continue
            try:
                bank = self.catalog.load(entry.id)
            except FindingsError as error:
                banks.add_option(Selection(f"{entry.id} · has problems: {error.findings[0].message}", entry.id, disabled=True))
                continue
            self.banks[entry.id] = bank
            label = f"{bank.title} · {len(bank.questions)} questions · {entry.id}" + (
                "" if entry.source == "built-in" else f" ({entry.source})"
            )
            banks.add_option(Selection(label, entry.id, entry.id == DEFAULT_BANK))
        if not self.banks:
            self._problem("No question banks found. Put a bank file in ./question_banks or your config folder (see 'elicit banks list').")
        self._suggest_path("")
        self.new_session_title.focus()

    def _problem(self, text: str) -> None:
        self.new_problem.update(f"[$error]{escape(text)}[/]" if text else "")

    def _suggest_path(self, title: str) -> None:
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "interview"
        candidate = self.folder / f"{slug}{SUFFIX}"
        number = 2
        while candidate.exists():
            candidate = self.folder / f"{slug}-{number}{SUFFIX}"
            number += 1
        self._suggested = display_path(candidate)
        self.new_path.value = self._suggested

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "new-session-title" and not self._path_edited:
            self._suggest_path(event.value)
        elif event.input.id == "new-path":
            self._path_edited = event.value != self._suggested

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def participants(self) -> list[Participant]:
        """The participants typed, one a line as ``Name: role`` (or ``Name - role``)."""
        lines = self.new_participants.text.splitlines()
        return [person for person in map(parse_participant, lines) if person is not None]

    def action_create(self) -> None:
        title = self.new_session_title.value.strip()
        if not self._path_edited:
            self._suggest_path(title)
        chosen = [bank_id for bank_id in self.new_banks.selected if bank_id in self.banks]
        path_text = self.new_path.value.strip()
        if not title:
            self._problem("Give the interview a title.")
            self.new_session_title.focus()
            return
        if not chosen:
            self._problem("Pick at least one question bank (Space ticks it).")
            self.new_banks.focus()
            return
        if not path_text:
            self._problem("Say where to keep the session file.")
            self.new_path.focus()
            return
        path = session_path(path_text).expanduser()
        if not path.is_absolute():
            path = self.folder / path
        try:
            create_session(
                path,
                [self.banks[bank_id] for bank_id in chosen],
                # Banks that are not built in are recorded with their path, so the
                # session still finds them when opened from another folder.
                ["" if self.entries[bank_id].source == "built-in" else str(self.entries[bank_id].path.resolve()) for bank_id in chosen],
                title=title,
                client=self.new_client.value.strip(),
                project=self.new_project.value.strip(),
                interviewer=self.new_interviewer.value.strip(),
                participants=self.participants(),
            )
        except ElicitError as error:
            self._problem(str(error))
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
