"""Cases to sync, a platform that never answers, and waiting for the window's sync status."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from ui_test_helpers import find

from clerk_desk.desk import Desk
from clerk_desk.domain.case import Case
from local_cache.repositories import sync_repo
from ui.main_window import MainWindow


def spoil_id_number(desk: Desk, case: Case) -> str:
    """Make the queued copy of the case carry an ID number with a wrong check digit, as if it
    had been mistyped on an older desk: the platform's own validation refuses it (422).
    Returns the correct number."""
    correct = case.applicant.id_number
    wrong = correct[:-1] + ("0" if correct[-1] != "0" else "1")
    with desk.database.write() as session:
        for row in sync_repo.outbox(session):
            if row.case_uuid == case.uuid and "case" in row.payload:  # not the rating contact
                payload = row.payload
                payload["case"]["applicant"]["id_number"] = wrong
                sync_repo.set_payload(session, row.id, payload)
    return correct


@contextmanager
def silent_platform() -> Iterator[str]:
    """A loopback server that accepts connections and never replies; yields its URL."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.05)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}"
    finally:
        stop.set()
        thread.join()
        for connection in held:
            connection.close()
        server.close()


def wait_for_sync_text(qtbot: QtBot, window: MainWindow, *parts: str, timeout: int = 10_000) -> str:
    """Wait until the status bar's sync label says every one of ``parts``; return its text."""
    label = find(window, QLabel, "status.sync")
    qtbot.waitUntil(lambda: all(part in label.text() for part in parts), timeout=timeout)
    return label.text()
