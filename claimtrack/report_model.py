"""What a report shows, as plain values: the selection (`ReportFilter`), the selected claims with
their sources, speakers and quotations (`ClaimView`), the relations between them (`RelationView`)
and the revision log, together a `Report`. `claimtrack.reports.gather` reads one from the store;
the renderers in `claimtrack.reports` and the annotations file (`claimtrack.review.acts_file`) read it.

It sits beside the layers, importing only the store's tables and the vocabulary, because both the
reports and the review services need it and review may import neither reports nor queries.

A contradiction is a `contradicts` or `counters` relation (a counter-claim answers an accusation: a
contradiction a fact-checker follows up too).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from claimtrack.store.models import Claim, ClaimRelation, Revision, Source, Speaker
from claimtrack.vocabulary import RelationKind, RelationStatus

CONTRADICTION_KINDS = (RelationKind.CONTRADICTS.value, RelationKind.COUNTERS.value)
STATUS_ORDER = {RelationStatus.CONFIRMED.value: 0, RelationStatus.SUGGESTED.value: 1, RelationStatus.DISMISSED.value: 2}


def as_utc(moment: datetime) -> datetime:
    """A stored time as an aware UTC time (SQLite may hand times back without their zone)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


@dataclass(frozen=True)
class ReportFilter:
    speaker: str | None = None
    status: str | None = None  # a relation status: suggested, confirmed or dismissed
    source_id: int | None = None
    story_id: int | None = None  # the claims of this story's articles
    kind: str | None = None  # relations of this kind only
    min_score: float | None = None  # relations scored at least this

    def describe(self) -> str:
        parts = [f"speaker {self.speaker!r}" if self.speaker else "",
                 f"relation status {self.status}" if self.status else "",
                 f"source {self.source_id}" if self.source_id is not None else "",
                 f"story {self.story_id}" if self.story_id is not None else "",
                 f"relation kind {self.kind}" if self.kind else "",
                 f"relation score >= {self.min_score:g}" if self.min_score is not None else ""]
        return ", ".join(p for p in parts if p) or "everything"


EVERYTHING = ReportFilter()


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
    stories: dict[int, str] = field(default_factory=dict)  # story id -> its label

    def story_of(self, source: Source) -> str | None:
        return self.stories.get(source.story_id) if source.story_id is not None else None

    def aliases_of(self, speaker: Speaker) -> list[str]:
        return self.aliases.get(speaker.id, []) if speaker.id is not None else []

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
