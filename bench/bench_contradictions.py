"""Contradiction finder at scale: a full pass over 10,000 and 100,000 stored claims, and one new article.

Synthetic news-style claims are generated into a temporary SQLite store: stories (two entities, a few
matter words, a quantity) reported over several articles by several speakers, with the stances,
negations and numbers of real reporting (mostly assertions, some denials, rejections, warnings...).
A full pass (`full_pass`) is timed at each size; the growth factor is the ratio of the two times
(linear growth is 10, all-pairs growth 100). Then one real article (the seed, engine included) is
ingested into the 100,000-claim store, and its contradictions found, `--repeat` times; the median
is printed.

    .venv/bin/python bench/bench_contradictions.py            # 10,000 and 100,000 claims
    .venv/bin/python bench/bench_contradictions.py --sizes 2000 20000 --repeat 3
"""
from __future__ import annotations

import argparse
import hashlib
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402
from sqlmodel import Session, select  # noqa: E402

from claimtrack.contradictions.finder import full_pass, suggest_for_claims  # noqa: E402
from claimtrack.ingest.batch import ingest_documents  # noqa: E402
from claimtrack.ingest.readers import SourceDocument  # noqa: E402
from claimtrack.store.database import open_database, session_scope  # noqa: E402
from claimtrack.store.models import Claim, ClaimRelation, Source, Speaker, SpeakerAlias  # noqa: E402

SEED = ROOT / "seeds" / "serbia-kosovo-build-up-2023-09-29.txt"
CLAIMS_PER_ARTICLE = 20
CLAIMS_PER_STORY = 40

COMMON_WORDS = """
troops tanks artillery forces border police attack protest election vote ballot budget tax prices inflation
wages jobs factory mine river bridge road port airport hospital school court judge law contract loan bank
debt oil gas pipeline power plant grid drought flood fire harvest wheat fishing fleet ship convoy aid food
water vaccine virus patients doctors nurses teachers students strike union workers company shares profits
sanctions embargo talks treaty ceasefire peace deal summit visit report inquiry audit fraud bribe arrest
""".split()
VERBS = ["deployed", "moved", "sent", "built", "closed", "opened", "approved", "raised", "cut", "increased",
         "reduced", "signed", "blocked", "funded", "inspected", "expanded", "withdrew", "delayed", "launched"]
STANCES = (["asserts"] * 55 + ["denies"] * 8 + ["rejects"] * 5 + ["confirms"] * 5 + ["warns"] * 5
           + ["accuses"] * 4 + ["hedges"] * 5 + ["uncommitted"] * 3 + ["urges"] * 5 + ["admits"] * 3
           + ["promises"] * 2)
SYLLABLES = "ba del fo gra hul ka lem mor nes pa quo ri sta tor ul vek wen xa yo zel".split()


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts))


class World:
    """The synthetic vocabulary: entities, rare matter words and people, with skewed popularity."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.entities = sorted({_name(rng, 3).capitalize() + "ia" for _ in range(3000)})
        self.rare_words = sorted({_name(rng, 3) + "s" for _ in range(4000)})
        self.words = COMMON_WORDS + self.rare_words
        self.people = [f"{_name(rng, 2).capitalize()} {_name(rng, 3).capitalize()}" for _ in range(4000)]

    def skewed(self, items: list[str]) -> str:
        """A Zipf-like draw: the first items are much more frequent than the last."""
        return items[min(len(items) - 1, int(self.rng.paretovariate(1.1)) - 1)]


def story(world: World) -> dict:
    rng = world.rng
    return {"entities": [world.skewed(world.entities), rng.choice(world.entities)],
            "words": [world.skewed(world.words) for _ in range(3)] + [rng.choice(world.rare_words)],
            "unit": rng.choice(COMMON_WORDS[:12]), "number": rng.randrange(100, 20000),
            "speakers": [world.skewed(world.people) for _ in range(5)]}


def claim_text(world: World, plot: dict) -> str:
    rng = world.rng
    first, second = plot["entities"]
    words = rng.sample(plot["words"], 3)
    verb = rng.choice(VERBS)
    negation = "has not" if rng.random() < 0.12 else "has"
    number = plot["number"] if rng.random() < 0.7 else rng.randrange(100, 20000)
    if rng.random() < 0.15:
        return f"{first} {negation} {verb} {number:,} {plot['unit']} near {second} after the {words[0]} and {words[1]}"
    if rng.random() < 0.5:
        return f"{first} {negation} {verb} the {words[0]} {words[1]} in {second}, citing the {words[2]}"
    return f"the {words[0]} in {second} was {verb} by {first} over the {words[1]} and the {words[2]}"


def build_store(path: Path, size: int, seed: int = 7) -> None:
    """A store of *size* synthetic claims (plus their sources and speakers) at *path*."""
    rng = random.Random(seed)
    world = World(rng)
    engine = open_database(str(path))
    speakers: dict[str, int] = {}
    sources, claims, aliases = [], [], []
    plots = [story(world) for _ in range(max(1, size // CLAIMS_PER_STORY))]
    for article in range(size // CLAIMS_PER_ARTICLE):
        plot_choices = rng.sample(plots, min(2, len(plots)))
        sources.append({"id": article + 1, "content_hash": hashlib.sha256(f"a{article}".encode()).hexdigest(),
                        "title": f"Article {article + 1}", "published": f"2024-{1 + article % 12:02d}-01",
                        "format": "text", "text": "synthetic", "ingested_at": None})
        for _ in range(CLAIMS_PER_ARTICLE):
            plot = rng.choice(plot_choices)
            name = rng.choice(plot["speakers"])
            if name not in speakers:
                speakers[name] = len(speakers) + 1
                aliases += [{"speaker_id": speakers[name], "alias": name},
                            {"speaker_id": speakers[name], "alias": name.split()[-1]}]
            text = claim_text(world, plot)
            claims.append({"source_id": article + 1, "speaker_id": speakers[name], "text": text, "start": 0,
                           "end": len(text), "stance": rng.choice(STANCES), "kind": "indirect", "origin": "auto",
                           "status": "unreviewed", "confidence": 0.9})
    from claimtrack.store.models import utc_now

    now = utc_now()
    for row in sources:
        row["ingested_at"] = now
    with session_scope(engine) as session:
        connection = session.connection()
        connection.execute(insert(Source), sources)
        connection.execute(insert(Speaker), [{"id": i, "name": n, "kind": "person", "created_at": now}
                                             for n, i in speakers.items()])
        connection.execute(insert(SpeakerAlias), aliases)
        for row in claims:
            row["created_at"] = row["updated_at"] = now
        connection.execute(insert(Claim), claims)
    engine.dispose()


def time_full_pass(path: Path) -> tuple[float, int]:
    engine = open_database(str(path))
    with session_scope(engine) as session:
        started = time.perf_counter()
        found = full_pass(session)
        elapsed = time.perf_counter() - started
    engine.dispose()
    return elapsed, len(found)


def time_one_article(path: Path, repeat: int) -> tuple[float, float, int]:
    """Median seconds to ingest the seed article (engine, store, contradictions), and for finding alone."""
    engine = open_database(str(path))
    text = SEED.read_text(encoding="utf-8")
    totals, finding, found = [], [], 0
    for run in range(repeat):
        document = SourceDocument(location=f"seed-{run}.txt", text=f"{text}\n\n(bench copy {run})", format="text",
                                  title="seed copy")
        started = time.perf_counter()
        report = ingest_documents(engine, [document])
        totals.append(time.perf_counter() - started)
        source_id = report.added[0][1]
        with Session(engine) as session:
            ids = session.exec(select(Claim.id).where(Claim.source_id == source_id)).all()
            found = session.exec(select(ClaimRelation.id).where(ClaimRelation.claim_b_id.in_(ids)
                                                                | ClaimRelation.claim_a_id.in_(ids))).all()
        # The finding step alone, on the same claims, as ingestion runs it (rolled back afterwards).
        with Session(engine) as session:
            for relation in session.exec(select(ClaimRelation).where(ClaimRelation.id.in_(found))).all():
                session.delete(relation)
            session.flush()
            started = time.perf_counter()
            again = suggest_for_claims(session, ids)
            finding.append(time.perf_counter() - started)
            session.rollback()
        found = len(again)
    engine.dispose()
    return statistics.median(totals), statistics.median(finding), found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs=2, default=(10_000, 100_000), metavar=("SMALL", "LARGE"))
    parser.add_argument("--repeat", type=int, default=5, help="Runs of the one-article timing (median printed).")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    times = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            path = Path(folder) / f"claims-{size}.db"
            started = time.perf_counter()
            build_store(path, size)
            print(f"{size:>7,} claims: store built in {time.perf_counter() - started:.1f} s", flush=True)
            elapsed, found = time_full_pass(path)
            times[size] = elapsed
            print(f"{size:>7,} claims: full pass {elapsed:.2f} s, {found:,} suggestions", flush=True)
        small, large = args.sizes
        growth = times[large] / times[small]
        print(f"growth {small:,} -> {large:,} claims: x{growth:.1f} (linear x{large / small:.0f}, "
              f"all pairs x{(large / small) ** 2:.0f})")
        total, finding, found = time_one_article(Path(folder) / f"claims-{large}.db", args.repeat)
        print(f"one article into {large:,} claims: {total:.2f} s in all (engine, store, contradictions), "
              f"{finding:.3f} s finding its {found} contradictions (median of {args.repeat})")


if __name__ == "__main__":
    main()
