"""The built-in question banks: they load, validate, and meet the written standards.

The standards a program can check are enforced here on every run: every
question says why it is asked, prompts are single questions and unique across
banks, conditions name earlier questions and can both hold and fail, every
section has a goal, and the collection is large enough to use on a real
engagement.
"""

from __future__ import annotations

import itertools
import json
import re
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from elicit.core.banks.catalog import BankCatalog
from elicit.core.banks.conditions import parse_condition
from elicit.core.banks.loader import resolve_name
from elicit.core.paths import builtin_banks_dir
from elicit.core.session.engine import Interview
from elicit.core.session.models import Answer, Bank, BankRef, Question, Session
from tests.support import REPO
from tests.support.cli import run_elicit

BUILTIN = builtin_banks_dir()
BANK_FILES = sorted(BUILTIN.glob("*.toml"))
EXPECTED_IDS = {
    "discovery",
    "users-and-journeys",
    "functional-scope",
    "quality-attributes",
    "prototype-feedback",
    "spec-review",
    "web-mobile-product",
}
ESCAPE_OPTIONS = {"other", "not sure", "none of these", "no need", "prefer not to say"}


def _catalog() -> BankCatalog:
    """A catalog of the built-in folder alone, so no user or project bank interferes."""
    return BankCatalog([("built-in", BUILTIN)])


@pytest.fixture(scope="module")
def banks() -> list[Bank]:
    catalog = _catalog()
    return [catalog.load(entry.id) for entry in catalog.entries()]


@pytest.fixture(scope="module")
def questions(banks: list[Bank]) -> dict[str, Question]:
    """Every distinct question across the banks, by fully qualified id (included ones once)."""
    found: dict[str, Question] = {}
    for bank in banks:
        for question in bank.questions:
            found.setdefault(question.id, question)
    return found


def _own_questions(bank: Bank) -> list[Question]:
    return [question for section in bank.sections if section.bank_id == bank.id for question in section.questions]


def _run_elicit(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_elicit(*args, cwd=cwd, columns=200)


# Loading and validation ---------------------------------------------------------


def test_every_builtin_bank_file_loads() -> None:
    assert BANK_FILES, f"no bank files in {BUILTIN}"
    catalog = _catalog()
    for path in BANK_FILES:
        bank = catalog.load(path)
        assert bank.questions, f"{path.name} has no questions"
        assert path.stem == bank.id, f"{path.name}: file name and bank id '{bank.id}' differ"


def test_the_expected_banks_ship(banks: list[Bank]) -> None:
    ids = {bank.id for bank in banks}
    assert ids >= EXPECTED_IDS
    assert len(ids) >= 7


def test_elicit_banks_validate_reports_no_findings(tmp_path: Path) -> None:
    result = _run_elicit("banks", "validate", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert re.fullmatch(r"ok: \d+ bank\(s\), \d+ distinct questions, no problems\n", result.stdout), result.stdout


def test_elicit_banks_validate_accepts_each_file_by_path(tmp_path: Path) -> None:
    result = _run_elicit("banks", "validate", *map(str, BANK_FILES), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"ok: {len(BANK_FILES)} bank(s)")


def test_elicit_banks_list_shows_each_bank_with_its_question_count(tmp_path: Path, banks: list[Bank]) -> None:
    listed = _run_elicit("banks", "list", "--json", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    rows = {row["id"]: row for row in json.loads(listed.stdout)}
    for bank in banks:
        row = rows[bank.id]
        assert row["source"] == "built-in"
        assert row["problems"] == 0
        assert row["questions"] == len(bank.questions) > 0

    table = _run_elicit("banks", "list", cwd=tmp_path)
    assert table.returncode == 0, table.stderr
    for bank in banks:
        pattern = rf"^{re.escape(bank.id)}\s+{re.escape(bank.title)}\s+{re.escape(bank.version)}\s+{len(bank.questions)} questions\n\s+built-in: {re.escape(str(bank.path))}$"
        assert re.search(pattern, table.stdout, re.MULTILINE), f"no entry for {bank.id} in:\n{table.stdout}"


# Size ------------------------------------------------------------------------------


def test_at_least_180_distinct_questions(questions: dict[str, Question]) -> None:
    assert len(questions) >= 180


def test_at_least_ten_conditional_questions(questions: dict[str, Question]) -> None:
    assert sum(1 for question in questions.values() if question.when) >= 10


# The standards for every question --------------------------------------------------


def test_every_section_has_a_goal(banks: list[Bank]) -> None:
    missing = [section.id for bank in banks for section in bank.sections if not section.goal.strip()]
    assert missing == []


def test_every_question_says_why(questions: dict[str, Question]) -> None:
    missing = [qid for qid, question in questions.items() if not question.why.strip()]
    assert missing == []


def test_no_prompt_holds_two_questions(questions: dict[str, Question]) -> None:
    compound = [qid for qid, question in questions.items() if question.prompt.count("?") > 1]
    assert compound == []


def test_prompts_and_whys_are_single_sentences(questions: dict[str, Question]) -> None:
    for qid, question in questions.items():
        assert question.prompt.rstrip().endswith(("?", ".")), qid
        assert "\n" not in question.prompt, qid
        assert question.why.rstrip().endswith("."), qid
        assert question.why.count("?") == 0, qid


def test_no_prompt_is_duplicated_across_banks(questions: dict[str, Question]) -> None:
    by_prompt = Counter(" ".join(question.prompt.casefold().split()) for question in questions.values())
    duplicated = [prompt for prompt, count in by_prompt.items() if count > 1]
    assert duplicated == []


def test_probes_are_one_to_three_single_questions(questions: dict[str, Question]) -> None:
    with_probes = 0
    for qid, question in questions.items():
        assert len(question.probes) <= 3, qid
        for probe in question.probes:
            assert probe.count("?") == 1 and probe.endswith("?"), f"{qid}: {probe!r}"
        with_probes += bool(question.probes)
    assert with_probes / len(questions) > 0.6, "most questions should carry probes"


def test_required_questions_are_few(banks: list[Bank]) -> None:
    for bank in banks:
        own = _own_questions(bank)
        required = [question.id for question in own if question.required]
        assert 1 <= len(required) <= max(2, len(own) // 10), f"{bank.id}: {required}"


def test_choice_questions_offer_an_honest_way_out(questions: dict[str, Question]) -> None:
    for qid, question in questions.items():
        if question.kind in ("choice", "multi"):
            assert {option.casefold() for option in question.options} & ESCAPE_OPTIONS, f"{qid}: {question.options}"


def test_number_questions_carry_a_unit(questions: dict[str, Question]) -> None:
    for qid, question in questions.items():
        if question.kind == "number":
            assert question.unit, qid


def test_quality_attributes_push_for_measurable_targets(banks: list[Bank]) -> None:
    quality = next(bank for bank in banks if bank.id == "quality-attributes")
    numbers = [question for question in quality.questions if question.kind == "number"]
    assert len(numbers) >= 8
    for section in quality.sections:
        assert section.questions, section.id
    measured = {section.id for section in quality.sections for q in section.questions if q.kind in ("number", "scale", "choice")}
    assert len(measured) >= len(quality.sections) - 1


def test_story_banks_carry_story_hints(banks: list[Bank]) -> None:
    for bank in banks:
        if bank.id in ("users-and-journeys", "functional-scope"):
            hints = [question for question in bank.questions if question.story]
            assert len(hints) >= 10, bank.id
            for question in hints:
                assert question.story.role.strip() and question.story.want.strip(), question.id


def test_every_question_kind_is_used(questions: dict[str, Question]) -> None:
    assert {question.kind for question in questions.values()} == {"text", "choice", "multi", "yesno", "scale", "number"}


# Conditions -----------------------------------------------------------------------


def test_every_when_names_an_earlier_question(banks: list[Bank]) -> None:
    for bank in banks:
        order = {question.id: index for index, question in enumerate(bank.questions)}
        for question in bank.questions:
            if not question.when:
                continue
            for name, _position in parse_condition(question.when).names():
                target = resolve_name(name, question.section_id)
                assert target in order, f"{question.id}: '{name}' is not a question of {bank.id}"
                assert order[target] < order[question.id], f"{question.id}: '{name}' is not asked before it"


def _candidates(question: Question) -> list[Any]:
    """Answers worth trying for a question named in a condition."""
    if question.kind == "choice":
        return list(question.options)
    if question.kind == "multi":
        return [[option] for option in question.options]
    if question.kind == "yesno":
        return [True, False]
    if question.kind in ("number", "scale"):
        return [question.min or 0, (question.min or 0) + 1, 1000]
    return ["yes", "no"]


def test_every_condition_can_hold_and_is_false_before_anything_is_answered(questions: dict[str, Question]) -> None:
    for question in questions.values():
        if question.condition is None:
            continue
        names = sorted({name for name, _ in question.condition.names()})
        assert not question.condition.evaluate(lambda _qid: None), f"{question.id} shows before anything is answered"
        tries = itertools.product(*(_candidates(questions[name]) for name in names))
        holds = any(question.condition.evaluate(dict(zip(names, values, strict=True)).get) for values in tries)
        assert holds, f"{question.id}: no answers make '{question.when}' true"


# Composition -------------------------------------------------------------------------


def test_domain_bank_includes_discovery_sections_instead_of_copying(banks: list[Bank]) -> None:
    by_id = {bank.id: bank for bank in banks}
    domain = by_id["web-mobile-product"]
    included = [section.id for section in domain.sections if section.bank_id == "discovery"]
    assert len(included) >= 3
    discovery_prompts = {question.prompt.casefold() for question in by_id["discovery"].questions}
    assert not any(question.prompt.casefold() in discovery_prompts for question in _own_questions(domain))


def test_included_discovery_answer_drives_a_domain_condition(banks: list[Bank]) -> None:
    domain = next(bank for bank in banks if bank.id == "web-mobile-product")
    session = Session(title="Composition", banks=[BankRef(domain.id, domain.version, domain.content_hash)])
    interview = Interview(session, [domain])
    consents = "web-mobile-product.customers.legal_consents"
    follow_up = "discovery.constraints.rule_kinds"
    assert not interview.applies(consents)
    assert not interview.applies(follow_up)

    session.answers["discovery.constraints.regulated"] = Answer(value=True)
    interview.invalidate()
    assert interview.applies(consents)
    assert interview.applies(follow_up)


def test_a_session_on_two_banks_asks_an_included_question_once(banks: list[Bank]) -> None:
    by_id = {bank.id: bank for bank in banks}
    pair = [by_id["discovery"], by_id["web-mobile-product"]]
    session = Session(title="Both", banks=[BankRef(bank.id, bank.version, bank.content_hash) for bank in pair])
    ids = [question.id for question in Interview(session, pair).applicable()]
    assert ids.count("discovery.problem.in_their_words") == 1


def test_docs_list_every_builtin_bank_with_its_count(banks: list[Bank]) -> None:
    docs = (REPO / "docs" / "banks.md").read_text(encoding="utf-8")
    assert "\n## Built-in banks\n" in docs
    section = docs.split("\n## Built-in banks\n", 1)[1].split("\n## ", 1)[0]
    rows = dict(re.findall(r"^\| `([\w-]+)` \| (\d+) \|", section, re.MULTILINE))
    assert {bank.id: str(len(bank.questions)) for bank in banks} == rows
