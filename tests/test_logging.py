"""logs/ under the data folder: rotated, and holding the error chains the clerk sees as one
short sentence (a storage fault, a platform that cannot be reached)."""

from __future__ import annotations

import logging
import logging.handlers
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from storage_helpers import pragmas_on_new_connections

from clerk_desk import logging_setup
from clerk_desk.desk import Desk
from clerk_desk.storage_errors import StorageError
from clerk_desk.sync.client import PlatformClient
from clerk_desk.sync.connection import Connection
from clerk_desk.sync.errors import TransportFailure


@pytest.fixture
def log_file(demo_desk: Desk) -> Iterator[Path]:
    path = logging_setup.configure(demo_desk.data_dir.logs)
    yield path
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(logging.WARNING)


def test_the_log_is_rotated(log_file: Path) -> None:
    line = "x" * 1000
    for _ in range(2 * logging_setup.MAX_BYTES // len(line) + 10):
        logging.getLogger("test").warning(line)
    names = sorted(path.name for path in log_file.parent.iterdir())
    assert names == ["clerk-desk.log", "clerk-desk.log.1", "clerk-desk.log.2"]
    assert all(path.stat().st_size <= logging_setup.MAX_BYTES for path in log_file.parent.iterdir())


def test_a_storage_fault_leaves_its_chain_in_the_log(demo_desk: Desk, log_file: Path) -> None:
    case = demo_desk.intake.create_draft(["000142130101"], "clerk")
    case.materials[0].note = "很长的备注" * 50_000
    pages = demo_desk.database.pragma("page_count")
    with (
        pragmas_on_new_connections(demo_desk.database, max_page_count=pages),
        pytest.raises(StorageError),
    ):
        demo_desk.intake.save_draft(case)
    log = log_file.read_text(encoding="utf-8")
    database = demo_desk.data_dir.database
    assert f"WARNING local_cache.faults [MainThread] storage fault (full) at {database}" in log
    assert "sqlite3.OperationalError: database or disk is full" in log


def test_an_unreachable_platform_leaves_its_chain_in_the_log(log_file: Path) -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    client = PlatformClient(Connection(f"http://127.0.0.1:{port}", True, 2.0))
    try:
        with pytest.raises(TransportFailure) as failed:
            client.token("desk", "clerk", "secret")
    finally:
        client.close()
    assert failed.value.message.render("en").endswith("cannot be reached (connection refused)")
    log = log_file.read_text(encoding="utf-8")
    assert f"POST http://127.0.0.1:{port}/api/v1/auth/token failed" in log
    assert "ConnectionRefusedError" in log
