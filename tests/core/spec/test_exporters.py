"""The exporters: registry, determinism, schema, and each format's structure under hostile text."""

from __future__ import annotations

import copy
import json
import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from elicit.core.findings import ElicitError
from elicit.core.session.file_format import dumps_session, loads_session
from elicit.core.session.models import Answer, Decision, GlossaryTerm, Session, Story
from elicit.core.spec.exporters import AUDIENCES, FORMATS, ExportOptions, default_destination, get_exporter, write_export
from elicit.core.spec.exporters.document import Anchor, BarChart, BulletList, Heading, Label, Paragraph, Quote, Table, Text
from elicit.core.spec.exporters.document import line as doc_line
from elicit.core.spec.exporters.gherkin_features import criterion_steps, feature_file_name, one_line
from elicit.core.spec.exporters.markdown_spec import escape_line, inline, render_block
from elicit.core.spec.exporters.spec_document import SUBTITLES, build_document
from elicit.core.spec.exporters.tracker_csv import FIXED_COLUMNS, SUMMARY_LIMIT
from elicit.core.text import formula_safe
from tests.conftest import user_story_lines
from tests.support import REPO
from tests.support.export import (
    HOSTILE,
    as_imported,
    hostile_text,
    interview_for,
    markdown_tokens,
    parse_gherkin,
    read_csv,
    rich_session,
    session_from_story_lines,
    sessions,
    validate_json_spec,
    validate_toml_spec,
)

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
HYPOTHESIS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def render(name: str, session: Session, audience: str = "client", include_rejected: bool = False) -> dict[str, str]:
    options = ExportOptions(audience=audience, include_rejected=include_rejected)
    return get_exporter(name).render(session, interview_for(session), options)


def single(name: str, session: Session, audience: str = "client") -> str:
    files = render(name, session, audience)
    assert len(files) == 1
    return next(iter(files.values()))


# Registry ----------------------------------------------------------------------------


def test_formats_in_order():
    # Issue 17 adds the tool formats after the people and data formats.
    first = ("toml", "md", "html", "json", "csv", "gherkin")
    assert tuple(name for name in FORMATS if name in first) == first
    assert {"reqif", "sdoc"} <= set(FORMATS)


@pytest.mark.parametrize("name", FORMATS)
def test_every_format_has_its_exporter(name):
    exporter = get_exporter(name)
    assert exporter.name == name
    assert exporter.title
    assert exporter.multi_file is (name == "gherkin")
    assert (exporter.suffix == "") is exporter.multi_file
    assert get_exporter(name.upper()) is exporter


def test_unknown_format_lists_the_formats():
    with pytest.raises(ElicitError) as caught:
        get_exporter("yaml")
    message = str(caught.value)
    assert "yaml" in message
    assert all(name in message for name in FORMATS)
    assert "\n" not in message


def test_default_destination_sits_beside_the_session():
    session = Path("/tmp/work/interview.elicit.toml")
    assert default_destination(session, get_exporter("md")) == Path("/tmp/work/interview.spec.md")
    assert default_destination(session, get_exporter("toml")) == Path("/tmp/work/interview.spec.toml")
    assert default_destination(session, get_exporter("csv")) == Path("/tmp/work/interview.spec.csv")
    assert default_destination(session, get_exporter("gherkin")) == Path("/tmp/work/interview-features")
    assert default_destination(Path("plain.toml"), get_exporter("json")) == Path("plain.spec.json")
    assert default_destination(session, get_exporter("md"), "team") == Path("/tmp/work/interview.team-spec.md")
    assert default_destination(session, get_exporter("html"), "team") == Path("/tmp/work/interview.team-spec.html")
    assert default_destination(session, get_exporter("toml"), "team") == Path("/tmp/work/interview.spec.toml")


def test_exporter_modules_import_no_front_end():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from elicit.core.spec import exporters, importer as spec_import\n"
        "for name in exporters.FORMATS: exporters.get_exporter(name)\n"
        "bad = [m for m in ('textual', 'questionary', 'rich') if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


# Determinism -------------------------------------------------------------------------


@pytest.mark.parametrize("name", FORMATS)
def test_output_is_byte_identical_for_the_same_session(name):
    first = render(name, rich_session())
    reread = loads_session(dumps_session(rich_session()))
    assert render(name, reread) == first
    assert render(name, copy.deepcopy(reread)) == first
    for text in first.values():
        ending = "\r\n" if name == "csv" else "\n"
        assert text.endswith(ending)
        assert not text.endswith(ending * 2)


@pytest.mark.parametrize("name", FORMATS)
def test_empty_session_exports(name):
    session = Session(title="")
    files = render(name, session)
    if name == "gherkin":
        assert files == {}
    else:
        assert all(text.endswith("\n") for text in files.values())


# TOML and JSON -----------------------------------------------------------------------


def test_toml_spec_holds_the_session():
    session = rich_session()
    data = tomllib.loads(single("toml", session))
    assert data["schema"] == "elicit.spec/2"
    assert data["title"] == session.title
    assert [s["id"] for s in data["sections"]] == ["mini.context", "mini.users"]
    problem = data["sections"][0]["questions"][0]
    assert problem["prompt"] == "What problem should the product solve?"
    assert problem["status"] == "answered"
    assert problem["answer"]["value"] == session.answers["mini.context.problem"].value
    assert problem["answer"]["notes"] == "Sam was emphatic."
    assert [a["question"] for a in data["other_answers"]] == ["mini.gone.question"]
    assert [s["id"] for s in data["stories"]] == ["US-001", "US-002", "US-003", "US-004"]
    assert data["stories"][0]["acceptance"] == session.stories[0].acceptance
    assert data["decisions"][0]["rationale"] == "Technicians are never at a desk."
    assert data["summary"]["stories_by_priority"] == {"must": 1, "should": 1, "could": 1, "wont": 1}
    assert data["banks"][0]["title"] == "Mini bank"


def test_json_spec_has_the_same_content_and_shape_as_toml():
    session = rich_session()
    toml_data = validate_toml_spec(single("toml", session))
    json_data = validate_json_spec(single("json", session))
    assert json_data == toml_data
    assert json_data["started_at"] == "2026-01-31T09:30:00+01:00"


def test_json_refuses_a_number_that_is_not_finite():
    session = rich_session()
    session.answers["mini.users.count"] = Answer(float("nan"))
    with pytest.raises(ElicitError, match="not finite"):
        single("json", session)


@given(sessions())
@HYPOTHESIS
def test_every_toml_and_json_export_validates(session):
    toml_data = validate_toml_spec(single("toml", session))
    json_data = validate_json_spec(single("json", session))
    assert json_data == toml_data


def test_schema_refuses_what_the_exporter_never_writes():
    from jsonschema import ValidationError

    from tests.support.export import schema_validator

    data = validate_json_spec(single("json", rich_session()))
    for broken in (
        {**data, "surprise": 1},
        {**data, "schema": "elicit.spec/3"},
        {**data, "stories": [{**data["stories"][0], "priority": "urgent"}]},
        {key: value for key, value in data.items() if key != "stories"},
        {**data, "started_at": "31/01/2026"},
    ):
        with pytest.raises(ValidationError):
            schema_validator().validate(broken)


# Markdown ----------------------------------------------------------------------------

FIXED_LABELS = {
    "Asked for by:",
    "Client:",
    "Project:",
    "Interviewer:",
    "Date:",
    "Start:",
    "End:",
    "Duration:",
    "Question banks:",
    "Stories:",
    "Not taken forward:",
    "Coverage:",
    "Required questions still open:",
    "Open questions:",
    "Decisions:",
    "Assumptions:",
    "Status:",
    "Tags:",
    "Acceptance criteria:",
    "Source:",
    "Quality:",
    "Suggestion:",
    "Reason:",
    "Owner:",
    "Resolution:",
    "Why:",
    "Decided by:",
    "Said by:",
    "Goal:",
    "Answer:",
    "Notes:",
    "Skipped.",
    "Flagged to revisit.",
    "Still open: notes only, no answer yet.",
    "(notes taken)",
    "No longer applies with the answers given.",
    "(required)",
} | set(SUBTITLES.values())
ANCHOR = re.compile(r'<a id="(q-[A-Za-z0-9_.-]*)">')


def _expected_structure(session: Session, audience: str) -> dict[str, int]:
    """What the Markdown must contain, counted from the document model (what the builder put there)."""
    document = build_document(session, interview_for(session), audience)
    counts = {"heading_open": 1 + len(document.parts), "list_item_open": len(document.facts), "tr_open": 0, "blockquote_open": 0}
    counts["anchors"] = 0
    counts["tables"] = 0
    counts["td_open"] = 0
    for part in document.parts:
        for item in part.blocks:
            if isinstance(item, Heading):
                counts["heading_open"] += 1
            elif isinstance(item, BulletList):
                counts["list_item_open"] += len(item.items)
                counts["anchors"] += sum(isinstance(span, Anchor) for entry in item.items for spans in entry for span in spans)
            elif isinstance(item, Table):
                counts["tr_open"] += 1 + len(item.rows)
                counts["td_open"] += len(item.headers) * len(item.rows)
                counts["tables"] += 1
            elif isinstance(item, BarChart) and item.in_text:
                counts["tr_open"] += 1 + len(item.bars)
                counts["td_open"] += 2 * len(item.bars)
                counts["tables"] += 1
            elif isinstance(item, Quote) and item.text.strip():
                counts["blockquote_open"] += 1
    return counts


def check_markdown_structure(session: Session, audience: str = "team") -> list:
    """Parse the Markdown export and check that only elicit's own structure is there."""
    text = single("md", session, audience)
    tokens = markdown_tokens(text)
    expected = _expected_structure(session, audience)
    counts: dict[str, int] = {}
    for token in tokens:
        counts[token.type] = counts.get(token.type, 0) + 1
    for kind in ("heading_open", "list_item_open", "tr_open", "td_open", "blockquote_open"):
        assert counts.get(kind, 0) == expected[kind], kind
    for kind in ("html_block", "code_block", "fence", "hr"):
        assert counts.get(kind, 0) == 0, kind
    assert counts.get("table_open", 0) == expected["tables"]
    anchors: list[str] = []
    links: list[str] = []
    for token in tokens:
        if token.type != "inline":
            continue
        children = token.children or []
        for index, child in enumerate(children):
            assert child.type in {
                "text",
                "hardbreak",
                "em_open",
                "em_close",
                "strong_open",
                "strong_close",
                "link_open",
                "link_close",
                "html_inline",
            }, child.type
            if child.type == "html_inline":
                if child.content == "</a>":
                    continue
                found = ANCHOR.fullmatch(child.content)
                assert found, child.content
                anchors.append(found.group(1))
            elif child.type in ("em_open", "strong_open"):
                label = children[index + 1]
                assert label.type == "text" and label.content in FIXED_LABELS, label.content
                assert children[index + 2].type in ("em_close", "strong_close")
            elif child.type == "link_open":
                links.append(child.attrs["href"])
    assert len(anchors) == expected["anchors"] == len(set(anchors))
    assert all(link.startswith("#") and link[1:] in anchors for link in links)
    if audience == "client":
        assert not anchors and not links
    return tokens


def test_markdown_spec_reads_well():
    session = rich_session()
    text = single("md", session, "team")
    tokens = check_markdown_structure(session)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[0] == "Field service app — discovery"
    assert headings.index("Must have (1)") < headings.index("Should have (1)") < headings.index("Could have (1)")
    assert "Won't have this time (1)" not in headings  # US-004 is rejected: not a requirement
    assert headings.index("Not taken forward") < headings.index("US-004 · As an admin, I want theme the app")
    assert "Appendix: questions not covered" in headings
    assert "- [ ] Given no connection, when I save a job, then it is queued" in text
    assert "> We lose half a day when the signal drops." in text
    assert "[Must it work without a connection?](#q-mini.context.offline)" in text
    assert '<a id="q-mini.context.offline"></a>' in text
    assert "*Why:* Technicians are never at a desk." in text
    assert "| Job sheet | The paper form a technician fills in per visit. |" in text
    assert "| Must have | 1 | 0 | 1 | 0 | 0 |" in text
    assert "*Flagged to revisit.*" in text and "*Skipped.*" in text
    assert "kept from an older bank" in text
    assert "Who will use it day to day?" in text.split("## Appendix")[1]


def test_client_markdown_leaves_out_what_is_for_the_team():
    session = rich_session()
    text = single("md", session)
    check_markdown_structure(session, "client")
    assert "Sam was emphatic." not in text and "Not sure yet." not in text
    assert "revisit" not in text.lower() and "mini.context" not in text and "<a id" not in text
    assert "Appendix" not in text and "Question banks" not in text
    assert "## What you told us" in text and "2 of 5 (1 = not at all, 5 = very)" in text
    assert "- Must it work without a connection?\\\n  *Answer:* Yes" in text


def notes_only_session() -> Session:
    """Trial 2, T8: a choice with only notes (words typed on it), an answer flagged to revisit, one plain answer."""
    session = Session(title="t")
    session.answers["mini.context.problem"] = Answer("slow")
    session.answers["mini.context.platform"] = Answer(None, notes="An hour a week, Lena more")
    session.answers["mini.users.who"] = Answer("staff", status="revisit")
    return session


def test_the_client_count_is_the_answers_the_client_spec_lists():
    """Trial 2, T8: 'Stakeholders 4 of 6' over a list of 3 answers. Notes alone are no answer (not listed, not
    counted); a flagged answer is the client's words (listed, counted). Every count and the list agree."""
    session = notes_only_session()
    text = single("md", session)
    told = text.split("## What you told us")[1].split("## In figures")[0]
    assert told.count("*Answer:*") == 2 and "Where will people use it?" not in told
    assert "**Coverage:** 2 of 5 questions answered so far" in text
    assert "| Context | 1 of 2 |" in text and "| Users | 1 of 3 |" in text
    assert "Lena" not in text


def test_team_spec_keeps_notes_only_as_open_with_its_notes():
    text = single("md", notes_only_session(), "team")
    assert "1 answered, 0 skipped, 1 to revisit, 3 open" in text
    assert "| Context | 1/2 | 0 | 0 | 1 | 0 |" in text
    notes = text.split("## Interview notes")[1].split("## Appendix")[0]
    assert "*Notes:* An hour a week, Lena more\\\n  *Still open: notes only, no answer yet.*" in notes
    appendix = text.split("## Appendix")[1]
    assert "- Where will people use it?  *(notes taken)*" in appendix  # open, and its anchor is on its notes
    anchors = ANCHOR.findall(text)
    assert len(anchors) == len(set(anchors))


def test_spec_data_question_rows_follow_the_one_rule():
    data = tomllib.loads(single("toml", notes_only_session()))
    rows = {question["id"]: question for section in data["sections"] for question in section["questions"]}
    platform = rows["mini.context.platform"]
    assert platform["status"] == "open" and platform["answer"]["notes"] == "An hour a week, Lena more"
    assert "value" not in platform["answer"]
    assert rows["mini.users.who"]["status"] == "revisit"
    assert (data["summary"]["answered"], data["summary"]["open"]) == (1, 3)


@pytest.mark.parametrize("audience", AUDIENCES)
@pytest.mark.parametrize("hostile", [text for text in HOSTILE if text.strip()])
def test_hostile_answer_stays_text(hostile, audience):
    session = rich_session()
    session.answers["mini.context.problem"] = Answer(hostile, notes=hostile)
    session.stories[0].want = hostile
    session.stories[0].quote = hostile
    session.stories[0].acceptance = [hostile]
    session.participants[0].name = hostile
    session.stories[3].reason = hostile
    tokens = check_markdown_structure(session, audience)
    shown = " ".join(child.content for token in tokens if token.type == "inline" for child in token.children or [] if child.type == "text")
    for line in _LINE_BREAK.split(hostile):
        if line.strip():
            # markdown-it turns NUL into U+FFFD, as CommonMark asks.
            assert line.strip().replace("\x00", "\ufffd") in shown


@given(sessions(), st.sampled_from(AUDIENCES))
@HYPOTHESIS
def test_hostile_text_never_changes_the_markdown_structure(session, audience):
    check_markdown_structure(session, audience)


@given(hostile_text)
def test_escaped_line_renders_as_its_text(text):
    line = " ".join(text.split())
    tokens = markdown_tokens(escape_line(line) + "\n")
    if not line:
        assert tokens == []
        return
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert tokens[1].content == escape_line(line).replace("\x00", "\ufffd")
    assert "".join(child.content for child in tokens[1].children) == line.replace("\x00", "\ufffd")


def _rendered_text(markdown: str) -> list[str]:
    """The text of each block markdown-it finds, with its block types."""
    return [
        "".join(child.content if child.type == "text" else "\n" if child.type.endswith("break") else "" for child in token.children or [])
        for token in markdown_tokens(markdown)
        if token.type == "inline"
    ]


@given(st.lists(st.text(min_size=1) | st.sampled_from(HOSTILE), min_size=1, max_size=3))
@HYPOTHESIS
def test_any_text_reads_as_itself_in_every_position(lines):
    """Arbitrary text, at the start of a line, after a label, in a list item, a table cell and a heading."""
    kept = [" ".join(item.replace("\x00", "\ufffd").split()) for item in lines]
    kept = [item for item in kept if item]
    if not kept:
        return
    multi = "\n".join(kept)
    cases = {
        "paragraph": Paragraph((doc_line(Text(multi, lines=True)),)),
        "after a label": Paragraph((doc_line(Label("Why:"), Text(multi, lines=True)),)),
        "list item": BulletList(((doc_line(Text(multi, lines=True)),),)),
        "checkbox": BulletList(((doc_line(Text(multi, lines=True)),),), checkboxes=True),
        "quote": Quote(multi),
    }
    for where, item in cases.items():
        rendered = render_block(item)
        tokens = markdown_tokens(rendered + "\n")
        kinds = [t.type for t in tokens if t.type.endswith("_open")]
        assert "heading_open" not in kinds and "table_open" not in kinds and "html_block" not in [t.type for t in tokens], where
        assert kinds.count("list_item_open") == (1 if "list" in where or where == "checkbox" else 0), (where, rendered)
        texts = _rendered_text(rendered + "\n")
        prefix = {"after a label": "Why: ", "checkbox": "[ ] "}.get(where, "")
        assert texts == [prefix + "\n".join(kept)], (where, rendered)
    cell = Table(("A", "B"), ((doc_line(Text(multi)), doc_line("x")),))
    tokens = markdown_tokens(render_block(cell) + "\n")
    assert sum(t.type == "tr_open" for t in tokens) == 2
    assert sum(t.type == "td_open" for t in tokens) == 2
    cells = [t for t in tokens if t.type == "inline"][2:]
    assert "".join(c.content for c in cells[0].children or []) == " ".join(kept)
    heading = render_block(Heading(3, doc_line(Text(multi))))
    tokens = markdown_tokens(heading + "\n")
    assert [t.type for t in tokens] == ["heading_open", "inline", "heading_close"]
    assert tokens[1].children is not None and "".join(c.content for c in tokens[1].children) == " ".join(kept)


ORDINARY = ("Crumb & Co", "1.0.0", "0.25 hours", "50% off", "C++", "e-mail", "snake_case_name", "5 * 3", "a < b", "Q&A", "see [draft]")


@pytest.mark.parametrize("audience", AUDIENCES)
def test_ordinary_text_stays_as_typed_in_the_raw_markdown(audience):
    session = rich_session()
    for index, ordinary in enumerate(ORDINARY):
        session.glossary.append(GlossaryTerm(ordinary, ordinary))
        session.decisions.append(Decision(f"D-{index + 10}", ordinary, ordinary))
    session.stories[0].acceptance = list(ORDINARY)
    session.stories[0].quote = "\n".join(ORDINARY)
    session.answers["mini.context.problem"] = Answer("\n".join(ORDINARY), notes=" ".join(ORDINARY))
    text = single("md", session, audience)
    for ordinary in ORDINARY:
        assert f"| {ordinary} | {ordinary} |" in text, ordinary
        assert f"- [ ] {ordinary}\n" in text, ordinary
        assert f"*Why:* {ordinary}\n" in text, ordinary
        assert f"> {ordinary}" in text, ordinary
    assert "\\&" not in text and "1\\." not in text and "\\+" not in text and "\\-" not in text


def test_inline_folds_lines_and_escapes_line_starts():
    assert inline("- a\n1. b\r\n+ c\r= d", line_start=True) == r"\- a 1. b + c = d"
    assert [escape_line(item) for item in ("- a", "1. b", "2) c", "+ d", "# e", "> f", "===", "---", "* * *")] == [
        r"\- a",
        r"1\. b",
        r"2\) c",
        r"\+ d",
        r"\# e",
        r"\> f",
        r"\===",
        r"\---",
        r"\* * \*",
    ]
    assert escape_line("a - b # c > d 1. e") == "a - b # c > d 1. e"
    assert inline("   ") == ""


def test_line_starts_and_heading_ends_that_the_quick_paths_must_not_miss():
    """escape_line and heading_text skip their regular expressions for text that cannot need them (issue 18)."""
    assert escape_line("\u0663. three") == "\u0663\\. three"  # an Arabic-Indic digit is a digit to the old \\d
    assert escape_line("- - -") == r"\- - -" and escape_line("= x") == "= x" and escape_line("==") == r"\=="
    assert escape_line("12) x") == r"12\) x" and escape_line("\u00b2. x") == "\u00b2. x"  # a superscript is no digit
    assert render_block(Heading(3, doc_line("Pay ##"))) == r"### Pay \##"
    assert render_block(Heading(3, doc_line("C# ok"))) == "### C# ok"


@given(st.text() | st.sampled_from(HOSTILE), st.booleans(), st.booleans())
def test_a_line_of_one_text_renders_as_that_text_among_others(text, lines, line_start):
    """spans() takes a short way for a line of one text (issue 18): it must equal the general way, which a
    second, empty text forces."""
    from elicit.core.spec.exporters.markdown_spec import spans

    alone, among = (Text(text, lines=lines),), (Text(text, lines=lines), Text(""))
    assert spans(alone, line_start=line_start, indent="  ") == spans(among, line_start=line_start, indent="  ")


# Gherkin -----------------------------------------------------------------------------


def _scenarios(document: dict) -> list[dict]:
    return [child["scenario"] for child in document["feature"]["children"]]


def test_gherkin_features_parse_and_keep_steps():
    session = rich_session()
    files = render("gherkin", session)
    assert sorted(files) == ["US-001.feature", "US-002.feature", "US-003.feature"]  # US-004 is rejected
    assert sorted(render("gherkin", session, include_rejected=True)) == sorted(files) + ["US-004.feature"]
    document = parse_gherkin(files["US-001.feature"])
    feature = document["feature"]
    assert feature["name"] == "US-001 record a job offline"
    assert [tag["name"] for tag in feature["tags"]] == ["@US-001", "@priority-must", "@status-confirmed", "@offline", "@mobile-app"]
    assert "I want record a job offline" in feature["description"]
    assert "So that I can work in basements" in feature["description"]
    first, second = _scenarios(document)
    assert [(s["keyword"].strip(), s["text"]) for s in first["steps"]] == [
        ("Given", "no connection"),
        ("When", "I save a job"),
        ("Then", "it is queued"),
    ]
    assert [(s["keyword"].strip(), s["text"]) for s in second["steps"]] == [("Then", "Jobs sync within a minute of reconnecting")]
    multi_line = _scenarios(parse_gherkin(files["US-003.feature"]))[0]
    assert [s["keyword"].strip() for s in multi_line["steps"]] == ["Given", "When", "Then"]
    assert _scenarios(parse_gherkin(files["US-002.feature"])) == []


@pytest.mark.parametrize(
    ("criterion", "steps"),
    [
        ("Given a, when b, then c", [("Given", "a"), ("When", "b"), ("Then", "c")]),
        ("When I click; then it goes", [("When", "I click"), ("Then", "it goes")]),
        ("given a\nand b\nwhen c\nthen d\nbut e", [("Given", "a"), ("And", "b"), ("When", "c"), ("Then", "d"), ("But", "e")]),
        ("And a\nThen b\nThen c", [("Given", "a"), ("Then", "b"), ("And", "c")]),
        ("Whenever it rains, then x", None),
        ("Given a and b", None),
        ("Given a\nsomething else\nThen b", None),
        ("The page loads in two seconds", None),
        ("Given\nThen x", None),
    ],
)
def test_criterion_steps(criterion, steps):
    assert criterion_steps(criterion) == ("", steps)


def test_criterion_with_a_scenario_title():
    assert criterion_steps("Scenario: happy path\nGiven a\nThen b") == ("happy path", [("Given", "a"), ("Then", "b")])


def test_feature_file_names_are_safe_and_unique():
    taken: set[str] = set()
    names = [feature_file_name(story_id, taken) for story_id in ("US-1", "us-1", "../../etc/passwd", "", "CON", "a b/c", "US-1")]
    assert names == [
        "US-1.feature",
        "us-1-2.feature",
        "etc-passwd.feature",
        "story.feature",
        "CON-story.feature",
        "a-b-c.feature",
        "US-1-3.feature",
    ]


@given(sessions())
@HYPOTHESIS
def test_every_gherkin_file_parses_whatever_the_text(session):
    files = render("gherkin", session, include_rejected=True)
    assert len(files) == len(session.stories)
    for story, (name, text) in zip(session.stories, files.items(), strict=True):
        assert re.fullmatch(r"[A-Za-z0-9_-]+\.feature", name)
        document = parse_gherkin(text)
        feature = document["feature"]
        assert feature["keyword"] == "Feature"
        assert len(_scenarios(document)) == len(story.acceptance)
        assert all(scenario["steps"] for scenario in _scenarios(document))
        assert f"I want {one_line(story.want) or '…'}" in feature["description"]
        tags = [tag["name"] for tag in feature["tags"]]
        assert f"@priority-{story.priority}" in tags
        assert all(re.fullmatch(r"@[^\s@#]+", tag) for tag in tags)


# CSV ---------------------------------------------------------------------------------


def test_csv_leaves_rejected_stories_out_unless_asked():
    session = rich_session()
    ids = [row[0] for row in read_csv(single("csv", session))[1:]]
    assert ids == ["US-001", "US-002", "US-003"]
    with_rejected = read_csv(render("csv", session, include_rejected=True)["stories.csv"])[1:]
    assert [row[0] for row in with_rejected] == ["US-001", "US-002", "US-003", "US-004"]
    assert with_rejected[3][5] == "rejected"


def test_csv_rows_read_back_with_multi_line_text():
    session = rich_session()
    text = render("csv", session, include_rejected=True)["stories.csv"]
    rows = read_csv(text)
    header, *body = rows
    assert header == list(FIXED_COLUMNS) + ["Labels", "Labels"]
    assert len(body) == len(session.stories)
    first = dict(zip(header, body[0], strict=False))
    assert first["Story ID"] == "US-001"
    assert first["Summary"] == "As a technician, I want record a job offline, so that I can work in basements"
    assert first["Issue Type"] == "Story"
    assert first["Priority"] == "Highest"
    assert first["MoSCoW"] == "Must"
    assert first["Acceptance Criteria"] == "\n".join(session.stories[0].acceptance)
    assert "Acceptance criteria:\n- Given no connection" in first["Description"]
    assert "Source questions:\n- Must it work without a connection? (mini.context.offline)" in first["Description"]
    assert body[0][-2:] == ["offline", "mobile-app"]
    assert body[1][-2:] == ["", ""]
    assert text.count("\r\n") == len(rows)


def test_csv_summary_is_one_line_within_the_tracker_limit():
    session = Session(title="t", stories=[Story("US-1", "user", "x\n" * 300)])
    summary = read_csv(single("csv", session))[1][1]
    assert "\n" not in summary
    assert SUMMARY_LIMIT - 3 <= len(summary) <= SUMMARY_LIMIT
    assert summary.endswith("…")


@given(sessions())
@HYPOTHESIS
def test_csv_reads_back_exactly(session):
    rows = read_csv(render("csv", session, include_rejected=True)["stories.csv"])
    header, *body = rows
    assert len(body) == len(session.stories)
    assert all(len(row) == len(header) for row in body)
    for story, row in zip(session.stories, body, strict=True):
        # Issue 11 item 16: cells starting like a formula get a leading quote by default.
        assert row[0] == formula_safe(story.id)
        assert row[7] == formula_safe("\n".join(story.acceptance))
        assert row[8] == formula_safe(story.quote)
        assert row[9] == formula_safe("\n".join(story.source))
        assert all(not re.search(r"\s", label) for label in row[len(FIXED_COLUMNS) :])
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)


@given(sessions())
@HYPOTHESIS
def test_csv_with_raw_cells_reads_back_exactly(session):
    exporter = get_exporter("csv").with_raw_cells()
    (text,) = exporter.render(session, interview_for(session), ExportOptions(include_rejected=True)).values()
    header, *body = read_csv(text)
    for story, row in zip(session.stories, body, strict=True):
        assert row[0] == story.id
        assert row[7] == "\n".join(story.acceptance)
        assert row[8] == story.quote
        assert row[9] == "\n".join(story.source)


def test_csv_neutralises_formula_cells():
    story = Story("US-1", "user", "=HYPERLINK(\"http://evil\",\"x\")", quote="@SUM(1+1)", acceptance=["-1 day"], tags=["+tag"])
    session = Session(title="t", stories=[story])
    row = read_csv(single("csv", session))[1]
    assert row[7] == "'-1 day"
    assert row[8] == "'@SUM(1+1)"
    assert row[-1] == "'+tag"
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row)


# The 995 real stories ----------------------------------------------------------------


@pytest.fixture(scope="module")
def real_session() -> Session:
    return session_from_story_lines(user_story_lines())


def test_real_stories_export_to_every_format(real_session):
    assert len(real_session.stories) == 995
    validate_toml_spec(single("toml", real_session))
    validate_json_spec(single("json", real_session))
    rows = read_csv(render("csv", real_session, include_rejected=True)["stories.csv"])
    assert len(rows) == 996
    assert [row[0] for row in rows[1:]] == [story.id for story in real_session.stories]
    assert [row[8] for row in rows[1:]] == [story.quote for story in real_session.stories]
    check_markdown_structure(real_session)
    check_markdown_structure(real_session, "client")
    files = render("gherkin", real_session, include_rejected=True)
    assert len(files) == 995
    for story, text in zip(real_session.stories, files.values(), strict=True):
        assert len(_scenarios(parse_gherkin(text))) == len(story.acceptance)


def test_real_stories_round_trip_through_the_toml_spec(real_session):
    from elicit.core.spec.exporters.toml_spec import dumps_spec
    from elicit.core.spec.importer import loads_spec

    assert loads_spec(dumps_spec(real_session, interview_for(real_session))) == as_imported(real_session)


# Writing -----------------------------------------------------------------------------


def test_write_single_file_and_replace_it(tmp_path):
    exporter = get_exporter("md")
    destination = tmp_path / "spec.md"
    assert write_export(exporter, {"spec.md": "one\n"}, destination) == ([destination], [])
    assert write_export(exporter, {"spec.md": "two\n"}, destination) == ([destination], [])
    assert destination.read_text(encoding="utf-8") == "two\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["spec.md"]


def test_write_folder_for_gherkin(tmp_path):
    exporter = get_exporter("gherkin")
    files = render("gherkin", rich_session())
    folder = tmp_path / "features"
    written, removed = write_export(exporter, files, folder)
    assert [p.name for p in written] == sorted(files) and removed == []
    assert all(p.read_text(encoding="utf-8") == files[p.name] for p in written)
    assert write_export(exporter, files, folder) == (written, [])
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".elicit-export-")) == sorted(files)
    assert len(list(folder.glob(".elicit-export-*.json"))) == 1  # which files this session wrote


def test_re_export_removes_the_files_of_deleted_stories_and_nothing_else(tmp_path):
    exporter = get_exporter("gherkin")
    session = rich_session()
    folder = tmp_path / "features"
    first = write_export(exporter, render("gherkin", session), folder).written
    assert len(first) >= 2
    (folder / "hand-written.feature").write_text("Feature: kept\n", encoding="utf-8")
    (folder / "notes.txt").write_text("mine\n", encoding="utf-8")
    gone = session.stories.pop(0)
    files = render("gherkin", session)
    written, removed = write_export(exporter, files, folder)
    assert [path.name for path in removed] == [f"{gone.id}.feature"]
    kept = [path.name for path in folder.iterdir() if not path.name.startswith(".elicit-export-")]
    assert sorted(kept) == sorted([*files, "hand-written.feature", "notes.txt"])


def test_write_refuses_to_replace_a_session(tmp_path):
    session_file = tmp_path / "s.elicit.toml"
    original = dumps_session(rich_session())
    session_file.write_text(original, encoding="utf-8")
    with pytest.raises(ElicitError, match="is an elicit session"):
        write_export(get_exporter("toml"), {"spec.toml": "x = 1\n"}, session_file)
    assert session_file.read_text(encoding="utf-8") == original


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("md", lambda tmp: tmp, "is a folder"),
        ("md", lambda tmp: tmp / "missing" / "spec.md", "no such folder"),
        ("gherkin", lambda tmp: tmp / "missing" / "features", "no such folder"),
        ("gherkin", lambda tmp: (tmp / "file.txt", (tmp / "file.txt").write_text("x"))[0], "is a file"),
    ],
)
def test_write_explains_a_bad_destination(tmp_path, name, make, message):
    exporter = get_exporter(name)
    files = {"US-1.feature": "Feature: x\n"} if exporter.multi_file else {"spec.md": "x\n"}
    with pytest.raises(ElicitError, match=message):
        write_export(exporter, files, make(tmp_path))


def test_write_refuses_file_names_with_folders(tmp_path):
    with pytest.raises(ElicitError, match="must not contain a folder"):
        write_export(get_exporter("gherkin"), {"../escape.feature": "x"}, tmp_path / "out")
    assert not (tmp_path / "escape.feature").exists()


def test_json_export_is_indented_unicode(tmp_path):
    session = rich_session()
    text = single("json", session)
    assert "— discovery" in text
    assert text.startswith('{\n  "schema": "elicit.spec/2"')
    assert json.loads(text)["stories"][0]["tags"] == ["offline", "mobile app"]


@given(st.lists(hostile_text, max_size=3))
def test_one_line_never_leaves_a_line_break(parts):
    text = one_line("\n".join(parts))
    assert text == text.strip()
    assert len(text.splitlines()) <= 1


def test_the_documented_feature_is_what_the_exporter_writes():
    doc = (REPO / "docs" / "spec-format.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```gherkin\n(.*?)```", doc, re.DOTALL)
    assert render("gherkin", rich_session())["US-001.feature"] == example


@given(sessions())
@HYPOTHESIS
def test_the_spec_summary_figures_are_the_summary_counters(session):
    """The TOML spec's [summary] and the Markdown summary say what summarise() counts (issue 12: one counter)."""
    from elicit.core.session import summarise
    from elicit.core.spec.exporters.spec_data import SUMMARY_KEYS

    figures = summarise(interview_for(session))
    summary = tomllib.loads(single("toml", session))["summary"]
    assert summary == {key: getattr(figures, key) for key in SUMMARY_KEYS}
    assert list(summary)[:7] == ["questions", "answered", "skipped", "revisit", "open", "required_open", "percent"]
    text = single("md", session, "team")
    forward = figures.taken_forward_by_priority
    assert f"- **Stories:** {figures.taken_forward} (Must {forward['must']}, Should {forward['should']}" in text
    assert (figures.rejected > 0) == ("- **Not taken forward:** " in text)
    assert f"{figures.done} of {figures.questions} questions done ({figures.percent}%)" in text
    assert f"- **Open questions:** {figures.open_questions} · **Decisions:** {figures.decisions} · **Assumptions:** {figures.assumptions}" in text
    if figures.stories:
        assert f"| Total | {figures.stories} | " + " | ".join(str(n) for n in figures.stories_by_status.values()) + " |" in text
