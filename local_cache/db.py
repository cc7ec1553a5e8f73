"""Opening the desk's SQLite file with the pragmas and transaction discipline the desk needs.

- WAL journal, ``synchronous=FULL`` (a committed case survives power loss), a busy timeout.
- Writes go through :meth:`Database.write`, which opens the transaction with
  ``BEGIN IMMEDIATE`` so two writers never deadlock on a lock upgrade; reads use a plain
  deferred ``BEGIN``.
- The schema is created and changed only by Alembic migrations (:mod:`local_cache.migrate`).
- Every write is noticed: temporary triggers record which watched table (and which case) a
  write transaction touched, whatever wrote it (ORM objects or plain statements); after the
  commit :meth:`Database.take_touched` hands the records to whoever announces changes.
- A new file is created owner-only (0600; SQLite gives its WAL and shared-memory files the
  same mode; older files are made so when opened) and never exists empty: it is made under a
  temporary name with its header written, then renamed. An empty file where the database
  should be is therefore lost data, reported as :attr:`StorageKind.EMPTY`, never silently
  replaced by a new empty desk.
- SQLite errors caused by the machine (full disk, read-only or vanished folder, a lock held
  too long, damage) are raised as the owner's fault exception (:mod:`local_cache.faults`).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.orm import Session

from local_cache.faults import (
    FaultFactory,
    StorageFault,
    StorageKind,
    os_kind,
    raise_fault,
    sqlite_kind,
)

BUSY_TIMEOUT_MS = 10_000
_IMMEDIATE = "clerk_desk_immediate"
# The tables whose writes are announced, with the column that names the case (or None).
WATCHED: dict[str, str | None] = {
    "cases": "uuid",
    "case_events": "case_uuid",
    "case_parts": "case_uuid",
    "outbox": None,
    "sync_problems": None,
    "catalog_items": None,
    "catalog_materials": None,
    "catalog_bundles": None,
    "catalog_meta": None,
    "dishonest_parties": None,
    "accounts": None,
    "sign_in_throttle": None,
    "account_events": None,
    "contacts": None,
    "ratings": None,
    "followup_steps": None,
    "rating_reason_lists": None,
    "proxy_services": None,
}
_TRIGGERS_AT = "clerk_desk_triggers_at"


class Touched(NamedTuple):
    """One written row: its table, the operation (INSERT, UPDATE, DELETE), its case or ""."""

    table: str
    op: str
    case_uuid: str


def _watch(session: Session) -> None:
    """Install the recording triggers on this connection (again after a schema change)."""
    connection = session.connection()
    info = connection.connection.info
    version = connection.exec_driver_sql("PRAGMA schema_version").scalar()
    if info.get(_TRIGGERS_AT) == version:
        return
    connection.exec_driver_sql(
        "CREATE TEMP TABLE IF NOT EXISTS desk_touched (tbl TEXT, op TEXT, case_uuid TEXT)"
    )
    existing = {
        name
        for (name,) in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
        )
    }
    for table, column in WATCHED.items():
        if table not in existing:
            continue
        for op, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
            key = f"{row}.{column}" if column else "''"
            connection.exec_driver_sql(
                f"CREATE TEMP TRIGGER IF NOT EXISTS desk_touched_{table}_{op.lower()} "
                f"AFTER {op} ON main.{table} BEGIN "
                f"INSERT INTO desk_touched VALUES ('{table}', '{op}', {key}); END"
            )
    info[_TRIGGERS_AT] = connection.exec_driver_sql("PRAGMA schema_version").scalar()


_INODE = "clerk_desk_inode"


def _inode(path: Path) -> int | None:
    """The file's identity, ``None`` when it is gone."""
    try:
        return os.stat(path).st_ino
    except OSError:
        return None


def _configure(engine: Engine, path: Path, fault: FaultFactory) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, record: Any) -> None:
        record.info[_INODE] = _inode(path)
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
        if immediate and _inode(path) != connection.info.get(_INODE):
            # In WAL mode SQLite goes on writing into a file whose folder was deleted or
            # renamed; those writes would be lost. A fresh connection finds out what is left.
            connection.invalidate()
            raise_fault(fault, StorageKind.MISSING, path, None)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> None:
        kind = sqlite_kind(context.original_exception)
        if kind is not None:
            raise_fault(fault, kind, path, context.original_exception)


def _create_file(path: Path) -> None:
    """A new database file, owner-only, with its header written before it gets its name."""
    temp = path.with_name(path.name + ".new")
    temp.unlink(missing_ok=True)
    os.close(os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    connection = sqlite3.connect(temp)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
    finally:
        connection.close()
    os.replace(temp, path)


def _owner_only(path: Path) -> None:
    """A desk made before its files were created 0600 gets them so (-wal and -shm too).
    Best effort: a file of another user or on read-only media is left as it is."""
    for file in (path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm"))):
        with suppress(OSError):
            if file.stat().st_mode & 0o077:
                file.chmod(0o600)


class Database:
    def __init__(self, path: Path, fault: FaultFactory = StorageFault) -> None:
        """Open (creating it when missing) the database at ``path``; ``fault`` builds the
        exception raised for a :class:`StorageKind` of failure."""
        self.path = path
        self.fault = fault
        self._prepare_file()
        self.engine = create_engine(f"sqlite:///{path}", future=True)
        _configure(self.engine, path, fault)
        self._touched: set[Touched] = set()
        self._touched_lock = threading.Lock()

    def _prepare_file(self) -> None:
        try:
            if not self.path.exists():
                _create_file(self.path)
            elif self.path.stat().st_size == 0:
                raise_fault(self.fault, StorageKind.EMPTY, self.path, None)
            else:
                _owner_only(self.path)
        except (OSError, sqlite3.Error) as error:
            kind = os_kind(error) if isinstance(error, OSError) else sqlite_kind(error)
            if kind is None:
                raise
            raise_fault(self.fault, kind, self.path, error)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose transaction starts with BEGIN IMMEDIATE and commits on exit."""
        with self.engine.connect() as connection:
            connection = connection.execution_options(**{_IMMEDIATE: True})
            with Session(bind=connection, expire_on_commit=False) as session:
                try:
                    with session.begin():
                        _watch(session)
                        yield session
                        session.flush()
                        touched = {
                            Touched(*row)
                            for row in session.execute(
                                text("SELECT DISTINCT tbl, op, case_uuid FROM temp.desk_touched")
                            )
                        }
                        session.execute(text("DELETE FROM temp.desk_touched"))
                except BaseException:
                    # The rollback also undid the recording table and triggers if this
                    # transaction created them: the next write on this connection makes them.
                    connection.connection.info.pop(_TRIGGERS_AT, None)
                    raise
                if touched:
                    with self._touched_lock:
                        self._touched |= touched

    def take_touched(self) -> set[Touched]:
        """What the write transactions committed since the last call touched (each table,
        operation and case once, so a bulk import does not pile up one record per row)."""
        with self._touched_lock:
            touched, self._touched = self._touched, set()
        return touched

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
        except sqlite3.Error as error:
            kind = sqlite_kind(error)
            if kind is None:
                raise
            raise_fault(self.fault, kind, target, error)
        finally:
            raw.close()

    def dispose(self) -> None:
        self.engine.dispose()
