"""Fixtures of the fault-injection suite."""

from __future__ import annotations

import pytest

from tests.support.faults import private_namespaces_work

_NAMESPACES: list[bool] = []


def namespaces() -> bool:
    """Whether a private tmpfs can be mounted here (checked once)."""
    if not _NAMESPACES:
        _NAMESPACES.append(private_namespaces_work())
    return _NAMESPACES[0]


@pytest.fixture(params=["tmpfs", "injected"])
def full_disk(request: pytest.FixtureRequest) -> str:
    """How a full disk is made: a really full small tmpfs (root, private mount namespace) or an injected ENOSPC."""
    if request.param == "tmpfs" and not namespaces():
        pytest.skip("no private mount namespace here (needs root and unshare); the injected ENOSPC runs instead")
    return request.param


@pytest.fixture
def private_mounts() -> None:
    """Skip unless a private mount namespace with a tmpfs is possible (root)."""
    if not namespaces():
        pytest.skip("needs root and unshare -m for a private tmpfs")
