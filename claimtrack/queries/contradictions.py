"""Relations between claims as rows for the CLI, the TUI and the summary: one query (`list_relations`)
and one row type (`RelationRow`: the relation and both claims, each with who said it, where, when and
the sentence around it). `contradiction_rows` gives the same rows as plain values for JSON."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, func, or_, select
from sqlmodel.sql.expression import Select

from claimtrack.errors import ClaimtrackError
from claimtrack.queries.claims import Rows, sentence_around
from claimtrack.queries.speaker_filter import one_speaker_id
from claimtrack.report_model import CONTRADICTION_KINDS as CONTRADICTION_KINDS
from claimtrack.store.models import Claim, ClaimRelation, Source, Speaker
from claimtrack.vocabulary import RelationStatus, shown_speaker

# Re-exported above: CONTRADICTION_KINDS is what `claimtrack contradictions` lists unless asked for other kinds.


@dataclass(frozen=True)
class RelationFilter:
    kinds: tuple[str, ...] | None = None  # None: every kind
    status: str | None = None  # None: every status, dismissed ones only with include_dismissed
    include_dismissed: bool = False
    min_score: float | None = None
    speaker: str | None = None  # the speaker of either claim: name or alias, part of it is enough
    source_id: int | None = None  # a claim of either side from this source
    story_id: int | None = None  # a claim of either side from an article of this story
    claim_id: int | None = None  # this claim on either side
    order: str = "score"  # one of RELATION_ORDERS


# How a list of relations can be sorted: strongest first, newest article first, or by speaker A's name.
RELATION_ORDERS = ("score", "date", "speaker")


@dataclass(frozen=True)
class ClaimSide:
    """One side of a relation: the claim, who said it, where and when, and its sentence."""

    claim: Claim
    speaker: str | None
    source_title: str | None
    source_location: str | None
    published: str | None
    sentence: str  # the sentence around the claim exactly as the article has it
    sentence_start: int = 0  # where it starts in the article (the claim's words sit at claim.start - this)

    def __post_init__(self) -> None:  # an article's verdict is shown as "the article itself"'s
        object.__setattr__(self, "speaker", shown_speaker(self.speaker, self.claim.rule))


@dataclass(frozen=True)
class RelationRow:
    relation: ClaimRelation
    a: ClaimSide
    b: ClaimSide


def _side(claim: Claim, speaker: str | None, source: Source) -> ClaimSide:
    left, right = sentence_around(source.text, claim.start, claim.end)
    left, right = min(left, claim.start), max(right, claim.end)
    return ClaimSide(claim, speaker, source.title, source.location, source.published, source.text[left:right], left)


NOT_DISMISSED = RelationFilter()


@dataclass(frozen=True)
class _Sides:
    """Each side's claim, speaker and source as aliases (Any: an alias's attributes are SQL expressions)."""

    claim_a: Any = dataclasses.field(default_factory=lambda: aliased(Claim))
    claim_b: Any = dataclasses.field(default_factory=lambda: aliased(Claim))
    speaker_a: Any = dataclasses.field(default_factory=lambda: aliased(Speaker))
    speaker_b: Any = dataclasses.field(default_factory=lambda: aliased(Speaker))
    source_a: Any = dataclasses.field(default_factory=lambda: aliased(Source))
    source_b: Any = dataclasses.field(default_factory=lambda: aliased(Source))

    def joined(self, statement: Any) -> Any:
        return (statement.join(self.claim_a, self.claim_a.id == ClaimRelation.claim_a_id)
                .join(self.claim_b, self.claim_b.id == ClaimRelation.claim_b_id)
                .join(self.source_a, self.source_a.id == self.claim_a.source_id)
                .join(self.source_b, self.source_b.id == self.claim_b.source_id)
                .join(self.speaker_a, self.speaker_a.id == self.claim_a.speaker_id, isouter=True)
                .join(self.speaker_b, self.speaker_b.id == self.claim_b.speaker_id, isouter=True))


def _conditions(session: Session, flt: RelationFilter, sides: _Sides) -> list[Any]:
    """The WHERE clauses of *flt* (a speaker that names nobody, or several, raises ClaimtrackError)."""
    found: list[Any] = []
    if flt.kinds is not None:
        found.append(col(ClaimRelation.kind).in_(flt.kinds))
    if flt.status:
        found.append(ClaimRelation.status == flt.status)
    elif not flt.include_dismissed:
        found.append(ClaimRelation.status != RelationStatus.DISMISSED.value)
    if flt.min_score is not None:
        found.append(col(ClaimRelation.score) >= flt.min_score)
    if flt.speaker:
        named = one_speaker_id(session, flt.speaker)
        found.append(or_(sides.claim_a.speaker_id == named, sides.claim_b.speaker_id == named))
    if flt.source_id is not None:
        found.append(or_(sides.claim_a.source_id == flt.source_id, sides.claim_b.source_id == flt.source_id))
    if flt.claim_id is not None:
        found.append(or_(ClaimRelation.claim_a_id == flt.claim_id, ClaimRelation.claim_b_id == flt.claim_id))
    if flt.story_id is not None:
        found.append(or_(sides.source_a.story_id == flt.story_id, sides.source_b.story_id == flt.story_id))
    return found


def _order(flt: RelationFilter, sides: _Sides) -> list[Any]:
    by_score = [col(ClaimRelation.score).desc(), col(ClaimRelation.id)]
    if flt.order == "date":  # the newer article of the two first; undated ones last
        date_a, date_b = func.coalesce(sides.source_a.published, ""), func.coalesce(sides.source_b.published, "")
        newest = case((date_a >= date_b, date_a), else_=date_b)  # max(a, b) is an aggregate on PostgreSQL
        return [newest.desc(), *by_score]
    if flt.order == "speaker":  # unattributed claims last
        return [sides.speaker_a.name.is_(None), sides.speaker_a.name, *by_score]
    return by_score


def list_relations(session: Session, flt: RelationFilter = NOT_DISMISSED, *, offset: int = 0,
                   limit: int | None = None) -> list[RelationRow]:
    """Relations with both claims, in *flt*'s order (strongest first, by default: by score, then id)."""
    sides = _Sides()
    # Select itself: sqlmodel's select() is typed for at most four columns.
    statement: Rows = sides.joined(Select(ClaimRelation, sides.claim_a, sides.speaker_a.name, sides.source_a,
                                          sides.claim_b, sides.speaker_b.name, sides.source_b))
    statement = statement.where(*_conditions(session, flt, sides)).order_by(*_order(flt, sides)).offset(offset)
    if limit is not None:
        statement = statement.limit(limit)
    return [RelationRow(relation, _side(a, name_a, src_a), _side(b, name_b, src_b))
            for relation, a, name_a, src_a, b, name_b, src_b in session.exec(statement).all()]


def count_relations(session: Session, flt: RelationFilter = NOT_DISMISSED) -> int:
    """How many relations *flt* selects (what a list of them says it holds in all)."""
    sides = _Sides()
    statement = select(func.count(col(ClaimRelation.id))).select_from(ClaimRelation)
    if flt.speaker or flt.source_id is not None or flt.story_id is not None:  # only these read the sides
        statement = sides.joined(statement)
    return int(session.exec(statement.where(*_conditions(session, flt, sides))).one())


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
