"""`claimtrack db copy` and `db info` between SQLite files, through the real CLI.

A desk's store with human work in it (annotations, a manual claim, confirmed and dismissed
contradictions, a manual relation, a speaker merge) is copied and compared row by row.
"""
from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime

import pytest
from sqlalchemy import Text, cast, select, text
from sqlmodel import SQLModel
from sqlmodel import select as select_rows

from claimtrack.review.annotate import add_manual_claim
from claimtrack.review.speaker_edits import merge_speakers
from claimtrack.store.database import open_database, session_scope
from claimtrack.store.models import Speaker
from tests.conftest import FIXTURES, SEED_ARTICLE

TABLES = ("source", "story", "speaker", "speakeralias", "claim", "claimrelation", "revision", "term_weight")
NEW_ARTICLE = ('Harbour officials said on Monday that the ferry terminal would reopen in spring. '
               '"We will not cut a single crossing," said Mara Quist, the port director.\n')


# ----------------------------------------------------------------------------- helpers, shared with tests/postgres

def dump(target: str) -> dict[str, list[tuple]]:
    """Every row of every store table, in id order, comparable across backends (times in UTC,
    JSON as its stored text so a JSON null and an SQL NULL stay apart)."""
    engine = open_database(str(target))
    try:
        tables = {}
        with engine.connect() as connection:
            for table in SQLModel.metadata.sorted_tables:
                columns = [cast(c, Text).label(c.name) if c.type.__class__.__name__ == "JSON" else c
                           for c in table.columns]
                rows = connection.execute(select(*columns).order_by(*table.primary_key.columns)).all()
                tables[table.name] = [tuple(_utc(v) for v in row) for row in rows]
        return tables
    finally:
        engine.dispose()


def _utc(value):
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return value


def ok(result):
    assert result.exit_code == 0, result.output
    return result


def as_json(result):
    return json.loads(ok(result).stdout)


def one_line_error(result) -> str:
    assert result.exit_code == 1, result.output
    message = result.stderr.strip()
    assert "\n" not in message and "Traceback" not in result.output, result.output
    return message


def make_desk(run, db) -> dict:
    """A store with automatic and human work in it; returns the ids the tests look at."""
    ok(run("ingest", str(SEED_ARTICLE), db=db))
    ok(run("ingest", str(FIXTURES / "articles"), db=db))
    claim = as_json(run("claims", "--search", "combat readiness", "--format", "json", db=db))[0]["id"]
    ok(run("annotate", str(claim), "--stance", "rejects", "--status", "confirmed", "--verdict", "Misleading",
           "--explanation", "Satellite images show armour near the border.", "--note", "checked with desk", db=db))
    ok(run("annotate", str(claim), "--speaker", "Desk Source", "--new-speaker", db=db))
    relations = as_json(run("contradictions", "--format", "json", db=db))
    assert len(relations) >= 2
    ok(run("confirm", str(relations[0]["id"]), "--note", "both on the record", db=db))
    ok(run("dismiss", str(relations[1]["id"]), "--note", "different weeks", db=db))
    claims = as_json(run("claims", "--format", "json", db=db))
    manual_relation = ok(run("relate", str(claims[0]["id"]), str(claims[-1]["id"]), "--kind", "supports",
                             "--note", "same figures", db=db))
    assert "relation" in manual_relation.stdout
    engine = open_database(str(db))
    try:
        with session_scope(engine) as session:
            manual = add_manual_claim(session, source_id=1, start=0, end=40, author="tester",
                                      speaker="Desk Source", note="headline claim").id
            kirby = session.exec(select_rows(Speaker).where(Speaker.name == "John Kirby")).one()
            extra = Speaker(name="J. Kirby (duplicate)", kind="person")
            session.add(extra)
            session.flush()
            merge_speakers(session, kirby.id, extra.id, author="tester", note="one person")  # leaves an id gap
        with engine.begin() as connection:
            top = connection.execute(text("SELECT max(id) FROM claim")).scalar()
            # A claim nested in one stored after it, and spans that are an SQL NULL and a real list.
            connection.execute(text("UPDATE claim SET parent_id = :top WHERE id = 1"), {"top": top})
            connection.execute(text("UPDATE claim SET spans = NULL WHERE id = 2"))
            connection.execute(text("UPDATE claim SET spans = '[[3, 9], [12, 20]]' WHERE id = 3"))
    finally:
        engine.dispose()
    return {"annotated": claim, "manual": manual}


def assert_same_store(a, b) -> None:
    left, right = dump(str(a)), dump(str(b))
    assert set(left) >= set(TABLES)
    for table in left:
        assert left[table] == right[table], f"{table} differs"
    assert left["revision"] and left["claimrelation"] and left["claim"]


def assert_new_rows_get_new_ids(run, db, tmp_path, before: dict) -> None:
    """Annotating, relating and ingesting on the copy adds rows after the copied ones."""
    ok(run("annotate", "5", "--verdict", "Unproven", "--note", "after the move", db=db))
    revisions = as_json(run("history", "5", "--format", "json", db=db))
    assert revisions[-1]["id"] == before["revision"][-1][0] + 1 and revisions[-1]["note"] == "after the move"
    made = ok(run("relate", "6", "7", "--kind", "duplicates", db=db))
    assert f"relation {before['claimrelation'][-1][0] + 1}:" in made.stdout
    article = tmp_path / "ferry.txt"
    article.write_text(NEW_ARTICLE)
    ok(run("ingest", str(article), db=db))
    sources = as_json(run("sources", "--format", "json", db=db))
    assert max(s["id"] for s in sources) == before["source"][-1][0] + 1
    quist = as_json(run("claims", "--speaker", "Quist", "--format", "json", db=db))
    assert quist and min(c["id"] for c in quist) > before["claim"][-1][0]


def copy_output_counts(stdout: str) -> dict[str, tuple[int, int, str]]:
    counts = {}
    for line in stdout.splitlines():
        cells = [cell.strip() for cell in line.strip("│┃ ").split("│")]
        if len(cells) == 4 and cells[0].split(" ")[0] in TABLES:
            counts[cells[0].split(" ")[0]] = (int(cells[1].replace(",", "")), int(cells[2].replace(",", "")), cells[3])
    return counts


# ----------------------------------------------------------------------------- tests

@pytest.fixture
def desk(run, db_path):
    return make_desk(run, db_path)


def test_copy_keeps_every_row_and_id_and_the_history(run, desk, db_path, tmp_path):
    copy = tmp_path / "copy.db"
    result = ok(run("db", "copy", "--from", str(db_path), "--to", str(copy), "--batch-size", "7"))
    assert_same_store(db_path, copy)
    source = dump(str(db_path))
    counts = copy_output_counts(result.stdout)
    assert set(counts) == set(TABLES)
    for table, (in_source, in_target, verdict) in counts.items():
        assert in_source == in_target == len(source[table]) and verdict == "ok"
    assert "Copied" in result.stdout and "Verified" in result.stdout
    for claim in (desk["annotated"], desk["manual"]):
        assert as_json(run("history", str(claim), "--format", "json", db=copy)) == \
            as_json(run("history", str(claim), "--format", "json"))
    history = as_json(run("history", str(desk["annotated"]), "--format", "json", db=copy))
    assert {"stance", "status", "verdict", "explanation", "speaker"} <= {r["field"] for r in history}
    # The copy's full-text index was filled by its triggers.
    for words in ("troops", "combat readiness", "homes"):
        found = as_json(run("claims", "--search", words, "--format", "json", db=copy))
        assert found and found == as_json(run("claims", "--search", words, "--format", "json"))
    shown = as_json(run("contradictions", "--status", "confirmed", "--format", "json", db=copy))
    assert shown == as_json(run("contradictions", "--status", "confirmed", "--format", "json"))
    assert_new_rows_get_new_ids(run, copy, tmp_path, source)


def test_the_raw_rows_are_identical(run, desk, db_path, tmp_path):
    copy = tmp_path / "copy.db"
    ok(run("db", "copy", "--from", str(db_path), "--to", str(copy)))
    with sqlite3.connect(db_path) as a, sqlite3.connect(copy) as b:
        for table in TABLES:
            query = f"SELECT * FROM {table} ORDER BY {'term' if table == 'term_weight' else 'id'}"
            assert a.execute(query).fetchall() == b.execute(query).fetchall(), table
        assert b.execute("SELECT typeof(spans) FROM claim WHERE id = 2").fetchone() == ("null",)
        assert b.execute("SELECT parent_id FROM claim WHERE id = 1").fetchone() == \
            b.execute("SELECT max(id) FROM claim").fetchone()
        assert b.execute("SELECT count(*) FROM claim_fts WHERE claim_fts MATCH 'troops'").fetchone()[0] > 0


def test_a_target_that_holds_data_is_refused_and_left_alone(run, desk, db_path, tmp_path):
    other = tmp_path / "other.db"
    ok(run("ingest", str(FIXTURES / "articles" / "harbour-bridge-closure.txt"), db=other))
    before = dump(str(other))
    message = one_line_error(run("db", "copy", "--from", str(db_path), "--to", str(other)))
    assert message.startswith(f"Error: {other}: already holds 1 source, ")
    assert "claims" in message and message.endswith("copy only into an empty database")
    assert dump(str(other)) == before
    # Revisions alone are data too.
    engine = open_database(str(tmp_path / "log.db"))
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO revision (table_name, row_id, field, author, created_at) "
                                "VALUES ('claim', 1, 'note', 'x', '2026-01-01 00:00:00')"))
    engine.dispose()
    message = one_line_error(run("db", "copy", "--from", str(db_path), "--to", str(tmp_path / "log.db")))
    assert "already holds 1 revision;" in message


def test_copying_onto_itself_is_refused(run, desk, db_path, tmp_path, monkeypatch):
    before = dump(str(db_path))
    for spelling in (str(db_path), f"sqlite:///{db_path}"):
        message = one_line_error(run("db", "copy", "--from", str(db_path), "--to", spelling))
        assert "is the source database itself" in message
    monkeypatch.chdir(tmp_path)
    link = tmp_path / "link.db"
    link.symlink_to(db_path)
    assert "source database itself" in one_line_error(run("db", "copy", "--from", db_path.name, "--to", "link.db"))
    assert dump(str(db_path)) == before


def test_a_missing_source_is_one_line_and_creates_nothing(run, tmp_path):
    missing, target = tmp_path / "nowhere.db", tmp_path / "target.db"
    message = one_line_error(run("db", "copy", "--from", str(missing), "--to", str(target)))
    assert message == f"Error: {missing}: no such database file"
    assert not missing.exists() and not target.exists()


def test_an_empty_store_copies_to_an_empty_store(run, tmp_path):
    empty, target = tmp_path / "empty.db", tmp_path / "target.db"
    open_database(str(empty)).dispose()
    result = ok(run("db", "copy", "--from", str(empty), "--to", str(target)))
    assert all(row[:2] == (0, 0) for row in copy_output_counts(result.stdout).values())
    assert dump(str(target)) == dump(str(empty))


def test_a_failed_copy_leaves_nothing_behind(run, desk, db_path, tmp_path, monkeypatch):
    from sqlalchemy.exc import OperationalError

    from claimtrack.store import copy as copy_module

    def disk_full(_connection):
        raise OperationalError("setval", {}, Exception("database or disk is full"))

    monkeypatch.setattr(copy_module, "_move_sequences", disk_full)  # after every row is written
    empty = tmp_path / "empty.db"
    open_database(str(empty)).dispose()
    message = one_line_error(run("db", "copy", "--from", str(db_path), "--to", str(empty)))
    assert message.startswith(f"Error: {empty}: copy from {db_path} failed, nothing was copied")
    assert "disk is full" in message
    assert all(rows == [] for rows in dump(str(empty)).values())
    new = tmp_path / "new.db"
    one_line_error(run("db", "copy", "--from", str(db_path), "--to", str(new)))
    assert not new.exists()  # a file the copy made is removed again


def test_counts_that_do_not_match_are_reported_and_nothing_is_kept(run, desk, db_path, tmp_path, monkeypatch):
    from claimtrack.store import copy as copy_module

    rows = copy_module._TableCopier.rows

    def lose_a_revision(self, batch):
        out = rows(self, batch)
        return out[:-1] if self.table.name == "revision" else out

    monkeypatch.setattr(copy_module._TableCopier, "rows", lose_a_revision)
    target = tmp_path / "copy.db"
    open_database(str(target)).dispose()
    result = run("db", "copy", "--from", str(db_path), "--to", str(target))
    message = one_line_error(result)
    assert "copy not verified (revision: " in message and "nothing was copied" in message
    counts = copy_output_counts(result.stdout)
    assert counts["revision"][0] == counts["revision"][1] + 1 and counts["revision"][2] == "MISMATCH"
    assert counts["claim"][2] == "ok"
    assert all(rows == [] for rows in dump(str(target)).values())


def test_db_info_shows_backend_schema_and_counts(run, desk, db_path):
    result = ok(run("db", "info"))
    out = " ".join(result.stdout.split())
    assert str(db_path) in out and "SQLite" in out and "(newest)" in out
    info = as_json(run("db", "info", "--format", "json"))
    stored = dump(str(db_path))
    assert info["backend"] == "SQLite" and info["schema_revision"] == info["newest_schema_revision"]
    assert {name: t["rows"] for name, t in info["tables"].items()} == {name: len(rows) for name, rows in stored.items()}
    assert info["tables"]["claim"]["max_id"] == stored["claim"][-1][0]
    other = as_json(run("db", "info", str(db_path), "--format", "json", db="unused.db"))
    assert other["tables"] == info["tables"]
    missing = one_line_error(run("db", "info", str(db_path.parent / "nope.db")))
    assert missing.endswith("nope.db: no such database file")


def test_rows_phrase():
    from claimtrack.store.copy import rows_phrase

    assert rows_phrase({"claim": 340, "source": 12, "revision": 0}) == "12 sources and 340 claims"
    assert rows_phrase({"speakeralias": 1, "claimrelation": 2, "revision": 1}) == \
        "1 speaker alias, 2 relations and 1 revision"


def test_a_copy_gives_no_new_row_an_id_the_revision_log_names(run, desk, db_path, tmp_path):
    """A removed claim's id (its revisions kept) is past the largest id: the copy's new rows skip it too."""
    with sqlite3.connect(db_path) as db:
        removed = db.execute("SELECT max(id) FROM claim").fetchone()[0] + 50
        db.execute("INSERT INTO revision (table_name, row_id, field, old_value, author, created_at) "
                   "VALUES ('claim', ?, 'deleted', '{}', 'ana', '2026-01-01 00:00:00')", (removed,))
    copy = tmp_path / "copy.db"
    ok(run("db", "copy", "--from", str(db_path), "--to", str(copy)))
    article = tmp_path / "ferry.txt"
    article.write_text(NEW_ARTICLE)
    ok(run("ingest", str(article), db=copy))
    quist = as_json(run("claims", "--speaker", "Quist", "--format", "json", db=copy))
    assert quist and min(c["id"] for c in quist) > removed
    assert all(as_json(run("history", str(c["id"]), "--format", "json", db=copy)) == [] for c in quist)
