"""Opening the desk's SQLite file with the pragmas and transaction discipline the desk needs.

- WAL journal, ``synchronous=FULL`` (a committed case survives power loss), a busy timeout.
- Writes go through :meth:`Database.write`, which opens the transaction with
  ``BEGIN IMMEDIATE`` so two writers never deadlock on a lock upgrade; reads use a plain
  deferred ``BEGIN``.
- The schema is created and changed only by Alembic migrations (:mod:`local_cache.migrate`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session

BUSY_TIMEOUT_MS = 10_000
_IMMEDIATE = "clerk_desk_immediate"


def _configure(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event decide how transactions start.
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


class Database:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine = create_engine(f"sqlite:///{path}", future=True)
        _configure(self.engine)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose transaction starts with BEGIN IMMEDIATE and commits on exit."""
        with self.engine.connect() as connection:
            connection = connection.execution_options(**{_IMMEDIATE: True})
            with Session(bind=connection, expire_on_commit=False) as session, session.begin():
                yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(bind=self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    def pragma(self, name: str) -> Any:
        with self.engine.connect() as connection:
            return connection.exec_driver_sql(f"PRAGMA {name}").scalar()

    def integrity_check(self) -> list[str]:
        """``PRAGMA integrity_check``: ``[]`` when the file is sound, else the problems."""
        with self.engine.connect() as connection:
            rows = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check")]
        return [] if rows == ["ok"] else rows

    def backup_to(self, target: Path) -> None:
        """Copy a consistent snapshot; never copy the live file.

        VACUUM cannot run inside a transaction, and every SQLAlchemy connection here begins
        one, so the statement goes through the raw driver connection (autocommit).
        """
        raw = self.engine.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute("VACUUM INTO ?", (str(target),))
            cursor.close()
        finally:
            raw.close()

    def dispose(self) -> None:
        self.engine.dispose()
