"""The segmentation and attribution engine: pure functions from article text to claims.

No database, no files, no clock: ``extract(text)`` returns an immutable `Extraction`. The work is
linear in the article's length; a caller's `Budget` bounds its time.
"""
from claimtrack.engine.model import (
    Budget,
    EngineError,
    ExtractedClaim,
    Extraction,
    ExtractionTooSlow,
    SpeakerEntity,
)

__all__ = ["Budget", "EngineError", "ExtractedClaim", "Extraction", "ExtractionTooSlow", "SpeakerEntity", "extract"]


def extract(text: str, budget: Budget | None = None) -> Extraction:
    """Find every attributed claim in *text*. Never raises on odd input; raises
    `ExtractionTooSlow` only when *budget* expires."""
    from claimtrack.engine.pipeline import run_pipeline

    return run_pipeline(text, budget)
