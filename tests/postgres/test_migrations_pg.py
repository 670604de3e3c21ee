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
            indexes = {row[0] for row in connection.execute(text("SELECT indexname FROM pg_indexes WHERE tablename='claim'"))}
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
