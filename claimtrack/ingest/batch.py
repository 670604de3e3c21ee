"""Ingestion: documents in, sources and their extracted claims stored, one transaction per source.

Idempotent by content hash: the same text a second time adds nothing and is reported as skipped.
One article's failure is that article's one line in the report, never the batch's end: a read
failure, a `ClaimtrackError` from the engine (as its time budget), a database error, and any
unexpected exception (named by its class and message). Only Ctrl-C (not an `Exception`) stops.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError
from sqlmodel import Session, select

from claimtrack.contradictions.finder import MAX_COMPARED_PER_ARTICLE, suggest_for_claims
from claimtrack.contradictions.stories import assign_story
from claimtrack.contradictions.terms import load_terms
from claimtrack.contradictions.weights import count_claims
from claimtrack.engine import extract
from claimtrack.engine.model import ExtractedClaim, Extraction
from claimtrack.errors import ClaimtrackError
from claimtrack.ingest.deadline import ARTICLE_SECONDS, ArticleDeadline
from claimtrack.ingest.readers import ReadFailure, SourceDocument, one_line
from claimtrack.store.database import first_line, session_scope
from claimtrack.store.models import Claim, Source
from claimtrack.store.speaker_registry import resolve_described, upsert_speaker
from claimtrack.vocabulary import SpeakerKind


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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
                     article_seconds: float = ARTICLE_SECONDS) -> IngestReport:
    """Store every readable document; a failure is recorded and the batch goes on."""
    report = IngestReport()
    for item in documents:
        if isinstance(item, ReadFailure):
            report.failed.append(str(item))
        else:
            try:
                _ingest_one(engine, item, report, article_seconds)
            except Exception as exc:  # a bug or an odd error in one article never ends the batch
                report.failed.append(f"{_origin(item)}: unexpected error ({type(exc).__name__}: {one_line(exc)})")
        if on_document is not None:
            on_document(item.location)
    if report.offices:  # descriptions stored before their holder was known, given to the holder now
        with session_scope(engine, write=True) as session:
            resolve_described(session, report.offices)
    return report


def _origin(doc: SourceDocument) -> str:
    """Where an article was read, for a failure: the file (and JSONL line), with its doc_id."""
    where = doc.origin or doc.location
    return f"{where} ({doc.doc_id})" if doc.doc_id else where


def extraction_failure(shown: str, error: Exception) -> str:
    """One line for an article the engine could not analyse: its own refusal (`ClaimtrackError`, e.g.
    over its time budget) as it says it; anything else (the engine must never raise) named as a bug."""
    if isinstance(error, ClaimtrackError):
        return f"{shown}: {error}"
    return f"{shown}: claim extraction failed ({type(error).__name__}: {one_line(error)})"


STORE_ATTEMPTS = 3  # a write that collides with another writer's new speaker is simply tried again


def _ingest_one(engine: Engine, doc: SourceDocument, report: IngestReport,
                article_seconds: float = ARTICLE_SECONDS) -> None:
    shown = f"{doc.location} ({doc.doc_id})" if doc.doc_id else doc.location
    digest = content_hash(doc.text)
    try:
        existing = _stored_source(engine, digest)
        if existing is not None:
            report.skipped.append((shown, existing))
            return
        try:
            extraction = extract(doc.text, budget=ArticleDeadline(article_seconds))
        except Exception as exc:  # over its time budget, or a bug: this article's line, and the batch goes on
            report.failed.append(extraction_failure(shown, exc))
            return
        for attempt in range(1, STORE_ATTEMPTS + 1):
            try:
                source_id, stored = _store(engine, doc, digest, extraction)
                break
            except DBAPIError as exc:
                # Another writer got there between our check and our commit: the same text (then it is
                # stored once, and this copy is skipped), or a speaker of the same name (then try again:
                # this time the speaker is found); or two writers waited on each other (a deadlock, which
                # PostgreSQL breaks by failing one of them: try again too).
                if not isinstance(exc, IntegrityError) and not _worth_retrying(exc):
                    raise
                existing = _stored_source(engine, digest)
                if existing is not None:
                    report.skipped.append((shown, existing))
                    return
                if attempt == STORE_ATTEMPTS:
                    report.failed.append(f"{shown}: database error ({first_line(getattr(exc, 'orig', None) or exc)})")
                    return
        report.added.append((shown, source_id))
        report.claims_stored += stored
        report.offices |= {e.role.split()[-1].lower() for e in extraction.speakers
                           if e.role and e.kind is SpeakerKind.PERSON and " " in e.name}
        if extraction.truncated_at is not None:
            report.notes.append(f"{shown}: too many attributions; only the first {extraction.truncated_at:,} "
                                "characters were analysed")
        if stored > MAX_COMPARED_PER_ARTICLE:
            report.notes.append(f"{shown}: {stored:,} claims; only the first {MAX_COMPARED_PER_ARTICLE:,} were "
                                "compared with the store for contradictions")
    except SQLAlchemyError as exc:
        report.failed.append(f"{shown}: database error ({first_line(getattr(exc, 'orig', None) or exc)})")


RETRY_SQLSTATES = {"40P01", "40001"}  # deadlock detected, serialization failure


def _worth_retrying(exc: DBAPIError) -> bool:
    return getattr(exc.orig, "sqlstate", None) in RETRY_SQLSTATES


def _stored_source(engine: Engine, digest: str) -> int | None:
    with Session(engine) as session:
        return session.exec(select(Source.id).where(Source.content_hash == digest)).first()


def _store(engine: Engine, doc: SourceDocument, digest: str, extraction: Extraction) -> tuple[int, int]:
    """One source with its claims and suggested contradictions, in one transaction: (source id, claims)."""
    with session_scope(engine, write=True) as session:
        source = Source(content_hash=digest, location=doc.location, doc_id=doc.doc_id, title=doc.title,
                        outlet=doc.outlet, published=doc.published, format=doc.format, text=doc.text)
        session.add(source)
        session.flush()
        assert source.id is not None, "flushed"
        claims = store_extraction(session, source.id, extraction)
        assign_story(session, source, load_terms())  # before the finder, which keeps to one story
        suggest_for_claims(session, [c.id for c in claims])  # contradictions with the store
        return source.id, len(claims)


def claim_from_extracted(source_id: int, extracted: ExtractedClaim, speaker_id: int | None) -> Claim:
    return Claim(
        source_id=source_id,
        speaker_id=speaker_id,
        speaker_start=extracted.speaker_start,
        speaker_end=extracted.speaker_end,
        text=extracted.text,
        start=extracted.start,
        end=extracted.end,
        spans=[list(span) for span in extracted.spans] or None,
        kind=extracted.kind,
        cue=extracted.cue,
        cue_start=extracted.cue_start,
        cue_end=extracted.cue_end,
        stance=extracted.stance,
        confidence=float(extracted.confidence),
        rule=extracted.rule,
    )


def speaker_ids_for(session: Session, extraction: Extraction, source_id: int) -> dict[str, int]:
    """Store (or find) every speaker the extraction names; engine's canonical name -> speaker id."""
    ids: dict[str, int] = {}
    # In name order, so that two articles naming the same new people take their locks in the same order.
    for entity in sorted(extraction.speakers, key=lambda entity: entity.name):
        speaker = upsert_speaker(session, entity, source_id)
        assert speaker.id is not None, "stored or flushed"
        ids[entity.name] = speaker.id
    return ids


def store_extraction(session: Session, source_id: int, extraction: Extraction) -> list[Claim]:
    """Add the extraction's claims (with speakers, aliases and parent links) to the session, and count
    their words in the store's word weights."""
    speaker_ids = speaker_ids_for(session, extraction, source_id)
    claims = [claim_from_extracted(source_id, c, speaker_ids.get(c.speaker) if c.speaker else None)
              for c in extraction.claims]
    session.add_all(claims)
    session.flush()
    link_parents(claims, extraction)
    count_claims(session, [c.text for c in claims], load_terms())  # the store's word weights
    return claims


def link_parents(claims: list[Claim], extraction: Extraction) -> None:
    """Point each nested claim at its parent, by the engine's claim indexes."""
    for claim, extracted in zip(claims, extraction.claims, strict=True):
        if extracted.parent is not None and 0 <= extracted.parent < len(claims):
            claim.parent_id = claims[extracted.parent].id
