"""Add imported calendars: sources, their events and the per-day meeting numbers.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calendar_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("rules_key", sa.String(length=64), nullable=False),
        sa.Column("extra_addresses", sa.Text(), nullable=False),
        sa.Column("report", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_sources")),
    )
    with op.batch_alter_table("calendar_sources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_calendar_sources_path"), ["path"], unique=True)

    op.create_table(
        "calendar_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Text(), nullable=False),
        sa.Column("recurrence_id", sa.Text(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("start_at", sa.DateTime(), nullable=False),
        sa.Column("end_at", sa.DateTime(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("counted", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=True),
        sa.Column("all_day", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["calendar_sources.id"],
            name=op.f("fk_calendar_events_source_id_calendar_sources"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_events")),
    )
    with op.batch_alter_table("calendar_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_calendar_events_source_id"), ["source_id"])
        batch_op.create_index(batch_op.f("ix_calendar_events_start_at"), ["start_at"])
        batch_op.create_index(batch_op.f("ix_calendar_events_uid"), ["uid"])

    op.create_table(
        "calendar_days",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("meeting_minutes", sa.Integer(), nullable=False),
        sa.Column("meeting_count", sa.Integer(), nullable=False),
        sa.Column("back_to_back_count", sa.Integer(), nullable=False),
        sa.Column("longest_free_block_minutes", sa.Integer(), nullable=False),
        sa.Column("after_hours_minutes", sa.Integer(), nullable=False),
        sa.Column("double_booked_minutes", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_days")),
    )
    with op.batch_alter_table("calendar_days", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_calendar_days_day"), ["day"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("calendar_days", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_calendar_days_day"))
    op.drop_table("calendar_days")
    with op.batch_alter_table("calendar_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_calendar_events_uid"))
        batch_op.drop_index(batch_op.f("ix_calendar_events_start_at"))
        batch_op.drop_index(batch_op.f("ix_calendar_events_source_id"))
    op.drop_table("calendar_events")
    with op.batch_alter_table("calendar_sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_calendar_sources_path"))
    op.drop_table("calendar_sources")
