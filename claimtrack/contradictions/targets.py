"""Whom a claim is about: its targets (pure functions, nothing stored).

A claim's targets are the accused in "accused X of", the people and bodies its content names, and the
speaker's own side when it speaks of "we"/"our" (`ClaimFacts.context_entities`). A claim that names
nobody yet speaks of "he" or "her" is about a person it does not name (`PERSON`). Answers (see
`answers`) use the targets to find the claim made against the one who answers, even when the answer
shares no word with it.
"""
from __future__ import annotations

import re

from claimtrack.contradictions.lexicon import PERSON_PRONOUNS
from claimtrack.contradictions.signals import ClaimFacts
from claimtrack.contradictions.terms import Terms
from claimtrack.contradictions.topics import speaker_entities

PERSON = "<person>"  # the target of "he had raped her": a person the claim does not name

# "accused Trump of", "blamed the Kremlin for", "charged Clinton with": the accused between cue and "of".
ACCUSED = re.compile(r"\b(?:accus|blam|charg|fault)\w*\s+((?:[\w.’'\-]+\s+){0,4}?[\w.’'\-]+)\s+(?:of|for|with|over)\b",
                     re.IGNORECASE)
_WORD = re.compile(r"[a-z]+")


def accused(window: str, terms: Terms) -> frozenset[str]:
    """The entities accused in "accused X of ..." within *window* (the claim's cue and content)."""
    found: set[str] = set()
    for match in ACCUSED.finditer(window):
        found |= speaker_entities([match.group(1)], terms)
        if PERSON_PRONOUNS & set(_WORD.findall(match.group(1).lower())):
            found.add(PERSON)
    return frozenset(found)


def claim_targets(facts: ClaimFacts, window: str, terms: Terms) -> frozenset[str]:
    """Whom the claim is about: named entities, the accused, the speaker's side for "we", else `PERSON`."""
    found = set(facts.context_entities) | accused(window, terms)
    if not found and PERSON_PRONOUNS & set(_WORD.findall(window.lower())):
        found.add(PERSON)
    return frozenset(found)


def is_about(targets: frozenset[str], responder: ClaimFacts) -> bool:
    """Whether a claim with these targets is about *responder*'s speaker or their side."""
    if not responder.speaker_entities:
        return False
    return bool(targets & responder.speaker_entities) or targets == frozenset({PERSON})
