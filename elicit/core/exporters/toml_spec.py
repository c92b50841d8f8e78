"""The TOML spec: the canonical machine format, read back by ``elicit import``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .spec_data import has_carriage_return, spec_data

if TYPE_CHECKING:
    from ..engine import Interview
    from ..models import Session


class TomlSpecExporter:
    """Writes ``spec.toml`` (schema ``elicit.spec/1``, see docs/spec-format.md)."""

    name = "toml"
    title = "TOML spec"
    suffix = ".toml"
    multi_file = False
    generated_line = ""

    def render(self, session: Session, interview: Interview) -> dict[str, str]:
        """The spec as one TOML file."""
        return {"spec.toml": dumps_spec(session, interview)}


def dumps_spec(session: Session, interview: Interview) -> str:
    """The TOML text of the spec."""
    import tomli_w

    data = spec_data(session, interview)
    # Multi-line strings read better, but TOML folds "\r\n" inside them: keep
    # every string on one line (with escapes) when any holds a carriage return.
    return tomli_w.dumps(data, multiline_strings=not has_carriage_return(data))


EXPORTER = TomlSpecExporter()
