"""Lazy public surfaces: a sub-package's ``__init__`` names what it offers, and each name's module loads when first used.

``elicit lint notes.txt`` needs a story's model, not the bank loader, the
engine or the session service; with every surface importing all its modules
up front, each command paid for all of them (about half of the CLI's start-up).
A surface lists its names by module; ``from elicit.core.session import Story``
then imports ``elicit.core.session.models`` alone. Type checkers read the
same names from imports under ``if TYPE_CHECKING:`` beside the table, and
tests/core/test_surfaces.py checks the two agree and every name resolves.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any


def lazy_surface(package: str, names: Mapping[str, Sequence[str]]) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` for ``package`` whose names are ``{module: [name, ...]}``."""
    home = {name: module for module, listed in names.items() for name in listed}

    def __getattr__(name: str) -> Any:
        module = home.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        setattr(sys.modules[package], name, value)  # found directly from now on
        return value

    def __dir__() -> list[str]:
        return sorted(set(vars(sys.modules[package])) | set(home))

    return __getattr__, __dir__
