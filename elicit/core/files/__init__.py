"""Files kept safe: atomic writes, TOML read with positions and checked strictly; the JSON Schemas of elicit's files."""

from elicit.core.files.atomic import write_atomic
from elicit.core.files.schemas import SCHEMA_NAMES, schema_text
from elicit.core.files.tables import TableReader, key_path
from elicit.core.files.toml_source import parse_toml

__all__ = ["SCHEMA_NAMES", "TableReader", "key_path", "parse_toml", "schema_text", "write_atomic"]
