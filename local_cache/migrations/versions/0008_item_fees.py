"""item fees: the amount (yuan) a catalog item charges, for the 缴款通知书 and the output gate

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 16:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("catalog_items") as batch:
        batch.add_column(
            sa.Column("fee_yuan", sa.String(16), nullable=False, server_default="0.00")
        )


def downgrade() -> None:
    with op.batch_alter_table("catalog_items") as batch:
        batch.drop_column("fee_yuan")
