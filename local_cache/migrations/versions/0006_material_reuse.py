"""material reuse: how long a catalog material's captured pages may be reused (材料复用)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28 03:25:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("catalog_materials") as batch:
        batch.add_column(sa.Column("reuse_days", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("catalog_materials") as batch:
        batch.drop_column("reuse_days")
