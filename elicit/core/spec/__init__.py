"""The draft spec: exporters registered by format name, and importing a TOML spec back into a session."""

from elicit.core.spec.exporters import (
    AUDIENCES,
    FORMATS,
    TRACKERS,
    ExportOptions,
    default_destination,
    get_exporter,
    get_tracker_exporter,
    is_people_format,
    write_export,
)
from elicit.core.spec.importer import session_from_spec

__all__ = [
    "AUDIENCES",
    "FORMATS",
    "TRACKERS",
    "ExportOptions",
    "default_destination",
    "get_exporter",
    "get_tracker_exporter",
    "is_people_format",
    "session_from_spec",
    "write_export",
]
