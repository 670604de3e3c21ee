"""A store to compare claims in: a real SQLite file, sources, speakers and claims made through the library."""
from __future__ import annotations

import pytest
from sqlmodel import Session

from claimtrack.engine.model import SpeakerEntity
from claimtrack.store.database import open_database
from claimtrack.store.models import Claim, Source
from claimtrack.store.speaker_registry import upsert_speaker
from claimtrack.vocabulary import SpeakerKind


class Store:
    """Helpers that write sources and claims the way ingestion does, without the engine."""

    def __init__(self, session: Session):
        self.session = session
        self._sources = 0

    def source(self, title: str = "An article", published: str | None = None) -> Source:
        self._sources += 1
        source = Source(content_hash=f"hash-{self._sources}", title=title, published=published, format="text",
                        text=f"{title}. " + "x" * 40)
        self.session.add(source)
        self.session.flush()
        return source

    def speaker(self, name: str, *aliases: str, affiliation: str | None = None,
                kind: SpeakerKind = SpeakerKind.PERSON):
        entity = SpeakerEntity(name=name, kind=kind, affiliation=affiliation, aliases=tuple(aliases))
        return upsert_speaker(self.session, entity)

    def claim(self, source: Source, speaker, text: str, stance: str = "asserts", *,
              parent: Claim | None = None) -> Claim:
        claim = Claim(source_id=source.id, speaker_id=speaker.id if speaker else None, text=text, start=0,
                      end=len(text), stance=stance, parent_id=parent.id if parent else None)
        self.session.add(claim)
        self.session.flush()
        return claim


@pytest.fixture
def engine(tmp_path):
    engine = open_database(str(tmp_path / "store.db"))
    yield engine
    engine.dispose()


@pytest.fixture
def store(engine):
    with Session(engine) as session:
        yield Store(session)
        session.rollback()
