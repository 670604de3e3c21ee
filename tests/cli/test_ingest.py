"""`claimtrack ingest` through the real CLI against a real SQLite file: formats, idempotence, bad input."""
from __future__ import annotations

import json
import sqlite3

import pytest
from sqlalchemy.exc import OperationalError

from tests.conftest import SEED_ARTICLE, SEEDS

GOOD = ('"We will keep the bridge open all winter," the mayor of Eastport, Ruth Adler, told reporters on '
        'Tuesday.\n\nThe transport union denied that the repairs were finished.\n')


def counts(db_path) -> tuple[int, int]:
    with sqlite3.connect(db_path) as db:
        return (db.execute("SELECT count(*) FROM source").fetchone()[0],
                db.execute("SELECT count(*) FROM claim").fetchone()[0])


def test_ingesting_the_seed_folder_stores_the_source_claims_speakers_and_aliases(run, db_path):
    result = run("ingest", str(SEEDS))
    assert result.exit_code == 0, result.output
    assert "Sources added: 1, skipped: 0, failed: 0" in result.stdout
    sources, claims = counts(db_path)
    assert sources == 1 and claims >= 10
    with sqlite3.connect(db_path) as db:
        text = db.execute("SELECT text FROM source").fetchone()[0]
        assert text == SEED_ARTICLE.read_text(encoding="utf-8")
        for start, end, claim_text in db.execute('SELECT start, "end", text FROM claim'):
            assert text[start:end] == claim_text  # every offset refers to the stored text
    speakers = json.loads(run("speakers", "--format", "json").stdout)
    kirby = next(s for s in speakers if s["name"] == "John Kirby")
    assert {"Kirby", "John Kirby"} <= set(kirby["aliases"]) and kirby["claims"] >= 4
    assert kirby["role"] == "spokesman"


def test_the_same_text_twice_adds_nothing_and_says_so(run, db_path):
    assert run("ingest", str(SEED_ARTICLE)).exit_code == 0
    before = counts(db_path)
    again = run("ingest", str(SEED_ARTICLE))
    assert again.exit_code == 0
    assert "already stored as source 1" in again.stderr
    assert "Sources added: 0, skipped: 1, failed: 0; claims stored: 0" in again.stdout
    assert counts(db_path) == before


def test_standard_input_is_ingested_once(run, db_path):
    first = run("ingest", "-", input=GOOD)
    assert first.exit_code == 0 and "Sources added: 1" in first.stdout
    second = run("ingest", "-", input=GOOD)
    assert "skipped: 1" in second.stdout
    assert counts(db_path)[0] == 1


def test_a_bad_batch_goes_on_reports_every_failure_in_one_line_and_exits_nonzero(run, db_path, tmp_path):
    assert run("ingest", str(SEED_ARTICLE)).exit_code == 0
    before_sources, before_claims = counts(db_path)
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (batch / "b_empty.txt").write_bytes(b"")
    (batch / "c_binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (batch / "d_cp1252.txt").write_bytes("\u201cWe did nothing wrong,\u201d the caf\u00e9 owner said.\n".encode("cp1252"))
    with (batch / "e_huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    (batch / "f_broken.html").write_text("<html><body><div><<<>>>", encoding="utf-8")
    (batch / "g_records.jsonl").write_text(json.dumps({"id": "r1", "text": "The council said it would vote."})
                                           + "\n{oops\n", encoding="utf-8")
    result = run("ingest", str(batch))
    assert result.exit_code == 1
    failures = [line for line in result.stderr.splitlines() if line.startswith("failed ")]
    assert len(failures) == 5, result.stderr
    for name in ("b_empty.txt", "c_binary.txt", "e_huge.txt", "f_broken.html", "g_records.jsonl line 2"):
        assert any(name in line for line in failures), (name, failures)
    assert "Sources added: 3, skipped: 0, failed: 5" in result.stdout
    sources, claims = counts(db_path)
    assert sources == before_sources + 3 and claims > before_claims
    with sqlite3.connect(db_path) as db:
        assert db.execute("SELECT count(*) FROM source WHERE text LIKE '%caf\u00e9 owner%'").fetchone()[0] == 1


def test_a_folder_without_articles_and_a_missing_path_fail_clearly(run, tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("ingest", str(tmp_path / "empty"), str(tmp_path / "nope.txt"))
    assert result.exit_code == 1
    assert f"{tmp_path / 'empty'}: folder holds no readable files" in result.stderr
    assert f"{tmp_path / 'nope.txt'}: no such file or folder" in result.stderr


@pytest.mark.parametrize("make_target", [
    lambda tmp: tmp / "missing" / "claims.db",
    lambda tmp: (tmp / "notes.db").write_text("my notes") and tmp / "notes.db",
])
def test_a_broken_database_path_is_one_line_and_touches_nothing(run, tmp_path, make_target):
    target = make_target(tmp_path)
    before = target.read_bytes() if target.exists() else None
    result = run("ingest", str(SEED_ARTICLE), db=target)
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and str(target) in lines[0], result.stderr
    assert (target.read_bytes() if target.exists() else None) == before


def test_a_source_that_fails_half_way_leaves_nothing_half_written(run, db_path, tmp_path, monkeypatch):
    import claimtrack.ingest as ingest

    first = tmp_path / "first.txt"
    first.write_text(GOOD, encoding="utf-8")
    assert run("ingest", str(first)).exit_code == 0
    before = counts(db_path)

    real = ingest.store_extraction

    def store_then_fail(session, source_id, extraction):
        real(session, source_id, extraction)  # claims are flushed, then the disk "fails"
        raise OperationalError("INSERT", {}, Exception("disk I/O error"))

    monkeypatch.setattr(ingest, "store_extraction", store_then_fail)
    result = run("ingest", str(SEED_ARTICLE))
    assert result.exit_code == 1
    assert f"failed {SEED_ARTICLE}: database error" in result.stderr
    assert counts(db_path) == before
    with sqlite3.connect(db_path) as db:
        assert db.execute("SELECT count(*) FROM speaker WHERE name='John Kirby'").fetchone()[0] == 0


def test_a_database_that_breaks_under_a_command_is_one_line(run, db_path):
    assert run("ingest", str(SEED_ARTICLE)).exit_code == 0
    with sqlite3.connect(db_path) as db:  # damage the store behind claimtrack's back
        db.execute("DROP TRIGGER claim_fts_insert")
        db.execute("DROP TABLE claim_fts")
    result = run("claims", "--search", "troops")
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"Error: {db_path}: database error (no such table")
