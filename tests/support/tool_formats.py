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


def parse_sdoc(text: str, relations: bool = False) -> Any:
    """Parse a ``.sdoc`` document with StrictDoc and validate every node against the document's grammar.

    Returns the title and, per section, its fields and its nodes as
    (node type, {field: text}); multi-line values as StrictDoc gives them.
    With ``relations``, also {node UID: the UIDs of its Parent relations, in order}.
    """
    from strictdoc.backend.sdoc.models.node import SDocNode
    from strictdoc.backend.sdoc.reader import SDReader
    from strictdoc.backend.sdoc.validations.sdoc_validator import SDocValidator

    document = SDReader.read(text, file_path="spec.sdoc")
    for element in document.grammar.elements:
        SDocValidator.validate_grammar_element("spec.sdoc", element)
    sections = []
    found: dict[str, list[str]] = {}
    for section in document.section_contents:
        assert isinstance(section, SDocNode) and section.is_composite and section.node_type == "SECTION"
        SDocValidator.validate_node(section, document_grammar=document.grammar, path_to_sdoc_file="spec.sdoc")
        nodes = []
        for node in section.section_contents:
            assert isinstance(node, SDocNode) and not node.is_composite
            SDocValidator.validate_node(node, document_grammar=document.grammar, path_to_sdoc_file="spec.sdoc")
            nodes.append((node.node_type, _sdoc_fields(node)))
            parents = [reference.ref_uid for reference in node.relations if reference.ref_type == "Parent"]
            if parents:
                found[_sdoc_fields(node)["UID"]] = parents
        sections.append((_sdoc_fields(section), nodes))
    return (document.title, sections, found) if relations else (document.title, sections)


def _sdoc_fields(node: Any) -> dict[str, str]:
    fields = {}
    for field in node.fields:
        assert field.field_name not in fields, field.field_name
        fields[field.field_name] = field.get_text_value()
    return fields
