"""Propositions: does a conflict found between two claims rest on the same subject and matter?

`compare` (signals) finds a conflict when two claims share matter words and one negates, denies,
uses an antonym or gives another number. On real news most such pairs share only generic words
("president", "said", "held") or one side is a long passage that shares a few words with anything.
`holds` keeps a conflict only when the words it rests on are distinctive:

- an explicit answer (a denial aimed at claims, an accusation answered by its target) needs one
  distinctive shared word;
- otherwise the shared matter must weigh enough, cover a fair part of the shorter claim, and the
  conflict itself must sit on it: a negated distinctive shared word, an antonym, or two figures
  counting the same distinctive thing.

Words are weighed by `term_weight(term) -> float` (1 for a distinctive word, less for a generic one).
The default reads a fixed list (`lexicon.GENERIC_TERMS`); a weight kept from the store's word counts
can be passed in instead.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from claimtrack.contradictions.lexicon import GENERIC_TERMS, GENERIC_WEIGHT
from claimtrack.contradictions.topics import Topic

TermWeight = Callable[[str], float]

# A speaker taking back or denying what they said before: "I've never said we made a mistake",
# "I was wrong", "we no longer believe": one speaker's two claims in one article may then conflict.
REVERSAL = re.compile(
    r"\b(?:never|not|n[’']t)\s+(?:ever\s+)?(?:said|say|claimed|called|suggested|supported)\b|\bno longer\b|"
    r"\bchanged?\s+(?:my|his|her|our|their)\s+minds?\b|\b(?:i|we)\s+(?:was|were)\s+wrong\b|\bretract|"
    r"\btake\s+(?:it|that|those|this)\s+back\b|\bbacktrack|\breverse[ds]?\s+(?:my|his|her|our|their)\b",
    re.IGNORECASE)

DISTINCTIVE = 0.5  # a word weighing at least this is distinctive
MIN_WEIGHT = 2.5  # shared matter (entities counted) a conflict without an explicit answer needs
MIN_WEIGHT_ANSWER = 1.0  # shared matter an explicit answer needs
MIN_COVERAGE = 0.15  # share of the shorter claim's matter (by weight) the shared matter must cover
# When the shorter claim's matter is mostly shared ("denies leading the gunmen" / "admitted to leading the
# gunmen"), the two say the same proposition and less shared matter will do.
FULL_COVERAGE = 0.6
MIN_WEIGHT_FULL = 1.5
ENTITY_WEIGHT = 0.5  # a shared entity adds this much to the shared matter
# A matter of the user's related terms ("forces": troops, tanks, deployment) met on both sides, however
# worded, says more than one word: the user named it as a matter.
GROUP_WEIGHT = 2.0
# Signals that are an explicit answer: the denial aims at the other side's claim or accusation.
ANSWERS = frozenset({"counter-claim", "accusation answered by denial", "reversal"})


def reversal(text: str) -> bool:
    """Whether a claim takes back what its speaker said ("I never said ...", "I was wrong")."""
    return bool(REVERSAL.search(text))


def term_weight(term: str) -> float:
    """The default weight of a matter word: low for a generic word, 1 for any other."""
    return GENERIC_WEIGHT if term in GENERIC_TERMS or (" " in term and set(term.split()) <= GENERIC_TERMS) else 1.0


def weight_of(terms: Iterable[str], weight: TermWeight) -> float:
    return sum(weight(term) for term in terms)


def with_groups(a: Topic, b: Topic, weight: TermWeight) -> TermWeight:
    """*weight*, with the related-term groups of these claims (a key no side has as a lemma) weighing more."""
    lemmas = a.lemmas | b.lemmas

    def weighed(term: str) -> float:
        return GROUP_WEIGHT if term not in lemmas and term in a.keys | b.keys else weight(term)
    return weighed


def distinctive(terms: Iterable[str], weight: TermWeight) -> frozenset[str]:
    return frozenset(term for term in terms if weight(term) >= DISTINCTIVE)


def coverage(a: Topic, b: Topic, keys: frozenset[str], weight: TermWeight) -> float:
    """How much of the shorter claim's matter (by weight) the shared matter is."""
    smaller = min(weight_of(a.keys, weight), weight_of(b.keys, weight))
    return weight_of(keys, weight) / smaller if smaller else 0.0


_WORD = re.compile(r"[\w'’-]+")


def negation_heads(topic: Topic) -> frozenset[str]:
    """The matter keys of what each negation denies first ("not planning to use ..." -> plan)."""
    keys_of: dict[str, set[str]] = {}
    for key, word in topic.seen:
        keys_of.setdefault(word, set()).add(key)
    heads: set[str] = set()
    for negation in topic.negations:
        found = next((keys_of[w] for w in (m.lower() for m in _WORD.findall(negation)[1:]) if w in keys_of), set())
        heads |= found
    return frozenset(heads)


def negation_holds(topic: Topic, keys: frozenset[str], strong: frozenset[str]) -> bool:
    """A negation conflicts when it reaches distinctive shared matter and what it denies first (when it is
    a matter word) is shared: "not planning to use the house arrest powers" does not answer "he would
    introduce house arrest", which never spoke of a plan."""
    if not topic.negated & strong:
        return False
    heads = negation_heads(topic)
    return not heads or bool(heads & keys)


def anchored(a: Topic, b: Topic, keys: frozenset[str], signals: tuple[str, ...], weight: TermWeight,
             full: bool = False) -> bool:
    """Whether the conflict itself sits on distinctive shared matter (*full*: the shorter claim is all shared)."""
    strong = distinctive(keys, weight)
    if "negation" in signals and (negation_holds(a, keys, strong) or negation_holds(b, keys, strong)):
        return True
    if "antonyms" in signals and weight_of(strong, weight) >= 2:  # "cuts" / "increases" in what, exactly
        return True
    # "denied that troops were deployed" / "troops were deployed"
    if "opposite commitment" in signals and (weight_of(strong, weight) >= 2 or (full and bool(strong))):
        return True
    if "numbers" in signals:
        return any(qa.kind == qb.kind and qa.units & qb.units & strong for qa in a.quantities for qb in b.quantities)
    return False


def focus(a: Topic, b: Topic, weight: TermWeight = term_weight) -> float:
    """How much one proposition the pair is, in [0.5, 1]: the shorter claim's matter covered by the shared.

    The desk list ranks by score times focus, so that of a claim's suggestions the ones about its whole
    matter come first."""
    return 0.5 + 0.5 * min(1.0, coverage(a, b, a.keys & b.keys, with_groups(a, b, weight)))


def holds(a: Topic, b: Topic, entities: frozenset[str], signals: tuple[str, ...],
          weight: TermWeight = term_weight) -> bool:
    """Whether a conflict with these *signals* between claims about *a* and *b* rests on one proposition."""
    keys = a.keys & b.keys
    weight = with_groups(a, b, weight)
    shared = weight_of(keys, weight) + ENTITY_WEIGHT * min(2, len(entities))
    if ANSWERS & set(signals):
        return shared >= MIN_WEIGHT_ANSWER and bool(distinctive(keys, weight))
    covered = coverage(a, b, keys, weight)
    full = covered >= FULL_COVERAGE
    if shared < (MIN_WEIGHT_FULL if full else MIN_WEIGHT) or covered < MIN_COVERAGE:
        return False
    return anchored(a, b, keys, signals, weight, full)
