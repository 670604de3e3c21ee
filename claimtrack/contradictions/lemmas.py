"""Words to lemmas, the form the contradiction finder matches words in ("troops" and "troop" are one).

Both the terms (a user's word lists, read once) and the topics (every claim's words) go through here,
so a word of a list and the same word in a claim always meet.
"""
from __future__ import annotations

import re
from functools import lru_cache

import simplemma

from claimtrack.contradictions.lexicon import LEMMA_FIXES


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The lemma of a lower-case word (cached: news reuses its words)."""
    fixed = LEMMA_FIXES.get(word)
    if fixed:
        return fixed
    base = simplemma.lemmatize(word, lang="en").lower()
    base = LEMMA_FIXES.get(base, base)
    # Fold a "-ment" noun into its verb so "deployed" meets "deployment".
    if base.endswith("ment") and len(base) > 8:
        base = base[:-4]
    return base


def normalise_term(term: str) -> str:
    """A term from a word list as the topic code sees it: lemmas joined by spaces, hyphens split."""
    words = re.findall(r"[a-z]+", term.lower().replace("-", " "))
    return " ".join(lemma(w) for w in words)
