"""The segmentation and attribution engine: pure functions from article text to claims.

No database, no files, no clock: ``extract(text)`` returns an immutable `Extraction`.
"""
from claimtrack.engine.model import ExtractedClaim, Extraction, SpeakerEntity

__all__ = ["ExtractedClaim", "Extraction", "SpeakerEntity", "extract"]


def extract(text: str) -> Extraction:
    """Find every attributed claim in *text*. Never raises on odd input."""
    from claimtrack.engine.pipeline import run_pipeline

    return run_pipeline(text)
