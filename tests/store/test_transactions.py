"""SQLite transactions as claimtrack begins them: writers hold the write lock from their first read,
readers see one snapshot and never wait (see claimtrack.store.database)."""
from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text
from sqlmodel import func, select

from claimtrack.store import database
from claimtrack.store.database import open_database, session_scope, writing
from claimtrack.store.models import Claim, Speaker
from tests.conftest import SEED_ARTICLE


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "desk.db"
    engine = open_database(str(path))
    yield path, engine
    engine.dispose()


def other_writer(path, timeout_s: float = 0.1) -> sqlite3.Connection:
    """A colleague's connection that gives up on the write lock almost at once."""
    return sqlite3.connect(path, timeout=timeout_s, isolation_level=None)


@pytest.mark.parametrize("options", [{}, {"write": True}], ids=["default", "write"])
def test_a_writing_session_holds_the_write_lock_from_its_first_read(store, options):
    path, engine = store
    colleague = other_writer(path)
    with session_scope(engine, **options) as session:
        session.exec(select(Claim.id)).all()  # only a read so far
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            colleague.execute("BEGIN IMMEDIATE")
    colleague.execute("BEGIN IMMEDIATE")  # free again once the session ended
    colleague.rollback()
    colleague.close()


def test_a_writing_connection_holds_the_write_lock_from_its_first_statement(store):
    # What `db copy` and the migrations use: the WRITES execution option on a plain connection.
    path, engine = store
    colleague = other_writer(path)
    with writing(engine).connect() as connection:
        connection.execute(text("SELECT count(*) FROM claim")).scalar()
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            colleague.execute("BEGIN IMMEDIATE")
        connection.rollback()
    colleague.close()


def test_a_reading_session_takes_no_lock_and_reads_one_snapshot(store):
    path, engine = store
    colleague = other_writer(path)
    with session_scope(engine, write=False) as session:
        before = session.exec(select(func.count(Speaker.id))).one()
        colleague.execute("BEGIN IMMEDIATE")  # a reader never keeps a writer out
        colleague.execute("INSERT INTO speaker (name, kind, created_at, version) "
                          "VALUES ('Ilse Marwick', 'person', '2026-12-03 09:00:00', 1)")
        colleague.execute("COMMIT")
        assert session.exec(select(func.count(Speaker.id))).one() == before  # the session's snapshot
    with session_scope(engine) as session:
        assert session.exec(select(func.count(Speaker.id))).one() == before + 1
    colleague.close()


def test_a_writer_that_cannot_get_the_lock_says_so_in_one_line(run, db_path, monkeypatch):
    assert run("ingest", str(SEED_ARTICLE)).exit_code == 0
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 50)
    colleague = other_writer(db_path)
    colleague.execute("BEGIN IMMEDIATE")  # someone else writing, for longer than we wait
    result = run("annotate", "1", "--verdict", "False")
    colleague.rollback()
    colleague.close()
    assert result.exit_code == 1
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1, result.output
    assert str(db_path) in result.output and "database is locked" in result.output
    assert run("history", "1").output.strip() == "claim 1: no human changes yet"
