"""SHA-256 digests without loading OpenSSL for a small input.

``hashlib`` loads OpenSSL's libcrypto when it is imported: about 2-3 ms of a
command's start-up (issue 18: ``elicit answer`` hashes one bank file). Python's
own SHA-256 module loads at once but hashes about 20 times slower, so it takes
inputs up to :data:`SMALL` bytes (a bank file, an answer) and ``hashlib`` the rest.
Both give the same digest.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

SMALL = 256 * 1024
"""Inputs up to this many bytes are hashed by Python's own SHA-256: under a millisecond."""


def _builtin_sha256() -> Callable[[bytes], Any] | None:
    for module in ("_sha2", "_sha256"):  # Python 3.12 and later; 3.11
        try:
            found: Callable[[bytes], Any] = importlib.import_module(module).sha256
        except (ImportError, AttributeError):
            continue
        return found
    return None  # a build without it: hashlib does all the work


_builtin = _builtin_sha256()


def sha256_hex(data: bytes) -> str:
    """The SHA-256 digest of ``data``, in hexadecimal."""
    if _builtin is not None and len(data) <= SMALL:
        return str(_builtin(data).hexdigest())
    import hashlib

    return hashlib.sha256(data).hexdigest()


def fingerprint(data: bytes) -> str:
    """A 128-bit BLAKE2b digest of ``data`` in hexadecimal: whether a file is still the one written (a whole session in under a millisecond).

    BLAKE2 is in Python itself (``_blake2``), so this loads no OpenSSL either;
    ``hashlib`` gives the same digest where that module is missing.
    """
    try:
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - a Python built without it
        from hashlib import blake2b
    return blake2b(data, digest_size=16).hexdigest()
