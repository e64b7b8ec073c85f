"""Add the calendar and coding sources the user added, and the commits read from them.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "added_calendars",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_added_calendars")),
    )
    with op.batch_alter_table("added_calendars", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_added_calendars_path"), ["path"], unique=True)

    op.create_table(
        "coding_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("authors", sa.Text(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("scanned_at", sa.DateTime(), nullable=True),
        sa.Column("report", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coding_sources")),
    )
    with op.batch_alter_table("coding_sources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_coding_sources_path"), ["path"], unique=True)

    op.create_table(
        "coding_commits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("sha", sa.String(length=64), nullable=False),
        sa.Column("authored_at", sa.DateTime(), nullable=False),
        sa.Column("repository", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["coding_sources.id"],
            name=op.f("fk_coding_commits_source_id_coding_sources"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coding_commits")),
    )
    with op.batch_alter_table("coding_commits", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_coding_commits_source_id"), ["source_id"])
        batch_op.create_index(batch_op.f("ix_coding_commits_authored_at"), ["authored_at"])


def downgrade() -> None:
    with op.batch_alter_table("coding_commits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coding_commits_authored_at"))
        batch_op.drop_index(batch_op.f("ix_coding_commits_source_id"))
    op.drop_table("coding_commits")
    with op.batch_alter_table("coding_sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coding_sources_path"))
    op.drop_table("coding_sources")
    with op.batch_alter_table("added_calendars", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_added_calendars_path"))
    op.drop_table("added_calendars")
