"""The people spec's shared blocks and the Markdown writer's reuse of them (issue 18): each gives what it would make afresh."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from elicit.core.spec.exporters.document import BulletList, Heading, Label, Paragraph, Quote, Table, Text, line
from elicit.core.spec.exporters.markdown_spec import render_block, rendered
from elicit.core.spec.exporters.spec_document import STATUS_WORDS, SpecContext, status_line
from elicit.core.vocabulary import STORY_STATUSES
from tests.support.export import interview_for, rich_session, sessions

HYPOTHESIS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Blocks that are equal but distinct objects, and blocks that differ only deep inside: a memo keyed by anything but
# the block itself would hand one the other's text.
_POOL = [
    Paragraph((line(Label("Acceptance criteria:")),)),
    Paragraph((line(Label("Acceptance criteria:")),)),
    Paragraph((line(Label("Acceptance criteria:"), "none yet."),)),
    Paragraph((line(Label("Status:"), "draft"),)),
    Paragraph((line(Label("Status:"), "# confirmed"),)),
    Heading(4, line("US-001 · As a user, I want *this*")),
    Heading(4, line("US-002 · As a user, I want that")),
    BulletList(((line(Text("Given a\nwhen b", lines=True)),),), checkboxes=True),
    BulletList(((line(Text("Given a\nwhen c", lines=True)),),), checkboxes=True),
    Quote("We lose | half a day"),
    Quote("We lose half a day"),
    Table(("A", "B"), ((line("1"), line("2")),)),
]


@given(st.lists(st.integers(min_value=0, max_value=len(_POOL) - 1), max_size=30))
def test_a_block_met_again_is_written_as_it_is_written_afresh(picks):
    written: dict[int, str] = {}
    assert [rendered(_POOL[pick], written) for pick in picks] == [render_block(_POOL[pick]) for pick in picks]


def test_each_status_has_its_own_status_line_made_once():
    for status in (*STORY_STATUSES, "an unknown status"):
        made = status_line(status)
        assert made == Paragraph(((Label("Status:"), Text(STATUS_WORDS.get(status, status))),))
        assert status_line(status) is made


@HYPOTHESIS
@given(sessions(), st.sampled_from(["client", "team"]))
def test_a_source_line_kept_for_some_stories_is_the_one_made_afresh_for_each(session, audience):
    """One context's source lines and question labels, kept across every story, equal those of a context made for
    each story alone (the anchors and the audience decide them, and both are set when the context is made)."""
    interview = interview_for(session)
    kept = SpecContext.of(session, interview, audience)
    for story in [*session.stories, *rich_session().stories]:
        fresh = SpecContext.of(session, interview, audience)
        assert kept.source_line(tuple(story.source)) == fresh.source_line(tuple(story.source))
        for question_id in story.source:
            assert kept.question_label(question_id) == SpecContext.of(session, interview, audience).question_label(question_id)


def test_stories_sharing_a_first_source_keep_their_own_source_lines():
    session = rich_session()
    first, second = "mini.context.offline", "mini.users.who"
    sources = [(first,), (first, second), (second, first), (second,), ("mini.gone.question",), (first, "mini.gone.question")]
    for audience in ("client", "team"):
        kept = SpecContext.of(session, interview_for(session), audience)
        for ids in sources * 2:
            assert kept.source_line(ids) == SpecContext.of(session, interview_for(session), audience).source_line(ids)
