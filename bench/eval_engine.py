"""Extract claims from a PolNeAR-style gold JSONL, write predictions, print the scorer's figures.

    .venv/bin/python bench/eval_engine.py GOLD.jsonl [--out PRED.jsonl] [--scorer score_quotes.py]

Without --scorer the figures come from claimtrack.evaluation.score_documents (same definitions).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claimtrack.engine import extract
from claimtrack.evaluation import quotes_record, score_documents


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--out", default=None, help="where to write predictions (default: a temp file)")
    ap.add_argument("--scorer", default=None, help="path to score_quotes.py to run instead")
    ap.add_argument("--thr", type=float, nargs="*", default=[0.5, 0.9])
    args = ap.parse_args()
    gold = {}
    with open(args.gold, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                gold[d["doc_id"]] = d
    out = args.out or tempfile.mktemp(suffix=".jsonl", prefix="claimtrack-pred-")
    pred = {}
    with open(out, "w", encoding="utf-8") as f:
        for doc_id, d in gold.items():
            rec = quotes_record(doc_id, extract(d["text"]))
            pred[doc_id] = rec
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"predictions: {out}", file=sys.stderr)
    if args.scorer:
        cmd = [sys.executable, args.scorer, args.gold, out, "--thr", *map(str, args.thr)]
        print(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    else:
        print(json.dumps([score_documents(gold, pred, t) for t in args.thr], indent=1))


if __name__ == "__main__":
    main()
