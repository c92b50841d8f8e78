"""A generated question bank for benchmarks: every kind, some conditional questions."""

from __future__ import annotations

from pathlib import Path


def write_bank(folder: Path, sections: int, per_section: int, bank_id: str = "big") -> Path:
    """Write ``sections`` x ``per_section`` questions to ``folder/<bank_id>.toml``."""
    lines = [f'id = "{bank_id}"', 'title = "Big bank"', 'version = "1.0"', ""]
    for s in range(sections):
        lines += ["[[sections]]", f'id = "s{s}"', f'title = "Section {s}"', f'goal = "Find out area {s}."', ""]
        for q in range(per_section):
            lines += [
                "[[sections.questions]]",
                f'id = "q{q}"',
                f'prompt = "Question {q} of section {s}: what happens when the client does task {q}?"',
            ]
            lines += [f'why = "Because task {q} drives the design of area {s}."', 'probes = ["Who does it?", "How often?"]']
            kind = "number" if q % 10 == 9 else ("text", "text", "choice", "yesno", "text")[q % 5]
            if kind != "text":
                lines.append(f'kind = "{kind}"')
            if kind == "choice":
                lines.append('options = ["Web", "Mobile", "Desktop"]')
            if q % 5 == 3 and q > 2:
                lines.append(f"when = \"q{q - 1} == 'Mobile'\"")
            lines.append("")
    path = folder / f"{bank_id}.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
