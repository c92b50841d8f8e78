"""Every key of the app in one table: the screens' bindings, the README's key tables and ``keys.toml`` checking.

A screen takes its bindings with ``bindings("interview")``; the README's
"Keys" section is generated from the same rows (``python -m elicit.tui.bindings``
rewrites it, and a test fails when it drifts); ``keys.toml`` is checked
against the ids here, with a did-you-mean for a misspelled one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from textual.binding import ActiveBinding, Binding, BindingType


@dataclass(frozen=True, slots=True)
class Key:
    """One binding: its id (for ``keys.toml``), default keys, action, key-bar label and what it does."""

    id: str
    keys: str
    action: str
    label: str
    help: str
    show: bool = True
    priority: bool = False

    @property
    def area(self) -> str:
        """The part of the id before the dot: the screen or widget the key works on."""
        return self.id.split(".", 1)[0]

    def binding(self) -> Binding:
        """The Textual binding."""
        return Binding(self.keys, self.action, self.label, show=self.show, priority=self.priority, tooltip=self.help, id=self.id)


AREAS: dict[str, str] = {
    "interview": "Interview",
    "capture": "Capture (after the capture key on the interview)",
    "item": "Decision, open question, assumption or term editor",
    "answer": "Answers (choice, yes/no, scale)",
    "story": "Story editor",
    "stories": "Stories table",
    "items": "Decisions, open questions, assumptions, terms",
    "readback": "Read-back",
    "summary": "Summary",
    "review": "Review (the client's proposals)",
    "export": "Export",
    "launcher": "Launcher",
    "new": "New session",
    "open": "Open a file",
    "banks": "Banks",
    "confirm": "Yes/no questions",
    "ask": "One-line questions (a rejection's reason, a resolution)",
    "app": "Everywhere",
}

KEYS: tuple[Key, ...] = (
    Key("interview.next", "ctrl+n", "next", "Next", "go to the next question"),
    Key("interview.previous", "ctrl+b", "previous", "Back", "go back to the previous question"),
    Key("interview.goto", "ctrl+g", "goto", "Go to", "find a question by typing part of it"),
    Key("interview.skip", "f8", "skip", "Skip", "mark the question skipped and go on"),
    Key("interview.revisit", "ctrl+r", "revisit", "Revisit", "flag the question to come back to (again to clear)"),
    Key("interview.story", "ctrl+t", "new_story", "Story", "capture a user story from this answer"),
    Key(
        "interview.capture",
        "ctrl+f",
        "capture",
        "Capture",
        "capture a decision (d), open question (q), assumption (a) or term (t) from this answer; l lists them",
    ),
    Key("interview.notes", "ctrl+o", "notes", "Notes", "move between the answer and the notes"),
    Key("interview.navigator", "f9", "navigator", "Questions", "move to the list of questions (again to come back)"),
    Key(
        "interview.speaker",
        "f7",
        "cycle_speaker",
        "Speaker",
        "the next participant is speaking (after the last: nobody); what you capture is credited to them",
        show=False,
        priority=True,  # over the text answer's own f7 (select all)
    ),
    Key("interview.pause", "f6", "pause", "Pause", "pause the interview clock (again to resume)", priority=True),
    Key("interview.stories", "ctrl+l", "stories", "Stories", "every story in a table"),
    Key("interview.summary", "f2", "summary", "Summary", "coverage, open required questions, stories"),
    Key("interview.read_back", "f3", "read_back", "Read back", "read the stories to the client one by one"),
    Key("interview.export", "f4", "export", "Export", "write the draft spec"),
    Key("interview.review", "f5", "review", "Review", "accept or decline the client's proposals one by one"),
    Key("interview.save", "ctrl+s", "save", "Save", "save now (elicit also saves by itself)"),
    Key("interview.close", "f10", "close", "Close", "save and close this session"),
    Key("capture.decision", "d", "pick('decision')", "Decision", "a decision, with its rationale and who decided"),
    Key("capture.question", "q", "pick('question')", "Open question", "an open question, with its owner"),
    Key("capture.assumption", "a", "pick('assumption')", "Assumption", "an assumption, with its rationale"),
    Key("capture.term", "t", "pick('term')", "Term", "a glossary term, with its definition"),
    Key("capture.list", "l", "pick('list')", "List", "list, edit, resolve and delete what was captured"),
    *(
        Key(f"capture.speaker_{number}", str(number), f"pick('speaker:{number}')", f"Speaker {number}", f"participant {number} is speaking", show=False)
        for number in range(1, 10)
    ),
    Key("capture.nobody", "0", "pick('speaker:0')", "Nobody", "nobody is speaking: what you capture is credited to no one", show=False),
    Key("capture.cancel", "escape", "cancel", "Cancel", "back to the question"),
    Key("item.save", "ctrl+s", "save", "Save", "save it (Enter on the last field does too)", priority=True),
    Key("item.cancel", "escape", "cancel", "Cancel", "close without saving"),
    Key("answer.pick", "space", "pick", "Pick", "tick the highlighted option (several on a multiple choice)", show=False),
    Key("answer.clear", "backspace,delete", "clear", "Clear", "unpick every option", show=False),
    Key("answer.up", "up", "cursor_up", "Up", "highlight the option above", show=False),
    Key("answer.down", "down", "cursor_down", "Down", "highlight the option below", show=False),
    Key("answer.first", "home", "first", "First", "highlight the first option", show=False),
    Key("answer.last", "end", "last", "Last", "highlight the last option", show=False),
    Key("answer.page_up", "pageup", "page_up", "Page up", "a page of options up", show=False),
    Key("answer.page_down", "pagedown", "page_down", "Page down", "a page of options down", show=False),
    Key("answer.select", "enter", "select", "Select", "pick the highlighted option", show=False),
    Key("story.save", "ctrl+s", "save", "Save story", "save the story", priority=True),
    Key("story.cancel", "escape", "cancel", "Cancel", "close the editor (asks first if you typed something)"),
    Key("story.must", "f5", "priority('must')", "Must", "priority Must, from any field", priority=True),
    Key("story.should", "f6", "priority('should')", "Should", "priority Should, from any field", priority=True),
    Key("story.could", "f7", "priority('could')", "Could", "priority Could, from any field", priority=True),
    Key("story.wont", "f8", "priority('wont')", "Won't", "priority Won't, from any field", priority=True),
    Key("stories.back", "escape", "back", "Back", "back to the interview"),
    Key("stories.edit", "enter,e", "edit", "Edit", "edit the story under the cursor"),
    Key("stories.delete", "delete,d", "delete", "Delete", "delete the story (asks first)"),
    Key("stories.undo", "u", "undo", "Undo delete", "bring the last deleted story back"),
    Key("stories.must", "1", "priority('must')", "Must", "priority Must"),
    Key("stories.should", "2", "priority('should')", "Should", "priority Should"),
    Key("stories.could", "3", "priority('could')", "Could", "priority Could"),
    Key("stories.wont", "4", "priority('wont')", "Won't", "priority Won't"),
    Key("stories.sort", "o", "sort", "Sort", "sort by id, priority, status or section"),
    Key("stories.filter", "slash,f", "filter", "Filter", "filter: must · draft · #tag · section:users · any words"),
    Key("stories.new", "n", "new", "New story", "a new story"),
    Key("items.back", "escape", "back", "Back", "back to the interview"),
    Key("items.edit", "enter,e", "edit", "Edit", "edit the item under the cursor"),
    Key("items.resolve", "r", "resolve", "Resolve", "resolve the open question under the cursor"),
    Key("items.delete", "delete,d", "delete", "Delete", "delete the item (asks first)"),
    Key("readback.confirmed", "c", "mark('confirmed')", "Confirmed", "the client confirms the story"),
    Key("readback.changed", "h", "changed", "Changed", "the client changes it: opens the editor, keeps the earlier wording"),
    Key("readback.rejected", "r", "rejected", "Rejected", "the client rejects it: asks for the reason"),
    Key("readback.edit", "e", "edit", "Edit", "fix the wording without marking it changed"),
    Key("readback.next", "right,n,space", "step(1)", "Next", "the next story"),
    Key("readback.previous", "left,b", "step(-1)", "Previous", "the previous story"),
    Key("readback.back", "escape", "back", "Back", "back to the interview"),
    Key("summary.back", "escape", "back", "Back", "back to the interview"),
    Key("summary.read_back", "f3,r", "read_back", "Read back", "read the stories to the client"),
    Key("summary.export", "f4,x", "export", "Export", "write the draft spec"),
    Key("summary.review", "f5,v", "review", "Review", "accept or decline the client's proposals one by one"),
    Key("summary.round", "f7,o", "round", "Record round", "record a review round: what the client is sent now, frozen (asks for a note)"),
    Key("review.accept", "a", "accept", "Accept", "accept the proposal: the story changes (its earlier wording is kept)"),
    Key("review.decline", "d", "decline", "Decline", "decline it: asks for the reason the client will read"),
    Key("review.next", "right,n,space", "step(1)", "Next", "the next proposal"),
    Key("review.previous", "left,b", "step(-1)", "Previous", "the previous proposal"),
    Key("review.back", "escape", "back", "Back", "back to where you were"),
    Key("export.run", "ctrl+s", "export", "Export now", "write the chosen formats", priority=True),
    Key("export.round", "f7", "round", "Record round", "record a review round now (asks for a note)"),
    Key("export.back", "escape", "back", "Back", "back to the interview"),
    Key("launcher.open_selected", "enter", "open_selected", "Open", "open the recent session under the cursor", show=False),
    Key("launcher.new", "n", "new", "New session", "create a session"),
    Key("launcher.open_file", "o", "open_file", "Open a file", "open a session file"),
    Key("launcher.banks", "b", "banks", "Banks", "browse the question banks"),
    Key("launcher.forget", "delete,d", "forget", "Forget", "take the session off this list (the file stays)"),
    Key("new.create", "ctrl+s", "create", "Create and start", "create the session and start the interview", priority=True),
    Key("new.cancel", "escape", "cancel", "Cancel", "back to the launcher"),
    Key("open.cancel", "escape", "cancel", "Cancel", "back to the launcher"),
    Key("banks.back", "escape", "app.pop_screen", "Back", "back to the launcher"),
    Key("confirm.yes", "y", "answer(True)", "Yes", "yes"),
    Key("confirm.no", "n,escape", "answer(False)", "No", "no"),
    Key("ask.answer", "enter", "answer", "Done", "take what was typed", show=True),
    Key("ask.cancel", "escape", "cancel", "Cancel", "close without changing anything"),
    Key("app.next_field", "tab", "app.focus_next", "Next field", "move to the next field; what is typed after it goes there", show=False, priority=True),
    Key("app.previous_field", "shift+tab", "app.focus_previous", "Previous field", "move to the previous field", show=False, priority=True),
    Key("app.quit", "ctrl+q", "quit", "Quit", "save and quit", priority=True),
    Key("app.keys", "f1", "keys", "Keys", "show or hide every key of this screen"),
)

_BY_ID = {key.id: key for key in KEYS}


def bindings(area: str) -> list[BindingType]:
    """The bindings of one screen or widget, in table order."""
    found: list[BindingType] = [key.binding() for key in KEYS if key.area == area]
    if not found:
        raise KeyError(f"no bindings for {area!r}")
    return found


def key(binding_id: str) -> Key:
    """One row of the table."""
    return _BY_ID[binding_id]


def known_ids() -> list[str]:
    """Every binding id, in table order."""
    return [key.id for key in KEYS]


def ours_first(active: Mapping[str, ActiveBinding]) -> list[tuple[str, ActiveBinding]]:
    """A screen's active bindings by key, elicit's own (the rows of this table, which have ids) before the focused
    widget's: an editor's 'Cursor up', 'Cursor down', ... came first in the palette (trial7 T7-7) and the f1 panel."""
    return sorted(active.items(), key=lambda item: item[1].binding.id is None)


def unknown_id_problem(binding_id: str) -> str | None:
    """None for a known id; otherwise what to say about it, with the closest known ids."""
    if binding_id in _BY_ID:
        return None
    from elicit.core.findings import did_you_mean  # the one did-you-mean

    close = did_you_mean(binding_id, known_ids())
    hint = f"; {close}" if close else f"; the ids start with {', '.join(AREAS)}"
    return f"unknown binding id {binding_id!r}{hint}"


def _keys_text(keys: str) -> str:
    return " / ".join(f"`{name}`" for name in keys.split(","))


README_START = "<!-- keys table: generated from elicit/tui/bindings.py; python -m elicit.tui.bindings rewrites it -->"
README_END = "<!-- end of keys table -->"


def readme_keys() -> str:
    """The README's key tables, one per area (the markers included)."""
    lines = [README_START, ""]
    for area, title in AREAS.items():
        rows = [key for key in KEYS if key.area == area]
        lines += [f"**{title}**", "", "| key | what it does | id |", "|---|---|---|"]
        lines += [f"| {_keys_text(row.keys)} | {row.help} | `{row.id}` |" for row in rows]
        lines.append("")
    lines.append(README_END)
    return "\n".join(lines)


def rewrite_readme(path: Path) -> bool:
    """Put the generated key tables into the README between the markers; True when it changed."""
    text = path.read_text(encoding="utf-8")
    start, end = text.index(README_START), text.index(README_END) + len(README_END)
    new = text[:start] + readme_keys() + text[end:]
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":  # pragma: no cover - a maintainer's tool
    import sys

    readme = Path(sys.argv[1] if len(sys.argv) > 1 else "README.md")
    print(f"{readme}: {'rewritten' if rewrite_readme(readme) else 'already up to date'}")
