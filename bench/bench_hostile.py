"""Time and memory of the engine on hostile article shapes (issue 18, item 6).

    .venv/bin/python bench/bench_hostile.py [--timeout 300] [--scale 1.0] [--ingest]

Each shape runs in a child process of its own (so that its peak memory is its own) and is stopped
after --timeout seconds. Prints, per shape: its size, seconds, the child's peak RSS and the claims
found. --scale multiplies every size (0.1 for a quick look); --ingest stores each article in a fresh
SQLite database with `ingest_documents` (engine, store and contradiction suggestions) instead of
running the engine alone.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

MB = 1_000_000
SHAPES = {
    # the red-team's three
    "5 MB line without sentence punctuation": (
        5 * MB, lambda n: ("the minister said the plan would work and the critics " * (n // 55 + 1))[:n]),
    "220 KB of 'Kirby said '": (220_000, lambda n: ("Kirby said " * (n // 11 + 1))[:n]),
    "20,000 quotes in one paragraph": (
        20_000 * 35, lambda n: ('"This is a long text," Kirby said. ' * (n // 35 + 1))[:n]),
    # and their relatives
    "20,000 quote paragraphs": (20_000 * 29, lambda n: ('"This is a long text here."\n\n' * (n // 29 + 1))[:n]),
    "200 KB of 'He said that '": (200_000, lambda n: ("He said that " * (n // 13 + 1))[:n]),
    "200 KB of 'He said \" '": (200_000, lambda n: ('He said " ' * (n // 10 + 1))[:n]),
    "5 MB of possessive marks": (5 * MB, lambda n: "‘The Jones’ " + "Jones’ " * (n // 7) + "end’."),
    "one 1 MB paragraph of sentences": (
        MB, lambda n: ("Kirby said the plan would work. " * (n // 32 + 1))[:n]),
}


def _child(name: str, size: int, ingest: bool, out) -> None:
    from claimtrack.engine import extract

    text = SHAPES[name][1](size)
    t0 = time.perf_counter()
    if ingest:
        from claimtrack.ingest.batch import ingest_documents
        from claimtrack.ingest.readers import SourceDocument
        from claimtrack.store.database import open_database

        with tempfile.TemporaryDirectory() as tmp:
            engine = open_database(f"{tmp}/bench.db")
            report = ingest_documents(engine, [SourceDocument(location="hostile.txt", text=text, format="txt")])
            found = f"{report.claims_stored} claims stored" + (f"; {report.failed[0]}" if report.failed else "")
    else:
        ex = extract(text)
        found = f"{len(ex.claims)} claims" + (f", stopped at {ex.truncated_at:,}" if ex.truncated_at else "")
    seconds = time.perf_counter() - t0
    out.send((seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, found))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--ingest", action="store_true")
    ap.add_argument("--only", help="run the shapes whose name contains this")
    args = ap.parse_args()
    print(f"{'shape':42} {'chars':>10} {'seconds':>9} {'peak MB':>8}  result")
    for name, (size, _) in SHAPES.items():
        if args.only and args.only not in name:
            continue
        size = int(size * args.scale)
        recv, send = mp.Pipe(duplex=False)
        child = mp.Process(target=_child, args=(name, size, args.ingest, send))
        child.start()
        if recv.poll(args.timeout):
            seconds, peak, found = recv.recv()
            print(f"{name:42} {size:>10,} {seconds:>9.2f} {peak:>8}  {found}", flush=True)
        else:
            print(f"{name:42} {size:>10,} {'>' + str(int(args.timeout)):>9} {'':>8}  stopped", flush=True)
            child.kill()
        child.join()


if __name__ == "__main__":
    main()
