"""Stories and word weights: the `story` table with `source.story_id`, and `term_weight`.

`story`: articles grouped by matter at ingest (its label, its profile of distinctive terms, its
dates); ids never taken again (`sqlite_autoincrement`, as 0005). `source.story_id` points at it
(SET NULL when a story goes). `term_weight`: per term, how many claims hold it (the empty term: how
many claims were counted), kept up to date by ingest and re-extraction.

Existing stores: their sources have no story and their claims are not counted yet; the next
`contradictions --rescan` (the full pass) counts the words of the whole store and puts every source
without a story into one, before it compares claims.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "story",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(), nullable=False),
        sa.Column("terms", sa.JSON(), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.Column("first_published", sa.String(), nullable=True),
        sa.Column("last_published", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "term_weight",
        sa.Column("term", sa.String(), nullable=False),
        sa.Column("claims", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("term"),
    )
    if op.get_bind().dialect.name == "sqlite":
        # A column link made in place: no rebuild of `source`, which the claims point at.
        op.execute("ALTER TABLE source ADD COLUMN story_id INTEGER REFERENCES story (id) ON DELETE SET NULL")
    else:
        op.add_column("source", sa.Column("story_id", sa.Integer(), nullable=True))
        op.create_foreign_key("source_story_id_fkey", "source", "story", ["story_id"], ["id"], ondelete="SET NULL")
    op.create_index("ix_source_story_id", "source", ["story_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_source_story_id", table_name="source")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint("source_story_id_fkey", "source", type_="foreignkey")
    op.drop_column("source", "story_id")  # SQLite (3.35+) drops a column with its own link in place
    op.drop_table("term_weight")
    op.drop_table("story")
