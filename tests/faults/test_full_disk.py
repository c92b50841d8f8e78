"""A full disk: nothing is called saved that is not, nothing on disk is damaged, nothing half-written is left."""

from __future__ import annotations

import json

from tests.support.faults import run_full_disk

PLAIN_MODE = """
import io, json, sys
from pathlib import Path
from tests.conftest import write_mini_session
from elicit.plain import run
from elicit.core.session.file_format import read_session

folder = Path(sys.argv[1])
free_before = int(sys.argv[2])  # the reply before which the disk is freed (0: never)
path = write_mini_session(folder)
filler = None


class Typist(io.StringIO):
    replies = 0

    def readline(self, *args):
        global before, filler
        self.replies += 1
        if self.replies == 1:  # the session is open (and locked): now the disk fills up
            before = path.read_bytes()
            filler = fill(folder)
        if self.replies == free_before:
            free(filler)
        return super().readline(*args)


out = io.StringIO()
code = run(path, stdin=Typist("Invoices are late\\nWeb\\nAnn\\n/stop\\n"), stdout=out)
answers = {qid: answer.value for qid, answer in read_session(path).answers.items()}
print(json.dumps({"code": code, "out": out.getvalue(), "answers": answers, "unchanged": path.read_bytes() == before,
                  "left": sorted(p.name for p in folder.iterdir())}))
"""


def plain_mode_on_a_full_disk(full_disk, tmp_path, free_before):
    finished = run_full_disk(full_disk, tmp_path / "disk", PLAIN_MODE, str(free_before))
    assert finished.returncode == 0, finished.stderr
    return json.loads(finished.stdout)


def test_plain_mode_never_says_saved_on_a_full_disk_and_saves_it_all_once_there_is_room(full_disk, tmp_path):
    result = plain_mode_on_a_full_disk(full_disk, tmp_path, free_before=3)
    out = result["out"]
    assert result["code"] == 0, out
    assert "Saved: Invoices are late." not in out and "Saved: Web." not in out
    assert "Not saved: Invoices are late." in out and "Not saved: Web." in out
    assert "No space left on device" in out
    assert "Saved now; nothing was lost." in out and "Saved: Ann." in out
    assert result["answers"] == {"mini.context.problem": "Invoices are late", "mini.context.platform": "Web", "mini.users.who": "Ann"}


def test_plain_mode_stopping_on_a_full_disk_lists_what_is_not_on_disk_and_damages_nothing(full_disk, tmp_path):
    result = plain_mode_on_a_full_disk(full_disk, tmp_path, free_before=0)
    out = result["out"]
    assert result["code"] == 1, out
    assert "Saved:" not in out.replace("Not saved:", "")
    tail = out[out.index("could not be saved") :]
    for line in (
        "the answer to mini.context.problem: Invoices are late",
        "the answer to mini.context.platform: Web",
        "the answer to mini.users.who: Ann",
    ):
        assert line in tail
    assert result["unchanged"] and result["answers"] == {}
    assert [name for name in result["left"] if name.startswith(".")] == []  # no temporary file left behind


EXPORTS = """
import json, sys
from pathlib import Path
from elicit.core.findings import ElicitError
from elicit.core.spec import get_exporter, write_export

folder = Path(sys.argv[1])
features = folder / "features"
spec = folder / "spec.md"
gherkin, markdown = get_exporter("gherkin"), get_exporter("md")
old = {f"US-{n}.feature": gherkin.generated_line + f"\\nFeature: old {n}\\n" for n in range(1, 4)}
write_export(gherkin, old, features)
write_export(markdown, {"spec.md": "old spec\\n"}, spec)
filler = fill(folder)
new = {name: gherkin.generated_line + "\\nFeature: new\\n" + "x" * 200_000 for name in [*old, "US-4.feature"]}
errors = []
for exporter, files, target in ((gherkin, new, features), (markdown, {"spec.md": "new " * 200_000}, spec)):
    try:
        write_export(exporter, files, target)
    except ElicitError as error:
        errors.append(str(error))
print(json.dumps({"errors": errors, "features": {p.name: p.read_text() for p in sorted(features.iterdir()) if p.suffix == ".feature"},
                  "hidden": [p.name for p in features.iterdir() if p.name.startswith(".") and not p.name.startswith(".elicit-export-")],
                  "spec": spec.read_text(), "left": sorted(p.name for p in folder.iterdir())}))
"""


def test_exports_on_a_full_disk_fail_plainly_and_leave_the_earlier_export_whole(full_disk, tmp_path):
    finished = run_full_disk(full_disk, tmp_path / "disk", EXPORTS)
    assert finished.returncode == 0, finished.stderr
    result = json.loads(finished.stdout)
    assert len(result["errors"]) == 2
    assert "No space left on device" in result["errors"][0] and "nothing in the folder was changed" in result["errors"][0]
    assert "No space left on device" in result["errors"][1] and "intact" in result["errors"][1]
    assert sorted(result["features"]) == ["US-1.feature", "US-2.feature", "US-3.feature"]
    assert all("Feature: old" in text for text in result["features"].values())
    assert result["hidden"] == [] and result["spec"] == "old spec\n"
    assert [name for name in result["left"] if name.startswith(".")] == []
