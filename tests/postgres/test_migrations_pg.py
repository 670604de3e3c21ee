"""The Alembic migrations on a real PostgreSQL server: up to head, down to nothing, up again."""
from __future__ import annotations

from sqlalchemy import inspect, text

from claimtrack.store.database import open_database, upgrade


def test_migrations_reach_head_with_text_search(postgres_url):
    engine = open_database(postgres_url)
    try:
        tables = set(inspect(engine).get_table_names())
        assert {"source", "speaker", "speakeralias", "claim", "claimrelation", "revision"} <= tables
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT indexname FROM pg_indexes WHERE tablename='claim'"))
            indexes = {row[0] for row in rows}
            assert "ix_claim_text_search" in indexes
            lexemes = connection.execute(text("SELECT to_tsvector('claimtrack_text', 'not half the troops')")).scalar()
            assert "'not'" in lexemes and "'half'" in lexemes and "'troop'" in lexemes  # no stop words dropped
    finally:
        engine.dispose()


def test_downgrade_to_nothing_and_back(postgres_url):
    engine = open_database(postgres_url)
    try:
        upgrade_to = "base"
        from alembic import command

        from claimtrack.store.database import migration_config

        config = migration_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, upgrade_to)
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        upgrade(engine)
        assert "claim" in inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_the_migrations_build_exactly_the_models_schema_on_postgresql(postgres_url):
    from tests.store.test_migrations import schema_drift

    engine = open_database(postgres_url)
    try:
        assert schema_drift(engine) == []
    finally:
        engine.dispose()


def test_0005_moves_each_id_sequence_past_the_ids_revisions_name(postgres_url):
    """A removed row's id, named by the revision log, is never given to a new row (as on SQLite)."""
    engine = open_database(postgres_url, migrate_to="0004")
    try:
        with engine.begin() as connection:
            connection.execute(text("INSERT INTO source (id, content_hash, ingested_at, format, text) VALUES "
                                    "(1, 'abc', now(), 'text', 'The minister denied it.')"))
            connection.execute(text("INSERT INTO claim (source_id, text, start, \"end\", kind, stance, confidence,"
                                    " origin, status, created_at, updated_at) VALUES (1, 'denied it', 13, 22,"
                                    " 'indirect', 'denies', 1.0, 'manual', 'unreviewed', now(), now())"))
            connection.execute(text("INSERT INTO revision (table_name, row_id, field, author, created_at) VALUES "
                                    "('claim', 500, 'deleted', 'ana', now()), ('speaker', 70, 'deleted', 'ana', now()),"
                                    " ('claimrelation', 30, 'deleted', 'ana', now()),"
                                    " ('speakeralias', 40, 'deleted', 'ana', now())"))
        upgrade(engine)
        with engine.begin() as connection:
            new = connection.execute(text("INSERT INTO claim (source_id, text, start, \"end\", kind, stance,"
                                          " confidence, origin, status, created_at, updated_at) VALUES (1, 'denied',"
                                          " 13, 19, 'indirect', 'denies', 1.0, 'manual', 'unreviewed', now(), now())"
                                          " RETURNING id")).scalar_one()
            speaker = connection.execute(text("INSERT INTO speaker (name, kind, created_at) VALUES "
                                              "('The Minister', 'person', now()) RETURNING id")).scalar_one()
            alias = connection.execute(text("INSERT INTO speakeralias (speaker_id, alias) VALUES "
                                            "(:s, 'the minister') RETURNING id"), {"s": speaker}).scalar_one()
            relation = connection.execute(text("INSERT INTO claimrelation (claim_a_id, claim_b_id, kind, score,"
                                               " origin, status, created_at, updated_at) VALUES (1, :b, 'duplicates',"
                                               " 1.0, 'manual', 'confirmed', now(), now()) RETURNING id"),
                                          {"b": new}).scalar_one()
        assert (new, speaker, alias, relation) == (501, 71, 41, 31)
    finally:
        engine.dispose()
