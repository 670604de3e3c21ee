"""Speakers in the store: one row per entity across all sources, with every alias seen."""
from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, select

from claimtrack.engine.model import SpeakerEntity
from claimtrack.store.models import Speaker, SpeakerAlias
from claimtrack.vocabulary import SpeakerKind


def find_speaker(session: Session, name: str) -> Speaker | None:
    """The speaker whose canonical name or one of whose aliases is *name* (case-insensitive)."""
    wanted = name.strip().lower()
    speaker = session.exec(select(Speaker).where(func.lower(Speaker.name) == wanted)).first()
    if speaker is None:
        speaker = session.exec(
            select(Speaker).join(SpeakerAlias, SpeakerAlias.speaker_id == Speaker.id)
            .where(func.lower(SpeakerAlias.alias) == wanted)
        ).first()
    return speaker


def upsert_speaker(session: Session, entity: SpeakerEntity) -> Speaker:
    """The stored speaker for *entity* (matched by canonical name), created or enriched."""
    speaker = session.exec(select(Speaker).where(func.lower(Speaker.name) == entity.name.lower())).first()
    if speaker is None:
        speaker = Speaker(name=entity.name, kind=SpeakerKind(entity.kind).value,
                          role=entity.role, affiliation=entity.affiliation)
        session.add(speaker)
        session.flush()
    else:
        # Fill what an earlier article did not tell; never overwrite what is already known.
        if speaker.role is None and entity.role:
            speaker.role = entity.role
        if speaker.affiliation is None and entity.affiliation:
            speaker.affiliation = entity.affiliation
        if speaker.kind == SpeakerKind.UNKNOWN and entity.kind != SpeakerKind.UNKNOWN:
            speaker.kind = SpeakerKind(entity.kind).value
    add_aliases(session, speaker, {entity.name, *entity.aliases})
    return speaker


def add_aliases(session: Session, speaker: Speaker, aliases) -> None:
    known = set(session.exec(select(SpeakerAlias.alias).where(SpeakerAlias.speaker_id == speaker.id)).all())
    for alias in sorted(a.strip() for a in aliases if a and a.strip()):
        if alias not in known:
            session.add(SpeakerAlias(speaker_id=speaker.id, alias=alias[:500]))
            known.add(alias)


def create_speaker(session: Session, name: str, kind: SpeakerKind = SpeakerKind.UNKNOWN) -> Speaker:
    speaker = Speaker(name=name.strip(), kind=kind.value)
    session.add(speaker)
    session.flush()
    add_aliases(session, speaker, {speaker.name})
    return speaker
