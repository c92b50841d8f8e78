"""The StrictDoc export: parsed and validated by the ``strictdoc`` package, whatever the text."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from elicit.core.session.models import Decision, OpenQuestion, Session, Story
from elicit.core.spec import get_exporter
from elicit.core.spec.exporters.story_groups import person_label, question_lines, story_groups
from elicit.core.spec.exporters.strictdoc_spec import ZERO_WIDTH
from tests.conftest import user_story_lines
from tests.support.export import HOSTILE, interview_for, rich_session, session_from_story_lines, sessions
from tests.support.tool_formats import parse_sdoc

HYPOTHESIS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def sdoc_text(session: Session) -> str:
    (text,) = get_exporter("sdoc").render(session, interview_for(session)).values()
    return text


def shown(text: str) -> str:
    """What a reader sees: zero-width spaces gone."""
    return text.replace(ZERO_WIDTH, "")


def pictured(text: str) -> str:
    """Control characters as their pictures; zero-width spaces gone, as :func:`shown` leaves the export."""
    return shown(_CONTROL.sub(lambda m: "\u2421" if m.group() == "\x7f" else chr(0x2400 + ord(m.group())), text))


def as_single_line(text: str) -> str:
    return pictured(" ".join(text.split()))


def as_multi_line(text: str) -> str:
    if not text.strip():
        return ""
    return "".join(pictured(line.rstrip()) + "\n" for line in _LINE_BREAK.split(text.strip("\r\n")))


def check_field(node: dict[str, str], name: str, expected: str) -> None:
    """A field holds ``expected`` (as :func:`shown` reads it), or is left out when there is nothing to say."""
    if expected:
        assert shown(node[name]) == expected, name
    else:
        assert name not in node, name


def id_list(items: list[str]) -> str:
    """Ids on one line as the export writes them: each one's spaces collapsed, then the line's (a zero-width space
    is text until the reader's eye drops it, so it is taken out last)."""
    kept = (" ".join(item.split()) for item in items)
    return as_single_line(", ".join(item for item in kept if item))


def bullets(items: list[str]) -> str:
    return "".join("- " + "\n  ".join(as_multi_line(item).splitlines() or ["…"]) + "\n" for item in items)


def check_follow_ups(session: Session, sections: list, relations: dict[str, list[str]], story_uids: dict[str, str], uids: list[str]) -> None:
    """The decisions and open questions in a section each after the stories, every field as written; a decision's
    Parent relations name the UIDs of the stories of the document it is about, in order, once each."""
    interview = interview_for(session)
    expected = [title for title, items in (("Decisions", session.decisions), ("Open questions", session.open_questions)) if items]
    assert [fields["TITLE"] for fields, _ in sections] == expected
    by_title = {fields["TITLE"]: nodes for fields, nodes in sections}
    for decision, (kind, node) in zip(session.decisions, by_title.get("Decisions", []), strict=True):
        assert kind == "DECISION" and all(value.strip() for value in node.values())
        uids.append(node["UID"])
        assert shown(node["STATEMENT"]) == (as_multi_line(decision.text) or "…\n")
        check_field(node, "RATIONALE", as_multi_line(decision.rationale))
        check_field(node, "DECIDED_BY", as_single_line(decision.decided_by))
        check_field(node, "SAID_BY", as_single_line(person_label(decision.by, session)))
        check_field(node, "STORIES", id_list(decision.stories))
        check_field(node, "SOURCE", id_list(decision.source))
        check_field(node, "SOURCE_QUESTIONS", bullets(question_lines(decision.source, interview)))
        linked = [story_uids[story] for story in dict.fromkeys(decision.stories) if story in story_uids]
        assert relations.get(node["UID"], []) == linked
    for item, (kind, node) in zip(session.open_questions, by_title.get("Open questions", []), strict=True):
        assert kind == "OPEN_QUESTION" and all(value.strip() for value in node.values())
        uids.append(node["UID"])
        assert shown(node["STATEMENT"]) == (as_multi_line(item.text) or "…\n")
        assert node["STATUS"].lower() == item.status
        check_field(node, "OWNER", as_single_line(item.owner))
        check_field(node, "RAISED_BY", as_single_line(person_label(item.by, session)))
        check_field(node, "RESOLUTION", as_multi_line(item.resolution))
        check_field(node, "SOURCE_QUESTIONS", bullets(question_lines(item.source, interview)))


def check_document(session: Session) -> list:
    """Parses and validates; one USER_STORY per story under its section, its text as written; then the decisions
    and open questions."""
    text = sdoc_text(session)
    title, sections, relations = parse_sdoc(text, relations=True)
    groups = story_groups(session, interview_for(session))
    uids = []
    story_uids: dict[str, str] = {}
    for (fields, nodes), group in zip(sections[: len(groups)], groups, strict=True):
        assert shown(fields["TITLE"]) == (as_single_line(group.title) or "…")
        stories = [node for kind, node in nodes if kind == "USER_STORY"]
        assert len(stories) == len(group.stories)
        for node, story in zip(stories, group.stories, strict=True):
            assert all(value.strip() for value in node.values()), "no empty fields"
            uids.append(node["UID"])
            story_uids.setdefault(story.id, node["UID"])
            assert shown(node["STATEMENT"]) == as_multi_line(story.sentence())
            assert node["PRIORITY"] in ("Must", "Should", "Could", "Won't")
            assert node["STATUS"].lower() == story.status
            if story.quote.strip():
                assert shown(node["CLIENT_QUOTE"]) == as_multi_line(story.quote)
            else:
                assert "CLIENT_QUOTE" not in node
            if story.reason.strip():
                assert shown(node["REASON"]) == as_multi_line(story.reason)
            else:
                assert "REASON" not in node
            if story.acceptance:
                assert node["ACCEPTANCE_CRITERIA"].count("\n- ") + 1 == len(story.acceptance)
            else:
                assert "ACCEPTANCE_CRITERIA" not in node
    check_follow_ups(session, sections[len(groups) :], relations, story_uids, uids)
    assert len(uids) == len(set(uids))
    return sections


def test_rich_session_parses_with_its_fields():
    sections = check_document(rich_session())
    (context, nodes) = sections[0]
    assert context == {"UID": "SECTION-mini.context", "TITLE": "Context"}
    assert nodes[0] == ("TEXT", {"STATEMENT": "Understand the product.\n"})
    kind, story = nodes[1]
    assert kind == "USER_STORY"
    assert story == {
        "UID": "US-001",
        "STATUS": "Confirmed",
        "PRIORITY": "Must",
        "TAGS": "offline, mobile app",
        "SOURCE": "mini.context.offline",
        "TITLE": "record a job offline",
        "STATEMENT": "As a technician, I want record a job offline, so that I can work in basements\n",
        "ACCEPTANCE_CRITERIA": "- Given no connection, when I save a job, then it is queued\n- Jobs sync within a minute of reconnecting\n",
        "CLIENT_QUOTE": "We lose half a day when the signal drops.\n",
        "SOURCE_QUESTIONS": "- Must it work without a connection? (mini.context.offline)\n",
    }
    assert [fields["TITLE"] for fields, _ in sections] == ["Context", "Users", "Other stories", "Decisions", "Open questions"]
    assert sections[3] == (
        {"UID": "SECTION-decisions", "TITLE": "Decisions"},
        [("DECISION", {"UID": "D-001", "DECIDED_BY": "Sam", "TITLE": "Mobile first", "STATEMENT": "Mobile first\n", "RATIONALE": "Technicians are never at a desk.\n"})],
    )
    assert sections[4][1] == [
        (
            "OPEN_QUESTION",
            {
                "UID": "OQ-001",
                "STATUS": "Open",
                "OWNER": "Sam",
                "SOURCE": "mini.context.platform",
                "TITLE": "Which MDM do they use?",
                "STATEMENT": "Which MDM do they use?\n",
                "SOURCE_QUESTIONS": "- Where will people use it? (mini.context.platform)\n",
            },
        )
    ]


def test_a_decision_relates_to_each_story_it_is_about():
    session = rich_session()
    session.stories.append(Story("D-002", "user", "share an id with a decision"))
    session.decisions.append(Decision("D-002", "Reports stay monthly", "", "", [], ["US-003", "US-404", "US-003", "D-002"], by="Sam"))
    session.open_questions.append(OpenQuestion("OQ-002", "Who pays?", "", "resolved", "The client\nin full", [], by="Kim"))
    sections = check_document(session)
    decision = sections[3][1][1][1]
    assert decision["UID"] == "D-002-2" and decision["SAID_BY"] == "Sam (Operations lead)"
    _, _, relations = parse_sdoc(sdoc_text(session), relations=True)
    assert relations == {"D-002-2": ["US-003", "D-002"]}
    assert sections[4][1][1][1]["RESOLUTION"] == "The client\nin full\n"


def test_a_session_without_decisions_or_open_questions_declares_neither():
    session = rich_session()
    session.decisions, session.open_questions = [], []
    text = sdoc_text(session)
    assert "DECISION" not in text and "OPEN_QUESTION" not in text and "RELATIONS" not in text
    assert [fields["TITLE"] for fields, _ in check_document(session)] == ["Context", "Users", "Other stories"]


def test_grammar_puts_single_line_fields_first():
    text = sdoc_text(rich_session())
    grammar = text[text.index("- TAG: USER_STORY") : text.index("[[SECTION]]")]
    story_grammar, decision_grammar, question_grammar = grammar.split("- TAG: ")[1:]
    names = re.findall(r"- TITLE: (\w+)", story_grammar)
    assert names.index("STATEMENT") == names.index("TITLE") + 1
    assert names[-4:] == ["ACCEPTANCE_CRITERIA", "CLIENT_QUOTE", "SOURCE_QUESTIONS", "REASON"]
    assert re.findall(r"- TITLE: (\w+)", decision_grammar)[-4:] == ["TITLE", "STATEMENT", "RATIONALE", "SOURCE_QUESTIONS"]
    assert re.findall(r"- TITLE: (\w+)", question_grammar)[-4:] == ["TITLE", "STATEMENT", "RESOLUTION", "SOURCE_QUESTIONS"]
    assert decision_grammar.endswith("  RELATIONS:\n  - TYPE: Parent\n")


def test_export_is_byte_identical():
    assert sdoc_text(rich_session()) == sdoc_text(rich_session())


@pytest.mark.parametrize("hostile", HOSTILE + ("[LINK: US-001]", "[ANCHOR: x]\nafter", "<<<\nend", ">>>", ">>>\n<<<", "a\n\n\nb"))
def test_hostile_text_in_every_field(hostile):
    story = Story(hostile or "US-1", hostile, hostile, hostile, "could", [hostile, hostile], hostile, [hostile], [hostile], "rejected")
    story.reason = hostile
    session = Session(title=hostile, stories=[story, Story("US-001", "user", "be linked")], banks=rich_session().banks)
    check_document(session)


@given(sessions())
@HYPOTHESIS
def test_every_export_parses_and_validates(session):
    check_document(session)


def test_real_stories_parse():
    session = session_from_story_lines(user_story_lines())
    session.decisions[0].stories = [story.id for story in session.stories[::100]]
    sections = check_document(session)
    assert sum(1 for _, nodes in sections for kind, _ in nodes if kind == "USER_STORY") == 995


def test_strictdoc_builds_html_from_the_export(tmp_path):
    """StrictDoc's own pipeline (grammar, traceability index, HTML) takes the file, hostile text and all."""
    session = rich_session()
    session.stories.append(Story("US-099", "<b>admin</b>", "[LINK: US-001] and\n<<<\n>>>", quote="\x1b[31m red", acceptance=["`rst` **bold**"]))
    session.decisions.append(Decision("D-002", "No SSO <b>yet</b>\n<<<", "[ANCHOR: x]", "the board", ["mini.context.platform"], ["US-099", "US-001", "US-404"]))
    session.open_questions.append(OpenQuestion("OQ-002", "Which IdP?\n>>>", "IT", "resolved", "Okta\x1b", by="Sam"))
    source = tmp_path / "docs"
    source.mkdir()
    (source / "spec.sdoc").write_text(sdoc_text(session), encoding="utf-8")
    strictdoc = Path(sys.executable).with_name("strictdoc")
    result = subprocess.run(
        [str(strictdoc), "export", "--formats", "html", "--output-dir", str(tmp_path / "out"), str(source)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    pages = list((tmp_path / "out").rglob("spec.html"))
    assert pages, list((tmp_path / "out").rglob("*.html"))
    page = pages[0].read_text(encoding="utf-8")
    assert "record a job offline" in page
    assert "&lt;b&gt;admin&lt;/b&gt;" in page
    assert "No SSO &lt;b&gt;yet&lt;/b&gt;" in page and "Which IdP?" in page and "Mobile first" in page
