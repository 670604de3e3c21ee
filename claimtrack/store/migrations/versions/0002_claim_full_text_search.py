"""Full-text search over claim text (SQLite FTS5), kept in step with the claim table by triggers.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TRIGGERS = {
    "claim_fts_insert": """
        CREATE TRIGGER claim_fts_insert AFTER INSERT ON claim BEGIN
            INSERT INTO claim_fts(rowid, text) VALUES (new.id, new.text);
        END""",
    "claim_fts_delete": """
        CREATE TRIGGER claim_fts_delete AFTER DELETE ON claim BEGIN
            INSERT INTO claim_fts(claim_fts, rowid, text) VALUES ('delete', old.id, old.text);
        END""",
    "claim_fts_update": """
        CREATE TRIGGER claim_fts_update AFTER UPDATE OF text ON claim BEGIN
            INSERT INTO claim_fts(claim_fts, rowid, text) VALUES ('delete', old.id, old.text);
            INSERT INTO claim_fts(rowid, text) VALUES (new.id, new.text);
        END""",
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # other databases search with their own text search
    op.execute(
        "CREATE VIRTUAL TABLE claim_fts USING fts5("
        "text, content='claim', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')"
    )
    for sql in TRIGGERS.values():
        op.execute(sql)
    op.execute("INSERT INTO claim_fts(claim_fts) VALUES ('rebuild')")  # index the claims already stored


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS claim_fts")
