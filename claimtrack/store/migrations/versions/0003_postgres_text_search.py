"""Full-text search over claim text on PostgreSQL, to match what 0002 gives SQLite.

A text search configuration `claimtrack_text` that does what the SQLite index does (FTS5 with the
porter tokenizer and diacritics removed): English stemming that keeps every word (no stop words,
so "not", "no" and "half" are searchable, as in SQLite) and, where the `unaccent` extension can be
created, accents folded ("Vučić" finds "Vucic"). A GIN index over the claims' text in that
configuration serves `claims --search` and the contradiction search.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""
from alembic import op
from sqlalchemy import text

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

CONFIGURATION = "claimtrack_text"


def _unaccent_available() -> bool:
    """Create the `unaccent` extension if this server and role allow it (a savepoint keeps a refusal harmless)."""
    connection = op.get_bind()
    savepoint = connection.begin_nested()
    try:
        connection.execute(text("CREATE EXTENSION IF NOT EXISTS unaccent"))
    except Exception:
        savepoint.rollback()
        return False
    savepoint.commit()
    return True


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE TEXT SEARCH DICTIONARY claimtrack_stem (TEMPLATE = snowball, LANGUAGE = english)")
    op.execute(f"CREATE TEXT SEARCH CONFIGURATION {CONFIGURATION} (COPY = simple)")
    dictionaries = "unaccent, claimtrack_stem" if _unaccent_available() else "claimtrack_stem"
    op.execute(f"ALTER TEXT SEARCH CONFIGURATION {CONFIGURATION} "
               f"ALTER MAPPING FOR asciiword, word, hword, hword_part, hword_asciipart, asciihword, numword, numhword "
               f"WITH {dictionaries}")
    op.execute(f"ALTER TABLE claim ADD COLUMN search_vector tsvector "
               f"GENERATED ALWAYS AS (to_tsvector('{CONFIGURATION}', text)) STORED")
    # fastupdate off: with it, new claims wait in a pending list that every search reads through until
    # a vacuum merges it, which made the searches at ingest (right after inserts) 5x slower.
    op.execute("CREATE INDEX ix_claim_text_search ON claim USING gin (search_vector) WITH (fastupdate = off)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_claim_text_search")
    op.execute("ALTER TABLE claim DROP COLUMN IF EXISTS search_vector")
    op.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIGURATION}")
    op.execute("DROP TEXT SEARCH DICTIONARY IF EXISTS claimtrack_stem")
