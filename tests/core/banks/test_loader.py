"""Loading banks: the model, includes, discovery and every validation error kind."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from elicit.core.banks.catalog import BankCatalog
from elicit.core.findings import Finding, FindingsError
from tests.conftest import MINI_BANK

HEADER = 'id = "t"\ntitle = "T"\nversion = "1"\n'


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def catalog_for(folder: Path) -> BankCatalog:
    return BankCatalog([("project", folder)])


def problems(folder: Path, text: str, name: str = "t.toml") -> list[Finding]:
    path = write(folder, name, text)
    with pytest.raises(FindingsError) as caught:
        catalog_for(folder).load(path)
    return caught.value.findings


def only(findings: list[Finding], code: str) -> Finding:
    matching = [f for f in findings if f.code == code]
    assert len(matching) == 1, [f.format() for f in findings]
    return matching[0]


def section(questions: str, extra: str = "") -> str:
    return HEADER + '\n[[sections]]\nid = "s"\ntitle = "S"\ngoal = "G"\n' + extra + questions


# The model ----------------------------------------------------------------------


def test_mini_bank_loads_with_qualified_ids(mini_bank):
    assert mini_bank.id == "mini"
    assert [s.id for s in mini_bank.sections] == ["mini.context", "mini.users"]
    ids = [q.id for q in mini_bank.questions]
    assert ids[:3] == ["mini.context.problem", "mini.context.platform", "mini.context.offline"]
    platform = mini_bank.questions[1]
    assert platform.kind == "choice" and platform.options == ("Web", "Mobile", "Desktop", "Not sure")
    assert mini_bank.questions[0].required is True
    assert mini_bank.questions[0].probes == ("Who feels it most?", "What does it cost today?")
    assert mini_bank.content_hash.startswith("sha256:")


def test_conditions_are_resolved_to_full_ids(mini_bank):
    channels = next(q for q in mini_bank.questions if q.key == "channels")
    assert [name for name, _ in channels.condition.names()] == ["mini.context.platform", "mini.users.count"]
    assert channels.when == "context.platform in ['Web', 'Mobile'] and count > 10"


def test_kind_defaults(mini_bank):
    scale = next(q for q in mini_bank.questions if q.kind == "scale")
    assert (scale.min, scale.max, scale.labels) == (1, 5, ("not at all", "very"))
    number = next(q for q in mini_bank.questions if q.key == "offline_how_long")
    assert (number.min, number.max, number.unit) == (0, None, "hours")
    who = next(q for q in mini_bank.questions if q.key == "who")
    assert who.story is not None and who.story.role == "user"


def test_hash_changes_with_content(tmp_path):
    path = write(tmp_path, "t.toml", section('[[sections.questions]]\nid = "q"\nprompt = "Q?"\n'))
    first = catalog_for(tmp_path).load(path).content_hash
    path.write_text(path.read_text() + "\n# a comment\n")
    assert catalog_for(tmp_path).load(path).content_hash != first


# Includes ----------------------------------------------------------------------


def base_bank(folder: Path) -> None:
    write(
        folder,
        "base.toml",
        """\
        id = "base"
        title = "Base"
        version = "1"
        [[sections]]
        id = "one"
        title = "One"
        goal = "G1"
        [[sections.questions]]
        id = "kind"
        prompt = "Which kind?"
        kind = "choice"
        options = ["a", "b"]
        [[sections]]
        id = "two"
        title = "Two"
        goal = "G2"
        [[sections.questions]]
        id = "follow"
        prompt = "Follow up?"
        when = "one.kind == 'a'"
        """,
    )


def test_include_one_section_keeps_its_ids(tmp_path):
    base_bank(tmp_path)
    path = write(
        tmp_path,
        "domain.toml",
        """\
        id = "domain"
        title = "Domain"
        version = "1"
        [[sections]]
        include = "base.one"
        [[sections]]
        id = "own"
        title = "Own"
        goal = "G"
        [[sections.questions]]
        id = "q"
        prompt = "Own question?"
        when = "base.one.kind == 'b'"
        """,
    )
    bank = catalog_for(tmp_path).load(path)
    assert [s.id for s in bank.sections] == ["base.one", "domain.own"]
    assert [q.id for q in bank.questions] == ["base.one.kind", "domain.own.q"]


def test_include_whole_bank(tmp_path):
    base_bank(tmp_path)
    path = write(tmp_path, "d.toml", 'id = "d"\ntitle = "D"\nversion = "1"\n[[sections]]\ninclude = "base"\n')
    bank = catalog_for(tmp_path).load(path)
    assert [s.id for s in bank.sections] == ["base.one", "base.two"]


def test_include_of_a_section_whose_condition_needs_another_section(tmp_path):
    base_bank(tmp_path)
    found = problems(tmp_path, 'id = "d"\ntitle = "D"\nversion = "1"\n[[sections]]\ninclude = "base.two"\n', "d.toml")
    finding = only(found, "include-condition")
    assert finding.line == 5 and finding.key == "sections[0].include"
    assert "base.one.kind" in finding.message


def test_include_missing_bank_and_section(tmp_path):
    base_bank(tmp_path)
    found = problems(
        tmp_path, 'id = "d"\ntitle = "D"\nversion = "1"\n[[sections]]\ninclude = "nope.x"\n[[sections]]\ninclude = "base.tow"\n', "d.toml"
    )
    messages = [f.message for f in found if f.code == "include-missing"]
    assert messages == ["no bank with id 'nope' was found", "bank 'base' has no section 'tow'"]
    assert "did you mean 'base.two'" in found[1].hint


def test_include_with_extra_keys_and_self(tmp_path):
    found = problems(tmp_path, HEADER + '[[sections]]\ninclude = "t.x"\ntitle = "no"\n')
    assert {f.code for f in found} >= {"include-extra-keys", "include-self"}


def test_include_cycle_is_reported(tmp_path):
    write(tmp_path, "a.toml", 'id = "a"\ntitle = "A"\nversion = "1"\n[[sections]]\ninclude = "b.s"\n')
    write(tmp_path, "b.toml", 'id = "b"\ntitle = "B"\nversion = "1"\n[[sections]]\ninclude = "a.s"\n')
    with pytest.raises(FindingsError) as caught:
        catalog_for(tmp_path).load("a")
    cycle = only(caught.value.findings, "include-cycle")
    assert "a -> b -> a" in cycle.message


def test_included_bank_with_problems(tmp_path):
    write(tmp_path, "bad.toml", 'id = "bad"\ntitle = "B"\nversion = 1\n[[sections]]\nid = "s"\ntitle = "S"\ngoal = "G"\n')
    found = problems(tmp_path, HEADER + '[[sections]]\ninclude = "bad.s"\n')
    assert only(found, "include-broken").message.startswith("included bank 'bad' has")


def test_duplicate_section_from_include(tmp_path):
    base_bank(tmp_path)
    found = problems(
        tmp_path, 'id = "d"\ntitle = "D"\nversion = "1"\n[[sections]]\ninclude = "base.one"\n[[sections]]\ninclude = "base.one"\n', "d.toml"
    )
    assert only(found, "duplicate-id").line == 6


# Validation: every kind, with file, line and key ---------------------------------


def test_syntax_error_has_file_and_line(tmp_path):
    finding = only(problems(tmp_path, HEADER + 'description = "unterminated\n'), "toml-syntax")
    assert finding.file.endswith("t.toml") and finding.line == 4


def test_a_key_given_twice_is_named_with_what_to_do(tmp_path):
    """trial5 T5-8: two kind lines in one question got "strings need quotes, tables need [brackets]"."""
    text = HEADER + '[[sections]]\nid = "s"\ntitle = "S"\ngoal = "G"\n[[sections.questions]]\nid = "q"\nprompt = "P?"\n'
    finding = only(problems(tmp_path, text + 'kind = "number"\nkind = "text"\n'), "toml-syntax")
    assert (finding.line, finding.hint) == (text.count("\n") + 2, "'kind' is set twice in the same table: keep one of them")
    finding = only(problems(tmp_path, HEADER + '[extra]\n[extra]\n'), "toml-syntax")
    assert finding.hint.startswith("a table is declared twice")


def test_syntax_error_at_end_of_file(tmp_path):
    finding = only(problems(tmp_path, HEADER + "sections = [\n"), "toml-syntax")
    assert finding.line is not None


def test_encoding_error(tmp_path):
    path = tmp_path / "t.toml"
    path.write_bytes(HEADER.encode() + b'description = "caf\xe9"\n')
    with pytest.raises(FindingsError) as caught:
        catalog_for(tmp_path).load(path)
    finding = only(caught.value.findings, "encoding")
    assert finding.line == 4 and "UTF-8" in finding.hint


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "t.toml"
    path.write_bytes(b"\xef\xbb\xbf" + section('[[sections.questions]]\nid = "q"\nprompt = "Q?"\n').encode())
    assert catalog_for(tmp_path).load(path).id == "t"


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(FindingsError) as caught:
        catalog_for(tmp_path).load(tmp_path / "nothere.toml")
    assert only(caught.value.findings, "not-found").file.endswith("nothere.toml")
    (tmp_path / "dir.toml").mkdir()
    with pytest.raises(FindingsError) as caught:
        catalog_for(tmp_path).load(tmp_path / "dir.toml")
    assert caught.value.findings[0].code == "unreadable"


def test_unknown_keys_with_did_you_mean(tmp_path):
    found = problems(
        tmp_path,
        section('[[sections.questions]]\nid = "q"\nprompt = "Q?"\nprobs = ["x"]\n', extra='goals = "x"\n').replace(
            'version = "1"', 'version = "1"\ndescripton = "d"'
        ),
    )
    by_key = {f.key: f for f in found if f.code == "unknown-key"}
    assert by_key["descripton"].hint == "did you mean 'description'?"
    assert by_key["descripton"].line == 4
    assert by_key["sections[0].goals"].hint == "did you mean 'goal'?"
    assert by_key["sections[0].questions[0].probs"].hint == "did you mean 'probes'?"
    assert by_key["sections[0].questions[0].probs"].line == 14


def test_unknown_key_without_close_match_lists_allowed(tmp_path):
    found = problems(tmp_path, section('[[sections.questions]]\nid = "q"\nprompt = "Q?"\nzzz = 1\n'))
    assert "allowed keys are: id, prompt" in only(found, "unknown-key").hint


def test_missing_required_keys(tmp_path):
    found = problems(tmp_path, 'title = "T"\n[[sections]]\nid = "s"\ntitle = "S"\n[[sections.questions]]\nid = "q"\n')
    keys = {f.key for f in found if f.code == "missing-key"}
    assert keys == {"id", "version", "sections[0].goal", "sections[0].questions[0].prompt"}
    prompt = next(f for f in found if f.key == "sections[0].questions[0].prompt")
    assert prompt.line == 5


def test_missing_sections_and_questions(tmp_path):
    found = problems(tmp_path, HEADER)
    assert only(found, "missing-key").key == "sections"
    found = problems(tmp_path, HEADER + '[[sections]]\nid = "s"\ntitle = "S"\ngoal = "G"\n')
    assert only(found, "missing-key").key == "sections[0].questions"


def test_wrong_types(tmp_path):
    text = HEADER.replace('version = "1"', "version = 1.2") + (
        '[[sections]]\nid = "s"\ntitle = "S"\ngoal = "G"\n'
        '[[sections.questions]]\nid = "q"\nprompt = 5\nrequired = "yes"\nprobes = "one"\ntags = [1]\nwhen = 3\nstory = "x"\n'
    )
    found = problems(tmp_path, text)
    wrong = {f.key: f for f in found if f.code == "wrong-type"}
    assert set(wrong) == {
        "version",
        "sections[0].questions[0].prompt",
        "sections[0].questions[0].required",
        "sections[0].questions[0].probes",
        "sections[0].questions[0].tags",
        "sections[0].questions[0].when",
        "sections[0].questions[0].story",
    }
    assert wrong["version"].hint == 'write version = "1.2"'
    assert wrong["sections[0].questions[0].required"].line == 11


def test_sections_must_be_tables(tmp_path):
    assert only(problems(tmp_path, HEADER + 'sections = ["a"]\n'), "wrong-type").key == "sections"


def test_bad_ids(tmp_path):
    found = problems(
        tmp_path,
        'id = "my bank"\ntitle = "T"\nversion = "1"\n[[sections]]\nid = "a.b"\ntitle = "S"\ngoal = "G"\n[[sections.questions]]\nid = "q 1"\nprompt = "Q?"\n',
    )
    assert {f.key for f in found if f.code == "bad-id"} == {"id", "sections[0].id", "sections[0].questions[0].id"}


def test_empty_title(tmp_path):
    found = problems(tmp_path, section('[[sections.questions]]\nid = "q"\nprompt = "  "\n'))
    assert only(found, "empty").key == "sections[0].questions[0].prompt"


def test_duplicate_question_and_section_ids(tmp_path):
    text = section('[[sections.questions]]\nid = "q"\nprompt = "A?"\n[[sections.questions]]\nid = "q"\nprompt = "B?"\n')
    text += '[[sections]]\nid = "s"\ntitle = "Again"\ngoal = "G"\n[[sections.questions]]\nid = "x"\nprompt = "C?"\n'
    found = [f for f in problems(tmp_path, text) if f.code == "duplicate-id"]
    assert [(f.key, f.line) for f in found] == [("sections[0].questions[1].id", 13), ("sections[1]", 15)]


def test_unknown_kind(tmp_path):
    found = problems(tmp_path, section('[[sections.questions]]\nid = "q"\nprompt = "Q?"\nkind = "choise"\n'))
    assert only(found, "bad-value").hint == "did you mean 'choice'?"


def test_options_on_a_kind_that_takes_none(tmp_path):
    found = problems(tmp_path, section('[[sections.questions]]\nid = "q"\nprompt = "Q?"\nkind = "yesno"\noptions = ["a", "b"]\n'))
    finding = only(found, "options-not-allowed")
    assert finding.key == "sections[0].questions[0].options" and finding.line == 13


def test_choice_needs_options(tmp_path):
    found = problems(tmp_path, section('[[sections.questions]]\nid = "q"\nprompt = "Q?"\nkind = "multi"\n'))
    assert only(found, "missing-key").key == "sections[0].questions[0].options"
    found = problems(tmp_path, section('[[sections.questions]]\nid = "q"\nprompt = "Q?"\nkind = "choice"\noptions = ["only"]\n'))
    assert only(found, "too-few-options")
    found = problems(tmp_path, section('[[sections.questions]]\nid = "q"\nprompt = "Q?"\nkind = "choice"\noptions = ["A", "a"]\n'))
    assert only(found, "duplicate-option")


def test_range_labels_unit_rules(tmp_path):
    text = section(
        '[[sections.questions]]\nid = "q"\nprompt = "Q?"\nmin = 1\nlabels = ["a", "b"]\nunit = "h"\n'
        '[[sections.questions]]\nid = "r"\nprompt = "R?"\nkind = "scale"\nmin = 5\nmax = 5\nlabels = ["only"]\n'
        '[[sections.questions]]\nid = "n"\nprompt = "N?"\nkind = "number"\nmin = 10\nmax = 1\n'
        '[[sections.questions]]\nid = "f"\nprompt = "F?"\nkind = "scale"\nmax = 4.5\n'
    )
    codes = sorted(f.code for f in problems(tmp_path, text))
    assert codes == sorted(
        ["range-not-allowed", "labels-not-allowed", "unit-not-allowed", "bad-range", "bad-value", "bad-range", "wrong-type"]
    )


def test_story_hint_checks(tmp_path):
    found = problems(tmp_path, section('[[sections.questions]]\nid = "q"\nprompt = "Q?"\nstory = { role = "r", wnt = "x" }\n'))
    assert {f.code for f in found} == {"unknown-key", "missing-key"}
    assert only(found, "unknown-key").hint == "did you mean 'want'?"


def test_condition_that_does_not_parse(tmp_path):
    found = problems(tmp_path, section('[[sections.questions]]\nid = "q"\nprompt = "Q?"\nwhen = "a =="\n'))
    finding = only(found, "bad-condition")
    assert finding.line == 12 and "column" in finding.message


def test_condition_naming_a_missing_question(tmp_path):
    text = section(
        '[[sections.questions]]\nid = "first"\nprompt = "A?"\n[[sections.questions]]\nid = "q"\nprompt = "Q?"\nwhen = "frist == \'x\'"\n'
    )
    finding = only(problems(tmp_path, text), "condition-unknown")
    assert finding.key == "sections[0].questions[1].when" and finding.line == 15
    assert finding.hint == "did you mean 't.s.first'?"


def test_condition_naming_a_later_question_or_itself(tmp_path):
    text = section(
        '[[sections.questions]]\nid = "q"\nprompt = "Q?"\nwhen = "later == 1 or q == 2"\n[[sections.questions]]\nid = "later"\nprompt = "L?"\n'
    )
    found = [f.message for f in problems(tmp_path, text) if f.code == "condition-order"]
    assert found == ["condition depends on 't.s.later', which comes later", "condition depends on itself"]


def test_condition_values_are_checked_against_the_question(tmp_path):
    text = section(
        '[[sections.questions]]\nid = "c"\nprompt = "C?"\nkind = "choice"\noptions = ["Mobile", "Web"]\n'
        '[[sections.questions]]\nid = "y"\nprompt = "Y?"\nkind = "yesno"\n'
        '[[sections.questions]]\nid = "n"\nprompt = "N?"\nkind = "number"\n'
        "[[sections.questions]]\nid = \"q\"\nprompt = \"Q?\"\nwhen = \"c == 'Mobil' or y == 'maybe' or n > '3' or c in ['Web', 'Desk']\"\n"
    )
    found = [f for f in problems(tmp_path, text) if f.code == "condition-value"]
    assert len(found) == 4
    assert found[0].hint == "did you mean 'Mobile'?"
    assert "'Desk' is not an option" in found[3].message


def test_all_problems_are_reported_at_once_and_sorted_by_line(tmp_path):
    text = 'id = "t"\ntitle = 3\n[[sections]]\nid = "s"\ntitle = "S"\n[[sections.questions]]\nid = "q"\nprompt = "Q?"\nkind = "nope"\n'
    found = problems(tmp_path, text)
    assert len(found) >= 4
    lines = [f.line for f in found]
    assert lines == sorted(lines)


# Discovery ---------------------------------------------------------------------


def test_sources_override_in_order(tmp_path, monkeypatch):
    builtin, user, project = (tmp_path / name for name in ("builtin", "user", "project"))
    for folder in (builtin, user, project):
        folder.mkdir()
    body = '\n[[sections]]\nid = "s"\ntitle = "S"\ngoal = "G"\n[[sections.questions]]\nid = "q"\nprompt = "Q?"\n'
    write(builtin, "a.toml", 'id = "a"\ntitle = "Built-in A"\nversion = "1"' + body)
    write(user, "a2.toml", 'id = "a"\ntitle = "User A"\nversion = "2"' + body)
    write(project, "b.toml", 'id = "b"\ntitle = "B"\nversion = "1"' + body)
    write(project, "broken.toml", "id = ")
    catalog = BankCatalog([("built-in", builtin), ("user", user), ("project", project)])
    entries = {entry.id: entry for entry in catalog.entries()}
    assert set(entries) == {"a", "b", "broken"}
    assert entries["a"].source == "user" and entries["a"].path == user / "a2.toml"
    assert [e.path for e in entries["a"].overrides] == [builtin / "a.toml"]
    assert entries["broken"].problem is not None and entries["broken"].problem.code == "toml-syntax"
    assert catalog.load("a").title == "User A"


def test_default_catalog_finds_builtin_user_and_project_folders(tmp_path, monkeypatch, isolated_dirs):
    project = tmp_path / "proj"
    (project / "question_banks").mkdir(parents=True)
    (isolated_dirs / "config" / "question_banks").mkdir(parents=True)
    write(project / "question_banks", "mini.toml", MINI_BANK.read_text().replace('title = "Mini bank"', 'title = "Project mini"'))
    monkeypatch.chdir(project)
    catalog = BankCatalog.default()
    sources = [source for source, _ in catalog.folders]
    assert sources == ["built-in", "user", "project"]
    assert catalog.load("mini").title == "Project mini"


def test_unknown_id_lists_known_banks(tmp_path):
    write(tmp_path, "x.toml", section('[[sections.questions]]\nid = "q"\nprompt = "Q?"\n'))
    with pytest.raises(FindingsError) as caught:
        catalog_for(tmp_path).load("nope")
    finding = only(caught.value.findings, "bank-not-found")
    assert "known banks: t" in finding.hint


def test_a_bank_loads_in_one_pass_per_file(tmp_path):
    base_bank(tmp_path)
    catalog = catalog_for(tmp_path)
    assert catalog.load("base") is catalog.load("base")


def test_large_bank_loads(tmp_path):
    parts = [HEADER]
    for s in range(20):
        parts.append(f'[[sections]]\nid = "s{s}"\ntitle = "S{s}"\ngoal = "G"\n')
        for q in range(50):
            when = f"when = \"q{q - 1} == 'a'\"\n" if q % 5 == 4 else ""
            parts.append(
                f'[[sections.questions]]\nid = "q{q}"\nprompt = "Question {s}.{q}?"\nkind = "choice"\noptions = ["a", "b"]\n{when}'
            )
    path = write(tmp_path, "big.toml", "".join(parts))
    bank = catalog_for(tmp_path).load(path)
    assert len(bank.questions) == 1000


def test_wrapped_text_is_joined_and_paragraphs_kept(tmp_path):
    text = HEADER.replace('version = "1"', 'version = "1"\ndescription = """\nFirst line\nwraps here.\n\n  Second paragraph.\n"""')
    text += '[[sections]]\nid = "s"\ntitle = "S"\ngoal = """Know\nthe users."""\n[[sections.questions]]\nid = "q"\nprompt = """Who uses\nit today?"""\n'
    bank = catalog_for(tmp_path).load(write(tmp_path, "t.toml", text))
    assert bank.description == "First line wraps here.\n\nSecond paragraph."
    assert bank.sections[0].goal == "Know the users."
    assert bank.questions[0].prompt == "Who uses it today?"


def test_loading_by_path_reads_only_that_file_and_its_includes(tmp_path, monkeypatch):
    """Validating one bank must not parse every bank in every folder."""
    base_bank(tmp_path)
    path = write(tmp_path, "d.toml", 'id = "d"\ntitle = "D"\nversion = "1"\n[[sections]]\ninclude = "base"\n')
    catalog = catalog_for(tmp_path)

    def no_index() -> None:
        raise AssertionError("the catalog indexed its folders")

    monkeypatch.setattr(catalog, "_index", no_index)
    assert [q.id for q in catalog.load(path).questions] == [q.id for q in catalog.load(tmp_path / "base.toml").questions]


def test_a_finding_is_one_line_with_the_parts_it_has():
    assert Finding("c", "bad value", "b.toml", 3, "sections[0].id", "use letters").format() == (
        "b.toml:3: sections[0].id: bad value; use letters"
    )
    assert Finding("c", "file not found", "b.toml", hint="check the path").format() == "b.toml: file not found; check the path"
    assert Finding("bank-not-found", "no bank with id 'x'", hint="known banks: a").format() == "no bank with id 'x'; known banks: a"


# Issue 13: section time budgets and exclusive options -----------------------------------

QUESTION = '\n[[sections.questions]]\nid = "q"\nprompt = "Q?"\n'
DEVICES = '\n[[sections.questions]]\nid = "devices"\nprompt = "Which?"\nkind = "multi"\n'


def test_section_minutes_are_read(tmp_path):
    bank = catalog_for(tmp_path).load(write(tmp_path, "t.toml", section(QUESTION, "minutes = 10\n")))
    assert bank.sections[0].minutes == 10
    bank = catalog_for(tmp_path).load(write(tmp_path, "u.toml", section(QUESTION).replace('id = "t"', 'id = "u"')))
    assert bank.sections[0].minutes is None


@pytest.mark.parametrize(
    ("value", "code", "fragment"),
    [("0", "bad-value", "'minutes' is 0"), ("-5", "bad-value", "1 or more"), ('"10"', "wrong-type", "whole number"), ("7.5", "wrong-type", "whole number"), ("true", "wrong-type", "whole number")],
)
def test_section_minutes_must_be_a_positive_whole_number(tmp_path, value, code, fragment):
    finding = only(problems(tmp_path, section(QUESTION, f"minutes = {value}\n")), code)
    assert finding.key == "sections[0].minutes" and fragment in finding.message + finding.hint
    assert finding.line == 9


def test_options_may_be_marked_exclusive(tmp_path):
    text = section(DEVICES + 'options = ["iPhone", "Android", { label = "Not sure", exclusive = true }, { label = "Other" }]\n')
    question = catalog_for(tmp_path).load(write(tmp_path, "t.toml", text)).questions[0]
    assert question.options == ("iPhone", "Android", "Not sure", "Other")
    assert question.exclusive_options == ("Not sure",)


@pytest.mark.parametrize(
    ("options", "kind", "code", "fragment"),
    [
        ('["a", { label = "b", exclusiv = true }]', "multi", "unknown-key", "did you mean 'exclusive'"),
        ('["a", { exclusive = true }]', "multi", "missing-key", "needs a label"),
        ('["a", { label = "b", exclusive = "yes" }]', "multi", "wrong-type", "true or false"),
        ('["a", 3]', "multi", "wrong-type", "must be a string or a table"),
        ('["a", { label = "b", exclusive = true }]', "choice", "exclusive-not-allowed", "only a 'multi' question"),
        ('[{ label = "a", exclusive = true }, { label = "b", exclusive = true }]', "multi", "bad-value", "every option is exclusive"),
    ],
)
def test_bad_exclusive_options_are_reported(tmp_path, options, kind, code, fragment):
    text = section(DEVICES.replace('"multi"', f'"{kind}"') + f"options = {options}\n")
    finding = only(problems(tmp_path, text), code)
    assert fragment in finding.message + " " + (finding.hint or "")
    assert finding.line


def test_builtin_multi_questions_mark_not_sure_exclusive_and_sections_carry_budgets():
    catalog = BankCatalog.default()
    for entry in catalog.entries():
        if entry.source != "built-in":
            continue
        bank = catalog.load(entry.id)
        for section_ in bank.sections:
            assert section_.minutes is not None and 1 <= section_.minutes <= 30, section_.id
        for question in bank.questions:
            if question.kind == "multi":
                unsure = [o for o in question.options if o.casefold().startswith(("not sure", "don't know", "none", "no "))]
                assert set(unsure) <= set(question.exclusive_options), (question.id, unsure)


def test_a_byte_identical_copy_of_a_bank_is_listed_once(tmp_path):
    # Trial F17: 'elicit banks list' inside a clone of elicit called ./question_banks (a copy of the built-in banks)
    # an override of every built-in bank. A copy that differs still overrides.
    builtin, project = tmp_path / "builtin", tmp_path / "project"
    for folder in (builtin, project):
        folder.mkdir()
    body = '\n[[sections]]\nid = "s"\ntitle = "S"\ngoal = "G"\n[[sections.questions]]\nid = "q"\nprompt = "Q?"\n'
    for name in ("a", "b"):
        write(builtin, f"{name}.toml", f'id = "{name}"\ntitle = "{name}"\nversion = "1"' + body)
    (project / "a.toml").write_bytes((builtin / "a.toml").read_bytes())
    write(project, "b.toml", 'id = "b"\ntitle = "B, changed"\nversion = "1"' + body)
    entries = {entry.id: entry for entry in BankCatalog([("built-in", builtin), ("project", project)]).entries()}
    assert (entries["a"].source, entries["a"].path, entries["a"].overrides) == ("built-in", builtin / "a.toml", [])
    assert entries["b"].source == "project" and [e.path for e in entries["b"].overrides] == [builtin / "b.toml"]
