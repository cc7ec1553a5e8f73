"""The platform's schema comes only from its Alembic migrations, on SQLite and on PostgreSQL."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from platform_fixtures import BACKENDS
from postgres_server import PostgresServer
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from platform_sandbox.db import Database
from platform_sandbox.migrate import (
    alembic_config,
    current_revision,
    head_revision,
    upgrade_to_head,
)
from platform_sandbox.models import (
    Base,
    CaseBlob,
    CaseDepartment,
    CaseRow,
    ContactRecord,
    Counter,
    FollowUpStepRecord,
    RatingCounter,
    RatingRecord,
)


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


ADDED_SINCE_0001 = {
    "sign_in_throttle",  # 0002
    "case_departments",  # 0003
    "case_blobs",
    "rating_counter",  # 0004
    "contacts",
    "ratings",
    "followup_steps",
    "rating_reason_lists",
    "rating_changes",
}


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


def test_contacts_ratings_and_steps_are_never_changed(empty_database: Database) -> None:
    """Revision 0004: the database itself refuses an UPDATE or DELETE of a stored contact,
    rating or follow-up step (the platform only inserts them)."""
    upgrade_to_head(empty_database)
    one = "00000000-0000-4000-8000-000000000001"
    at = datetime(2026, 11, 2, 9, 30)
    with empty_database.write() as session:
        assert session.get(RatingCounter, 1) is not None
        session.add_all(
            [
                ContactRecord(
                    uuid=one,
                    case_uuid=one,
                    seq=1,
                    event_uuid=one,
                    staff="clerk",
                    centre_code="340100",
                    department_key="0" * 64,
                    opened_at=at,
                    document={},
                    body_hash="0" * 64,
                ),
                RatingRecord(
                    uuid=one,
                    contact_uuid=one,
                    case_uuid=one,
                    centre_code="340100",
                    department_key="0" * 64,
                    level_code=5,
                    code_order="national",
                    origin="active",
                    rated_at=at,
                    document={},
                    body_hash="0" * 64,
                ),
                FollowUpStepRecord(
                    uuid=one, rating_uuid=one, kind="verify", document={}, body_hash="0" * 64
                ),
            ]
        )
    for table in ("contacts", "ratings", "followup_steps"):
        for statement in (f"UPDATE {table} SET body_hash = 'x'", f"DELETE FROM {table}"):
            with pytest.raises(DBAPIError), empty_database.write() as session:
                session.execute(text(statement))
    with empty_database.read() as session:
        assert session.scalar(select(RatingRecord.level_code)) == 5
        assert session.scalar(select(FollowUpStepRecord.body_hash)) == "0" * 64
