"""Who is who on a real desk: ingest a corpus into a fresh store and count what a fact-checker would trip
over in its speakers (issue 12's checks on a few hundred articles).

    .venv/bin/python bench/speaker_desk.py ../shared/corpora/bbc-desk/politics.jsonl [--db /tmp/desk.db]

Prints: speakers and claims; per-article descriptions, and how many of them have a holder their own
article names with a fitting title ("the prime minister" where "Prime Minister Tony Blair" is written:
there should be none); speakers named by a time word or with lower-case words after a name; aliases on
two or more speakers; the kinds of the parties and groups of the shipped speakers list; the first
suggested merges. The dev-set B-cubed figures are `bench/score_corpora.py --only speakers`.
"""
from __future__ import annotations

import argparse
import re
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimtrack.engine import lexicon as lx  # noqa: E402
from claimtrack.engine.coreference import same_office  # noqa: E402
from claimtrack.engine.speakers import full_names, parse_title  # noqa: E402

DESCRIBED = re.compile(r"^(?P<name>.*) \(source (?P<source>\d+)\)$")


def claimtrack(db: str, *args: str) -> str:
    return subprocess.run([sys.executable, "-m", "claimtrack", "--db", db, *args], capture_output=True, text=True,
                          check=True, cwd=ROOT).stdout


def named_holder(description: str, text: str) -> str | None:
    """A person the article names with a title that fits the description, if any."""
    title = parse_title(description)
    if not title.role:
        return None
    for _, _, named in full_names(text):
        if named.role and same_office(title, named.role, named.affiliation):
            return named.name
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--db", default="/tmp/claimtrack-speaker-desk.db")
    options = parser.parse_args()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{options.db}{suffix}").unlink(missing_ok=True)
    print(claimtrack(options.db, "ingest", str(options.corpus)).strip().splitlines()[-1])
    with sqlite3.connect(options.db) as store:
        speakers = store.execute("SELECT id, name, kind FROM speaker").fetchall()
        claims = store.execute("SELECT count(*) FROM claim").fetchone()[0]
        texts = dict(store.execute("SELECT id, text FROM source"))
        shared = store.execute("SELECT lower(alias) FROM speakeralias GROUP BY lower(alias) "
                               "HAVING count(DISTINCT speaker_id) > 1").fetchall()
    described = [(m["name"], int(m["source"])) for _, name, _ in speakers if (m := DESCRIBED.match(name))]
    definite = [(name, source) for name, source in described if name.split()[0].lower() == "the"]
    with_holder = [(name, source, holder) for name, source in definite
                   if (holder := named_holder(name, texts.get(source, ""))) and holder.split()[0].lower() != "the"]
    time_named = [name for _, name, _ in speakers if name.split() and (name.split()[0].lower() in lx.DAYS or (
        name.split()[0].lower() in lx.TIME_ADJUNCT_OPENERS and len(name.split()) > 1
        and name.split()[1].lower() in lx.DAYS | lx.MONTHS))]
    trailing = [name for _, name, _ in speakers if not DESCRIBED.match(name) and len(name.split()) > 1
                and name.split()[-1][:1].islower() and name.split()[-2][:1].isupper()
                and name.split()[-1].lower() not in lx.ROLE_NOUNS | lx.SPEAKER_NOUNS | lx.GROUP_NOUNS]
    print(f"speakers: {len(speakers):,} for {claims:,} claims")
    print(f"per-article descriptions: {len(described):,}; definite ones (\"the ...\") whose article names a holder "
          f"with a fitting title: {len(with_holder)} of {len(definite):,}")
    for name, source, holder in with_holder[:10]:
        print(f"    {name!r} (source {source}) -> {holder!r}")
    print(f"named by a time word: {len(time_named)} {time_named[:10]}")
    print(f"lower-case word after a name: {len(trailing)} {trailing[:10]}")
    print(f"aliases on two or more speakers: {len(shared)}")
    kinds = Counter(kind for _, name, kind in speakers if name in {
        "Conservative Party", "Labour Party", "Liberal Democrats", "Downing Street"})
    print(f"kinds of the shipped parties and bodies seen: {dict(kinds)}")
    print(claimtrack(options.db, "speakers", "--suggest-merges", "--limit", "15", "--format", "csv"))


if __name__ == "__main__":
    main()
