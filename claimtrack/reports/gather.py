"""What a report shows: the selected claims, their sources and speakers, the relations between
them and the revision log, read once from the store and handed to the renderers as plain values.

The selection: claims by speaker (name or alias, part of it is enough) and by source; relations
touching a selected claim, by review status. A contradiction is a `contradicts` or `counters`
relation (a counter-claim answers an accusation: a contradiction a fact-checker follows up too).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from sqlmodel import Session, select

from claimtrack.review.annotate import of_the_row_now
from claimtrack.queries.claims import ClaimFilter, list_claims, sentence_around
from claimtrack.store.models import Claim, ClaimRelation, Revision, Source, Speaker, SpeakerAlias
from claimtrack.vocabulary import RelationKind, RelationStatus

CONTRADICTION_KINDS = (RelationKind.CONTRADICTS.value, RelationKind.COUNTERS.value)
STATUS_ORDER = {RelationStatus.CONFIRMED.value: 0, RelationStatus.SUGGESTED.value: 1, RelationStatus.DISMISSED.value: 2}


def as_utc(moment: datetime) -> datetime:
    """A stored time as an aware UTC time (SQLite may hand times back without their zone)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


@dataclass(frozen=True)
class ReportFilter:
    speaker: str | None = None
    status: str | None = None  # a relation status: suggested, confirmed or dismissed
    source_id: int | None = None

    def describe(self) -> str:
        parts = [f"speaker {self.speaker!r}" if self.speaker else "",
                 f"relation status {self.status}" if self.status else "",
                 f"source {self.source_id}" if self.source_id is not None else ""]
        return ", ".join(p for p in parts if p) or "everything"


@dataclass(frozen=True)
class Quotation:
    """A claim's exact words with the sentence around them."""

    before: str
    words: str
    after: str


@dataclass(frozen=True)
class ClaimView:
    claim: Claim
    source: Source
    speaker: Speaker | None
    quotation: Quotation

    @property
    def speaker_name(self) -> str:
        return self.speaker.name if self.speaker else "unattributed"


@dataclass(frozen=True)
class RelationView:
    relation: ClaimRelation
    a: ClaimView
    b: ClaimView

    @property
    def is_contradiction(self) -> bool:
        return self.relation.kind in CONTRADICTION_KINDS



@dataclass(frozen=True)
class SpeakerSummary:
    name: str
    claims: int
    contradictions: int  # contradictions with one of their claims (dismissed ones only when asked for)
    confirmed: int  # of those, confirmed by a person


@dataclass
class Report:
    generated_at: datetime
    database: str
    selection: ReportFilter
    claims: list[ClaimView] = field(default_factory=list)
    relations: list[RelationView] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    revisions: list[Revision] = field(default_factory=list)
    aliases: dict[int, list[str]] = field(default_factory=dict)  # speaker id -> every name seen

    @property
    def all_claims(self) -> list[ClaimView]:
        """The selected claims and the other claim of each selected relation, by source and offsets."""
        views = {v.claim.id: v for v in self.claims}
        for rel in self.relations:
            views.setdefault(rel.a.claim.id, rel.a)
            views.setdefault(rel.b.claim.id, rel.b)
        return sorted(views.values(), key=lambda v: (v.claim.source_id, v.claim.start, v.claim.id))

    @property
    def contradictions(self) -> list[RelationView]:
        """Confirmed first, then suggestions by score, then dismissed ones (for the record)."""
        return sorted((r for r in self.relations if r.is_contradiction),
                      key=lambda r: (STATUS_ORDER.get(r.relation.status, 3), -r.relation.score, r.relation.id))

    def counts(self, relation: ClaimRelation) -> bool:
        """Whether a contradiction counts in the summary: a dismissed one only when dismissed ones were asked for."""
        return relation.status != RelationStatus.DISMISSED.value or self.selection.status == relation.status

    def speaker_summary(self) -> list[SpeakerSummary]:
        """Per speaker of a selected claim: claims, contradictions and confirmed contradictions."""
        claims: dict[str, int] = {}
        for view in self.claims:
            claims[view.speaker_name] = claims.get(view.speaker_name, 0) + 1
        contradictions: dict[str, int] = {}
        confirmed: dict[str, int] = {}
        for rel in self.contradictions:
            if not self.counts(rel.relation):
                continue
            for name in {rel.a.speaker_name, rel.b.speaker_name}:
                contradictions[name] = contradictions.get(name, 0) + 1
                if rel.relation.status == RelationStatus.CONFIRMED.value:
                    confirmed[name] = confirmed.get(name, 0) + 1
        names = sorted(set(claims) | set(contradictions), key=lambda n: (-contradictions.get(n, 0), n.lower()))
        return [SpeakerSummary(n, claims.get(n, 0), contradictions.get(n, 0), confirmed.get(n, 0)) for n in names]


def quotation(source: Source, claim: Claim) -> Quotation:
    left, right = sentence_around(source.text, claim.start, claim.end)
    text = source.text
    return Quotation(text[left:claim.start], text[claim.start:claim.end], text[claim.end:right])


def gather_report(session: Session, selection: ReportFilter = ReportFilter(), *, database: str,
                  generated_at: datetime) -> Report:
    """Everything the selection covers, in a stable order (sources, offsets, ids)."""
    rows = list_claims(session, ClaimFilter(speaker=selection.speaker, source_id=selection.source_id))
    sources = {s.id: s for s in _where_in(session, Source, Source.id, {row.claim.source_id for row in rows})}
    views = {row.claim.id: _view(session, row.claim, sources) for row in rows}

    relations: list[RelationView] = []
    statement = select(ClaimRelation).order_by(ClaimRelation.id)
    if selection.status:
        statement = statement.where(ClaimRelation.status == selection.status)
    for rel in session.exec(statement).all() if views else ():
        if rel.claim_a_id not in views and rel.claim_b_id not in views:
            continue
        # The other claim of a relation is shown even when the selection left it out.
        a = views.get(rel.claim_a_id) or _view(session, session.get(Claim, rel.claim_a_id), sources)
        b = views.get(rel.claim_b_id) or _view(session, session.get(Claim, rel.claim_b_id), sources)
        relations.append(RelationView(rel, a, b))

    claim_ids = set(views) | {v.claim.id for r in relations for v in (r.a, r.b)}
    relation_ids = {r.relation.id for r in relations}
    by_row: dict[tuple[str, int], list[Revision]] = {}
    for r in session.exec(select(Revision).where(Revision.table_name.in_(("claim", "claimrelation")))
                          .order_by(Revision.id)).all():
        if r.row_id in (claim_ids if r.table_name == "claim" else relation_ids):
            by_row.setdefault((r.table_name, r.row_id), []).append(r)
    # Only each row's own revisions (none of a removed row's whose id it took), in the order of the log.
    revisions = sorted((r for rows in by_row.values() for r in of_the_row_now(rows)), key=lambda r: r.id)
    speaker_ids = {v.claim.speaker_id for v in views.values()} | {
        v.claim.speaker_id for r in relations for v in (r.a, r.b)}
    speaker_ids.discard(None)
    speakers = sorted(_where_in(session, Speaker, Speaker.id, speaker_ids), key=lambda s: s.name)
    aliases: dict[int, list[str]] = {}
    for alias in sorted(_where_in(session, SpeakerAlias, SpeakerAlias.speaker_id, speaker_ids), key=lambda a: a.alias):
        aliases.setdefault(alias.speaker_id, []).append(alias.alias)
    return Report(generated_at=as_utc(generated_at), database=database, selection=selection,
                  claims=list(views.values()), relations=relations,
                  sources=[sources[i] for i in sorted(sources)], speakers=speakers, revisions=revisions,
                  aliases=aliases)


def _where_in(session: Session, model, column, values, chunk: int = 500) -> list:
    """Rows whose *column* is one of *values*, asked for a chunk at a time (SQLite limits parameters)."""
    values = sorted(values)
    found = []
    for start in range(0, len(values), chunk):
        found += session.exec(select(model).where(column.in_(values[start:start + chunk]))).all()
    return found


def _view(session: Session, claim: Claim, sources: dict[int, Source]) -> ClaimView:
    source = sources.get(claim.source_id)
    if source is None:
        source = sources[claim.source_id] = session.get(Source, claim.source_id)
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
