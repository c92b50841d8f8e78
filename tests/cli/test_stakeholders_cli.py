"""``elicit compare`` and ``elicit merge`` as a user runs them: output formats, bad input, inputs untouched."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from elicit.core.session.file_format import read_session
from elicit.core.text import plural
from tests.support.cli import run_elicit

DATA = Path(__file__).resolve().parents[1] / "data" / "stakeholders"
NAMES = ("owner", "high-street", "baker", "station-road", "finance")


@pytest.fixture
def interviews(tmp_path: Path) -> list[Path]:
    paths = []
    for name in NAMES:
        target = tmp_path / f"{name}.elicit.toml"
        shutil.copyfile(DATA / target.name, target)
        paths.append(target)
    return paths


def test_compare_json_has_the_issue_shape_and_is_deterministic(interviews):
    first = run_elicit("compare", *interviews, "--format", "json")
    second = run_elicit("compare", *interviews, "--format", "json")
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert list(data) == ["conflicts", "duplicates", "questions"]  # keys sorted
    kinds = {conflict["kind"] for conflict in data["conflicts"]}
    assert kinds == {"yesno", "choice", "scale", "number", "text", "priority", "opposite", "decision", "decisions"}
    for conflict in data["conflicts"]:
        assert set(conflict) in ({"kind", "question", "sides"}, {"kind", "stories", "sides"}, {"kind", "decisions", "sides"})
        assert len(conflict["sides"]) == 2
        for side in conflict["sides"]:
            assert set(side) in ({"session", "by", "value"}, {"session", "by", "story"})
    deposit = next(c for c in data["conflicts"] if c["kind"] == "opposite" and c["stories"] == ["US-002", "US-002"])
    assert [side["session"] for side in deposit["sides"]] == [str(interviews[0]), str(interviews[4])]


def test_compare_text_and_markdown_name_the_speakers(interviews):
    text = run_elicit("compare", *interviews[:2])
    assert text.returncode == 0, text.stderr
    assert "Maria Lopez" in text.stdout and "Tom Briggs" in text.stdout and "Conflicts" in text.stdout
    page = run_elicit("compare", *interviews[:2], "--format", "md")
    assert page.returncode == 0 and page.stdout.startswith("# Interviews compared\n")
    assert "## Answers side by side" in page.stdout


def test_compare_needs_two_sessions(interviews):
    result = run_elicit("compare", interviews[0])
    assert result.returncode == 2
    assert result.stderr.startswith("elicit: error: give two or more sessions") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("case", ["missing", "not-a-session", "twice", "broken"])
def test_compare_bad_input_is_one_line_and_exit_1(interviews, tmp_path, case):
    other = {
        "missing": tmp_path / "nobody.elicit.toml",
        "not-a-session": tmp_path / "notes.toml",
        "twice": interviews[0],
        "broken": tmp_path / "broken.elicit.toml",
    }[case]
    if case == "not-a-session":
        other.write_text('title = "notes"\n', encoding="utf-8")
    if case == "broken":
        other.write_text('schema = "elicit.session/1"\ntitle = \n', encoding="utf-8")
    result = run_elicit("compare", interviews[0], other)
    assert result.returncode == 1
    assert result.stderr.startswith("elicit: error: ") and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_merge_writes_one_session_prints_the_id_map_and_leaves_the_inputs_alone(interviews, tmp_path):
    before = [path.read_bytes() for path in interviews]
    combined = tmp_path / "combined.elicit.toml"
    result = run_elicit("merge", *interviews, "-o", combined)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"wrote {combined}: 5 interviews")
    assert "  high-street US-003 -> US-007\n" in result.stdout and "  high-street US-002 -> US-005\n" in result.stdout  # reworded: one story
    assert [path.read_bytes() for path in interviews] == before
    assert sorted(tmp_path.iterdir()) == sorted([*interviews, combined])  # no lock, backup or temporary file left
    session = read_session(combined)
    assert len(session.merged_from) == 5 and session.stories[0].copies[2].by == "Priya Shah"
    summary = run_elicit("summary", combined, "--json")
    assert summary.returncode == 0, summary.stderr
    counts = json.loads(summary.stdout)
    said = f"{plural(counts['answered'], 'question')} answered, {counts['revisit']} to revisit, "
    assert said in result.stdout.splitlines()[0], "trial3 T3-4: merge counted every answer record (notes only, conflicts) as answered"


@pytest.mark.parametrize("case", ["an input", "an existing file", "an input without its suffix"])
def test_merge_never_overwrites(interviews, tmp_path, case):
    existing = tmp_path / "old.elicit.toml"
    existing.write_text("keep me", encoding="utf-8")
    target = {
        "an input": str(interviews[1]),
        "an existing file": str(existing),
        "an input without its suffix": str(interviews[1])[: -len(".elicit.toml")],
    }[case]
    before = [path.read_bytes() for path in [*interviews, existing]]
    result = run_elicit("merge", *interviews[:2], "-o", target)
    assert result.returncode == 1
    assert result.stderr.startswith("elicit: error: ") and result.stderr.count("\n") == 1
    assert "never" in result.stderr
    assert [path.read_bytes() for path in [*interviews, existing]] == before


def test_merge_needs_two_sessions_and_an_output(interviews, tmp_path):
    one = run_elicit("merge", interviews[0], "-o", tmp_path / "x.elicit.toml")
    assert one.returncode == 2 and one.stderr.startswith("elicit: error: give two or more sessions to merge")
    none = run_elicit("merge", *interviews[:2])
    assert none.returncode == 2 and "-o" in none.stderr
    assert not (tmp_path / "x.elicit.toml").exists()


def test_the_compare_example_in_the_docs_is_what_compare_prints():
    page = (DATA.parents[2] / "docs" / "stakeholders.md").read_text(encoding="utf-8")
    shown = page.split("### An example", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    printed = run_elicit("compare", "owner.elicit.toml", "finance.elicit.toml", cwd=DATA, columns=80)
    assert printed.returncode == 0, printed.stderr
    assert printed.stdout == shown, "run docs/make_stakeholders_example.sh and paste its output into docs/stakeholders.md"


def test_compare_piped_into_a_file_wraps_under_each_line_with_no_trailing_space(interviews):
    """Trial4 T4-9: `elicit compare > file` wrapped at 80 columns with a trailing space at each break; it wraps as
    `elicit banks show` does (print_hanging): each line's continuation under its own indent, nothing after the text."""
    printed = run_elicit("compare", *interviews, columns=80)
    assert printed.returncode == 0, printed.stderr
    lines = printed.stdout.splitlines()
    assert [line for line in lines if line != line.rstrip()] == []
    assert max(len(line) for line in lines) <= 80
    continued = [line for line in lines if line.startswith("      ") and not line.lstrip().startswith("against ")]
    assert continued, "a long 'against' line goes on under its own indent"


def test_merge_asks_about_opposite_decisions_on_one_question_and_the_spec_shows_it(tmp_path):
    """Trial6 T6-10: "We will use SSO" and "No SSO in the first release", taken on one question in two interviews,
    were both kept in the merged spec with nothing said. Now: one open question naming both and who decided them."""
    question = "discovery.scope.solution_kind"
    files = []
    for name, person, decision, decided_by in (
        ("it", "Ann Field:IT lead", "We will use SSO", "the board"),
        ("ops", "Ben Carter:Operations", "No SSO in the first release", ""),
    ):
        path = tmp_path / f"{name}.elicit.toml"
        created = run_elicit("new", path, "--bank", "discovery", "--title", f"Sign-in — {name}", "--participant", person)
        assert created.returncode == 0, created.stderr
        added = run_elicit("decision", "add", path, decision, "--source", question, "--decided-by", decided_by, "--rationale", "asked")
        assert added.returncode == 0, added.stderr
        files.append(path)
    target = tmp_path / "merged.elicit.toml"
    result = run_elicit("merge", *files, "-o", target)
    assert result.returncode == 0, result.stderr
    assert "1 conflicts left as open questions" in result.stdout or "1 conflict left as open question" in result.stdout
    merged = read_session(target)
    assert [(item.text, item.decided_by, item.by) for item in merged.decisions] == [
        ("We will use SSO", "the board", "Ann Field"),
        ("No SSO in the first release", "", "Ben Carter"),
    ]
    (asked,) = [item for item in merged.open_questions if item.id in merged.conflicts]
    assert (asked.kind, asked.decisions, asked.source, asked.status) == ("same-question", ["D-001", "D-002"], [question], "open")
    assert 'D-001 "We will use SSO" (the board) and D-002 "No SSO in the first release" (Ben Carter)' in asked.text
    spec = run_elicit("export", target, "--format", "md")
    assert spec.returncode == 0, spec.stderr
    assert '"No SSO in the first release" (Operations)' in spec.stdout  # the client's edition names the role
    assert spec.stdout.count(f"the interviews differ on it; see the open question {asked.id}.") == 2
    assert "Traceback" not in result.stderr + spec.stderr


def test_compare_and_merge_say_one_question_and_one_story_in_the_singular(tmp_path):
    """trial9 T9-1: two interviews sharing one answered question printed '1 questions' and '1 stories'."""
    paths = []
    for name, answer in (("ann", "We lose the morning to the phone"), ("ben", "The problem is no-shows")):
        path = tmp_path / f"{name}.elicit.toml"
        assert run_elicit("new", path, "--bank", "discovery", "--title", "Booking", "--no-input").returncode == 0
        assert run_elicit("answer", path, "in_their_words", answer).returncode == 0
        paths.append(path)
    assert run_elicit("story", "add", paths[0], "--role", "patient", "--want", "to book online").returncode == 0
    compared = run_elicit("compare", *paths)
    assert compared.returncode == 0, compared.stderr
    assert "Answers side by side (1 question)\n" in compared.stdout
    merged = run_elicit("merge", *paths, "-o", tmp_path / "both.elicit.toml")
    assert merged.returncode == 0, merged.stderr
    assert ": 2 interviews, 1 question answered, 0 to revisit, 1 story (0 told" in merged.stdout
    assert "0 conflicts left as open questions" in merged.stdout
