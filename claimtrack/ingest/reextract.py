"""Re-extraction after an engine upgrade: automatic claims are replaced, human work is kept.

Kept, always: manual claims; automatic claims a person edited (their edited fields stay as the
person left them, the rest is refreshed from the new extraction, re-anchored by offsets); claims
in a relation a person added, confirmed or dismissed; the parents of any kept claim.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from claimtrack.review.annotate import human_edited_fields
from claimtrack.contradictions.finder import suggest_for_claims
from claimtrack.ingest.deadline import ARTICLE_SECONDS, ArticleDeadline
from claimtrack.engine import ExtractionTooSlow, extract
from claimtrack.engine.model import Extraction
from claimtrack.errors import ClaimtrackError
from claimtrack.ingest.batch import claim_from_extracted, speaker_ids_for
from claimtrack.store.database import session_scope
from claimtrack.store.models import Claim, ClaimRelation, Source, utc_now
from claimtrack.vocabulary import Origin, RelationStatus

# Automatic fields refreshed from the new extraction unless a person changed them.
REFRESHED_FIELDS = ("speaker_start", "speaker_end", "text", "start", "end", "spans", "kind", "cue",
                    "cue_start", "cue_end", "confidence", "rule")
MIN_OVERLAP = 0.5  # character Jaccard for a kept claim to be re-anchored on a new one


@dataclass
class ReextractReport:
    source_id: int
    removed: int = 0  # automatic claims nobody had touched, replaced
    added: int = 0  # new automatic claims
    kept: int = 0  # claims holding human work
    reanchored: int = 0  # kept claims matched to a new extraction and refreshed
    failed: str | None = None  # why the source was left as it was ("article too long to analyse ...")


def _jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def _human_relation_claim_ids(session: Session, claim_ids: list[int]) -> set[int]:
    rows = session.exec(select(ClaimRelation.claim_a_id, ClaimRelation.claim_b_id).where(
        or_(ClaimRelation.claim_a_id.in_(claim_ids), ClaimRelation.claim_b_id.in_(claim_ids)),
        or_(ClaimRelation.status != RelationStatus.SUGGESTED.value, ClaimRelation.origin == Origin.MANUAL.value),
    )).all()
    return {claim_id for pair in rows for claim_id in pair}


def reextract_source(session: Session, source: Source, extraction: Extraction) -> ReextractReport:
    """Replace the source's untouched automatic claims by *extraction* (the engine's, run beforehand).

    *session* must write (`session_scope(engine, write=True)`): on SQLite it then holds the write lock
    before anything below is read."""
    report = ReextractReport(source_id=source.id)
    # Lock the source's relations, then its claims, before reading them (PostgreSQL; on SQLite the
    # session's write lock covers them): a person's change committed meanwhile is then seen below, and
    # one made during the re-extraction waits for it. Relations first, in the order a person's confirm
    # takes them.
    of_source = select(Claim.id).where(Claim.source_id == source.id)
    session.exec(select(ClaimRelation.id).where(or_(ClaimRelation.claim_a_id.in_(of_source),
                                                    ClaimRelation.claim_b_id.in_(of_source))).with_for_update()).all()
    old = list(session.exec(select(Claim).where(Claim.source_id == source.id).with_for_update()).all())
    ids = [c.id for c in old]
    edited = human_edited_fields(session, ids)
    in_human_relation = _human_relation_claim_ids(session, ids) if ids else set()
    keep = {c.id for c in old if c.origin == Origin.MANUAL.value or c.id in edited or c.id in in_human_relation}
    by_id = {c.id: c for c in old}
    for claim_id in list(keep):  # a kept nested claim keeps its parent
        parent = by_id[claim_id].parent_id
        while parent is not None and parent in by_id and parent not in keep:
            keep.add(parent)
            parent = by_id[parent].parent_id

    speaker_ids = speaker_ids_for(session, extraction, source.id)
    new_spans = [(c.start, c.end) for c in extraction.claims]
    matched: dict[int, Claim] = {}  # new claim index -> kept claim re-anchored on it
    candidates = sorted(
        ((_jaccard((claim.start, claim.end), span), claim.id, index)
         for claim in old if claim.id in keep and claim.origin == Origin.AUTO.value
         for index, span in enumerate(new_spans)),
        reverse=True,
    )
    used_claims: set[int] = set()
    for score, claim_id, index in candidates:
        if score < MIN_OVERLAP:
            break
        if claim_id in used_claims or index in matched:
            continue
        used_claims.add(claim_id)
        matched[index] = by_id[claim_id]

    for claim in old:
        if claim.id not in keep:
            session.delete(claim)
            report.removed += 1
    session.flush()
    report.kept = len(keep)

    final: list[Claim] = []
    for index, extracted in enumerate(extraction.claims):
        fresh = claim_from_extracted(source.id, extracted, speaker_ids.get(extracted.speaker) if extracted.speaker else None)
        claim = matched.get(index)
        if claim is None:
            session.add(fresh)
            report.added += 1
        else:
            person_changed = edited.get(claim.id, set())
            for name in REFRESHED_FIELDS:
                setattr(claim, name, getattr(fresh, name))
            if "speaker" not in person_changed:
                claim.speaker_id = fresh.speaker_id
            if "stance" not in person_changed:
                claim.stance = fresh.stance
            claim.updated_at = utc_now()
            session.add(claim)
            report.reanchored += 1
            fresh = claim
        final.append(fresh)
    session.flush()
    for claim, extracted in zip(final, extraction.claims):
        if extracted.parent is not None and 0 <= extracted.parent < len(final):
            claim.parent_id = final[extracted.parent].id
    suggest_for_claims(session, [c.id for c in final])  # contradictions of the refreshed claims
    return report


def reextract(engine: Engine, source_ids: list[int] | None = None,
              article_seconds: float = ARTICLE_SECONDS) -> list[ReextractReport]:
    """Re-run the engine over the given sources (all when None), one transaction per source.

    The engine runs before the transaction (a source's text never changes), so people annotating
    meanwhile wait only for the short write, not for the extraction."""
    with Session(engine) as session:
        known = list(session.exec(select(Source.id).order_by(Source.id)).all())
    if source_ids:
        missing = sorted(set(source_ids) - set(known))
        if missing:
            raise ClaimtrackError(f"source {missing[0]}: no such source")
        known = [i for i in known if i in set(source_ids)]
    reports = []
    for source_id in known:
        with Session(engine) as session:
            text = session.exec(select(Source.text).where(Source.id == source_id)).one()
        try:
            extraction = extract(text, budget=ArticleDeadline(article_seconds))
        except ExtractionTooSlow as exc:  # that source keeps its claims; the others go on
            reports.append(ReextractReport(source_id=source_id, failed=f"source {source_id}: {exc}"))
            continue
        with session_scope(engine, write=True) as session:
            reports.append(reextract_source(session, session.get(Source, source_id), extraction))
    return reports
