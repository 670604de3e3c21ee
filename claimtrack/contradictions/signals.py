"""Scoring one pair of claims: is it a contradiction (or a counter-claim), how sure, and why.

Pure functions over plain values (`ClaimFacts`), no database, so each signal is easy to test.
A pair is compared only when the two claims are about the same matter (shared matter words and
a shared entity, or three shared matter words); then each signal that fires adds to the score and
names itself in the one-line reason a fact-checker reads. A conflict is kept only when it rests on one
proposition, its words weighed by how distinctive they are (`propositions.holds`).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from claimtrack.contradictions.propositions import TermWeight, holds, reversal, term_weight
from claimtrack.contradictions.topics import Quantity, Topic
from claimtrack.vocabulary import RelationKind, Stance

# Stances that commit the speaker to the claim being true, or false.
POSITIVE = frozenset({Stance.ASSERTS, Stance.CONFIRMS, Stance.WARNS, Stance.ALLEGES, Stance.ACCUSES,
                      Stance.ADMITS, Stance.HEDGES})
NEGATIVE = frozenset({Stance.DENIES, Stance.REJECTS})
# Directives and promises are not about what is true; an uncommitted speaker contradicts nobody.
NOT_COMMITTED = frozenset({Stance.UNCOMMITTED, Stance.URGES, Stance.PROMISES})
# How much a weaker commitment weakens a contradiction.
COMMITMENT_WEIGHT: dict[str, float] = {Stance.HEDGES: 0.75, Stance.ALLEGES: 0.9}

# How much each signal alone says; several signals add up as independent evidence.
SIGNAL_WEIGHTS = {
    "opposite commitment": 0.70,
    "counter-claim": 0.80,
    "accusation answered by denial": 0.85,
    "negation": 0.60,
    "antonyms": 0.65,
    "numbers": 0.60,
}
MIN_SHARED_ALONE = 3  # matter words that make a match without a shared entity
MIN_SHARED_UNNAMED = 2  # the same when one claim names no entity, or both are one speaker's
MATTER_SHOWN = 5  # matter words named in a reason at most


@dataclass(frozen=True, slots=True)
class ClaimFacts:
    """What the pair scoring needs to know about one claim."""

    id: int
    source_id: int
    stance: str
    topic: Topic
    speaker_id: int | None = None
    speaker: str | None = None  # the name a reason shows ("Vucic")
    speaker_entities: frozenset[str] = frozenset()  # entities that stand for the speaker
    parent_id: int | None = None
    published: str | None = None  # the source's date, shown when a speaker contradicts themself
    text: str = ""  # the claim's words (copies of one sentence are told apart by them; reversals read in them)

    @property
    def context_entities(self) -> frozenset[str]:
        """Entities the claim is about, counting the speaker's side when it speaks of "we"/"our"."""
        if self.topic.first_person:
            return self.topic.entities | self.speaker_entities
        return self.topic.entities


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A relation the finder proposes: claim_a KIND claim_b, with a score in [0, 1] and a reason."""

    claim_a: int
    claim_b: int
    kind: str
    score: float
    reason: str
    signals: tuple[str, ...]


def never_related(a: ClaimFacts, b: ClaimFacts) -> bool:
    """The pairs that are never a contradiction, whatever their words."""
    if a.id == b.id:
        return True
    if a.stance in NOT_COMMITTED or b.stance in NOT_COMMITTED or a.topic.directive or b.topic.directive:
        return True
    if a.parent_id == b.id or b.parent_id == a.id:  # a claim and the claim it is reported inside
        return True
    # One speaker in one article elaborates, it does not contradict itself, unless it says it reverses itself.
    return a.source_id == b.source_id and a.speaker_id == b.speaker_id and not (reversal(a.text) or reversal(b.text))


def reverses(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Whether one speaker takes back, in one of the two claims, what they say in the other."""
    return a.speaker_id is not None and a.speaker_id == b.speaker_id and (reversal(a.text) or reversal(b.text))


def shared_matter(a: ClaimFacts, b: ClaimFacts) -> tuple[frozenset[str], frozenset[str]] | None:
    """(shared matter keys, shared entities) when the two claims are about the same matter, else None."""
    keys = a.topic.keys & b.topic.keys
    if not keys:
        return None
    entities = a.context_entities & b.context_entities
    # A claim that names the other claim's speaker is about that speaker ("accused Belgrade of ...").
    entities |= (a.topic.entities & b.speaker_entities) | (b.topic.entities & a.speaker_entities)
    if entities or len(keys) >= MIN_SHARED_ALONE:
        return keys, entities
    # A claim that names no entity ("ships had been diverted") cannot share one: two words will do,
    # and so they do between two claims of one speaker, who is what both are about.
    unnamed = not a.context_entities or not b.context_entities
    same_speaker = a.speaker_id is not None and a.speaker_id == b.speaker_id
    if not (unnamed or same_speaker):
        return None
    # Two numbers of the same thing ("turnout ... 61 percent", "turnout ... 45 percent") are one matter.
    if len(keys) >= MIN_SHARED_UNNAMED or _counts_same_thing(a.topic, b.topic, keys):
        return keys, entities
    return None


def _counts_same_thing(a: Topic, b: Topic, keys: frozenset[str]) -> bool:
    return any(qa.kind == qb.kind and qa.units & qb.units & keys for qa in a.quantities for qb in b.quantities)


def compare(a: ClaimFacts, b: ClaimFacts, antonyms: frozenset[tuple[str, str]],
            weight: TermWeight = term_weight) -> Suggestion | None:
    """The contradiction or counter-claim between *a* and *b*, or None when there is none.

    A conflict is kept only when it rests on one proposition (`propositions.holds`, words weighed by *weight*)."""
    found = _conflict(a, b, antonyms)
    if found is not None and reverses(a, b):  # "I've never said we made a mistake": an explicit answer
        found = replace(found, signals=(*found.signals, "reversal"))
    if found is None or not holds(a.topic, b.topic, _entities(a, b), found.signals, weight):
        return None
    return found


def _entities(a: ClaimFacts, b: ClaimFacts) -> frozenset[str]:
    matter = shared_matter(a, b)
    return matter[1] if matter else frozenset()


def _conflict(a: ClaimFacts, b: ClaimFacts, antonyms: frozenset[tuple[str, str]]) -> Suggestion | None:
    if never_related(a, b):
        return None
    matter = shared_matter(a, b)
    if matter is None:
        return None
    keys, entities = matter
    if a.stance in NEGATIVE and b.stance in POSITIVE:
        return _denial(a, b, keys, entities)
    if b.stance in NEGATIVE and a.stance in POSITIVE:
        return _denial(b, a, keys, entities)
    if a.stance in POSITIVE and b.stance in POSITIVE:
        return _disagreement(a, b, keys, entities, antonyms)
    return None  # two denials agree


def _denial(negative: ClaimFacts, positive: ClaimFacts, keys: frozenset[str],
            entities: frozenset[str]) -> Suggestion | None:
    """One side denies or rejects what the other asserts, accuses, confirms or warns of."""
    if positive.topic.negated & keys:
        return None  # "X said there were no troops" and "Y denied troops": they agree
    signals: list[tuple[str, str]] = []
    kind = RelationKind.CONTRADICTS.value
    if negative.topic.about_claims:
        signals.append(("counter-claim", ""))
        kind = RelationKind.COUNTERS.value
        head = f"{_who(negative)} {negative.stance} claims {_who(positive)} {_verb(positive)}"
    elif positive.stance == Stance.ACCUSES and positive.topic.entities & negative.speaker_entities:
        signals.append(("accusation answered by denial", ""))
        head = f"{_who(negative)} {negative.stance} the accusation by {_who(positive)}"
    else:
        signals.append(("opposite commitment", ""))
        head = f"{_who(negative)} {negative.stance} what {_who(positive)} {_verb(positive)}"
    evidence = _negation_evidence(negative, keys)
    if evidence:
        signals.append(("negation", evidence))
    if kind == RelationKind.COUNTERS.value:
        return _suggestion(negative, positive, kind, head, signals, keys, entities)
    return _suggestion(positive, negative, kind, head, signals, keys, entities)


def _disagreement(a: ClaimFacts, b: ClaimFacts, keys: frozenset[str], entities: frozenset[str],
                  antonyms: frozenset[tuple[str, str]]) -> Suggestion | None:
    """Both sides assert, yet one negates what the other says, uses its antonym or another number."""
    signals: list[tuple[str, str]] = []
    negating = None
    negated_a, negated_b = a.topic.negated & keys, b.topic.negated & keys
    if bool(negated_a) != bool(negated_b):
        negating, other = (a, b) if negated_a else (b, a)
        signals.append(("negation", _negation_evidence(negating, keys)))
    earlier, later = (a, b) if a.id < b.id else (b, a)  # the reason reads the same whichever came first
    opposites = antonym_pairs(earlier.topic, later.topic, antonyms)
    if opposites:
        signals.append(("antonyms", " / ".join(opposites[0])))
    numbers = different_numbers(earlier.topic.quantities, later.topic.quantities)
    if numbers and (numbers[0].changed or numbers[1].changed) and earlier.published != later.published:
        numbers = None  # "had increased to 11,000" a few days later is news, not a contradiction
    if numbers:
        signals.append(("numbers", f"{numbers[0].text} / {numbers[1].text}"))
    if not signals:
        return None
    if negating is not None:
        head = f"{_who(negating)} negates what {_who(other)} {_verb(other)}"
        first, second = other, negating
    else:
        first, second = (a, b) if a.id < b.id else (b, a)
        head = f"{_who(first)} and {_who(second)} disagree"
    return _suggestion(first, second, RelationKind.CONTRADICTS.value, head, signals, keys, entities)


def antonym_pairs(a: Topic, b: Topic, antonyms: frozenset[tuple[str, str]]) -> list[tuple[str, str]]:
    """Predicates one side asserts whose antonym the other asserts (neither negated nor on both sides)."""
    found = []
    for left in sorted(a.lemmas - b.lemmas - a.negated):
        for right in sorted(b.lemmas - a.lemmas - b.negated):
            if (left, right) in antonyms:
                found.append((left, right))
    return found


def different_numbers(a: tuple[Quantity, ...], b: tuple[Quantity, ...]) -> tuple[Quantity, Quantity] | None:
    """Two numbers for the same quantity (same kind and unit) that do not agree."""
    for qa in a:
        for qb in b:
            if qa.kind != qb.kind or not (qa.units & qb.units):
                continue
            tolerance = 0.25 if (qa.approximate or qb.approximate) else 0.05
            larger = max(abs(qa.value), abs(qb.value))
            if larger and abs(qa.value - qb.value) / larger > tolerance:
                return qa, qb
    return None


def _negation_evidence(claim: ClaimFacts, keys: frozenset[str]) -> str:
    """The negated words of *claim* that reach the shared matter ("don't even have half")."""
    if not claim.topic.negated & keys:
        return ""
    return claim.topic.negations[0] if len(claim.topic.negations) == 1 else "; ".join(claim.topic.negations[:2])


def _suggestion(first: ClaimFacts, second: ClaimFacts, kind: str, head: str, signals: list[tuple[str, str]],
                keys: frozenset[str], entities: frozenset[str]) -> Suggestion:
    combined = 1.0
    for name, _ in signals:
        combined *= 1.0 - SIGNAL_WEIGHTS[name]
    strength = min(1.0, 0.25 * len(keys) + 0.2 * min(2, len(entities)))
    weight = COMMITMENT_WEIGHT.get(first.stance, 1.0) * COMMITMENT_WEIGHT.get(second.stance, 1.0)
    score = round((1.0 - combined) * (0.5 + 0.5 * strength) * weight, 3)
    if first.speaker_id is not None and first.speaker_id == second.speaker_id:
        dates = " / ".join(sorted(d or "undated" for d in (first.published, second.published)))
        head = f"{_who(first)} contradicts themself ({dates})"
    parts = [f"{head}: {matter_words(first.topic, second.topic, keys)}"]
    parts += [f"{name}: {evidence}" for name, evidence in signals[1:] if evidence]
    if signals[0][1]:
        parts.append(f"{signals[0][0]}: {signals[0][1]}")
    return Suggestion(claim_a=first.id, claim_b=second.id, kind=kind, score=min(1.0, max(0.0, score)),
                      reason="; ".join(parts), signals=tuple(name for name, _ in signals))


def matter_words(a: Topic, b: Topic, keys: frozenset[str]) -> str:
    """The shared matter as both sides word it: "troops / forces / deployment"."""
    shown: list[str] = []
    for topic in (b, a):
        for key, word in topic.seen:
            if key in keys and word not in shown:
                shown.append(word)
    return " / ".join(shown[:MATTER_SHOWN])


def _who(claim: ClaimFacts) -> str:
    return claim.speaker or "an unattributed source"


def _verb(claim: ClaimFacts) -> str:
    return "suggests" if claim.stance == Stance.HEDGES else claim.stance
