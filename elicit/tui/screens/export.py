"""Export: pick formats and a folder; the core's exporters render and write, in a worker."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.markup import escape
from textual.widgets import Input, RadioSet, SelectionList, Static
from textual.widgets.selection_list import Selection

from elicit.core.findings import ElicitError
from elicit.core.session import Interview, OpenSession, snapshot

from ..bindings import bindings
from ..commands import ScreenActions
from ..marks import display_path
from ..widgets.common.fields import Field
from ..widgets.common.keybar import KeyBar
from ..widgets.common.ticks import Choice, Tick, TickList
from .session_screen import SessionScreen

DEFAULT_FORMATS = ("md", "toml")


class ExportScreen(SessionScreen[None]):
    """Formats, destination folder, and what was written."""

    CSS_PATH = "export.tcss"
    COMMANDS = {ScreenActions}
    BINDINGS = bindings("export")

    def __init__(self, opened: OpenSession) -> None:
        super().__init__(opened)
        self.exporters: dict[str, Any] = {}
        self.busy = False
        self._round_after = False
        """Whether the export under way records a round once every file is written."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="export", can_focus=False):
            yield Static("[b]Export the draft spec[/b]", id="export-title")
            yield Static("Formats (Space ticks)", classes="export-heading")
            yield TickList(id="export-formats")
            yield Static("Markdown and HTML for", classes="export-heading")
            with RadioSet(id="export-audience"):
                yield Choice("the client (no notes or flags)", value=True, id="audience-client")
                yield Choice("the team (everything)", id="audience-team")
            yield Tick(self._round_label(), id="export-round")
            yield Static("Folder", classes="export-heading")
            yield Field(display_path(self.opened.path.parent), id="export-folder")
            yield Static(id="export-plan")
            yield Static(id="export-result")
        yield KeyBar()

    def on_mount(self) -> None:
        from elicit.core.spec import FORMATS, get_exporter

        formats = self.query_one("#export-formats", SelectionList)
        for name in FORMATS:
            exporter = get_exporter(name)
            self.exporters[name] = exporter
            formats.add_option(Selection(f"{exporter.title} ({name})", name, name in DEFAULT_FORMATS))
        formats.highlighted = 0  # where Space acts, marked from the start (Down, Down, Space ticked the second)
        formats.focus()
        self._plan()

    def _round_label(self) -> str:
        number = max((item.number for item in self.session.rounds), default=0) + 1
        return f"and record round {number}: what the client gets, to compare later"

    @property
    def records_round(self) -> bool:
        """Whether this export records a review round (only for the client)."""
        return self.audience == "client" and self.query_one("#export-round", Tick).value

    @property
    def audience(self) -> str:
        """Who the people formats are for: ``client`` (the default) or ``team``."""
        pressed = self.query_one("#export-audience", RadioSet).pressed_button
        return "team" if pressed is not None and pressed.id == "audience-team" else "client"

    def destinations(self) -> dict[str, Path]:
        """Where each ticked format will be written."""
        from elicit.core.spec import default_destination

        folder = Path(self.query_one("#export-folder", Field).value.strip() or ".").expanduser()
        if not folder.is_absolute():
            folder = Path.cwd() / folder
        chosen = self.query_one("#export-formats", SelectionList).selected
        audience = self.audience
        return {
            name: folder / default_destination(self.opened.path, self.exporters[name], audience).name
            for name in chosen
            if name in self.exporters
        }

    def _plan(self) -> None:
        plan = self.query_one("#export-plan", Static)
        targets = self.destinations()
        if not targets:
            plan.update("Tick at least one format.")
            return
        lines = ["Will write:"] + [
            f"  {escape(display_path(path))}{'/' if self.exporters[name].multi_file else ''}" for name, path in targets.items()
        ]
        plan.update(Content.from_markup("\n".join(lines)))

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        self._plan()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._plan()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self.query_one("#export-round", Tick).disabled = self.audience != "client"
        self._plan()

    def action_round(self) -> None:
        self.app.record_round(self._round_recorded)

    def _round_recorded(self, number: int | None) -> None:
        if number is not None:
            self.query_one("#export-round", Tick).label = self._round_label()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_export()

    def action_export(self) -> None:
        if self.busy:
            return
        targets = self.destinations()
        if not targets:
            self.notify("Tick at least one format.", severity="warning")
            return
        self.app.commit_screens()
        copy = snapshot(self.opened.session)
        interview = Interview(copy, self.opened.interview.banks)
        self.busy = True
        self.query_one("#export-result", Static).update("Exporting…")
        self._round_after = self.records_round
        self._export(copy, interview, targets, self.audience)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, session: Any, interview: Interview, targets: dict[str, Path], audience: str) -> None:
        from elicit.core.spec import ExportOptions, write_export

        options = ExportOptions(audience=audience)

        written: list[Path] = []
        removed: list[Path] = []
        problems: list[str] = []
        for name, destination in targets.items():
            exporter = self.exporters[name]
            try:
                files = exporter.render(session, interview, options)
                result = write_export(exporter, files, destination, source=self.opened.path)
                written.extend(result.written)
                removed.extend(result.removed)
            except ElicitError as error:
                problems.append(f"{name}: {error}")
            except Exception as error:  # an exporter bug must not take the interview down
                problems.append(f"{name}: failed: {error}")
        self.app.call_from_thread(self._done, written, removed, problems)

    def _done(self, written: list[Path], removed: list[Path], problems: list[str]) -> None:
        self.busy = False
        lines = []
        if written:
            lines.append(f"[$success]Wrote {len(written)} file{'s' if len(written) != 1 else ''}:[/]")
            shown = written[:8]
            lines += [f"  {escape(display_path(path))}" for path in shown]
            if len(written) > len(shown):
                lines.append(f"  … and {len(written) - len(shown)} more")
        if removed:
            names = ", ".join(path.name for path in removed)
            lines.append(f"Removed {len(removed)} file{'s' if len(removed) != 1 else ''} of deleted stories: {escape(names)}")
        lines += [f"[$error]{escape(problem)}[/]" for problem in problems]
        recorded = ""
        if self._round_after and written and not problems:
            lines.append(self._record_exported_round(written))
            recorded = f" Recorded round {self.session.rounds[-1].number}."
        self.query_one("#export-result", Static).update(Content.from_markup("\n".join(lines)))
        # At 80x24 what was written falls below the screen: bring it into view.
        self.query_one("#export", VerticalScroll).scroll_end(animate=False)
        if problems:
            self.notify(problems[0], title="Export failed", severity="error", timeout=10)
        else:
            self.notify(f"Exported {len(written)} file{'s' if len(written) != 1 else ''}.{recorded}", timeout=3)

    def _record_exported_round(self, written: list[Path]) -> str:
        """Record the round the client export asked for; what to say about it."""
        # Nothing changes the session while this screen is up, so the round is what was just exported.
        names = ", ".join(path.name for path in written[:3]) + (", …" if len(written) > 3 else "")
        frozen = self.service.record_round(f"exported for the client: {names}")
        checkbox = self.query_one("#export-round", Tick)
        checkbox.value = False
        checkbox.label = self._round_label()
        return f"Recorded round {frozen.number}: later changes are shown against what the client has now."

    def action_back(self) -> None:
        self.dismiss()
