"""The engine's output: frozen values with character offsets into the article text.

Every offset is a Python string index into the exact text given to `extract()`, so that
``text[claim.start:claim.end] == claim.text`` always holds.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from claimtrack.vocabulary import ClaimKind, SpeakerKind, Stance


@dataclass(frozen=True, slots=True)
class SpeakerEntity:
    """A speaker resolved within one article (people, organisations, places that speak)."""

    name: str  # canonical name, e.g. "John Kirby"
    kind: SpeakerKind = SpeakerKind.UNKNOWN
    role: str | None = None  # e.g. "spokesman"
    affiliation: str | None = None  # e.g. "White House National Security Council"
    aliases: tuple[str, ...] = ()  # every surface form seen in the article


@dataclass(frozen=True, slots=True)
class ExtractedClaim:
    """One attributed claim: what was said, by whom, with which cue and stance, and why."""

    start: int
    end: int
    text: str
    kind: ClaimKind
    stance: Stance
    confidence: float  # 0..1
    rule: str  # the pattern that fired, e.g. "P1 quote, speaker cue"
    speaker: str | None = None  # canonical name of a SpeakerEntity in the same Extraction
    speaker_start: int | None = None  # the mention the attribution rests on ("He" in "He added")
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    # Content pieces when the claim is discontinuous (split quotes); () means [(start, end)].
    spans: tuple[tuple[int, int], ...] = ()
    # Index (into Extraction.claims) of the claim this one is nested in, e.g. the member's
    # admission inside "..., his lawyer said".
    parent: int | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the engine found in one article."""

    claims: tuple[ExtractedClaim, ...] = ()
    speakers: tuple[SpeakerEntity, ...] = field(default=())

    def speaker(self, name: str | None) -> SpeakerEntity | None:
        for entity in self.speakers:
            if entity.name == name:
                return entity
        return None
