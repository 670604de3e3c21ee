"""Stance: the cue's class, overridden by negation and by the words of a direct quote.

A negated or refused cue ("did not directly deny", "declined to comment") leaves the speaker
uncommitted; it never flips to the opposite class. For neutral cues the quoted words can carry
the stance ("I have denied untruths ... it is not accurate," Vucic told reporters -> denies).
"""
from __future__ import annotations

from claimtrack.engine import lexicon as lx
from claimtrack.engine.cues import Cue
from claimtrack.vocabulary import Stance


def stance_of(cue: Cue | None, content: str, direct: bool) -> Stance:
    if cue is None:
        base = Stance.ASSERTS
    else:
        if cue.negated or cue.refused:
            return Stance.UNCOMMITTED
        base = lx.CUE_LEMMAS.get(cue.lemma, Stance.ASSERTS)
        if cue.lemma == "ask":
            low = content.lower()
            if low.startswith(lx.QUESTION_STARTS) or "?" in content:
                return Stance.UNCOMMITTED
    if base is Stance.ASSERTS:
        if lx.DENIAL_CONTENT.search(content) and (direct or _first_person(content)):
            return Stance.DENIES
        if direct:
            for pattern, stance in lx.PERFORMATIVE_CONTENT:
                if pattern.search(content):
                    return stance
    return base


def _first_person(content: str) -> bool:
    low = f" {content.lower()} "
    return " i " in low or " we " in low
