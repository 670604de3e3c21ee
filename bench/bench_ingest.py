#!/usr/bin/env python3
"""Ingest throughput: articles per second into a fresh store and into stores already holding many
claims, with one or more extraction workers (`--jobs`), on SQLite and (with --postgres) PostgreSQL,
with each run's peak memory; and the engine alone in the same run, for comparison.

    .venv/bin/python bench/bench_ingest.py ../shared/corpora/polnear/dev.jsonl \\
        --fill ../shared/corpora/polnear/train.jsonl --stores 0,100000,1000000 --jobs 1,2 \\
        [--reextract 200] [--postgres postgresql://USER:PW@HOST:PORT/postgres] [--limit N] [--cache /tmp]

Each figure is one run in a fresh process (so its peak memory is its own): CORPUS ingested through
`ingest_documents`, the engine, the store, stories and the contradiction search included. A store of
N claims is made once (kept in --cache, reused) from the --fill corpus: ingested for real, then its
sources, claims and stories copied until it holds N claims (copies of real articles: the full-text
index, the stories and the word weights grow as a desk's would; the speakers are shared, as a
desk's recur). With --postgres, the fresh-store figure is also measured there, with one process and
with two `claimtrack ingest` processes sharing the corpus. The corpus texts are only read, never
copied into the repository. Prints the figures the README quotes.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text as sql_text

from claimtrack.ingest.batch import ingest_documents
from claimtrack.ingest.readers import SourceDocument, read_inputs
from claimtrack.store.database import database_url, open_database

HERE = Path(__file__).resolve()


def documents(corpus: Path, limit: int | None):
    return itertools.islice(read_inputs([str(corpus)]), limit)


def peak_mb() -> float:
    """The largest resident memory of this process and of its finished workers, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, workers) / 1024


# ----------------------------------------------------------------------------- one measurement (a child process)

def one_run(target: str, corpus: Path, limit: int | None, jobs: int) -> dict:
    engine = open_database(target)
    started = time.perf_counter()
    report = ingest_documents(engine, documents(corpus, limit), jobs=jobs)
    elapsed = time.perf_counter() - started
    engine.dispose()
    return {"seconds": elapsed, "added": len(report.added), "claims": report.claims_stored,
            "failed": report.failed[:3], "peak_mb": peak_mb(), "database_mb": database_mb(target)}


def reextract_run(target: str, sources: int, jobs: int) -> dict:
    """`reextract` of the store's first *sources* sources (the same engine: their claims are replaced
    by equal ones, their contradictions searched again)."""
    from claimtrack.ingest.reextract import reextract

    engine = open_database(target)
    started = time.perf_counter()
    reports = reextract(engine, list(range(1, sources + 1)), jobs=jobs)
    elapsed = time.perf_counter() - started
    engine.dispose()
    return {"seconds": elapsed, "added": len(reports), "claims": 0, "peak_mb": peak_mb(),
            "failed": [r.failed for r in reports if r.failed][:3]}


def engine_run(corpus: Path, limit: int | None) -> dict:
    from claimtrack.engine import extract

    texts = [d.text for d in documents(corpus, limit) if isinstance(d, SourceDocument)]
    extract(texts[0])  # warm imports
    started = time.perf_counter()
    for text in texts:
        extract(text)
    return {"seconds": time.perf_counter() - started, "added": len(texts), "claims": 0, "failed": [],
            "peak_mb": peak_mb()}


def in_child(*args: str) -> dict:
    """A measurement in a fresh process: its own caches, its own peak memory."""
    kind, target, jobs, corpus, *rest = args
    done = subprocess.run([sys.executable, str(HERE), corpus, *rest, "--child", kind, target, jobs],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"a measurement failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# ----------------------------------------------------------------------------- stores already holding claims

def claim_count(path: Path) -> int:
    if not path.exists():
        return 0
    with sqlite3.connect(path) as db:
        return db.execute("SELECT count(*) FROM claim").fetchone()[0]


def filled_store(claims: int, fill: Path, cache: Path) -> Path:
    """A store of at least *claims* claims, made once from the fill corpus and kept in *cache*."""
    base = cache / f"claimtrack-ingest-bench-base-{fill.stem}.db"
    if claim_count(base) == 0:
        print(f"  ingesting {fill} once for the filled stores ...", flush=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{base}{suffix}").unlink(missing_ok=True)
        engine = open_database(str(base))
        ingest_documents(engine, read_inputs([str(fill)]), jobs=2)
        engine.dispose()
    target = cache / f"claimtrack-ingest-bench-{claims}-{fill.stem}.db"
    if claim_count(target) >= claims:
        return target
    print(f"  copying {base.name} up to {claims:,} claims ...", flush=True)
    started = time.perf_counter()
    shutil.copy(base, target)
    with sqlite3.connect(target) as db:
        db.execute("PRAGMA synchronous=OFF")
        _copy_until(db, claims)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.execute("ANALYZE")
    print(f"  made in {time.perf_counter() - started:.0f} s ({target.stat().st_size / 2**20:.0f} MiB)", flush=True)
    return target


def _columns(db: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in db.execute(f"PRAGMA table_info({table})")]


def _copy_until(db: sqlite3.Connection, claims: int) -> None:
    """Copy the base store's stories, sources and claims (new ids, new content hashes) until it holds
    *claims* claims; the word weights are scaled to match."""
    top = {table: db.execute(f"SELECT max(id) FROM {table}").fetchone()[0] or 0
           for table in ("story", "source", "claim")}
    base_claims = db.execute("SELECT count(*) FROM claim").fetchone()[0]
    shifted = {"story": {"id": "story"}, "source": {"id": "source", "story_id": "story"},
               "claim": {"id": "claim", "source_id": "source", "parent_id": "claim"}}
    copies = 0
    while base_claims * (copies + 1) < claims:
        copies += 1
        with db:
            for table in ("story", "source", "claim"):
                columns = _columns(db, table)
                values = [f"{c} + {top[shifted[table][c]] * copies}" if c in shifted[table] else c for c in columns]
                values = [f"content_hash || '-copy-{copies}'" if c == "content_hash" else v
                          for c, v in zip(columns, values, strict=True)]
                quoted = ", ".join(f'"{c}"' for c in columns)
                db.execute(f"INSERT INTO {table} ({quoted}) SELECT {', '.join(values)} FROM {table} "
                           f"WHERE id <= {top[table]}")
    with db:
        db.execute(f"UPDATE term_weight SET claims = claims * {copies + 1}")


# ----------------------------------------------------------------------------- PostgreSQL

def postgres_database(server: str):
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(database_url(server))
    admin = url.set(drivername="postgresql").render_as_string(hide_password=False)
    name = f"claimtrack_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    target = url.set(database=name).render_as_string(hide_password=False)
    open_database(target).dispose()  # migrated before the clock starts

    def drop() -> None:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return target, drop


def two_processes(target: str, corpus: Path, limit: int | None) -> dict:
    """Two `claimtrack ingest` processes at once, each with half of the corpus."""
    records = [line for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()][:limit]
    with tempfile.TemporaryDirectory() as tmp:
        halves = [Path(tmp) / "first.jsonl", Path(tmp) / "second.jsonl"]
        for index, half in enumerate(halves):
            half.write_text("\n".join(records[index::2]) + "\n", encoding="utf-8")
        started = time.perf_counter()
        running = [subprocess.Popen([sys.executable, "-m", "claimtrack", "--db", target, "ingest", "--jobs", "1",
                                     str(half)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                   for half in halves]
        outputs = [process.communicate() for process in running]
        elapsed = time.perf_counter() - started
    failed = [err for (_, err), process in zip(outputs, running, strict=True) if process.returncode != 0]
    engine = open_database(target)
    with engine.connect() as connection:
        counted = sql_text("SELECT count(*), count(DISTINCT content_hash) FROM source")
        sources, distinct = connection.execute(counted).one()
    engine.dispose()
    print(f"  stored {sources} sources for {len(records)} records ({distinct} distinct texts: each once)"
          if sources == distinct else f"  DUPLICATES: {sources} sources for {distinct} texts")
    return {"seconds": elapsed, "added": len(records), "claims": 0, "failed": failed[:1], "peak_mb": 0.0}


def database_mb(target: str) -> float:
    """The store's size on disk: the SQLite file with its journal, or the PostgreSQL database."""
    if "://" not in target:
        return sum(Path(f"{target}{suffix}").stat().st_size for suffix in ("", "-wal")
                   if Path(f"{target}{suffix}").exists()) / 2**20
    engine = open_database(target)
    with engine.connect() as connection:
        size = connection.execute(sql_text("SELECT pg_database_size(current_database())")).scalar_one()
    engine.dispose()
    return size / 2**20


# ----------------------------------------------------------------------------- the report

def say(label: str, figures: dict, unit: str = "articles") -> float:
    rate = figures["added"] / figures["seconds"] if figures["seconds"] else 0.0
    memory = f", peak memory {figures['peak_mb']:.0f} MB" if figures["peak_mb"] else ""
    print(f"{label}: {figures['added']} {unit} in {figures['seconds']:.1f} s = {rate:.1f} {unit}/s{memory}",
          flush=True)
    fresh = "store of 0 " in label or "fresh" in label
    if fresh and figures.get("database_mb") and figures["claims"]:
        print(f"  store: {figures['database_mb']:.1f} MB, "
              f"{figures['database_mb'] * 1000 / figures['claims']:.2f} MB per 1,000 claims")
    for failure in figures["failed"]:
        print(f"  failed: {failure[:300]}")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a JSONL file of {doc_id, text} records: the articles ingested")
    parser.add_argument("--fill", type=Path, help="the corpus the filled stores are made from (not CORPUS)")
    parser.add_argument("--stores", default="0", help="claims already in the store, comma-separated (0: fresh)")
    parser.add_argument("--jobs", default="1,2", help="extraction workers to measure, comma-separated")
    parser.add_argument("--limit", type=int, help="only the first N articles of CORPUS")
    parser.add_argument("--postgres", metavar="SERVER_URL", help="also PostgreSQL: a role that may create databases")
    parser.add_argument("--reextract", type=int, default=0, metavar="N",
                        help="also time `reextract` of N sources in each filled store")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()), help="where filled stores are kept")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, target, jobs = args.child
        if kind == "engine":
            figures = engine_run(args.corpus, args.limit)
        elif kind == "reextract":
            figures = reextract_run(target, args.reextract, int(jobs))
        else:
            figures = one_run(target, args.corpus, args.limit, int(jobs))
        print(json.dumps(figures))
        return
    stores = [int(n) for n in args.stores.split(",")]
    jobs = [int(n) for n in args.jobs.split(",")]
    if any(stores) and (args.fill is None or args.fill.resolve() == args.corpus.resolve()):
        parser.error("--stores above 0 need --fill, another corpus than the one ingested")
    limit = [f"--limit={args.limit}"] if args.limit else []
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}")
    engine_rate = say("engine alone, one process", in_child("engine", "-", "1", str(args.corpus), *limit))
    for claims in stores:
        template = filled_store(claims, args.fill, args.cache) if claims else None
        for workers in jobs:
            with tempfile.TemporaryDirectory(dir=args.cache) as tmp:
                db = Path(tmp) / "bench.db"
                if template is not None:
                    shutil.copy(template, db)
                rate = say(f"SQLite, store of {claim_count(db):,} claims, --jobs {workers}",
                           in_child("ingest", str(db), str(workers), str(args.corpus), *limit))
                if claims == 0:
                    print(f"  {rate / engine_rate:.0%} of the engine's own rate")
                elif args.reextract:
                    say(f"  reextract there, --jobs {workers}",
                        in_child("reextract", str(db), str(workers), str(args.corpus), *limit,
                                 f"--reextract={args.reextract}"), unit="sources")
    if args.postgres:
        for workers in jobs:
            target, drop = postgres_database(args.postgres)
            try:
                say(f"PostgreSQL, fresh store, --jobs {workers}",
                    in_child("ingest", target, str(workers), str(args.corpus), *limit))
            finally:
                drop()
        target, drop = postgres_database(args.postgres)
        try:
            say("PostgreSQL, fresh store, two ingest processes at once", two_processes(target, args.corpus, args.limit))
        finally:
            drop()


if __name__ == "__main__":
    main()
