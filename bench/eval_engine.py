"""Extract claims from a PolNeAR-style gold JSONL, write predictions, print the scorer's figures.

    .venv/bin/python bench/eval_engine.py GOLD.jsonl [--out PRED.jsonl] [--scorer score_quotes.py]
        [--stance STANCE.jsonl]

Without --scorer the figures come from claimtrack.evaluation.score_documents (same definitions).
With --stance (a stance set such as corpora/stance/dev_stance.jsonl: one labelled attribution a line,
{"doc_id", "start", "end", "spans"?, "stance", "alt"?}) it also prints, on the attributions matched as
the scorer matches them, the stance accuracy, the lenient one (gold or alt), each stance's precision
and recall and the confusion matrix (gold rows, predicted columns), so the next person sees where
stance fails.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claimtrack.engine import extract
from claimtrack.evaluation import _matches, quotes_record, score_documents
from claimtrack.vocabulary import Stance

NONE = "<none>"  # a matched prediction without a stance: always wrong


def load_stance_gold(path: str) -> dict[str, list[dict[str, Any]]]:
    """The labelled attributions of a stance set by doc_id, in file order."""
    gold: dict[str, list[dict[str, Any]]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                record = json.loads(line)
                gold.setdefault(record["doc_id"], []).append(record)
    return gold


def stance_scores(gold: dict[str, list[dict[str, Any]]], pred: dict[str, dict[str, Any]],
                  threshold: float = 0.5) -> dict[str, Any]:
    """Accuracy, lenient accuracy, per-stance precision/recall/F1 and the confusion matrix on matched pairs."""
    confusion: Counter[tuple[str, str]] = Counter()
    lenient = 0
    for doc_id, gq in gold.items():
        pq = pred.get(doc_id, {}).get("quotes", [])
        for i, j in _matches(pq, gq, threshold):
            said, labelled = pq[i].get("stance") or NONE, gq[j]["stance"]
            confusion[labelled, said] += 1
            lenient += said in (labelled, gq[j].get("alt"))
    matched = sum(confusion.values())
    correct = sum(n for (g, p), n in confusion.items() if g == p)
    per_stance = {}
    for stance in (str(s) for s in Stance):
        gold_n = sum(n for (g, _), n in confusion.items() if g == stance)
        pred_n = sum(n for (_, p), n in confusion.items() if p == stance)
        hit = confusion[stance, stance]
        p = hit / pred_n if pred_n else None
        r = hit / gold_n if gold_n else None
        f = 2 * p * r / (p + r) if p and r else 0.0
        per_stance[stance] = {"matched": gold_n, "predicted": pred_n, "correct": hit,
                              "precision": p, "recall": r, "f1": f}
    return {"matched": matched, "correct": correct, "accuracy": correct / matched if matched else None,
            "lenient_accuracy": lenient / matched if matched else None,
            "per_stance": per_stance, "confusion": confusion}


def print_stance(scores: dict[str, Any]) -> None:
    def fig(x: float | None) -> str:
        return "    -" if x is None else f"{x:5.3f}"

    matched = scores["matched"]
    print(f"stance on {matched} matched attributions: accuracy {fig(scores['accuracy'])}, "
          f"lenient (gold or alt) {fig(scores['lenient_accuracy'])}")
    print(f"{'stance':12} {'matched':>7} {'pred':>5} {'correct':>7} {'prec':>6} {'recall':>6} {'f1':>6}")
    for stance, s in scores["per_stance"].items():
        print(f"{stance:12} {s['matched']:7} {s['predicted']:5} {s['correct']:7} {fig(s['precision']):>6} "
              f"{fig(s['recall']):>6} {s['f1']:6.3f}")
    columns = [str(s) for s in Stance] + ([NONE] if any(p == NONE for _, p in scores["confusion"]) else [])
    print("confusion (rows = gold, columns = predicted)")
    print(f"{'':12}" + "".join(f"{c[:5]:>6}" for c in columns))
    for stance in (str(s) for s in Stance):
        row = [scores["confusion"][stance, c] for c in columns]
        print(f"{stance:12}" + "".join(f"{n or '.':>6}" for n in row))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--out", default=None, help="where to write predictions (default: a temp file)")
    ap.add_argument("--scorer", default=None, help="path to score_quotes.py to run instead")
    ap.add_argument("--thr", type=float, nargs="*", default=[0.5, 0.9])
    ap.add_argument("--stance", default=None, help="a stance set (dev_stance.jsonl): per-stance figures and confusion")
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
    if args.stance:
        print_stance(stance_scores(load_stance_gold(args.stance), pred, args.thr[0]))


if __name__ == "__main__":
    main()
