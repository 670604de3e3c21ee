"""Correcting the speaker table by hand: merge a wrong split, move an alias out of a wrong merge.

Every change is an append-only `Revision`, so `claimtrack.review.undo` can take it back:
a claim that changes speaker is a ("claim", id, "speaker") revision, an alias that changes speaker a
("speakeralias", id, "speaker") one, and a row removed a "deleted" revision holding the row as JSON.
"""
from __future__ import annotations

import json

from sqlalchemy import func
from sqlmodel import Session, select

from claimtrack.review.annotate import record_revision, resolve_speaker
from claimtrack.errors import ClaimtrackError
from claimtrack.store.models import Claim, Source, Speaker, SpeakerAlias, utc_now
from claimtrack.vocabulary import SpeakerKind


def get_speaker(session: Session, speaker_id: int, *, lock: bool = False) -> Speaker:
    """The speaker; with *lock*, its row is locked until the transaction ends (on PostgreSQL), so no
    colleague can point a claim at it or change it meanwhile."""
    speaker = session.get(Speaker, speaker_id, with_for_update=lock, populate_existing=lock)
    if speaker is None:
        raise ClaimtrackError(f"speaker {speaker_id}: no such speaker")
    return speaker


def row_snapshot(row) -> str:
    """A stored row as JSON, kept in a "deleted" revision so the row can be restored."""
    return json.dumps(row.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)


def merge_speakers(session: Session, keep_id: int, merged_id: int, *, author: str,
                   note: str | None = None) -> list:
    """Merge speaker *merged_id* into *keep_id* (one entity stored twice): its claims and aliases move
    to the kept speaker and its row is removed. Returns the revisions, one per change."""
    if keep_id == merged_id:
        raise ClaimtrackError(f"speaker {keep_id}: cannot merge a speaker into itself")
    # Locks first (speakers, then their claims), so what is read below is what gets changed.
    keep, merged = (get_speaker(session, i, lock=True) for i in sorted((keep_id, merged_id)))
    if keep.id != keep_id:
        keep, merged = merged, keep
    note = note or f"merged {merged.name!r} into {keep.name!r}"
    revisions = []
    now = utc_now()
    claims = session.exec(select(Claim).where(Claim.speaker_id == merged.id).order_by(Claim.id)
                          .with_for_update().execution_options(populate_existing=True)).all()
    for claim in claims:
        revisions.append(record_revision(session, table="claim", row_id=claim.id, field="speaker",
                                         old=merged.name, new=keep.name, author=author, note=note))
        claim.speaker_id = keep.id
        claim.updated_at = now
        session.add(claim)
    kept_aliases = {a.lower() for a in session.exec(
        select(SpeakerAlias.alias).where(SpeakerAlias.speaker_id == keep.id)).all()}
    for alias in session.exec(select(SpeakerAlias).where(SpeakerAlias.speaker_id == merged.id)
                              .order_by(SpeakerAlias.id)).all():
        if alias.alias.lower() in kept_aliases:  # the kept speaker already goes by this name
            revisions.append(record_revision(session, table="speakeralias", row_id=alias.id, field="deleted",
                                             old=row_snapshot(alias), new=None, author=author, note=note))
            session.delete(alias)
        else:
            revisions.append(record_revision(session, table="speakeralias", row_id=alias.id, field="speaker",
                                             old=merged.name, new=keep.name, author=author, note=note))
            alias.speaker_id = keep.id
            kept_aliases.add(alias.alias.lower())
            session.add(alias)
    _fill_missing_facts(keep, merged)
    session.add(keep)
    session.flush()
    revisions.append(record_revision(session, table="speaker", row_id=merged.id, field="deleted",
                                     old=row_snapshot(merged), new=None, author=author, note=note))
    session.delete(merged)
    session.flush()
    return revisions


def _fill_missing_facts(keep: Speaker, merged: Speaker) -> None:
    """What the kept row does not know yet (role, affiliation, kind), taken from the merged one."""
    if keep.role is None and merged.role:
        keep.role = merged.role
    if keep.affiliation is None and merged.affiliation:
        keep.affiliation = merged.affiliation
    if keep.kind == SpeakerKind.UNKNOWN.value and merged.kind != SpeakerKind.UNKNOWN.value:
        keep.kind = merged.kind


def move_alias(session: Session, alias_id: int, to_speaker: str, *, author: str, new_speaker: bool = False,
               move_claims: bool = True, note: str | None = None) -> list:
    """Move one alias to another speaker (two entities stored as one). With *move_claims*, the claims
    whose speaker mention is exactly that alias move with it. Returns the revisions."""
    alias = session.get(SpeakerAlias, alias_id, with_for_update=True, populate_existing=True)
    if alias is None:
        raise ClaimtrackError(f"alias {alias_id}: no such alias")
    source_speaker = get_speaker(session, alias.speaker_id, lock=True)
    target = resolve_speaker(session, to_speaker, create=new_speaker)
    if target.id is not None:
        get_speaker(session, target.id, lock=True)
    if target.id == source_speaker.id:
        raise ClaimtrackError(f"alias {alias.alias!r} already belongs to {target.name!r}")
    clash = session.exec(select(SpeakerAlias).where(SpeakerAlias.speaker_id == target.id,
                                                   func.lower(SpeakerAlias.alias) == alias.alias.lower())).first()
    if clash is not None and clash.id != alias.id:
        raise ClaimtrackError(f"{target.name!r} already has the alias {clash.alias!r}")
    note = note or f"alias {alias.alias!r} moved from {source_speaker.name!r} to {target.name!r}"
    revisions = []
    if move_claims:
        revisions += _move_claims_mentioned_as(session, alias.alias, source_speaker, target, author, note)
    revisions.append(record_revision(session, table="speakeralias", row_id=alias.id, field="speaker",
                                     old=source_speaker.name, new=target.name, author=author, note=note))
    alias.speaker_id = target.id
    session.add(alias)
    session.flush()
    return revisions


def _move_claims_mentioned_as(session: Session, alias: str, old: Speaker, new: Speaker, author: str,
                              note: str) -> list:
    revisions = []
    texts: dict[int, str] = {}
    now = utc_now()
    claims = session.exec(select(Claim).where(Claim.speaker_id == old.id, Claim.speaker_start.is_not(None))
                          .order_by(Claim.id).with_for_update().execution_options(populate_existing=True)).all()
    for claim in claims:
        if claim.source_id not in texts:
            texts[claim.source_id] = session.get(Source, claim.source_id).text
        mention = texts[claim.source_id][claim.speaker_start:claim.speaker_end]
        if mention.strip().lower() == alias.strip().lower():
            revisions.append(record_revision(session, table="claim", row_id=claim.id, field="speaker",
                                             old=old.name, new=new.name, author=author, note=note))
            claim.speaker_id = new.id
            claim.updated_at = now
            session.add(claim)
    return revisions
