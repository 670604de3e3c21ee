"""schema.org ClaimReview (JSON-LD) for every selected claim that has a verdict.

`author` is the fact-checking organisation (the configuration's `[organization]`); the reviewed
`Claim`'s `author` is the speaker. `url` is where the review is published: the configured
`review_url` template with `{claim_id}`; without one, a `urn:claimtrack:claim:<id>` placeholder
is written and the caller is told (see `ClaimReviewExport.warnings`).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from claimtrack.config import Organization
from claimtrack.errors import ClaimtrackError
from claimtrack.report_model import ClaimView, Report, as_utc
from claimtrack.reports.gather import web_url
from claimtrack.vocabulary import SpeakerKind

CONTEXT = "https://schema.org"


@dataclass
class ClaimReviewExport:
    reviews: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def render(self) -> str:
        """JSON-LD that is also safe to paste into a page's <script type="application/ld+json">."""
        text = json.dumps(self.reviews, ensure_ascii=False, indent=2)
        return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"


def review_url(organization: Organization, claim_id: int | None) -> str | None:
    if not organization.review_url:
        return None
    try:
        return organization.review_url.format(claim_id=claim_id)
    except (KeyError, IndexError, ValueError) as exc:
        raise ClaimtrackError(f"organization.review_url {organization.review_url!r}: not a template with "
                              f"{{claim_id}} ({exc})") from None


def _publisher(organization: Organization) -> dict[str, Any]:
    publisher = {"@type": "Organization", "name": organization.name}
    if organization.url:
        publisher["url"] = organization.url
    return publisher


def _speaker(view: ClaimView) -> dict[str, Any] | None:
    speaker = view.speaker
    if speaker is None:
        return None
    if speaker.kind in (SpeakerKind.ORGANIZATION.value, SpeakerKind.GROUP.value):
        person: dict[str, Any] = {"@type": "Organization", "name": speaker.name}
    else:
        person = {"@type": "Person", "name": speaker.name}
        if speaker.role:
            person["jobTitle"] = speaker.role
        if speaker.affiliation:
            person["affiliation"] = {"@type": "Organization", "name": speaker.affiliation}
    return person


def _appearance(view: ClaimView) -> dict[str, Any]:
    source = view.source
    work: dict[str, Any] = {"@type": "CreativeWork"}
    url = web_url(source.location)
    if url:
        work["url"] = url
    if source.title:
        work["headline"] = source.title
    if source.published:
        work["datePublished"] = source.published
    if source.outlet:
        work["publisher"] = {"@type": "Organization", "name": source.outlet}
    return work


def _date_reviewed(report: Report, view: ClaimView) -> str:
    """When the verdict was given: its revision's time (the last verdict revision in the log, not the
    latest time, which a clock running ahead could give an older one), else the claim's last change."""
    moments = [r.created_at for r in report.revisions  # in the order of the log
               if r.table_name == "claim" and r.row_id == view.claim.id and r.field == "verdict"]
    return as_utc(moments[-1] if moments else view.claim.updated_at).date().isoformat()


def claim_review(report: Report, view: ClaimView, organization: Organization, url: str) -> dict[str, Any]:
    claim = view.claim
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": claim.verdict}
    if claim.explanation:
        rating["ratingExplanation"] = claim.explanation
    item: dict[str, Any] = {"@type": "Claim"}
    speaker = _speaker(view)
    if speaker:
        item["author"] = speaker
    if view.source.published:
        item["datePublished"] = view.source.published
    appearance = _appearance(view)
    item["firstAppearance"] = appearance
    item["appearance"] = [appearance]
    return {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": url,
        "datePublished": _date_reviewed(report, view),
        "author": _publisher(organization),
        "claimReviewed": claim.text,
        "itemReviewed": item,
        "reviewRating": rating,
    }


def claim_reviews(report: Report, organization: Organization) -> ClaimReviewExport:
    export = ClaimReviewExport()
    reviewed = [view for view in report.claims if view.claim.verdict]
    placeholders = 0
    for view in reviewed:
        url = review_url(organization, view.claim.id)
        if url is None:
            url = f"urn:claimtrack:claim:{view.claim.id}"
            placeholders += 1
        export.reviews.append(claim_review(report, view, organization, url))
    if placeholders:
        export.warnings.append(f"{placeholders} ClaimReview url(s) are urn:claimtrack placeholders: set "
                               "organization.review_url in the configuration to where reviews are published")
    return export
