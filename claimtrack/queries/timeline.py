"""One speaker's claims in date order across articles, each marked when it is contradicted by someone
else or contradicts another claim of the same speaker (what a fact-checker reads before an interview).

Date order: the article's `published` date, oldest first, then its id and the claim's place in it;
undated articles come last. Marks count the live relations of the contradiction kinds (suggested or
confirmed; a dismissed pair is no mark)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import case
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, func, or_, select

from claimtrack.report_model import CONTRADICTION_KINDS
from claimtrack.store.models import Claim, ClaimRelation, Source, stored_id
from claimtrack.vocabulary import RelationStatus


@dataclass(frozen=True)
class TimelineRow:
    claim: Claim
    source_title: str | None
    published: str | None
    contradicted: int = 0  # live contradictions with other speakers' claims
    self_contradicted: int = 0  # ... with the same speaker's other claims


def speaker_timeline(session: Session, speaker_id: int, *, offset: int = 0, limit: int = 200) -> list[TimelineRow]:
    """A page of *speaker_id*'s claims in date order, with their contradiction marks."""
    undated = case((col(Source.published).is_(None), 1), else_=0)
    rows = session.exec(
        select(Claim, Source.title, Source.published).join(Source, col(Source.id) == col(Claim.source_id))
        .where(Claim.speaker_id == speaker_id)
        .order_by(undated, col(Source.published), col(Source.id), col(Claim.start), col(Claim.id))
        .offset(offset).limit(limit)).all()
    marks = _marks(session, speaker_id, [stored_id(claim) for claim, _, _ in rows])
    return [TimelineRow(claim, title, published, *marks.get(stored_id(claim), (0, 0)))
            for claim, title, published in rows]


def count_speaker_claims(session: Session, speaker_id: int) -> tuple[int, int]:
    """(claims, articles) of one speaker."""
    claims, articles = session.exec(select(func.count(col(Claim.id)), func.count(func.distinct(Claim.source_id)))
                                    .where(Claim.speaker_id == speaker_id)).one()
    return int(claims), int(articles)


def _marks(session: Session, speaker_id: int, claim_ids: list[int]) -> dict[int, tuple[int, int]]:
    """claim id -> (contradicted by others, contradicting the same speaker), for these claims."""
    if not claim_ids:
        return {}
    claim_a: Any = aliased(Claim)
    claim_b: Any = aliased(Claim)
    relations = session.exec(
        select(ClaimRelation.claim_a_id, ClaimRelation.claim_b_id, claim_a.speaker_id, claim_b.speaker_id)
        .join(claim_a, claim_a.id == ClaimRelation.claim_a_id).join(claim_b, claim_b.id == ClaimRelation.claim_b_id)
        .where(or_(col(ClaimRelation.claim_a_id).in_(claim_ids), col(ClaimRelation.claim_b_id).in_(claim_ids)),
               col(ClaimRelation.kind).in_(CONTRADICTION_KINDS),
               ClaimRelation.status != RelationStatus.DISMISSED.value)).all()
    wanted = set(claim_ids)
    marks: dict[int, tuple[int, int]] = {}
    for a, b, speaker_a, speaker_b in relations:
        same = speaker_a == speaker_b == speaker_id
        for mine in {a, b} & wanted:
            others, own = marks.get(mine, (0, 0))
            marks[mine] = (others, own + 1) if same else (others + 1, own)
    return marks
