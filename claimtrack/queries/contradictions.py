"""Relations between claims as rows for the CLI, the TUI and the summary: one query (`list_relations`)
and one row type (`RelationRow`: the relation and both claims, each with who said it, where, when and
the sentence around it). `contradiction_rows` gives the same rows as plain values for JSON."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import aliased
from sqlmodel import Session, col, or_
from sqlmodel.sql.expression import Select

from claimtrack.errors import ClaimtrackError
from claimtrack.queries.claims import Rows, sentence_around
from claimtrack.queries.speaker_filter import one_speaker_id
from claimtrack.report_model import CONTRADICTION_KINDS as CONTRADICTION_KINDS
from claimtrack.store.models import Claim, ClaimRelation, Source, Speaker
from claimtrack.vocabulary import RelationStatus

# Re-exported above: CONTRADICTION_KINDS is what `claimtrack contradictions` lists unless asked for other kinds.


@dataclass(frozen=True)
class RelationFilter:
    kinds: tuple[str, ...] | None = None  # None: every kind
    status: str | None = None  # None: every status, dismissed ones only with include_dismissed
    include_dismissed: bool = False
    min_score: float | None = None
    speaker: str | None = None  # the speaker of either claim: name or alias, part of it is enough


@dataclass(frozen=True)
class ClaimSide:
    """One side of a relation: the claim, who said it, where and when, and its sentence."""

    claim: Claim
    speaker: str | None
    source_title: str | None
    source_location: str | None
    published: str | None
    sentence: str


@dataclass(frozen=True)
class RelationRow:
    relation: ClaimRelation
    a: ClaimSide
    b: ClaimSide


def _side(claim: Claim, speaker: str | None, source: Source) -> ClaimSide:
    left, right = sentence_around(source.text, claim.start, claim.end)
    return ClaimSide(claim, speaker, source.title, source.location, source.published,
                     " ".join(source.text[left:right].split()))


NOT_DISMISSED = RelationFilter()


def list_relations(session: Session, flt: RelationFilter = NOT_DISMISSED, *, offset: int = 0,
                   limit: int | None = None) -> list[RelationRow]:
    """Relations with both claims, strongest first (by score, then id)."""
    # Each side's claim, speaker and source (Any: an alias's attributes are SQL expressions, not values).
    claim_a: Any = aliased(Claim)
    claim_b: Any = aliased(Claim)
    speaker_a: Any = aliased(Speaker)
    speaker_b: Any = aliased(Speaker)
    source_a: Any = aliased(Source)
    source_b: Any = aliased(Source)
    # Select itself: sqlmodel's select() is typed for at most four columns.
    statement: Rows = (Select(ClaimRelation, claim_a, speaker_a.name, source_a, claim_b, speaker_b.name, source_b)
                       .join(claim_a, claim_a.id == ClaimRelation.claim_a_id)
                       .join(claim_b, claim_b.id == ClaimRelation.claim_b_id)
                       .join(source_a, source_a.id == claim_a.source_id)
                       .join(source_b, source_b.id == claim_b.source_id)
                       .join(speaker_a, speaker_a.id == claim_a.speaker_id, isouter=True)
                       .join(speaker_b, speaker_b.id == claim_b.speaker_id, isouter=True))
    if flt.kinds is not None:
        statement = statement.where(col(ClaimRelation.kind).in_(flt.kinds))
    if flt.status:
        statement = statement.where(ClaimRelation.status == flt.status)
    elif not flt.include_dismissed:
        statement = statement.where(ClaimRelation.status != RelationStatus.DISMISSED.value)
    if flt.min_score is not None:
        statement = statement.where(col(ClaimRelation.score) >= flt.min_score)
    if flt.speaker:
        named = one_speaker_id(session, flt.speaker)
        statement = statement.where(or_(claim_a.speaker_id == named, claim_b.speaker_id == named))
    statement = statement.order_by(col(ClaimRelation.score).desc(), col(ClaimRelation.id)).offset(offset)
    if limit is not None:
        statement = statement.limit(limit)
    return [RelationRow(relation, _side(a, name_a, src_a), _side(b, name_b, src_b))
            for relation, a, name_a, src_a, b, name_b, src_b in session.exec(statement).all()]


def contradiction_rows(session: Session, *, speaker: str | None = None, status: str | None = None,
                       min_score: float | None = None, kinds: tuple[str, ...] = CONTRADICTION_KINDS,
                       limit: int | None = None) -> list[dict[str, Any]]:
    """Relations with both claims, best first, as plain values. Without *status*, dismissed ones are left out."""
    if status:
        try:
            status = RelationStatus(status.strip().lower()).value
        except ValueError:
            raise ClaimtrackError(f"status {status!r}: not one of "
                                  f"{', '.join(s.value for s in RelationStatus)}") from None
    rows = list_relations(session, RelationFilter(kinds=kinds, status=status, min_score=min_score, speaker=speaker),
                          limit=limit)
    return [relation_values(row) for row in rows]


def relation_values(row: RelationRow) -> dict[str, Any]:
    """A relation and both its claims as plain values (what `contradictions --format json` writes)."""
    rel = row.relation
    return {"id": rel.id, "kind": rel.kind, "score": round(rel.score, 3), "reason": rel.reason, "status": rel.status,
            "origin": rel.origin, "note": rel.note, "version": rel.version, "a": _side_values(row.a),
            "b": _side_values(row.b)}


def _side_values(side: ClaimSide) -> dict[str, Any]:
    claim = side.claim
    return {"id": claim.id, "text": claim.text, "speaker": side.speaker, "stance": claim.stance, "start": claim.start,
            "end": claim.end, "source_id": claim.source_id, "title": side.source_title, "published": side.published}
