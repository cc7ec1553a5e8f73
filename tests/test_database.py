"""The SQLite file: schema only through Alembic, the pragmas, BEGIN IMMEDIATE, integrity, backup."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select

from clerk_desk.desk import Desk
from clerk_desk.services.accounts import SignInError
from local_cache.db import BUSY_TIMEOUT_MS, Database
from local_cache.migrate import current_revision, head_revision, upgrade_to_head
from local_cache.schema import Account, Base


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = Database(tmp_path / "desk.sqlite3")
    upgrade_to_head(db)
    yield db
    db.dispose()


def test_migrations_build_exactly_the_declared_schema(database: Database) -> None:
    assert current_revision(database) == head_revision() is not None
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_upgrading_twice_changes_nothing(database: Database) -> None:
    upgrade_to_head(database)
    assert current_revision(database) == head_revision()


def test_connections_use_the_durable_pragmas(database: Database) -> None:
    assert database.pragma("journal_mode") == "wal"
    assert database.pragma("synchronous") == 2  # FULL
    assert database.pragma("busy_timeout") == BUSY_TIMEOUT_MS
    assert database.pragma("foreign_keys") == 1


def _other_writer(path: Path) -> sqlite3.Connection:
    """A second connection that gives up at once instead of waiting for the lock."""
    return sqlite3.connect(path, timeout=0, isolation_level=None)


def test_a_write_session_holds_the_write_lock_from_its_first_statement(
    database: Database,
) -> None:
    """With a deferred BEGIN a SELECT takes no write lock and another writer slips in
    between read and write; BEGIN IMMEDIATE takes the lock up front."""
    other = _other_writer(database.path)
    try:
        with database.write() as session:
            session.execute(select(Account.id)).all()
            with pytest.raises(sqlite3.OperationalError) as refused:
                other.execute("BEGIN IMMEDIATE")
            assert refused.value.sqlite_errorname == "SQLITE_BUSY"
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_a_read_session_does_not_block_writers(database: Database) -> None:
    other = _other_writer(database.path)
    try:
        with database.read() as session:
            session.execute(select(Account.id)).all()
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
    finally:
        other.close()


def test_a_failed_write_leaves_nothing_behind(database: Database) -> None:
    with pytest.raises(RuntimeError), database.write() as session:
        session.execute(select(Account.id)).all()
        raise RuntimeError("boom")
    other = _other_writer(database.path)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_integrity_holds_after_real_use(demo_desk: Desk) -> None:
    demo_desk.accounts.sign_in("clerk", "demo-clerk")
    with pytest.raises(SignInError):
        demo_desk.accounts.sign_in("clerk", "wrong-password")
    items = demo_desk.catalog.items()
    demo_desk.catalog.replace(items[: len(items) // 2], version="half", source="test")
    demo_desk.catalog.replace(items, version="full", source="test")
    demo_desk.catalog.record_use(items[0].basic_code)

    assert demo_desk.catalog.count() == len(items)
    assert demo_desk.catalog.meta()["version"] == "full"
    assert demo_desk.database.integrity_check() == []
    assert demo_desk.database.pragma("foreign_key_check") is None


def test_backup_is_a_consistent_readable_copy(demo_desk: Desk, tmp_path: Path) -> None:
    target = tmp_path / "backup" / "desk-backup.sqlite3"
    target.parent.mkdir()
    demo_desk.database.backup_to(target)

    copy = sqlite3.connect(target)
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        usernames = {row[0] for row in copy.execute("SELECT username FROM accounts")}
        items = copy.execute("SELECT count(*) FROM catalog_items").fetchone()[0]
    finally:
        copy.close()
    assert usernames == {clerk.username for clerk in demo_desk.accounts.accounts()}
    assert items == demo_desk.catalog.count() > 0
    assert sorted(p.name for p in target.parent.iterdir()) == ["desk-backup.sqlite3"]
