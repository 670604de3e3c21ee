"""`claimtrack db copy` onto a real PostgreSQL server and back: a desk's laptop file to the shared
server, and the shared server backed up into a file."""
from __future__ import annotations

import sqlite3

from sqlalchemy import text
from sqlalchemy.engine import make_url

from claimtrack.store.database import open_database
from tests.store.test_copy import (
    TABLES,
    as_json,
    assert_new_rows_get_new_ids,
    assert_same_store,
    copy_output_counts,
    dump,
    make_desk,
    ok,
    one_line_error,
)


def with_password(url: str) -> str:
    """The test server trusts local connections, so a password given is ignored: it must never be shown."""
    return make_url(url).set(password="s3cret-pw").render_as_string(hide_password=False)


def test_sqlite_to_postgres_and_back(run, db_path, tmp_path, postgres_url, monkeypatch):
    desk = make_desk(run, db_path)
    server = with_password(postgres_url)
    result = ok(run("db", "copy", "--from", str(db_path), "--to", server, "--batch-size", "5"))
    assert "s3cret-pw" not in result.output and "***" in result.stdout and "(PostgreSQL)" in result.stdout
    counts = copy_output_counts(result.stdout)
    local = dump(str(db_path))
    assert {table: row[:2] for table, row in counts.items()} == \
        {table: (len(local[table]), len(local[table])) for table in TABLES}
    assert_same_store(db_path, postgres_url)
    for claim in (desk["annotated"], desk["manual"]):
        assert as_json(run("history", str(claim), "--format", "json", db=postgres_url)) == \
            as_json(run("history", str(claim), "--format", "json"))
    for words in ("troops", "combat readiness", "homes"):
        found = as_json(run("claims", "--search", words, "--format", "json", db=postgres_url))
        assert found and found == as_json(run("claims", "--search", words, "--format", "json"))
    engine = open_database(postgres_url)
    with engine.connect() as connection:  # the GIN index holds the copied claims
        hits = connection.execute(text("SELECT count(*) FROM claim WHERE to_tsvector('claimtrack_text', text) "
                                       "@@ plainto_tsquery('claimtrack_text', 'troop')")).scalar()
        assert hits >= 1
    engine.dispose()

    # Work goes on on the server: its sequences were moved past the copied ids ...
    assert_new_rows_get_new_ids(run, postgres_url, tmp_path, local)
    # ... and past the ids of removed rows the revision log names (the speaker merged away).
    merged_away = max(row_id for _id, table, row_id, *_ in local["revision"] if table == "speaker")
    assert merged_away > max(row[0] for row in local["speaker"])
    ok(run("annotate", "6", "--speaker", "Brand New Voice", "--new-speaker", db=postgres_url))
    copied = {row[0] for row in local["speaker"]}
    speakers = as_json(run("speakers", "--format", "json", db=postgres_url))
    made = sorted(s["id"] for s in speakers if s["id"] not in copied)
    assert made and made[0] == merged_away + 1

    # ... and the shared desk is backed up onto a laptop, in a session with another time zone.
    monkeypatch.setenv("PGTZ", "America/New_York")
    backup = tmp_path / "backup.db"
    result = ok(run("db", "copy", "--from", server, "--to", str(backup)))
    assert "s3cret-pw" not in result.output
    assert all(row[2] == "ok" for row in copy_output_counts(result.stdout).values())
    assert_same_store(postgres_url, backup)
    found = as_json(run("claims", "--search", "single crossing", "--format", "json", db=backup))
    assert found and "Quist" in found[0]["speaker"]
    ok(run("annotate", str(found[0]["id"]), "--status", "confirmed", db=backup))
    with sqlite3.connect(backup) as connection:
        top = connection.execute("SELECT max(id) FROM revision").fetchone()[0]
    assert as_json(run("history", str(found[0]["id"]), "--format", "json", db=backup))[-1]["id"] == top


def test_a_round_trip_gives_the_same_sqlite_rows(run, db_path, tmp_path, postgres_url):
    """SQLite -> PostgreSQL -> SQLite leaves every stored value as it was (times, JSON, floats)."""
    make_desk(run, db_path)
    ok(run("db", "copy", "--from", str(db_path), "--to", postgres_url))
    back = tmp_path / "back.db"
    ok(run("db", "copy", "--from", postgres_url, "--to", str(back)))
    with sqlite3.connect(db_path) as a, sqlite3.connect(back) as b:
        for table in TABLES:
            query = f"SELECT * FROM {table} ORDER BY 1"  # the primary key comes first (id, or term_weight.term)
            assert a.execute(query).fetchall() == b.execute(query).fetchall(), table
        assert b.execute("SELECT typeof(spans) FROM claim WHERE id = 2").fetchone() == ("null",)


def test_a_server_that_holds_data_is_refused_and_left_alone(run, db_path, tmp_path, postgres_url):
    make_desk(run, db_path)
    ok(run("db", "copy", "--from", str(db_path), "--to", postgres_url))
    before = dump(postgres_url)
    server = with_password(postgres_url)
    message = one_line_error(run("db", "copy", "--from", str(db_path), "--to", server))
    assert "already holds" in message and "copy only into an empty database" in message
    assert "s3cret-pw" not in message and "***" in message
    assert "is the source database itself" in one_line_error(run("db", "copy", "--from", postgres_url,
                                                                 "--to", server))
    assert dump(postgres_url) == before


def test_db_info_on_postgres_hides_the_password(run, db_path, postgres_url):
    make_desk(run, db_path)
    ok(run("db", "copy", "--from", str(db_path), "--to", postgres_url))
    result = ok(run("db", "info", db=with_password(postgres_url)))
    assert "s3cret-pw" not in result.output and "PostgreSQL" in result.stdout
    info = as_json(run("db", "info", "--format", "json", db=with_password(postgres_url)))
    assert "s3cret-pw" not in info["database"] and info["backend"] == "PostgreSQL"
    assert {name: t["rows"] for name, t in info["tables"].items()} == \
        {name: len(rows) for name, rows in dump(str(db_path)).items()}
