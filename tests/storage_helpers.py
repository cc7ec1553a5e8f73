"""Real SQLite failures for the storage tests, made through the desk's own connections."""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from local_cache.db import Database


@contextmanager
def pragmas_on_new_connections(database: Database, **pragmas: int) -> Iterator[None]:
    """Every connection the desk opens meanwhile also runs ``PRAGMA name = value``."""

    def on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        for name, value in pragmas.items():
            dbapi_connection.execute(f"PRAGMA {name} = {value}")

    event.listen(database.engine, "connect", on_connect)
    database.engine.dispose()
    try:
        yield
    finally:
        event.remove(database.engine, "connect", on_connect)
        database.engine.dispose()


@contextmanager
def held_by_another_program(database: Database) -> Iterator[None]:
    """Another program holds the write lock; the desk gives up waiting after 50 ms."""
    path: Path = database.path
    with (
        closing(sqlite3.connect(path, isolation_level=None)) as other,
        pragmas_on_new_connections(database, busy_timeout=50),
    ):
        other.execute("BEGIN EXCLUSIVE")
        try:
            yield
        finally:
            other.execute("ROLLBACK")


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """``folder`` on a read-only bind mount (root ignores file modes, not a read-only mount)."""
    try:
        subprocess.run(["mount", "--bind", folder, folder], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as error:
        pytest.skip(f"cannot bind-mount here: {error}")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", folder], check=True, capture_output=True)
        yield
    finally:
        # Lazily: the desk may still hold files open on the mount.
        subprocess.run(["umount", "--lazy", folder], check=True, capture_output=True)
