"""Ids never taken again: a removed row's id, which the revision log still names, goes to no new row.

Without AUTOINCREMENT SQLite gives a new row the largest id + 1, so removing the newest claim (an
undone manual claim), relation or speaker (merged away) let the next new row take its id, and with it
the removed row's revisions: its history, its "human work" for `reextract`, its acts in exports.

SQLite: the tables whose rows can be removed and that revisions name (speaker, speakeralias, claim,
claimrelation; sources are never removed, revisions never) are rebuilt with `INTEGER PRIMARY KEY
AUTOINCREMENT`, every row with its id, every column, link, index and unique constraint as before; and
each table's counter in `sqlite_sequence` is set past both its largest id and the largest id any
revision names for it (a row removed before this migration). The rebuild keeps foreign keys on:
renaming a table moves the links that point at it onto the renamed (old) table, so the old tables are
dropped only once nothing but themselves points at them, and dropping them removes no linked row.
The full-text triggers of 0002 are dropped first and made again on the new `claim` (the index itself
is keyed by claim id, which does not change, so it is kept as it is).

PostgreSQL's sequences never hand out an id twice; they are only moved past the ids revisions name.

All of it runs in the one transaction `claimtrack.store.database.upgrade` holds: a migration stopped
midway (killed, power cut) leaves the store exactly as it was, and the next open runs it again.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# In an order where each table's links point at tables already rebuilt (or not rebuilt at all).
REBUILT = ("speaker", "claim", "claimrelation", "speakeralias")
OLD = "{}_before_0005"

# The full-text triggers as 0002 made them (copied, not imported: a migration must not change later).
FTS_TRIGGERS = {
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


def _version() -> sa.Column:
    return sa.Column("version", sa.Integer(), nullable=False, server_default="1")


def _columns(table: str) -> list:
    """The table's columns, constraints and indexes as 0001 and 0004 left them."""
    if table == "speaker":
        return [sa.Column("id", sa.Integer(), nullable=False),
                sa.Column("name", sa.String(), nullable=False),
                sa.Column("kind", sa.String(), nullable=False),
                sa.Column("role", sa.String(), nullable=True),
                sa.Column("affiliation", sa.String(), nullable=True),
                sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
                _version(),
                sa.PrimaryKeyConstraint("id")]
    if table == "speakeralias":
        return [sa.Column("id", sa.Integer(), nullable=False),
                sa.Column("speaker_id", sa.Integer(), nullable=False),
                sa.Column("alias", sa.String(), nullable=False),
                sa.ForeignKeyConstraint(["speaker_id"], ["speaker.id"], ondelete="CASCADE"),
                sa.PrimaryKeyConstraint("id"),
                sa.UniqueConstraint("speaker_id", "alias")]
    if table == "claim":
        return [sa.Column("id", sa.Integer(), nullable=False),
                sa.Column("source_id", sa.Integer(), nullable=False),
                sa.Column("speaker_id", sa.Integer(), nullable=True),
                sa.Column("speaker_start", sa.Integer(), nullable=True),
                sa.Column("speaker_end", sa.Integer(), nullable=True),
                sa.Column("text", sa.String(), nullable=False),
                sa.Column("start", sa.Integer(), nullable=False),
                sa.Column("end", sa.Integer(), nullable=False),
                sa.Column("spans", sa.JSON(), nullable=True),
                sa.Column("kind", sa.String(), nullable=False),
                sa.Column("cue", sa.String(), nullable=True),
                sa.Column("cue_start", sa.Integer(), nullable=True),
                sa.Column("cue_end", sa.Integer(), nullable=True),
                sa.Column("stance", sa.String(), nullable=False),
                sa.Column("confidence", sa.Float(), nullable=False),
                sa.Column("rule", sa.String(), nullable=True),
                sa.Column("origin", sa.String(), nullable=False),
                sa.Column("status", sa.String(), nullable=False),
                sa.Column("verdict", sa.String(), nullable=True),
                sa.Column("explanation", sa.String(), nullable=True),
                sa.Column("parent_id", sa.Integer(), nullable=True),
                sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
                sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
                _version(),
                sa.ForeignKeyConstraint(["parent_id"], ["claim.id"], ondelete="SET NULL"),
                sa.ForeignKeyConstraint(["source_id"], ["source.id"], ondelete="CASCADE"),
                sa.ForeignKeyConstraint(["speaker_id"], ["speaker.id"], ondelete="SET NULL"),
                sa.PrimaryKeyConstraint("id")]
    return [sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("claim_a_id", sa.Integer(), nullable=False),
            sa.Column("claim_b_id", sa.Integer(), nullable=False),
            sa.Column("kind", sa.String(), nullable=False),
            sa.Column("score", sa.Float(), nullable=False),
            sa.Column("reason", sa.String(), nullable=True),
            sa.Column("origin", sa.String(), nullable=False),
            sa.Column("status", sa.String(), nullable=False),
            sa.Column("note", sa.String(), nullable=True),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
            _version(),
            sa.ForeignKeyConstraint(["claim_a_id"], ["claim.id"], ondelete="CASCADE"),
            sa.ForeignKeyConstraint(["claim_b_id"], ["claim.id"], ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("claim_a_id", "claim_b_id", "kind")]


INDEXES = {  # name: (table, columns), as 0001 named them
    "ix_speaker_name": ("speaker", ["name"], True),
    "ix_speakeralias_alias": ("speakeralias", ["alias"], False),
    "ix_speakeralias_speaker_id": ("speakeralias", ["speaker_id"], False),
    "ix_claim_origin": ("claim", ["origin"], False),
    "ix_claim_parent_id": ("claim", ["parent_id"], False),
    "ix_claim_source_id": ("claim", ["source_id"], False),
    "ix_claim_source_start": ("claim", ["source_id", "start"], False),
    "ix_claim_speaker_id": ("claim", ["speaker_id"], False),
    "ix_claim_stance": ("claim", ["stance"], False),
    "ix_claim_status": ("claim", ["status"], False),
    "ix_claimrelation_claim_a_id": ("claimrelation", ["claim_a_id"], False),
    "ix_claimrelation_claim_b_id": ("claimrelation", ["claim_b_id"], False),
    "ix_claimrelation_status": ("claimrelation", ["status"], False),
}


def _rebuild(autoincrement: bool) -> None:
    """Every table of REBUILT made again, with AUTOINCREMENT or without, its rows and ids kept."""
    for name in FTS_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in REBUILT:
        # The links pointing at `table` now point at the renamed old table, which keeps them valid
        # until the tables holding them are rebuilt in their turn (REBUILT's order).
        op.rename_table(table, OLD.format(table))
        columns = _columns(table)
        op.create_table(table, *columns, sqlite_autoincrement=autoincrement)
        names = ", ".join(f'"{c.name}"' for c in columns if isinstance(c, sa.Column))
        op.execute(f'INSERT INTO "{table}" ({names}) SELECT {names} FROM "{OLD.format(table)}"')
    # The old tables, once nothing but themselves points at them. Their indexes first (the names are
    # the new tables'): dropping a table a link points at deletes its rows one by one, so only the
    # index that link needs is kept (a claim's parent), and no other index is updated row by row.
    for name, (table, _, _) in INDEXES.items():
        if name != "ix_claim_parent_id":
            op.drop_index(name, table_name=OLD.format(table))
    for table in reversed(REBUILT):
        op.drop_table(OLD.format(table))  # every link but an old table's own now points at the new tables
    for name, (table, columns, unique) in INDEXES.items():
        op.create_index(name, table, columns, unique=unique)
    for sql in FTS_TRIGGERS.values():
        op.execute(sql)


def _seed_sqlite_sequence() -> None:
    """Each counter past the largest id and past every id the revision log names for that table."""
    for table in REBUILT:
        op.execute(f"INSERT INTO sqlite_sequence (name, seq) SELECT '{table}', 0 "
                   f"WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '{table}')")
        op.execute(f"UPDATE sqlite_sequence SET seq = MAX(seq, "
                   f"COALESCE((SELECT MAX(id) FROM \"{table}\"), 0), "
                   f"COALESCE((SELECT MAX(row_id) FROM revision WHERE table_name = '{table}'), 0)) "
                   f"WHERE name = '{table}'")


def _move_postgres_sequences() -> None:
    """Each sequence past the ids the revision log names (never backwards)."""
    bind = op.get_bind()
    for table in REBUILT:
        sequence = bind.execute(sa.text("SELECT pg_get_serial_sequence(:table, 'id')"), {"table": table}).scalar()
        if sequence is None:
            continue
        issued = bind.execute(sa.text(f"SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END "
                                      f"FROM {sequence}")).scalar()
        named = bind.execute(sa.text(f"SELECT GREATEST(COALESCE((SELECT MAX(id) FROM \"{table}\"), 0), "
                                     f"COALESCE((SELECT MAX(row_id) FROM revision WHERE table_name = :table), 0))"),
                             {"table": table}).scalar()
        if named > issued:
            bind.execute(sa.text("SELECT setval(:sequence, :named, true)"), {"sequence": sequence, "named": named})


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _rebuild(autoincrement=True)
        _seed_sqlite_sequence()
    elif dialect == "postgresql":
        _move_postgres_sequences()


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # the sequences may stay where they are
    _rebuild(autoincrement=False)
    for table in REBUILT:
        op.execute(f"DELETE FROM sqlite_sequence WHERE name = '{table}'")
