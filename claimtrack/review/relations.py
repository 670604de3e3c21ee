"""Relations between claims (contradicts, supports, counters, duplicates) and people's decisions on them.

Transactions: the functions take a session and never commit; the caller owns the transaction (see
claimtrack.review.annotate).
"""
from __future__ import annotations

from sqlmodel import Session, col, or_, select

from claimtrack.errors import ClaimtrackError
from claimtrack.review.annotate import get_claim, record_revision
from claimtrack.review.human_input import NOTE_MAX, checked_text
from claimtrack.store.models import ClaimRelation, TableName, stored_id, utc_now
from claimtrack.store.versions import take_row
from claimtrack.vocabulary import Origin, RelationKind, RelationStatus


def get_relation(session: Session, relation_id: int) -> ClaimRelation:
    relation = session.get(ClaimRelation, relation_id)
    if relation is None:
        raise ClaimtrackError(f"relation {relation_id}: no such relation")
    return relation


def add_manual_relation(session: Session, claim_a: int, claim_b: int, kind: str, *, author: str,
                        note: str | None = None) -> ClaimRelation:
    """A relation a person asserts between two claims: confirmed from the start."""
    checked_text(note, f"claim {claim_a}: note", NOTE_MAX)
    if claim_a == claim_b:
        raise ClaimtrackError(f"claim {claim_a}: a claim cannot be related to itself")
    get_claim(session, claim_a)
    get_claim(session, claim_b)
    try:
        relation_kind = RelationKind(kind)
    except ValueError:
        raise ClaimtrackError(f"kind {kind!r}: not one of {', '.join(k.value for k in RelationKind)}") from None
    existing = session.exec(select(ClaimRelation).where(
        ClaimRelation.claim_a_id == claim_a, ClaimRelation.claim_b_id == claim_b,
        ClaimRelation.kind == relation_kind)).first()
    if existing is not None:
        set_relation_status(session, stored_id(existing), RelationStatus.CONFIRMED, author=author, note=note)
        return existing
    relation = ClaimRelation(claim_a_id=claim_a, claim_b_id=claim_b, kind=relation_kind, score=1.0,
                             reason="added by hand", origin=Origin.MANUAL,
                             status=RelationStatus.CONFIRMED, note=note)
    session.add(relation)
    session.flush()
    record_revision(session, table=TableName.RELATION, row_id=stored_id(relation), field="created", old=None,
                    new=f"{claim_a} {relation_kind} {claim_b}", author=author, note=note)
    return relation


def set_relation_status(session: Session, relation_id: int, status: RelationStatus | str, *, author: str,
                        note: str | None = None, expected_version: int | None = None) -> ClaimRelation:
    """A person's decision on a relation; refused with `EditConflict` if someone else changed it after
    the person saw it (*expected_version*, by default the version read here)."""
    checked_text(note, f"relation {relation_id}: note", NOTE_MAX)
    relation = get_relation(session, relation_id)
    decided = RelationStatus(status)
    if relation.status != decided or (note and relation.note != note):
        take_row(session, TableName.RELATION, relation_id,
                 relation.version if expected_version is None else expected_version)
    if relation.status != decided:
        record_revision(session, table=TableName.RELATION, row_id=relation_id, field="status",
                        old=relation.status, new=decided, author=author, note=note)
        relation.status = decided
    if note:
        if relation.note != note:
            record_revision(session, table=TableName.RELATION, row_id=relation_id, field="note",
                            old=relation.note, new=note, author=author, note=note)
        relation.note = note
    relation.updated_at = utc_now()
    session.add(relation)
    return relation


def dismiss_suggestions_of(session: Session, claim_id: int, *, author: str) -> list[ClaimRelation]:
    """Dismiss every relation of *claim_id* still `suggested` (a claim the finder pairs wrongly again and
    again); confirmed, dismissed and hand-made relations are left as they are. Returns those dismissed."""
    get_claim(session, claim_id)
    touching = select(ClaimRelation).where(
        or_(ClaimRelation.claim_a_id == claim_id, ClaimRelation.claim_b_id == claim_id),
        ClaimRelation.status == RelationStatus.SUGGESTED.value).order_by(col(ClaimRelation.id))
    dismissed = list(session.exec(touching).all())
    for relation in dismissed:  # no note: a relation's note is the person's own words on it
        set_relation_status(session, stored_id(relation), RelationStatus.DISMISSED, author=author)
    return dismissed
