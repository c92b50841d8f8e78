"""Loading and validating question banks.

:func:`load_bank` reads a bank file, resolves included sections through a
resolver (usually a :class:`~elicit.core.banks.catalog.BankCatalog`) and reports
*all* problems at once as findings with file, line and key path.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from elicit.core.banks.conditions import Condition, ConditionError, parse_condition
from elicit.core.banks.models import Bank, Question, Section, StoryHint
from elicit.core.files.digest import sha256_hex
from elicit.core.files.tables import TableReader, is_table_list, type_name
from elicit.core.files.toml_source import TomlDocument, read_document
from elicit.core.findings import FindingsError, did_you_mean
from elicit.core.text import ECHO_WIDTH, clip, quoted
from elicit.core.vocabulary import KINDS

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")

BANK_KEYS = ("id", "title", "version", "description", "sections")
SECTION_KEYS = ("id", "title", "goal", "minutes", "questions")
OPTION_KEYS = ("label", "exclusive")
INCLUDE_KEYS = ("include",)
QUESTION_KEYS = (
    "id", "prompt", "why", "probes", "kind", "options", "min", "max",
    "labels", "unit", "required", "tags", "when", "story",
)  # fmt: skip
STORY_KEYS = ("role", "want", "so_that")

MAX_INCLUDE_DEPTH = 16
"""Banks including banks that include banks...: deeper than this is refused (real banks need two or three)."""

SCALE_DEFAULT = (1, 5)
_OPTION_KINDS = ("choice", "multi")

Resolver = Callable[[str, Path, tuple[str, ...]], "Bank | None"]
"""Finds a bank by id for an include, given the including file's path and
the ids of the banks being loaded (to pass on to :func:`load_bank`)."""


def load_bank(path: Path, resolve: Resolver | None = None) -> Bank:
    """Load and validate the bank at ``path``; raise FindingsError listing every problem."""
    return bank_from_document(read_document(path), resolve)


def bank_from_document(document: TomlDocument, resolve: Resolver | None = None, *, _stack: tuple[str, ...] = ()) -> Bank:
    """Validate a parsed bank document into a :class:`Bank`."""
    context = TableReader(document)
    data = document.data
    _refuse_other_elicit_files(context, data)
    context.keys(data, BANK_KEYS, "", "bank")
    bank_id = context.string(data, "id", "", required=True, nonempty=True)
    if bank_id and not ID_PATTERN.match(bank_id):
        context.add(
            "bad-id", "id", f"bank id '{bank_id}' may hold only letters, digits, '-' and '_'", "rename the bank, for example 'my-bank'"
        )
        bank_id = ""
    bank = Bank(
        id=bank_id or document.path.stem,
        title=context.string(data, "title", "", required=True, nonempty=True),
        version=_version(context, data),
        description=prose(context.string(data, "description", "")),
        path=document.path,
    )
    hashes = [sha256_hex(document.raw)]
    stack = _stack + (bank.id,)
    sections = data.get("sections")
    if sections is None:
        context.add("missing-key", "sections", "missing required key 'sections'", "add at least one [[sections]] table", line=1)
        sections = []
    elif not is_table_list(sections):
        context.add("wrong-type", "sections", "'sections' must be an array of tables", "write each section as a [[sections]] table")
        sections = []
    if not sections and isinstance(data.get("sections"), list):
        context.add("empty", "sections", "the bank has no sections", "add at least one [[sections]] table")
    seen_sections: dict[str, str] = {}
    for index, raw in enumerate(sections):
        key = f"sections[{index}]"
        if "include" in raw:
            included = _include(context, raw, key, bank, resolve, stack, hashes)
        else:
            section = _section(context, raw, key, bank.id)
            included = [section] if section else []
        for section in included:
            if section.id in seen_sections:
                context.add(
                    "duplicate-id",
                    key,
                    f"section '{section.id}' appears twice (also at {seen_sections[section.id]})",
                    "give each section its own id, and include a section only once",
                )
            else:
                seen_sections[section.id] = key
                bank.sections.append(section)
    _check_conditions(context, bank, sections)
    if context.findings:
        raise FindingsError(sorted(context.findings, key=lambda finding: finding.line or 0))
    bank.content_hash = "sha256:" + sha256_hex("\n".join(hashes).encode())
    return bank


# Sections and questions -------------------------------------------------------


def _section(context: TableReader, raw: dict[str, Any], key: str, bank_id: str) -> Section | None:
    context.keys(raw, SECTION_KEYS + INCLUDE_KEYS, key, "section", shown=SECTION_KEYS)
    section_id = _ident(context, raw, key, "section")
    title = context.string(raw, "title", key, required=True, nonempty=True)
    goal = prose(context.string(raw, "goal", key, required=True, nonempty=True))
    section = Section(f"{bank_id}.{section_id or f'#{key}'}", title, goal, minutes=_minutes(context, raw, key))
    questions = raw.get("questions")
    if questions is None:
        context.add(
            "missing-key", f"{key}.questions", f"section '{section_id}' has no questions", "add [[sections.questions]] tables under it"
        )
        return section if section_id else None
    if not is_table_list(questions):
        context.add(
            "wrong-type",
            f"{key}.questions",
            "'questions' must be an array of tables",
            "write each question as a [[sections.questions]] table",
        )
        return section if section_id else None
    seen: dict[str, int] = {}
    for index, raw_question in enumerate(questions):
        question_key = f"{key}.questions[{index}]"
        question = _question(context, raw_question, question_key, section.id)
        if question is None:
            continue
        if question.key in seen:
            context.add(
                "duplicate-id",
                f"{question_key}.id",
                f"question id '{question.key}' is used twice in section '{section_id}' (also questions[{seen[question.key]}])",
                "give each question in a section its own id",
            )
            continue
        seen[question.key] = index
        section.questions.append(question)
    return section if section_id else None


def _question(context: TableReader, raw: dict[str, Any], key: str, section_id: str) -> Question | None:
    context.keys(raw, QUESTION_KEYS, key, "question")
    question_id = _ident(context, raw, key, "question")
    prompt = prose(context.string(raw, "prompt", key, required=True, nonempty=True))
    kind = context.string(raw, "kind", key) or "text"
    if kind not in KINDS:
        context.add("bad-value", f"{key}.kind", f"unknown kind '{kind}'", did_you_mean(kind, KINDS) or f"use one of: {', '.join(KINDS)}")
        kind = "text"
    question = Question(
        id=f"{section_id}.{question_id}",
        prompt=prompt,
        kind=kind,
        why=prose(context.string(raw, "why", key)),
        probes=tuple(prose(probe) for probe in context.strings(raw, "probes", key)),
        required=context.boolean(raw, "required", key),
        tags=tuple(context.strings(raw, "tags", key)),
        unit=context.string(raw, "unit", key),
    )
    _kind_details(context, raw, key, question)
    when = raw.get("when")
    if when is not None:
        if not isinstance(when, str):
            context.add(
                "wrong-type",
                f"{key}.when",
                "'when' must be a string",
                "write the condition in quotes, for example when = \"platform == 'mobile'\"",
            )
        else:
            question.when = when
            try:
                question.condition = parse_condition(when)
            except ConditionError as error:
                context.add(
                    "bad-condition", f"{key}.when", f"condition does not parse: {error}", "see docs/banks.md for the condition language"
                )
    question.story = _story_hint(context, raw, key)
    return question if question_id else None


_KIND_ONLY = (
    # key, the kinds that take it, code, how the message names it, hint
    ("options", _OPTION_KINDS, "options-not-allowed", "options", "remove 'options', or make the kind 'choice' or 'multi'"),
    ("min", ("scale", "number"), "range-not-allowed", "'min'", "remove it, or make the kind 'scale' or 'number'"),
    ("max", ("scale", "number"), "range-not-allowed", "'max'", "remove it, or make the kind 'scale' or 'number'"),
    ("labels", ("scale",), "labels-not-allowed", "'labels'", "remove 'labels', or make the kind 'scale'"),
    ("unit", ("number",), "unit-not-allowed", "'unit'", "remove 'unit', or make the kind 'number'"),
)


def _kind_details(context: TableReader, raw: dict[str, Any], key: str, question: Question) -> None:
    """The keys that belong to the question's kind: options, a scale's range and labels, a number's range."""
    kind = question.kind
    for name, kinds, code, shown, hint in _KIND_ONLY:
        if name in raw and kind not in kinds:
            context.add(code, f"{key}.{name}", f"a '{kind}' question takes no {shown}", hint)
    if kind in _OPTION_KINDS:
        _option_details(context, raw, key, question)
    elif kind == "scale":
        _scale_details(context, raw, key, question)
    elif kind == "number":
        question.min = context.number(raw, "min", key)
        question.max = context.number(raw, "max", key)
        if question.min is not None and question.max is not None and question.min > question.max:
            context.add("bad-range", f"{key}.min", f"min {question.min} is greater than max {question.max}", "swap them")


def _option_details(context: TableReader, raw: dict[str, Any], key: str, question: Question) -> None:
    kind = question.kind
    if "options" not in raw:
        context.add("missing-key", f"{key}.options", f"a '{kind}' question needs 'options'", 'add options = ["...", "..."]')
        return
    question.options, question.exclusive_options = _options(context, raw, key, kind)
    seen: set[str] = set()
    for option in question.options:
        folded = option.casefold()
        if folded in seen:
            context.add("duplicate-option", f"{key}.options", f"option '{clip(option, 80)}' is listed twice", "list each option once")
            break
        seen.add(folded)
    if len(question.options) < 2:
        context.add(
            "too-few-options",
            f"{key}.options",
            f"a '{kind}' question needs at least two options",
            "add options, or make it a 'text' question",
        )


def _scale_details(context: TableReader, raw: dict[str, Any], key: str, question: Question) -> None:
    low = context.whole(raw, "min", key)
    high = context.whole(raw, "max", key)
    question.min = SCALE_DEFAULT[0] if low is None else low
    question.max = SCALE_DEFAULT[1] if high is None else high
    if question.max - question.min < 1 or question.max - question.min > 100:
        context.add(
            "bad-range",
            f"{key}.min",
            f"scale from {question.min} to {question.max} is not a usable range",
            "use a range of 2 to 101 points, for example min = 1, max = 5",
        )
    labels = tuple(context.strings(raw, "labels", key))
    if labels and len(labels) != 2:
        context.add(
            "bad-value",
            f"{key}.labels",
            "'labels' needs two strings: the low end and the high end",
            'for example labels = ["not at all", "completely"]',
        )
    question.labels = labels


def _options(context: TableReader, raw: dict[str, Any], key: str, kind: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A question's options and which of them are exclusive.

    Each option is a string, or a table ``{ label = "Not sure", exclusive = true }``.
    """
    value = raw.get("options")
    path = f"{key}.options"
    if not isinstance(value, list):
        context.add("wrong-type", path, "'options' must be a list", 'write options = ["...", "...", { label = "Not sure", exclusive = true }]')
        return (), ()
    options: list[str] = []
    exclusive: list[str] = []
    for index, item in enumerate(value):
        if isinstance(item, str):
            options.append(item)
            continue
        if not isinstance(item, dict):
            context.add(
                "wrong-type",
                path,
                f"option {index + 1} must be a string or a table {{ label = \"...\", exclusive = true }}, not {type_name(item)}",
                'write options = ["...", "..."]',
            )
            continue
        context.keys(item, OPTION_KEYS, f"{path}[{index}]", "option")
        label = item.get("label")
        if not isinstance(label, str) or not label.strip():
            context.add("missing-key", f"{path}[{index}].label", f"option {index + 1} needs a label", '{ label = "Not sure", exclusive = true }')
            continue
        flag = item.get("exclusive", False)
        if not isinstance(flag, bool):
            context.add("wrong-type", f"{path}[{index}].exclusive", "'exclusive' must be true or false", "write exclusive = true (no quotes)")
            flag = False
        options.append(label)
        if flag:
            exclusive.append(label)
    if kind == "choice" and exclusive:
        context.add(
            "exclusive-not-allowed",
            path,
            "only a 'multi' question can have exclusive options (a 'choice' answer is one option anyway)",
            f'write the option as plain text: "{exclusive[0]}"',
        )
    elif exclusive and len(exclusive) == len(options):
        context.add(
            "bad-value",
            path,
            "every option is exclusive, so no two can be picked together",
            "make it a 'choice' question, or mark only options such as \"Not sure\" exclusive",
        )
    return tuple(options), tuple(exclusive)


def _minutes(context: TableReader, raw: dict[str, Any], key: str) -> int | None:
    """A section's time budget: a positive whole number of minutes, or None."""
    value = context.whole(raw, "minutes", key)
    if value is None:
        return None
    if value < 1:
        context.add("bad-value", f"{key}.minutes", f"'minutes' is {value}", "give the section's time budget as a whole number of minutes, 1 or more")
        return None
    return value


def _story_hint(context: TableReader, raw: dict[str, Any], key: str) -> StoryHint | None:
    story = raw.get("story")
    if story is None:
        return None
    story_key = f"{key}.story"
    if not isinstance(story, dict):
        context.add("wrong-type", story_key, "'story' must be a table with role and want", 'write story = { role = "...", want = "..." }')
        return None
    context.keys(story, STORY_KEYS, story_key, "story hint")
    role = context.string(story, "role", story_key, required=True, nonempty=True)
    want = context.string(story, "want", story_key, required=True, nonempty=True)
    return StoryHint(role, want, context.string(story, "so_that", story_key))


# Includes -------------------------------------------------------------------------


def _include(
    context: TableReader,
    raw: dict[str, Any],
    key: str,
    bank: Bank,
    resolve: Resolver | None,
    stack: tuple[str, ...],
    hashes: list[str],
) -> list[Section]:
    """The sections an ``include`` brings in (none after a finding); the included bank's hash joins ``hashes``."""
    extra = [name for name in raw if name != "include"]
    if extra:
        context.add(
            "include-extra-keys",
            f"{key}.{extra[0]}",
            "a section with 'include' takes no other keys",
            "remove the other keys, or define the section here instead",
        )
    target = raw["include"]
    if not isinstance(target, str) or not target:
        context.add(
            "wrong-type",
            f"{key}.include",
            "'include' must be a string naming 'bank' or 'bank.section'",
            'for example include = "discovery.problem"',
        )
        return []
    other_id, _, section_key = target.partition(".")
    if not _include_allowed(context, f"{key}.include", other_id, bank, stack):
        return []
    other = _included_bank(context, f"{key}.include", other_id, resolve, stack)
    if other is None:
        return []
    hashes.append(other.content_hash)
    return _included_sections(context, f"{key}.include", other, f"{other_id}.{section_key}" if section_key else "")


def _include_allowed(context: TableReader, key: str, other_id: str, bank: Bank, stack: tuple[str, ...]) -> bool:
    """Whether ``other_id`` is a bank id, and including it keeps the banks from including themselves or nesting too deep."""
    if not ID_PATTERN.fullmatch(other_id):
        context.add(
            "include-by-path",
            key,
            f"'include' names a bank by its id, not by a path: '{clip(other_id, 80)}'",
            "include it by its id (\"bank\" or \"bank.section\"): put that bank in ./question_banks, your bank folder or beside this file",
        )
        return False
    if other_id == bank.id:
        context.add("include-self", key, "a bank cannot include its own sections", "define the section here instead")
        return False
    if other_id in stack:
        cycle = " -> ".join(stack[stack.index(other_id) :] + (other_id,))
        context.add("include-cycle", key, f"include cycle: {cycle}", "remove one of the includes so that no bank includes itself")
        return False
    if len(stack) >= MAX_INCLUDE_DEPTH:
        chain = stack + (other_id,)
        shown = " -> ".join(chain if len(chain) <= 6 else chain[:3] + ("…",) + chain[-2:])
        context.add(
            "include-depth",
            key,
            f"includes nest more than {MAX_INCLUDE_DEPTH} banks deep: {shown}",
            "include sections from fewer levels of banks",
        )
        return False
    return True


def _included_bank(context: TableReader, key: str, other_id: str, resolve: Resolver | None, stack: tuple[str, ...]) -> Bank | None:
    """The bank ``other_id`` loaded through ``resolve``, or None after saying why it cannot be used."""
    try:
        other = resolve(other_id, context.document.path, stack) if resolve is not None else None
    except FindingsError as error:
        cycles = [finding for finding in error.findings if finding.code == "include-cycle"]
        too_deep = [finding for finding in error.findings if finding.code == "include-depth"]
        if too_deep:  # said once, where the chain starts
            context.add("include-depth", key, too_deep[0].message, too_deep[0].hint or "")
        elif cycles:
            context.findings.extend(cycles)
        else:
            first = error.findings[0].format()
            context.add(
                "include-broken",
                key,
                f"included bank '{other_id}' has {len(error.findings)} problem(s), first: {first}",
                "fix that bank first (elicit banks validate)",
            )
        return None
    if other is None:
        context.add("include-missing", key, f"no bank with id '{other_id}' was found", "check the id with 'elicit banks list'")
    return other


def _included_sections(context: TableReader, key: str, other: Bank, wanted: str) -> list[Section]:
    """Every section of ``other``, or the one whose id is ``wanted`` (``bank.section``)."""
    if not wanted:
        return list(other.sections)
    for section in other.sections:
        if section.id == wanted:
            return [section]
    choices = [section.id for section in other.sections]
    context.add(
        "include-missing",
        key,
        f"bank '{wanted.partition('.')[0]}' has no section '{wanted.partition('.')[2]}'",
        did_you_mean(wanted, choices) or f"sections are: {', '.join(choices)}",
    )
    return []


# Conditions ------------------------------------------------------------------------


def _check_conditions(context: TableReader, bank: Bank, raw_sections: list[dict[str, Any]]) -> None:
    """Resolve ``when`` names and check each names an earlier question."""
    order: dict[str, int] = {}
    by_id: dict[str, Question] = {}
    for question in bank.questions:
        order.setdefault(question.id, len(order))
        by_id.setdefault(question.id, question)
    own_keys = _own_question_keys(bank, raw_sections)
    for question in bank.questions:
        if question.condition is None:
            continue
        key = own_keys.get(question.id)
        if key is None:
            # An included section: its names were resolved in its own bank.
            missing = [name for name, _ in question.condition.names() if name not in order]
            if missing:
                context.add(
                    "include-condition",
                    _include_key(bank, raw_sections, question),
                    f"included question '{question.id}' depends on '{missing[0]}', which this bank does not include",
                    "include the section holding that question before this one",
                )
            continue
        key = f"{key}.when"
        resolved = _resolved_names(context, key, question, question.condition, order)
        if len(resolved) == len({name for name, _ in question.condition.names()}):
            question.condition = question.condition.resolved(resolved.__getitem__)
            _check_literals(context, key, question.condition, by_id)


def _resolved_names(context: TableReader, key: str, question: Question, condition: Condition, order: dict[str, int]) -> dict[str, str]:
    """Each name in ``question``'s condition that names an earlier question, with that question's full id."""
    resolved: dict[str, str] = {}
    for name in dict.fromkeys(name for name, _ in condition.names()):
        target = resolve_name(name, question.section_id)
        if target not in order:
            hint = did_you_mean(target, order) or "name a question as 'question', 'section.question' or 'bank.section.question'"
            context.add("condition-unknown", key, f"condition names '{name}', but there is no question '{target}'", hint)
        elif order[target] >= order[question.id]:
            relation = "itself" if target == question.id else f"'{target}', which comes later"
            context.add("condition-order", key, f"condition depends on {relation}", "a condition may only name questions asked before this one")
        else:
            resolved[name] = target
    return resolved


def resolve_name(name: str, section_id: str) -> str:
    """A condition name as a fully qualified question id, relative to a section."""
    parts = name.split(".")
    bank_id = section_id.split(".", 1)[0]
    if len(parts) == 1:
        return f"{section_id}.{name}"
    if len(parts) == 2:
        return f"{bank_id}.{name}"
    return name


def _check_literals(context: TableReader, key: str, condition: Condition, by_id: dict[str, Question]) -> None:
    for name, value in condition.literals_against():
        question = by_id[name.id]
        values = value if isinstance(value, tuple) else (value,)
        for one in values:
            problem = _literal_problem(question, one)
            if problem:
                context.add("condition-value", key, problem[0], problem[1])


def _literal_problem(question: Question, value: Any) -> tuple[str, str] | None:
    kind = question.kind
    if kind in _OPTION_KINDS:
        if not isinstance(value, str) or value.casefold() not in {option.casefold() for option in question.options}:
            hint = did_you_mean(str(value), question.options) if isinstance(value, str) else None
            return f"{clip(repr(value), ECHO_WIDTH)} is not an option of '{question.id}'", hint or f"options are: {', '.join(question.options)}"
    elif kind == "yesno":
        if not (isinstance(value, bool) or (isinstance(value, str) and value.lower() in ("yes", "no"))):
            return f"'{question.id}' is a yes/no question, compared with {clip(repr(value), ECHO_WIDTH)}", "compare it with true or false"
    elif kind in ("scale", "number"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"'{question.id}' has a number answer, compared with {clip(repr(value), ECHO_WIDTH)}", "compare it with a number, without quotes"
    return None


def _own_question_keys(bank: Bank, raw_sections: list[dict[str, Any]]) -> dict[str, str]:
    keys: dict[str, str] = {}
    for index, raw in enumerate(raw_sections):
        if "include" in raw or not isinstance(raw.get("id"), str):
            continue
        for q_index, raw_question in enumerate(raw.get("questions") or []):
            if isinstance(raw_question, dict) and isinstance(raw_question.get("id"), str):
                keys.setdefault(f"{bank.id}.{raw['id']}.{raw_question['id']}", f"sections[{index}].questions[{q_index}]")
    return keys


def _include_key(bank: Bank, raw_sections: list[dict[str, Any]], question: Question) -> str:
    for index, raw in enumerate(raw_sections):
        target = raw.get("include")
        if isinstance(target, str) and (question.section_id == target or question.section_id.startswith(target + ".")):
            return f"sections[{index}].include"
    return "sections"


# Field helpers ---------------------------------------------------------------------


def prose(text: str) -> str:
    """Text as a bank author meant it: lines wrapped in the file are joined; blank lines keep paragraphs."""
    if "\n" not in text:
        return text.strip()
    paragraphs = [" ".join(line.strip() for line in block.splitlines() if line.strip()) for block in _PARAGRAPH_BREAK.split(text.strip())]
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _ident(context: TableReader, table: dict[str, Any], key: str, what: str) -> str:
    value = context.string(table, "id", key, required=True, nonempty=True)
    if value and not ID_PATTERN.match(value):
        context.add(
            "bad-id",
            f"{key}.id",
            f"{what} id {quoted(value)} may hold only letters, digits, '-' and '_'",
            "use a short id such as 'current_process'",
        )
        return ""
    return value


def _refuse_other_elicit_files(context: TableReader, data: dict[str, Any]) -> None:
    """A session or spec given as a bank gets one line saying so, not a finding for each of its keys."""
    schema = data.get("schema")
    if isinstance(schema, str) and schema.startswith("elicit.") and not schema.startswith("elicit.bank"):
        kind = schema.removeprefix("elicit.").partition("/")[0]
        context.add(
            "not-a-bank",
            "schema",
            f"this is an elicit {kind} file (schema {quoted(schema)}), not a question bank",
            "a bank starts with id, title and [[sections]] (docs/banks.md)",
            line=1,
        )
        raise FindingsError(context.findings)


def _version(context: TableReader, table: dict[str, Any]) -> str:
    value = table.get("version")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        context.add("wrong-type", "version", "'version' must be a string", f'write version = "{value}"')
        return str(value)
    return context.string(table, "version", "", required=True, nonempty=True)
