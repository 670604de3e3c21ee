"""Ingestion: documents in, sources and their extracted claims stored, in batches.

Two halves. The pure half (`prepare.py`: the engine, and what the claims are about) runs before any
transaction, in worker processes with `jobs` > 1. The writer stores the prepared articles in batches:
one transaction per batch (at most `batch_articles` articles, and committed once it has held the
store's write lock `batch_seconds`, so that a colleague's annotate waits a moment at most), each
article under its own savepoint, so a bad one fails alone and the batch goes on.

Idempotent by content hash: the same text a second time adds nothing and is reported as skipped.
One article's failure is that article's one line in the report, never the batch's end: a read
failure, a `ClaimtrackError` from the engine (as its time budget), a database error, and any
unexpected exception (named by its class and message). Only Ctrl-C (not an `Exception`) stops; what
the batches committed before it stays, and a re-run completes the rest.
"""
from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, insert, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError
from sqlmodel import Session, select

from claimtrack.contradictions.finder import MAX_COMPARED_PER_ARTICLE, suggest_for_claims
from claimtrack.contradictions.stories import assign_story
from claimtrack.contradictions.terms import load_terms
from claimtrack.contradictions.weights import count_claims
from claimtrack.engine.model import ExtractedClaim, Extraction
from claimtrack.ingest.deadline import ARTICLE_SECONDS
from claimtrack.ingest.prepare import (
    Item,
    PreparedArticle,
    content_hash,
    extraction_failure,
    prepared_articles,
)
from claimtrack.ingest.readers import ReadFailure, SourceDocument, one_line
from claimtrack.store.database import first_line, session_scope
from claimtrack.store.models import Claim, Source, utc_now
from claimtrack.store.speaker_names import KnownNames
from claimtrack.store.speaker_registry import resolve_described, upsert_speaker_id
from claimtrack.vocabulary import Origin, ReviewStatus, SpeakerKind

__all__ = ["IngestReport", "content_hash", "extraction_failure", "ingest_documents"]

BATCH_ARTICLES = 100  # articles per transaction at most
BATCH_SECONDS = 0.5  # a batch commits once it has held the write lock this long (a colleague's annotate waits)


@dataclass
class IngestReport:
    """What an ingest run did, for the summary line and the exit status."""

    added: list[tuple[str, int]] = field(default_factory=list)  # (location, source id)
    skipped: list[tuple[str, int]] = field(default_factory=list)  # already stored: (location, source id)
    failed: list[str] = field(default_factory=list)  # "location: problem"
    notes: list[str] = field(default_factory=list)  # "location: what was left out" (stored all the same)
    claims_stored: int = 0
    offices: set[str] = field(default_factory=set)  # roles of the people stored (for resolve_described)

    @property
    def ok(self) -> bool:
        return not self.failed


def ingest_documents(engine: Engine, documents: Iterable[SourceDocument | ReadFailure], *,
                     on_document: Callable[[str], None] | None = None,
                     article_seconds: float = ARTICLE_SECONDS, jobs: int = 1,
                     batch_articles: int = BATCH_ARTICLES, batch_seconds: float = BATCH_SECONDS) -> IngestReport:
    """Store every readable document; a failure is recorded and the batch goes on.

    *on_document* hears of each document (by its location) once its batch is committed."""
    report = IngestReport()
    ready: list[Item] = []
    gathering_since = time.monotonic()

    names = KnownNames()  # the store's speaker names, for this writer

    def flush() -> None:
        write_batch(engine, ready, report, batch_seconds, names)
        if on_document is not None:
            for item in ready:
                on_document(item.location)
        ready.clear()

    for item in prepared_articles(documents, jobs=jobs, article_seconds=article_seconds,
                                  stored_as=lambda digest: _stored_source(engine, digest)):
        if not ready:
            gathering_since = time.monotonic()
        ready.append(item)
        # Also by time: a slow stream (a large article, a drop folder) shows its articles as they come.
        if len(ready) >= batch_articles or time.monotonic() - gathering_since >= batch_seconds:
            flush()
    if ready:
        flush()
    if report.offices:  # descriptions stored before their holder was known, given to the holder now
        with session_scope(engine, write=True) as session:
            resolve_described(session, report.offices)
    return report


def _origin(doc: SourceDocument) -> str:
    """Where an article was read, for a failure: the file (and JSONL line), with its doc_id."""
    where = doc.origin or doc.location
    return f"{where} ({doc.doc_id})" if doc.doc_id else where


@dataclass
class _Outcome:
    """One article's fate in a batch, put in the report once the batch is committed."""

    article: PreparedArticle
    source_id: int | None = None
    claims: int = 0
    skipped_as: int | None = None
    failure: str | None = None


class _BatchBroken(Exception):
    """The batch's transaction cannot go on (a savepoint could not be rolled back): it is redone."""

    def __init__(self, outcome: _Outcome):
        super().__init__(outcome.failure)
        self.outcome = outcome


def write_batch(engine: Engine, items: list[Item], report: IngestReport,
                batch_seconds: float = BATCH_SECONDS, names: KnownNames | None = None) -> None:
    """Store the prepared articles, committing whenever a transaction has run *batch_seconds*. An
    article that breaks its transaction (not just its savepoint) fails alone: the transaction is
    rolled back and redone without it."""
    queue: deque[PreparedArticle] = deque()
    for item in items:
        if isinstance(item, ReadFailure):
            report.failed.append(str(item))
        elif item.stored_as is not None:
            report.skipped.append((item.shown, item.stored_as))
        elif item.failure is not None:
            report.failed.append(item.failure)
        else:
            queue.append(item)
    names = KnownNames() if names is None else names
    while queue:
        done: list[_Outcome] = []
        current: PreparedArticle | None = None
        try:
            with session_scope(engine, write=True) as session:
                started = time.monotonic()
                names.refresh(session)
                while queue and (not done or time.monotonic() - started < batch_seconds):
                    current = queue.popleft()
                    done.append(_store_one(session, current, names))
                    current = None
        except _BatchBroken as broken:  # the others of this transaction are stored again in the next
            queue.extendleft(reversed([outcome.article for outcome in done]))
            _record(report, [broken.outcome])
            continue
        except SQLAlchemyError as exc:  # the transaction itself failed (its commit): all of it is lost
            shown = first_line(getattr(exc, "orig", None) or exc)
            lost = [outcome.article for outcome in done] + ([current] if current is not None else [])
            _record(report, [_Outcome(article, failure=f"{article.shown}: database error ({shown})")
                             for article in lost])
            continue
        _record(report, done)


def _record(report: IngestReport, outcomes: list[_Outcome]) -> None:
    for outcome in outcomes:
        article = outcome.article
        if outcome.failure is not None:
            report.failed.append(outcome.failure)
        elif outcome.skipped_as is not None:
            report.skipped.append((article.shown, outcome.skipped_as))
        elif outcome.source_id is not None and article.extraction is not None:
            _record_added(report, article, article.extraction, outcome)


def _record_added(report: IngestReport, article: PreparedArticle, extraction: Extraction, outcome: _Outcome) -> None:
    assert outcome.source_id is not None
    report.added.append((article.shown, outcome.source_id))
    report.claims_stored += outcome.claims
    report.offices |= {e.role.split()[-1].lower() for e in extraction.speakers
                       if e.role and e.kind is SpeakerKind.PERSON and " " in e.name}
    if extraction.truncated_at is not None:
        report.notes.append(f"{article.shown}: too many attributions; only the first {extraction.truncated_at:,} "
                            "characters were analysed")
    if outcome.claims > MAX_COMPARED_PER_ARTICLE:
        report.notes.append(f"{article.shown}: {outcome.claims:,} claims; only the first "
                            f"{MAX_COMPARED_PER_ARTICLE:,} were compared with the store for contradictions")


STORE_ATTEMPTS = 3  # a write that collides with another writer's new speaker is simply tried again
RETRY_SQLSTATES = {"40P01", "40001"}  # deadlock detected, serialization failure


def _worth_retrying(exc: DBAPIError) -> bool:
    return getattr(exc.orig, "sqlstate", None) in RETRY_SQLSTATES


def _store_one(session: Session, article: PreparedArticle, names: KnownNames) -> _Outcome:
    """One article under a savepoint of the batch's transaction."""
    for attempt in range(1, STORE_ATTEMPTS + 1):
        existing = session.exec(select(Source.id).where(Source.content_hash == article.digest)).first()
        if existing is not None:  # the same text earlier in this batch, or from another writer
            return _Outcome(article, skipped_as=existing)
        try:
            with session.begin_nested():  # rolled back on any error: nothing of the article stays
                source_id, stored = _store(session, article, names)
            return _Outcome(article, source_id=source_id, claims=stored)
        except Exception as exc:  # this article fails alone, whatever went wrong
            failure = _failure(article, exc)
            transaction = session.get_transaction()
            if transaction is None or not transaction.is_active:
                raise _BatchBroken(_Outcome(article, failure=failure)) from exc
            # Another writer got there between our check and our write: the same text (then it is
            # stored once, and this copy is skipped), or a speaker of the same name (then try again:
            # this time the speaker is found); or two writers waited on each other (a deadlock, which
            # PostgreSQL breaks by failing one of them: try again too).
            retry = isinstance(exc, IntegrityError) or (isinstance(exc, DBAPIError) and _worth_retrying(exc))
            if not retry or attempt == STORE_ATTEMPTS:
                return _Outcome(article, failure=failure)
            names.forget()  # another writer's new speaker: read every name again
            names.refresh(session)
    raise AssertionError("unreachable")  # pragma: no cover


def _failure(article: PreparedArticle, exc: Exception) -> str:
    if isinstance(exc, SQLAlchemyError):
        return f"{article.shown}: database error ({first_line(getattr(exc, 'orig', None) or exc)})"
    return f"{_origin(article.doc)}: unexpected error ({type(exc).__name__}: {one_line(exc)})"


def _stored_source(engine: Engine, digest: str) -> int | None:
    with Session(engine) as session:
        return session.exec(select(Source.id).where(Source.content_hash == digest)).first()


def _store(session: Session, article: PreparedArticle, names: KnownNames | None = None) -> tuple[int, int]:
    """One source with its claims, its story and suggested contradictions: (source id, claims)."""
    doc, extraction = article.doc, article.extraction
    assert extraction is not None, "only prepared articles are stored"
    terms = load_terms()
    terms.topic_cache.update(article.topics)  # read by the worker: the finder need not read them again
    source = Source(content_hash=article.digest, location=doc.location, doc_id=doc.doc_id, title=doc.title,
                    outlet=doc.outlet, published=doc.published, format=doc.format, text=doc.text)
    session.add(source)
    session.flush()
    assert source.id is not None, "flushed"
    claim_ids = store_extraction(session, source.id, extraction, names)
    assign_story(session, source, terms, article.profile)  # before the finder, which keeps to one story
    suggest_for_claims(session, claim_ids)  # contradictions with the store
    return source.id, len(claim_ids)


def claim_from_extracted(source_id: int, extracted: ExtractedClaim, speaker_id: int | None) -> Claim:
    return Claim(**claim_row(source_id, extracted, speaker_id, utc_now()))


def speaker_ids_for(session: Session, extraction: Extraction, source_id: int,
                    names: KnownNames | None = None) -> dict[str, int]:
    """Store (or find) every speaker the extraction names; engine's canonical name -> speaker id."""
    ids: dict[str, int] = {}
    # In name order, so that two articles naming the same new people take their locks in the same order.
    for entity in sorted(extraction.speakers, key=lambda entity: entity.name):
        ids[entity.name] = upsert_speaker_id(session, entity, source_id, names)
    return ids


def claim_row(source_id: int, extracted: ExtractedClaim, speaker_id: int | None, now: datetime) -> dict[str, Any]:
    """The claim table's row for an extracted claim (what `claim_from_extracted` makes, as a plain row
    for a bulk insert: no ORM object per claim)."""
    return {
        "source_id": source_id, "speaker_id": speaker_id,
        "speaker_start": extracted.speaker_start, "speaker_end": extracted.speaker_end,
        "text": extracted.text, "start": extracted.start, "end": extracted.end,
        "spans": [list(span) for span in extracted.spans] or None,
        "kind": extracted.kind, "cue": extracted.cue, "cue_start": extracted.cue_start, "cue_end": extracted.cue_end,
        "stance": extracted.stance, "confidence": float(extracted.confidence), "rule": extracted.rule,
        "origin": Origin.AUTO, "status": ReviewStatus.UNREVIEWED, "verdict": None, "explanation": None,
        "parent_id": None, "created_at": now, "updated_at": now, "version": 1,
    }


_CLAIMS = Claim.__table__  # type: ignore[attr-defined]


def store_extraction(session: Session, source_id: int, extraction: Extraction,
                     names: KnownNames | None = None) -> list[int]:
    """Add the extraction's claims (with speakers, aliases and parent links), in one bulk insert, and
    count their words in the store's word weights; the new claims' ids, in the extraction's order."""
    speaker_ids = speaker_ids_for(session, extraction, source_id, names)
    if not extraction.claims:
        return []
    now = utc_now()
    rows = [claim_row(source_id, c, speaker_ids.get(c.speaker) if c.speaker else None, now)
            for c in extraction.claims]
    inserted = session.execute(insert(_CLAIMS).returning(_CLAIMS.c.id, sort_by_parameter_order=True), rows)
    ids = [row[0] for row in inserted]
    parents = [{"claim": ids[index], "parent": ids[extracted.parent]}
               for index, extracted in enumerate(extraction.claims)
               if extracted.parent is not None and 0 <= extracted.parent < len(ids)]
    if parents:
        session.execute(update(_CLAIMS).where(_CLAIMS.c.id == bindparam("claim"))
                        .values(parent_id=bindparam("parent")), parents)
    count_claims(session, [c.text for c in extraction.claims], load_terms())  # the store's word weights
    return ids


def link_parents(claims: list[Claim], extraction: Extraction) -> None:
    """Point each nested claim at its parent, by the engine's claim indexes."""
    for claim, extracted in zip(claims, extraction.claims, strict=True):
        if extracted.parent is not None and 0 <= extracted.parent < len(claims):
            claim.parent_id = claims[extracted.parent].id
