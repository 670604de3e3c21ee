"""Speaker look-ups by name without reading every speaker: indexes on lower(speaker.name) and
lower(speakeralias.alias).

Ingest matches every speaker it meets by name and alias, case-insensitively (`speaker_registry`):
without these indexes each look-up reads the whole table, and ingest slows as the store grows.
Expression indexes (SQLite 3.9+, PostgreSQL) are not in the models (SQLModel fields cannot say
them): `database.HAND_MADE` keeps autogenerate from offering to drop them.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX IF NOT EXISTS ix_speaker_name_lower ON speaker (lower(name))")
    op.execute("CREATE INDEX IF NOT EXISTS ix_speakeralias_alias_lower ON speakeralias (lower(alias))")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_speakeralias_alias_lower")
    op.execute("DROP INDEX IF EXISTS ix_speaker_name_lower")
