"""The StrictDoc export: parsed and validated by the ``strictdoc`` package, whatever the text."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from elicit.core.session.models import Session, Story
from elicit.core.spec import get_exporter
from elicit.core.spec.exporters.story_groups import story_groups
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


def check_document(session: Session) -> list:
    """Parses and validates; one USER_STORY per story under its section, its text as written."""
    text = sdoc_text(session)
    title, sections = parse_sdoc(text)
    groups = story_groups(session, interview_for(session))
    assert len(sections) == len(groups)
    uids = []
    for (fields, nodes), group in zip(sections, groups, strict=True):
        assert shown(fields["TITLE"]) == (as_single_line(group.title) or "…")
        stories = [node for kind, node in nodes if kind == "USER_STORY"]
        assert len(stories) == len(group.stories)
        for node, story in zip(stories, group.stories, strict=True):
            assert all(value.strip() for value in node.values()), "no empty fields"
            uids.append(node["UID"])
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
    assert [fields["TITLE"] for fields, _ in sections] == ["Context", "Users", "Other stories"]


def test_grammar_puts_single_line_fields_first():
    text = sdoc_text(rich_session())
    story_grammar = text[text.index("- TAG: USER_STORY") : text.index("[[SECTION]]")]
    names = re.findall(r"- TITLE: (\w+)", story_grammar)
    assert names.index("STATEMENT") == names.index("TITLE") + 1
    assert names[-4:] == ["ACCEPTANCE_CRITERIA", "CLIENT_QUOTE", "SOURCE_QUESTIONS", "REASON"]


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
    sections = check_document(session)
    assert sum(1 for _, nodes in sections for kind, _ in nodes if kind == "USER_STORY") == 995


def test_strictdoc_builds_html_from_the_export(tmp_path):
    """StrictDoc's own pipeline (grammar, traceability index, HTML) takes the file, hostile text and all."""
    session = rich_session()
    session.stories.append(Story("US-099", "<b>admin</b>", "[LINK: US-001] and\n<<<\n>>>", quote="\x1b[31m red", acceptance=["`rst` **bold**"]))
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
