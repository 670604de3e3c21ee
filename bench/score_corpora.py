"""Score claimtrack on the labelled corpora in ../shared with their own scorers, through the real CLI.

    .venv/bin/python bench/score_corpora.py [--shared ../shared] [--work /tmp/claimtrack-scores]

Runs, and prints what each scorer prints:
- attribution: `claimtrack extract` over PolNeAR dev, scored by tools/score_quotes.py;
- stance: the same predictions, scored by corpora/stance/score_stance.py;
- speaker identity: the speakers corpus's 25 dev articles ingested (title = doc_id), `claims --format
  json` scored by corpora/speakers/score_speakers.py;
- contradictions: the contradiction corpus's 48 articles ingested (title = doc_id, published = the
  record's date), `contradictions --format json` turned into (doc_id, offsets) pairs and scored by
  corpora/contradictions/score.py: all pairs, then the train-article and the dev-article pairs apart
  (no pair mixes the two), with the number of suggestions per article.
`--only NAME` runs one of attribution, stance, speakers, contradictions (stance needs attribution's run).
The corpora are research data: nothing of them is written inside the repository (--work is outside).
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def claimtrack(*args: str, out: Path | None = None) -> None:
    with open(out, "w") if out else open("/dev/null", "w") as handle:
        subprocess.run([sys.executable, "-m", "claimtrack", *args], stdout=handle, check=True, cwd=ROOT)


def scorer(*args: object) -> None:
    print(subprocess.run([sys.executable, *map(str, args)], capture_output=True, text=True).stdout.rstrip())


def articles(polnear: Path, doc_ids: set[str], out: Path, *, title_is_id: bool = False) -> Path:
    with out.open("w") as handle:
        for split in ("train", "dev"):
            for line in (polnear / f"{split}.jsonl").open():
                record = json.loads(line)
                if record["doc_id"] in doc_ids:
                    kept = {k: record[k] for k in ("doc_id", "text", "title", "published", "outlet", "url")
                            if k in record}
                    if title_is_id:
                        kept["title"] = record["doc_id"]
                    if "published" not in kept and record.get("date"):
                        kept["published"] = record["date"]
                    handle.write(json.dumps(kept) + "\n")
    return out


def fresh_db(path: Path) -> str:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return str(path)


def contradiction_pairs(db: str, relations: Path, out: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as store:
        doc = dict(store.execute("SELECT id, doc_id FROM source"))
        claims = {cid: (sid, s, e) for cid, sid, s, e in store.execute('SELECT id, source_id, start, "end" FROM claim')}
    pairs = []
    for relation in json.loads(relations.read_text()):
        (sa, a0, a1), (sb, b0, b1) = claims[relation["a"]["id"]], claims[relation["b"]["id"]]
        pairs.append({"a": {"doc_id": doc[sa], "start": a0, "end": a1},
                      "b": {"doc_id": doc[sb], "start": b0, "end": b1},
                      "kind": relation["kind"], "status": relation["status"]})
    out.write_text(json.dumps(pairs))
    return len(pairs), len(doc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--work", type=Path, default=Path("/tmp/claimtrack-scores"))
    parser.add_argument("--only", choices=("attribution", "stance", "speakers", "contradictions"))
    options = parser.parse_args()
    shared, work = options.shared.resolve(), options.work
    work.mkdir(parents=True, exist_ok=True)
    corpora, polnear = shared / "corpora", shared / "corpora" / "polnear"

    wanted = {options.only} if options.only else {"attribution", "stance", "speakers", "contradictions"}
    predictions = work / "dev.predictions.jsonl"
    if wanted & {"attribution", "stance"}:
        print("== attribution (PolNeAR dev, score_quotes.py)")
        claimtrack("extract", str(polnear / "dev.jsonl"), out=predictions)
        scorer(shared / "tools" / "score_quotes.py", polnear / "dev.jsonl", predictions)
    if "stance" in wanted:
        print("== stance (score_stance.py)")
        scorer(corpora / "stance" / "score_stance.py", corpora / "stance" / "dev_stance.jsonl", predictions)
    if "speakers" in wanted:
        score_speakers(corpora, polnear, work)
    if "contradictions" in wanted:
        score_contradictions(corpora, polnear, work)


def score_speakers(corpora: Path, polnear: Path, work: Path) -> None:
    print("== speaker identity (score_speakers.py)")
    labelled = corpora / "speakers" / "dev_speakers.jsonl"
    doc_ids = {json.loads(line)["doc_id"] for line in labelled.open()}
    db = fresh_db(work / "speakers.db")
    claimtrack("--db", db, "ingest", str(articles(polnear, doc_ids, work / "speakers.jsonl", title_is_id=True)))
    claims = work / "speakers.claims.json"
    claimtrack("--db", db, "claims", "--format", "json", "--limit", "1000000", out=claims)
    scorer(corpora / "speakers" / "score_speakers.py", labelled, polnear / "dev.jsonl", claims)


def score_contradictions(corpora: Path, polnear: Path, work: Path) -> None:
    print("== contradictions (score.py)")
    gold = corpora / "contradictions" / "pairs.jsonl"
    doc_ids = {json.loads(line)[side]["doc_id"] for line in gold.open() for side in ("a", "b")}
    db = fresh_db(work / "contradictions.db")
    claimtrack("--db", db, "ingest", str(articles(polnear, doc_ids, work / "contradictions.jsonl", title_is_id=True)))
    relations = work / "contradictions.relations.json"
    claimtrack("--db", db, "contradictions", "--format", "json", "--limit", "1000000", out=relations)
    count, sources = contradiction_pairs(db, relations, work / "contradictions.predictions.json")
    print(f"suggestions: {count} over {sources} articles ({count / max(sources, 1):.2f} per article)")
    scorer(corpora / "contradictions" / "score.py", work / "contradictions.predictions.json", "--gold", gold)
    dev_ids = {json.loads(line)["doc_id"] for line in (polnear / "dev.jsonl").open()}
    for split in ("train", "dev"):
        kept = [line for line in gold.open() if (json.loads(line)["a"]["doc_id"] in dev_ids) == (split == "dev")]
        split_gold = work / f"contradictions.{split}.pairs.jsonl"
        split_gold.write_text("".join(kept))
        print(f"-- {split}-article pairs only")
        scorer(corpora / "contradictions" / "score.py", work / "contradictions.predictions.json", "--gold", split_gold)


if __name__ == "__main__":
    main()
