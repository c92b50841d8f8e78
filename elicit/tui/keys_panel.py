"""The f1 keys panel: Textual's help panel with elicit's keys listed before the focused text field's.

Textual's panel lists the bindings from the focused widget outwards, so in the interview an editor's
'Cursor up', 'Cursor down', ... filled it and the screen's own keys came after a long scroll.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import groupby

from rich import box
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.widgets import HelpPanel, KeyPanel, Markdown
from textual.widgets._key_panel import BindingsTable

from .bindings import ours_first


class OursFirstTable(BindingsTable):
    """The keys of the screen, in groups by where they are bound: elicit's own groups first."""

    def render_bindings_table(self) -> Table:
        key_style = self.get_component_rich_style("bindings-table--key")
        description_style = self.get_component_rich_style("bindings-table--description")
        header_style = self.get_component_rich_style("bindings-table--header")
        clear = self.get_component_styles("bindings-table--divider").color.a == 0
        table = Table(
            padding=(0, 0),
            show_header=False,
            box=box.SIMPLE if clear else box.HORIZONTALS,
            border_style=self.get_component_rich_style("bindings-table--divider"),
        )
        table.add_column("", justify="right")
        active = [binding for _, binding in ours_first(self.screen.active_bindings)]
        for node, group in groupby(active, key=lambda item: item.node):
            title = getattr(node, "BINDING_GROUP_TITLE", None)
            if title:
                table.add_row("", Text(title, style=header_style, end=""))
            for same in _by_action(group):
                keys = " ".join(dict.fromkeys(self.app.get_key_display(binding) for binding in same))
                table.add_row(Text(keys, style=key_style), _description(same[0], description_style))
            table.add_section()
        return table


def _by_action(group: Iterable[ActiveBinding]) -> list[list[Binding]]:
    """The bindings of each action together (one row each), system bindings left out."""
    found: defaultdict[str, list[Binding]] = defaultdict(list)
    for active in group:
        if not active.binding.system:
            found[active.binding.action].append(active.binding)
    return list(found.values())


def _description(binding: Binding, style: Style) -> Text:
    text = Text.from_markup(binding.description, end="", style=style)
    if binding.tooltip:
        text.append((" " if binding.description else "") + binding.tooltip, "dim")
    return text


class OursFirstKeyPanel(KeyPanel):
    """Textual's key panel over :class:`OursFirstTable`."""

    def compose(self) -> ComposeResult:
        yield OursFirstTable(shrink=True, expand=False)


class KeysPanel(HelpPanel):
    """The panel f1 shows and hides."""

    def compose(self) -> ComposeResult:
        yield Markdown(id="widget-help")
        yield OursFirstKeyPanel(id="keys-help")
