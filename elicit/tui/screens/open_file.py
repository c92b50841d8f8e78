"""Open a session file: type its path, or pick it in the folder tree."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual import getters
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import DirectoryTree, Input, Static

from elicit.core.session import session_path

from ..bindings import bindings
from ..commands import ScreenActions
from ..widgets.common.cursor import MarkedTree
from ..widgets.common.fields import Field
from ..widgets.common.keybar import KeyBar


class SessionFiles(MarkedTree, DirectoryTree):
    """Folders and session files only."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [path for path in paths if not path.name.startswith(".") and (path.is_dir() or path.name.endswith(".toml"))]


class OpenFileScreen(ModalScreen[Path | None]):
    """Dismisses with the chosen session file, or None."""

    CSS_PATH = "open_file.tcss"
    COMMANDS = {ScreenActions}
    BINDINGS = bindings("open")

    open_path = getters.query_one("#open-path", Field)
    open_problem = getters.query_one("#open-problem", Static)

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__()
        self.folder = folder or Path(".")

    def compose(self) -> ComposeResult:
        with Vertical(id="open-dialog"):
            yield Static("[b]Open a session file[/b]  type a path and press Enter, or pick one below", id="open-title")
            yield Field(placeholder="path/to/interview.elicit.toml", id="open-path")
            yield Static(id="open-problem")
            yield SessionFiles(self.folder, id="open-tree")
            yield KeyBar()

    def on_mount(self) -> None:
        self.open_path.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            return
        path = session_path(text)
        if not path.is_absolute():
            path = self.folder / path
        if not path.is_file():
            self.open_problem.update(f"[$error]{escape(str(path))}: no such file[/]")
            return
        self.dismiss(path)

    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self.dismiss(event.path)

    def action_cancel(self) -> None:
        self.dismiss(None)
