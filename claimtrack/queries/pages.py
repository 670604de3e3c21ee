"""Read-side queries the terminal UI needs beyond `claimtrack.queries.claims`: keyset pages that stay fast
on a store of millions of claims, the claims of one article, contradictions with both sides, and
speaker names for a fuzzy pick. Pure SQLModel; never imports the UI.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, tuple_
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import Select

from claimtrack.queries.claims import EVERY_CLAIM, ClaimFilter, ClaimRow, claim_rows
from claimtrack.store.models import Claim, ClaimRelation, Revision, Source, Speaker, SpeakerAlias, stored_id
from claimtrack.vocabulary import RelationStatus

# Where a page of claims ends, in the claims' reading order: (source id, start offset, claim id).
ClaimPosition = tuple[int, int, int]


def claims_page(session: Session, flt: ClaimFilter = EVERY_CLAIM, *, after: ClaimPosition | None = None,
                limit: int = 200) -> list[ClaimRow]:
    """The next *limit* claims after *after* in reading order (source, offset): a keyset page, as fast
    at the millionth claim as at the first, unlike an OFFSET."""
    statement = claim_rows(session, flt)
    if after is not None:
        statement = statement.where(tuple_(Claim.source_id, Claim.start, Claim.id) > tuple_(*after))
    statement = statement.limit(limit)
    return [ClaimRow(claim, speaker, title) for claim, speaker, title in session.exec(statement).all()]


def claim_row(session: Session, claim_id: int) -> ClaimRow | None:
    """One claim as a list shows it (with its speaker and source title), or None when there is none."""
    found = session.exec(claim_rows(session, EVERY_CLAIM).where(Claim.id == claim_id)).first()
    return ClaimRow(*found) if found is not None else None


def position_of(claim: Claim) -> ClaimPosition:
    return (claim.source_id, claim.start, stored_id(claim))


@dataclass(frozen=True)
class SourcePageRow:
    source: Source
    claims: int


def sources_page(session: Session, *, title: str | None = None, after: int | None = None,
                 limit: int = 200) -> list[SourcePageRow]:
    """Sources by id after *after*, each with its claim count counted for that page alone."""
    claim_count = (select(func.count(col(Claim.id))).where(col(Claim.source_id) == col(Source.id))
                   .correlate(Source).scalar_subquery())
    statement = select(Source, claim_count)
    if title:
        part = title.strip().lower()  # autoescape: "%" and "_" are letters here, not LIKE wildcards
        statement = statement.where(or_(*(func.lower(column).contains(part, autoescape=True)
                                          for column in (Source.title, Source.location, Source.outlet))))
    if after is not None:
        statement = statement.where(col(Source.id) > after)
    rows = session.exec(statement.order_by(col(Source.id)).limit(limit)).all()
    return [SourcePageRow(source, n) for source, n in rows]


@dataclass(frozen=True)
class ArticleClaim:
    """A claim as the reader shows it: its spans, its speaker's name and role, and its cue."""

    claim: Claim
    speaker: str | None
    role: str | None
    affiliation: str | None
    relations: int = 0  # its relations not dismissed (the reader offers a jump to each)


def article_claims(session: Session, source_id: int) -> list[ArticleClaim]:
    """Every claim of one source, in reading order, with its speaker's name and role and how many live
    relations it has."""
    rows = session.exec(
        select(Claim, Speaker.name, Speaker.role, Speaker.affiliation)
        .join(Speaker, col(Claim.speaker_id) == col(Speaker.id), isouter=True)
        .where(Claim.source_id == source_id).order_by(col(Claim.start), col(Claim.id))).all()
    counts: dict[int, int] = {}
    of_source = select(Claim.id).where(Claim.source_id == source_id)
    live = ClaimRelation.status != RelationStatus.DISMISSED.value
    for column in (col(ClaimRelation.claim_a_id), col(ClaimRelation.claim_b_id)):
        for claim_id, count in session.exec(select(column, func.count()).where(column.in_(of_source), live)
                                            .group_by(column)).all():
            counts[claim_id] = counts.get(claim_id, 0) + count
    return [ArticleClaim(claim, name, role, affiliation, counts.get(stored_id(claim), 0))
            for claim, name, role, affiliation in rows]


def speaker_choices(session: Session) -> list[tuple[str, str]]:
    """(what to match, canonical name) for every speaker name and alias: what a fuzzy pick searches."""
    choices = [(name, name) for name in session.exec(select(Speaker.name)).all()]
    choices += [(alias, name) for alias, name in session.exec(
        select(SpeakerAlias.alias, Speaker.name).join(Speaker, col(Speaker.id) == col(SpeakerAlias.speaker_id))).all()
        if alias != name]
    return choices


def speaker_aliases(session: Session, speaker_id: int) -> list[SpeakerAlias]:
    return list(session.exec(select(SpeakerAlias).where(SpeakerAlias.speaker_id == speaker_id)
                             .order_by(col(SpeakerAlias.alias))).all())


def store_stamp(session: Session, me: str) -> tuple[tuple[int | None, ...], int]:
    """A cheap fingerprint of the store's contents (newest ids, the number of speakers), and the newest
    revision by anyone but *me*: when these move, someone else is working on the store."""
    newest = [select(func.max(col(model.id))).scalar_subquery() for model in (Source, Claim, ClaimRelation, Revision)]
    count = select(func.count(col(Speaker.id))).scalar_subquery()
    # Select itself: sqlmodel's select() is typed for a fixed few columns.
    contents: tuple[int | None, ...] = tuple(session.exec(Select(*newest, count)).one())
    others = session.exec(select(func.max(col(Revision.id))).where(Revision.author != me)).one() or 0
    return contents, others


@dataclass(frozen=True)
class SpeakerFacts:
    """What a speaker pick shows beside a name, so that two people of one name can be told apart."""

    role: str | None
    affiliation: str | None
    claims: int


def speaker_facts(session: Session) -> dict[str, SpeakerFacts]:
    """Every speaker's canonical name -> role, affiliation and number of claims (one grouped read)."""
    counts = (select(Claim.speaker_id, func.count(col(Claim.id)).label("n"))
              .group_by(col(Claim.speaker_id)).subquery())
    rows = session.exec(select(Speaker.name, Speaker.role, Speaker.affiliation, func.coalesce(counts.c.n, 0))
                        .join(counts, counts.c.speaker_id == Speaker.id, isouter=True)).all()
    return {name: SpeakerFacts(role, affiliation, int(n)) for name, role, affiliation, n in rows}
