"""Read-side queries shared by the CLI and the TUI (paged, filtered, never loading a whole store)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import false, func, or_, text as sql_text
from sqlmodel import Session, select

from claimtrack.store.models import Claim, ClaimRelation, Source, Speaker, SpeakerAlias
from claimtrack.store.search import fts_query, has_words, ts_query


@dataclass(frozen=True)
class ClaimFilter:
    speaker: str | None = None  # canonical name or alias, case-insensitive, substring
    stance: str | None = None
    source_id: int | None = None
    status: str | None = None
    search: str | None = None  # full-text words, all must appear


@dataclass(frozen=True)
class ClaimRow:
    claim: Claim
    speaker: str | None
    source_title: str | None


def _filtered(session: Session, statement, flt: ClaimFilter):
    if flt.speaker:
        part = flt.speaker.strip().lower()
        # autoescape: a "%" or "_" someone types is a letter of the name, not a LIKE wildcard.
        alias_match = (select(SpeakerAlias.speaker_id)
                       .where(func.lower(SpeakerAlias.alias).contains(part, autoescape=True)))
        statement = statement.where(or_(func.lower(Speaker.name).contains(part, autoescape=True),
                                        Claim.speaker_id.in_(alias_match)))
    if flt.stance:
        statement = statement.where(Claim.stance == flt.stance.lower())
    if flt.source_id is not None:
        statement = statement.where(Claim.source_id == flt.source_id)
    if flt.status:
        statement = statement.where(Claim.status == flt.status.lower())
    if flt.search and flt.search.strip():
        dialect = session.get_bind().dialect.name
        if not has_words(flt.search):  # "*" or "()": nothing to look for, so nothing found (not everything)
            statement = statement.where(false())
        elif dialect == "sqlite":
            query = fts_query(flt.search)
            if query:
                statement = statement.where(Claim.id.in_(
                    sql_text("SELECT rowid FROM claim_fts WHERE claim_fts MATCH :q").bindparams(q=query)))
        elif dialect == "postgresql":
            query = ts_query(flt.search)
            if query:  # claim.search_vector: the claim's words, kept and indexed by migration 0003
                statement = statement.where(sql_text("claim.search_vector @@ to_tsquery('claimtrack_text', :q)")
                                            .bindparams(q=query))
        else:
            for word in flt.search.split():
                statement = statement.where(Claim.text.icontains(word, autoescape=True))
    return statement


def list_claims(session: Session, flt: ClaimFilter = ClaimFilter(), *, limit: int | None = None,
                offset: int = 0) -> list[ClaimRow]:
    statement = (select(Claim, Speaker.name, Source.title)
                 .join(Speaker, Claim.speaker_id == Speaker.id, isouter=True)
                 .join(Source, Claim.source_id == Source.id))
    statement = _filtered(session, statement, flt).order_by(Claim.source_id, Claim.start, Claim.id).offset(offset)
    if limit is not None:
        statement = statement.limit(limit)
    return [ClaimRow(claim, speaker, title) for claim, speaker, title in session.exec(statement).all()]


def count_claims(session: Session, flt: ClaimFilter = ClaimFilter()) -> int:
    statement = (select(func.count(Claim.id)).select_from(Claim)
                 .join(Speaker, Claim.speaker_id == Speaker.id, isouter=True))
    return session.exec(_filtered(session, statement, flt)).one()


@dataclass(frozen=True)
class RelationPairs:
    """A query of relations with both claims, their speakers' names and their sources.

    Rows are (relation, claim_a, speaker_a_name, source_a, claim_b, speaker_b_name, source_b);
    `claim_a` and `claim_b` are the aliases to filter on.
    """

    statement: object
    claim_a: object
    claim_b: object


def relation_pairs() -> RelationPairs:
    from sqlalchemy.orm import aliased

    claim_a, claim_b = aliased(Claim), aliased(Claim)
    speaker_a, speaker_b = aliased(Speaker), aliased(Speaker)
    source_a, source_b = aliased(Source), aliased(Source)
    statement = (select(ClaimRelation, claim_a, speaker_a.name, source_a, claim_b, speaker_b.name, source_b)
                 .join(claim_a, claim_a.id == ClaimRelation.claim_a_id)
                 .join(claim_b, claim_b.id == ClaimRelation.claim_b_id)
                 .join(source_a, source_a.id == claim_a.source_id)
                 .join(source_b, source_b.id == claim_b.source_id)
                 .join(speaker_a, speaker_a.id == claim_a.speaker_id, isouter=True)
                 .join(speaker_b, speaker_b.id == claim_b.speaker_id, isouter=True))
    return RelationPairs(statement, claim_a, claim_b)


@dataclass(frozen=True)
class SourceRow:
    source: Source
    claims: int
    contradictions: int


def get_source(session: Session, source_id: int) -> Source:
    source = session.get(Source, source_id)
    if source is None:
        from claimtrack.errors import ClaimtrackError

        raise ClaimtrackError(f"source {source_id}: no such source")
    return source


def list_sources(session: Session, *, limit: int | None = None, offset: int = 0) -> list[SourceRow]:
    claim_counts = (select(Claim.source_id, func.count(Claim.id).label("n")).group_by(Claim.source_id).subquery())
    statement = (select(Source, func.coalesce(claim_counts.c.n, 0))
                 .join(claim_counts, claim_counts.c.source_id == Source.id, isouter=True)
                 .order_by(Source.id).offset(offset))
    if limit is not None:
        statement = statement.limit(limit)
    rows = session.exec(statement).all()
    contradictions = contradiction_counts(session, [source.id for source, _ in rows])
    return [SourceRow(source, n, contradictions.get(source.id, 0)) for source, n in rows]


def contradiction_counts(session: Session, source_ids: list[int]) -> dict[int, int]:
    """Relations (not dismissed) touching a claim of each source; one relation inside a source counts once."""
    if not source_ids:
        return {}
    pairs: set[tuple[int, int]] = set()
    for column in (ClaimRelation.claim_a_id, ClaimRelation.claim_b_id):
        pairs.update(session.exec(
            select(Claim.source_id, ClaimRelation.id).join(Claim, Claim.id == column)
            .where(Claim.source_id.in_(source_ids), ClaimRelation.status != "dismissed")).all())
    counts: dict[int, int] = {}
    for source_id, _relation in pairs:
        counts[source_id] = counts.get(source_id, 0) + 1
    return counts


@dataclass(frozen=True)
class SpeakerRow:
    speaker: Speaker
    claims: int
    aliases: list[str]


def list_speakers(session: Session, *, name: str | None = None, limit: int | None = None,
                  offset: int = 0) -> list[SpeakerRow]:
    counts = select(Claim.speaker_id, func.count(Claim.id).label("n")).group_by(Claim.speaker_id).subquery()
    statement = (select(Speaker, func.coalesce(counts.c.n, 0).label("claims"))
                 .join(counts, counts.c.speaker_id == Speaker.id, isouter=True))
    if name:
        statement = statement.where(func.lower(Speaker.name).contains(name.lower(), autoescape=True))
    statement = statement.order_by(sql_text("claims DESC"), Speaker.name).offset(offset)
    if limit is not None:
        statement = statement.limit(limit)
    rows = session.exec(statement).all()
    aliases: dict[int, list[str]] = {}
    ids = [speaker.id for speaker, _ in rows]
    if ids:
        for speaker_id, alias in session.exec(select(SpeakerAlias.speaker_id, SpeakerAlias.alias)
                                              .where(SpeakerAlias.speaker_id.in_(ids)).order_by(SpeakerAlias.alias)):
            aliases.setdefault(speaker_id, []).append(alias)
    return [SpeakerRow(speaker, n, aliases.get(speaker.id, [])) for speaker, n in rows]


def store_totals(session: Session) -> dict[str, int]:
    return {
        "sources": session.exec(select(func.count(Source.id))).one(),
        "claims": session.exec(select(func.count(Claim.id))).one(),
        "speakers": session.exec(select(func.count(Speaker.id))).one(),
        "relations": session.exec(select(func.count(ClaimRelation.id)).where(ClaimRelation.status != "dismissed")).one(),
    }


_LEFT_BOUNDARY = re.compile(r"[.?!][\"”’']?\s+|\n")
_RIGHT_BOUNDARY = re.compile(r"[.?!][\"”’']?(?=\s|$)|\n")


def sentence_around(text: str, start: int, end: int, limit: int = 400) -> tuple[int, int]:
    """Offsets of the sentence around the span text[start:end] (at most *limit* characters each side)."""
    floor = max(0, start - limit)
    left = floor
    for match in _LEFT_BOUNDARY.finditer(text, floor, start):
        left = match.end()
    found = _RIGHT_BOUNDARY.search(text, end, min(len(text), end + limit))
    right = found.end() if found else min(len(text), end + limit)
    return left, max(right, end)
