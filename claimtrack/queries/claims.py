"""Read-side queries shared by the CLI, the TUI and the reports (paged, filtered, never loading a whole
store): claims by a `ClaimFilter`, one claim in its context, sources and speakers with their counts."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import false, func, or_
from sqlalchemy import text as sql_text
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import Select, SelectOfScalar

from claimtrack.errors import ClaimtrackError
from claimtrack.queries.speaker_filter import one_speaker_id
from claimtrack.store.models import Claim, ClaimRelation, Source, Speaker, SpeakerAlias, Story, stored_id
from claimtrack.store.search import fts_query, has_words, ts_query
from claimtrack.vocabulary import RelationStatus, shown_speaker

# A statement of rows of any columns; one over claims: the rows of a listing, or their count.
Rows = Select[*tuple[Any, ...]]
ClaimStatement = TypeVar("ClaimStatement", Rows, SelectOfScalar[Any])


@dataclass(frozen=True)
class ClaimFilter:
    speaker: str | None = None  # one speaker: id, canonical name or an alias only it goes by (speaker_filter)
    stance: str | None = None
    source_id: int | None = None
    status: str | None = None
    search: str | None = None  # full-text words, all must appear


EVERY_CLAIM = ClaimFilter()


@dataclass(frozen=True)
class ClaimRow:
    claim: Claim
    speaker: str | None
    source_title: str | None

    def __post_init__(self) -> None:  # an article's verdict is shown as "the article itself"'s
        object.__setattr__(self, "speaker", shown_speaker(self.speaker, self.claim.rule))


def filter_claims(session: Session, statement: ClaimStatement, flt: ClaimFilter) -> ClaimStatement:
    """*statement* (over Claim) narrowed to the claims *flt* selects."""
    if flt.speaker:
        statement = statement.where(Claim.speaker_id == one_speaker_id(session, flt.speaker))
    if flt.stance:
        statement = statement.where(Claim.stance == flt.stance.lower())
    if flt.source_id is not None:
        statement = statement.where(Claim.source_id == flt.source_id)
    if flt.status:
        statement = statement.where(Claim.status == flt.status.lower())
    if flt.search and flt.search.strip():
        statement = _with_words(session, statement, flt.search)
    return statement


def _with_words(session: Session, statement: ClaimStatement, search: str) -> ClaimStatement:
    """Only claims holding every word of *search*, through the database's own full-text index."""
    dialect = session.get_bind().dialect.name
    if not has_words(search):  # "*" or "()": nothing to look for, so nothing found (not everything)
        return statement.where(false())
    if dialect == "sqlite":
        query = fts_query(search)
        if query:
            statement = statement.where(col(Claim.id).in_(
                sql_text("SELECT rowid FROM claim_fts WHERE claim_fts MATCH :q").bindparams(q=query)))
    elif dialect == "postgresql":
        query = ts_query(search)
        if query:  # claim.search_vector: the claim's words, kept and indexed by migration 0003
            statement = statement.where(sql_text("claim.search_vector @@ to_tsquery('claimtrack_text', :q)")
                                        .bindparams(q=query))
    else:
        for word in search.split():
            statement = statement.where(col(Claim.text).icontains(word, autoescape=True))
    return statement


def claim_rows(session: Session, flt: ClaimFilter) -> Rows:
    """Claims with their speaker's name and their source's title, filtered, in reading order (source,
    offset): what `list_claims` and the TUI's keyset pages page through."""
    statement: Rows = (select(Claim, Speaker.name, Source.title)
                 .join(Speaker, col(Claim.speaker_id) == col(Speaker.id), isouter=True)
                 .join(Source, col(Claim.source_id) == col(Source.id)))
    return filter_claims(session, statement, flt).order_by(col(Claim.source_id), col(Claim.start), col(Claim.id))


def list_claims(session: Session, flt: ClaimFilter = EVERY_CLAIM, *, limit: int | None = None,
                offset: int = 0) -> list[ClaimRow]:
    statement = claim_rows(session, flt).offset(offset)
    if limit is not None:
        statement = statement.limit(limit)
    return [ClaimRow(claim, speaker, title) for claim, speaker, title in session.exec(statement).all()]


def count_claims(session: Session, flt: ClaimFilter = EVERY_CLAIM) -> int:
    statement = select(func.count(col(Claim.id))).select_from(Claim)
    return int(session.exec(filter_claims(session, statement, flt)).one())


@dataclass(frozen=True)
class ClaimInContext:
    """A claim with what `claimtrack show` shows around it: its source, its speaker, the sentence
    around its words (offsets into the source's text), the claim it is nested in, the claims nested
    in it, and the relations it takes part in."""

    claim: Claim
    source: Source
    speaker: Speaker | None
    sentence: tuple[int, int]
    parent: Claim | None
    nested: list[Claim]
    relations: list[ClaimRelation]


def claim_in_context(session: Session, claim: Claim) -> ClaimInContext:
    source = get_source(session, claim.source_id)
    speaker = session.get(Speaker, claim.speaker_id) if claim.speaker_id else None
    parent = session.get(Claim, claim.parent_id) if claim.parent_id else None
    nested = list(session.exec(select(Claim).where(Claim.parent_id == claim.id).order_by(col(Claim.id))).all())
    relations = claim_relations(session, claim.id) if claim.id is not None else []
    return ClaimInContext(claim, source, speaker, sentence_around(source.text, claim.start, claim.end), parent,
                          nested, relations)


def claim_relations(session: Session, claim_id: int) -> list[ClaimRelation]:
    """The relations a claim takes part in, on either side."""
    return list(session.exec(select(ClaimRelation).where(
        or_(col(ClaimRelation.claim_a_id) == claim_id, col(ClaimRelation.claim_b_id) == claim_id))
        .order_by(col(ClaimRelation.id))).all())


@dataclass(frozen=True)
class SourceRow:
    source: Source
    claims: int
    contradictions: int
    story: str | None = None  # its story's label


def get_source(session: Session, source_id: int) -> Source:
    source = session.get(Source, source_id)
    if source is None:
        raise ClaimtrackError(f"source {source_id}: no such source")
    return source


def list_sources(session: Session, *, limit: int | None = None, offset: int = 0) -> list[SourceRow]:
    claim_counts = (select(Claim.source_id, func.count(col(Claim.id)).label("n"))
                    .group_by(col(Claim.source_id)).subquery())
    statement = (select(Source, func.coalesce(claim_counts.c.n, 0))
                 .join(claim_counts, claim_counts.c.source_id == Source.id, isouter=True)
                 .order_by(col(Source.id)).offset(offset))
    if limit is not None:
        statement = statement.limit(limit)
    rows: list[tuple[Source, int]] = list(session.exec(statement).all())
    contradictions = contradiction_counts(session, [stored_id(source) for source, _ in rows])
    labels = story_labels(session, [source.story_id for source, _ in rows])
    return [SourceRow(source, n, contradictions.get(stored_id(source), 0),
                      labels.get(source.story_id) if source.story_id is not None else None) for source, n in rows]


def story_labels(session: Session, story_ids: Iterable[int | None]) -> dict[int, str]:
    """story id -> its label, for these stories."""
    wanted = sorted({i for i in story_ids if i is not None})
    if not wanted:
        return {}
    return {story_id: label for story_id, label in session.exec(
        select(Story.id, Story.label).where(col(Story.id).in_(wanted))).all() if story_id is not None}


def contradiction_counts(session: Session, source_ids: list[int]) -> dict[int, int]:
    """Relations (not dismissed) touching a claim of each source; one relation inside a source counts once."""
    if not source_ids:
        return {}
    pairs: set[tuple[int, int | None]] = set()
    for column in (ClaimRelation.claim_a_id, ClaimRelation.claim_b_id):
        pairs.update(session.exec(
            select(Claim.source_id, ClaimRelation.id).join(Claim, col(Claim.id) == column)
            .where(col(Claim.source_id).in_(source_ids),
                   ClaimRelation.status != RelationStatus.DISMISSED.value)).all())
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
    counts = (select(Claim.speaker_id, func.count(col(Claim.id)).label("n"))
              .group_by(col(Claim.speaker_id)).subquery())
    statement = (select(Speaker, func.coalesce(counts.c.n, 0).label("claims"))
                 .join(counts, counts.c.speaker_id == Speaker.id, isouter=True))
    if name:
        statement = statement.where(func.lower(Speaker.name).contains(name.lower(), autoescape=True))
    statement = statement.order_by(sql_text("claims DESC"), col(Speaker.name)).offset(offset)
    if limit is not None:
        statement = statement.limit(limit)
    rows: list[tuple[Speaker, int]] = list(session.exec(statement).all())
    aliases: dict[int, list[str]] = {}
    ids = [stored_id(speaker) for speaker, _ in rows]
    if ids:
        for speaker_id, alias in session.exec(select(SpeakerAlias.speaker_id, SpeakerAlias.alias)
                                              .where(col(SpeakerAlias.speaker_id).in_(ids))
                                              .order_by(col(SpeakerAlias.alias))):
            aliases.setdefault(speaker_id, []).append(alias)
    return [SpeakerRow(speaker, n, aliases.get(stored_id(speaker), [])) for speaker, n in rows]


def store_totals(session: Session) -> dict[str, int]:
    return {
        "sources": session.exec(select(func.count(col(Source.id)))).one(),
        "claims": session.exec(select(func.count(col(Claim.id)))).one(),
        "speakers": session.exec(select(func.count(col(Speaker.id)))).one(),
        "relations": session.exec(select(func.count(col(ClaimRelation.id)))
                                  .where(ClaimRelation.status != RelationStatus.DISMISSED.value)).one(),
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
