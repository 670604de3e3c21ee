"""The engine's output: frozen values with character offsets into the article text.

Every offset is a Python string index into the exact text given to `extract()`, so that
``text[claim.start:claim.end] == claim.text`` always holds.

The engine has no clock: a caller that wants a time limit passes a `Budget`, which the engine asks
between sentences; when it is spent the article fails with `ExtractionTooSlow`.

The engine's refusals are `EngineError`s, which are `ClaimtrackError`s (one line, no traceback): the
engine imports nothing of the project but the vocabulary and that one base class.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from claimtrack.errors import ClaimtrackError
from claimtrack.vocabulary import ClaimKind, SpeakerKind, Stance


class Budget(Protocol):
    """The time (or any other allowance) the caller gives one article."""

    allowed: str  # the limit in words, for the message: "30 s"

    def expired(self) -> bool:
        """True once the article has had its time; asked between sentences."""
        ...


class EngineError(ClaimtrackError):
    """A refusal of the engine's that the user can act on; its message is one line."""


class ExtractionTooSlow(EngineError):
    """One article ran past its budget: that article fails, the batch goes on."""

    def __init__(self, allowed: str, position: int, length: int) -> None:
        super().__init__(f"article too long to analyse within {allowed} "
                         f"(stopped at character {position:,} of {length:,})")
        self.position = position
        self.length = length


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
    rule: str  # the pattern that fired, e.g. "P1 quote, speaker cue" (a label of engine/rules.py)
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
    # Where the analysis stopped when the article held more candidate attributions than the engine
    # considers in one article (MAX_CANDIDATES): the claims are those of text[:truncated_at].
    truncated_at: int | None = None
    # The reporter's own sentences that say a claim is not so ("Voting fraud is, in fact, very rare."):
    # no attributions, so not among the claims; each one's `parent` is the claim it answers (verdicts.py).
    verdicts: tuple[ExtractedClaim, ...] = ()

    def for_the_store(self) -> Extraction:
        """The claims a store keeps: the attributions, then the article's verdicts (their parents,
        indices into the claims, stay valid)."""
        if not self.verdicts:
            return self
        return Extraction(self.claims + self.verdicts, self.speakers, self.truncated_at)

    def speaker(self, name: str | None) -> SpeakerEntity | None:
        for entity in self.speakers:
            if entity.name == name:
                return entity
        return None
