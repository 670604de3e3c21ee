"""The store's speaker names held in memory by a writer (`KnownNames`): never fewer than the store holds."""
from __future__ import annotations

from sqlmodel import Session, select

from claimtrack.engine.model import SpeakerEntity
from claimtrack.review.speaker_edits import merge_speakers
from claimtrack.store.database import open_database, session_scope
from claimtrack.store.models import Speaker
from claimtrack.store.speaker_names import KnownNames
from claimtrack.store.speaker_registry import upsert_speaker
from claimtrack.vocabulary import SpeakerKind

VUCIC = SpeakerEntity("Aleksandar Vucic", SpeakerKind.PERSON, aliases=("Vucic",))


def test_a_name_another_writer_stored_is_found_after_a_refresh(tmp_path):
    engine = open_database(str(tmp_path / "s.db"))
    names = KnownNames()
    with Session(engine) as session:
        names.refresh(session)
    assert not names.may_be_name("Aleksandar Vucic")
    with session_scope(engine, write=True) as colleague:  # another writer, between our batches
        upsert_speaker(colleague, VUCIC, 1)
    with session_scope(engine, write=True) as session:
        names.refresh(session)
        assert names.may_be_name("aleksandar vucic") and names.may_be_alias("VUCIC") and names.may_be_surname("Vucic")
        bare = upsert_speaker(session, SpeakerEntity("Vucic", SpeakerKind.PERSON), 2, names)
        full = upsert_speaker(session, VUCIC, 3, names)
    with Session(engine) as session:
        assert session.exec(select(Speaker.name)).all() == ["Aleksandar Vucic"]
    assert bare.id == full.id
    engine.dispose()


def test_a_merge_by_a_person_reads_every_name_again(tmp_path):
    engine = open_database(str(tmp_path / "s.db"))
    names = KnownNames()
    with session_scope(engine, write=True) as session:
        names.refresh(session)
        kept = upsert_speaker(session, VUCIC, 1, names)
        merged = upsert_speaker(session, SpeakerEntity("Vuchich", SpeakerKind.PERSON), 2, names)
        kept_id, merged_id = kept.id, merged.id
    names.names.discard("aleksandar vucic")  # as if this writer had never read it
    with session_scope(engine, write=True) as session:
        merge_speakers(session, kept_id, merged_id, author="ana")
    with session_scope(engine, write=True) as session:
        names.refresh(session)  # the merge is in the revision log: everything is read again
        assert names.may_be_name("Aleksandar Vucic") and names.may_be_alias("Vuchich")
        again = upsert_speaker(session, SpeakerEntity("Vuchich", SpeakerKind.PERSON), 3, names)
        assert again.id == kept_id
    engine.dispose()


def test_names_held_give_the_same_speakers_as_asking_the_store(tmp_path):
    entities = [VUCIC, SpeakerEntity("Vucic", SpeakerKind.PERSON), SpeakerEntity("Brown", SpeakerKind.PERSON),
                SpeakerEntity("Gordon Brown", SpeakerKind.PERSON, aliases=("Mr Brown",)),
                SpeakerEntity("Jane Smith", SpeakerKind.PERSON, aliases=("Smith",)),
                SpeakerEntity("John Smith", SpeakerKind.PERSON, aliases=("Smith",)),
                SpeakerEntity("Smith", SpeakerKind.PERSON), SpeakerEntity("Joseph R. Biden", SpeakerKind.PERSON),
                SpeakerEntity("Joe Biden", SpeakerKind.PERSON)]
    stored = {}
    for held in (False, True):
        engine = open_database(str(tmp_path / f"{held}.db"))
        names = KnownNames() if held else None
        with session_scope(engine, write=True) as session:
            if names is not None:
                names.refresh(session)
            ids = [upsert_speaker(session, entity, number, names).id for number, entity in enumerate(entities, 1)]
        with Session(engine) as session:
            stored[held] = (ids, sorted(session.exec(select(Speaker.name)).all()))
        engine.dispose()
    assert stored[True] == stored[False]
    assert "Vucic" not in stored[True][1] and "Joe Biden" not in stored[True][1]  # a surname, a variant: found
