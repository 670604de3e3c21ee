"""Correcting the speaker table by hand: merge a wrong split, move an alias out of a wrong merge.

Every change is an append-only `Revision`, so `claimtrack.review.undo` can take it back:
a claim that changes speaker is a ("claim", id, "speaker") revision, an alias that changes speaker a
("speakeralias", id, "speaker") one, and a row removed a "deleted" revision holding the row as JSON.

Transactions: the functions take a session and never commit; the caller owns the transaction (see
claimtrack.review.annotate). They lock the rows they change first, and flush.
"""
from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, SQLModel, col, select

from claimtrack.errors import ClaimtrackError
from claimtrack.review.annotate import record_revision, resolve_speaker
from claimtrack.store.models import Claim, Revision, Source, Speaker, SpeakerAlias, TableName, stored_id, utc_now
from claimtrack.store.speaker_registry import fill_missing_facts


def get_speaker(session: Session, speaker_id: int, *, lock: bool = False) -> Speaker:
    """The speaker; with *lock*, its row is locked until the transaction ends (on PostgreSQL), so no
    colleague can point a claim at it or change it meanwhile."""
    speaker = session.get(Speaker, speaker_id, with_for_update=lock, populate_existing=lock)
    if speaker is None:
        raise ClaimtrackError(f"speaker {speaker_id}: no such speaker")
    return speaker


def row_snapshot(row: SQLModel) -> str:
    """A stored row as JSON, kept in a "deleted" revision so the row can be restored."""
    return json.dumps(row.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)


def merge_speakers(session: Session, keep_id: int, merged_id: int, *, author: str,
                   note: str | None = None) -> list[Revision]:
    """Merge speaker *merged_id* into *keep_id* (one entity stored twice): its claims and aliases move
    to the kept speaker and its row is removed. Returns the revisions, one per change."""
    if keep_id == merged_id:
        raise ClaimtrackError(f"speaker {keep_id}: cannot merge a speaker into itself")
    # Locks first (speakers, then their claims), so what is read below is what gets changed.
    keep, merged = (get_speaker(session, i, lock=True) for i in sorted((keep_id, merged_id)))
    if keep.id != keep_id:
        keep, merged = merged, keep
    note = note or f"merged {merged.name!r} into {keep.name!r}"
    now = utc_now()
    claims = session.exec(select(Claim).where(Claim.speaker_id == merged.id).order_by(col(Claim.id))
                          .with_for_update().execution_options(populate_existing=True)).all()
    revisions = [_reattribute(session, claim, merged, keep, author=author, note=note, now=now) for claim in claims]
    revisions += _move_aliases(session, merged, keep, author=author, note=note)
    revisions += _remember_name(session, merged.name, keep, author=author, note=note)
    fill_missing_facts(keep, role=merged.role, affiliation=merged.affiliation, kind=merged.kind)
    session.add(keep)
    session.flush()
    revisions.append(record_revision(session, table=TableName.SPEAKER, row_id=stored_id(merged), field="deleted",
                                     old=row_snapshot(merged), new=None, author=author, note=note))
    session.delete(merged)
    session.flush()
    return revisions


def _reattribute(session: Session, claim: Claim, old: Speaker, new: Speaker, *, author: str, note: str,
                 now: datetime) -> Revision:
    """The claim said by *new* instead of *old* (locked by the caller)."""
    revision = record_revision(session, table=TableName.CLAIM, row_id=stored_id(claim), field="speaker",
                               old=old.name, new=new.name, author=author, note=note)
    claim.speaker_id = new.id
    claim.updated_at = now
    session.add(claim)
    return revision


def _move_aliases(session: Session, merged: Speaker, keep: Speaker, *, author: str, note: str) -> list[Revision]:
    """The merged speaker's aliases given to the kept one; those it already goes by are removed."""
    revisions = []
    kept_aliases = {a.lower() for a in session.exec(
        select(SpeakerAlias.alias).where(SpeakerAlias.speaker_id == keep.id)).all()}
    for alias in session.exec(select(SpeakerAlias).where(SpeakerAlias.speaker_id == merged.id)
                              .order_by(col(SpeakerAlias.id))).all():
        if alias.alias.lower() in kept_aliases:  # the kept speaker already goes by this name
            revisions.append(record_revision(session, table=TableName.SPEAKER_ALIAS, row_id=stored_id(alias),
                                             field="deleted", old=row_snapshot(alias), new=None, author=author,
                                             note=note))
            session.delete(alias)
        else:
            revisions.append(record_revision(session, table=TableName.SPEAKER_ALIAS, row_id=stored_id(alias),
                                             field="speaker", old=merged.name, new=keep.name, author=author,
                                             note=note))
            alias.speaker_id = stored_id(keep)
            kept_aliases.add(alias.alias.lower())
            session.add(alias)
    return revisions


def _remember_name(session: Session, name: str, keep: Speaker, *, author: str, note: str) -> list[Revision]:
    """The merged speaker's own name as an alias of the kept one, so that a new article or a
    `reextract` naming it ("Len Burman", "The GOP nominee (source 2)") follows the merge."""
    held = session.exec(select(SpeakerAlias).where(func.lower(SpeakerAlias.alias) == name.lower())).first()
    if held is not None or name.lower() == keep.name.lower():
        return []
    alias = SpeakerAlias(speaker_id=stored_id(keep), alias=name[:500])
    session.add(alias)
    session.flush()
    return [record_revision(session, table=TableName.SPEAKER_ALIAS, row_id=stored_id(alias), field="created",
                            old=None, new=alias.alias, author=author, note=note)]


def move_alias(session: Session, alias_id: int, to_speaker: str, *, author: str, new_speaker: bool = False,
               move_claims: bool = True, note: str | None = None) -> list[Revision]:
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
    revisions.append(record_revision(session, table=TableName.SPEAKER_ALIAS, row_id=alias_id, field="speaker",
                                     old=source_speaker.name, new=target.name, author=author, note=note))
    alias.speaker_id = stored_id(target)
    session.add(alias)
    session.flush()
    return revisions


def _move_claims_mentioned_as(session: Session, alias: str, old: Speaker, new: Speaker, author: str,
                              note: str) -> list[Revision]:
    revisions = []
    texts: dict[int, str] = {}
    now = utc_now()
    claims = session.exec(select(Claim).where(Claim.speaker_id == old.id, col(Claim.speaker_start).is_not(None))
                          .order_by(col(Claim.id)).with_for_update().execution_options(populate_existing=True)).all()
    for claim in claims:
        if claim.source_id not in texts:
            texts[claim.source_id] = _source_text(session, claim.source_id)
        mention = texts[claim.source_id][claim.speaker_start:claim.speaker_end]
        if mention.strip().lower() == alias.strip().lower():
            revisions.append(_reattribute(session, claim, old, new, author=author, note=note, now=now))
    return revisions


def _source_text(session: Session, source_id: int) -> str:
    source = session.get(Source, source_id)
    if source is None:  # the claim's foreign key keeps its source while it exists
        raise ClaimtrackError(f"source {source_id}: no such source")
    return source.text
