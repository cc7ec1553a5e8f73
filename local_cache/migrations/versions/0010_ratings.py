"""ratings: service contacts, 好差评 ratings, 差评 follow-up steps, the reasons lists; 工号

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 19:00:00.000000

Ratings and follow-up steps are immutable: triggers refuse any UPDATE or DELETE (and an
INSERT OR REPLACE over a stored one), so no code path of the desk (nor a stray script on its
database) can change or remove one.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_IMMUTABLE = ("ratings", "followup_steps")
# The stored row an insert would replace: a rating's uuid or contact (一次一评), a step's uuid.
_SAME = {
    "ratings": "uuid = NEW.uuid OR contact_uuid = NEW.contact_uuid",
    "followup_steps": "uuid = NEW.uuid",
}


def upgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("staff_no", sa.String(32), nullable=False, server_default=""))
    op.create_table(
        "contacts",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column("case_uuid", sa.String(36), nullable=False),
        sa.Column("case_no", sa.String(22), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("event_uuid", sa.String(36), nullable=False),
        sa.Column("staff", sa.String(64), nullable=False),
        sa.Column("staff_name", sa.String(64), nullable=False),
        sa.Column("staff_no", sa.String(32), nullable=False),
        sa.Column("window_number", sa.Integer(), nullable=False),
        sa.Column("department", sa.String(100), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("pressed_level", sa.String(8), nullable=True),
        sa.Column("pressed_at", sa.DateTime(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_contacts_case", "contacts", ["case_uuid", "seq"], unique=True)
    op.create_index("ix_contacts_opened", "contacts", ["opened_at"])
    op.create_table(
        "ratings",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column("contact_uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("case_uuid", sa.String(36), nullable=False),
        sa.Column("case_no", sa.String(22), nullable=False),
        sa.Column("contact_kind", sa.String(16), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("staff", sa.String(64), nullable=False),
        sa.Column("staff_name", sa.String(64), nullable=False),
        sa.Column("window_number", sa.Integer(), nullable=False),
        sa.Column("department", sa.String(100), nullable=False),
        sa.Column("channel", sa.String(40), nullable=False),
        sa.Column("rated_at", sa.DateTime(), nullable=False),
        sa.Column("level", sa.String(8), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("reasons_version", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("rater_name", sa.String(200), nullable=False),
        sa.Column("rater_phone", sa.String(64), nullable=False),
    )
    op.create_index("ix_ratings_rated_at", "ratings", ["rated_at"])
    op.create_index("ix_ratings_case", "ratings", ["case_uuid"])
    op.create_table(
        "followup_steps",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column("rating_uuid", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("by", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
    )
    op.create_index("ix_followup_steps_rating", "followup_steps", ["rating_uuid", "at"])
    op.create_table(
        "rating_reason_lists",
        sa.Column("version", sa.Integer(), primary_key=True),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("fetched_at", sa.DateTime(), nullable=False),
    )
    for table in _IMMUTABLE:
        for op_name in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{op_name.lower()} BEFORE {op_name} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} are immutable'); END"
            )
        # INSERT OR REPLACE deletes the old row without firing the delete trigger (SQLite
        # fires it only with recursive triggers on): refuse an insert over a stored row.
        op.execute(
            f"CREATE TRIGGER {table}_no_replace BEFORE INSERT ON {table} "
            f"WHEN EXISTS (SELECT 1 FROM {table} WHERE {_SAME[table]}) "
            f"BEGIN SELECT RAISE(ABORT, '{table} are immutable'); END"
        )


def downgrade() -> None:
    for table in _IMMUTABLE:
        for op_name in ("update", "delete", "replace"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{op_name}")
    op.drop_table("rating_reason_lists")
    op.drop_table("followup_steps")
    op.drop_table("ratings")
    op.drop_table("contacts")
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("staff_no")
