"""The core's public surfaces: every name they list resolves, lazily loaded or not, and lists agree."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import elicit.core

SURFACES = sorted(path.parent.name for path in Path(elicit.core.__file__).parent.glob("*/__init__.py"))


def _type_checking_names(package: str) -> set[str]:
    """The names the surface imports for the type checker (under ``if TYPE_CHECKING:``) and eagerly."""
    tree = ast.parse(Path(importlib.import_module(package).__file__ or "").read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(package + "."):
            names.update(alias.asname or alias.name for alias in node.names)
    return names


@pytest.mark.parametrize("name", SURFACES)
def test_every_name_of_a_surface_resolves_to_what_its_module_defines(name: str) -> None:
    package = importlib.import_module(f"elicit.core.{name}")
    assert package.__all__
    for exported in package.__all__:
        value = getattr(package, exported)
        assert not isinstance(value, type(importlib)), f"{name}.{exported} is a module, not the name it exports"
    assert set(package.__all__) == _type_checking_names(package.__name__)
    assert set(package.__all__) <= set(dir(package))


def test_an_unknown_name_is_an_attribute_error() -> None:
    import elicit.core.session as session

    with pytest.raises(AttributeError, match="no attribute 'Nothing'"):
        session.Nothing  # noqa: B018
    with pytest.raises(ImportError):
        exec("from elicit.core.banks import Nothing", {})
