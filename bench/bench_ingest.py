#!/usr/bin/env python3
"""Ingest throughput and database size: documents per second (median of several runs) and KB per
1,000 claims, ingesting a JSONL corpus into a fresh database each run: SQLite and, with --postgres,
PostgreSQL beside it (a new database made on that server for each run, dropped afterwards).

    .venv/bin/python bench/bench_ingest.py ../shared/corpora/polnear/train.jsonl [--runs 3]
        [--postgres postgresql://USER@HOST:PORT/postgres] [--limit N]

Throughput includes the engine, the store and the contradiction search against the growing store.
The corpus texts are only read, never copied. Prints the figures the README quotes.
"""
from __future__ import annotations

import argparse
import itertools
import os
import platform
import sqlite3
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import text

from claimtrack.ingest.batch import ingest_documents
from claimtrack.ingest.readers import read_inputs
from claimtrack.store.database import database_url, open_database


def documents(corpus: Path, limit: int | None):
    return itertools.islice(read_inputs([str(corpus)]), limit)


def sqlite_run(corpus: Path, limit: int | None, folder: Path, index: int) -> tuple[float, int, int, int]:
    db = folder / f"bench-{index}.db"
    engine = open_database(str(db))
    started = time.perf_counter()
    report = ingest_documents(engine, documents(corpus, limit))
    elapsed = time.perf_counter() - started
    engine.dispose()
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        claims = connection.execute("SELECT count(*) FROM claim").fetchone()[0]
    _say_failures(report)
    return elapsed, len(report.added), claims, db.stat().st_size


def postgres_run(corpus: Path, limit: int | None, server: str) -> tuple[float, int, int, int]:
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(database_url(server))
    admin = url.set(drivername="postgresql").render_as_string(hide_password=False)
    name = f"claimtrack_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        engine = open_database(url.set(database=name).render_as_string(hide_password=False))
        with engine.connect() as connection:  # an empty database already takes ~7 MB of catalogues: not counted
            empty = connection.execute(text("SELECT pg_database_size(current_database())")).scalar()
        started = time.perf_counter()
        report = ingest_documents(engine, documents(corpus, limit))
        elapsed = time.perf_counter() - started
        with engine.connect() as connection:
            claims = connection.execute(text("SELECT count(*) FROM claim")).scalar()
            size = connection.execute(text("SELECT pg_database_size(current_database())")).scalar() - empty
        engine.dispose()
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _say_failures(report)
    return elapsed, len(report.added), claims, size


def _say_failures(report) -> None:
    if report.failed:
        print(f"  {len(report.failed)} documents failed, e.g. {report.failed[0]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a JSONL file of {doc_id, text} records")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.add_argument("--postgres", metavar="SERVER_URL",
                        help="also measure PostgreSQL: a server URL whose role may create databases")
    args = parser.parse_args()
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    backends = ["SQLite"] + (["PostgreSQL"] if args.postgres else [])
    with tempfile.TemporaryDirectory() as tmp:
        for backend in backends:
            rates, sizes = [], []
            for index in range(args.runs):
                if backend == "SQLite":
                    elapsed, docs, claims, size = sqlite_run(args.corpus, args.limit, Path(tmp), index)
                else:
                    elapsed, docs, claims, size = postgres_run(args.corpus, args.limit, args.postgres)
                rates.append(docs / elapsed)
                sizes.append(size / claims * 1000 / 1024 if claims else 0.0)
                print(f"{backend} run {index + 1}: {docs} documents, {claims} claims in {elapsed:.2f} s = "
                      f"{docs / elapsed:.1f} docs/s; database {size / 1024 / 1024:.1f} MB")
            print(f"{backend} ingest throughput (median of {args.runs}): {statistics.median(rates):.1f} documents/s")
            print(f"{backend} database size: {statistics.median(sizes):.0f} KB per 1,000 claims "
                  "(source texts and indexes included)")


if __name__ == "__main__":
    main()
