"""The fixed vocabularies claimtrack speaks: stances, claim kinds, review states, relation kinds.

Shared by the engine, the store, the CLI and the UI, so every layer spells them the same way.
"""
from __future__ import annotations

from enum import StrEnum


class Stance(StrEnum):
    """The speaker's commitment to what the claim says (exactly one per claim)."""

    ASSERTS = "asserts"
    ALLEGES = "alleges"
    ACCUSES = "accuses"
    DENIES = "denies"
    REJECTS = "rejects"
    ADMITS = "admits"
    CONFIRMS = "confirms"
    WARNS = "warns"
    URGES = "urges"
    PROMISES = "promises"
    HEDGES = "hedges"
    UNCOMMITTED = "uncommitted"


class ClaimKind(StrEnum):
    """How the claim is reported: in the speaker's words, paraphrased, or both."""

    DIRECT = "direct"  # wholly inside quotation marks
    INDIRECT = "indirect"  # reported speech, no quotation marks
    MIXED = "mixed"  # reported speech with an embedded quoted fragment
    PARTIAL = "partial"  # a short quoted fragment standing on its own


class SpeakerKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    GROUP = "group"
    UNKNOWN = "unknown"


class Origin(StrEnum):
    AUTO = "auto"
    MANUAL = "manual"


class ReviewStatus(StrEnum):
    UNREVIEWED = "unreviewed"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class RelationKind(StrEnum):
    CONTRADICTS = "contradicts"
    SUPPORTS = "supports"
    COUNTERS = "counters"
    DUPLICATES = "duplicates"


class RelationStatus(StrEnum):
    SUGGESTED = "suggested"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"


# The rule of a claim in the reporter's own voice that says another claim is not so (engine/verdicts.py),
# and how a list shows who said it: such a claim has no speaker.
ARTICLE_VERDICT_RULE = "P19 the article's own verdict"
ARTICLE_ITSELF = "the article itself"


def shown_speaker(speaker: str | None, rule: str | None) -> str | None:
    """The speaker a list shows for a claim: its speaker's name, or "the article itself" for a verdict."""
    return ARTICLE_ITSELF if speaker is None and rule == ARTICLE_VERDICT_RULE else speaker
