"""Small text helpers shared by the exporters, the story lint and the CLI."""

from __future__ import annotations


def clip(text: str, width: int) -> str:
    """``text`` if it fits in ``width`` characters, else cut to fit with a closing "…"."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
