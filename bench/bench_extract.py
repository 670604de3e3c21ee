"""Throughput of claimtrack.engine.extract over a JSONL corpus (one {"text": ...} per line).

    .venv/bin/python bench/bench_extract.py path/to/polnear/dev.jsonl [--runs 5]

Prints the median documents/second over several runs in one process and the peak memory
(tracemalloc peak of Python allocations during the runs, plus the process's max RSS).
"""
from __future__ import annotations

import argparse
import gc
import json
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claimtrack.engine import extract


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with open(args.corpus, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    extract(texts[0])  # warm imports
    rates = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        for t in texts:
            extract(t)
        rates.append(len(texts) / (time.perf_counter() - t0))
    # Memory: the peak within one pass, and what is still held after 1 and after 3 passes
    # (flat means the engine keeps nothing between documents).
    tracemalloc.start()
    for t in texts:
        extract(t)
    gc.collect()  # candidates reference each other (parent links): collect cycles before measuring
    after_one, peak = tracemalloc.get_traced_memory()
    for _ in range(2):
        for t in texts:
            extract(t)
    gc.collect()
    after_three, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents: {len(texts)}  runs: {args.runs}")
    print(f"median: {statistics.median(rates):.1f} docs/s  (min {min(rates):.1f}, max {max(rates):.1f})")
    print(f"peak traced memory during a pass: {peak / 1e6:.2f} MB; held after 1 pass: "
          f"{after_one / 1e3:.1f} kB, after 3 passes: {after_three / 1e3:.1f} kB; max RSS: {rss_mb:.1f} MB")


if __name__ == "__main__":
    main()
