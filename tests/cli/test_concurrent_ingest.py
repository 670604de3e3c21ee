"""Two ingests at once, as two real processes on one store (SQLite and PostgreSQL)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlmodel import func, select

from claimtrack.contradictions.terms import load_terms
from claimtrack.contradictions.weights import stored_counts, term_counts
from claimtrack.store.database import open_database, session_scope
from claimtrack.store.models import Claim, Source, Speaker
from tests.conftest import SEED_ARTICLE


def ingest_at_once(db: str, *paths: Path) -> list[subprocess.CompletedProcess]:
    """Start one `claimtrack ingest` process per path together; wait for all."""
    command = [sys.executable, "-m", "claimtrack", "--db", db, "ingest"]
    processes = [subprocess.Popen([*command, str(path)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
                 for path in paths]
    return [subprocess.CompletedProcess(p.args, p.wait(timeout=120), p.stdout.read(), None) for p in processes]


def test_the_same_file_ingested_twice_at_once_is_stored_once(desk_url):
    open_database(desk_url).dispose()  # the schema first, as a desk's first `claimtrack` run would make it
    results = ingest_at_once(desk_url, SEED_ARTICLE, SEED_ARTICLE, SEED_ARTICLE)
    assert all(r.returncode == 0 for r in results), [r.stdout for r in results]
    summaries = " ".join(r.stdout for r in results)
    assert summaries.count("Sources added: 1") == 1 and summaries.count("skipped: 1") == 2
    engine = open_database(desk_url)
    with session_scope(engine) as session:
        assert session.exec(select(func.count(Source.id))).one() == 1
    engine.dispose()


def test_different_files_naming_the_same_new_speaker_at_once_all_land(desk_url, tmp_path):
    # Each article names the same people for the first time: both writers create "Ilse Marwick" at once.
    paths = []
    for number in range(4):
        path = tmp_path / f"council-{number}.txt"
        path.write_text(f'"The bridge will reopen in week {number + 10}," said council leader Ilse Marwick.\n\n'
                        'Opposition spokesman Tomas Brandt said: '
                        f'"The bridge cannot reopen before week {number + 30}."\n',
                        encoding="utf-8")
        paths.append(path)
    open_database(desk_url).dispose()
    results = ingest_at_once(desk_url, *paths)
    assert all(r.returncode == 0 for r in results), [r.stdout for r in results]
    engine = open_database(desk_url)
    with session_scope(engine) as session:
        assert session.exec(select(func.count(Source.id))).one() == 4
        names = session.exec(select(Speaker.name)).all()
        assert sorted(n for n in names if n in ("Ilse Marwick", "Tomas Brandt")) == ["Ilse Marwick", "Tomas Brandt"]
        # The word weights the writers added at once are the counts of the claims stored (issue 11).
        texts = session.exec(select(Claim.text)).all()
        expected = term_counts(texts, load_terms())
        assert stored_counts(session, expected) == dict(expected)
    engine.dispose()


def test_colleagues_opening_a_new_database_at_once_all_get_the_schema(desk_url):
    # Nobody made the schema beforehand: the first commands of a new desk race to create it.
    command = [sys.executable, "-m", "claimtrack", "--db", desk_url, "sources"]
    processes = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
                 for _ in range(4)]
    outputs = [(p.wait(timeout=120), p.stdout.read()) for p in processes]
    assert all(code == 0 for code, _ in outputs), outputs
