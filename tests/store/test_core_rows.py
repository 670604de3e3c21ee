"""Prebuilt statements run on a session's connection (`core_rows`): lists longer than one IN (...)
chunk, and rows written in the session's transaction, seen and rolled back with it."""
from __future__ import annotations

from collections import Counter

from sqlmodel import Session

from claimtrack.contradictions.weights import TOTAL, add_counts, stored_counts
from claimtrack.store.core_rows import CHUNK
from claimtrack.store.database import open_database, session_scope


def test_a_list_longer_than_a_chunk_is_read_whole(tmp_path):
    engine = open_database(str(tmp_path / "s.db"))
    terms = [f"term{i}" for i in range(2 * CHUNK + 7)]
    with session_scope(engine, write=True) as session:
        add_counts(session, Counter({**{term: 1 for term in terms}, TOTAL: 3}))
    with Session(engine) as session:
        found = stored_counts(session, terms)
    assert len(found) == len(terms) + 1 and found[TOTAL] == 3 and found["term1000"] == 1
    engine.dispose()


def test_rows_written_in_a_savepoint_go_with_it(tmp_path):
    engine = open_database(str(tmp_path / "s.db"))
    with session_scope(engine, write=True) as session:
        add_counts(session, Counter({"kept": 1}))
        nested = session.begin_nested()
        add_counts(session, Counter({"dropped": 1}))
        assert stored_counts(session, ["dropped"]) == {"dropped": 1}  # seen in its own transaction
        nested.rollback()
    with Session(engine) as session:
        assert stored_counts(session, ["kept", "dropped"]) == {"kept": 1}
    engine.dispose()
