"""``elicit export`` and ``elicit import`` run as a user runs them: exit codes, output, files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from elicit.core.session.file_format import dumps_session, read_session
from elicit.core.spec.exporters import get_exporter
from tests.support import REPO
from tests.support.export import as_imported, interview_for, parse_gherkin, rich_session

ROOT = REPO


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "elicit", *map(str, args)], capture_output=True, cwd=cwd or ROOT, timeout=60)


def one_error_line(result: subprocess.CompletedProcess[bytes]) -> str:
    text = result.stderr.decode("utf-8")
    assert "Traceback" not in text
    assert len(text.splitlines()) == 1, text
    return text


@pytest.fixture
def session_file(tmp_path: Path) -> Path:
    path = tmp_path / "interview.elicit.toml"
    path.write_text(dumps_session(rich_session()), encoding="utf-8")
    return path


def expected(name: str) -> dict[str, str]:
    session = rich_session()
    return get_exporter(name).render(session, interview_for(session))


@pytest.mark.parametrize("name", ["toml", "md", "html", "json", "csv"])
def test_export_to_stdout(session_file, name):
    result = run("export", session_file, "--format", name)
    assert result.returncode == 0, result.stderr
    assert result.stdout == next(iter(expected(name).values())).encode("utf-8")
    assert result.stderr == b""


@pytest.mark.parametrize("name", ["md", "html"])
def test_audience_picks_the_document(session_file, name):
    client = run("export", session_file, "-f", name)
    named = run("export", session_file, "-f", name, "--audience", "client")
    team = run("export", session_file, "-f", name, "--audience", "TEAM")
    assert client.returncode == named.returncode == team.returncode == 0
    assert client.stdout == named.stdout
    assert b"Sam was emphatic." in team.stdout and b"Sam was emphatic." not in client.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("-f", "md", "--audience", "boss"), "unknown audience 'boss'; use one of: client, team"),
        (("-f", "toml", "--audience", "team"), "--audience applies to md and html, not to toml"),
        (("-f", "md", "--include-rejected"), "--include-rejected applies to formats that leave rejected stories out"),
    ],
)
def test_export_options_that_do_not_fit_are_usage_errors(session_file, args, message):
    result = run("export", session_file, *args)
    assert result.returncode == 2
    assert message in one_error_line(result)
    assert result.stdout == b""


def test_csv_include_rejected(session_file):
    default = run("export", session_file, "-f", "csv").stdout.decode()
    everything = run("export", session_file, "-f", "csv", "--include-rejected").stdout.decode()
    assert "US-004" not in default and "US-004" in everything


def test_export_dash_means_stdout(session_file):
    result = run("export", session_file, "-f", "md", "-o", "-")
    assert result.returncode == 0
    assert result.stdout.startswith(b"# Field service app")


def test_gherkin_needs_a_folder(session_file):
    result = run("export", session_file, "--format", "gherkin")
    assert result.returncode == 2
    assert "give a folder with -o" in one_error_line(result)
    assert result.stdout == b""


def test_unknown_format_is_a_usage_error(session_file):
    result = run("export", session_file, "--format", "docx")
    assert result.returncode == 2
    line = one_error_line(result)
    assert "unknown export format 'docx'" in line and "toml, md, html, json, csv, gherkin" in line


def test_export_to_a_file(session_file, tmp_path):
    out = tmp_path / "spec.md"
    result = run("export", session_file, "-f", "md", "-o", out)
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == expected("md")["spec.md"]
    assert result.stdout.decode() == f"wrote {out}\n"


def test_export_gherkin_to_a_folder(session_file, tmp_path):
    folder = tmp_path / "features"
    result = run("export", session_file, "-f", "gherkin", "-o", folder)
    assert result.returncode == 0, result.stderr
    files = sorted(folder.glob("*.feature"))
    assert [p.name for p in files] == sorted(expected("gherkin"))
    (manifest,) = [p.name for p in folder.iterdir() if p.suffix != ".feature"]  # which files this session wrote
    assert manifest.startswith(".elicit-export-") and manifest.endswith(".json")
    for path in files:
        parse_gherkin(path.read_text(encoding="utf-8"))
    assert result.stdout.decode() == f"wrote 3 files to {folder}\n"  # the rejected story is left out
    again = run("export", session_file, "-f", "gherkin", "-o", folder, "--include-rejected")
    assert again.stdout.decode() == f"wrote 4 files to {folder}\n"


def test_re_export_says_which_files_of_deleted_stories_it_removed(session_file, tmp_path):
    folder = tmp_path / "features"
    run("export", session_file, "-f", "gherkin", "-o", folder)
    session = rich_session()
    gone = session.stories.pop(0)
    session_file.write_text(dumps_session(session), encoding="utf-8")
    result = run("export", session_file, "-f", "gherkin", "-o", folder)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().splitlines() == [
        f"wrote 2 files to {folder}",
        f"removed 1 file(s) of an earlier export whose story is gone: {gone.id}.feature",
    ]
    assert not (folder / f"{gone.id}.feature").exists()


def test_export_never_replaces_the_session(session_file):
    before = session_file.read_bytes()
    result = run("export", session_file, "-f", "toml", "-o", session_file)
    assert result.returncode == 1
    assert "is the session itself" in one_error_line(result)
    assert session_file.read_bytes() == before


def test_export_into_a_missing_folder(session_file, tmp_path):
    result = run("export", session_file, "-f", "csv", "-o", tmp_path / "nowhere" / "stories.csv")
    assert result.returncode == 1
    assert "no such folder" in one_error_line(result)


def test_export_of_a_missing_session(tmp_path):
    result = run("export", tmp_path / "ghost.elicit.toml", "-f", "md")
    assert result.returncode == 1
    assert "no such session file" in one_error_line(result)


def test_export_then_import_gives_the_session_back(session_file, tmp_path):
    spec = tmp_path / "spec.toml"
    assert run("export", session_file, "-f", "toml", "-o", spec).returncode == 0
    result = run("import", spec, "-o", tmp_path / "copy")
    assert result.returncode == 0, result.stderr
    created = tmp_path / "copy.elicit.toml"
    assert result.stdout.decode() == f"created {created}: 7 answers, 4 stories from {spec}\n"
    assert read_session(created) == as_imported(read_session(session_file))  # a spec keeps no app cursor
    assert not (tmp_path / "copy.elicit.toml.lock").exists()


def test_import_refuses_to_overwrite(session_file, tmp_path):
    spec = tmp_path / "spec.toml"
    spec.write_text(expected("toml")["spec.toml"], encoding="utf-8")
    target = tmp_path / "other.elicit.toml"
    target.write_text("precious", encoding="utf-8")
    result = run("import", spec, "-o", target)
    assert result.returncode == 1
    assert "already exists" in one_error_line(result)
    assert target.read_text(encoding="utf-8") == "precious"


def test_import_of_a_bad_spec_names_file_and_line(tmp_path):
    spec = tmp_path / "spec.toml"
    spec.write_text('schema = "elicit.spec/1"\ntitle = "x"\nstories = 3\n', encoding="utf-8")
    result = run("import", spec, "-o", tmp_path / "new")
    assert result.returncode == 1
    line = one_error_line(result)
    assert line.startswith(f"elicit: error: {spec}:3: stories: 'stories' must be an array of tables")
    assert not (tmp_path / "new.elicit.toml").exists()


def test_import_notes_banks_that_are_not_installed(tmp_path):
    session = rich_session()
    session.banks[0].path = str(tmp_path / "gone.toml")
    spec = tmp_path / "spec.toml"
    from elicit.core.spec.exporters.toml_spec import dumps_spec

    spec.write_text(dumps_spec(session, interview_for(session)), encoding="utf-8")
    result = run("import", spec, "-o", tmp_path / "new.elicit.toml")
    assert result.returncode == 0
    assert "note: bank 'mini' is not installed here" in result.stderr.decode()


def test_export_and_import_load_no_front_end(session_file, tmp_path):
    code = (
        "import sys\n"
        "from elicit.cli import main\n"
        f"assert main(['export', {str(session_file)!r}, '-f', 'md', '-o', {str(tmp_path / 'a.md')!r}]) == 0\n"
        f"assert main(['export', {str(session_file)!r}, '-f', 'gherkin', '-o', {str(tmp_path / 'f')!r}]) == 0\n"
        f"assert main(['export', {str(session_file)!r}, '-f', 'toml', '-o', {str(tmp_path / 's.toml')!r}]) == 0\n"
        f"assert main(['import', {str(tmp_path / 's.toml')!r}, '-o', {str(tmp_path / 'n')!r}]) == 0\n"
        "print('modules:' + ','.join(m for m in ('textual', 'questionary', 'rich') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "modules:"


def test_csv_export_neutralises_formulas_unless_raw_cells(tmp_path):
    from elicit.core.session.models import Session, Story

    session = Session(title="t", stories=[Story("US-001", "user", "pay", quote='=HYPERLINK("http://x","y")')])
    path = tmp_path / "s.elicit.toml"
    path.write_text(dumps_session(session), encoding="utf-8")
    safe = run("export", path, "-f", "csv")
    assert safe.returncode == 0, safe.stderr
    assert b"'=HYPERLINK" in safe.stdout
    raw = run("export", path, "-f", "csv", "--raw-cells")
    assert raw.returncode == 0, raw.stderr
    assert b"'=HYPERLINK" not in raw.stdout and b"=HYPERLINK" in raw.stdout
    wrong = run("export", path, "-f", "md", "--raw-cells")
    assert wrong.returncode == 2
    assert "--raw-cells applies to CSV formats only" in one_error_line(wrong)


@pytest.mark.parametrize("name", ["md", "html"])
def test_the_client_spec_loads_neither_trace_nor_gherkin_nor_csv_and_reads_the_same(session_file, name):
    """The traceability part is the team's: a client spec has no use for the trace, Gherkin or csv modules."""
    from tests.support.cli import FRONT_ENDS, run_elicit

    unused = ("elicit.core.spec.exporters.trace", "elicit.core.spec.exporters.gherkin_features", "csv")
    client = run_elicit("export", session_file, "--format", name, forbid=FRONT_ENDS + unused)
    assert client.returncode == 0 and client.stdout == next(iter(expected(name).values()))
    team = run_elicit("export", session_file, "--format", name, "--audience", "team")
    session = rich_session()
    assert team.stdout == next(iter(get_exporter(name).render(session, interview_for(session), options_for_team()).values()))
    assert "Traceability" in team.stdout


def options_for_team():
    from elicit.core.spec.exporters.options import ExportOptions

    return ExportOptions(audience="team")
