"""Rounds freeze what was sent; the diff says what changed, field by field, with the reasons recorded."""

from __future__ import annotations

import json
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from elicit.core.review import (
    State,
    accept,
    criteria_changes,
    decline,
    diff,
    diff_json,
    diff_markdown,
    load_state,
    round_state,
    session_state,
)
from elicit.core.session import SessionService
from elicit.core.session.file_format import dumps_session, loads_session
from elicit.core.session.models import Proposal, Story
from elicit.core.session.suspects import suspect_stories
from elicit.core.spec import get_exporter
from elicit.core.spec.exporters.options import ExportOptions
from tests.support.export import HOSTILE, interview_for, rich_session


def service_for(session=None) -> SessionService:
    session = session or rich_session()
    return SessionService(session, interview_for(session))


def by_id(changes, kind, item_id):
    [change] = [c for c in changes if c.kind == kind and c.id == item_id]
    return change


def test_a_round_freezes_stories_and_follow_ups_as_they_stood():
    service = service_for()
    first = service.record_round("sent to Sam")
    service.update_story("US-001", want="record a job offline and attach photos")
    service.add_decision("Photos are optional", "Not every job needs one")
    service.resolve_open_question("OQ-001", "Intune")
    assert first.number == 1 and first.note == "sent to Sam" and first.at is not None
    assert [s.want for s in first.stories if s.id == "US-001"] == ["record a job offline"]
    assert [d.id for d in first.decisions] == ["D-001"]
    assert first.open_questions[0].status == "open"
    assert [s.id for s in first.stories] == ["US-001", "US-002", "US-003", "US-004"]
    assert first.stories[0].history == [] and first.stories[0].basis == {}
    assert service.record_round().number == 2


def test_rounds_survive_the_session_file():
    service = service_for()
    service.record_round("first")
    service.update_story("US-002", priority="must")
    reread = loads_session(dumps_session(service.session))
    assert reread.rounds == service.session.rounds
    assert reread.rounds[0].stories[1].priority == "should"


def test_diff_reports_every_story_field_and_reworded_criteria():
    old = rich_session()
    new = rich_session()
    story = new.stories[0]
    story.role, story.want, story.so_that = "field technician", "save a job offline", "I can work underground"
    story.priority, story.quote, story.tags, story.status = "should", "Signal drops all the time.", ["offline"], "changed"
    story.acceptance = ["Given no connection, when I save a job, then it is queued for sync", "A badge shows unsent jobs"]
    changes = diff(session_state(old, "old"), session_state(new, "new"))
    fields = by_id(changes, "story", "US-001").fields
    assert set(fields) == {"role", "want", "so_that", "priority", "acceptance", "quote", "tags", "status"}
    assert fields["want"] == {"old": "record a job offline", "new": "save a job offline"}
    criteria = fields["acceptance"]
    assert criteria["reworded"] == [
        {"old": "Given no connection, when I save a job, then it is queued", "new": "Given no connection, when I save a job, then it is queued for sync"}
    ]
    assert criteria["removed"] == ["Jobs sync within a minute of reconnecting"]
    assert criteria["added"] == ["A badge shows unsent jobs"]


def test_criteria_that_do_not_read_alike_are_a_removal_and_an_addition():
    assert criteria_changes(["Exports a CSV"], ["Sends an e-mail to the owner every night"]) == {
        "added": ["Sends an e-mail to the owner every night"],
        "removed": ["Exports a CSV"],
        "reworded": [],
    }


def test_diff_of_added_removed_and_follow_ups():
    old, new = rich_session(), rich_session()
    new.stories = [s for s in new.stories if s.id != "US-002"] + [Story("US-005", "owner", "see takings", priority="must")]
    new.open_questions[0] = replace(new.open_questions[0], status="resolved", resolution="Intune")
    new.decisions[0] = replace(new.decisions[0], rationale="They are always on site.")
    new.assumptions = []
    changes = diff(session_state(old, "a"), session_state(new, "b"))
    assert by_id(changes, "story", "US-005").change == "added"
    assert by_id(changes, "story", "US-002").change == "removed"
    question = by_id(changes, "open_question", "OQ-001")
    assert question.fields == {"status": {"old": "open", "new": "resolved"}, "resolution": {"old": "", "new": "Intune"}}
    assert question.reason == "Intune"
    assert by_id(changes, "decision", "D-001").fields["rationale"]["new"] == "They are always on site."
    assert by_id(changes, "assumption", "A-001").change == "removed"
    assert diff(session_state(old, "a"), session_state(rich_session(), "b")) == []


def test_a_glossary_term_added_since_a_round_is_in_what_changed():
    # trial2 T24: the new term 'no-show' was not in "What changed since round 1".
    service = service_for()
    service.define_term("job sheet", "the paper form")
    service.record_round("first")
    service.define_term("no-show", "a patient who missed the appointment without saying")
    service.define_term("job sheet", "the form a technician fills in per visit")
    reread = loads_session(dumps_session(service.session))
    assert [t.term for t in reread.rounds[0].glossary] == [t.term for t in service.session.rounds[0].glossary]
    old, new = round_state(reread.rounds[0], "s"), session_state(reread, "s")
    changes = diff(old, new)
    assert [(c.kind, c.id.casefold(), c.change) for c in changes if c.kind == "term"] == [("term", "job sheet", "changed"), ("term", "no-show", "added")]
    page = diff_markdown(changes, old, new)
    glossary = page.split("## Glossary", 1)[1]
    assert "no-show" in glossary.casefold() and "the paper form → the form a technician fills in per visit" in glossary


def test_a_resolved_open_question_says_its_resolution_once():
    # trial2 T24: the page listed 'Resolution: Intune' and then 'Why: Intune'.
    old, new = rich_session(), rich_session()
    new.open_questions[0] = replace(new.open_questions[0], status="resolved", resolution="Intune")
    new.decisions[0] = replace(new.decisions[0], text="Cards only for now")
    changes = diff(session_state(old, "a"), session_state(new, "b"))
    page = diff_markdown(changes, session_state(old, "a"), session_state(new, "b"))
    question = page.split("OQ-001", 1)[1].split("D-001", 1)[0]
    assert question.count("Intune") == 1 and "Why:" not in question, question
    assert "*Why:* " + new.decisions[0].rationale in page.split("D-001", 1)[1], "a reason no field shows stays"
    assert by_id(changes, "open_question", "OQ-001").reason == "Intune", "the JSON keeps it"


def test_session_at_round_and_spec_against_session(tmp_path):
    service = service_for()
    service.record_round("first")
    service.update_story("US-002", priority="must")
    path = tmp_path / "s.elicit.toml"
    path.write_text(dumps_session(service.session), encoding="utf-8")
    changes = diff(load_state(f"{path}@1"), load_state(str(path)))
    assert [(c.id, list(c.fields)) for c in changes] == [("US-002", ["priority"])]
    assert load_state(f"{path}@last").round_number == 1
    spec = tmp_path / "s.spec.toml"
    spec.write_text(get_exporter("toml").render(service.session, interview_for(service.session))["spec.toml"], encoding="utf-8")
    assert diff(load_state(str(spec)), load_state(str(path))) == []
    service.update_story("US-003", want="export weekly reports")
    path.write_text(dumps_session(service.session), encoding="utf-8")
    assert [c.id for c in diff(load_state(str(spec)), load_state(str(path)))] == ["US-003"]


def test_declined_and_accepted_reasons_reach_the_next_diff_and_the_client_spec():
    service = service_for()
    service.record_round()
    first, second = service.add_proposals(
        [
            Proposal("", "US-002", "change", "As a dispatcher, I want to see every van on a map, so that I can route jobs", comment="Vans, not people"),
            Proposal("", "US-001", "change", "As a technician, I want to type the job number", priority="could"),
        ]
    )
    accept(service, first.id)
    decline(service, second.id, "Scanning the job sheet is faster and avoids typos")
    story = service.session.story("US-002")
    assert story.status == "changed" and story.want == "to see every van on a map"
    assert story.history[-1].want == "see every technician on a map"
    assert story.history[-1].note == f"client review, proposal {first.id}"
    assert service.session.story("US-001").want == "record a job offline"
    changes = diff(round_state(service.session.rounds[-1], "s"), session_state(service.session, "s"))
    assert by_id(changes, "story", "US-002").reason == "changed at the client's request (the review sheet): Vans, not people"
    decision = by_id(changes, "decision", "D-002")
    assert decision.change == "added" and decision.reason == "Scanning the job sheet is faster and avoids typos"
    assert service.session.decisions[-1].stories == ["US-001"]
    markdown = diff_markdown(changes, round_state(service.session.rounds[-1], "s"), session_state(service.session, "s"))
    assert "Scanning the job sheet is faster and avoids typos" in markdown and "# What changed since round 1" in markdown
    spec = get_exporter("md").render(service.session, interview_for(service.session))
    assert (
        'You asked us to reword US-001 as "As a technician, I want to type the job number" and move it to Could have; '
        "we kept it as it was. Our reason: Scanning the job sheet is faster and avoids typos."
    ) in "".join(spec.values())


def test_accepting_a_removal_rejects_with_the_clients_comment_and_keep_confirms():
    service = service_for()
    remove, keep = service.add_proposals(
        [Proposal("", "US-003", "remove", comment="We bill from the accounts system"), Proposal("", "US-002", "keep")]
    )
    accept(service, remove.id)
    accept(service, keep.id)
    assert service.session.story("US-003").status == "rejected"
    assert service.session.story("US-003").reason == "We bill from the accounts system"
    assert service.session.story("US-002").status == "confirmed"
    assert [p.status for p in service.session.proposals] == ["accepted", "accepted"]


def test_a_proposal_is_settled_once_and_a_decline_needs_a_reason():
    import pytest

    from elicit.core.findings import ElicitError

    service = service_for()
    [proposal] = service.add_proposals([Proposal("", "US-002", "change", priority="must")])
    with pytest.raises(ElicitError, match="say why"):
        decline(service, proposal.id, "  ")
    accept(service, proposal.id)
    with pytest.raises(ElicitError, match="already accepted"):
        accept(service, proposal.id)
    with pytest.raises(ElicitError, match="no proposal 'P-009'"):
        accept(service, "P-009")


def test_json_diff_is_stable_and_has_the_documented_keys():
    old, new = rich_session(), rich_session()
    new.stories[1].priority = "must"
    new.stories.append(Story("US-009", "owner", "close the day"))
    first = diff_json(diff(session_state(old, "a"), session_state(new, "b")))
    assert first == diff_json(diff(session_state(rich_session(), "a"), session_state(new, "b")))
    items = json.loads(first)
    assert all(set(item) == {"kind", "id", "change", "fields", "reason"} for item in items)
    assert items[0] == {"kind": "story", "id": "US-002", "change": "changed", "fields": {"priority": {"old": "should", "new": "must"}}, "reason": ""}
    assert (items[1]["id"], items[1]["change"], items[1]["fields"]["want"]) == ("US-009", "added", {"old": None, "new": "close the day"})


def block_types(text: str) -> list[str]:
    return [token.type for token in MarkdownIt().parse(text) if token.nesting >= 0 and token.type != "inline"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists((st.sampled_from(HOSTILE) | st.text(max_size=30)).filter(str.strip), min_size=3, max_size=3))
def test_hostile_text_cannot_change_the_structure_of_the_markdown_diff(texts):
    old, new = rich_session(), rich_session()
    new.stories[1].want, new.stories[1].so_that = texts[0], texts[1]
    new.decisions[0].rationale = texts[2]
    plain_new = rich_session()
    plain_new.stories[1].want, plain_new.stories[1].so_that = "plain goal", "plain benefit"
    plain_new.decisions[0].rationale = "plain reason"
    hostile = diff_markdown(diff(session_state(old, "a"), session_state(new, "b")), session_state(old, "a"), session_state(new, "b"))
    plain = diff_markdown(
        diff(session_state(old, "a"), session_state(plain_new, "b")), session_state(old, "a"), session_state(plain_new, "b")
    )
    assert block_types(hostile) == block_types(plain)


def test_a_story_is_suspect_after_its_source_answer_changes_and_clears_when_confirmed():
    service = service_for()
    service.update_story("US-001", status="confirmed")
    assert suspect_stories(service.session) == {}
    service.answer("mini.context.offline", False)
    assert suspect_stories(service.session) == {"US-001": ["mini.context.offline"]}
    service.set_notes("mini.context.offline", "only notes change")  # notes are not the answer
    assert list(suspect_stories(service.session)) == ["US-001"]
    service.set_story_status("US-001", "confirmed")
    assert suspect_stories(service.session) == {}


def test_an_answer_changed_back_is_no_longer_suspect():
    service = service_for()
    service.update_story("US-001", status="confirmed")
    service.answer("mini.context.offline", False)
    service.answer("mini.context.offline", True)
    assert suspect_stories(service.session) == {}


def test_a_state_lists_records_by_kind():
    state = State("x")
    assert state.records("story") is state.stories and state.records("assumption") is state.assumptions


def test_the_markdown_diff_is_the_spec_renderer_on_the_document_model():
    from elicit.core.review.render import diff_document
    from elicit.core.spec.exporters.markdown_spec import inline, markdown_document

    old, new = rich_session(), rich_session()
    want = "see *all* <b>jobs</b> [on](a) map_view"
    new.stories[1].want = want
    new.decisions[0].rationale = "# kept\n- because"
    new.stories[1].priority = "wont" if old.stories[1].priority != "wont" else "must"
    changes = diff(session_state(old, "old *spec*.toml"), session_state(new, "b"))
    page = diff_markdown(changes, session_state(old, "old *spec*.toml"), session_state(new, "b"))
    assert page == markdown_document(diff_document(changes, session_state(old, "old *spec*.toml"), session_state(new, "b")))
    spec = "".join(get_exporter("md").render(new, interview_for(new)).values())
    assert inline(want) in page and inline(want) in spec, "the client's text is escaped by the one rule the specs use"
    assert page.startswith("# What changed since old \\*spec\\*.toml\n")
    labels = {"must": "Must", "should": "Should", "could": "Could", "wont": "Won't"}
    assert f"priority: {labels[old.stories[1].priority]} → {labels[new.stories[1].priority]}" in page, "priorities as the spec says them"
    tokens = [token.type for token in MarkdownIt().parse(page) if token.nesting == 1]
    assert tokens.count("bullet_list_open") == 2 and tokens.count("heading_open") == 3, "a title, then one list per kind of record"


def test_a_diff_between_two_rounds_gives_the_same_reasons_as_one_against_the_session(tmp_path):
    service = service_for()
    service.record_round("sent")
    [proposal] = service.add_proposals([Proposal("", "US-002", "change", priority="must", comment="Saturday staff need this most")])
    accept(service, proposal.id)
    service.record_round("after review")
    path = tmp_path / "s.elicit.toml"
    path.write_text(dumps_session(service.session), encoding="utf-8")
    against_rounds = diff(load_state(f"{path}@1"), load_state(f"{path}@2"))
    against_session = diff(load_state(f"{path}@1"), load_state(str(path)))
    assert by_id(against_rounds, "story", "US-002").reason == "changed at the client's request (the review sheet): Saturday staff need this most"
    assert [(c.id, c.reason) for c in against_rounds] == [(c.id, c.reason) for c in against_session]
    assert [p.status for p in service.session.rounds[-1].proposals] == ["accepted"]
    assert service.session.rounds[0].proposals == []


def _reviewed_service():
    service = service_for()
    service.record_round("sent")
    change, remove = service.add_proposals(
        [
            Proposal("", "US-002", "change", priority="must", comment="Saturday staff need this most"),
            Proposal("", "US-003", "remove", comment="We bill from the accounts system"),
        ]
    )
    accept(service, change.id)
    decline(service, remove.id, "Invoices must carry the job number, which only this app has")
    return service


def test_the_clients_comment_on_an_accepted_change_shows_where_the_story_is():
    service = _reviewed_service()
    interview = interview_for(service.session)
    [client] = get_exporter("md").render(service.session, interview).values()
    assert "*Changed at your request:* Saturday staff need this most" in client
    story_part = client.split("US-002 ·", 1)[1].split("US-003 ·", 1)[0]
    assert "Saturday staff need this most" in story_part
    [team] = get_exporter("md").render(service.session, interview, ExportOptions(audience="team")).values()
    assert "*Changed at the client's request (P-001):* Saturday staff need this most" in team
    assert "US-003: kept the story rather than removing it" in team


def test_a_declined_removal_is_told_to_the_client_in_their_words_in_markdown_and_html():
    service = _reviewed_service()
    interview = interview_for(service.session)
    [client] = get_exporter("md").render(service.session, interview).values()
    decision = service.session.decisions[-1]
    want = service.session.story("US-003").want
    expected = f"{decision.id} · You asked us to remove US-003 ({want}); we kept it. Our reason: Invoices must carry the job number, which only this app has."
    assert expected in client
    assert "rather than removing it" not in client
    assert "*Your comment:* We bill from the accounts system" in client
    html = "".join(get_exporter("html").render(service.session, interview).values())
    assert "You asked us to remove US-003" in html and "rather than removing it" not in html


def test_a_change_only_its_comment_describes_is_refused_until_the_story_is_edited():
    """Trial4 T4-1: "add a criterion" in the comment was accepted with nothing applied, the story marked changed,
    and the next spec said "Changed at your request" above criteria without it."""
    import pytest

    from elicit.core.findings import ElicitError
    from elicit.core.review import needs_an_edit

    service = service_for()
    number = service.record_round().number
    asked = "Add: Given a van breaks down, then I am told"
    only_comment, with_priority, keep = service.add_proposals(
        [
            Proposal("", "US-002", "change", comment=asked, round=number),
            Proposal("", "US-001", "change", priority="could", comment="Later", round=number),
            Proposal("", "US-003", "keep", comment="Fine", round=number),
        ]
    )
    assert needs_an_edit(service.session, only_comment)
    assert not needs_an_edit(service.session, with_priority) and not needs_an_edit(service.session, keep)
    with pytest.raises(ElicitError, match=r"P-001 asks for a change only in its comment \('Add: Given a van.*edit US-002 to make it"):
        accept(service, only_comment.id)
    assert service.session.story("US-002").status != "changed" and only_comment.status == "open"
    story = service.session.story("US-002")
    service.update_story("US-002", acceptance=[*story.acceptance, "Given a van breaks down, then I am told"])
    assert not needs_an_edit(service.session, only_comment), "edited since the round: the consultant made the change"
    accept(service, only_comment.id)
    assert service.session.story("US-002").status == "changed" and only_comment.status == "accepted"
    accept(service, with_priority.id)
    accept(service, keep.id)


def test_a_decline_is_the_teams_reply_and_is_credited_to_no_participant():
    """Trial4 T4-5: with one participant (the speaker by default) the decline's decision read "Said by: <the client>"."""
    from elicit.core.session.models import Participant

    session = rich_session()
    session.participants = [Participant("Marta Lindqvist", "planning team leader")]
    service = service_for(session)
    assert service.speaker == "Marta Lindqvist"
    [proposal] = service.add_proposals([Proposal("", "US-002", "change", priority="must")])
    decline(service, proposal.id, "The legal limit decides it")
    assert service.session.decisions[-1].by == ""


def test_an_accepted_change_without_a_comment_still_says_why_it_changed():
    """Trial4 T4-9: `elicit diff @1` listed a story the client's accepted wording changed with no *Why*."""
    service = service_for()
    service.record_round("sent")
    [proposal] = service.add_proposals([Proposal("", "US-002", "change", priority="must", round=1, row=4)])
    accept(service, proposal.id)
    old, new = round_state(service.session.rounds[-1], "round 1"), session_state(service.session, "now")
    change = by_id(diff(old, new), "story", "US-002")
    assert change.reason == "changed at the client's request (the review sheet of round 1, row 4)"
    assert "*Why:* changed at the client's request (the review sheet of round 1, row 4)" in diff_markdown(diff(old, new), old, new)


def test_a_decline_that_a_later_round_overtook_says_so_in_the_spec():
    """Trial4 T4-9: after round 2 moved US-002 to Won't, D-002 still said "we kept it where it was" beside it."""
    service = service_for()
    service.record_round("first")
    [first] = service.add_proposals([Proposal("", "US-002", "change", priority="must", round=1, row=4)])
    decline(service, first.id, "The map comes with the pilot")
    service.record_round("second")
    [second] = service.add_proposals([Proposal("", "US-002", "change", priority="wont", round=2, row=4)])
    spec = "".join(get_exporter("md").render(service.session, interview_for(service.session)).values())
    assert "Since then" not in spec, "nothing is said while the later proposal is open"
    accept(service, second.id)
    spec = "".join(get_exporter("md").render(service.session, interview_for(service.session)).values())
    declined = spec.split("You asked us to move US-002", 1)[1].split("\n- ", 1)[0]
    assert "we kept it where it was" in declined
    assert "*Since then:* US-002 was changed at your request (the review sheet of round 2, row 4); it now reads as listed under Won't have this time." in declined
    team = "".join(get_exporter("md").render(service.session, interview_for(service.session), ExportOptions(audience="team")).values())
    assert f"*Since then:* US-002 was changed at the client's request ({second.id}, the review sheet of round 2, row 4)" in team
