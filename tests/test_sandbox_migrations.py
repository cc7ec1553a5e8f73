"""The platform's schema comes only from its Alembic migrations, on SQLite and on PostgreSQL."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from platform_fixtures import BACKENDS
from postgres_server import PostgresServer
from sqlalchemy import select

from platform_sandbox.db import Database
from platform_sandbox.migrate import (
    alembic_config,
    current_revision,
    head_revision,
    upgrade_to_head,
)
from platform_sandbox.models import Base, CaseBlob, CaseDepartment, CaseRow, Counter


@pytest.fixture(params=BACKENDS)
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        database = Database(f"sqlite:///{tmp_path / 'platform.sqlite'}")
        yield database
        database.dispose()
        return
    postgres: PostgresServer = request.getfixturevalue("postgres_server")
    name = postgres.create_database()
    database = Database(postgres.url(name))
    yield database
    database.dispose()
    postgres.drop_database(name)


ADDED_SINCE_0001 = {"sign_in_throttle", "case_departments", "case_blobs"}  # 0002, 0003


def _differences(database: Database) -> list[object]:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))


def test_migrations_build_exactly_the_declared_schema(empty_database: Database) -> None:
    upgrade_to_head(empty_database)
    assert current_revision(empty_database) == head_revision() is not None
    assert _differences(empty_database) == []
    with empty_database.read() as session:
        assert list(session.scalars(select(Counter.value))) == [0]


def test_upgrading_twice_changes_nothing(empty_database: Database) -> None:
    upgrade_to_head(empty_database)
    upgrade_to_head(empty_database)
    assert current_revision(empty_database) == head_revision()


def test_a_database_made_before_the_migrations_is_taken_over(empty_database: Database) -> None:
    """Training halls hold platform databases that ``create_all`` built, without a version,
    with the tables of that time (none of those added by later revisions)."""
    then = [table for name, table in Base.metadata.tables.items() if name not in ADDED_SINCE_0001]
    Base.metadata.create_all(empty_database.engine, tables=then)
    with empty_database.write() as session:
        session.add(Counter(id=1, value=7))
    upgrade_to_head(empty_database)
    assert current_revision(empty_database) == head_revision()
    assert _differences(empty_database) == []
    with empty_database.read() as session:
        assert list(session.scalars(select(Counter.value))) == [7]


def test_cases_held_before_revision_0003_get_their_departments_and_files(
    empty_database: Database,
) -> None:
    command.upgrade(alembic_config(empty_database), "0002")
    document = {
        "items": [{"department": "公安局"}, {"department": "公安局"}],
        "materials": [{"files": [{"sha256": "a" * 64}]}, {"files": []}],
    }
    with empty_database.write() as session:
        session.add(
            CaseRow(
                uuid="00000000-0000-4000-8000-000000000001",
                case_no=None,
                state="received",
                rated=False,
                centre_code="340100",
                desk_id="desk",
                event_count=1,
                document=document,
                body_hash="0" * 64,
                create_reply={},
            )
        )
    upgrade_to_head(empty_database)
    with empty_database.read() as session:
        assert list(session.scalars(select(CaseDepartment.department_key))) == [
            hashlib.sha256("公安局".encode()).hexdigest()
        ]
        assert list(session.scalars(select(CaseBlob.sha256))) == ["a" * 64]
