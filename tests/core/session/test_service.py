"""The session service: the one place that changes a session."""

from __future__ import annotations

import pytest

from elicit.core.findings import ElicitError
from elicit.core.session.engine import Interview
from elicit.core.session.models import Session
from elicit.core.session.service import SessionService


@pytest.fixture
def service(mini_bank) -> SessionService:
    session = Session(title="t")
    return SessionService(session, Interview(session, [mini_bank]))


def test_every_change_bumps_the_revision_and_tells_listeners(service):
    heard = []
    service.subscribe(heard.append)
    service.answer("mini.context.problem", "slow")
    service.set_notes("mini.context.problem", "twice")
    service.skip("mini.users.who")
    assert service.revision == 3
    assert heard == ["answer mini.context.problem", "notes mini.context.problem", "status mini.users.who skipped"]


def test_answer_sets_times_and_reopens_a_skipped_question(service):
    service.skip("mini.context.problem")
    answer = service.answer("mini.context.problem", "slow")
    assert answer.status == "answered" and answer.answered_at is not None and answer.updated_at >= answer.answered_at
    first = answer.answered_at
    service.answer("mini.context.problem", "slower")
    assert answer.answered_at == first


def test_answers_re_evaluate_conditions(service):
    assert not service.interview.applies("mini.context.offline")
    service.answer("mini.context.platform", "Mobile")
    assert service.interview.applies("mini.context.offline")


def test_toggle_revisit(service):
    assert service.toggle_revisit("mini.context.problem") is True
    assert service.session.answers["mini.context.problem"].status == "revisit"
    assert service.toggle_revisit("mini.context.problem") is False
    # Issue 13: clearing the flag on a question with nothing in it leaves it open, never "answered" with nothing.
    assert "mini.context.problem" not in service.session.answers
    service.answer("mini.context.problem", "slow")
    service.toggle_revisit("mini.context.problem")
    service.toggle_revisit("mini.context.problem")
    assert service.session.answers["mini.context.problem"].status == "answered"


def test_bad_status_is_refused(service):
    with pytest.raises(ElicitError, match="status must be one of"):
        service.set_status("mini.context.problem", "done")


def test_go_remembers_the_place_once(service):
    service.go("mini.users.who")
    service.go("mini.users.who")
    assert service.session.current == "mini.users.who" and service.revision == 1


def test_stories_get_sequential_ids(service):
    first = service.add_story("picker", "to scan a shelf", priority="must", acceptance=["a"], source=["mini.context.problem"])
    second = service.add_story("manager", "a report")
    assert (first.id, second.id) == ("US-001", "US-002")
    assert first.created_at is not None and first.acceptance == ["a"]
    service.delete_story("US-002")
    assert service.add_story("x", "y").id == "US-002"


def test_story_values_are_checked(service):
    with pytest.raises(ElicitError, match="needs a 'want'"):
        service.add_story("r", "  ")
    with pytest.raises(ElicitError, match="priority must be one of"):
        service.add_story("r", "w", priority="urgent")
    story = service.add_story("r", "w")
    with pytest.raises(ElicitError, match="story status must be one of"):
        service.set_story_status(story.id, "done")
    with pytest.raises(ElicitError, match="unknown story field"):
        service.update_story(story.id, effort=3)
    with pytest.raises(ElicitError, match="no story 'US-404'"):
        service.set_priority("US-404", "must")


def test_update_copies_lists(service):
    criteria = ["one"]
    story = service.add_story("r", "w", acceptance=criteria)
    criteria.append("two")
    assert story.acceptance == ["one"]
    service.update_story(story.id, want="better", priority="could", status="changed")
    assert (story.want, story.priority, story.status) == ("better", "could", "changed")


def test_delete_and_undo_restore_the_place(service):
    for want in ("a", "b", "c"):
        service.add_story("r", want)
    service.delete_story("US-002")
    assert [s.id for s in service.session.stories] == ["US-001", "US-003"]
    assert service.can_undo
    restored = service.undo_delete()
    assert restored.id == "US-002"
    assert [s.id for s in service.session.stories] == ["US-001", "US-002", "US-003"]
    assert service.undo_delete() is None and not service.can_undo


def test_follow_ups(service):
    question = service.add_open_question("Which scanners?", owner="Ann", source=["mini.context.platform"])
    assert question.id == "OQ-001" and question.status == "open"
    service.resolve_open_question("OQ-001", "Zebra")
    assert question.status == "resolved" and question.resolution == "Zebra"
    with pytest.raises(ElicitError):
        service.resolve_open_question("OQ-9", "x")
    assert service.add_decision("Android only", "all staff have Android").id == "D-001"
    assert service.add_assumption("Wi-Fi everywhere", "seen on site").id == "A-001"
    service.define_term("SKU", "stock unit")
    service.define_term("sku", "stock keeping unit")
    assert [(t.term, t.definition) for t in service.session.glossary] == [("SKU", "stock keeping unit")]


def test_a_term_keeps_the_questions_it_came_from(service):
    service.define_term("SKU", "stock unit", source=["context.problem"])
    service.define_term("sku", "stock keeping unit", source=["mini.context.platform", "mini.context.problem"])
    service.define_term("SKU", "stock keeping unit")  # no source given: the sources stay
    (term,) = service.session.glossary
    assert term.source == ["mini.context.problem", "mini.context.platform"]
    with pytest.raises(ElicitError, match="did you mean"):
        service.define_term("pick face", "a shelf", source=["mini.context.problme"])
    assert [t.term for t in service.session.glossary] == ["SKU"], "a term with an unknown source is not added"
    service.update_term("SKU", source=["mini.context.platform"])
    assert term.source == ["mini.context.platform"]


def test_set_meta(service):
    service.set_meta(client="ACME", title="New")
    assert (service.session.client, service.session.title) == ("ACME", "New")
    with pytest.raises(ElicitError):
        service.set_meta(colour="red")


def test_add_participant_reads_name_and_role_and_refuses_a_name_the_session_has(service):
    revision = service.revision
    person = service.add_participant("Lena Park - receptionist")
    assert (person.name, person.role) == ("Lena Park", "receptionist") and service.session.participants == [person]
    assert service.revision > revision  # saved like any change
    assert service.add_participant("Tom Reyes").role == ""
    with pytest.raises(ElicitError, match="'Lena Park' is already a participant of this session; participants: Lena Park"):
        service.add_participant("LENA PARK: manager")
    with pytest.raises(ElicitError, match="needs a name"):
        service.add_participant(" : owner")
    assert [p.name for p in service.session.participants] == ["Lena Park", "Tom Reyes"]
    service.set_speaker("2")
    assert service.speaker == "Tom Reyes"  # the new participant can be the speaker at once


# Issue 13 ---------------------------------------------------------------------------


@pytest.mark.parametrize("empty", [None, "", "   ", [], "\n"])
def test_an_empty_answer_is_refused(service, empty):
    with pytest.raises(ElicitError, match="skip the question, or clear its answer"):
        service.answer("mini.context.problem", empty)
    assert "mini.context.problem" not in service.session.answers and service.revision == 0


def test_skip_always_skips_and_drops_the_value(service):
    service.skip("mini.context.problem")
    answer = service.session.answers["mini.context.problem"]
    assert (answer.status, answer.value) == ("skipped", None)
    assert service.interview.status("mini.context.problem") == "skipped"
    service.answer("mini.users.who", "pickers", notes="two shifts")
    service.skip("mini.users.who")
    answer = service.session.answers["mini.users.who"]
    assert (answer.status, answer.value, answer.notes) == ("skipped", None, "two shifts")


def test_answered_needs_something_and_a_skip_takes_no_value(service):
    with pytest.raises(ElicitError, match="empty answer"):
        service.set_status("mini.context.problem", "answered")
    with pytest.raises(ElicitError, match="skipped question keeps no answer"):
        service.answer("mini.context.problem", "slow", status="skipped")


def test_clear_makes_a_question_open_again(service):
    service.answer("mini.context.platform", "Mobile")
    assert service.interview.applies("mini.context.offline")
    removed = service.clear("mini.context.platform")
    assert removed.value == "Mobile" and "mini.context.platform" not in service.session.answers
    assert service.interview.status("mini.context.platform") == "open" and not service.interview.applies("mini.context.offline")
    assert service.clear("mini.context.platform") is None


def test_whole_numbers_are_stored_as_integers(service):
    assert service.answer("mini.users.count", 1000.0).value == 1000
    assert type(service.session.answers["mini.users.count"].value) is int
    assert service.answer("mini.users.count", 12.5).value == 12.5
    assert service.answer("mini.context.offline", True).value is True


def test_an_exclusive_option_is_refused_with_others(mini_bank):
    from elicit.core.banks.models import Bank, Question, Section

    devices = Question("b.s.devices", "Which?", "multi", options=("Phone", "Tablet", "Not sure"), exclusive_options=("Not sure",))
    bank = Bank("b", "B", "1", sections=[Section("b.s", "S", "G", [devices])])
    session = Session(title="t")
    service = SessionService(session, Interview(session, [bank]))
    with pytest.raises(ElicitError, match="stands alone"):
        service.answer("b.s.devices", ["Phone", "Not sure"])
    assert service.answer("b.s.devices", ["Not sure"]).value == ["Not sure"]


def test_update_story_keeps_the_earlier_wording_once_per_change(service):
    story = service.add_story("picker", "to scan a shelf", priority="should", acceptance=["a count"])
    service.update_story(story.id, want="to scan a bin", priority="must", note="read-back")
    service.update_story(story.id, quote="we count by hand", tags=["stock"])  # not wording: no history
    service.update_story(story.id, acceptance=["a count", "an alert"])
    assert [(v.want, v.priority, v.acceptance, v.note) for v in story.history] == [
        ("to scan a shelf", "should", ["a count"], "read-back"),
        ("to scan a bin", "must", ["a count"], ""),
    ]
    assert story.history[0].changed_at is not None
    service.update_story(story.id, want="to scan a bin")  # same text: nothing changed
    assert len(story.history) == 2


def test_a_confirmed_story_whose_wording_changes_needs_a_read_back_again(service):
    """Trial2 T25: a priority changed after the client confirmed kept "confirmed by the client"."""
    story = service.add_story("receptionist", "to see tomorrow's gaps", priority="could")
    service.set_story_status(story.id, "confirmed")
    service.update_story(story.id, quote="we phone round", tags=["gaps"])  # not wording: still confirmed
    assert story.status == "confirmed"
    service.set_priority(story.id, "should")
    assert (story.status, story.history[-1].priority, story.history[-1].status) == ("draft", "could", "confirmed")
    service.update_story(story.id, want="to see the gaps", status="changed", note="read-back")  # said by the client
    assert story.status == "changed"
    service.update_story(story.id, acceptance=["gaps in red"])
    assert story.status == "draft"
    service.set_story_status(story.id, "rejected")
    service.set_priority(story.id, "could")
    assert story.status == "rejected"  # a rejected story stays rejected


def test_reject_story_keeps_the_reason(service):
    story = service.add_story("auditor", "a daily export")
    service.reject_story(story.id, "  they get one from the ERP ")
    assert (story.status, story.reason) == ("rejected", "they get one from the ERP")
    assert service.update_story(story.id, reason="").reason == ""


def test_follow_ups_can_be_changed_and_deleted(service):
    decision = service.add_decision("Android only", "all staff have Android", decided_by="Ann", source=["platform"])
    assert decision.source == ["mini.context.platform"]  # a tail is resolved to the full id
    service.update_decision("D-001", rationale="cheaper", decided_by="Bo")
    assert (decision.rationale, decision.decided_by) == ("cheaper", "Bo")
    with pytest.raises(ElicitError, match="unknown decision field 'ratonale'; did you mean 'rationale'"):
        service.update_decision("D-001", ratonale="x")
    with pytest.raises(ElicitError, match="no decision 'D-01' in this session; did you mean 'D-001'"):
        service.delete_decision("D-01")
    service.delete_decision("D-001")
    assert service.session.decisions == []
    question = service.add_open_question("Which scanners?", owner="Ann")
    service.update_open_question(question.id, owner="Bo", text="Which scanners exactly?")
    service.resolve_open_question(question.id, "Zebra")
    assert (question.owner, question.text, question.status, question.resolution) == ("Bo", "Which scanners exactly?", "resolved", "Zebra")
    with pytest.raises(ElicitError, match="status must be one of"):
        service.update_open_question(question.id, status="closed")
    service.delete_open_question(question.id)
    assumption = service.add_assumption("Wi-Fi everywhere", "seen on site")
    service.update_assumption(assumption.id, text="Wi-Fi in every aisle")
    assert assumption.text == "Wi-Fi in every aisle"
    service.delete_assumption(assumption.id)
    assert service.session.open_questions == [] and service.session.assumptions == []


def test_follow_ups_need_text_and_known_sources(service):
    for add in (service.add_decision, service.add_open_question, service.add_assumption):
        with pytest.raises(ElicitError, match="needs some text"):
            add("  ")
    with pytest.raises(ElicitError, match="did you mean 'mini.context.platform'"):
        service.add_decision("Android", source=["mini.context.platfrom"])
    assert service.session.decisions == [] and service.revision == 0


def test_terms_are_renamed_redefined_and_deleted(service):
    service.define_term("SKU", "stock unit")
    service.update_term("sku", definition="stock keeping unit", new_term="SKU code")
    assert [(t.term, t.definition) for t in service.session.glossary] == [("SKU code", "stock keeping unit")]
    service.define_term("pick face", "a shelf position")
    with pytest.raises(ElicitError, match="already has 'pick face'"):
        service.update_term("SKU code", new_term="Pick face")
    service.delete_term("sku code")
    with pytest.raises(ElicitError, match="no term 'SKU'"):
        service.delete_term("SKU")
    assert [t.term for t in service.session.glossary] == ["pick face"]


def test_tick_counts_interview_time_per_section(service):
    heard = []
    service.subscribe(heard.append)
    service.tick(1, "mini.context")
    service.tick(59, "mini.context")
    service.tick(30, "mini.users")
    service.tick(5, None)
    service.tick(0, "mini.users")
    assert service.session.interview_seconds == 95
    assert service.session.section_seconds == {"mini.context": 60, "mini.users": 30}
    assert heard == ["clock"] * 4
    for bad in (-1, 1.5, True):
        with pytest.raises(ElicitError):
            service.tick(bad, None)


def test_the_target_length_is_a_positive_whole_number(service):
    service.set_meta(target_minutes=90)
    assert service.session.target_minutes == 90
    with pytest.raises(ElicitError, match="whole number of minutes"):
        service.set_meta(target_minutes=0)


def test_clear_keeps_the_consultants_notes(service):
    service.answer("mini.context.problem", "slow", notes="said twice")
    service.clear("mini.context.problem")
    answer = service.session.answers["mini.context.problem"]
    assert (answer.value, answer.notes) == (None, "said twice")


# Who said it (issue 16) ----------------------------------------------------------------------------


@pytest.fixture
def voices(mini_bank) -> SessionService:
    from elicit.core.session.models import Participant

    session = Session(title="t", participants=[Participant("Ann Lee", "owner"), Participant("Ben Cho", "baker")])
    return SessionService(session, Interview(session, [mini_bank]))


def test_what_is_captured_is_credited_to_the_current_speaker(voices):
    assert voices.set_speaker("ben") == "Ben Cho" and voices.revision == 0  # choosing a speaker changes nothing on disk
    answer = voices.answer("mini.context.problem", "slow")
    story = voices.add_story("baker", "see tomorrow's orders")
    decision = voices.add_decision("paper until June", decided_by="the board")
    question = voices.add_open_question("which till?")
    assumption = voices.add_assumption("Wi-Fi in the shop")
    assert [item.by for item in (answer, story, decision, question, assumption)] == ["Ben Cho"] * 5
    assert decision.decided_by == "the board"


def test_an_explicit_by_wins_over_the_speaker_and_is_checked(voices):
    voices.set_speaker("Ann Lee")
    assert voices.add_story("owner", "a weekly report", by="2").by == "Ben Cho"
    assert voices.add_decision("cash only", by="").by == ""
    with pytest.raises(ElicitError, match="did you mean 'Ben Cho'"):
        voices.add_assumption("x", by="Ben Chow")
    assert voices.session.assumptions == []


def test_nobody_speaking_credits_nobody_and_keeps_who_gave_an_answer(voices):
    assert voices.answer("mini.context.problem", "slow", by="Ann").by == "Ann Lee"
    assert voices.speaker == ""
    assert voices.answer("mini.context.problem", "slower").by == "Ann Lee"
    voices.set_speaker("Ben Cho")
    assert voices.add_story("baker", "x").by == "Ben Cho"
    voices.set_speaker("")
    assert voices.add_story("baker", "y").by == ""


def test_an_edit_keeps_who_gave_the_answer_whoever_speaks_now(voices):
    """Correcting Ann's answer while Ben spoke credited it to Ben (ui8). Only a ``by`` given says otherwise; an answer
    credited to nobody, or one cleared or skipped, goes to whoever speaks when it is given again."""
    voices.set_speaker("Ann Lee")
    voices.answer("mini.context.problem", "slow")
    voices.set_speaker("Ben Cho")
    edited = voices.answer("mini.context.problem", "slow on Mondays")
    assert (edited.value, edited.by) == ("slow on Mondays", "Ann Lee")
    assert voices.answer("mini.context.problem", "slower", by="Ben").by == "Ben Cho", "a by given wins"
    voices.answer("mini.context.platform", "Web", by="")
    assert voices.answer("mini.context.platform", "Desktop").by == "Ben Cho", "nobody was credited: now Ben is"
    voices.clear("mini.context.problem")
    voices.set_speaker("Ann Lee")
    assert voices.answer("mini.context.problem", "fast").by == "Ann Lee", "cleared, then answered again: a new answer"


def test_by_can_be_changed_and_is_checked_on_update(voices):
    story = voices.add_story("baker", "x")
    assert voices.update_story(story.id, by="ann").by == "Ann Lee"
    decision = voices.add_decision("d")
    assert voices.update_decision(decision.id, by="Ben Cho").by == "Ben Cho"
    with pytest.raises(ElicitError, match="not a participant"):
        voices.update_decision(decision.id, by="Cara")
    with pytest.raises(ElicitError, match="not a participant"):
        voices.update_story(story.id, by="Cara")


def test_cycling_goes_through_the_participants_then_nobody(voices):
    assert [voices.cycle_speaker() for _ in range(4)] == ["Ann Lee", "Ben Cho", "", "Ann Lee"]


def test_a_session_without_participants_credits_nobody(service):
    assert service.cycle_speaker() == ""
    with pytest.raises(ElicitError, match="no participants"):
        service.set_speaker("Ann")
    with pytest.raises(ElicitError, match="no participants"):
        service.add_story("r", "w", by="Ann")
    assert service.add_story("r", "w").by == "" and service.answer("mini.context.problem", "x").by == ""


def test_the_only_participant_is_speaking_from_the_start_and_two_start_with_nobody(mini_bank, voices):
    """Trial3 T3-3: with one participant, the first answer (typed before any speaker key) was credited to no one."""
    from elicit.core.session.models import Participant

    session = Session(title="t", participants=[Participant("Priya Shah", "volunteer coordinator")])
    alone = SessionService(session, Interview(session, [mini_bank]))
    assert alone.speaker == "Priya Shah" and alone.answer("mini.context.problem", "texts").by == "Priya Shah"
    assert alone.cycle_speaker() == "" and alone.add_story("r", "w").by == "", "f7 still says nobody is speaking"
    assert voices.speaker == "" and voices.add_story("r", "w").by == "", "with two, nobody is guessed"


def test_a_speaker_who_leaves_the_participants_stops_speaking(voices):
    from elicit.core.session.models import Participant

    voices.set_speaker("Ben Cho")
    voices.set_meta(participants=[Participant("Ann Lee", "owner")])
    assert voices.speaker == "" and voices.add_story("r", "w").by == ""


def test_who_decided_and_who_owns_name_the_participant_as_the_session_spells_it(voices):
    decision = voices.add_decision("launch before Easter", decided_by="ann")
    assert decision.decided_by == "Ann Lee", "a first name only one participant has is that participant"
    question = voices.add_open_question("deposit amount?", owner="ben cho")
    assert question.owner == "Ben Cho"
    assert voices.update_decision(decision.id, decided_by="the board").decided_by == "the board", "anyone else stays as typed"
    assert voices.update_open_question(question.id, owner="Ann").owner == "Ann Lee"


def test_notes_alone_are_not_answered_by_any_route(service):
    """Trial 2, T8: 'answered' needs a value. Notes typed on a choice question keep it open through set_notes,
    set_status and un-flagging, and its notes are kept every time."""
    question = "mini.context.platform"
    service.set_notes(question, "An hour a week, Lena more")
    assert service.interview.status(question) == "open"
    with pytest.raises(ElicitError, match="empty answer"):
        service.set_status(question, "answered")
    assert service.toggle_revisit(question) is True
    assert service.interview.status(question) == "revisit"
    assert service.toggle_revisit(question) is False
    assert service.interview.status(question) == "open"
    assert service.session.answers[question].notes == "An hour a week, Lena more"
    service.clear(question)
    assert service.interview.status(question) == "open" and service.session.answers[question].notes
    service.answer(question, "Web")
    assert service.interview.status(question) == "answered"


def test_the_speaker_is_kept_in_the_session_and_resumed_only_by_a_front_end(voices, mini_bank):
    """trial5 T5-4: the app reopened a session with nobody speaking, so what was captured next was nobody's."""
    from elicit.core.session.file_format import dumps_session, loads_session

    voices.set_speaker("ben")
    voices.answer("mini.context.problem", "slow")
    again = loads_session(dumps_session(voices.session), "s.elicit.toml")
    assert again.speaker == "Ben Cho"
    reopened = SessionService(again, Interview(again, [mini_bank]))
    assert reopened.speaker == "", "the command line credits only --by: it never reads the kept speaker"
    assert reopened.resume_speaker() == "Ben Cho" and reopened.answer("mini.context.platform", "Web").by == "Ben Cho"
    reopened.cycle_speaker()
    assert reopened.speaker == "" and reopened.session.speaker == ""  # after the last: nobody, kept as nobody
    again.speaker = "Someone Gone"
    assert SessionService(again, Interview(again, [mini_bank])).resume_speaker() == ""
