"""catalog bundles: the 一件事 bundles of the service catalog

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 01:30:42.146321
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "catalog_bundles",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("item_codes", sa.JSON(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("name_pinyin", sa.String(length=800), nullable=False),
        sa.Column("name_initials", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )


def downgrade() -> None:
    op.drop_table("catalog_bundles")
