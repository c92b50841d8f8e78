"""The review sheet: one row per story for the client to fill in a spreadsheet, read back into proposals.

Written as CSV or Excel (by the file's suffix). Reading takes what clients'
spreadsheets do to a file: any column order, extra columns, a BOM, ``;`` as
separator, Windows-1252 text, dates where Excel saw one, blank rows. A filled
row becomes a proposal (a row with no story ID and a story in it: a proposal to
add that story); a row that cannot be one is reported with its row number and
skipped, and nothing else is lost.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from elicit.core.findings import ElicitError
from elicit.core.session.models import Proposal, Session, Story
from elicit.core.spec.exporters.story_groups import askers
from elicit.core.text import formula_safe, listed, printable
from elicit.core.vocabulary import PRIORITY_LABELS, priority_from_word

STORY_COLUMNS = ("ID", "Story", "Priority", "Acceptance criteria")
CLIENT_COLUMNS = ("Your decision (keep / change / remove)", "Your wording", "Your priority", "Your comment")
COLUMNS = STORY_COLUMNS + CLIENT_COLUMNS
ASKED_BY = "Asked for by"
"""The column after the story's own naming who asked for it (``story_groups.askers``, as the tool exports name them),
there when the stories were told by more than one person: a merged session of several stakeholders, or an interview
of several. After them, not beside the story: a client deleting it must not take a cell of the mark line with it."""
_WIDTHS = dict(zip((*STORY_COLUMNS, *CLIENT_COLUMNS, ASKED_BY), (10, 60, 10, 50, 22, 50, 14, 40, 30), strict=True))
"""Each column's width in the Excel sheet, by its header."""
SUFFIXES = (".csv", ".xlsx")
_SEPARATORS = (",", ";", "\t")
"""The separators a CSV sheet comes back with: elicit's comma, a spreadsheet's semicolon (where the comma is the
decimal point), a tab."""
MARK = "Review sheet of"
"""The first cell of the line above the header that names the session and round the sheet was written for."""
_STARTED = "session started "
_ROUND_CELL = re.compile(r"round \d+|no round recorded")
"""The mark line's round cell (``sheet_mark``), known by its words when a deleted column moved it."""

_FIELD_OF_HEADER = {"id": "id", "decision": "change", "wording": "wording", "priority": "priority", "comment": "comment"}
_SHEET_FIELDS = {"story": "sentence", "acceptance criteria": "acceptance", "priority": "sent_priority", "asked for by": "asked_by"}
"""The sheet's own columns (the story as sent): read only to see whether the client typed over them."""
_PRIORITY_TAIL = re.compile(r"\s*[(,;:\u2013\u2014]|\s+-\s+")
"""Where a priority cell's words after the priority start ("Should (if budget)", "Must - for go-live")."""
_UNNAMED = "unnamed"
"""Cells under no header (the client wrote beside the sheet's columns): kept in the comment."""
_DECISION_WORDS = {
    "keep": "keep", "ok": "keep", "yes": "keep", "agree": "keep", "confirm": "keep", "confirmed": "keep",
    "change": "change", "changed": "change", "edit": "change", "reword": "change",
    "remove": "remove", "delete": "remove", "drop": "remove", "no": "remove", "reject": "remove",
}  # fmt: skip


def sheet_rows(session: Session) -> list[list[str]]:
    """The sheet's rows: the header, then one row per story that is not rejected (with who asked for it when the
    stories were told by more than one person)."""
    stories = [story for story in session.stories if story.status != "rejected"]
    asked = _asked_for_by(session, stories)
    rows = [list(COLUMNS) if asked is None else [*STORY_COLUMNS, ASKED_BY, *CLIENT_COLUMNS]]
    for index, story in enumerate(stories):
        row = [story.id, story.sentence(), PRIORITY_LABELS[story.priority], "\n".join(story.acceptance)]
        rows.append([*row, *([] if asked is None else [asked[index]]), "", "", "", ""])
    return rows


def _asked_for_by(session: Session, stories: list[Story]) -> list[str] | None:
    """Who asked for each story ("Ann Lee (owner, Must) and Ben Cho (baker, Could)" for one several interviews told),
    or None when the stories name one person or nobody between them: the same name on every row tells the client
    nothing, while in a session of several stakeholders it says whose story each one is."""
    people = {name.strip().casefold() for story in stories for name in (story.by, *(copy.by for copy in story.copies)) if name.strip()}
    return [askers(story, session)[1] for story in stories] if len(people) > 1 else None


def sheet_mark(session: Session, width: int = len(COLUMNS)) -> list[str]:
    """The line above the header: which session (title, when started) and which round the sheet is of."""
    number = session.rounds[-1].number if session.rounds else 0
    started = f"{_STARTED}{session.started_at.isoformat(timespec='seconds')}" if session.started_at else ""
    mark = [MARK, session.title, f"round {number}" if number else "no round recorded", started]
    return mark + [""] * (width - len(mark))  # as wide as the header, so the separator is found on any line


def write_sheet(session: Session, path: Path) -> bytes:
    """The sheet for ``path``'s suffix as bytes (the caller writes them safely), the mark line above the header."""
    suffix = _suffix(path)
    rows = sheet_rows(session)
    rows.insert(0, sheet_mark(session, len(rows[0])))
    if suffix == ".csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerows([[formula_safe(cell) for cell in row] for row in rows])
        return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # the BOM tells Excel it is UTF-8
    return _xlsx_bytes(rows)


def _xlsx_bytes(rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Review"
    for row in rows:
        sheet.append([printable(cell) for cell in row])  # a workbook cannot hold a control character: shown, as on a terminal
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for line in sheet.iter_rows():
        for cell in line:
            cell.data_type = "s"  # text, never a formula, whatever it starts with
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, header in enumerate(rows[1], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = _WIDTHS[header]
    sheet.freeze_panes = "A3"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@dataclass
class SheetReading:
    """What a filled sheet holds: proposals (ids not yet given) and the rows that could not be read."""

    proposals: list[Proposal] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """Said once, nothing skipped: a sheet written before sheets carried their session's mark."""


def read_sheet(path: Path, session: Session) -> SheetReading:
    """The proposals in a sheet the client filled; ElicitError when the file is not a review sheet at all."""
    rows = _csv_rows(path) if _suffix(path) == ".csv" else _xlsx_rows(path)
    header_at, columns = _header(rows, path)
    reading = SheetReading()
    _check_mark(rows[:header_at], session, path, reading)
    stories = {story.id: story for story in session.stories}
    round_number = session.rounds[-1].number if session.rounds else 0
    sent = _as_sent(session)
    named = set(columns.values())
    unnamed = [index for index, cell in enumerate(rows[header_at]) if not cell.strip() and index not in named]
    for number, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
        cells = _row_cells(row, columns, unnamed)
        where = f"{path}: row {number}"
        _take_edits_of_the_sheet(cells, sent.get(cells.get("id", ""), []), session, where, reading)
        if not any(cells.get(name) for name in ("change", "wording", "priority", "comment")) and not _new_story_text(cells):
            continue  # blank, or not filled by the client
        proposal, problem = _proposal(cells, stories, number, round_number, reading.warnings, where)
        if problem:
            reading.problems.append(f"{path}: row {number}: {problem}; row skipped")
        elif proposal is not None:
            reading.proposals.append(proposal)
    return reading


def _row_cells(row: list[str], columns: dict[str, int], unnamed: list[int]) -> dict[str, str]:
    """A row's cells by field, and what the client wrote under no header (kept in the comment)."""
    cells = {name: row[index].strip() if index < len(row) else "" for name, index in columns.items()}
    cells[_UNNAMED] = "; ".join(row[index].strip() for index in unnamed if index < len(row) and row[index].strip())
    return cells


def _as_sent(session: Session) -> dict[str, list[Story]]:
    """Each story as the sheet may show it: as it stands, and as the last round froze it."""
    sent: dict[str, list[Story]] = {}
    for story in session.stories + (session.rounds[-1].stories if session.rounds else []):
        sent.setdefault(story.id, []).append(story)
    return sent


def _same_text(cell: str, texts: list[str]) -> bool:
    """Whether a cell still holds one of ``texts`` as the sheet wrote it (spacing, line ends, the CSV's formula guard
    and the workbook's visible control characters aside)."""
    words = " ".join(cell.split())
    return any(words in {" ".join(written.split()) for written in (text, formula_safe(text), printable(text))} for text in texts)


def _take_edits_of_the_sheet(cells: dict[str, str], sent: list[Story], session: Session, where: str, reading: SheetReading) -> None:
    """The client typed over the Story or Acceptance criteria cell (as people do in a spreadsheet): never drop it.

    An edited Story cell is the client's wording (unless they also wrote one in "Your wording"); edited criteria
    have no column of their own, so they go in the comment, for the consultant to read before accepting, as an
    edited "Asked for by" cell does (who asked is the consultant's to credit). Each is said once on import
    (trial3 T3-1: both were dropped without a word, and "keep" then confirmed the story).
    """
    if cells.get(_UNNAMED):
        _add_comment(cells, f"written beside the sheet's columns: {cells[_UNNAMED]}")
        reading.warnings.append(f"{where}: text in a column with no header; kept in the proposal's comment")
    if not sent:
        return
    story_id = sent[0].id
    sentence = cells.get("sentence", "")
    if sentence and not _same_text(sentence, [story.sentence() for story in sent]):
        reading.warnings.append(f"{where}: the client edited {story_id}'s Story cell; {_take_story_cell(cells, sentence)}")
    _take_cells_without_a_field(cells, sent, session, where, reading)
    priority = cells.get("sent_priority", "")
    if priority and not any(priority_from_word(priority) == story.priority and _same_text(priority, [PRIORITY_LABELS[story.priority]]) for story in sent):
        reading.warnings.append(f"{where}: the client edited {story_id}'s Priority cell; {_take_priority_cell(cells, priority)}")


def _take_cells_without_a_field(cells: dict[str, str], sent: list[Story], session: Session, where: str, reading: SheetReading) -> None:
    """Edited cells no field of a proposal holds go in its comment: the acceptance criteria (then a change, to apply
    by hand) and who asked for the story."""
    story_id = sent[0].id
    criteria = cells.get("acceptance", "")
    if criteria and not _same_text(criteria, ["\n".join(story.acceptance) for story in sent]):
        edited = "; ".join(line.strip() for line in criteria.splitlines() if line.strip())
        _add_comment(cells, f"acceptance criteria edited in the sheet: {edited}")
        _ask_for_a_change(cells)
        reading.warnings.append(f"{where}: the client edited {story_id}'s acceptance criteria; kept in the proposal's comment, to apply by hand")
    asked = cells.get("asked_by", "")
    if asked and not _same_text(asked, [askers(story, session)[1] for story in sent]):
        _add_comment(cells, f"Asked for by cell edited in the sheet: {asked}")
        reading.warnings.append(f"{where}: the client edited {story_id}'s Asked for by cell; kept in the proposal's comment")


def _add_comment(cells: dict[str, str], text: str) -> None:
    cells["comment"] = "; ".join(part for part in (cells.get("comment", ""), text) if part)


def _ask_for_a_change(cells: dict[str, str]) -> None:
    """An edit that only the comment carries is a change the client asks for, never a "keep" that confirms the story."""
    word = _leading_word(cells.get("change", ""))
    if _DECISION_WORDS.get(word) != "remove":
        cells["change"] = "change" if not word or _DECISION_WORDS.get(word) == "keep" else cells["change"]


def _take_priority_cell(cells: dict[str, str], text: str) -> str:
    """The client's edited Priority cell: their priority when it names one and "Your priority" is empty; else a comment."""
    head, _rest = _split_priority(text)
    if priority_from_word(head) is not None and not cells.get("priority"):
        cells["priority"] = text
        return "read as their priority"
    _add_comment(cells, f"Priority cell edited in the sheet: {text}")
    return "kept in the proposal's comment"


def _leading_word(text: str) -> str:
    """The first word of a cell ("Keep, but see my comment" -> "keep")."""
    found = re.match(r"\W*([^\W\d_]+)", text.casefold())
    return found.group(1) if found else ""


def _split_priority(text: str) -> tuple[str, str]:
    """A priority and the words after it: "Should (if budget allows)" -> ("Should", "(if budget allows)")."""
    found = _PRIORITY_TAIL.search(text)
    if found is None:
        return text.strip(), ""
    return text[: found.start()].strip(), text[found.start() :].strip(" ,;:-\u2013\u2014")


def _take_story_cell(cells: dict[str, str], sentence: str) -> str:
    """The client's edited Story cell as their wording, unless they wrote one or chose a removal; says which."""
    word = cells.get("change", "").casefold().strip(" .!")
    decided = _DECISION_WORDS.get(word.split()[0] if word else "")
    if cells.get("wording") or decided == "remove":
        return "their decision and wording columns are read"
    cells["wording"] = sentence
    if decided == "keep":
        cells["change"] = "change"
    return "read as their wording"


def _proposal(
    cells: dict[str, str], stories: dict[str, Story], number: int, round_number: int, warnings: list[str], where: str
) -> tuple[Proposal | None, str]:
    """The row's proposal. Only a row naming no story of the session is skipped: a cell elicit cannot read
    (a decision or priority in the client's own words) is kept in the comment with a warning (trial4 T4-2)."""
    story_id = cells.get("id", "")
    if story_id not in stories:
        if story_id:
            return None, f"no story '{story_id}' in this session"
        if _new_story_text(cells):  # a new story the client added on the sheet (trial4 T4-4): a proposal to add it
            return _new_story(cells, number, round_number, warnings, where), ""
        return None, "no story ID"
    change = _decision(cells, warnings, where)
    priority, unread = _priority(cells, warnings, where)
    if change is None:
        change = "change" if cells.get("wording") or priority or unread else "keep"
    if change == "keep" and priority and priority != stories[story_id].priority:
        change = "change"  # "keep" with another priority still asks for that priority: dropping it would leave the client no reason
    if change == "keep" and _new_wording(cells.get("wording", ""), stories[story_id]):
        change = "change"  # the same for their wording: accepting "keep" confirmed the story and dropped it (trial6 T6-2)
        warnings.append(f"{where}: 'keep' with a new wording for {story_id}; read as a change (accept it, or decline it with a reason)")
    return Proposal("", story_id, change, cells.get("wording", ""), priority, cells.get("comment", ""), round=round_number, row=number), ""


def _new_wording(wording: str, story: Story) -> bool:
    """Whether the client's wording says something else than the story (its sentence or its goal, a full stop aside)."""
    text = wording.strip().rstrip(".")
    return bool(text) and not _same_text(text, [story.sentence().rstrip("."), story.want])


def _new_story_text(cells: dict[str, str]) -> str:
    """The story a row with no story ID tells: the client's wording, else what they typed in the Story cell."""
    return "" if cells.get("id") else cells.get("wording") or cells.get("sentence", "")


def _new_story(cells: dict[str, str], number: int, round_number: int, warnings: list[str], where: str) -> Proposal:
    """A row with no story ID and a story in it: a proposal to add that story (its text, priority, criteria and
    comment as the row gives them; the text is read as a story when the proposal is accepted)."""
    wording = _new_story_text(cells)
    if cells.get("wording") and cells.get("sentence") and not _same_text(cells["sentence"], [cells["wording"]]):
        _add_comment(cells, f"Story cell: {cells['sentence']}")
    if cells.get("asked_by"):
        _add_comment(cells, f"asked for by: {cells['asked_by']}")  # theirs to say, ours to credit: kept, never dropped
    decision = cells.get("change", "")
    if decision and _leading_word(decision) not in ("add", "new", "keep", "change", "ok", "yes"):
        _add_comment(cells, f"your decision: {decision}")
    if not cells.get("priority") and cells.get("sent_priority"):
        cells["priority"] = cells["sent_priority"]  # a new row has no priority of ours: the Priority cell is theirs
    priority, _unread = _priority(cells, warnings, where)
    acceptance = [criterion.strip() for criterion in cells.get("acceptance", "").splitlines() if criterion.strip()]
    return Proposal("", "", "add", wording, priority, cells.get("comment", ""), round=round_number, row=number, acceptance=acceptance)


def _decision(cells: dict[str, str], warnings: list[str], where: str) -> str | None:
    """keep, change or remove from the decision cell's first word; its other words go in the comment."""
    decision = cells.get("change", "")
    change = _DECISION_WORDS.get(_leading_word(decision))
    if decision and (change is None or len(re.findall(r"[^\W\d_]+", decision)) > 1):
        _add_comment(cells, f"your decision: {decision}")
        if change is None:
            warnings.append(f"{where}: '{decision}' is not keep, change or remove; kept in the proposal's comment")
            return "change"
    return change


def _priority(cells: dict[str, str], warnings: list[str], where: str) -> tuple[str, bool]:
    """The client's priority ("" if none) and whether they wrote one elicit could not read (kept in the comment)."""
    text = cells.get("priority", "")
    if not text:
        return "", False
    whole = priority_from_word(text)
    head, rest = _split_priority(text)
    found = whole or priority_from_word(head)
    if found is None:
        _add_comment(cells, f"your priority: {text}")
        warnings.append(f"{where}: '{text}' is not a priority (Must, Should, Could or Won't); kept in the proposal's comment")
        return "", True
    if rest and whole is None:
        _add_comment(cells, f"priority {PRIORITY_LABELS[found]} {rest}")
    return found, False


def _check_mark(above: list[list[str]], session: Session, path: Path, reading: SheetReading) -> None:
    """Refuse a sheet written for another session or round; an old sheet with no mark is read with a warning, and so
    is one whose mark lost a cell to a column the client deleted (the rest of it this session's)."""
    found = next((row for row in above if row and row[0].strip().casefold() == MARK.casefold()), None)
    if found is None:
        reading.warnings.append(f"{path}: the sheet does not say which session and round it is from (written by an older elicit); check it is this session's before accepting")
        return
    written = sheet_mark(session)[1:4]
    # as written, with the CSV's formula guard ('-2027 plan' is written "'-2027 plan"), as the workbook shows it
    forms = [[shown(cell).strip() for cell in written] for shown in (str, formula_safe, printable)]
    theirs = _mark_fields(found, forms)
    if theirs in forms:
        return
    lost = _lost_from_mark(theirs, forms)
    if lost:
        reading.warnings.append(
            f"{path}: the line above the header has lost the session's {listed(lost)} (a column deleted in the spreadsheet?);"
            " check it is this session's sheet, of this round, before accepting"
        )
        return
    ours = forms[0]
    where = f"'{theirs[0]}' {theirs[1]}" + (f" ({theirs[2]})" if theirs[2] else "")
    if not _same_session(theirs, forms):
        raise ElicitError(f"{path}: this sheet is from {where}, not from this session ('{ours[0]}'); import it into the session it was written for")
    raise ElicitError(f"{path}: this sheet is from {where}, but the session is now at {ours[1]}; write a new sheet with 'elicit review sheet' and send it to the client")


def _mark_fields(found: list[str], forms: list[list[str]]) -> list[str]:
    """The title, round and start a mark line gives: where elicit wrote them, or else found by what they say (a
    column the client deleted or added moved them): the round and the start by their words, the title as the first
    other cell."""
    positioned = [cell.strip() for cell in found[1:4]] + [""] * 3
    if positioned[:3] in forms:
        return positioned[:3]
    cells = [cell.strip() for cell in found[1:] if cell.strip()]
    round_cell = next((cell for cell in cells if _ROUND_CELL.fullmatch(cell)), "")
    started = next((cell for cell in cells if cell.startswith(_STARTED)), "")
    titles = [cell for cell in cells if cell not in (round_cell, started)]
    return [titles[0] if titles else "", round_cell, started]


def _same_session(theirs: list[str], forms: list[list[str]]) -> bool:
    """Whether a mark's title and start, those it still has, are this session's (then only its round differs)."""
    return any(all(theirs[index] in ("", form[index]) for index in (0, 2)) for form in forms)


def _lost_from_mark(theirs: list[str], forms: list[list[str]]) -> list[str]:
    """What of ours the mark line lacks ("round", ...) when all it still says is ours; [] when nothing is missing or
    something else is said (another session's or round's sheet)."""
    lost = [name for name, mine, their in zip(("title", "round", "start"), forms[0], theirs, strict=True) if mine and not their]
    fits = any(all(their in ("", form[index]) for index, their in enumerate(theirs)) for form in forms)
    return lost if fits else []


def _header(rows: list[list[str]], path: Path) -> tuple[int, dict[str, int]]:
    """Where the header row is, and the column of each field elicit reads."""
    found = _find_header(rows)
    if found is None:
        raise ElicitError(f"{path}: not a review sheet: no header row with an 'ID' column and the client's columns; write one with 'elicit review sheet'")
    return found


def _find_header(rows: list[list[str]]) -> tuple[int, dict[str, int]] | None:
    """The first row of the first 20 that names an 'ID' column and a column of the client's, with its columns; None."""
    for at, row in enumerate(rows[:20]):
        columns: dict[str, int] = {}
        for index, cell in enumerate(row):
            name = _header_field(cell)
            if name and name not in columns:
                columns[name] = index
        if "id" in columns and set(columns) - {"id", *_SHEET_FIELDS.values()}:
            return at, columns
    return None


def _header_field(cell: str) -> str | None:
    """The field a header names. "Priority" is the story's own column; the client's is "Your priority" (or "New priority")."""
    words = re.sub(r"\(.*?\)", " ", cell).casefold().replace("_", " ").split()
    theirs = words[:1] in (["your"], ["new"])
    if theirs:
        words = words[1:]
    name = _FIELD_OF_HEADER.get(" ".join(words)) if words else None
    if name == "priority" and not theirs:
        return "sent_priority"
    if name is None and not theirs:
        return _SHEET_FIELDS.get(" ".join(words))
    return name


def _csv_rows(path: Path) -> list[list[str]]:
    """The rows of a CSV sheet, read with the separator (comma, semicolon or tab) under which its header has the most
    of the sheet's columns. The csv module reads the whole file each time: a guess from the first line of text
    failed when the mark line's title held more semicolons than the line has commas, or a line break (leftovers4)."""
    raw = _read(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    csv.field_size_limit(10_000_000)
    readings, errors = [], []
    for delimiter in _SEPARATORS:
        try:
            readings.append(list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)))
        except csv.Error as error:
            errors.append(error)
    if not readings:
        raise ElicitError(f"{path}: cannot read it as CSV ({errors[0]}); save it from the spreadsheet as CSV again")
    return max(readings, key=_header_columns)  # the first of the best: the comma elicit writes, when none has a header


def _header_columns(rows: list[list[str]]) -> int:
    """How many of the sheet's columns the rows' header names (0 without one)."""
    found = _find_header(rows)
    return len(found[1]) if found is not None else 0


def _xlsx_rows(path: Path) -> list[list[str]]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(_read(path)), read_only=True, data_only=True)
    except (BadZipFile, KeyError, ValueError, OSError) as error:
        raise ElicitError(f"{path}: not an Excel workbook ({error}); save it as .xlsx or as .csv") from None
    sheet = workbook.worksheets[0]
    return [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]


def _cell_text(value: Any) -> str:
    """A cell as text; dates as ISO dates, whole numbers without '.0'."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read(path: Path) -> bytes:
    try:
        if not path.is_file():
            raise ElicitError(f"{path}: not found" if not path.exists() else f"{path}: not a file")
        return path.read_bytes()
    except OSError as error:
        raise ElicitError(f"{path}: cannot read it ({error.strerror or error})") from None


def _suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ElicitError(f"{path}: a review sheet is .csv or .xlsx, not '{path.suffix or 'no suffix'}'")
    return suffix
