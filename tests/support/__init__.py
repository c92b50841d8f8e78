"""Helpers shared by the tests."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
"""The repository's top folder."""
