"""The platform's database: one engine per URL, and the transaction discipline of its writers.

SQLite (the default) gets WAL, ``synchronous=FULL``, a busy timeout, and writes opened with
``BEGIN IMMEDIATE`` under a process-wide lock, so twenty desks syncing at once queue up
instead of failing with "database is locked". PostgreSQL serialises its writers on the
single counter row instead (see :func:`platform_sandbox.case_store.lock_writers`). The
schema comes from Alembic migrations (:mod:`platform_sandbox.migrate`).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

BUSY_TIMEOUT_MS = 30_000
_IMMEDIATE = "platform_sandbox_immediate"
# Enough connections for every worker thread of the server (40) to hold one.
POOL_SIZE = 20
POOL_OVERFLOW = 30


class Database:
    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        if self.is_sqlite:
            self.engine = create_engine(
                url,
                connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
                pool_size=POOL_SIZE,
                max_overflow=POOL_OVERFLOW,
            )
            _configure_sqlite(self.engine)
        else:
            self.engine = create_engine(
                url, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW, pool_pre_ping=True
            )
        self._write_lock = threading.Lock() if self.is_sqlite else None

    @property
    def sqlite_path(self) -> Path | None:
        """The file of a SQLite database (``None`` for PostgreSQL or an in-memory one)."""
        if not self.is_sqlite or not self.url.database or self.url.database == ":memory:":
            return None
        return Path(self.url.database)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose transaction commits on exit; one writer at a time on SQLite."""
        with self._write_lock or nullcontext(), self.engine.connect() as connection:
            connection = connection.execution_options(**{_IMMEDIATE: True})
            with Session(bind=connection, expire_on_commit=False) as session, session.begin():
                yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(bind=self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get(_IMMEDIATE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
