"""What a report shows: the selected claims, their sources and speakers, the relations between
them and the revision log, read once from the store and handed to the renderers as plain values
(a `Report`: see claimtrack.report_model), and the facts the renderers show alike.

The selection: claims by speaker (name or alias, part of it is enough) and by source; relations
touching a selected claim, by review status.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy.orm import Mapped
from sqlmodel import Session, SQLModel, col, select

from claimtrack.queries.claims import ClaimFilter, get_source, list_claims, sentence_around, story_labels
from claimtrack.report_model import EVERYTHING, ClaimView, Quotation, RelationView, Report, ReportFilter, as_utc
from claimtrack.review.annotate import get_claim, of_the_row_now
from claimtrack.store.models import Claim, ClaimRelation, Revision, Source, Speaker, SpeakerAlias, stored_id


def quotation(source: Source, claim: Claim) -> Quotation:
    left, right = sentence_around(source.text, claim.start, claim.end)
    text = source.text
    return Quotation(text[left:claim.start], text[claim.start:claim.end], text[claim.end:right])


def gather_report(session: Session, selection: ReportFilter = EVERYTHING, *, database: str,
                  generated_at: datetime) -> Report:
    """Everything the selection covers, in a stable order (sources, offsets, ids)."""
    rows = list_claims(session, ClaimFilter(speaker=selection.speaker, source_id=selection.source_id))
    source_ids = {row.claim.source_id for row in rows}
    sources = {stored_id(s): s for s in _where_in(session, Source, col(Source.id), source_ids)}
    if selection.story_id is not None:
        sources = {i: s for i, s in sources.items() if s.story_id == selection.story_id}
        rows = [row for row in rows if row.claim.source_id in sources]
    views = {stored_id(row.claim): _view(session, row.claim, sources) for row in rows}
    relations = _relations_touching(session, views, sources, selection) if views else []
    shown = [*views.values(), *(v for r in relations for v in (r.a, r.b))]  # the other claims of relations too
    revisions = _revisions_of(session, claim_ids={stored_id(v.claim) for v in shown},
                              relation_ids={stored_id(r.relation) for r in relations})
    speaker_ids = {v.claim.speaker_id for v in shown}
    speaker_ids.discard(None)
    speakers = sorted(_where_in(session, Speaker, col(Speaker.id), speaker_ids), key=lambda s: s.name)
    aliases: dict[int, list[str]] = {}
    for alias in sorted(_where_in(session, SpeakerAlias, col(SpeakerAlias.speaker_id), speaker_ids),
                        key=lambda a: a.alias):
        aliases.setdefault(alias.speaker_id, []).append(alias.alias)
    return Report(generated_at=as_utc(generated_at), database=database, selection=selection,
                  claims=list(views.values()), relations=relations,
                  sources=[sources[i] for i in sorted(sources)], speakers=speakers, revisions=revisions,
                  aliases=aliases, stories=story_labels(session, [s.story_id for s in sources.values()]))


def _relations_touching(session: Session, views: dict[int, ClaimView], sources: dict[int, Source],
                        selection: ReportFilter) -> list[RelationView]:
    """The relations (of the selection's status, kind and score, where it names them) with a selected claim
    on either side, by id."""
    relations: list[RelationView] = []
    statement = select(ClaimRelation).order_by(col(ClaimRelation.id))
    if selection.status:
        statement = statement.where(ClaimRelation.status == selection.status)
    if selection.kind:
        statement = statement.where(ClaimRelation.kind == selection.kind)
    if selection.min_score is not None:
        statement = statement.where(col(ClaimRelation.score) >= selection.min_score)
    for rel in session.exec(statement).all():
        if rel.claim_a_id not in views and rel.claim_b_id not in views:
            continue
        # The other claim of a relation is shown even when the selection left it out.
        a = views.get(rel.claim_a_id) or _view(session, get_claim(session, rel.claim_a_id), sources)
        b = views.get(rel.claim_b_id) or _view(session, get_claim(session, rel.claim_b_id), sources)
        relations.append(RelationView(rel, a, b))
    return relations


def _revisions_of(session: Session, *, claim_ids: set[int], relation_ids: set[int]) -> list[Revision]:
    """The revision log of these claims and relations, in the order of the log."""
    by_row: dict[tuple[str, int], list[Revision]] = {}
    for r in session.exec(select(Revision).where(col(Revision.table_name).in_(("claim", "claimrelation")))
                          .order_by(col(Revision.id))).all():
        if r.row_id in (claim_ids if r.table_name == "claim" else relation_ids):
            by_row.setdefault((r.table_name, r.row_id), []).append(r)
    # Only each row's own revisions (none of a removed row's whose id it took), in the order of the log.
    return sorted((r for rows in by_row.values() for r in of_the_row_now(rows)), key=stored_id)


Row = TypeVar("Row", bound=SQLModel)


def _where_in(session: Session, model: type[Row], column: Mapped[Any], values: Iterable[int | None],
              chunk: int = 500) -> list[Row]:
    """Rows whose *column* is one of *values*, asked for a chunk at a time (SQLite limits parameters)."""
    wanted = sorted(v for v in values if v is not None)
    found: list[Row] = []
    for start in range(0, len(wanted), chunk):
        found += session.exec(select(model).where(column.in_(wanted[start:start + chunk]))).all()
    return found


def _view(session: Session, claim: Claim, sources: dict[int, Source]) -> ClaimView:
    source = sources.get(claim.source_id)
    if source is None:
        source = sources[claim.source_id] = get_source(session, claim.source_id)
    speaker = session.get(Speaker, claim.speaker_id) if claim.speaker_id is not None else None
    return ClaimView(claim, source, speaker, quotation(source, claim))


# ----------------------------------------------------------------------------- shown facts, shared by renderers

def speaker_label(speaker: Speaker | None) -> str:
    """ "Name (role, affiliation)", or "unattributed"."""
    if speaker is None:
        return "unattributed"
    about = ", ".join(x for x in (speaker.role, speaker.affiliation) if x)
    return f"{speaker.name} ({about})" if about else speaker.name


def web_url(location: str | None) -> str | None:
    """The source's location when it is a web address a reader can follow (never javascript: and such)."""
    if location and location.lower().startswith(("http://", "https://")) and not any(c.isspace() for c in location):
        return location
    return None


def shown_time(moment: datetime) -> str:
    return as_utc(moment).strftime("%Y-%m-%d %H:%M UTC")


def relation_revisions(report: Report, relation: ClaimRelation) -> list[Revision]:
    """The people's decisions on a relation, oldest first."""
    return [r for r in report.revisions if r.table_name == "claimrelation" and r.row_id == relation.id]


def describe_revision(revision: Revision) -> str:
    """One decision in words: "status suggested -> confirmed", "added the relation", "note: ..."."""
    if revision.field == "created":
        return "added by hand"
    if revision.field == "note":
        return f"note: {revision.new_value or '(removed)'}"
    return f"{revision.field} {revision.old_value or '—'} → {revision.new_value or '—'}"
