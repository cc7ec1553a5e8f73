"""case facts and unmatched searches: what the supervisor's figures read; events by time, 差评

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 22:00:00.000000

A desk upgraded with cases keeps them: ``case_facts`` is filled from the stored documents (the
same rows :mod:`local_cache.repositories.case_facts` writes from then on). The index on the
events' time (covering what the figures read of them) lets a day's report read that day's
events only, from the index.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from local_cache.repositories import case_facts

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 1000
_POOR = "level IN ('不满意', '非常不满意') AND origin = 'active'"
_OPEN = "concluded_at IS NULL AND closed_at IS NULL AND accepted_on IS NOT NULL"
_FACT_COLUMNS = (
    sa.Column("case_uuid", sa.String(36), nullable=False),
    sa.Column("case_no", sa.String(22), nullable=False),
    sa.Column("state", sa.String(24), nullable=False),
    sa.Column("window_number", sa.Integer(), nullable=True),
    sa.Column("clerk", sa.String(64), nullable=False),
    sa.Column("department", sa.String(100), nullable=False),
    sa.Column("item_code", sa.String(40), nullable=False),
    sa.Column("item_name", sa.String(200), nullable=False),
    sa.Column("case_kind", sa.String(8), nullable=False),
    sa.Column("service_kind", sa.String(16), nullable=False),
    sa.Column("legal_limit_days", sa.Integer(), nullable=False),
    sa.Column("received_at", sa.DateTime(), nullable=True),
    sa.Column("accepted_on", sa.Date(), nullable=True),
    sa.Column("committed_deadline", sa.Date(), nullable=True),
    sa.Column("concluded_at", sa.DateTime(), nullable=True),
    sa.Column("outcome", sa.String(16), nullable=False),
    sa.Column("delivery_method", sa.String(16), nullable=False),
    sa.Column("closed_at", sa.DateTime(), nullable=True),
)


def upgrade() -> None:
    op.create_table(
        "case_facts",
        *_FACT_COLUMNS,
        sa.ForeignKeyConstraint(["case_uuid"], ["cases.uuid"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("case_uuid"),
    )
    op.create_index(
        "ix_case_facts_concluded",
        "case_facts",
        ["concluded_at", "committed_deadline", "accepted_on"],
    )
    op.create_index("ix_case_facts_closed", "case_facts", ["closed_at"])
    op.create_index(
        "ix_case_facts_open",
        "case_facts",
        [
            "committed_deadline",
            "accepted_on",
            "case_uuid",
            "case_no",
            "item_name",
            "department",
            "window_number",
        ],
        sqlite_where=sa.text(_OPEN),
    )
    op.create_table(
        "unmatched_searches",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("text", sa.String(60), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("window_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_unmatched_searches_at", "unmatched_searches", ["at"])
    op.create_index("ix_case_events_at", "case_events", ["at", "event", "by", "case_uuid"])
    op.create_index("ix_ratings_poor", "ratings", ["uuid"], sqlite_where=sa.text(_POOR))
    _fill_from_documents()


def _fill_from_documents() -> None:
    """A row for every stored case but the drafts, read in batches of documents."""
    connection = op.get_bind()
    cases = sa.table("cases", sa.column("uuid", sa.String()), sa.column("data", sa.JSON()))
    facts = sa.table("case_facts", *(sa.column(column.name) for column in _FACT_COLUMNS))
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
        rows = [row for row in (case_facts.fact_row(d.data) for d in documents) if row]
        if rows:
            connection.execute(sa.insert(facts), rows)
        last = documents[-1].uuid


def downgrade() -> None:
    op.drop_index("ix_ratings_poor", "ratings")
    op.drop_index("ix_case_events_at", "case_events")
    op.drop_index("ix_unmatched_searches_at", "unmatched_searches")
    op.drop_table("unmatched_searches")
    op.drop_table("case_facts")
