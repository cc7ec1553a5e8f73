"""department scoping: the departments with a share in each case, the blobs each case names

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07 15:50:00

Both tables are filled from the cases already held (their documents' items and files).
"""

import hashlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROW_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    departments = op.create_table(
        "case_departments",
        sa.Column("case_id", ROW_ID, nullable=False),
        sa.Column("department_key", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"]),
        sa.PrimaryKeyConstraint("case_id", "department_key"),
    )
    op.create_index("ix_case_departments_department_key", "case_departments", ["department_key"])
    blobs = op.create_table(
        "case_blobs",
        sa.Column("case_id", ROW_ID, nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"]),
        sa.PrimaryKeyConstraint("case_id", "sha256"),
    )
    op.create_index("ix_case_blobs_sha256", "case_blobs", ["sha256"])
    cases = sa.table("cases", sa.column("id", ROW_ID), sa.column("document", sa.JSON()))
    connection = op.get_bind()
    for case_id, document in connection.execute(sa.select(cases.c.id, cases.c.document)).all():
        names = {str(item["department"]) for item in document["items"]}
        names |= {str(part["department"]) for part in document.get("parts") or ()}
        keys = {hashlib.sha256(name.encode("utf-8")).hexdigest() for name in names}
        hashes = {
            str(file["sha256"])
            for material in document.get("materials") or ()
            for file in material.get("files") or ()
        }
        hashes |= {str(file["sha256"]) for file in document.get("transfer_sheets") or ()}
        if keys:
            op.bulk_insert(departments, [{"case_id": case_id, "department_key": k} for k in keys])
        if hashes:
            op.bulk_insert(blobs, [{"case_id": case_id, "sha256": h} for h in hashes])


def downgrade() -> None:
    op.drop_table("case_blobs")
    op.drop_table("case_departments")
