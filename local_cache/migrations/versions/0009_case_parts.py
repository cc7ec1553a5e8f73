"""case parts: each department's part of a routed case, for the review queues

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 15:45:00.000000

A desk upgraded with cases keeps them: the new table is filled from the stored documents
(the same rows :mod:`local_cache.repositories.case_repo` writes from then on).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from local_cache.repositories import case_repo

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 1000


def upgrade() -> None:
    op.create_table(
        "case_parts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_uuid", sa.String(length=36), nullable=False),
        sa.Column("department", sa.String(length=100), nullable=False),
        sa.Column("lead", sa.Boolean(), nullable=False),
        sa.Column("part_state", sa.String(length=24), nullable=False),
        sa.Column("case_state", sa.String(length=24), nullable=False),
        sa.Column("is_open", sa.Boolean(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("window_number", sa.Integer(), nullable=True),
        sa.Column("item_codes", sa.String(length=400), nullable=False),
        sa.Column("item_names", sa.Text(), nullable=False),
        sa.Column("case_no", sa.String(length=22), nullable=True),
        sa.Column("applicant_name", sa.String(length=200), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["case_uuid"], ["cases.uuid"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("case_parts", schema=None) as batch_op:
        batch_op.create_index("ix_case_parts_case", ["case_uuid"], unique=False)
        batch_op.create_index(
            "ix_case_parts_queue",
            [
                "department",
                "deadline",
                "part_state",
                "window_number",
                "case_state",
                "received_at",
                "case_uuid",
                "case_no",
                "applicant_name",
                "item_codes",
                "item_names",
                "is_open",
            ],
            unique=False,
            sqlite_where=sa.text("is_open = 1"),
        )
    _fill_from_documents()


def _fill_from_documents() -> None:
    """Rows for every stored case that has parts, read in batches of documents."""
    connection = op.get_bind()
    cases = sa.table("cases", sa.column("uuid", sa.String()), sa.column("data", sa.JSON()))
    parts = sa.table("case_parts", *_PART_COLUMNS)
    names = [column.name for column in _PART_COLUMNS]
    last = ""
    while True:
        documents = connection.execute(
            sa.select(cases.c.uuid, cases.c.data)
            .where(cases.c.uuid > last)
            .order_by(cases.c.uuid)
            .limit(_BATCH)
        ).all()
        if not documents:
            break
        rows = [
            {name: row[name] for name in names}
            for document in documents
            for row in case_repo.part_rows(document.data)
        ]
        if rows:
            connection.execute(sa.insert(parts), rows)
        last = documents[-1].uuid


_PART_COLUMNS = (
    sa.column("case_uuid", sa.String()),
    sa.column("department", sa.String()),
    sa.column("lead", sa.Boolean()),
    sa.column("part_state", sa.String()),
    sa.column("case_state", sa.String()),
    sa.column("is_open", sa.Boolean()),
    sa.column("deadline", sa.Date()),
    sa.column("window_number", sa.Integer()),
    sa.column("item_codes", sa.String()),
    sa.column("item_names", sa.Text()),
    sa.column("case_no", sa.String()),
    sa.column("applicant_name", sa.String()),
    sa.column("received_at", sa.DateTime()),
)


def downgrade() -> None:
    with op.batch_alter_table("case_parts", schema=None) as batch_op:
        batch_op.drop_index("ix_case_parts_queue", sqlite_where=sa.text("is_open = 1"))
        batch_op.drop_index("ix_case_parts_case")
    op.drop_table("case_parts")
