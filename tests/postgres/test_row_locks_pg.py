"""The check and the write are one step: a second writer waits on the first one's row lock, then is told.

Deterministic: the test holds the first transaction open until PostgreSQL reports the second writer
waiting on a lock, then commits the first.
"""
from __future__ import annotations

import threading
import time

from sqlalchemy import text
from sqlmodel import select

from claimtrack.ingest.batch import ingest_documents
from claimtrack.ingest.readers import read_inputs
from claimtrack.review.annotate import annotate_claim
from claimtrack.store.database import open_database, session_scope
from claimtrack.store.models import Claim
from claimtrack.store.versions import EditConflict
from tests.conftest import SEED_ARTICLE


def wait_for_lock_waiter(engine, deadline_s: float = 30.0) -> None:
    stop = time.monotonic() + deadline_s
    with engine.connect() as connection:
        while time.monotonic() < stop:
            waiting = connection.execute(text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock'")).scalar()
            if waiting:
                return
            connection.rollback()
            time.sleep(0.05)
    raise AssertionError("the second writer never waited on the first one's lock")


def test_a_second_writer_waits_for_the_first_and_is_then_refused(postgres_url):
    engine = open_database(postgres_url)
    assert ingest_documents(engine, read_inputs([str(SEED_ARTICLE)])).ok
    with session_scope(engine) as session:
        claim = session.exec(select(Claim).where(Claim.text.contains("half the troops"))).one()
    seen = claim.version
    outcome: list[BaseException | None] = []

    def second_writer() -> None:
        other = open_database(postgres_url)
        try:
            with session_scope(other) as session:
                annotate_claim(session, claim.id, author="ben", verdict="Misleading", expected_version=seen)
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)
        finally:
            other.dispose()

    with session_scope(engine) as session:  # the first writer, holding its transaction open
        annotate_claim(session, claim.id, author="ana", verdict="False", expected_version=seen)
        session.flush()
        thread = threading.Thread(target=second_writer)
        thread.start()
        wait_for_lock_waiter(engine)
    thread.join(timeout=30)
    assert len(outcome) == 1 and isinstance(outcome[0], EditConflict), outcome
    assert "by ana at" in str(outcome[0]) and "'False'" in str(outcome[0])
    with session_scope(engine) as session:
        assert session.get(Claim, claim.id).verdict == "False"
    engine.dispose()
