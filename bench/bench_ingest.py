#!/usr/bin/env python3
"""Ingest throughput and database size: documents per second (median of several runs) and KB per
1,000 claims, ingesting a JSONL corpus into a fresh SQLite database each run.

    .venv/bin/python bench/bench_ingest.py ../shared/corpora/polnear/train.jsonl [--runs 3] [--db-url URL]

The corpus texts are only read, never copied. Prints the figures the README quotes.
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import sqlite3
import tempfile
import time
from pathlib import Path

from claimtrack.ingest import ingest_documents
from claimtrack.readers import read_inputs
from claimtrack.store.database import open_database


def one_run(corpus: Path, folder: Path, index: int) -> tuple[float, int, int, int]:
    db = folder / f"bench-{index}.db"
    engine = open_database(str(db))
    started = time.perf_counter()
    report = ingest_documents(engine, read_inputs([str(corpus)]))
    elapsed = time.perf_counter() - started
    engine.dispose()
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        claims = connection.execute("SELECT count(*) FROM claim").fetchone()[0]
    size = db.stat().st_size
    if report.failed:
        print(f"  {len(report.failed)} documents failed, e.g. {report.failed[0]}")
    return elapsed, len(report.added), claims, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a JSONL file of {doc_id, text} records")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    rates, sizes = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for index in range(args.runs):
            elapsed, docs, claims, size = one_run(args.corpus, Path(tmp), index)
            rates.append(docs / elapsed)
            sizes.append(size / claims * 1000 / 1024 if claims else 0.0)
            print(f"run {index + 1}: {docs} documents, {claims} claims in {elapsed:.2f} s = {docs / elapsed:.1f} docs/s; "
                  f"database {size / 1024 / 1024:.1f} MB")
    print(f"ingest throughput (median of {args.runs}): {statistics.median(rates):.1f} documents/s")
    print(f"database size: {statistics.median(sizes):.0f} KB per 1,000 claims (source texts included)")


if __name__ == "__main__":
    main()
