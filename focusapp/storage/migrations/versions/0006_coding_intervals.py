"""Add the editor time read from ActivityWatch (start and end only).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "coding_intervals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("start_at", sa.DateTime(), nullable=False),
        sa.Column("end_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["coding_sources.id"],
            name=op.f("fk_coding_intervals_source_id_coding_sources"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coding_intervals")),
    )
    with op.batch_alter_table("coding_intervals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_coding_intervals_source_id"), ["source_id"])
        batch_op.create_index(batch_op.f("ix_coding_intervals_start_at"), ["start_at"])


def downgrade() -> None:
    with op.batch_alter_table("coding_intervals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coding_intervals_start_at"))
        batch_op.drop_index(batch_op.f("ix_coding_intervals_source_id"))
    op.drop_table("coding_intervals")
