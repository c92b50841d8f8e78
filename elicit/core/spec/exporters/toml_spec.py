"""The TOML spec: the canonical machine format, read back by ``elicit import``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from elicit.core.files.toml_source import dumps_toml
from elicit.core.spec.exporters.options import DEFAULT_OPTIONS, ExportOptions
from elicit.core.spec.exporters.spec_data import spec_data

if TYPE_CHECKING:
    from elicit.core.session.engine import Interview
    from elicit.core.session.models import Session


class TomlSpecExporter:
    """Writes ``spec.toml`` (schema ``elicit.spec/2``, see docs/spec-format.md)."""

    name = "toml"
    title = "TOML spec"
    suffix = ".toml"
    multi_file = False
    generated_line = ""

    def render(self, session: Session, interview: Interview, options: ExportOptions = DEFAULT_OPTIONS) -> dict[str, str]:
        """The spec as one TOML file."""
        return {"spec.toml": dumps_spec(session, interview)}


def dumps_spec(session: Session, interview: Interview) -> str:
    """The TOML text of the spec."""
    return dumps_toml(spec_data(session, interview))


EXPORTER = TomlSpecExporter()
