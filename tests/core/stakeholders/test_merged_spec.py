"""The client's spec of a merged session reads as a document for people (trial2 T16, T26): people, not files."""

from __future__ import annotations

import pytest

from elicit.core.banks.catalog import BankCatalog
from elicit.core.session import Interview
from elicit.core.spec.exporters.html_spec import html_document
from elicit.core.spec.exporters.markdown_spec import markdown_document
from elicit.core.spec.exporters.spec_document import build_document
from elicit.core.stakeholders import merge
from tests.core.stakeholders.test_merge import NAMES, bakery


def merged_spec(audience: str = "client", names: bool = False) -> str:
    session = merge(bakery()).session
    session.settings.names_in_client_spec = names
    banks = [BankCatalog.default().load(ref.id) for ref in session.banks]
    return markdown_document(build_document(session, Interview(session, banks), audience))


def test_the_client_spec_names_no_file_and_says_nothing_of_the_merge():
    page = merged_spec()
    assert page.startswith("# Crumb & Co: Click & collect\n\n*Draft specification from our interviews, for your review.*")
    for stem in NAMES:
        assert f"({stem})" not in page and f"{stem}.elicit.toml" not in page, stem
    assert "merged" not in page.lower() and "Merged as" not in page


def test_the_client_spec_credits_every_teller_of_a_merged_story_with_the_priority_each_gave():
    page = merged_spec()
    cake = page.split("#### US-001 · ", 1)[1].split("\n#### ", 1)[0]
    assert "*Asked for by:* Owner (Must have), Shop manager, High Street (Should have) and Shop manager, Station Road (Must have)." in cake
    assert "The priorities differ; listed under Must have until you tell us which it is (OQ-001)." in cake
    assert cake.count("*Said by:*") == 3  # each teller's own words, under their quote
    assert "> If they could just book it online" in cake


def test_open_questions_of_the_merge_name_roles_for_the_client_and_names_for_the_team():
    client, team = merged_spec(), merged_spec("team")
    assert "Yes (Owner), Yes (Shop manager, High Street), No (Shop manager, Station Road), Yes (Accountant)" in client
    assert "Maria Lopez" not in client.split("## Participants", 1)[1].split("## Stories", 1)[1]  # the participants table names them once
    assert "Yes (Maria Lopez), Yes (Tom Briggs), No (Priya Shah), Yes (Ann Field)" in team
    assert "Yes (Maria Lopez), Yes (Tom Briggs)" in merged_spec(names=True)  # the session allows names


def test_answers_given_in_different_words_are_each_persons_own_words():
    page = merged_spec()
    told = page.split("## What you told us", 1)[1]  # the open questions before it may quote the question too
    goals = told.split("What should be different for the business once this is in place?", 1)[1].split("\n- ", 1)[0]
    assert "Take orders without the phone" in goals and "(Owner)" in goals
    assert "Maria Lopez" not in goals and "(owner)" not in goals


def test_the_html_edition_says_the_same():
    session = merge(bakery()).session
    banks = [BankCatalog.default().load(ref.id) for ref in session.banks]
    page = html_document(build_document(session, Interview(session, banks), "client"))
    assert "from our interviews" in page and "Asked for by:" in page and "high-street" not in page


def test_the_merged_client_spec_in_chromium_reads_people_not_files(tmp_path):
    """What a client sees in the browser: no file name anywhere, every teller, and a phone-width page that fits."""
    from tests.support.browser import OVERFLOW, PHONE, Browser, chromium_path

    chromium = chromium_path()
    if chromium is None:
        pytest.skip("headless Chromium not installed: apt-get install -y chromium (CI's .ci/run installs it)")
    session = merge(bakery()).session
    banks = [BankCatalog.default().load(ref.id) for ref in session.banks]
    page = tmp_path / "spec.html"
    page.write_text(html_document(build_document(session, Interview(session, banks), "client")), encoding="utf-8")
    with Browser(chromium) as browser:
        browser.size(*PHONE, mobile=True)
        browser.load(page)
        seen = browser.evaluate("document.body.innerText")
        assert "Asked for by: Owner (Must have), Shop manager, High Street (Should have)" in seen
        assert "Two decisions that cannot both hold" in seen and "(Accountant)" in seen
        assert not any(f"({stem})" in seen or f"{stem}.elicit" in seen for stem in NAMES)
        assert "Maria Lopez (" not in seen  # names only in the participants table, roles everywhere else
        fits = browser.evaluate(OVERFLOW)
        assert fits["scrollWidth"] <= PHONE[0] and fits["wide"] == [], fits


def test_who_told_a_merged_story_at_what_priority_survives_the_tool_spec_and_its_import():
    """Trial4 T4-6: the TOML/JSON spec had no copies, so 'elicit import' gave a session whose client spec no longer
    said who asked for a merged story at which priority (and the JSON's one 'by' was the first teller only)."""
    from elicit.core.spec import get_exporter
    from elicit.core.spec.importer import loads_spec
    from tests.support.export import validate_json_spec, validate_toml_spec

    session = merge(bakery()).session
    banks = [BankCatalog.default().load(ref.id) for ref in session.banks]
    interview = Interview(session, banks)
    [toml_text] = get_exporter("toml").render(session, interview).values()
    [json_text] = get_exporter("json").render(session, interview).values()
    told = [story for story in session.stories if len(story.copies) > 1]
    assert told
    for data in (validate_toml_spec(toml_text), validate_json_spec(json_text)):
        by_id = {story["id"]: story for story in data["stories"]}
        for story in told:
            assert [(copy["interview"], copy["by"], copy["priority"]) for copy in by_id[story.id]["copies"]] == [
                (copy.interview, copy.by, copy.priority) for copy in story.copies
            ]
    back = loads_spec(toml_text)
    assert [story.copies for story in back.stories] == [story.copies for story in session.stories]
    page = markdown_document(build_document(back, Interview(back, banks), "client"))
    assert "*Asked for by:* Owner (Must have), Shop manager, High Street (Should have) and Shop manager, Station Road (Must have)." in page


def test_answers_the_interviews_gave_apart_are_each_what_the_client_told_us():
    """Trial6 T6-3: a merged answer the interviews gave differently has no value of its own (it is left to
    revisit), and the client's spec then had neither answer under "What you told us"; a difference that is no
    conflict (a scale 4 and 5) had no open question either, so the client read nothing of it at all."""
    told = merged_spec().split("## What you told us", 1)[1].split("\n## ", 1)[0]
    severity = told.split("How badly does the problem hurt the business today?", 1)[1].split("\n- ", 1)[0]
    assert "*Answer:* 4 of 5" in severity and "*Answer:* 5 of 5" in severity and "*Answer:* 2 of 5" in severity
    assert "(Owner)" in severity and "Maria Lopez" not in severity
    groups = told.split("Do different groups want different things from this product?", 1)[1].split("\n- ", 1)[0]
    assert "*Answer:* No (Owner)" in groups and "*Answer:* Yes" in groups
    assert "revisit" not in told.lower() and "The interviews differ" not in told  # the notes stay the team's


@pytest.mark.parametrize(
    ("change", "priority", "settled"),
    [
        ("keep", "", "settled as Must have: kept by the client on the review sheet of round 1, row 3"),
        ("change", "should", "settled as Should have: chosen by the client on the review sheet of round 1, row 3"),
    ],
)
def test_the_clients_keep_or_priority_on_the_sheet_settles_the_merges_priority_question(change, priority, settled):
    """Trial6 T6-4: the client kept (or re-prioritised) a story the interviews gave two priorities, and the
    merge's open question about it stayed open: the next spec asked them again right under their answer."""
    from elicit.core.review import accept
    from elicit.core.session import SessionService
    from elicit.core.session.models import Proposal

    session = merge(bakery()).session
    banks = [BankCatalog.default().load(ref.id) for ref in session.banks]
    service = SessionService(session, Interview(session, banks))
    question = next(q for q in session.open_questions if q.text.startswith("How important is US-001,"))
    (proposal,) = service.add_proposals([Proposal("", "US-001", change, "", priority, "Fine", round=1, row=3)])
    accept(service, proposal.id)
    assert question.status == "resolved"
    page = markdown_document(build_document(session, Interview(session, banks), "client"))
    cake = page.split("#### US-001 · ", 1)[1].split("\n#### ", 1)[0]
    assert f"The priorities differed; {settled}" in cake
    assert "until you tell us" not in cake


def test_a_new_wording_alone_leaves_the_priority_question_open():
    from elicit.core.review import accept
    from elicit.core.session import SessionService
    from elicit.core.session.models import Proposal

    session = merge(bakery()).session
    banks = [BankCatalog.default().load(ref.id) for ref in session.banks]
    service = SessionService(session, Interview(session, banks))
    question = next(q for q in session.open_questions if q.text.startswith("How important is US-001,"))
    (proposal,) = service.add_proposals([Proposal("", "US-001", "change", "to order a cake online", "", "", round=1, row=3)])
    accept(service, proposal.id)
    assert question.status == "open"
