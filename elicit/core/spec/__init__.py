"""The draft spec: exporters registered by format name, and importing a TOML spec back into a session."""

from elicit.core.spec.exporters import FORMATS, default_destination, get_exporter, write_export
from elicit.core.spec.importer import session_from_spec

__all__ = ["FORMATS", "default_destination", "get_exporter", "session_from_spec", "write_export"]
