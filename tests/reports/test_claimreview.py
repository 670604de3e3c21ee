"""ClaimReview JSON-LD: one object per claim with a verdict, every required field present."""
from __future__ import annotations

import json
from datetime import UTC

from tests.reports.conftest import GENERATED_AT

REQUIRED = ("@context", "@type", "url", "claimReviewed", "reviewRating", "author", "datePublished", "itemReviewed")


def reviews(export) -> list[dict]:
    return json.loads(export("--format", "claimreview"))


def test_every_claim_with_a_verdict_has_a_complete_review(export):
    found = reviews(export)
    assert [r["claimReviewed"] for r in found] == [
        "will cost the town no more than 4 million euros",
        "has received no request from the town, formal or informal.",
        '=HYPERLINK(""http://evil.example"";""the reservoir"") is full']
    for review in found:
        assert all(review.get(field) for field in REQUIRED), review
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        assert review["url"].startswith("https://factdesk.example/checks/")
        assert review["reviewRating"]["@type"] == "Rating" and review["reviewRating"]["alternateName"]
        assert review["author"] == {"@type": "Organization", "name": "Harbour Fact Desk",
                                    "url": "https://factdesk.example"}  # the reviewer, from the configuration
        assert review["datePublished"] == "2025-03-20"  # when the verdict was given
        item = review["itemReviewed"]
        assert item["@type"] == "Claim" and item["author"]["name"]  # the speaker, not the reviewer
        assert item["appearance"] and all(a["@type"] == "CreativeWork" for a in item["appearance"])


def test_speaker_person_or_organization_and_the_source_it_appeared_in(export):
    mayor, port, amari = reviews(export)
    assert mayor["itemReviewed"]["author"] == {"@type": "Person", "name": "Lena Okafor", "jobTitle": "mayor",
                                               "affiliation": {"@type": "Organization", "name": "Vell town council"}}
    assert port["itemReviewed"]["author"] == {"@type": "Organization", "name": "Port Authority"}
    assert mayor["reviewRating"]["ratingExplanation"] == "The tender documents put the cost at 6.8 million euros."
    assert mayor["itemReviewed"]["datePublished"] == "2025-03-03"
    assert mayor["itemReviewed"]["appearance"][0]["url"] == "https://courier.example/2025/03/03/dredging"
    assert "url" not in amari["itemReviewed"]["appearance"][0]  # javascript:alert(1) is no address


def test_json_ld_is_safe_inside_a_script_element(export):
    text = export("--format", "claimreview")
    assert "<" not in text and ">" not in text and "</script" not in text.lower()
    assert reviews(export)[2]["reviewRating"]["ratingExplanation"] == "Board minutes show the level at <b>61%</b>."


def test_without_a_review_url_placeholders_and_a_warning(claimtrack, fixture, monkeypatch, workdir):
    (workdir / "bare.toml").write_text('[organization]\nname = "Desk"\n', encoding="utf-8")
    monkeypatch.setenv("CLAIMTRACK_CONFIG", str(workdir / "bare.toml"))
    result = claimtrack("export", "--format", "claimreview", "--generated-at", GENERATED_AT)
    assert result.exit_code == 0
    assert [r["url"] for r in json.loads(result.stdout)] == ["urn:claimtrack:claim:1", "urn:claimtrack:claim:4",
                                                              "urn:claimtrack:claim:9"]
    assert "warning: 3 ClaimReview url(s) are urn:claimtrack placeholders" in result.stderr


def test_a_bad_review_url_template_is_one_line(claimtrack, fixture, monkeypatch, workdir):
    (workdir / "bad.toml").write_text('[organization]\nreview_url = "https://x.example/{id}"\n', encoding="utf-8")
    monkeypatch.setenv("CLAIMTRACK_CONFIG", str(workdir / "bad.toml"))
    result = claimtrack("export", "--format", "claimreview")
    assert result.exit_code == 1
    assert "organization.review_url 'https://x.example/{id}': not a template with {claim_id}" in result.stderr


def test_the_date_reviewed_is_that_of_the_verdict_that_stands_whatever_the_clocks(claimtrack, fixture):
    """A first verdict stamped by a clock running years ahead does not date the later one that replaced it."""
    from datetime import datetime

    from claimtrack.review.annotate import annotate_claim
    from claimtrack.store.database import session_scope
    from claimtrack.store.models import Revision

    with session_scope(fixture.engine) as session:
        first = annotate_claim(session, fixture.claims["port_no_request"], author="ben", verdict="False")[0]
        first.created_at = datetime(2031, 1, 1, tzinfo=UTC)
        session.flush()
        annotate_claim(session, fixture.claims["port_no_request"], author="ana", verdict="Misleading")
        standing = session.get(Revision, first.id + 1).created_at
    result = claimtrack("export", "--format", "claimreview", "--generated-at", GENERATED_AT)
    port = next(r for r in json.loads(result.stdout) if r["reviewRating"]["alternateName"] == "Misleading")
    assert port["datePublished"] == standing.date().isoformat()
