"""The draft spec: exporters registered by format name, and importing a TOML spec back into a session."""

TYPE_CHECKING = False
if TYPE_CHECKING:
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
    from elicit.core.spec.exporters.story_groups import asked_by_line, askers
    from elicit.core.spec.importer import session_from_spec
else:  # each module loads when one of its names is first used (elicit.core.surface)
    from elicit.core.surface import lazy_surface

    __getattr__, __dir__ = lazy_surface(
        __name__,
        {
            "exporters": [
                "AUDIENCES",
                "FORMATS",
                "TRACKERS",
                "ExportOptions",
                "default_destination",
                "get_exporter",
                "get_tracker_exporter",
                "is_people_format",
                "write_export",
            ],
            "exporters.story_groups": ["asked_by_line", "askers"],
            "importer": ["session_from_spec"],
        },
    )

__all__ = [
    "AUDIENCES",
    "FORMATS",
    "TRACKERS",
    "ExportOptions",
    "asked_by_line",
    "askers",
    "default_destination",
    "get_exporter",
    "get_tracker_exporter",
    "is_people_format",
    "session_from_spec",
    "write_export",
]
