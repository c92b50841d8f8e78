"""Reading backlog files: encodings, line endings, text and CSV, and what import makes of each line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from elicit.core.findings import ElicitError
from elicit.core.session.models import Session
from elicit.core.session.service import SessionService
from elicit.core.stories.backlog import decode, parse_lines, read_backlog, story_values, to_story
from elicit.core.stories.lint import lint_stories
from elicit.core.stories.parse import UNPARSED_TAG

STORIES = [
    "As a nurse, I want to see today's ward list, so that I can plan my shift.",
    "Ward list — café edition",
    "As a manager, I want a weekly staffing report, so that I can plan rotas.",
]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# Encodings ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        ("\n".join(STORIES).encode("utf-8"), "utf-8"),
        ("\n".join(STORIES).encode("utf-8-sig"), "utf-8-sig"),
        ("\n".join(STORIES).encode("utf-16"), "utf-16"),
        (b"\xfe\xff" + "\n".join(STORIES).encode("utf-16-be"), "utf-16"),
    ],
    ids=["utf-8", "utf-8 with BOM", "utf-16 LE with BOM", "utf-16 BE with BOM"],
)
def test_unicode_files_are_read_without_warning(tmp_path, encoded, encoding):
    backlog = read_backlog(write(tmp_path, "stories.txt", encoded))
    assert [line.text for line in backlog.lines] == STORIES
    assert backlog.encoding == encoding and backlog.warnings == []
    assert not backlog.lines[0].text.startswith("\ufeff")


def test_windows_1252_falls_back_with_a_warning(tmp_path):
    path = write(tmp_path, "stories.txt", "\r\n".join(STORIES).encode("cp1252"))
    backlog = read_backlog(path)
    assert [line.text for line in backlog.lines] == STORIES
    assert backlog.encoding == "cp1252"
    assert len(backlog.warnings) == 1
    warning = backlog.warnings[0]
    assert warning.startswith(f"{path}:2: not valid UTF-8") and "cp1252" in warning and "UTF-8" in warning


def test_bytes_that_no_code_page_maps_do_not_crash():
    text, encoding, warnings = decode(b"As a user, I want \x81\x8d\x9d data", "x.txt")
    assert encoding == "cp1252" and warnings and "As a user, I want" in text


def test_a_binary_file_is_refused(tmp_path):
    with pytest.raises(ElicitError, match="binary"):
        read_backlog(write(tmp_path, "stories.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00"))


@given(st.binary(max_size=300))
def test_decode_never_crashes_on_any_bytes(raw):
    try:
        text, _encoding, _warnings = decode(raw, "x.txt")
    except ElicitError as error:
        assert "binary" in str(error) or "UTF-16" in str(error)
    else:
        assert isinstance(text, str)


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=40), max_size=8))
def test_utf8_text_reads_back_line_for_line(items):
    items = [item.strip() for item in items if item.strip()]
    text, encoding, warnings = decode("\n".join(items).encode("utf-8"), "x.txt")
    assert encoding == "utf-8" and not warnings
    assert [line.text for line in parse_lines(text)] == items


# Line endings -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_any_line_ending(tmp_path, ending):
    data = ending.join([STORIES[0], "", STORIES[1], "   ", STORIES[2]]) + ending
    backlog = read_backlog(write(tmp_path, "stories.txt", data.encode("utf-8")))
    assert [(line.line, line.text) for line in backlog.lines] == [(1, STORIES[0]), (3, STORIES[1]), (5, STORIES[2])]


def test_mixed_line_endings(tmp_path):
    data = f"{STORIES[0]}\r\n{STORIES[1]}\r{STORIES[2]}\n"
    backlog = read_backlog(write(tmp_path, "stories.txt", data.encode("utf-8")))
    assert [line.line for line in backlog.lines] == [1, 2, 3]


# Text files --------------------------------------------------------------------------------------------


def test_lines_that_are_not_stories_are_kept(tmp_path):
    backlog = read_backlog(write(tmp_path, "stories.txt", "\n".join(STORIES).encode("utf-8")))
    assert len(backlog.lines) == 3
    assert [line.line for line in backlog.unparsed] == [2]
    assert backlog.lines[0].parsed.role == "nurse"


def test_empty_missing_and_folder_files_get_a_clear_error(tmp_path):
    with pytest.raises(ElicitError, match="no stories found"):
        read_backlog(write(tmp_path, "empty.txt", b"\n\n  \r\n"))
    with pytest.raises(ElicitError, match="no such file"):
        read_backlog(tmp_path / "missing.txt")
    with pytest.raises(ElicitError, match="is a folder"):
        read_backlog(tmp_path)
    with pytest.raises(ElicitError, match="CSV files only"):
        read_backlog(write(tmp_path, "stories.txt", b"As a user, I want X"), column="Story")


# CSV files ---------------------------------------------------------------------------------------------


def test_csv_story_column_is_guessed_from_its_header(tmp_path):
    data = (
        "Key,Summary,Description,Priority\n"
        'ABC-1,Ward list,"As a nurse, I want to see the ward list, so that I can plan my shift.",Must\n'
        'ABC-2,Rota report,"As a manager, I want a weekly report, so that I can plan rotas.",Should have\n'
    )
    backlog = read_backlog(write(tmp_path, "export.csv", data.encode("utf-8")))
    assert backlog.column == "Description"  # the named column that holds stories, not the short titles
    assert [line.parsed.role for line in backlog.lines] == ["nurse", "manager"]
    assert [line.priority for line in backlog.lines] == ["must", "should"]


@pytest.mark.parametrize("header", ["Story", "User Story", "user_story", "Summary", "Title", "Description"])
def test_csv_story_header_names(tmp_path, header):
    data = f'{header},Points\n"{STORIES[0]}",3\n'
    backlog = read_backlog(write(tmp_path, "export.csv", data.encode("utf-8")))
    assert [line.text for line in backlog.lines] == [STORIES[0]]


def test_csv_column_given_by_name_or_number(tmp_path):
    data = f'Notes,Text\nhello,"{STORIES[0]}"\n'
    path = write(tmp_path, "export.csv", data.encode("utf-8"))
    assert read_backlog(path, column="text").lines[0].text == STORIES[0]
    assert read_backlog(path, column="2").lines[0].text == STORIES[0]
    with pytest.raises(ElicitError, match="no column 'Nope' \\(columns: 'notes', 'text'\\)"):
        read_backlog(path, column="Nope")


def test_csv_without_a_story_column_asks_for_one(tmp_path):
    path = write(tmp_path, "export.csv", b"Key,Points\nA,1\nB,2\n")
    with pytest.raises(ElicitError, match="--column"):
        read_backlog(path)


def test_csv_semicolons_quotes_newlines_and_line_numbers(tmp_path):
    data = (
        "Story;Acceptance criteria;MoSCoW\r\n"
        '"As a nurse; I want to see the ward list, so that I can plan my shift.";"- list shows beds\r\n- list shows names";Could\r\n'
        "Heading only;;Won't\r\n"
    )
    backlog = read_backlog(write(tmp_path, "export.csv", data.encode("utf-8-sig")))
    first, second = backlog.lines
    assert first.line == 2 and second.line == 4  # the first record spans lines 2 and 3
    assert first.acceptance == ("list shows beds", "list shows names")
    assert (first.priority, second.priority) == ("could", "wont")
    assert second.parsed is None


def test_csv_priorities_that_are_not_moscow_are_reported(tmp_path):
    data = f'Story,Priority\n"{STORIES[0]}",High\n'
    backlog = read_backlog(write(tmp_path, "export.csv", data.encode("utf-8")))
    assert backlog.lines[0].priority is None
    assert any("High" in warning and "MoSCoW" in warning for warning in backlog.warnings)


def test_csv_without_header(tmp_path):
    data = "\n".join(f'"{text}"' for text in STORIES) + "\n"
    backlog = read_backlog(write(tmp_path, "stories.csv", data.encode("utf-8")))
    assert [line.text for line in backlog.lines] == STORIES


def test_tsv(tmp_path):
    data = f"Story\tPoints\n{STORIES[0]}\t3\n"
    assert read_backlog(write(tmp_path, "stories.tsv", data.encode("utf-8"))).lines[0].text == STORIES[0]


def test_csv_with_nul_bytes_is_refused(tmp_path):
    path = write(tmp_path, "stories.csv", b'Story\n"As a user, I want \x00"\n')
    with pytest.raises(ElicitError):
        read_backlog(path)


# From lines to stories ---------------------------------------------------------------------------------


def test_story_values_for_a_story_and_for_raw_text():
    parsed, raw = parse_lines(f"{STORIES[0]}\n{STORIES[1]}")
    role, want, values = story_values(parsed)
    assert (role, want, values["so_that"]) == ("nurse", "to see today's ward list", "I can plan my shift")
    assert values["quote"] == STORIES[0] and "tags" not in values
    role, want, values = story_values(raw)
    assert (role, want) == ("", STORIES[1])
    assert values["tags"] == [UNPARSED_TAG] and values["quote"] == STORIES[1]


def test_a_line_with_a_role_but_no_goal_is_kept_raw():
    (line,) = parse_lines("As a site admin, so that I can moderate")
    role, want, values = story_values(line)
    assert (role, want, values["tags"]) == ("", "As a site admin, so that I can moderate", [UNPARSED_TAG])


def test_imported_stories_through_the_service_keep_every_line(tmp_path):
    backlog = read_backlog(write(tmp_path, "stories.txt", "\n".join(STORIES).encode("utf-8")))
    service = SessionService(Session(title="Import"))
    for line in backlog.lines:
        role, want, values = story_values(line)
        service.add_story(role, want, **values)
    stories = service.session.stories
    assert [s.id for s in stories] == ["US-001", "US-002", "US-003"]
    assert stories[1].tags == [UNPARSED_TAG] and stories[1].want == STORIES[1]
    assert {f.code for f in lint_stories(stories) if f.story_id == "US-002"} == {"not-a-story"}


def test_to_story_for_linting_a_file():
    (line,) = parse_lines("As a clerk I can file forms in order to save time")
    story = to_story(line, "line 1")
    assert (story.id, story.role, story.want, story.so_that) == ("line 1", "clerk", "to file forms", "I can save time")


# Hostile shapes (issue 11, item 4): every record a story or a reported skip, at its true line ------------


WHOLE = [
    "As a nurse, I want to see the ward list, so that I can plan my shift.",
    "As a manager, I want a weekly report, so that I can plan rotas.",
    "As a porter, I want my next job on my phone, so that I walk less.",
]


def test_an_unquoted_one_column_csv_of_stories_keeps_role_and_benefit(tmp_path):
    backlog = read_backlog(write(tmp_path, "stories.csv", ("\n".join(WHOLE) + "\n").encode("utf-8")))
    assert [(line.line, line.text) for line in backlog.lines] == [(1, WHOLE[0]), (2, WHOLE[1]), (3, WHOLE[2])]
    assert [line.parsed.role for line in backlog.lines] == ["nurse", "manager", "porter"]
    assert [line.parsed.so_that for line in backlog.lines] == ["I can plan my shift", "I can plan rotas", "I walk less"]
    assert any("read as one story a line" in warning and "quotes" in warning for warning in backlog.warnings)


def test_an_unquoted_story_column_under_a_header_keeps_whole_stories(tmp_path):
    data = "Story\n" + "\n".join(WHOLE) + "\n"
    backlog = read_backlog(write(tmp_path, "export.csv", data.encode("utf-8")))
    assert [(line.line, line.parsed.role) for line in backlog.lines] == [(2, "nurse"), (3, "manager"), (4, "porter")]


def test_one_unclosed_quote_does_not_turn_the_rest_of_the_file_into_one_story(tmp_path):
    data = f'Story,Priority\n"{WHOLE[0]}",Must\n"{WHOLE[1]},Should\n"{WHOLE[2]}",Could\n"As a cook, I want menus, so that I plan.",Must\n'
    backlog = read_backlog(write(tmp_path, "export.csv", data.encode("utf-8")))
    assert [line.line for line in backlog.lines] == [2, 3, 4, 5]
    assert [line.parsed.role for line in backlog.lines if line.parsed] == ["nurse", "manager", "porter", "cook"]
    assert [line.priority for line in backlog.lines][2:] == ["could", "must"]
    assert any(
        warning.startswith(f"{tmp_path / 'export.csv'}:3: the quote opened on this line joins lines 3-") for warning in backlog.warnings
    )


def test_a_quote_never_closed_is_reported_and_the_lines_after_it_stay_rows(tmp_path):
    data = f'Story,Priority\n"{WHOLE[0]}",Must\n"{WHOLE[1]},Should\nHeading only,Could\n{WHOLE[2].replace(",", "")},Must\n'
    backlog = read_backlog(write(tmp_path, "export.csv", data.encode("utf-8")))
    assert [line.line for line in backlog.lines] == [2, 3, 4, 5]
    assert any(
        warning.startswith(f"{tmp_path / 'export.csv'}:3: the quote opened on this line is never closed") for warning in backlog.warnings
    )


def test_rows_with_a_priority_or_criteria_but_no_story_are_reported_not_dropped(tmp_path):
    data = f'Story,Priority,Acceptance criteria\n"{WHOLE[0]}",Must,\n,Should,"- it works"\n"{WHOLE[1]}",Could,\n'
    backlog = read_backlog(write(tmp_path, "export.csv", data.encode("utf-8")))
    assert [line.line for line in backlog.lines] == [2, 4]
    assert [(skip.line, skip.reason) for skip in backlog.skipped] == [
        (3, "no story text in column 'Story' (the row holds: Should | - it works)")
    ]
    assert f"{tmp_path / 'export.csv'}:3: skipped: no story text in column 'Story' (the row holds: Should | - it works)" in backlog.warnings


def test_a_csv_without_header_keeps_its_first_row(tmp_path):
    data = "Export the ward list,Must\nPrint rotas,Should\n"
    backlog = read_backlog(write(tmp_path, "backlog.csv", data.encode("utf-8")))
    assert [(line.line, line.text) for line in backlog.lines] == [(1, "Export the ward list"), (2, "Print rotas")]


@pytest.mark.parametrize("inside", ["\u2028", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\u2029"], ids=repr)
def test_odd_line_separators_inside_a_line_do_not_split_it_or_move_line_numbers(tmp_path, inside):
    lines = [WHOLE[0], f"As a clerk, I want forms{inside}filed, so that I save time.", WHOLE[1]]
    for name, data in (
        ("stories.txt", "\n".join(lines) + "\n"),
        ("stories.csv", "Story\n" + "\n".join(f'"{line}"' for line in lines) + "\n"),
    ):
        backlog = read_backlog(write(tmp_path, name, data.encode("utf-8")))
        first = 2 if name.endswith(".csv") else 1
        assert [line.line for line in backlog.lines] == [first, first + 1, first + 2], name
        assert backlog.lines[1].parsed is not None and backlog.lines[1].parsed.role == "clerk", name


@pytest.mark.parametrize("ending", [b"\n", b"\r\n", b"\r"], ids=["LF", "CRLF", "CR"])
def test_the_windows_1252_warning_names_the_lines_that_changed(tmp_path, ending):
    raw = ending.join([b"As a nurse, I want lists.", b"plain line", b"Caf\xe9 menu", b"ok", b"na\xefve"]) + ending
    backlog = read_backlog(write(tmp_path, "stories.txt", raw))
    (warning,) = backlog.warnings
    assert warning.startswith(f"{tmp_path / 'stories.txt'}:3: not valid UTF-8 (byte 0xe9); also line 5;"), warning
    assert [line.line for line in backlog.lines] == [1, 2, 3, 4, 5]


def test_a_story_split_by_unquoted_commas_is_joined_back_and_reported(tmp_path):
    data = "Key,Story,Priority\nA-1,As a nurse, I want lists, so that I plan,Must\nA-2,As a manager, I want reports,Could\n"
    backlog = read_backlog(write(tmp_path, "export.csv", data.encode("utf-8")))
    assert [(line.line, line.parsed.role, line.priority) for line in backlog.lines] == [(2, "nurse", "must"), (3, "manager", "could")]
    assert backlog.lines[0].parsed.so_that == "I plan"
    assert any(":2: 2 rows had more cells than the header" in warning for warning in backlog.warnings)


def test_story_fragments_that_cannot_be_joined_back_are_reported(tmp_path):
    data = "Story,Points\nAs a nurse, I want lists\nAs a manager, I want reports\nAs a clerk, I want forms,3\n"
    backlog = read_backlog(
        write(
            tmp_path,
            "export.csv",
            data.encode("utf-8"),
        ),
        column="Story",
    )
    assert any("hold only part of a story" in warning for warning in backlog.warnings), backlog.warnings


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40), max_size=12))
def test_every_non_blank_line_of_a_text_file_is_a_story_at_its_line(items):
    from elicit.core.stories.backlog import split_lines

    text = "\n".join(items)
    expected = [(number, line.strip().lstrip("\ufeff").strip()) for number, line in enumerate(split_lines(text), 1)]
    assert [(line.line, line.text) for line in parse_lines(text)] == [(n, t) for n, t in expected if t]


def test_a_csv_read_as_text_reports_no_csv_skips(tmp_path):
    data = "\n".join([*WHOLE, "#G17#"]) + "\n"
    backlog = read_backlog(write(tmp_path, "stories.csv", data.encode("utf-8")))
    assert [line.line for line in backlog.lines] == [1, 2, 3, 4] and backlog.skipped == []
    assert not any("skipped" in warning for warning in backlog.warnings)
