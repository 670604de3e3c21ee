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
    (batch / "d_cp1252.txt").write_bytes(
        "\u201cWe did nothing wrong,\u201d the caf\u00e9 owner said.\n".encode("cp1252"))
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
    import claimtrack.ingest.batch as ingest

    first = tmp_path / "first.txt"
    first.write_text(GOOD, encoding="utf-8")
    assert run("ingest", str(first)).exit_code == 0
    before = counts(db_path)

    real = ingest.store_extraction

    def store_then_fail(session, source_id, extraction, *rest):
        real(session, source_id, extraction, *rest)  # claims are flushed, then the disk "fails"
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


# ----------------------------------------------------------------------------- hostile input (issue 18)

def failure_lines(result) -> list[str]:
    assert "Traceback" not in result.output, result.output
    return [line for line in result.stderr.splitlines() if line.startswith("failed ")]


def test_a_hostile_folder_gives_one_line_per_bad_input_and_stores_the_good_articles(run, db_path, tmp_path,
                                                                                    monkeypatch):
    import os
    import signal

    from tests.ingest.test_readers import NUL_LATE

    batch = tmp_path / "hostile"
    batch.mkdir()
    (batch / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (batch / "b_empty.txt").write_bytes(b"")
    (batch / "c_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 8)
    os.mkfifo(batch / "d_pipe.txt")
    (batch / "e_loop.txt").symlink_to(batch / "e_loop.txt")
    (batch / "f_zero.txt").symlink_to("/dev/zero")
    (batch / "g_nul.txt").write_text(GOOD + NUL_LATE, encoding="utf-8")
    (batch / "h_cp1251.txt").write_bytes(("\u00abМы не отступим\u00bb, \u2014 заявил министр.\n" * 3).encode("cp1251"))
    (batch / "i_damaged_utf8.txt").write_bytes(
        "\u201cThe ferry will run,\u201d the harbour master said.\n".encode() + b"\xd0\xff more \xc3\x28\n")
    (batch / "j_utf32.txt").write_bytes(
        b"\xff\xfe\x00\x00" + "The council said it would vote on Friday.".encode("utf-32-le"))
    (batch / "k_broken.html").write_text("<html><body><div><<<>>>", encoding="utf-8")
    (batch / "l_locked").mkdir()
    (batch / "l_locked" / "m_hidden_article.txt").write_text(GOOD + "more", encoding="utf-8")
    real = os.scandir

    def refuse(path="."):  # root reads every folder, so the unreadable one is simulated
        if os.fspath(path).endswith("l_locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", refuse)
    def expired(signum, frame):
        pytest.fail("ingest blocked on the FIFO")  # not an OSError, which the readers would go past

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(120)
    try:
        result = run("ingest", str(batch))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert result.exit_code == 1
    failures = failure_lines(result)
    expected = {"b_empty.txt": "empty file", "c_binary.txt": "binary file", "d_pipe.txt": "not a regular file (a FIFO)",
                "e_loop.txt": "cannot read: ", "f_zero.txt": "not a regular file (a device)", "g_nul.txt": "NUL",
                "k_broken.html": "no article text", "l_locked": "cannot read folder: Permission denied"}
    assert len(failures) == len(expected), result.stderr
    for name, problem in expected.items():
        assert any(f"{batch / name}: " in line and problem in line for line in failures), (name, failures)
    assert "Sources added: 4, skipped: 0, failed: 8" in result.stdout
    with sqlite3.connect(db_path) as db:
        texts = [row[0] for row in db.execute("SELECT text FROM source")]
    assert len(texts) == 4 and any("заявил министр" in t for t in texts)
    assert any("\ufffd more \ufffd(" in t for t in texts) and any(t.startswith("The council said") for t in texts)


def test_a_hostile_jsonl_batch_gives_one_line_per_bad_record_and_stores_the_good_ones(run, db_path, tmp_path):
    from tests.ingest.test_readers import hostile_jsonl_lines

    lines = hostile_jsonl_lines()
    path = tmp_path / "hostile.jsonl"
    path.write_text("\n".join(line for line, _ in lines) + "\n", encoding="utf-8")
    result = run("ingest", str(path))
    assert result.exit_code == 1
    failures = failure_lines(result)
    bad = [number for number, (_, expected) in enumerate(lines, start=1) if expected is not None]
    assert [line.split(": ", 1)[0] for line in failures] == [f"failed {path} line {n}" for n in bad]
    assert all(len(line) < 300 for line in failures)  # the 2 MB doc_id is not echoed
    assert f"Sources added: 2, skipped: 0, failed: {len(bad)}" in result.stdout
    with sqlite3.connect(db_path) as db:
        assert sorted(row[0] for row in db.execute("SELECT doc_id FROM source")) == ["42", "good-1"]


def test_an_unexpected_error_storing_one_article_is_that_articles_line(run, db_path, tmp_path, monkeypatch):
    import claimtrack.ingest.batch as ingest

    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps({"doc_id": "one", "text": GOOD, "url": "https://n.example/1"}) + "\n"
                    + json.dumps({"doc_id": "two", "text": "The mayor said the bridge would reopen."}) + "\n")
    real = ingest._store

    def fail_first(session, article, *rest):
        if article.doc.doc_id == "one":
            raise RuntimeError("a bug in storing\nwith a second line")
        return real(session, article, *rest)

    monkeypatch.setattr(ingest, "_store", fail_first)
    result = run("ingest", str(path))
    assert result.exit_code == 1
    assert failure_lines(result) == [f"failed {path} line 1 (one): unexpected error (RuntimeError: a bug in storing)"]
    assert "Sources added: 1, skipped: 0, failed: 1" in result.stdout


def test_a_claimtrack_error_from_the_engine_fails_that_article_only(run, db_path, tmp_path, monkeypatch):
    import claimtrack.ingest.prepare as ingest
    from claimtrack.errors import ClaimtrackError

    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_text("The mayor said the bridge would reopen.")
    real = ingest.extract

    def slow(text, budget=None):
        if text.startswith('"We will keep'):
            raise ClaimtrackError("claim extraction took over 30 s")
        return real(text)

    monkeypatch.setattr(ingest, "extract", slow)
    result = run("ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert result.exit_code == 1
    assert failure_lines(result) == [f"failed {tmp_path / 'a.txt'}: claim extraction took over 30 s"]
    assert "Sources added: 1, skipped: 0, failed: 1" in result.stdout


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0", "1e9"])
def test_an_impossible_max_mb_is_refused_by_the_option_parser(run, db_path, value):
    result = run("ingest", str(SEED_ARTICLE), "--max-mb", value)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "Invalid value for '--max-mb'" in result.stderr
    assert not db_path.exists()


def test_control_characters_other_than_nul_are_stored_alike_on_both_backends(run, tmp_path, desk_url):
    import json as _json

    text = ("Eastport mayor Ruth Adler said the bridge would stay open.\x1b]0;owned\x07 \x1b[2J\x0b\x0c"
            "\x7f\u0085\u202e The union denied it.\n")
    path = tmp_path / "controls.jsonl"
    path.write_text(_json.dumps({"doc_id": "c1", "text": text, "title": "Bridge\x1b[31m red"}) + "\n")
    result = run("ingest", str(path), db=desk_url)
    assert result.exit_code == 0, result.output
    from sqlalchemy import text as sql

    from claimtrack.store.database import open_database

    engine = open_database(desk_url)
    try:
        with engine.connect() as connection:
            assert connection.execute(sql("SELECT text, title FROM source")).one() == (text, "Bridge\x1b[31m red")
    finally:
        engine.dispose()


def test_a_database_error_over_several_lines_is_one_line_for_that_article(run, db_path, tmp_path, monkeypatch):
    import claimtrack.ingest.batch as ingest

    (tmp_path / "a.txt").write_text(GOOD)

    def fail(session, source_id, extraction, *rest):
        raise OperationalError("INSERT", {}, Exception("could not extend file\nHINT: Check free disk space."))

    monkeypatch.setattr(ingest, "store_extraction", fail)
    result = run("ingest", str(tmp_path / "a.txt"))
    assert result.exit_code == 1
    assert failure_lines(result) == [f"failed {tmp_path / 'a.txt'}: database error (could not extend file; "
                                     "HINT: Check free disk space.)"]
    assert len([line for line in result.stderr.splitlines() if line.strip()]) == 1


def test_an_article_beyond_the_contradiction_search_cap_is_stored_whole_and_ingest_says_so(run, db_path, tmp_path,
                                                                                             monkeypatch):
    """Issue 18: the contradiction search compares at most MAX_COMPARED_PER_ARTICLE claims of one article."""
    from claimtrack.contradictions import finder
    from claimtrack.ingest import batch as ingest

    monkeypatch.setattr(ingest, "MAX_COMPARED_PER_ARTICLE", 2)
    monkeypatch.setattr(finder, "MAX_COMPARED_PER_ARTICLE", 2)
    article = tmp_path / "many.txt"
    article.write_text("".join(f'"The bridge {n} is open," the mayor, Ruth Adler, said.\n\n' for n in range(5)))
    result = run("ingest", str(article))
    assert result.exit_code == 0, result.output
    assert counts(db_path) == (1, 5)
    notes = [line for line in result.stderr.splitlines() if line.startswith("note ")]
    assert notes == [f"note {article}: 5 claims; only the first 2 were compared with the store for contradictions"]
