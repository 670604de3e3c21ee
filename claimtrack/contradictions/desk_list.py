"""A list a desk can work through: copies collapsed into one suggestion, a few per claim, the strongest first.

Real news repeats itself: near-duplicate articles reprint the same sentences, and one sentence is often
attributed to several speakers ("Trump and Pence said ..."). Each repeat of a pair of sentences would be
one more suggestion to read. `desk_list` keeps the strongest suggestion of each pair of sentences (two
sentences are the same when their words are, case and punctuation aside) and names the others in its
reason ("copies: 2 (also in sources 12, 40)", or "(same sources)" for one sentence given to several
speakers); a pair of sentences already stored (suggested, confirmed or
dismissed) is not suggested again through a copy. Then each claim keeps at most `MAX_PER_CLAIM`
suggestions, the strongest first, counted by sentence so the copies of a claim share one allowance.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Protocol

from sqlmodel import Session, col, or_, select

from claimtrack.contradictions.propositions import focus
from claimtrack.contradictions.signals import Suggestion
from claimtrack.contradictions.topics import Topic
from claimtrack.store.core_rows import fetch, fetch_in, ids
from claimtrack.store.models import Claim, ClaimRelation
from claimtrack.vocabulary import RelationStatus

MAX_PER_CLAIM = 3  # suggestions kept per claim (per sentence), the strongest first
KEY_CHARS = 400  # characters of a normalised sentence that make its key
SOURCES_SHOWN = 5  # sources a reason names for the copies at most
# Two sides one article sets side by side are a dispute its reporter saw: of a claim's suggestions, they come first
# when nearly as strong as a pair across articles.
SAME_ARTICLE = 1.25

_NON_WORD = re.compile(r"[\W_]+")

SentenceKey = str
PairKey = tuple[SentenceKey, SentenceKey]


class Side(Protocol):
    """What the desk list needs of a claim (`signals.ClaimFacts` has it)."""

    @property
    def text(self) -> str: ...

    @property
    def source_id(self) -> int: ...

    @property
    def topic(self) -> Topic: ...


def sentence_key(text: str) -> SentenceKey:
    """The words of a sentence, lower-case, without punctuation: copies of one sentence share it."""
    return _NON_WORD.sub(" ", text.lower()).strip()[:KEY_CHARS]


def pair_key(a: str, b: str) -> PairKey:
    first, second = sorted((sentence_key(a), sentence_key(b)))
    return first, second


def rank(suggestion: Suggestion, facts: Mapping[int, Side]) -> float:
    """What orders a claim's suggestions: the score, times how much the pair is about one proposition (and
    `SAME_ARTICLE` for two claims of one article)."""
    a, b = facts.get(suggestion.claim_a), facts.get(suggestion.claim_b)
    if a is None or b is None:
        return suggestion.score
    return suggestion.score * focus(a.topic, b.topic) * (SAME_ARTICLE if a.source_id == b.source_id else 1.0)


def _sentence(claim_id: int, facts: Mapping[int, Side]) -> SentenceKey:
    """A claim's sentence key; a claim the caller did not load (another finder's link) stands for itself."""
    side = facts.get(claim_id)
    return sentence_key(side.text) if side is not None and side.text else f"#{claim_id}"


def _key(suggestion: Suggestion, facts: Mapping[int, Side]) -> PairKey:
    first, second = sorted((_sentence(suggestion.claim_a, facts), _sentence(suggestion.claim_b, facts)))
    return first, second


def _with_copies(kept: Suggestion, copies: list[Suggestion], facts: Mapping[int, Side]) -> Suggestion:
    if not copies:
        return kept
    def source(claim_id: int) -> int | None:
        side = facts.get(claim_id)
        return side.source_id if side is not None else None

    own = {source(kept.claim_a), source(kept.claim_b)}
    sources = sorted({i for s in copies for c in (s.claim_a, s.claim_b) if (i := source(c)) is not None} - own)
    if not sources:  # one sentence given to several speakers
        return dataclasses.replace(kept, reason=f"{kept.reason}; copies: {len(copies)} (same sources)")
    shown = ", ".join(map(str, sources[:SOURCES_SHOWN])) + (", ..." if len(sources) > SOURCES_SHOWN else "")
    word = "source" if len(sources) == 1 else "sources"
    return dataclasses.replace(kept, reason=f"{kept.reason}; copies: {len(copies)} (also in {word} {shown})")


def collapse_copies(suggestions: Iterable[Suggestion], facts: Mapping[int, Side],
                    stored: frozenset[PairKey] = frozenset()) -> list[Suggestion]:
    """One suggestion per pair of sentences, the strongest, its copies named in the reason; none for *stored*."""
    groups: dict[PairKey, list[Suggestion]] = {}
    for suggestion in sorted(suggestions, key=lambda s: (-rank(s, facts), s.claim_a, s.claim_b)):
        key = _key(suggestion, facts)
        if key not in stored:
            groups.setdefault(key, []).append(suggestion)
    return [_with_copies(group[0], group[1:], facts) for group in groups.values()]


@dataclasses.dataclass(frozen=True, slots=True)
class Stored:
    """What the store already holds: its sentence pairs, and how many open suggestions each sentence has."""

    pairs: frozenset[PairKey] = frozenset()
    open: Mapping[SentenceKey, int] = dataclasses.field(default_factory=dict)


def desk_list(suggestions: Iterable[Suggestion], facts: Mapping[int, Side], stored: Stored | None = None,
              limit: int = MAX_PER_CLAIM) -> list[Suggestion]:
    """The suggestions worth a desk's time: copies collapsed, at most *limit* per claim, the strongest first."""
    stored = stored or Stored()
    taken: dict[SentenceKey, int] = dict(stored.open)
    kept = []
    for suggestion in collapse_copies(suggestions, facts, stored.pairs):  # strongest first
        sides = [_sentence(c, facts) for c in (suggestion.claim_a, suggestion.claim_b)]
        if all(taken.get(side, 0) < limit for side in sides):
            kept.append(suggestion)
            for side in set(sides):
                taken[side] = taken.get(side, 0) + 1
    return kept


_RELATIONS = select(ClaimRelation.claim_a_id, ClaimRelation.claim_b_id, ClaimRelation.status)
_RELATIONS_OF = _RELATIONS.where(or_(col(ClaimRelation.claim_a_id).in_(ids("claims")),
                                     col(ClaimRelation.claim_b_id).in_(ids("claims"))))
_TEXTS = select(Claim.id, Claim.text).where(col(Claim.id).in_(ids("claims")))


def stored_pairs(session: Session, claim_ids: Iterable[int] | None = None) -> Stored:
    """The stored relations (of any status) touching these claims (all when None), by sentence."""
    pairs = fetch(session, _RELATIONS) if claim_ids is None else fetch_in(session, _RELATIONS_OF, "claims", claim_ids)
    texts: dict[int, str] = {claim_id: text for claim_id, text in
                             fetch_in(session, _TEXTS, "claims", {c for a, b, _ in pairs for c in (a, b)})}
    known = [(a, b, status) for a, b, status in pairs if a in texts and b in texts]
    open_ = Counter(sentence_key(texts[c]) for a, b, status in known if status == RelationStatus.SUGGESTED.value
                    for c in {a, b})
    return Stored(frozenset(pair_key(texts[a], texts[b]) for a, b, _ in known), open_)
