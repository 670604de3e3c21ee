"""Opening databases: pragmas, schema, and clear errors for every kind of broken path."""
from __future__ import annotations

import os
import sqlite3

import pytest
from sqlalchemy import text

from claimtrack.errors import ClaimtrackError
from claimtrack.store.database import open_database


def test_a_new_database_is_migrated_to_head_with_foreign_keys_and_wal(tmp_path):
    engine = open_database(str(tmp_path / "new.db"))
    with engine.connect() as connection:
        tables = {row[0] for row in connection.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
        assert {"source", "speaker", "speakeralias", "claim", "claimrelation", "revision", "claim_fts"} <= tables
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0008"
    engine.dispose()


def test_opening_twice_is_harmless(tmp_path):
    path = str(tmp_path / "twice.db")
    open_database(path).dispose()
    engine = open_database(path)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1


def test_missing_folder_is_one_clear_line(tmp_path):
    target = tmp_path / "nowhere" / "x.db"
    with pytest.raises(ClaimtrackError) as caught:
        open_database(str(target))
    message = str(caught.value)
    assert str(target) in message and "does not exist" in message and "\n" not in message


def test_unwritable_folder_is_one_clear_line(tmp_path):
    # root ignores folder permissions, so as root use a folder no one can create files in.
    if os.geteuid() == 0:
        target = "/proc/claimtrack-test.db"
    else:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o500)
        target = str(folder / "x.db")
    try:
        with pytest.raises(ClaimtrackError) as caught:
            open_database(target)
    finally:
        if os.geteuid() != 0:
            (tmp_path / "ro").chmod(0o700)
    message = str(caught.value)
    assert message.startswith(target) and "cannot" in message and "\n" not in message


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my notes, not a database\n")
    with pytest.raises(ClaimtrackError, match="not an SQLite database"):
        open_database(str(bogus))
    assert bogus.read_text() == "these are my notes, not a database\n"


def test_a_database_from_a_newer_release_is_refused(tmp_path):
    path = tmp_path / "future.db"
    open_database(str(path)).dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num='9999'")
    with pytest.raises(ClaimtrackError, match="newer claimtrack"):
        open_database(str(path))


def test_a_folder_as_database_path_is_refused(tmp_path):
    with pytest.raises(ClaimtrackError, match="folder"):
        open_database(str(tmp_path))


def test_databases_are_named_without_secrets():
    from claimtrack.store.database import database_url, short_name, shown_url

    assert database_url("postgresql://desk:pw@dbserver/claims") == "postgresql+psycopg://desk:pw@dbserver/claims"
    assert database_url("postgres://desk@dbserver/claims") == "postgresql+psycopg://desk@dbserver/claims"
    assert shown_url("postgresql://desk:s3cret@dbserver/claims") == "postgresql://desk:***@dbserver/claims"
    assert "s3cret" not in shown_url("postgresql://desk:s3cret@[broken")
    assert short_name("postgresql://desk:s3cret@dbserver/claims") == "claims on dbserver (PostgreSQL)"
    assert short_name("/tmp/desk/claims.db") == short_name("sqlite:////tmp/desk/claims.db") == "claims.db"


@pytest.mark.parametrize("given", [
    "postgresql://desk@dbserver/claims?password=s3cret",
    "postgresql://desk@dbserver/claims?sslmode=require&sslpassword=s3cret&passfile=/home/desk/s3cret",
    "postgresql://desk@dbserver/claims?PASSWORD=s3cret",
    "postgresql://desk@dbserver/claims?api_token=s3cret",
    "postgresql://desk:p@s3cret@dbserver/claims",  # an unencoded "@" in the password
    "postgresql://desk:p@ss@s3cret@dbserver:5433/claims",
    "postgresql://desk:pa/s3cret@dbserver/claims",  # "/", "?" and "#" are password characters to SQLAlchemy
    "postgresql://desk:pa?s3cret@dbserver/claims",
    "postgresql://desk:p@s/s3cret@dbserver/claims",
    "postgresql://desk:p@s?s3cret@dbserver/claims",
    "postgresql+psycopg://desk:s3cret@dbserver/claims",
])
def test_no_password_is_ever_shown(given):
    from claimtrack.store.database import report_name, short_name, shown_url

    for shown in (shown_url(given), short_name(given), report_name(given)):
        assert "s3cret" not in shown, shown
    if given.count("@") == 1:  # else nothing after the user information is shown
        assert "dbserver" in shown_url(given) and "claims" in shown_url(given)
        assert report_name(given) == "claims on dbserver (PostgreSQL)"  # reports: host and database, no user


def test_shown_urls_keep_what_is_not_secret():
    from claimtrack.store.database import report_name, short_name, shown_url

    assert shown_url("postgresql://desk@dbserver:5433/claims?sslmode=require&password=pw") == \
        "postgresql://desk@dbserver:5433/claims?sslmode=require&password=***"
    assert shown_url("postgresql://desk:p@ss@dbserver/claims") == "postgresql://desk:***@…"
    assert shown_url("postgresql://desk@dbserver/claims?application_name=a@b") == "postgresql://desk@…"
    assert shown_url("postgresql://dbserver/claims?application_name=a@b") == \
        "postgresql://dbserver/claims?application_name=a@b"  # no user information: the "@" is in the query
    assert short_name("postgresql://desk@db1:5432,db2:5433/claims") == "claims on db1:5432,db2:5433 (PostgreSQL)"
    assert report_name("fixture.db") == "fixture.db"  # a file: as given


def test_an_unencoded_at_sign_in_a_password_is_refused_before_connecting():
    with pytest.raises(ClaimtrackError) as refused:
        open_database("postgresql://desk:p@ss@localhost:1/claims")
    assert "ss@" not in str(refused.value) and "%40" in str(refused.value)


def test_a_newer_database_is_named_without_its_query_password(tmp_path):
    path = tmp_path / "future.db"
    open_database(str(path)).dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num='9999'")
    with pytest.warns(Warning), pytest.raises(ClaimtrackError, match="newer claimtrack") as refused:
        open_database(f"sqlite:///{path}?password=s3cret")  # SQLite ignores the query, with a warning
    assert "s3cret" not in str(refused.value) and "password=***" in str(refused.value)
