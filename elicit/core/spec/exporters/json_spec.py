"""The JSON spec: the same content and shape as the TOML spec."""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

from elicit.core.findings import ElicitError
from elicit.core.spec.exporters.options import DEFAULT_OPTIONS, ExportOptions
from elicit.core.spec.exporters.spec_data import format_time, spec_data

if TYPE_CHECKING:
    from elicit.core.session.engine import Interview
    from elicit.core.session.models import Session


class JsonSpecExporter:
    """Writes ``spec.json``; timestamps become RFC 3339 strings."""

    name = "json"
    title = "JSON spec"
    suffix = ".json"
    multi_file = False
    generated_line = ""

    def render(self, session: Session, interview: Interview, options: ExportOptions = DEFAULT_OPTIONS) -> dict[str, str]:
        """The spec as one JSON document."""
        return {"spec.json": dumps_json_spec(session, interview)}


def dumps_json_spec(session: Session, interview: Interview) -> str:
    """The JSON text of the spec, indented, unicode kept as is, with a trailing newline."""
    data = spec_data(session, interview)
    try:
        text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False, default=_time)
    except ValueError:
        raise ElicitError("an answer holds a number that is not finite (nan or inf), which JSON cannot hold; correct the answer") from None
    return text + "\n"


def _time(value: Any) -> str:
    if isinstance(value, datetime):
        return format_time(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


EXPORTER = JsonSpecExporter()
