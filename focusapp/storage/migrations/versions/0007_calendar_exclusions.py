"""Add the events and series the user excluded from counting in the day audit.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calendar_exclusions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Text(), nullable=False),
        sa.Column("recurrence_id", sa.Text(), nullable=False),
        sa.Column("series", sa.Boolean(), nullable=False),
        sa.Column("excluded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_exclusions")),
        sa.UniqueConstraint(
            "uid", "recurrence_id", "series", name=op.f("uq_calendar_exclusions_uid")
        ),
    )
    with op.batch_alter_table("calendar_exclusions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_calendar_exclusions_uid"), ["uid"])


def downgrade() -> None:
    with op.batch_alter_table("calendar_exclusions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_calendar_exclusions_uid"))
    op.drop_table("calendar_exclusions")
