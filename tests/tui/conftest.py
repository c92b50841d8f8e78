"""Fixtures for the app's tests."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def toasts_that_never_age(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """In a snapshot, a toast stays until the app itself replaces or removes it.

    Textual removes a toast after its timeout in seconds of wall-clock time. 'Clock paused.' lasts 2 s; on a loaded
    machine the snapshot of the paused interview was now and then taken after it had gone (seen once in a full run),
    so what a snapshot shows depended on how busy the machine was. Which toasts show is the app's to decide, by
    replacing them (host.SessionApp._on_notify) and by the timeouts it gives; the snapshots check that, at any speed.
    """
    if "snap_compare" not in request.fixturenames:
        return
    from textual.notifications import Notification
    from textual.widgets._toast import Toast

    monkeypatch.setattr(Notification, "time_left", property(lambda notification: notification.timeout))
    monkeypatch.setattr(Toast, "_on_mount", lambda toast, event: None)  # no expiry timer
