"""Oracles for the tool formats: the ``reqif`` package for ReqIF, ``strictdoc`` for StrictDoc, csv for the tracker files."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from typing import Any

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@cache
def reqif_schema() -> Any:
    """The OMG ReqIF 1.0 schema as shipped by the ``reqif`` package (what ``reqif validate --use-reqif-schema`` uses)."""
    import reqif
    import xmlschema

    return xmlschema.XMLSchema(str(Path(reqif.__file__).parent / "reqif_schema" / "reqif.xsd"))


def parse_reqif(text: str) -> Any:
    """Validate ReqIF text against the schema (raises on any violation), then parse it with the ``reqif`` package."""
    from reqif.parser import ReqIFParser

    reqif_schema().validate(text)
    bundle = ReqIFParser.parse_from_string(text)
    assert bundle.exceptions == [], bundle.exceptions
    return bundle


XHTML = "{http://www.w3.org/1999/xhtml}"


def _div(value: str) -> ET.Element:
    """The XHTML of an attribute value (``xhtml:`` prefixed, as the ``reqif`` package gives it) as one ``div`` element."""
    wrapper = ET.fromstring(f'<value xmlns:xhtml="http://www.w3.org/1999/xhtml">{value}</value>')
    (div,) = list(wrapper)
    assert div.tag == XHTML + "div", div.tag
    return div


def xhtml_text(value: str) -> str:
    """The text of an XHTML ``div`` as elicit writes it: lines separated by ``br``."""
    return _inline_text(_div(value))


def xhtml_items(value: str) -> list[str]:
    """The items of an XHTML list as elicit writes it (``div`` holding one ``ul``)."""
    (listing,) = list(_div(value))
    assert listing.tag == XHTML + "ul"
    return [_inline_text(item) for item in listing]


def _inline_text(element: ET.Element) -> str:
    assert not (element.tail or "").strip()
    parts = [element.text or ""]
    for child in element:
        assert child.tag == XHTML + "br", child.tag
        parts.append("\n" + (child.tail or ""))
    return "".join(parts)


def as_lines(text: str) -> str:
    """Text with every line break (CR LF, CR, LF) as LF: how XML and the XHTML ``br`` give it back."""
    return "\n".join(_LINE_BREAK.split(text))
