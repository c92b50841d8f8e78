"""Files kept safe: atomic writes, TOML read with positions and checked strictly; the JSON Schemas of elicit's files."""

TYPE_CHECKING = False

if TYPE_CHECKING:
    from elicit.core.files.atomic import write_atomic
    from elicit.core.files.code_cache import KeptCode, keep_code, load_code
    from elicit.core.files.pattern_cache import Kept, keep_patterns, load_patterns
    from elicit.core.files.schemas import SCHEMA_NAMES, schema_text
    from elicit.core.files.tables import TableReader, key_path
    from elicit.core.files.toml_source import parse_toml
else:  # each module loads when one of its names is first used (elicit.core.surface)
    from elicit.core.surface import lazy_surface

    __getattr__, __dir__ = lazy_surface(
        __name__,
        {
            "atomic": ["write_atomic"],
            "code_cache": ["KeptCode", "keep_code", "load_code"],
            "pattern_cache": ["Kept", "keep_patterns", "load_patterns"],
            "schemas": ["SCHEMA_NAMES", "schema_text"],
            "tables": ["TableReader", "key_path"],
            "toml_source": ["parse_toml"],
        },
    )

__all__ = [
    "SCHEMA_NAMES",
    "Kept",
    "KeptCode",
    "TableReader",
    "keep_code",
    "keep_patterns",
    "key_path",
    "load_code",
    "load_patterns",
    "parse_toml",
    "schema_text",
    "write_atomic",
]
