"""A database made by the first release upgrades to the newest schema with its data intact."""
from __future__ import annotations

import sqlite3

from sqlmodel import Session

from claimtrack.queries import ClaimFilter, list_claims
from claimtrack.store.database import open_database


def test_first_revision_database_with_data_upgrades_to_head_intact(tmp_path):
    path = tmp_path / "old.db"
    open_database(str(path), migrate_to="0001").dispose()
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert db.execute("SELECT count(*) FROM sqlite_master WHERE name='claim_fts'").fetchone() == (0,)
        db.execute("INSERT INTO source (id, content_hash, location, title, ingested_at, format, text) VALUES "
                   "(1, 'abc', 'a.txt', 'Old article', '2026-01-01 00:00:00', 'text', "
                   "'\"Troops are massing at the border,\" the general said.')")
        db.execute("INSERT INTO speaker (id, name, kind, created_at) VALUES (1, 'The General', 'person', '2026-01-01')")
        db.execute("INSERT INTO speakeralias (id, speaker_id, alias) VALUES (1, 1, 'the general')")
        db.execute("INSERT INTO claim (id, source_id, speaker_id, text, start, end, kind, stance, confidence, origin,"
                   " status, verdict, created_at, updated_at) VALUES (1, 1, 1, 'Troops are massing at the border,',"
                   " 1, 34, 'direct', 'warns', 0.9, 'auto', 'confirmed', 'False', '2026-01-01', '2026-01-01')")
        db.execute("INSERT INTO revision (id, table_name, row_id, field, old_value, new_value, author, created_at)"
                   " VALUES (1, 'claim', 1, 'verdict', NULL, 'False', 'ana', '2026-01-02')")

    engine = open_database(str(path))  # upgrades to head on open
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == ("0004",)
        assert db.execute("SELECT text, verdict, status FROM claim WHERE id=1").fetchone() == (
            "Troops are massing at the border,", "False", "confirmed")
        assert db.execute("SELECT author, new_value FROM revision WHERE id=1").fetchone() == ("ana", "False")
        assert db.execute("SELECT alias FROM speakeralias").fetchall() == [("the general",)]
    with Session(engine) as session:  # the new full-text index covers the claims stored before it existed
        found = list_claims(session, ClaimFilter(search="troops border"))
        assert [row.claim.id for row in found] == [1]
        assert list_claims(session, ClaimFilter(search="navy")) == []


def test_a_store_from_before_versions_upgrades_with_every_row_at_version_1(tmp_path):
    path = tmp_path / "0003.db"
    open_database(str(path), migrate_to="0003").dispose()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO source (id, content_hash, ingested_at, format, text) VALUES "
                   "(1, 'abc', '2026-01-01', 'text', 'Tanks massed at the border, the general said.')")
        db.execute("INSERT INTO claim (id, source_id, text, start, end, kind, stance, confidence, origin, status,"
                   " created_at, updated_at) VALUES (1, 1, 'Tanks massed at the border', 0, 26, 'indirect',"
                   " 'asserts', 0.9, 'auto', 'unreviewed', '2026-01-01', '2026-01-01')")
    engine = open_database(str(path))
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT version FROM claim WHERE id=1").fetchone() == (1,)
        assert db.execute("SELECT count(*) FROM sqlite_master WHERE type='trigger' AND name LIKE 'claim_fts%'"
                          ).fetchone() == (3,)  # the full-text triggers survive the new column
    with Session(engine) as session:
        assert [row.claim.id for row in list_claims(session, ClaimFilter(search="tanks"))] == [1]
    engine.dispose()


def test_versions_can_be_taken_out_and_put_back(tmp_path):
    from alembic import command

    from claimtrack.store.database import migration_config, upgrade

    path = tmp_path / "down.db"
    engine = open_database(str(path))
    config = migration_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    with sqlite3.connect(path) as db:
        assert "version" not in {row[1] for row in db.execute("PRAGMA table_info(claim)")}
    upgrade(engine)
    with sqlite3.connect(path) as db:
        assert "version" in {row[1] for row in db.execute("PRAGMA table_info(claim)")}
        assert db.execute("SELECT count(*) FROM sqlite_master WHERE type='trigger' AND name LIKE 'claim_fts%'"
                          ).fetchone() == (3,)
    engine.dispose()


def schema_drift(engine) -> list:
    """What Alembic's autogenerate would change to make the database match the models (nothing, we hope)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlmodel import SQLModel

    from claimtrack.store.database import include_object

    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": include_object,
                                                               "compare_type": False})
        return compare_metadata(context, SQLModel.metadata)


def test_the_migrations_build_exactly_the_models_schema(tmp_path):
    engine = open_database(str(tmp_path / "drift.db"))
    assert schema_drift(engine) == []
    engine.dispose()
