"""Read-only (0444) sessions and export targets are refused with a clear message, never replaced, even as root."""

from __future__ import annotations

import stat

from elicit.core.spec import get_exporter, write_export
from tests.conftest import write_mini_session
from tests.support.cli import run_elicit


def read_only(path):
    path.chmod(0o444)
    return path.read_bytes(), path.stat().st_ino


def test_a_read_only_session_is_refused_by_every_command_that_changes_it(tmp_path):
    session = write_mini_session(tmp_path)
    before, inode = read_only(session)
    for args in (("answer", session, "problem", "late invoices"), ("story", "add", session, "--role", "clerk", "--want", "x")):
        result = run_elicit(*args)
        assert result.returncode == 1, result.stdout
        assert result.stderr.startswith("elicit: error: ") and "read-only" in result.stderr and "chmod u+w" in result.stderr
    assert session.read_bytes() == before and session.stat().st_ino == inode
    assert stat.S_IMODE(session.stat().st_mode) == 0o444
    assert sorted(p.name for p in tmp_path.iterdir()) == [session.name]  # no lock, no .bak left


def test_a_read_only_export_target_is_refused_and_kept(tmp_path):
    session = write_mini_session(tmp_path)
    target = tmp_path / "spec.md"
    target.write_text("the client's reviewed copy\n", encoding="utf-8")
    before, inode = read_only(target)
    result = run_elicit("export", session, "-f", "md", "-o", target)
    assert result.returncode == 1
    assert (
        result.stderr
        == f"elicit: error: {target} is read-only; refusing to replace it: make it writable (chmod u+w) or choose another file name\n"
    )
    assert target.read_bytes() == before and target.stat().st_ino == inode


def test_a_read_only_feature_file_stops_the_whole_gherkin_export_before_anything_is_written(tmp_path):
    exporter = get_exporter("gherkin")
    folder = tmp_path / "features"
    first = {name: exporter.generated_line + "\nFeature: old\n" for name in ("US-1.feature", "US-2.feature")}
    write_export(exporter, first, folder)
    before, _inode = read_only(folder / "US-2.feature")
    try:
        write_export(exporter, {name: exporter.generated_line + "\nFeature: new\n" for name in first}, folder)
    except Exception as error:  # noqa: BLE001 - the message is what is checked
        assert "US-2.feature is read-only" in str(error)
    else:
        raise AssertionError("a read-only feature file was replaced")
    assert (folder / "US-1.feature").read_text(encoding="utf-8").endswith("Feature: old\n")
    assert (folder / "US-2.feature").read_bytes() == before
