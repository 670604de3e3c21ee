"""Ingest in batches and with worker processes (issue 14): the same store whatever the workers, a bad
article failing alone inside a batch, and a killed ingest that a re-run completes."""
from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimtrack.ingest import batch, prepare
from claimtrack.ingest.batch import ingest_documents
from claimtrack.ingest.prepare import prepared_articles
from claimtrack.ingest.readers import SourceDocument, read_inputs
from claimtrack.store.database import open_database

PEOPLE = [("Ilse", "Marwick", "council leader"), ("Tomas", "Brandt", "opposition spokesman"),
          ("Maria", "Okafor", "harbour master"), ("Jonas", "Weber", "transport minister")]


def article(number: int) -> str:
    """A short report in which two people disagree about a bridge (each article different)."""
    (first, last, role), (first2, last2, role2) = PEOPLE[number % 4], PEOPLE[(number + 1) % 4]
    return (f'"The Harbour Bridge will reopen in week {number + 10}," said {role} {first} {last} on Monday.\n\n'
            f'{role2.capitalize()} {first2} {last2} denied that the bridge was safe. "The bridge cannot reopen '
            f'before week {number + 30}," {last2} said.\n\n'
            f'{last} accused {last2} of delaying the repairs to the span for {number + 2} months.\n')


def write_batch(path: Path, count: int) -> Path:
    path.write_text("".join(json.dumps({"doc_id": f"a{n}", "text": article(n)}) + "\n" for n in range(count)),
                    encoding="utf-8")
    return path


def store_contents(db: Path) -> dict:
    """What a fact-checker sees of a store: claims with speaker and stance, speakers, suggestions."""
    with sqlite3.connect(db) as connection:
        claims = sorted(connection.execute(
            "SELECT s.doc_id, c.text, c.stance, p.name FROM claim c JOIN source s ON s.id = c.source_id "
            "LEFT JOIN speaker p ON p.id = c.speaker_id").fetchall(), key=str)
        speakers = sorted(row[0] for row in connection.execute("SELECT name FROM speaker"))
        relations = sorted(connection.execute(
            "SELECT a.text, b.text, r.kind, r.reason FROM claimrelation r JOIN claim a ON a.id = r.claim_a_id "
            "JOIN claim b ON b.id = r.claim_b_id").fetchall())
        counts = connection.execute("SELECT (SELECT count(*) FROM source), (SELECT count(*) FROM claim), "
                                    "(SELECT count(*) FROM claimrelation), (SELECT count(*) FROM speakeralias), "
                                    "(SELECT sum(claims) FROM term_weight)").fetchone()
    return {"claims": claims, "speakers": speakers, "relations": relations, "counts": counts}


def test_two_jobs_store_exactly_what_one_job_stores(run, tmp_path):
    articles = prepare.PARALLEL_FROM + 8  # more than PARALLEL_FROM: workers are started for the rest
    corpus = write_batch(tmp_path / "desk.jsonl", articles)
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    first = run("ingest", "--jobs", "1", str(corpus), db=one)
    second = run("ingest", "--jobs", "2", str(corpus), db=two)
    assert first.exit_code == second.exit_code == 0, (first.output, second.output)
    assert f"Sources added: {articles}, skipped: 0, failed: 0" in second.stdout
    contents = store_contents(one)
    assert contents == store_contents(two)
    assert contents["relations"] and len(contents["claims"]) >= articles * 3


def test_workers_do_the_extraction(tmp_path, monkeypatch):
    """With jobs > 1 the articles after the first `PARALLEL_FROM` (prepared here while the workers start)
    are prepared in other processes: this one runs the engine on the head only."""
    here: list[str] = []
    real = prepare.prepare_article

    def counted(doc, *args):
        here.append(doc.location)
        return real(doc, *args)

    monkeypatch.setattr(prepare, "prepare_article", counted)
    docs = [SourceDocument(text=article(n), location=f"a{n}.txt", format="text")
            for n in range(prepare.PARALLEL_FROM + 8)]
    prepared = list(prepared_articles(docs, jobs=2))
    assert [p.location for p in prepared] == [d.location for d in docs]  # the input's order
    assert all(p.extraction is not None and p.extraction.claims and p.topics for p in prepared)
    assert here == [d.location for d in docs[:prepare.PARALLEL_FROM]]


def test_a_short_input_is_prepared_here_without_workers(monkeypatch):
    calls = []
    real = prepare.prepare_article

    def counted(doc, *args):
        calls.append(doc.location)
        return real(doc, *args)

    monkeypatch.setattr(prepare, "prepare_article", counted)
    docs = [SourceDocument(text=article(n), location=f"a{n}.txt", format="text") for n in range(3)]
    assert [p.location for p in prepared_articles(docs, jobs=2)] == calls == ["a0.txt", "a1.txt", "a2.txt"]


def test_an_article_that_breaks_the_whole_transaction_fails_alone(tmp_path, monkeypatch):
    """Not just its savepoint: the batch's transaction is gone. The batch is stored again without it."""
    real = batch._store

    def break_on_a2(session, article, *rest):
        if article.doc.doc_id == "a2":
            real(session, article, *rest)
            session.rollback()  # everything of this transaction, the articles before it included
            raise RuntimeError("the connection went away")
        return real(session, article, *rest)

    monkeypatch.setattr(batch, "_store", break_on_a2)
    engine = open_database(str(tmp_path / "desk.db"))
    report = ingest_documents(engine, read_inputs([str(write_batch(tmp_path / "desk.jsonl", 5))]))
    engine.dispose()
    assert [where for where, _ in report.added] == [f"{tmp_path / 'desk.jsonl'} (a{n})" for n in (0, 1, 3, 4)]
    assert len(report.failed) == 1 and "(a2): unexpected error (RuntimeError: the connection went away)" in \
        report.failed[0]
    sources, claims, *_ = store_contents(tmp_path / "desk.db")["counts"]
    assert (sources, claims) == (4, report.claims_stored)


def test_batches_commit_by_size_and_what_was_committed_stays(tmp_path):
    engine = open_database(str(tmp_path / "desk.db"))
    told: list[str] = []
    report = ingest_documents(engine, read_inputs([str(write_batch(tmp_path / "desk.jsonl", 7))]),
                              batch_articles=3, on_document=told.append)
    engine.dispose()
    assert len(report.added) == 7 and len(told) == 7
    assert store_contents(tmp_path / "desk.db")["counts"][0] == 7


def test_an_ingest_killed_mid_batch_is_completed_by_a_rerun(run, tmp_path):
    """kill -9 while batches are being written: the store stays sound, and running the same ingest
    again gives the same counts as a clean run."""
    corpus = write_batch(tmp_path / "desk.jsonl", 60)
    clean = tmp_path / "clean.db"
    assert run("ingest", "--jobs", "1", str(corpus), db=clean).exit_code == 0
    killed = tmp_path / "killed.db"
    open_database(str(killed)).dispose()
    process = subprocess.Popen([sys.executable, "-m", "claimtrack", "--db", str(killed), "ingest", "--jobs", "1",
                                str(corpus)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        with sqlite3.connect(killed, timeout=30) as connection:
            if connection.execute("SELECT count(*) FROM source").fetchone()[0] >= 5:
                break
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    with sqlite3.connect(killed) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        partial = connection.execute("SELECT count(*) FROM source").fetchone()[0]
    assert 5 <= partial <= 60
    rerun = run("ingest", "--jobs", "1", str(corpus), db=killed)
    assert rerun.exit_code == 0, rerun.output
    assert f"skipped: {partial}" in rerun.stdout
    assert store_contents(killed)["counts"] == store_contents(clean)["counts"]


# ----------------------------------------------------------------------------- reextract, batched the same way

def test_reextract_with_workers_in_batches_leaves_the_store_as_it_was(run, tmp_path):
    """The same engine over the same texts: re-extraction (two workers, batches of 3) changes nothing a
    fact-checker sees, and commits batch by batch."""
    from claimtrack.ingest import reextract as reextract_module

    db = tmp_path / "desk.db"
    assert run("ingest", "--jobs", "1", str(write_batch(tmp_path / "desk.jsonl", 20)), db=db).exit_code == 0
    before = store_contents(db)
    engine = open_database(str(db))
    try:
        reports = reextract_module.reextract(engine, jobs=2, batch_seconds=0.0)  # each source its own commit
    finally:
        engine.dispose()
    assert [r.source_id for r in reports] == list(range(1, 21)) and not [r for r in reports if r.failed]
    assert all(r.removed == r.added > 0 for r in reports)
    after = store_contents(db)
    assert after["claims"] == before["claims"] and after["speakers"] == before["speakers"]
    assert after["counts"][:2] == before["counts"][:2] and after["counts"][4] == before["counts"][4]


def test_a_source_that_fails_to_reextract_keeps_its_claims_and_the_others_go_on(run, tmp_path, monkeypatch):
    from claimtrack.ingest import reextract as reextract_module

    db = tmp_path / "desk.db"
    assert run("ingest", str(write_batch(tmp_path / "desk.jsonl", 4)), db=db).exit_code == 0
    before = store_contents(db)
    real = reextract_module.reextract_source

    def broken_on_source_2(session, source, extraction):
        report = real(session, source, extraction)  # its claims are replaced, then it fails
        if source.id == 2:
            raise RuntimeError("a bug in re-anchoring")
        return report

    monkeypatch.setattr(reextract_module, "reextract_source", broken_on_source_2)
    result = run("reextract", db=db)
    assert result.exit_code == 1
    assert result.stderr.strip() == "failed source 2: unexpected error (RuntimeError: a bug in re-anchoring)"
    assert store_contents(db)["claims"] == before["claims"]  # source 2 rolled back to its savepoint
    with sqlite3.connect(db) as connection:
        replaced = connection.execute("SELECT count(DISTINCT source_id) FROM claim WHERE id > ?",
                                      (before["counts"][1],)).fetchone()[0]
    assert replaced == 3  # sources 1, 3 and 4 have new claim rows


def _descendants(pid: int) -> set[int]:
    """The processes started, directly or not, by *pid* (from /proc)."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_a_killed_ingest_leaves_no_worker_behind(tmp_path):
    """kill -9 of an ingest with workers: its workers (and the process that starts them) leave too."""
    corpus = write_batch(tmp_path / "desk.jsonl", 400)
    db = tmp_path / "killed.db"
    open_database(str(db)).dispose()
    process = subprocess.Popen([sys.executable, "-m", "claimtrack", "--db", str(db), "ingest", "--jobs", "2",
                                str(corpus)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None and len(workers) < 3:
        workers = _descendants(process.pid)  # the forkserver and its two workers (and a resource tracker)
        time.sleep(0.05)
    assert len(workers) >= 3, "the workers started"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.1)
    assert not [pid for pid in workers if _alive(pid)]
