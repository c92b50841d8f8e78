"""Who said it in the spec (issue 16): the team sees names and roles, the client only roles unless the session allows names."""

from __future__ import annotations

import json

import pytest

from elicit.core.session.models import Participant, Session
from elicit.core.spec.exporters import ExportOptions, get_exporter
from tests.support.export import interview_for, rich_session


def credited() -> Session:
    session = rich_session()
    session.participants = [Participant("Ann Lee", "owner"), Participant("Ben Cho", "baker")]
    session.stories[0].by = "Ann Lee"
    session.stories[0].quote = "we lose half a day"
    session.decisions[0].by = "Ben Cho"
    session.open_questions[0].by = "Ann Lee"
    session.assumptions[0].by = "Ben Cho"
    session.answers["mini.context.problem"].by = "Ben Cho"
    return session


def said_by(text: str) -> list[str]:
    """The text after each "Said by:" (Markdown or HTML), to its line's end."""
    import re

    parts = [re.sub(r"^(\s|\*|</?[a-z]+[^>]*>)*", "", part) for part in text.split("Said by:")[1:]]
    return [re.split(r"[<\n]", part)[0].rstrip("\\ ").strip() for part in parts]


def render(name: str, session: Session, audience: str) -> str:
    files = get_exporter(name).render(session, interview_for(session), ExportOptions(audience=audience))
    return "\n".join(files.values())


@pytest.mark.parametrize("name", ["md", "html"])
def test_the_team_sees_each_speakers_name_and_role(name):
    credits = said_by(render(name, credited(), "team"))
    assert len(credits) >= 5 and set(credits) == {"Ann Lee (owner)", "Ben Cho (baker)"}, credits  # story, decision, question, assumption, answer


@pytest.mark.parametrize("name", ["md", "html"])
def test_the_client_sees_only_roles_by_default(name):
    credits = said_by(render(name, credited(), "client"))
    assert len(credits) >= 5 and set(credits) == {"owner", "baker"}, credits


@pytest.mark.parametrize("name", ["md", "html"])
def test_the_session_setting_lets_the_client_see_names(name):
    session = credited()
    session.settings.names_in_client_spec = True
    assert set(said_by(render(name, session, "client"))) == {"Ann Lee (owner)", "Ben Cho (baker)"}


def test_nobody_credited_adds_no_said_by_line():
    assert "Said by:" not in render("md", rich_session(), "team")


def test_a_participant_without_a_role_is_a_participant_to_the_client():
    session = credited()
    session.participants[0].role = ""
    assert set(said_by(render("md", session, "client"))) == {"a participant", "baker"}


@pytest.mark.parametrize("name", ["json", "toml"])
def test_json_and_toml_specs_carry_by(name):
    text = render(name, credited(), "client")
    if name == "json":
        data = json.loads(text)
    else:
        import tomllib

        data = tomllib.loads(text)
    assert data["stories"][0]["by"] == "Ann Lee" and data["decisions"][0]["by"] == "Ben Cho"
    assert data["open_questions"][0]["by"] == "Ann Lee" and data["assumptions"][0]["by"] == "Ben Cho"


def credited_by_hand() -> Session:
    """trial2 T10: a decision's 'decided by' and an open question's owner typed as people write them."""
    session = credited()
    session.participants = [Participant("Dr. Maria Okafor", "practice owner"), Participant("Lena Park", "receptionist")]
    for item in (session.stories[0], session.open_questions[0], session.answers["mini.context.problem"]):
        item.by = "Dr. Maria Okafor"
    session.decisions[0].by = session.assumptions[0].by = "Lena Park"
    session.decisions[0].decided_by = "Dr. Okafor"
    session.open_questions[0].owner = "Lena Park"
    return session


def after(label: str, text: str) -> list[str]:
    """What follows each ``label`` (Markdown or HTML), to its line's end or the next ' · '."""
    import re

    parts = [re.sub(r"^(\s|\*|</?[a-z]+[^>]*>)*", "", part) for part in text.split(label)[1:]]
    return [re.split(r"[<\n]| · ", part)[0].rstrip("\\ ").strip() for part in parts]


@pytest.mark.parametrize("name", ["md", "html"])
def test_every_line_that_credits_someone_names_them_by_one_rule(name):
    # trial2 T10: 'Said by: practice owner' beside 'Decided by: Dr. Okafor' and 'Owner: Lena Park' on one page.
    session = credited_by_hand()
    client = render(name, session, "client")
    assert set(said_by(client)) == {"practice owner", "receptionist"}
    assert after("Decided by:", client) == ["practice owner"] and after("Owner:", client) == ["receptionist"]
    session.settings.names_in_client_spec = True
    for text in (render(name, session, "client"), render(name, session, "team")):
        assert set(said_by(text)) == {"Dr. Maria Okafor (practice owner)", "Lena Park (receptionist)"}
        assert after("Decided by:", text) == ["Dr. Maria Okafor (practice owner)"]
        assert after("Owner:", text) == ["Lena Park (receptionist)"]


def test_someone_who_is_no_participant_stays_as_written():
    session = credited_by_hand()
    session.decisions[0].decided_by = "the board"
    session.open_questions[0].owner = "Maria"  # a first name only one participant has
    client = render("md", session, "client")
    assert after("Decided by:", client) == ["the board"] and after("Owner:", client) == ["practice owner"]
