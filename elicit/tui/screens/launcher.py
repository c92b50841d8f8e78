"""The launcher: recent sessions, a new session, open a file, browse banks."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual import getters
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Static

from elicit.core.session import RecentSession, forget, recent
from elicit.core.text import clip

from ..bindings import bindings
from ..commands import ScreenActions
from ..host import SessionApp
from ..marks import display_path, shorten
from ..widgets.common.keybar import KeyBar
from ..widgets.common.marked_table import MarkedTable

DATED_WIDTH = 100
"""Below this many columns the list leaves out Last opened: it is in that order already, and at 80 columns the
titles and clients were cut to 'Appointment…' and 'Brightsmi…' to make room for it (trial7 T7-13)."""
COLUMNS = (("Session", "title"), ("Client", "client"), ("Last opened", "opened"), ("Done", "progress"), ("File", "path"))
FOLDER_MIN = 8
"""The least of a session's folder the File column shows (``…hop-two``); past that the table scrolls sideways."""


def file_cell(path: Path, width: int) -> str:
    """The session file's name first (``.elicit.toml`` left off), then its folder cut from the start to fit ``width``.

    At 80 columns a whole path showed only its first folder (``/tmp/``), the same for every row.
    """
    name = path.name.removesuffix(".elicit.toml") or path.name  # file_format.SUFFIX, not imported: the launcher starts without it
    folder = display_path(path.parent)
    if folder == ".":
        return name  # in the working folder
    return f"{name}  {clip(folder, max(FOLDER_MIN, width - len(name) - 2), keep_end=True)}"


class LauncherScreen(Screen[None]):
    """Where ``elicit`` starts."""

    app = getters.app(SessionApp)

    CSS_PATH = "launcher.tcss"
    COMMANDS = {ScreenActions}
    BINDINGS = bindings("launcher")

    recent = getters.query_one("#recent", DataTable)
    launcher_empty = getters.query_one("#launcher-empty", Static)

    def __init__(self) -> None:
        super().__init__()
        self.sessions: list[RecentSession] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="launcher"):
            yield Static("[b]elicit[/b]  requirements interviews", id="launcher-title")
            yield Static("Recent sessions", id="launcher-recent-title")
            yield MarkedTable(id="recent", cursor_type="row", zebra_stripes=True)
            yield Static(id="launcher-empty")
        yield KeyBar()

    def on_mount(self) -> None:
        self.recent.focus()

    def _dated(self) -> bool:
        """Whether the list is wide enough for the Last opened column."""
        return (self.recent.size.width or self.app.size.width) >= DATED_WIDTH

    def _set_columns(self, dated: bool) -> None:
        """The table's columns for its width (unchanged when they are already those)."""
        wanted = [(label, key) for label, key in COLUMNS if dated or key != "opened"]
        table = self.recent
        if [str(key.value) for key in table.columns] != [key for _, key in wanted]:
            table.clear(columns=True)
            for label, key in wanted:
                table.add_column(label, key=key)

    def on_screen_resume(self) -> None:
        self.reload()  # also right after mounting: Textual resumes a screen when it is first shown

    def reload(self) -> None:
        """Read the recent list again."""
        self.sessions = recent()
        table = self.recent
        dated = self._dated()
        self._set_columns(dated)
        table.clear()
        title_width, client_width = self._text_room(dated)
        rows = [
            (
                shorten(item.title or item.path.name, title_width),
                shorten(item.client, client_width),
                *([f"{item.opened_at:%Y-%m-%d %H:%M}" if item.opened_at else ""] if dated else []),
                item.progress,
            )
            for item in self.sessions
        ]
        room = self._file_room(rows)
        for item, cells in zip(self.sessions, rows, strict=True):
            table.add_row(*cells, file_cell(item.path, room), key=str(item.path))
        empty = self.launcher_empty
        empty.display = not self.sessions
        table.display = bool(self.sessions)
        empty.update("No recent sessions yet. Press [b]n[/b] to start a new interview, or [b]o[/b] to open a session file.")

    def _text_room(self, dated: bool) -> tuple[int, int]:
        """How wide Session and Client may be: what the file names (what tells sessions apart) leave them.

        At 80 columns six sessions titled "Appointment reminders" for one client showed their whole title and client,
        and the File column, the one that differs, was cut to 'front-de' and 'hygienis' at the screen's edge (T24).
        """
        names = [len(file_cell(item.path, 0)) for item in self.sessions]
        file_width = min(30, max(names, default=4))
        width = self.recent.size.width or self.app.size.width
        room = width - 3 - ((16 + 2) if dated else 0) - (5 + 2) - (file_width + 2) - 4  # Last opened, Done, File; padding of the two
        title = max(12, min(40, room * 3 // 5))
        return title, max(10, min(24, room - title))

    def _file_room(self, rows: Sequence[tuple[str, ...]]) -> int:
        """How wide the File column can be before the table scrolls sideways (each column pads a space each side)."""
        labels = [str(column.label) for column in self.recent.columns.values()][:-1]
        used = sum(max(len(label), *(len(row[index]) for row in rows)) + 2 for index, label in enumerate(labels)) if rows else 0
        return (self.recent.size.width or self.app.size.width) - used - 3

    def on_resize(self) -> None:
        if self.sessions:
            self.reload()

    def _selected(self) -> RecentSession | None:
        table = self.recent
        if not self.sessions or table.cursor_row is None or not 0 <= table.cursor_row < len(self.sessions):
            return None
        return self.sessions[table.cursor_row]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_selected()

    def action_open_selected(self) -> None:
        item = self._selected()
        if item is not None:
            self._open(item.path)

    def _open(self, path: Path) -> None:
        self.app.open_path(path)

    def action_new(self) -> None:
        from .new_session import NewSessionScreen

        self.app.push_screen(NewSessionScreen(), self._created)

    def _created(self, path: Path | None) -> None:
        if path is not None:
            self._open(path)

    def action_open_file(self) -> None:
        from .open_file import OpenFileScreen

        self.app.push_screen(OpenFileScreen(), self._created)

    def action_banks(self) -> None:
        from .banks import BanksScreen

        self.app.push_screen(BanksScreen())

    def action_forget(self) -> None:
        item = self._selected()
        if item is not None:
            forget(item.path)
            self.reload()
            self.notify(f"Took {item.path.name} off the list; the file is untouched.", timeout=3)
