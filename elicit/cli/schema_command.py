"""``elicit schema bank|session|spec``: print a JSON Schema for editors and tools."""

from __future__ import annotations

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse


def print_schema(args: argparse.Namespace) -> int:
    """Write the named schema's JSON to stdout."""
    from elicit.core.files import schema_text

    sys.stdout.write(schema_text(args.name))
    return 0
