"""A follow-up asked in one interview and not in another (its condition's answers differ) in the merged session.

The merged answer to the condition's question has no value while the interviews differ (a conflict, to settle
with the client). The follow-up must not vanish then (the interview that asked it holds the client's words), nor
show where its condition is not met: it applies while the condition is undecided and holds in one interview, and
once the conflict is settled the settled answer decides.
"""

from __future__ import annotations

from elicit.core.banks.catalog import BankCatalog
from elicit.core.session import Answer, Interview, Participant, Session
from elicit.core.spec.exporters.markdown_spec import markdown_document
from elicit.core.spec.exporters.spec_document import build_document
from elicit.core.stakeholders import make_sources, merge
from tests.conftest import MINI_BANK


def merged(ann: dict, raj: dict) -> tuple[Session, Interview]:
    bank = BankCatalog.default().load(MINI_BANK)
    made = []
    for name, said in (("Ann", ann), ("Raj", raj)):
        session = Session(title="Invoicing", participants=[Participant(name, name.lower() + "'s role")])
        session.answers = {f"mini.context.{key}": Answer(value) for key, value in said.items()}
        made.append((f"{name.lower()}.elicit.toml", session, [bank]))
    session = merge(make_sources(made)).session
    return session, Interview(session, [bank])


def test_a_follow_up_one_interview_asked_stays_while_its_condition_is_in_conflict():
    session, interview = merged({"platform": "Mobile", "offline": True, "offline_how_long": 8}, {"platform": "Web"})
    assert session.answers["mini.context.platform"].value is None  # they differ: to settle
    assert interview.applies("mini.context.offline") and interview.applies("mini.context.offline_how_long")
    page = markdown_document(build_document(session, interview, "client"))
    assert "Must it work without a connection?" in page and "For how many hours at most?" in page


def test_it_does_not_apply_when_no_interview_meets_its_condition():
    _, interview = merged({"platform": "Desktop"}, {"platform": "Web"})
    assert not interview.applies("mini.context.offline")


def test_once_the_conflict_is_settled_the_settled_answer_decides():
    session, interview = merged({"platform": "Mobile", "offline": True}, {"platform": "Web"})
    session.answers["mini.context.platform"].value = "Web"
    session.answers["mini.context.platform"].status = "answered"
    interview.invalidate()
    assert not interview.applies("mini.context.offline")
    page = markdown_document(build_document(session, interview, "client"))
    assert "Must it work without a connection?" not in page  # its condition is not met: not shown to the client


def test_a_session_that_is_no_merge_is_unchanged():
    bank = BankCatalog.default().load(MINI_BANK)
    session = Session(title="One interview")
    session.answers = {"mini.context.platform": Answer("Web")}
    assert not Interview(session, [bank]).applies("mini.context.offline")
