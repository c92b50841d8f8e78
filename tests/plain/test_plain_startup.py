"""Plain mode's start: the code cache's hook on ``dataclasses`` goes once the first prompt is shown, as in the app."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from prompt_toolkit.application import get_app_or_none
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from elicit.core.banks.catalog import BankCatalog
from elicit.plain.prompters import QuestionAsk
from elicit.plain.questionary_prompter import QuestionaryPrompter
from tests.conftest import MINI_BANK, write_mini_session

ROOT = Path(__file__).resolve().parents[2]

CHILD_PLAIN = """
import dataclasses, json, sys
from elicit.core.files import code_cache
from elicit.plain import line_reader

seen = {"keeps": [], "hooked at each read": []}
readline = line_reader.LineReader.readline

def reading(self):
    seen["hooked at each read"].append("exec" in vars(dataclasses))
    return readline(self)

line_reader.LineReader.readline = reading
keep = code_cache.keep_code

def counting(name, kept):
    seen["keeps"].append([name, len(kept.new), kept.kept, len(seen["hooked at each read"])])
    keep(name, kept)

code_cache.keep_code = counting
import elicit.cli

seen["code"] = elicit.cli.main(["open", "--plain", sys.argv[1]])
seen["hooked after"] = "exec" in vars(dataclasses)
print(json.dumps(seen))
"""


def _open_plain(path: Path) -> dict:
    """``elicit open --plain`` on typed lines (a pipe: the line prompter), watched from inside."""
    result = subprocess.run(
        [sys.executable, "-c", CHILD_PLAIN, str(path)],
        input="Invoices are late\n/stop\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=120,
        env={**os.environ, "ELICIT_PLAIN_INPUT": "lines"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_plain_mode_keeps_the_compiled_code_and_drops_the_hook_once_its_first_prompt_is_shown(tmp_path: Path):
    """Review note R4-9: --plain kept the hook for the whole interview (it went only as elicit exited), so every
    dataclass made meanwhile went through it; the app drops it once its first frame is drawn."""
    path = write_mini_session(tmp_path)
    first = _open_plain(path)
    assert first["code"] == 0 and first["hooked after"] is False
    assert first["hooked at each read"] == [False, False], "gone before the first reply is read"
    (name, compiled, done, reads), *later = first["keeps"]
    assert (name, done, reads) == ("app", False, 0), "kept once, as the first prompt showed"
    assert compiled > 0, "the classes plain mode made while the hook was there"
    assert [keep[:3] for keep in later] == [["app", compiled, True]], "the exit's call writes nothing"
    assert (Path(os.environ["ELICIT_CACHE_DIR"]) / "code" / "app.code").is_file()
    assert _open_plain(path)["keeps"][0][1] == 0, "the next run finds every method compiled"


def test_the_questionary_prompter_runs_when_shown_once_its_first_prompt_is_drawn():
    questions = {question.key: question for question in BankCatalog.default().load(MINI_BANK).questions}
    seen: list[bool] = []

    def shown() -> None:
        app = get_app_or_none()
        seen.append(app is not None and app.is_running)  # drawn, not yet answered

    with create_pipe_input() as keys:
        prompter = QuestionaryPrompter(input=keys, output=DummyOutput(), when_shown=shown)
        keys.send_text("hello\r" + "/skip\r")
        assert prompter.question(QuestionAsk(questions["problem"])) == "hello"
        assert seen == [True]
        assert prompter.question(QuestionAsk(questions["platform"])) == "/skip"
    assert seen == [True], "once, not at every prompt"
