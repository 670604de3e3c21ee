"""The names a script imports from `claimtrack` itself, working end to end on a real store."""
from __future__ import annotations

import subprocess
import sys

import claimtrack


def test_every_public_name_resolves():
    for name in claimtrack.__all__:
        assert getattr(claimtrack, name) is not None, name


def test_a_script_ingests_lists_and_annotates(tmp_path):
    article = tmp_path / "council.txt"
    article.write_text('"The bridge is safe," said Mayor Ana Lopes on Monday.\n', encoding="utf-8")
    engine = claimtrack.open_database(str(tmp_path / "desk.db"))
    report = claimtrack.ingest_documents(engine, claimtrack.read_inputs([str(article)]))
    assert report.ok and report.claims_stored == 1
    with claimtrack.session_scope(engine) as session:
        rows = claimtrack.list_claims(session, claimtrack.ClaimFilter(speaker="Lopes"))
        assert [row.claim.text for row in rows] == ['"The bridge is safe,"']
        claimtrack.annotate_claim(session, rows[0].claim.id, author="desk tester", verdict="Accurate")
    with claimtrack.session_scope(engine, write=False) as session:
        assert claimtrack.list_claims(session)[0].claim.verdict == "Accurate"
    engine.dispose()


def test_importing_the_engine_loads_no_store():
    code = "import sys, claimtrack.engine; print('sqlmodel' in sys.modules, 'sqlalchemy' in sys.modules)"
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert shown.split() == ["False", "False"]
