"""What a user can choose about an export beyond its format."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from elicit.core.spec.exporters.document import AUDIENCES

if TYPE_CHECKING:
    from elicit.core.session.models import Session


@dataclass(frozen=True)
class ExportOptions:
    """Choices that apply to some formats; every exporter's ``render`` takes them and ignores the rest.

    ``audience`` (``client`` or ``team``) picks what a people format (Markdown,
    HTML) shows; ``include_rejected`` puts rejected stories into the formats
    that leave them out by default (tracker CSV, Gherkin).
    """

    audience: str = "client"
    include_rejected: bool = False

    def __post_init__(self) -> None:
        if self.audience not in AUDIENCES:
            from elicit.core.findings import ElicitError

            raise ElicitError(f"unknown audience '{self.audience}'; use one of: {', '.join(AUDIENCES)}")


DEFAULT_OPTIONS = ExportOptions()


def without_rejected(session: Session, options: ExportOptions) -> Session:
    """The session as the tool formats see it: rejected stories left out unless ``options.include_rejected``.

    A rejected story was not taken forward, so it must not become a ticket or a
    feature file; the TOML/JSON spec keeps it (the full record) and the people
    formats list it under "Not taken forward".
    """
    if options.include_rejected:
        return session
    return replace(session, stories=[story for story in session.stories if story.status != "rejected"])
