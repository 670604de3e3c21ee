"""A database made by the first release upgrades to the newest schema with its data intact."""
from __future__ import annotations

import sqlite3

import pytest
from sqlmodel import Session

from claimtrack.queries.claims import ClaimFilter, list_claims
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
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == ("0008",)
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


def _is_story_link(change) -> bool:
    return (change[0] in ("remove_fk", "add_fk") and change[1].table.name == "source"
            and [c.name for c in change[1].columns] == ["story_id"])


def test_the_migrations_build_exactly_the_models_schema(tmp_path):
    path = tmp_path / "drift.db"
    engine = open_database(str(path))
    # 0006 adds `source.story_id` in place (no rebuild of the table the claims point at), a column-level
    # link whose ON DELETE SQLAlchemy's SQLite reflection does not read: SQLite's own word is checked.
    drift = schema_drift(engine)
    assert [change for change in drift if not _is_story_link(change)] == []
    engine.dispose()
    with sqlite3.connect(path) as db:
        links = db.execute("PRAGMA foreign_key_list(source)").fetchall()
    assert [(table, column, target, on_delete) for _, _, table, column, target, _, on_delete, _ in links] == [
        ("story", "story_id", "id", "SET NULL")]


# ----------------------------------------------------------------------------- 0005: ids never taken again

REBUILT = ("speaker", "speakeralias", "claim", "claimrelation")


def _store_at_0004_with_removed_rows(path) -> None:
    """A store as 0004 left it, where people removed rows: the largest claim (9), a relation, a speaker."""
    open_database(str(path), migrate_to="0004").dispose()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("INSERT INTO source (id, content_hash, ingested_at, format, text) VALUES (1, 'abc', "
                   "'2026-01-01', 'text', 'Troops massed at the border, the general said. The minister denied it.')")
        db.executemany("INSERT INTO speaker (id, name, kind, created_at, version) "
                       "VALUES (?, ?, 'person', '2026-01-01', 1)",
                       [(1, "The General"), (2, "The Minister"), (3, "Merged Away")])
        db.executemany("INSERT INTO speakeralias (id, speaker_id, alias) VALUES (?, ?, ?)",
                       [(1, 1, "the general"), (2, 2, "the minister"), (3, 3, "merged")])
        claim = ("INSERT INTO claim (id, source_id, speaker_id, text, start, end, kind, stance, confidence, origin,"
                 " status, parent_id, created_at, updated_at, version) VALUES (?, 1, ?, ?, ?, ?, 'indirect', ?, 0.9,"
                 " ?, 'unreviewed', ?, '2026-01-01', '2026-01-01', 1)")
        db.executemany(claim, [(1, 1, "Troops massed at the border", 0, 27, "asserts", "auto", None),
                               (2, 1, "massed at the border", 7, 27, "asserts", "auto", 1),
                               (3, 2, "The minister denied it", 47, 69, "denies", "manual", None),
                               (9, 2, "denied it", 60, 69, "denies", "manual", None)])
        relation = ("INSERT INTO claimrelation (id, claim_a_id, claim_b_id, kind, score, origin, status, created_at,"
                    " updated_at, version) VALUES (?, ?, ?, ?, 1.0, 'manual', 'confirmed', '2026-01-01',"
                    " '2026-01-01', 1)")
        db.executemany(relation, [(1, 1, 3, "contradicts"), (2, 1, 9, "contradicts")])
        revision = ("INSERT INTO revision (table_name, row_id, field, old_value, new_value, author, created_at)"
                    " VALUES (?, ?, ?, ?, ?, 'ana', '2026-01-02')")
        db.executemany(revision, [("claim", 9, "created", None, "denied it"), ("claim", 9, "verdict", None, "False"),
                                  ("claimrelation", 2, "created", None, "1 contradicts 9"),
                                  ("claimrelation", 2, "deleted", "{}", None), ("claim", 9, "deleted", "{}", None),
                                  ("speakeralias", 3, "deleted", "{}", None), ("speaker", 3, "deleted", "{}", None),
                                  ("claim", 3, "created", None, "The minister denied it")])
        db.execute("DELETE FROM claim WHERE id = 9")  # the relation 2 goes with it
        db.execute("DELETE FROM speaker WHERE id = 3")  # its alias goes with it


def _schema_and_rows(path) -> dict:
    with sqlite3.connect(path) as db:
        found = {"objects": sorted(db.execute("SELECT type, name, tbl_name FROM sqlite_master "
                                              "WHERE name NOT LIKE 'sqlite_sequence'").fetchall()),
                 "triggers": sorted(db.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger'").fetchall()),
                 "indexes": sorted(db.execute("SELECT name, sql FROM sqlite_master WHERE type='index'").fetchall())}
        for table in (*REBUILT, "source", "revision"):
            found[table] = db.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
            found[f"{table} columns"] = db.execute(f"PRAGMA table_info({table})").fetchall()
            found[f"{table} links"] = db.execute(f"PRAGMA foreign_key_list({table})").fetchall()
        found["search"] = db.execute("SELECT rowid FROM claim_fts WHERE claim_fts MATCH 'border' "
                                     "ORDER BY rowid").fetchall()
    return found


def test_0005_keeps_every_row_index_link_and_trigger_and_no_id_is_taken_again(tmp_path):
    from claimtrack.review.annotate import add_manual_claim, claim_history
    from claimtrack.review.relations import add_manual_relation
    from claimtrack.store.database import session_scope
    from claimtrack.store.speaker_registry import create_speaker

    path = tmp_path / "removed.db"
    _store_at_0004_with_removed_rows(path)
    before = _schema_and_rows(path)
    engine = open_database(str(path), migrate_to="0005")
    after = _schema_and_rows(path)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == ("0005",)
        for table in REBUILT:
            assert "AUTOINCREMENT" in db.execute("SELECT sql FROM sqlite_master WHERE name=?", (table,)).fetchone()[0]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert dict(db.execute("SELECT name, seq FROM sqlite_sequence").fetchall()) == {
            "speaker": 3, "speakeralias": 3, "claim": 9, "claimrelation": 2}
    assert after == before  # rows, ids, columns, links, indexes, triggers and the search index, all as they were
    engine.dispose()
    engine = open_database(str(path))  # the models are head's
    with session_scope(engine) as session:  # new rows take none of the removed rows' ids (nor their history)
        claim = add_manual_claim(session, source_id=1, start=60, end=69, author="ben")
        speaker = create_speaker(session, "A New Voice")
        relation = add_manual_relation(session, 1, claim.id, "contradicts", author="ben")
        assert (claim.id, speaker.id, relation.id) == (10, 4, 3)
        assert [r.author for r in claim_history(session, claim.id)] == ["ben"]
    engine.dispose()
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT rowid FROM claim_fts WHERE claim_fts MATCH 'denied' ORDER BY rowid").fetchall() == [
            (3,), (10,)]  # the triggers keep the search index in step on the new table


def _claims_on_a_store_at_0004(path, count: int = 3000) -> None:
    open_database(str(path), migrate_to="0004").dispose()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO source (id, content_hash, ingested_at, format, text) VALUES (1, 'abc', '2026-01-01',"
                   " 'text', 'Troops massed at the border, the general said.')")
        db.executemany("INSERT INTO claim (source_id, text, start, end, kind, stance, confidence, origin, status,"
                       " created_at, updated_at) VALUES (1, ?, 0, 27, 'indirect', 'asserts', 0.9, 'auto', 'unreviewed',"
                       " '2026-01-01', '2026-01-01')", [(f"Troops massed at the border {n}",) for n in range(count)])


STOP_MIDWAY = """
import os, signal, sys
from alembic import op
from claimtrack.store.database import open_database

real = op.execute
def execute(statement, *args, **kwargs):
    real(statement, *args, **kwargs)
    if "INSERT INTO" in str(statement) and "claimrelation" in str(statement):  # half the tables rebuilt
        {stop}
op.execute = execute
open_database(sys.argv[1], migrate_to="0005")
"""


@pytest.mark.parametrize("stop", ["os.kill(os.getpid(), signal.SIGKILL)", "raise RuntimeError('power cut')"])
def test_0005_stopped_midway_leaves_the_store_as_it_was_and_runs_again(tmp_path, stop):
    import subprocess
    import sys

    path = tmp_path / "midway.db"
    _claims_on_a_store_at_0004(path)
    before = _schema_and_rows(path)
    stopped = subprocess.run([sys.executable, "-c", STOP_MIDWAY.format(stop=stop), str(path)],
                             capture_output=True, text=True)
    assert stopped.returncode != 0 and ("power cut" in stopped.stderr or stopped.returncode == -9)
    assert _schema_and_rows(path) == before  # nothing of the half-done migration is left
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == ("0004",)
    open_database(str(path), migrate_to="0005").dispose()  # and it runs to the end the next time
    assert _schema_and_rows(path) == before
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == ("0005",)


# ----------------------------------------------------------------------------- 0006: stories and word weights

def _columns_of(path, table: str) -> set[str]:
    with sqlite3.connect(path) as db:
        return {row[1] for row in db.execute(f"PRAGMA table_info({table})")}


def test_0006_upgrades_a_store_with_rows_and_goes_down_and_up_again(tmp_path):
    from alembic import command

    from claimtrack.store.database import migration_config, upgrade

    path = tmp_path / "0005.db"
    _store_at_0004_with_removed_rows(path)
    open_database(str(path), migrate_to="0005").dispose()
    engine = open_database(str(path))  # to head
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == ("0008",)
        assert db.execute("SELECT id, story_id FROM source").fetchall() == [(1, None)]
        assert db.execute("SELECT count(*) FROM claim").fetchone() == (3,)
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("INSERT INTO story (id, label, terms, articles, created_at) VALUES (1, 'border', '{}', 1, '2026')")
        db.execute("UPDATE source SET story_id = 1")
        db.execute("INSERT INTO term_weight (term, claims) VALUES ('border', 2)")
    config = migration_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")
    assert "story_id" not in _columns_of(path, "source") and not _columns_of(path, "story")
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM claim").fetchone() == (3,)  # nothing else went with it
    upgrade(engine)
    assert "story_id" in _columns_of(path, "source") and _columns_of(path, "term_weight") == {"term", "claims"}
    engine.dispose()


# ----------------------------------------------------------------------------- 0007: speaker look-ups by name

def test_0007_speaker_lookups_by_name_use_an_index_and_go_down_and_up(tmp_path):
    """Ingest matches each speaker by lower(name) and lower(alias): an index answers, not a scan."""
    from alembic import command

    from claimtrack.store.database import migration_config, upgrade

    path = tmp_path / "names.db"
    engine = open_database(str(path))
    plans = {
        "ix_speaker_name_lower": "SELECT id FROM speaker WHERE lower(name) = 'john kirby'",
        "ix_speakeralias_alias_lower": "SELECT speaker_id FROM speakeralias WHERE lower(alias) = 'kirby'",
    }
    with sqlite3.connect(path) as db:
        for index, query in plans.items():
            assert index in " ".join(row[-1] for row in db.execute(f"EXPLAIN QUERY PLAN {query}"))
    config = migration_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0006")
    with sqlite3.connect(path) as db:
        names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert not names & set(plans)
    upgrade(engine)
    with sqlite3.connect(path) as db:
        names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert set(plans) <= names
    engine.dispose()


# ----------------------------------------------------------------------------- 0008: story terms

def test_0008_fills_story_terms_from_each_story_profile_and_goes_down_and_up(tmp_path):
    """The stories an article may join are found by term: 0008 indexes the terms of the stories
    already stored, and ingest finds them there."""
    from alembic import command

    from claimtrack.store.database import migration_config

    path = tmp_path / "stories.db"
    open_database(str(path), migrate_to="0007").dispose()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO story (id, label, terms, articles, created_at) "
                   "VALUES (4, 'serbia', '{\"serbia\": 2, \"kosovo\": 1}', 2, '2026')")
        db.execute("INSERT INTO story (id, label, terms, articles, created_at) VALUES (7, '', '{}', 1, '2026')")
    engine = open_database(str(path))
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == ("0008",)
        assert db.execute("SELECT story_id, term FROM story_term ORDER BY term").fetchall() == [
            (4, "kosovo"), (4, "serbia")]
        plan = " ".join(row[-1] for row in db.execute(
            "EXPLAIN QUERY PLAN SELECT story_id FROM story_term WHERE term IN ('serbia', 'troops')"))
        assert "ix_story_term_term" in plan
    config = migration_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0007")
    assert not _columns_of(path, "story_term")
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM story").fetchone() == (2,)  # the stories stay
    engine.dispose()
    open_database(str(path)).dispose()
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM story_term").fetchone() == (2,)
