"""Optimistic checks against lost edits: a version on each row people edit, and on each revision the
version it produced (so a refused writer can be shown exactly what changed since they looked).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

VERSIONED = ("claim", "claimrelation", "speaker")


# Plain ALTER TABLE, not Alembic's batch mode: on SQLite a batch rebuild of `claim` would drop the
# triggers that keep its full-text index (0002) in step.


def upgrade() -> None:
    for table in VERSIONED:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    op.add_column("revision", sa.Column("row_version", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("revision", "row_version")
    for table in VERSIONED:
        op.drop_column(table, "version")
