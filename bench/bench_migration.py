"""Migration 0005 (ids never taken again) on a store of 1,000,000 claims: how long an upgrade takes.

A store at schema 0004 is built once in the temporary folder (kept for later runs; `--rebuild` makes
it again): 2,000 sources, 5,000 speakers with an alias each, the claims (their text in the full-text
index), 100,000 relations and 50,000 revisions, some naming rows removed since. Each run copies it
and times `open_database` on the copy, which applies 0005 in one transaction; then it checks that
every row is still there.

    .venv/bin/python bench/bench_migration.py                 # 1,000,000 claims
    .venv/bin/python bench/bench_migration.py --claims 100000
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimtrack.store.database import open_database  # noqa: E402

WORDS = ("troops border minister denied reservoir tender cost million euros council report safe water "
         "general said warned rejected budget port authority lab cleaner bill rise fall").split()
TABLES = ("source", "speaker", "speakeralias", "claim", "claimrelation", "revision")


def build(path: Path, claims: int) -> None:
    """A store at 0004 with *claims* claims (and what goes with them)."""
    open_database(str(path), migrate_to="0004").dispose()
    rng = random.Random(5)
    moment = "2026-01-01 00:00:00.000000"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=OFF")
        db.executemany("INSERT INTO source (id, content_hash, location, ingested_at, format, text) "
                       "VALUES (?, ?, ?, ?, 'text', ?)",
                       ((n, f"{n:064x}", f"article-{n}.txt", moment, " ".join(rng.choices(WORDS, k=400)))
                        for n in range(1, 2001)))
        db.executemany("INSERT INTO speaker (id, name, kind, created_at) VALUES (?, ?, 'person', ?)",
                       ((n, f"Speaker {n}", moment) for n in range(1, 5001)))
        db.executemany("INSERT INTO speakeralias (id, speaker_id, alias) VALUES (?, ?, ?)",
                       ((n, n, f"speaker {n}") for n in range(1, 5001)))
        db.executemany(
            "INSERT INTO claim (id, source_id, speaker_id, text, start, end, kind, stance, confidence, origin,"
            " status, parent_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'direct', 'asserts', 0.9,"
            " 'auto', 'unreviewed', ?, ?, ?)",
            ((n, rng.randint(1, 2000), rng.randint(1, 5000), " ".join(rng.choices(WORDS, k=12)), 0, 60,
              n - 1 if n % 10 == 0 else None, moment, moment) for n in range(1, claims + 1)))
        db.executemany(
            "INSERT INTO claimrelation (id, claim_a_id, claim_b_id, kind, score, origin, status, created_at,"
            " updated_at) VALUES (?, ?, ?, 'contradicts', 0.5, 'auto', 'suggested', ?, ?)",
            ((n, n, n + 1, moment, moment) for n in range(1, min(100_000, claims - 1) + 1)))
        db.executemany(
            "INSERT INTO revision (table_name, row_id, field, old_value, new_value, author, created_at)"
            " VALUES ('claim', ?, 'verdict', NULL, 'False', 'ana', ?)",
            ((rng.randint(1, claims + 100), moment) for _ in range(50_000)))  # some name removed claims


def counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        return {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--rebuild", action="store_true", help="build the 0004 store again")
    args = parser.parse_args()

    kept = Path(tempfile.gettempdir()) / f"claimtrack-bench-0004-{args.claims}.db"
    if args.rebuild or not kept.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{kept}{suffix}").unlink(missing_ok=True)
        started = time.perf_counter()
        build(kept, args.claims)
        print(f"built {kept} in {time.perf_counter() - started:.1f} s")
    work = kept.with_name(kept.stem + "-migrating.db")
    for suffix in ("-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(kept, work)
    before = counts(work)
    started = time.perf_counter()
    open_database(str(work)).dispose()
    elapsed = time.perf_counter() - started
    assert counts(work) == before, "rows lost"
    with sqlite3.connect(work) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == ("0005",)
        sequence = dict(db.execute("SELECT name, seq FROM sqlite_sequence").fetchall())
    size = os.path.getsize(work) / 2**20
    print(f"migration 0005: {before['claim']:,} claims, {before['claimrelation']:,} relations, "
          f"{before['revision']:,} revisions ({size:,.0f} MiB): {elapsed:.1f} s "
          f"on {platform.python_implementation()} {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
          f"{os.cpu_count()} CPUs; claim counter now {sequence['claim']:,}")
    work.unlink()


if __name__ == "__main__":
    main()
