"""Re-extraction after an engine upgrade: automatic claims are replaced, human work is kept.

Kept, always: manual claims; automatic claims a person edited (their edited fields stay as the
person left them, the rest is refreshed from the new extraction, re-anchored by offsets); claims
in a relation a person added, confirmed or dismissed; the parents of any kept claim.
"""
from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import or_
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from claimtrack.contradictions.finder import suggest_for_claims
from claimtrack.contradictions.terms import load_terms
from claimtrack.contradictions.weights import count_claims
from claimtrack.engine.model import Extraction
from claimtrack.errors import ClaimtrackError
from claimtrack.ingest.batch import BATCH_ARTICLES, BATCH_SECONDS, claim_from_extracted, link_parents, speaker_ids_for
from claimtrack.ingest.deadline import ARTICLE_SECONDS
from claimtrack.ingest.prepare import PreparedArticle, prepared_articles
from claimtrack.ingest.readers import SourceDocument, one_line
from claimtrack.review.annotate import human_edited_fields
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
        or_(col(ClaimRelation.claim_a_id).in_(claim_ids), col(ClaimRelation.claim_b_id).in_(claim_ids)),
        or_(col(ClaimRelation.status) != RelationStatus.SUGGESTED.value,
            col(ClaimRelation.origin) == Origin.MANUAL.value),
    )).all()
    return {claim_id for pair in rows for claim_id in pair}


def reextract_source(session: Session, source: Source, extraction: Extraction) -> ReextractReport:
    """Replace the source's untouched automatic claims by *extraction* (the engine's, run beforehand).

    *session* must write (`session_scope(engine, write=True)`): on SQLite it then holds the write lock
    before anything below is read."""
    assert source.id is not None, "a stored source"
    report = ReextractReport(source_id=source.id)
    old = _locked_claims(session, source.id)
    edited = human_edited_fields(session, list(old))
    keep = _claims_holding_human_work(session, old, edited)
    speaker_ids = speaker_ids_for(session, extraction, source.id)
    matched = _reanchored(old, keep, extraction)
    # Word weights: the replaced and re-anchored claims out (as they were), the new extraction's in.
    count_claims(session, [c.text for i, c in old.items() if i not in keep or i in matched.values()],
                 load_terms(), sign=-1)
    for claim_id, claim in old.items():
        if claim_id not in keep:
            session.delete(claim)
            report.removed += 1
    session.flush()
    report.kept = len(keep)

    final: list[Claim] = []
    for index, extracted in enumerate(extraction.claims):
        fresh = claim_from_extracted(source.id, extracted,
                                     speaker_ids.get(extracted.speaker) if extracted.speaker else None)
        kept_id = matched.get(index)
        if kept_id is None:
            session.add(fresh)
            report.added += 1
        else:
            fresh = _refreshed(old[kept_id], fresh, edited.get(kept_id, set()))
            session.add(fresh)
            report.reanchored += 1
        final.append(fresh)
    session.flush()
    link_parents(final, extraction)
    count_claims(session, [c.text for c in final], load_terms())
    suggest_for_claims(session, [c.id for c in final])  # contradictions of the refreshed claims
    return report


def _locked_claims(session: Session, source_id: int) -> dict[int, Claim]:
    """The source's claims by id, locked with their relations before they are read (PostgreSQL; on SQLite
    the session's write lock covers them): a person's change committed meanwhile is then seen, and one
    made during the re-extraction waits for it. Relations first, in the order a person's confirm takes them."""
    of_source = select(Claim.id).where(Claim.source_id == source_id)
    relations = or_(col(ClaimRelation.claim_a_id).in_(of_source), col(ClaimRelation.claim_b_id).in_(of_source))
    session.exec(select(ClaimRelation.id).where(relations).with_for_update()).all()
    claims = session.exec(select(Claim).where(Claim.source_id == source_id).with_for_update()).all()
    return {claim.id: claim for claim in claims if claim.id is not None}


def _claims_holding_human_work(session: Session, old: dict[int, Claim], edited: dict[int, set[str]]) -> set[int]:
    """The claims kept (see the module): manual, edited by a person, in a person's relation; and their parents."""
    in_human_relation = _human_relation_claim_ids(session, list(old)) if old else set()
    keep = {claim_id for claim_id, claim in old.items()
            if claim.origin == Origin.MANUAL.value or claim_id in edited or claim_id in in_human_relation}
    for claim_id in list(keep):  # a kept nested claim keeps its parent
        parent = old[claim_id].parent_id
        while parent is not None and parent in old and parent not in keep:
            keep.add(parent)
            parent = old[parent].parent_id
    return keep


def _reanchored(old: dict[int, Claim], keep: set[int], extraction: Extraction) -> dict[int, int]:
    """new claim index -> the kept automatic claim re-anchored on it: the best overlaps first, each claim once."""
    new_spans = [(c.start, c.end) for c in extraction.claims]
    candidates = sorted(
        ((_jaccard((claim.start, claim.end), span), claim_id, index)
         for claim_id, claim in old.items() if claim_id in keep and claim.origin == Origin.AUTO.value
         for index, span in enumerate(new_spans)),
        reverse=True,
    )
    matched: dict[int, int] = {}
    used_claims: set[int] = set()
    for score, claim_id, index in candidates:
        if score < MIN_OVERLAP:
            break
        if claim_id in used_claims or index in matched:
            continue
        used_claims.add(claim_id)
        matched[index] = claim_id
    return matched


def _refreshed(claim: Claim, fresh: Claim, person_changed: set[str]) -> Claim:
    """The kept *claim* with the new extraction's automatic fields, except those a person changed."""
    for name in REFRESHED_FIELDS:
        setattr(claim, name, getattr(fresh, name))
    if "speaker" not in person_changed:
        claim.speaker_id = fresh.speaker_id
    if "stance" not in person_changed:
        claim.stance = fresh.stance
    claim.updated_at = utc_now()
    return claim


def reextract(engine: Engine, source_ids: list[int] | None = None, article_seconds: float = ARTICLE_SECONDS,
              *, jobs: int = 1, batch_seconds: float = BATCH_SECONDS) -> list[ReextractReport]:
    """Re-run the engine over the given sources (all when None), in batches as ingest stores them.

    The engine runs before the transaction (a source's text never changes; in *jobs* worker processes
    for a long run), so people annotating meanwhile wait only for the short writes: a batch commits
    once it has held the write lock *batch_seconds*. Each source is re-extracted under its own
    savepoint: one that fails (the engine over its time, a bug) keeps its claims, and the others go on."""
    with Session(engine) as session:
        known = [i for i in session.exec(select(Source.id).order_by(col(Source.id))).all() if i is not None]
    if source_ids:
        missing = sorted(set(source_ids) - set(known))
        if missing:
            raise ClaimtrackError(f"source {missing[0]}: no such source")
        wanted = set(source_ids)
        known = [i for i in known if i in wanted]
    reports: list[ReextractReport] = []
    order: deque[int] = deque()  # the ids of the documents handed to the engine, in order
    ready: list[tuple[int, PreparedArticle]] = []
    for article in prepared_articles(_stored_documents(engine, known, order), jobs=jobs,
                                     article_seconds=article_seconds):
        assert isinstance(article, PreparedArticle), "stored texts are read, never failed"
        ready.append((order.popleft(), article))
        if len(ready) >= BATCH_ARTICLES:
            _write(engine, ready, reports, batch_seconds)
            ready = []
    if ready:
        _write(engine, ready, reports, batch_seconds)
    return reports


READ_CHUNK = 100  # source texts read at once


def _stored_documents(engine: Engine, source_ids: list[int], order: deque[int]) -> Iterator[SourceDocument]:
    """The sources' texts as documents for the engine, a chunk at a time (memory stays flat)."""
    for start in range(0, len(source_ids), READ_CHUNK):
        chunk = source_ids[start:start + READ_CHUNK]
        with Session(engine) as session:
            texts = dict(session.exec(select(Source.id, Source.text).where(col(Source.id).in_(chunk))).all())
        for source_id in chunk:
            order.append(source_id)
            yield SourceDocument(text=texts[source_id], location=f"source {source_id}", format="text")


def _write(engine: Engine, ready: list[tuple[int, PreparedArticle]], reports: list[ReextractReport],
           batch_seconds: float) -> None:
    queue = deque(ready)
    while queue:
        done: list[ReextractReport] = []
        with session_scope(engine, write=True) as session:
            started = time.monotonic()
            while queue and (not done or time.monotonic() - started < batch_seconds):
                source_id, article = queue.popleft()
                done.append(_reextract_one(session, source_id, article))
        reports.extend(done)  # once committed


def _reextract_one(session: Session, source_id: int, article: PreparedArticle) -> ReextractReport:
    if article.extraction is None:  # the engine failed: the source keeps its claims
        return ReextractReport(source_id=source_id, failed=article.failure or f"source {source_id}: not analysed")
    load_terms().topic_cache.update(article.topics)  # read by the worker: the finder need not read them again
    try:
        with session.begin_nested():
            return reextract_source(session, session.get_one(Source, source_id), article.extraction)
    except Exception as exc:  # this source fails alone, whatever went wrong
        transaction = session.get_transaction()
        if transaction is None or not transaction.is_active:
            raise
        return ReextractReport(source_id=source_id,
                               failed=f"source {source_id}: unexpected error ({type(exc).__name__}: {one_line(exc)})")
