"""What the store's columns hold: vocabulary words stored as their values and read as enum members,
times in UTC, and the one registry of the tables the revision log names."""
from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, SQLModel, select

from claimtrack.store import versions
from claimtrack.store.database import open_database, session_scope
from claimtrack.store.models import TABLES, Claim, Revision, Source, Speaker, TableName, row_name, stored_id
from claimtrack.vocabulary import ClaimKind, Origin, ReviewStatus, SpeakerKind, Stance


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "desk.db"
    engine = open_database(str(path))
    yield path, engine
    engine.dispose()


def test_vocabulary_words_are_stored_as_their_values_and_read_back_as_members(store):
    path, engine = store
    with session_scope(engine) as session:
        source = Source(content_hash="a" * 64, format="text", text="The minister denied it.")
        session.add(source)
        session.flush()
        session.add(Claim(source_id=stored_id(source), text="denied it", start=13, end=22, stance=Stance.DENIES,
                          kind=ClaimKind.INDIRECT))
        session.add(Speaker(name="The Minister", kind=SpeakerKind.PERSON))
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT stance, kind, origin, status FROM claim").fetchone() == (
            "denies", "indirect", "auto", "unreviewed")
        assert db.execute("SELECT kind FROM speaker").fetchone() == ("person",)
    with session_scope(engine, write=False) as session:
        claim = session.exec(select(Claim)).one()
        assert (claim.stance, claim.kind, claim.origin, claim.status) == (
            Stance.DENIES, ClaimKind.INDIRECT, Origin.AUTO, ReviewStatus.UNREVIEWED)
        assert type(claim.stance) is Stance and claim.stance == "denies"  # still a string to every reader
        assert session.exec(select(Claim).where(Claim.stance == "denies")).one().id == claim.id


def test_a_word_outside_the_vocabulary_reads_as_its_plain_string(store):
    path, engine = store
    with sqlite3.connect(path) as db:  # written by hand, or by a later release
        db.execute("INSERT INTO speaker (name, kind, created_at, version) VALUES "
                   "('The Committee', 'committee', '2026-01-01 00:00:00', 1)")
    with Session(engine) as session:
        assert session.exec(select(Speaker)).one().kind == "committee"


def test_times_are_written_in_utc_and_zone_less_stored_times_read_as_utc(store):
    path, engine = store
    written = datetime(2026, 3, 1, 14, 30, tzinfo=timezone(timedelta(hours=2)))
    with session_scope(engine) as session:
        session.add(Revision(table_name=TableName.CLAIM, row_id=1, field="verdict", author="ana", created_at=written))
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT created_at FROM revision").fetchone() == ("2026-03-01 12:30:00.000000",)
        db.execute("INSERT INTO revision (table_name, row_id, field, author, created_at) "
                   "VALUES ('claim', 1, 'status', 'ben', '2026-03-02 08:00:00')")  # as older stores hold them
    with Session(engine) as session:
        times = session.exec(select(Revision.created_at).order_by(Revision.id)).all()
    assert times == [datetime(2026, 3, 1, 12, 30, tzinfo=UTC), datetime(2026, 3, 2, 8, 0, tzinfo=UTC)]
    assert all(moment.tzinfo is UTC for moment in times)


def test_the_registry_names_every_table_of_the_store_as_its_model_does():
    assert {str(name) for name in TABLES} == set(SQLModel.metadata.tables)
    for name, table in TABLES.items():
        assert table.model.__tablename__ == name and table.table.name == name
    assert {name for name, table in TABLES.items() if table.versioned} == {
        TableName.SPEAKER, TableName.CLAIM, TableName.RELATION}
    assert row_name("claimrelation") == "relation" and row_name("speakeralias") == "speaker alias"
    assert row_name("elsewhere") == "elsewhere"


def test_the_edit_checks_listeners_are_installed_once_however_often_a_database_is_opened(tmp_path):
    for _ in range(3):
        open_database(str(tmp_path / "desk.db")).dispose()
    versions.track_taken_rows()
    session = OrmSession()
    for listeners in (session.dispatch.after_commit, session.dispatch.after_rollback):
        assert [fn for fn in listeners if fn is versions._forget_taken_rows] == [versions._forget_taken_rows]
    session.close()
