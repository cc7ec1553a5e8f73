"""好差评: service contacts, ratings, 差评 follow-up steps, reasons lists, the ratings feed

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 18:40:00

Contacts, ratings and steps are only ever inserted: a trigger refuses any UPDATE or DELETE of
them on both backends. The ratings feed has its own counter row (``rating_counter``).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROW_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
IMMUTABLE = ("contacts", "ratings", "followup_steps")


def upgrade() -> None:
    counter = op.create_table(
        "rating_counter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.bulk_insert(counter, [{"id": 1, "value": 0}])
    op.create_table(
        "contacts",
        sa.Column("id", ROW_ID, autoincrement=True, nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("case_uuid", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("event_uuid", sa.String(length=36), nullable=False),
        sa.Column("staff", sa.String(length=64), nullable=False),
        sa.Column("centre_code", sa.String(length=6), nullable=False),
        sa.Column("department_key", sa.String(length=64), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.Column("body_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uuid"),
        sa.UniqueConstraint("event_uuid"),
        sa.UniqueConstraint("case_uuid", "seq", name="uq_contacts_case_seq"),
    )
    for column in ("case_uuid", "centre_code", "department_key", "opened_at"):
        op.create_index(f"ix_contacts_{column}", "contacts", [column])
    op.create_table(
        "ratings",
        sa.Column("id", ROW_ID, autoincrement=True, nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("contact_uuid", sa.String(length=36), nullable=False),
        sa.Column("case_uuid", sa.String(length=36), nullable=False),
        sa.Column("centre_code", sa.String(length=6), nullable=False),
        sa.Column("department_key", sa.String(length=64), nullable=False),
        sa.Column("level_code", sa.Integer(), nullable=False),
        sa.Column("code_order", sa.String(length=16), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("rated_at", sa.DateTime(), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.Column("body_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uuid"),
        sa.UniqueConstraint("contact_uuid"),
    )
    for column in ("case_uuid", "centre_code", "department_key"):
        op.create_index(f"ix_ratings_{column}", "ratings", [column])
    op.create_table(
        "followup_steps",
        sa.Column("id", ROW_ID, autoincrement=True, nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("rating_uuid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.Column("body_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uuid"),
    )
    op.create_index("ix_followup_steps_rating_uuid", "followup_steps", ["rating_uuid"])
    op.create_table(
        "rating_reason_lists",
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("version"),
    )
    op.create_table(
        "rating_changes",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("centre_code", sa.String(length=6), nullable=False),
        sa.Column("department_key", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
    )
    op.create_index("ix_rating_changes_centre_code", "rating_changes", ["centre_code"])
    op.create_index("ix_rating_changes_department_key", "rating_changes", ["department_key"])
    _immutable()


def _immutable() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION refuse_rating_change() RETURNS trigger AS $$ BEGIN "
            "RAISE EXCEPTION '% rows are never changed', TG_TABLE_NAME; END $$ LANGUAGE plpgsql"
        )
        for table in IMMUTABLE:
            op.execute(
                f"CREATE TRIGGER {table}_immutable BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION refuse_rating_change()"
            )
        return
    for table in IMMUTABLE:
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} rows are never changed'); END"
            )


def downgrade() -> None:
    for table in ("rating_changes", "rating_reason_lists", *IMMUTABLE, "rating_counter"):
        op.drop_table(table)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION refuse_rating_change()")
