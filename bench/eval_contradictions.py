"""Precision and recall of the contradiction finder on hand-labelled articles, end to end.

The articles are ingested into a fresh temporary store exactly as `claimtrack ingest` does (the
engine finds the claims, the finder suggests relations as each article arrives); then every
suggested `contradicts` or `counters` relation is matched against the labels:

- precision: suggestions that match a labelled contradiction / all suggestions;
- recall: labelled contradictions matched by a suggestion / all labelled contradictions
  (also given over the "reachable" pairs, whose two claims the engine extracted at all);
- hard negatives flagged: labelled pairs about the same matter that do not conflict, yet suggested.

A label side is an article file name and words of the claim (a substring of its text).

    .venv/bin/python bench/eval_contradictions.py                       # the project's fixtures
    .venv/bin/python bench/eval_contradictions.py --labels other/labels.json --articles other/articles -v
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlmodel import Session, select  # noqa: E402

from claimtrack.ingest.batch import ingest_documents  # noqa: E402
from claimtrack.ingest.readers import read_inputs  # noqa: E402
from claimtrack.queries.contradictions import contradiction_rows  # noqa: E402
from claimtrack.store.database import open_database  # noqa: E402
from claimtrack.store.models import Claim, Source  # noqa: E402

FIXTURES = ROOT / "fixtures" / "contradictions"


def claims_by_article(session: Session) -> dict[str, list[tuple[int, str]]]:
    found: dict[str, list[tuple[int, str]]] = {}
    for claim_id, text, location in session.exec(select(Claim.id, Claim.text, Source.location)
                                                 .join(Source, Source.id == Claim.source_id)):
        found.setdefault(Path(location or "").name, []).append((claim_id, text))
    return found


def side_ids(side: list[str], claims: dict[str, list[tuple[int, str]]]) -> set[int]:
    article, words = side
    return {claim_id for claim_id, text in claims.get(article, []) if words.lower() in text.lower()}


def evaluate(labels_path: Path, articles: Path, verbose: bool = False) -> dict:
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        engine = open_database(str(Path(folder) / "eval.db"))
        report = ingest_documents(engine, read_inputs([str(articles)]))
        if report.failed:
            raise SystemExit("\n".join(report.failed))
        with Session(engine) as session:
            claims = claims_by_article(session)
            suggestions = contradiction_rows(session)
        engine.dispose()

    def pair_sets(pairs):
        return [(side_ids(p["a"], claims), side_ids(p["b"], claims), p) for p in pairs]

    gold = pair_sets(labels["contradictions"])
    negatives = pair_sets(labels.get("hard_negatives", []))

    def matches(row, a_ids, b_ids):
        x, y = row["a"]["id"], row["b"]["id"]
        return (x in a_ids and y in b_ids) or (x in b_ids and y in a_ids)

    true_rows = [r for r in suggestions if any(matches(r, a, b) for a, b, _ in gold)]
    found = [p for a, b, p in gold if any(matches(r, a, b) for r in suggestions)]
    reachable = [p for a, b, p in gold if a and b]
    flagged = [p for a, b, p in negatives if any(matches(r, a, b) for r in suggestions)]
    result = {
        "articles": len(report.added), "claims": sum(len(v) for v in claims.values()),
        "suggestions": len(suggestions), "true suggestions": len(true_rows),
        "labelled contradictions": len(gold), "found": len(found), "reachable": len(reachable),
        "precision": round(len(true_rows) / len(suggestions), 3) if suggestions else None,
        "recall": round(len(found) / len(gold), 3) if gold else None,
        "recall of reachable": round(len(found) / len(reachable), 3) if reachable else None,
        "hard negatives": len(negatives), "hard negatives flagged": len(flagged),
    }
    if verbose:
        print("false suggestions:")
        for row in suggestions:
            if row not in true_rows:
                print(f"  {row['a']['id']} ~ {row['b']['id']} ({row['score']:.2f}): {row['reason']}")
                print(f"      a: {row['a']['text'][:100]}\n      b: {row['b']['text'][:100]}")
        print("missed contradictions:")
        for a, b, pair in gold:
            if pair not in found:
                print(f"  {pair['a'][1]!r} ~ {pair['b'][1]!r} ({pair['why']})"
                      f"{'' if a and b else ' [a claim was not extracted]'}")
        print("hard negatives flagged:")
        for pair in flagged:
            print(f"  {pair['a'][1]!r} ~ {pair['b'][1]!r} ({pair['why']})")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--labels", type=Path, default=FIXTURES / "labels.json")
    parser.add_argument("--articles", type=Path, default=FIXTURES / "articles")
    parser.add_argument("-v", "--verbose", action="store_true", help="List false suggestions and missed pairs.")
    args = parser.parse_args()
    result = evaluate(args.labels, args.articles, args.verbose)
    width = max(len(k) for k in result)
    for key, value in result.items():
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    main()
