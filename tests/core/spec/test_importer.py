"""Importing a TOML spec: lossless round trip, and clear findings for bad files."""

from __future__ import annotations

import json
import tomllib

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings

from elicit.core.findings import FindingsError
from elicit.core.session.file_format import dumps_session, loads_session
from elicit.core.session.models import Session
from elicit.core.spec.exporters.toml_spec import dumps_spec
from elicit.core.spec.importer import loads_spec, session_from_spec
from tests.support import REPO
from tests.support.export import as_imported, interview_for, rich_session, sessions


def spec_text(session: Session) -> str:
    return dumps_spec(session, interview_for(session))


def findings_of(text: str) -> list:
    with pytest.raises(FindingsError) as caught:
        loads_spec(text, "spec.toml")
    return caught.value.findings


# Round trip -----------------------------------------------------------------------------


def test_rich_session_round_trips():
    session = rich_session()
    back = loads_spec(spec_text(session))
    assert back == as_imported(session)
    assert back.answers["mini.gone.question"].value == "kept from an older bank"


def test_empty_session_round_trips():
    session = Session(title="")
    assert loads_spec(spec_text(session)) == as_imported(session)


@given(sessions())
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_session_to_spec_to_session_is_lossless(session):
    text = spec_text(session)
    back = loads_spec(text)
    assert back == as_imported(session)
    # The imported session exports the same spec, and saves as a session file that reads back equal.
    assert spec_text(back) == text
    assert loads_session(dumps_session(back)) == as_imported(session)


def test_a_merged_spec_keeps_who_asked_for_each_story_at_what_priority_and_imports_it_back():
    from elicit.core.spec.exporters.json_spec import dumps_json_spec
    from elicit.core.stakeholders import merge
    from tests.core.stakeholders.test_merge import bakery

    session = merge(bakery()).session
    cake = session.stories[0]
    text = spec_text(session)
    data = tomllib.loads(text)
    assert [(copy["interview"], copy["by"], copy["priority"]) for copy in data["stories"][0]["copies"]] == [
        (copy.interview, copy.by, copy.priority) for copy in cake.copies
    ]
    assert [item["id"] for item in data["merged_from"]] == [item.id for item in session.merged_from]
    assert data["conflicts"] == session.conflicts
    back = loads_spec(text)
    # Every interview's copy of a story, its answer with its speaker, the interviews, their conflicts and their time added up.
    assert back == as_imported(session)
    assert any(answer.interviews for answer in back.answers.values()) and back.interview_seconds == 12000
    assert json.loads(dumps_json_spec(session, interview_for(session)))["stories"][0]["copies"] == data["stories"][0]["copies"]
    single = spec_text(rich_session())  # a spec of one interview has none of the merged keys
    assert not {"merged_from", "conflicts"} & set(tomllib.loads(single)) and "copies" not in single


def test_carriage_returns_survive(tmp_path):
    session = rich_session()
    session.stories[0].quote = "one\r\ntwo\rthree\n"
    session.answers["mini.context.problem"].notes = "\r"
    text = spec_text(session)
    assert '"""' not in text
    path = tmp_path / "spec.toml"
    path.write_bytes(text.encode("utf-8"))
    assert session_from_spec(path) == as_imported(session)


def test_multi_line_text_stays_readable():
    text = spec_text(rich_session())
    assert 'value = """\nTechnicians re-key job sheets.\nIt costs a day a week."""' in text


# Bad files --------------------------------------------------------------------------------


def test_missing_file(tmp_path):
    with pytest.raises(FindingsError) as caught:
        session_from_spec(tmp_path / "nope.toml")
    assert "file not found" in caught.value.findings[0].format()


def test_not_utf8(tmp_path):
    path = tmp_path / "spec.toml"
    path.write_bytes(b'schema = "elicit.spec/1"\ntitle = "caf\xe9"\n')
    with pytest.raises(FindingsError) as caught:
        session_from_spec(path)
    finding = caught.value.findings[0]
    assert finding.line == 2
    assert "UTF-8" in finding.message


def test_toml_syntax_error_has_its_line():
    (finding,) = findings_of('schema = "elicit.spec/1"\ntitle = unquoted\n')
    assert finding.code == "toml-syntax"
    assert finding.line == 2


def test_missing_schema():
    (finding,) = findings_of('title = "x"\n')
    assert finding.code == "missing-key"
    assert "does not look like an elicit spec" in finding.message


def test_a_session_file_is_not_a_spec():
    (finding,) = findings_of(dumps_session(rich_session()))
    assert finding.code == "not-a-spec"
    assert "export" in finding.hint


def test_newer_schema_asks_for_an_upgrade():
    (finding,) = findings_of('schema = "elicit.spec/9"\n')
    assert finding.code == "newer-schema"
    assert "upgrade" in finding.hint


def test_unknown_keys_are_refused_with_line_and_hint():
    text = spec_text(rich_session())
    text = text.replace('id = "US-002"\n', 'id = "US-002"\npriorty = "must"\n')
    (finding,) = findings_of(text)
    assert finding.code == "unknown-key"
    assert finding.key == "stories[1].priorty"
    assert "did you mean 'priority'" in finding.hint
    assert text.splitlines()[finding.line - 1] == 'priorty = "must"'


def _broken(change) -> list:
    data = tomllib.loads(spec_text(rich_session()))
    change(data)
    return findings_of(tomli_w.dumps(data))


def test_wrong_types_and_values_are_all_reported():
    def change(data):
        data["title"] = 3
        data["stories"][0]["priority"] = "urgent"
        data["stories"][1]["acceptance"] = "not a list"
        data["sections"][0]["questions"][0]["answer"]["status"] = "done"
        data["sections"][0]["questions"][1]["answer"]["value"] = {"a": 1}
        data["decisions"][0]["text"] = 1
        data["started_at"] = "yesterday"

    findings = _broken(change)
    keys = {finding.key for finding in findings}
    assert keys == {
        "title",
        "stories[0].priority",
        "stories[1].acceptance",
        "sections[0].questions[0].answer.status",
        "sections[0].questions[1].answer.value",
        "decisions[0].text",
        "started_at",
    }
    assert all(finding.file == "spec.toml" and finding.line for finding in findings)


def test_duplicate_story_ids():
    def change(data):
        data["stories"][1]["id"] = "US-001"

    (finding,) = _broken(change)
    assert finding.code == "duplicate-id"


def test_an_answer_given_twice():
    def change(data):
        data["other_answers"].append({"question": "mini.context.problem", "notes": "", "status": "answered"})

    (finding,) = _broken(change)
    assert finding.code == "duplicate-answer"
    assert "sections[0].questions[0].answer" in finding.message


def test_answer_without_question_id():
    def change(data):
        del data["sections"][0]["questions"][0]["id"]
        del data["other_answers"][0]["question"]

    findings = _broken(change)
    assert {finding.key for finding in findings} == {"sections[0].questions[0].id", "other_answers[0].question"}


def test_sections_must_be_tables():
    (finding,) = findings_of('schema = "elicit.spec/1"\nsections = ["a"]\n')
    assert finding.key == "sections"
    assert "array of tables" in finding.message


def test_what_the_spec_adds_for_readers_is_ignored():
    def change(data):
        data["summary"]["stories"] = 999
        data["sections"][0]["questions"][0]["prompt"] = "edited by hand"
        data["sections"][0]["questions"][0]["status"] = "whatever"
        data["banks"][0]["title"] = "Another title"

    data = tomllib.loads(spec_text(rich_session()))
    change(data)
    assert loads_spec(tomli_w.dumps(data)) == as_imported(rich_session())


def test_the_documented_example_validates_and_imports():
    import re

    from tests.support.export import validate_toml_spec

    doc = (REPO / "docs" / "spec-format.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```toml\n(.*?)```", doc, re.DOTALL)
    validate_toml_spec(example)
    session = loads_spec(example)
    assert session.stories[0].acceptance[0] == "Given no connection, when I save a job, then it is queued"
    assert session.answers["mini.context.offline_how_long"].status == "revisit"


def test_a_version_1_spec_still_imports():
    session = rich_session()
    text = spec_text(session).replace('schema = "elicit.spec/2"', 'schema = "elicit.spec/1"', 1)
    text = text.replace("\n[summary]", '\ncurrent = "mini.users.who"\n[summary]', 1)
    back = loads_spec(text)
    assert back == as_imported(session).__class__(**{**as_imported(session).__dict__, "current": "mini.users.who"})


def test_spec_2_carries_why_when_minutes_and_no_cursor():
    data = tomllib.loads(spec_text(rich_session()))
    assert data["schema"] == "elicit.spec/2" and "current" not in data
    questions = {q["id"]: q for section in data["sections"] for q in section["questions"]}
    assert all("why" in q for q in questions.values())
    assert questions["mini.context.offline_how_long"]["when"]
    for question in questions.values():
        if "answer" in question:
            assert question["answer"]["status"] == question["status"]


def test_the_spec_keeps_the_sessions_settings():
    # Importing a spec gave names_in_client_spec back as false: a client spec rebuilt from it dropped the names.
    from elicit.core.session.models import Settings

    session = rich_session()
    session.settings = Settings(names_in_client_spec=True)
    text = spec_text(session)
    assert tomllib.loads(text)["settings"] == {"names_in_client_spec": True}
    assert loads_spec(text).settings.names_in_client_spec is True
    assert loads_spec(text) == as_imported(session)


def test_a_spec_without_settings_imports_with_the_defaults():
    data = tomllib.loads(spec_text(rich_session()))
    del data["settings"]
    assert loads_spec(tomli_w.dumps(data)).settings.names_in_client_spec is False
    data["settings"] = {"names_in_client_spec": "yes"}
    assert [f.key for f in findings_of(tomli_w.dumps(data))] == ["settings.names_in_client_spec"]
