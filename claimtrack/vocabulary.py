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
