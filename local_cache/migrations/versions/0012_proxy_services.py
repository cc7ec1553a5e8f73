"""代办 records

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-08 01:00:00.000000

``due_on`` is the date of the record's next step (the promised date, a paused record's resume
date, the call-back date once it ended), so the open list is one index range ordered by it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "proxy_services",
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("number", sa.String(40), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("finished", sa.Boolean(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("applicant_number", sa.String(40), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("uuid"),
    )
    op.create_index("ix_proxy_services_number", "proxy_services", ["number"], unique=True)
    op.create_index("ix_proxy_services_finished_due", "proxy_services", ["finished", "due_on"])


def downgrade() -> None:
    op.drop_index("ix_proxy_services_finished_due", "proxy_services")
    op.drop_index("ix_proxy_services_number", "proxy_services")
    op.drop_table("proxy_services")
