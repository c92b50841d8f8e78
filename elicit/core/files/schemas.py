"""The JSON Schemas of elicit's files, shipped inside the package (``elicit/schemas``) and copied in ``docs/``.

Editors that validate TOML from a JSON Schema (Even Better TOML / taplo)
use them for banks and sessions; tools reading the JSON spec use the spec
schema. ``elicit schema NAME`` prints one.
"""

from __future__ import annotations

from importlib.resources import files

from elicit.core.findings import ElicitError

SCHEMA_NAMES = ("bank", "session", "spec")
"""The files that have a schema: a question bank, a session file, the TOML/JSON spec."""


def schema_file_name(name: str) -> str:
    """``bank`` -> ``bank.schema.json``."""
    return f"{name}.schema.json"


def schema_text(name: str) -> str:
    """The schema's JSON text; ElicitError for a name that has none."""
    if name not in SCHEMA_NAMES:
        raise ElicitError(f"no schema named '{name}'; use one of: {', '.join(SCHEMA_NAMES)}")
    return (files("elicit") / "schemas" / schema_file_name(name)).read_text(encoding="utf-8")
