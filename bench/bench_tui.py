#!/usr/bin/env python3
"""The terminal UI on a large store: time to the first screen, to each other screen, and scrolling.

Builds (once; reused while it holds the wanted number of claims) an SQLite store of synthetic
articles with bulk inserts into the real schema (`open_database` creates it, Alembic migrations and
the full-text triggers included), then drives the real app headless with `App.run_test()`.

    .venv/bin/python bench/bench_tui.py [--claims 1000000] [--db /tmp/claimtrack-bench-1m.db] [--runs 5]

Prints medians over the runs (milliseconds). No corpus is needed: the articles are generated.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import sqlite3
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claimtrack.store.database import open_database

CLAIMS_PER_SOURCE = 100
STANCES = ("asserts", "denies", "accuses", "warns", "urges", "confirms", "admits", "hedges", "alleges", "rejects")
TOPICS = ("the harbour", "the border", "the budget", "the pipeline", "the election", "the ceasefire", "the vaccine",
          "the bridge", "the mine", "the treaty", "the tariff", "the reservoir")
VERBS = ("reopen", "close", "double", "collapse", "be delayed", "be ready", "cost more", "be signed")
FIRST = ("Ana", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kemal", "Lena")
LAST = ("Markovic", "Novak", "Okafor", "Petrov", "Quinn", "Rossi", "Silva", "Tanaka", "Ueda", "Varga", "Weber")


def article(rng: random.Random, source_no: int, speakers: list[str]) -> tuple[str, list[tuple]]:
    """A synthetic article of CLAIMS_PER_SOURCE reported claims, with each claim's offsets and cue."""
    parts, claims, at = [], [], 0
    title = f"Desk digest {source_no}: {rng.choice(TOPICS)} under scrutiny\n\n"
    parts.append(title)
    at += len(title)
    for _ in range(CLAIMS_PER_SOURCE):
        speaker_no = rng.randrange(len(speakers))
        words = f"{rng.choice(TOPICS)} would {rng.choice(VERBS)} by {rng.randint(2024, 2031)}"
        sentence = f"{speakers[speaker_no]} said {words}. "
        start = at + len(speakers[speaker_no]) + len(" said ")
        cue_start = at + len(speakers[speaker_no]) + 1
        claims.append((speaker_no, words, start, start + len(words), cue_start, cue_start + 4))
        parts.append(sentence)
        at += len(sentence)
    return "".join(parts), claims


def build_store(path: Path, claims_wanted: int, seed: int = 7) -> float:
    """Bulk-load the store; returns the seconds it took."""
    started = time.perf_counter()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    open_database(str(path)).dispose()  # the real schema, migrated
    rng = random.Random(seed)
    sources = max(1, claims_wanted // CLAIMS_PER_SOURCE)
    speaker_names = [f"{f} {last}" for last in LAST for f in FIRST] * 1
    speaker_names = [f"{name} {n}" if n else name for n in range(max(1, 2000 // len(speaker_names)))
                     for name in speaker_names]
    now = datetime.now(UTC).isoformat(sep=" ")
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=OFF")
    with connection:
        connection.executemany(
            "INSERT INTO speaker (id, name, kind, role, affiliation, created_at) VALUES (?, ?, 'person', ?, ?, ?)",
            [(i + 1, name, rng.choice(("minister", "spokesman", "mayor", None)), rng.choice(("Cabinet", None)), now)
             for i, name in enumerate(speaker_names)])
        connection.executemany("INSERT INTO speakeralias (speaker_id, alias) VALUES (?, ?)",
                               [(i + 1, alias) for i, name in enumerate(speaker_names)
                                for alias in {name, name.split()[1]}])
    claim_id = 0
    for first in range(0, sources, 500):
        source_rows, claim_rows = [], []
        for source_no in range(first + 1, min(sources, first + 500) + 1):
            text, claims = article(rng, source_no, speaker_names)
            source_rows.append((source_no, f"{source_no:064x}", f"bench/{source_no}.txt",
                                f"Desk digest {source_no}", "The Bench Post", "2024-01-01", now, "text", text))
            for speaker_no, words, start, end, cue_start, cue_end in claims:
                claim_id += 1
                claim_rows.append((claim_id, source_no, speaker_no + 1, words, start, end, "indirect", "said",
                                   cue_start, cue_end, rng.choice(STANCES), 0.8, "bench", "auto", "unreviewed",
                                   now, now))
        with connection:
            connection.executemany(
                "INSERT INTO source (id, content_hash, location, title, outlet, published, ingested_at, format, text)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", source_rows)
            connection.executemany(
                "INSERT INTO claim (id, source_id, speaker_id, text, start, \"end\", kind, cue, cue_start, cue_end,"
                " stance, confidence, rule, origin, status, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", claim_rows)
    with connection:  # a contradiction for every 50th claim, with a claim of another source
        connection.executemany(
            "INSERT OR IGNORE INTO claimrelation (claim_a_id, claim_b_id, kind, score, reason, origin, status,"
            " created_at, updated_at) VALUES (?, ?, 'contradicts', ?, 'bench: opposite stances on one topic',"
            " 'auto', 'suggested', ?, ?)",
            [(a, (a + 12_345) % claim_id + 1, round(rng.random(), 3), now, now)
             for a in range(1, claim_id + 1, 50) if (a + 12_345) % claim_id + 1 != a])
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.execute("ANALYZE")
    connection.close()
    return time.perf_counter() - started


def claim_count(path: Path) -> int:
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(path) as connection:
            return connection.execute("SELECT count(*) FROM claim").fetchone()[0]
    except sqlite3.DatabaseError:
        return 0


async def wait_for_rows(pilot, table, at_least: int = 1, timeout: float = 30.0) -> None:
    deadline = time.perf_counter() + timeout
    while table.row_count < at_least:
        if time.perf_counter() > deadline:
            raise TimeoutError(f"{table.id}: no rows after {timeout} s")
        await asyncio.sleep(0.002)


async def one_run(db: Path) -> dict[str, float]:
    from tui.app import make_app
    from tui.widgets.paged_table import PagedTable

    figures: dict[str, float] = {}
    started = time.perf_counter()
    app = make_app(str(db), author="bench")
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_rows(pilot, app.screen.query_one(PagedTable))
        figures["first screen (Sources, rows shown)"] = time.perf_counter() - started
        for key, name in (("2", "Claims"), ("3", "Contradictions"), ("4", "Speakers")):
            began = time.perf_counter()
            await pilot.press(key)
            await wait_for_rows(pilot, app.screen.query_one(PagedTable))
            figures[f"switch to {name} (rows shown)"] = time.perf_counter() - began
        await pilot.press("2")
        table = app.screen.query_one(PagedTable)
        table.focus()
        await pilot.pause()
        steps = []
        for _ in range(600):  # 600 rows down: three pages fetched on the way
            began = time.perf_counter()
            await pilot.press("j")
            steps.append(time.perf_counter() - began)
        figures["scroll one row (median key press)"] = statistics.median(steps)
        figures["scroll one row (worst key press)"] = max(steps)
        # The same presses with the detail pane held back: the cursor alone. The pane is read once the
        # cursor rests (DETAIL_DELAY), which the pilot's press waits for; a person sees the cursor first.
        import tui.screens.claims as claims_screen

        delay, claims_screen.DETAIL_DELAY = claims_screen.DETAIL_DELAY, 60.0
        cursor_only = []
        for _ in range(200):
            began = time.perf_counter()
            await pilot.press("k")
            cursor_only.append(time.perf_counter() - began)
        claims_screen.DETAIL_DELAY = delay
        figures["scroll one row, cursor only (median key press)"] = statistics.median(cursor_only)
        began = time.perf_counter()
        for _ in range(20):
            await pilot.press("pagedown")
        await pilot.app.workers.wait_for_complete()
        figures["20 pages down (incl. page fetches)"] = time.perf_counter() - began
        figures["rows loaded after scrolling"] = table.row_count
    # The store reads behind the screens, timed alone (no app drawing at the same time).
    from claimtrack.queries.claims import ClaimFilter
    from tui.desk import Desk

    desk = Desk.open(str(db), author="bench")
    deep = desk.claim_position(max(1, claim_count(db) - 1_000))
    for name, read in (("page of claims near the end (keyset)", lambda: desk.claims(ClaimFilter(), after=deep)),
                       ("first page of one speaker's claims", lambda: desk.claims(ClaimFilter(speaker="Lena Weber"))),
                       ("full-text search, first page", lambda: desk.claims(ClaimFilter(search="harbour reopen"))),
                       ("count of all claims", lambda: desk.count_claims(ClaimFilter())),
                       ("claim detail (sentence, history)", lambda: desk.claim_detail(deep[2]))):
        began = time.perf_counter()
        read()
        figures[name] = time.perf_counter() - began
    # The triage queue's filters: the first page and the total, as the Contradictions screen reads them.
    from claimtrack.queries.triage import parse_triage

    for line in ("status:suggested", "speaker:'Lena Weber'", "sort:date", "sort:speaker", "score:0.9 status:all"):
        query = parse_triage(line)
        began = time.perf_counter()
        desk.relations(query, limit=60)
        desk.count_relations(query)
        figures[f"queue {line} (page + total)"] = time.perf_counter() - began
    desk.engine.dispose()
    return figures


async def bare_textual_baseline() -> dict[str, float]:
    """The same pilot on a bare Textual app (one DataTable of 1,000 rows per mode, no database): what the
    framework and the pilot cost by themselves, to read the figures above against."""
    from textual.app import App
    from textual.screen import Screen
    from textual.widgets import DataTable, Footer, Header

    class Bare(Screen):
        def compose(self):
            yield Header()
            yield DataTable(cursor_type="row")
            yield Footer()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("id", "speaker", "stance", "status", "kind", "source", "claim")
            for n in range(1000):
                table.add_row(str(n), "John Kirby", "asserts", "unreviewed", "direct", "1", "x" * 70)
            table.focus()

    class BareApp(App):
        MODES = {"a": Bare, "b": Bare}
        DEFAULT_MODE = "a"
        BINDINGS = [("2", "switch_mode('b')")]

    app = BareApp()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        began = time.perf_counter()
        await pilot.press("2")
        switch = time.perf_counter() - began
        steps = []
        for _ in range(200):
            began = time.perf_counter()
            await pilot.press("down")
            steps.append(time.perf_counter() - began)
    return {"bare Textual: switch screen": switch, "bare Textual: scroll one row (median)": statistics.median(steps)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/claimtrack-bench-1m.db"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true", help="Build the store again even if it is there.")
    parser.add_argument("--json", action="store_true", help="Print the medians as JSON too.")
    args = parser.parse_args()
    os.environ.setdefault("CLAIMTRACK_AUTHOR", "bench")

    have = claim_count(args.db)
    if args.rebuild or have < args.claims:
        print(f"building {args.claims:,} claims in {args.db} ...", flush=True)
        seconds = build_store(args.db, args.claims)
        print(f"  built in {seconds:.1f} s ({args.db.stat().st_size / 2**20:.0f} MiB)")
    print(f"store: {claim_count(args.db):,} claims · machine: {platform.machine()}, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}, {platform.system()}")
    runs = [asyncio.run(one_run(args.db)) for _ in range(args.runs)]
    medians = {name: statistics.median(run[name] for run in runs) for name in runs[0]}
    width = max(map(len, medians))
    print(f"median of {args.runs} runs:")
    for name, value in medians.items():
        shown = f"{value:,.0f}" if name.startswith("rows") else f"{value * 1000:8.1f} ms"
        print(f"  {name:<{width}}  {shown}")
    print("for reference, the same pilot on a bare Textual app (no database):")
    for name, value in asyncio.run(bare_textual_baseline()).items():
        print(f"  {name:<{width}}  {value * 1000:8.1f} ms")
    if args.json:
        print(json.dumps(medians))


if __name__ == "__main__":
    main()
