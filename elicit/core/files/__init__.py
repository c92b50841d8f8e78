"""Files kept safe: atomic writes, TOML read with positions; the JSON Schemas of elicit's files."""

from elicit.core.files.schemas import SCHEMA_NAMES, schema_text

__all__ = ["SCHEMA_NAMES", "schema_text"]
