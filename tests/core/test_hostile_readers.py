"""Every reader (session, bank, spec, backlog) given arbitrary nesting, control characters and
Unicode digits: a correct result or a clear ElicitError, never another exception (issue 11)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from elicit.core.banks.loader import bank_from_document
from elicit.core.files.toml_source import text_document
from elicit.core.findings import ElicitError
from elicit.core.session.file_format import dumps_session, loads_session
from elicit.core.session.models import Session, Story
from elicit.core.spec.importer import loads_spec
from elicit.core.stories.backlog import read_backlog

HOSTILE_CHARACTERS = st.sampled_from(["\x00", "\x1b", "\x07", "\x9b", "\u2028", "\x85", "\x0b", "\x0c", "\x1c", "²", "١", "٣", "߀", "𝟗", "'", '"', "\\", "\r", "\n", "[", "{", "]", "}", ".", "=", ","])
HOSTILE_TEXT = st.text(st.one_of(HOSTILE_CHARACTERS, st.characters()), max_size=40)
DIGITS = st.one_of(st.text(st.sampled_from("0123456789²³¹١٢٣߀𝟗"), min_size=1, max_size=12), st.just("9" * 5000))


@st.composite
def nested_values(draw):
    depth = draw(st.integers(min_value=0, max_value=1500))
    opener, closer = draw(st.sampled_from([("[", "]"), ("{a = ", "}"), ("[{a = ", "}]")]))
    return opener * depth + draw(st.sampled_from(['"x"', "1", "inf", "nan"])) + closer * depth


@st.composite
def hostile_session_texts(draw):
    base = dumps_session(Session(title="t", stories=[Story("US-001", "user", "pay")]))
    choice = draw(st.integers(0, 5))
    if choice == 0:
        return base.replace('"elicit.session/1"', f'"elicit.session/{draw(DIGITS)}"')
    if choice == 1:
        return base.replace('"US-001"', repr("US-" + draw(DIGITS)).replace("'", '"'))
    if choice == 2:
        return base + f'\n[answers."b.s.q"]\nvalue = {draw(nested_values())}\n'
    if choice == 3:
        return base.replace('title = "t"', f"title = {draw(nested_values())}")
    if choice == 4:
        text = draw(HOSTILE_TEXT)
        return base.replace('title = "t"', "title = " + '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"')
    return draw(HOSTILE_TEXT) + base


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _never_raises_other(read, text):
    try:
        read(text)
    except ElicitError as error:
        assert str(error).strip(), "an error says what is wrong"


@given(hostile_session_texts())
@SETTINGS
def test_session_reader(text):
    _never_raises_other(loads_session, text)


@given(hostile_session_texts())
@SETTINGS
def test_spec_reader(text):
    _never_raises_other(loads_spec, text.replace("elicit.session/", "elicit.spec/"))


@given(st.one_of(nested_values(), HOSTILE_TEXT, DIGITS), st.sampled_from(["title", "version", "id", "min", "max", "options", "include", "when"]))
@SETTINGS
def test_bank_reader(value, key):
    body = {
        "title": 'id = "b"\nversion = "1"\ntitle = {v}\n',
        "version": 'id = "b"\ntitle = "B"\nversion = {v}\n',
        "id": 'title = "B"\nversion = "1"\nid = {v}\n',
    }.get(key, 'id = "b"\ntitle = "B"\nversion = "1"\n')
    section = '[[sections]]\nid = "s"\ntitle = "S"\ngoal = "G"\n[[sections.questions]]\nid = "q"\nprompt = "Q?"\nkind = "number"\n'
    literal = value if value.startswith(("[", "{")) or value in ("inf", "nan") else '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if key in ("min", "max", "options", "when"):
        text = body.format(v=literal) + section + f"{key} = {literal}\n"
    elif key == "include":
        text = body.format(v=literal) + f"[[sections]]\ninclude = {literal}\n"
    else:
        text = body.format(v=literal) + section

    def read(source):
        bank_from_document(text_document(source, "hostile.toml"), lambda bank_id, path, stack: None)

    _never_raises_other(read, text)


@given(st.lists(st.one_of(HOSTILE_TEXT, st.builds(lambda d: f"As a user {d}, I want {d}", DIGITS)), min_size=1, max_size=6), st.sampled_from([".txt", ".csv"]))
@SETTINGS
def test_backlog_reader(lines, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"backlog{suffix}"
        path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))
        _never_raises_other(lambda _: read_backlog(path), None)
