"""A real store for the UI tests: the seed article ingested into a fresh SQLite file, with two
contradictions between Kirby and Vucic stored the way the contradiction finder stores them."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import delete
from sqlmodel import select

from claimtrack.ingest.batch import ingest_documents
from claimtrack.ingest.readers import read_inputs
from claimtrack.store.database import open_database, session_scope
from claimtrack.store.models import Claim, ClaimRelation, Speaker
from tests.conftest import SEED_ARTICLE

AUTHOR = "desk tester"


@pytest.fixture(autouse=True)
def fixed_author(monkeypatch):
    monkeypatch.setenv("CLAIMTRACK_AUTHOR", AUTHOR)


def _claim_of(session, speaker: str, words: str) -> Claim:
    speaker_id = session.exec(select(Speaker.id).where(Speaker.name == speaker)).one()
    return next(c for c in session.exec(select(Claim).where(Claim.speaker_id == speaker_id).order_by(Claim.id))
                if words in c.text)


@pytest.fixture
def seeded_db(tmp_path: Path) -> Path:
    """The seed article stored, plus two suggested contradictions (Kirby against Vucic)."""
    path = tmp_path / "desk.db"
    engine = open_database(str(path))
    report = ingest_documents(engine, read_inputs([str(SEED_ARTICLE)]))
    assert report.ok and report.added
    with session_scope(engine) as session:
        build_up = _claim_of(session, "John Kirby", "unprecedented staging")
        troops = _claim_of(session, "Aleksandar Vucic", "half the troops")
        readiness = _claim_of(session, "Aleksandar Vucic", "combat readiness")
        session.execute(delete(ClaimRelation))  # whatever the finder suggested: the tests fix their own
        # (with their own ids: a removed relation's id is never given out again, so new ones would follow the finder's)
        session.add(ClaimRelation(id=1, claim_a_id=build_up.id, claim_b_id=troops.id, kind="contradicts", score=0.82,
                                  reason="military build-up at the border: asserted by Kirby, played down by Vucic"))
        session.add(ClaimRelation(id=2, claim_a_id=build_up.id, claim_b_id=readiness.id, kind="contradicts", score=0.64,
                                  reason="forces on alert: Kirby's staging against Vucic's denial"))
    engine.dispose()
    return path


@pytest.fixture
def seed_claims(seeded_db: Path) -> dict[str, int]:
    """The seed claims the tests act on, found by speaker and words (not by id, which the engine decides)."""
    engine = open_database(str(seeded_db))
    with session_scope(engine) as session:
        found = {
            "kirby_staging": _claim_of(session, "John Kirby", "unprecedented staging").id,
            "kirby_withdraw": _claim_of(session, "John Kirby", "withdraw those forces").id,
            "vucic_troops": _claim_of(session, "Aleksandar Vucic", "half the troops").id,
            "vucic_readiness": _claim_of(session, "Aleksandar Vucic", "combat readiness").id,
            "white_house_tanks": _claim_of(session, "White House", "tanks and artillery").id,
        }
    engine.dispose()
    return found


@pytest.fixture
def engine(seeded_db: Path):
    engine = open_database(str(seeded_db))
    yield engine
    engine.dispose()
