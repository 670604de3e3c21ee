from __future__ import annotations

from claimtrack.engine import ExtractedClaim, Extraction, extract


def find(ex: Extraction, fragment: str) -> ExtractedClaim | None:
    """The claim whose content contains *fragment* (the shortest such claim)."""
    hits = [c for c in ex.claims if fragment in c.text]
    return min(hits, key=lambda c: c.end - c.start) if hits else None


def claim_for(text: str, fragment: str) -> tuple[Extraction, ExtractedClaim]:
    ex = extract(text)
    c = find(ex, fragment)
    assert c is not None, f"no claim containing {fragment!r} in {[x.text for x in ex.claims]}"
    return ex, c
