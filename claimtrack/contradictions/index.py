"""Finding the claims worth comparing with a claim, through an index, never through all pairs.

Two retrievals, for two jobs:

- `StoreSearch` (one article's new claims against the store): the store's full-text index, SQLite
  FTS5 over the `claim_fts` table that migration 0002 keeps in step with the claims, or PostgreSQL
  text search over the index of migration 0003. One query asks for the claim's entities (with their
  other names: "Serbia" also finds "Serbian", "Belgrade") AND its matter words (with their related
  terms: "troops" also finds "tanks", "deployment"), another for any two of its matter words; each
  is built once as a small tree (`Term`, `AnyOf`, `AllOf`), written in each database's syntax and
  ranked there (BM25 in SQLite, `ts_rank` in PostgreSQL).
- `TopicIndex` (a full pass over the store): an in-memory inverted index from "entity|matter"
  pairs to claims, so two claims meet only when they share an entity and a matter word, plus an
  index of matter words for claims that share two or more of them.
  Postings longer than a cap are left out: a pair that only shares words that common is no lead.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from itertools import combinations

from sqlalchemy import text as sql_text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from claimtrack.contradictions.signals import MIN_SHARED_UNNAMED, NEGATIVE, NOT_COMMITTED, POSITIVE, ClaimFacts
from claimtrack.contradictions.terms import Terms
from claimtrack.store.search import AllOf, AnyOf, Query, Term, to_fts5, to_tsquery

CANDIDATES_PER_CLAIM = 40  # the best-matching claims compared with each claim
SEARCH_LIMIT = 100  # claims a full-text search returns per new claim and route
MAX_PAIRED_KEYS = 8  # matter words combined into "any two of" queries


# ----------------------------------------------------------------------------- store search (full text)

def entity_query_terms(entity: str, terms: Terms) -> list[str]:
    """Every name that stands for *entity* in the word lists, the entity's own name first."""
    names = {entity}
    names |= {surface for surface, target in terms.entities.items() if target.lower() == entity}
    return sorted(names)


def matter_query_terms(key: str, words: Iterable[str], terms: Terms) -> list[str]:
    """The matter *key* as words to search: the words seen and, for a group, all its members."""
    found = set(words)
    found |= {term for term, group in terms.related.items() if group == key}
    return sorted(found)


def search_queries(facts: ClaimFacts, terms: Terms) -> list[Query]:
    """Queries for claims about the same matter as *facts*, following `shared_matter`'s two routes:
    (an entity) AND (a matter word), and two matter words (enough when one claim names no entity)."""
    topic = facts.topic
    # one group per matter key: the words seen and the key's related terms
    groups = [AnyOf(tuple(Term(w) for w in matter_query_terms(key, topic.words_for(key), terms)))
              for key in sorted(topic.keys)]
    if not groups:
        return []
    queries: list[Query] = []
    entities = sorted({name for e in facts.context_entities for name in entity_query_terms(e, terms)})
    if entities:
        # A prefix query ("serbia"*) also finds the demonym ("Serbian").
        queries.append(AllOf((AnyOf(tuple(Term(name, prefix=True) for name in entities)), AnyOf(tuple(groups)))))
    if len(groups) >= MIN_SHARED_UNNAMED:
        # Any two of the claim's matter words (of the first few: a long claim would make too many pairs);
        # the ranking puts the claims sharing more of them first.
        pairs = combinations(groups[:MAX_PAIRED_KEYS], MIN_SHARED_UNNAMED)
        queries.append(AnyOf(tuple(AllOf(pair) for pair in pairs)))
    units = sorted({unit for q in topic.quantities for unit in q.units if unit in topic.keys})
    if units and not entities:
        # A number of the same thing ("turnout was below 45 percent") is a lead on its own.
        queries.append(AnyOf(tuple(AnyOf(tuple(Term(w) for w in matter_query_terms(u, topic.words_for(u), terms)))
                                   for u in units)))
    return queries


FTS5_SEARCH = sql_text("SELECT rowid FROM claim_fts WHERE claim_fts MATCH :q ORDER BY rank LIMIT :n")
# claim.search_vector and its index `ix_claim_text_search` come from migration 0003.
TS_SEARCH = sql_text(
    "SELECT id FROM claim WHERE search_vector @@ to_tsquery('claimtrack_text', :q) "
    "ORDER BY ts_rank(search_vector, to_tsquery('claimtrack_text', :q)) DESC, id LIMIT :n")


class StoreSearch:
    """Candidate claims for a few new claims, found with the store's full-text index."""

    def __init__(self, session: Session, terms: Terms):
        self.session = session
        self.terms = terms
        self.dialect = session.get_bind().dialect.name
        self.fts = self.dialect in ("sqlite", "postgresql")

    def candidates(self, facts: ClaimFacts) -> list[int]:
        if not self.fts:
            return []
        found: dict[int, None] = {}  # best-ranked first, each claim once
        for query in search_queries(facts, self.terms):
            found.update((claim_id, None) for claim_id in self._search(query) if claim_id != facts.id)
        return list(found)

    def _search(self, query: Query) -> list[int]:
        """The best-ranked claims matching *query*; none when the database cannot parse it (a word from a
        user's terms file)."""
        sqlite = self.dialect == "sqlite"
        written = to_fts5(query) if sqlite else to_tsquery(query)
        if not written:
            return []
        try:
            # An error aborts a PostgreSQL transaction, short of a savepoint.
            with nullcontext() if sqlite else self.session.begin_nested():
                rows = self.session.connection().execute(FTS5_SEARCH if sqlite else TS_SEARCH,
                                                         {"q": written, "n": SEARCH_LIMIT})
                return list(rows.scalars())
        except DBAPIError:
            return []


# ----------------------------------------------------------------------------- full pass (in memory)

def could_conflict(a: ClaimFacts, b: ClaimFacts, antonym_words: frozenset[str]) -> bool:
    """A cheap test before the full comparison: can any signal fire between these stances?"""
    if a.stance in NOT_COMMITTED or b.stance in NOT_COMMITTED:
        return False
    if a.stance in NEGATIVE:
        return b.stance in POSITIVE
    if b.stance in NEGATIVE:
        return True
    return is_marked(a, antonym_words) or is_marked(b, antonym_words)


def is_marked(facts: ClaimFacts, antonym_words: frozenset[str]) -> bool:
    """Could this claim be one side of a contradiction at all? (a denial, a negation, an antonym, a number)"""
    topic = facts.topic
    return (facts.stance in NEGATIVE or bool(topic.negated) or bool(topic.quantities)
            or bool(topic.lemmas & antonym_words))


@dataclass
class TopicIndex:
    """Inverted index over claims by "entity|matter" pairs and by rare matter words."""

    facts: dict[int, ClaimFacts]
    terms: Terms
    max_postings: int = 2_000  # a pair of entity and matter shared by more claims is no lead
    max_key_postings: int = 1_000  # the same for a matter word alone (the route without an entity)

    def __post_init__(self) -> None:
        self.antonym_words = frozenset(word for pair in self.terms.antonyms for word in pair)
        self.pairs_index: dict[str, list[int]] = defaultdict(list)
        self.keys_index: dict[str, list[int]] = defaultdict(list)
        self.units_index: dict[str, list[int]] = defaultdict(list)
        for claim_id, facts in self.facts.items():
            if facts.stance in NOT_COMMITTED:
                continue
            for combo in _combos(facts):
                self.pairs_index[combo].append(claim_id)
            for key in facts.topic.keys:
                self.keys_index[key].append(claim_id)
            for unit in _units(facts):
                self.units_index[unit].append(claim_id)

    def candidates(self, facts: ClaimFacts) -> list[int]:
        """The claims most worth comparing with *facts*: sharing an entity and a matter word, or three words."""
        shared: Counter[int] = Counter()
        for combo in _combos(facts):
            posting = self.pairs_index.get(combo)
            if posting and len(posting) <= self.max_postings:
                shared.update(posting)
        by_words: Counter[int] = Counter()
        for key in facts.topic.keys:
            posting = self.keys_index.get(key)
            if posting and len(posting) <= self.max_key_postings:
                by_words.update(posting)
        for claim_id, count in by_words.items():
            if count >= MIN_SHARED_UNNAMED:
                shared[claim_id] += count
        for unit in _units(facts):  # numbers of the same thing
            posting = self.units_index.get(unit)
            if posting and len(posting) <= self.max_key_postings:
                shared.update(posting)
        shared.pop(facts.id, None)
        return [claim_id for claim_id, _ in shared.most_common(CANDIDATES_PER_CLAIM)]

    def candidate_pairs(self) -> Iterator[tuple[int, int]]:
        """Each pair worth comparing, once; at least one side must be able to carry a signal."""
        marked = [claim_id for claim_id, facts in self.facts.items()
                  if facts.stance not in NOT_COMMITTED and is_marked(facts, self.antonym_words)]
        seen: set[tuple[int, int]] = set()
        for claim_id in sorted(marked):
            facts = self.facts[claim_id]
            for other in self.candidates(facts):
                pair = (min(claim_id, other), max(claim_id, other))
                if pair in seen:
                    continue  # met from the other side
                seen.add(pair)
                if could_conflict(facts, self.facts[other], self.antonym_words):
                    yield pair


def _units(facts: ClaimFacts) -> set[str]:
    return {unit for q in facts.topic.quantities for unit in q.units if unit in facts.topic.keys}


def _combos(facts: ClaimFacts) -> set[str]:
    entities = facts.context_entities
    return {f"{entity}|{key}" for entity in entities for key in facts.topic.keys}
