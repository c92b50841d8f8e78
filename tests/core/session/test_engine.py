"""The interview engine: applicable questions, navigation, status and coverage."""

from __future__ import annotations

import pytest

from elicit.core.banks.catalog import BankCatalog
from elicit.core.findings import ElicitError
from elicit.core.session.engine import Interview, answer_status, applicability_change, banks_for_session
from elicit.core.session.models import Answer, BankRef, Session
from tests.conftest import MINI_BANK


def interview(mini_bank, **answers) -> Interview:
    session = Session(title="t", answers={f"mini.{key.replace('__', '.')}": Answer(value) for key, value in answers.items()})
    return Interview(session, [mini_bank])


def keys(questions) -> list[str]:
    return [q.key for q in questions]


@pytest.mark.parametrize(
    ("before", "after", "said"),
    [
        (["a", "b"], ["a", "x", "b"], "1 follow-up question now applies"),
        (["a"], ["a", "x", "y"], "2 follow-up questions now apply"),
        (["a", "x", "y"], ["a"], "2 questions no longer apply"),
        (["a", "x"], ["a", "y"], "1 follow-up question now applies; 1 question no longer applies"),
        (["a", "b"], ["a", "b"], ""),
    ],
)
def test_what_an_answer_changed_in_the_questions_that_apply_is_said_once_for_every_front_end(before, after, said):
    assert applicability_change(before, after) == said


def test_unconditional_questions_apply_at_start(mini_bank):
    assert keys(interview(mini_bank).applicable()) == ["problem", "platform", "who", "count", "satisfaction"]


def test_conditional_question_appears_and_disappears(mini_bank):
    run = interview(mini_bank)
    service_answers = run.session.answers
    service_answers["mini.context.platform"] = Answer("Mobile")
    run.invalidate()
    assert "offline" in keys(run.applicable())
    assert "offline_how_long" not in keys(run.applicable())
    service_answers["mini.context.offline"] = Answer(True)
    run.invalidate()
    assert "offline_how_long" in keys(run.applicable())
    service_answers["mini.context.platform"] = Answer("Web")
    run.invalidate()
    # The whole chain goes: offline no longer applies, so its answer no longer counts.
    assert "offline" not in keys(run.applicable()) and "offline_how_long" not in keys(run.applicable())
    assert service_answers["mini.context.offline"].value is True  # kept, just not asked


def test_skipped_answer_has_no_value_for_conditions(mini_bank):
    run = interview(mini_bank, context__platform="Mobile")
    run.session.answers["mini.context.platform"].status = "skipped"
    run.invalidate()
    assert "offline" not in keys(run.applicable())


def test_condition_across_sections(mini_bank):
    run = interview(mini_bank, context__platform="Web", users__count=50)
    assert "channels" in keys(run.applicable())
    run.session.answers["mini.users.count"] = Answer(5)
    run.invalidate()
    assert "channels" not in keys(run.applicable())


def test_status_of_questions(mini_bank):
    run = interview(mini_bank, context__problem="slow")
    run.session.answers["mini.context.platform"] = Answer(None, status="skipped")
    run.session.answers["mini.users.who"] = Answer("staff", status="revisit")
    run.session.answers["mini.users.count"] = Answer("  ")
    assert run.status("mini.context.problem") == "answered"
    assert run.status("mini.context.platform") == "skipped"
    assert run.status("mini.users.who") == "revisit"
    assert run.status("mini.users.count") == "open"  # blank text is not an answer
    assert run.status("mini.users.satisfaction") == "open"


def test_navigation(mini_bank):
    run = interview(mini_bank)
    assert run.current.key == "problem"
    assert run.next().key == "platform"
    assert run.session.current == "mini.context.platform"
    assert run.next().key == "who"  # offline does not apply
    assert run.previous().key == "platform"
    assert run.previous().key == "problem"
    assert run.previous() is None
    assert run.current.key == "problem"
    run.go("mini.users.satisfaction")
    assert run.next() is None and run.current.key == "satisfaction"


def test_go_refuses_unknown_and_inapplicable(mini_bank):
    run = interview(mini_bank)
    with pytest.raises(ElicitError, match="no question"):
        run.go("mini.nope.q")
    with pytest.raises(ElicitError, match="does not apply"):
        run.go("mini.context.offline")


def test_current_moves_on_when_its_question_stops_applying(mini_bank):
    run = interview(mini_bank, context__platform="Mobile")
    run.go("mini.context.offline")
    run.session.answers["mini.context.platform"] = Answer("Web")
    run.invalidate()
    assert run.current.key == "who"


def test_resume_at_first_open_question(mini_bank):
    run = interview(mini_bank, context__problem="x", context__platform="Web")
    assert run.current.key == "who"
    assert run.first_open(after="mini.users.who").key == "count"


def test_progress_and_coverage(mini_bank):
    run = interview(mini_bank, context__platform="Web", users__who="staff")
    run.session.answers["mini.users.count"] = Answer(None, status="skipped")
    run.session.answers["mini.users.satisfaction"] = Answer(3, status="revisit")
    progress = run.progress()
    assert (progress.total, progress.answered, progress.skipped, progress.revisit, progress.open) == (5, 2, 1, 1, 1)
    assert progress.done == 3 and progress.percent == 60
    assert progress.required_open == 1
    context, users = run.coverage()
    assert (context.progress.total, context.progress.answered) == (2, 1)
    assert (users.progress.total, users.progress.answered, users.progress.skipped) == (3, 1, 1)
    assert keys(run.required_open()) == ["problem"]
    assert keys(run.flagged()) == ["satisfaction"]


def test_a_sections_progress_follows_what_applies_after_every_change(mini_bank):
    """Each section's counts come from the questions that apply now (grouped by section once per change)."""
    run = interview(mini_bank)

    def naive(section):
        return [q.id for q in run.applicable() if q.section_id == section.id]

    context = run.sections[0]
    steps = [("mini.context.platform", "Mobile"), ("mini.context.offline", True), ("mini.context.offline_how_long", 4), ("mini.context.platform", "Web")]
    totals = []
    for question_id, value in steps:
        run.session.answers[question_id] = Answer(value)
        run.invalidate()
        for section in run.sections:
            assert run.progress(section).total == len(naive(section))
        totals.append(run.progress(context).total)
    assert totals == [3, 4, 4, 2], "offline and its follow-up come and go with the platform"
    assert sum(run.progress(section).total for section in run.sections) == run.progress().total


def test_resolve_id_accepts_unambiguous_tails(mini_bank):
    run = interview(mini_bank)
    assert run.resolve_id("mini.users.who").key == "who"
    assert run.resolve_id("users.who").key == "who"
    assert run.resolve_id("who").key == "who"
    with pytest.raises(ElicitError, match="did you mean"):
        run.resolve_id("mini.users.woh")


def test_duplicate_questions_from_two_banks_are_asked_once(tmp_path, mini_bank):
    domain = tmp_path / "domain.toml"
    domain.write_text('id = "domain"\ntitle = "D"\nversion = "1"\n[[sections]]\ninclude = "mini.context"\n', encoding="utf-8")
    (tmp_path / "mini.toml").write_text(MINI_BANK.read_text(), encoding="utf-8")
    catalog = BankCatalog([("project", tmp_path)])
    run = Interview(Session(title="t"), [catalog.load("mini"), catalog.load(domain)])
    ids = [q.id for q in run.questions]
    assert len(ids) == len(set(ids)) == 8


def test_banks_for_session_notes_changed_banks(mini_bank):
    session = Session(title="t", banks=[BankRef("mini", "0.9", "sha256:old", str(MINI_BANK))])
    banks, notes = banks_for_session(session, BankCatalog.default())
    assert banks[0].id == "mini"
    assert "has changed since this session started (version 0.9 -> 1.0)" in notes[0]


def test_banks_for_session_missing_bank_is_clear():
    session = Session(title="t", banks=[BankRef("gone", "1", "", "/nowhere/gone.toml")])
    with pytest.raises(ElicitError, match="bank 'gone' used by this session was not found"):
        banks_for_session(session, BankCatalog.default())


def test_large_bank_applicability_is_linear(tmp_path):
    from elicit.core.banks.conditions import parse_condition
    from elicit.core.session.models import Bank, Question, Section

    questions = []
    for i in range(1000):
        condition = parse_condition(f"b.s.q{i - 1} == 'yes'").resolved(lambda n: n) if i % 2 else None
        questions.append(Question(f"b.s.q{i}", f"Q{i}?", condition=condition))
    bank = Bank("b", "B", "1", sections=[Section("b.s", "S", "G", questions)])
    run = Interview(Session(title="t"), [bank])
    assert len(run.applicable()) == 500
    for i in range(0, 1000, 2):
        run.session.answers[f"b.s.q{i}"] = Answer("yes")
    run.invalidate()
    assert len(run.applicable()) == 1000


def test_a_story_belongs_to_the_section_of_its_first_known_source_question(mini_bank):
    from elicit.core.session import Interview, Session, Story

    interview = Interview(Session(title="t"), [mini_bank])
    first = interview.questions[0]
    assert interview.story_section(Story(id="US-001", role="r", want="w", source=["nowhere.x.y", first.id])) == interview.section_of(first)
    assert interview.story_section(Story(id="US-002", role="r", want="w", source=["nowhere.x.y"])) is None
    assert interview.story_section(Story(id="US-003", role="r", want="w")) is None


def test_a_mistyped_id_is_suggested_as_short_as_it_was_typed(mini_bank):
    # Trial F15: 'in_their_word' -> 'in_their_words', not the full id nor nothing.
    run = interview(mini_bank)
    for typed, meant in [("woh", "who"), ("users.woh", "users.who"), ("mini.users.woh", "mini.users.who"), ("platfrom", "platform")]:
        with pytest.raises(ElicitError, match=f"no question '{typed}' in this session's banks; did you mean '{meant}'\\?$"):
            run.resolve_id(typed)


def test_a_suggested_tail_is_long_enough_to_name_one_question(tmp_path, mini_bank):
    # Two banks both asking 'who': the short suggestion would be ambiguous, so it names the section too.
    other = tmp_path / "other.toml"
    other.write_text(MINI_BANK.read_text(encoding="utf-8").replace('id = "mini"', 'id = "other"', 1).replace('id = "users"', 'id = "people"'), encoding="utf-8")
    run = Interview(Session(title="t"), [mini_bank, BankCatalog.default().load(other)])
    with pytest.raises(ElicitError, match="did you mean 'users.who' or 'people.who'\\?$"):
        run.resolve_id("woh")
    assert run.id_hint("users.woh") == "did you mean 'users.who'?"


def test_notes_without_an_answer_leave_a_question_open(mini_bank):
    """Trial 2, T8: words typed on a choice question go to its notes; the question is not answered (the client
    spec lists no answer for it) and not skipped (nobody passed it by): it stays open, and resuming comes back to it."""
    run = interview(mini_bank, context__problem="slow")
    run.session.answers["mini.context.platform"] = Answer(None, notes="An hour a week, Lena more")
    run.session.answers["mini.users.who"] = Answer(None, notes="ask Lena", status="skipped")
    run.session.answers["mini.users.count"] = Answer(None, notes="about 150?", status="revisit")
    assert run.status("mini.context.platform") == "open"
    assert run.status("mini.users.who") == "skipped"  # the consultant's mark stays, notes or not
    assert run.status("mini.users.count") == "revisit"
    progress = run.progress()
    assert (progress.answered, progress.skipped, progress.revisit, progress.open) == (1, 1, 1, 2)
    assert run.first_open(after="mini.context.problem").key == "platform"


def test_has_answer_is_a_value_not_skipped(mini_bank):
    run = interview(mini_bank, context__problem="slow")
    run.session.answers["mini.context.platform"] = Answer(None, notes="words only")
    run.session.answers["mini.users.who"] = Answer("staff", status="revisit")
    run.session.answers["mini.users.count"] = Answer(None, status="skipped")
    assert [q.key for q in run.applicable() if run.has_answer(q.id)] == ["problem", "who"]
    assert run.progress().told == 2  # answered, and flagged with a value: the answers the client spec lists
    assert run.progress().answered == 1


@pytest.mark.parametrize(
    ("status", "value", "counts"),
    [
        ("answered", "Web", "answered"),
        ("answered", None, "open"),
        ("answered", "  ", "open"),
        ("answered", [], "open"),
        ("answered", False, "answered"),
        ("answered", 0, "answered"),
        ("skipped", None, "skipped"),
        ("revisit", None, "revisit"),
        ("revisit", "Web", "revisit"),
    ],
)
def test_answer_status_is_the_one_rule(status, value, counts):
    assert answer_status(status, value) == counts


def test_a_changed_bank_is_noted_once_then_adopted_by_the_next_save(tmp_path, mini_bank):
    """A session on a bank changed since it last ran notes it, runs on the new bank and, once the service has it and saves, records it:
    later commands no longer repeat the note (trial 5: it was printed by every command, forever)."""
    from elicit.core.session.file_format import read_session
    from elicit.core.session.service import SessionService
    from elicit.core.session.storage import SessionStore

    path = tmp_path / "s.elicit.toml"
    session = Session(title="t", banks=[BankRef("mini", "0.9", "sha256:old", str(MINI_BANK))])
    banks, notes = banks_for_session(session, BankCatalog.default())
    assert len(notes) == 1 and "has changed since this session started" in notes[0]
    SessionService(session, Interview(session, banks))
    assert (session.banks[0].version, session.banks[0].hash) == (mini_bank.version, mini_bank.content_hash)
    assert session.banks[0].path == str(MINI_BANK)
    store = SessionStore.create(path, session)
    store.close()
    assert banks_for_session(read_session(path), BankCatalog.default()) == (banks, [])
