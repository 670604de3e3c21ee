"""Story terms: `story_term`, one row per term of a story's profile, indexed by term.

Placing an article in a story read every story (its profile is a JSON column): ingest slowed as the
store grew (0.24 s an article in a store of 100,000 claims). With this table the stories that share
an article's terms are found through the index on `term`; `Story.terms` keeps the counts and stays
the profile's record, `story_term` its keys (kept in step by `contradictions.stories`).

Existing stores: the table is filled from every story's profile here.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""
import json

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

BATCH = 5000


def upgrade() -> None:
    op.create_table(
        "story_term",
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("term", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["story_id"], ["story.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("story_id", "term"),
    )
    op.create_index("ix_story_term_term", "story_term", ["term"], unique=False)
    bind = op.get_bind()
    story_term = sa.table("story_term", sa.column("story_id", sa.Integer()), sa.column("term", sa.String()))
    rows: list[dict] = []
    for story_id, terms in bind.execute(sa.text("SELECT id, terms FROM story ORDER BY id")):
        profile = json.loads(terms) if isinstance(terms, str) else (terms or {})
        rows.extend({"story_id": story_id, "term": term} for term in profile)
        if len(rows) >= BATCH:
            bind.execute(story_term.insert(), rows)
            rows = []
    if rows:
        bind.execute(story_term.insert(), rows)


def downgrade() -> None:
    op.drop_index("ix_story_term_term", table_name="story_term")
    op.drop_table("story_term")
