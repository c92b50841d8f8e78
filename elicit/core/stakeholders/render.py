"""A comparison for people and for tools: rich terminal text, a Markdown document, JSON."""

from __future__ import annotations

import json
from typing import Any

from elicit.core.spec.exporters.markdown_spec import inline
from elicit.core.stakeholders.comparison import Comparison, Conflict, Side
from elicit.core.text import clip, plural
from elicit.core.vocabulary import PRIORITY_LABELS

KIND_TITLES = {
    "yesno": "yes and no",
    "choice": "different choices",
    "scale": "scales 2+ apart",
    "number": "numbers 2x apart",
    "text": "answers that say opposite things",
    "priority": "one story, two priorities",
    "opposite": "opposite goals",
    "decision": "against a decision",
    "decisions": "decisions that cannot both hold",
}


def comparison_json(comparison: Comparison) -> str:
    """``{"questions": [...], "duplicates": [...], "conflicts": [...]}``, keys sorted, one trailing newline."""
    return json.dumps(comparison.as_json(), indent=2, ensure_ascii=False, sort_keys=True, default=str) + "\n"


def side_words(side: Side) -> str:
    """One side in a line: ``Maria Lopez (owner.elicit.toml): Yes``, a story with its id and priority, a decision."""
    if side.story:
        return f"{side.who()}, {side.story} ({PRIORITY_LABELS.get(side.priority, side.priority)}): {side.text}"
    if side.decision:
        return f"{side.who()}, decision {side.decision}: {side.text}"
    return f"{side.who()}: {side.text}"


def conflict_title(conflict: Conflict) -> str:
    """What the conflict is about: its kind, and the question's id when it is about a question."""
    title = KIND_TITLES.get(conflict.kind, conflict.kind)
    return f"{title}: {conflict.question}" if conflict.question else title


def _prompt(comparison: Comparison, question: str) -> str:
    return next((item.prompt for item in comparison.questions if item.question == question), "") if question else ""


def sources_line(comparison: Comparison) -> str:
    """``5 interviews: owner.elicit.toml (Maria Lopez), ...``."""
    parts = []
    for source in comparison.sources:
        names = ", ".join(person.name for person in source.session.participants)
        parts.append(f"{source.label} ({names})" if names else source.label)
    return f"{len(parts)} interviews: " + "; ".join(parts)


def conflict_groups(comparison: Comparison) -> list[tuple[str, str, list[Conflict]]]:
    """The conflicts under one heading per question and kind (story conflicts: one per kind), with the question's prompt."""
    groups: dict[tuple[str, str], list[Conflict]] = {}
    for conflict in comparison.conflicts:
        groups.setdefault((conflict.kind, conflict.question), []).append(conflict)
    return [(conflict_title(items[0]), _prompt(comparison, items[0].question), items) for items in groups.values()]


def comparison_markdown(comparison: Comparison) -> str:
    """The comparison as a document: conflicts, then each question's answers, then the stories several interviews share."""
    out = ["# Interviews compared", "", inline(sources_line(comparison)) + ".", ""]
    out += [f"## Conflicts ({len(comparison.conflicts)})", ""]
    if not comparison.conflicts:
        out += ["No conflicts found.", ""]
    for title, prompt, conflicts in conflict_groups(comparison):
        out += [f"### {inline(title)}", ""]
        if prompt:
            out += [inline(prompt), ""]
        for conflict in conflicts:
            first, second = conflict.sides
            out += [f"- {inline(side_words(first))}", f"  - against {inline(side_words(second))}"]
        out.append("")
    out += ["## Answers side by side", ""]
    if not comparison.questions:
        out += ["No question was answered in two or more interviews.", ""]
    for item in comparison.questions:
        out += [f"### {inline(item.question)}", ""]
        if item.prompt:
            out += [inline(item.prompt), ""]
        out += [f"- {inline(side_words(side))}" for side in item.answers]
        out.append("")
    out += ["## Stories more than one interview told", ""]
    if not comparison.duplicates:
        out += ["None.", ""]
    for number, group in enumerate(comparison.duplicates, start=1):
        out.append(f"{number}. {inline(group.stories[0].text)}")
        out += [f"   - {inline(side_words(side))}" for side in group.stories]
    return "\n".join(out).rstrip("\n") + "\n"


def comparison_text(comparison: Comparison) -> Any:
    """The comparison as rich renderables for the terminal."""
    from rich.console import Group
    from rich.text import Text

    lines: list[Text] = [Text(sources_line(comparison), style="bold"), Text("")]
    lines.append(Text(f"Conflicts ({len(comparison.conflicts)})", style="bold red" if comparison.conflicts else "bold"))
    for title, prompt, conflicts in conflict_groups(comparison):
        lines.append(Text.assemble("  ", (title, "yellow")))
        if prompt:
            lines.append(Text("  " + clip(prompt, 76), style="dim"))
        for conflict in conflicts:
            first, second = conflict.sides
            lines += [Text("    " + side_words(first)), Text.assemble("      ", ("against ", "dim"), side_words(second))]
    if not comparison.conflicts:
        lines.append(Text("  none found"))
    lines += [Text(""), Text(f"Answers side by side ({plural(len(comparison.questions), 'question')})", style="bold")]
    for item in comparison.questions:
        lines.append(Text.assemble("  ", (item.question, "cyan"), "  ", (clip(item.prompt, 80), "dim")))
        lines += [Text("    " + side_words(side)) for side in item.answers]
    lines += [Text(""), Text(f"Stories more than one interview told ({len(comparison.duplicates)})", style="bold")]
    for group in comparison.duplicates:
        lines.append(Text.assemble("  ", (group.stories[0].text, "cyan")))
        lines += [Text("    " + side_words(side)) for side in group.stories]
    if not comparison.duplicates:
        lines.append(Text("  none"))
    return Group(*lines)
