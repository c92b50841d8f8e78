"""``sha256_hex``: the digest hashlib gives, for inputs on either side of the size where it switches to hashlib."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from elicit.core.files import digest
from elicit.core.files.digest import SMALL, sha256_hex


@pytest.mark.parametrize("size", [0, 1, 63, 64, 65, SMALL - 1, SMALL, SMALL + 1, 3 * SMALL])
def test_every_size_gives_hashlibs_digest(size):
    data = bytes(range(256)) * (size // 256) + bytes(size % 256)
    assert sha256_hex(data) == hashlib.sha256(data).hexdigest()


@given(st.binary(max_size=2000))
def test_random_bytes_give_hashlibs_digest(data):
    assert sha256_hex(data) == hashlib.sha256(data).hexdigest()


def test_without_pythons_own_module_hashlib_does_it(monkeypatch):
    monkeypatch.setattr(digest, "_builtin", None)
    assert sha256_hex(b"bank") == hashlib.sha256(b"bank").hexdigest()


@given(st.binary(max_size=2000))
def test_a_fingerprint_is_hashlibs_blake2b(data):
    from elicit.core.files.digest import fingerprint

    assert fingerprint(data) == hashlib.blake2b(data, digest_size=16).hexdigest()
