"""Add the kept "what if" plan and the weekly reflections.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plan_choices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.String(length=16), nullable=False),
        sa.Column("choice", sa.String(length=16), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_choices")),
    )
    with op.batch_alter_table("plan_choices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_choices_series_id"), ["series_id"], unique=True)

    op.create_table(
        "week_reflections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("week_start", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_week_reflections")),
    )
    with op.batch_alter_table("week_reflections", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_week_reflections_week_start"), ["week_start"], unique=True
        )


def downgrade() -> None:
    with op.batch_alter_table("week_reflections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_week_reflections_week_start"))
    op.drop_table("week_reflections")
    with op.batch_alter_table("plan_choices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_choices_series_id"))
    op.drop_table("plan_choices")
