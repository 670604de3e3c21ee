"""Word weights kept in the store: how many claims hold each term, and the IDF-like weight it gives.

A claim's terms are what the finder matches it on (`claim_topic`): its matter keys (lemmas, related
terms folded into their group) and the entities it names. `count_claims` adds (or, with `sign=-1`,
takes away) an article's claims in the transaction that stores them; the counts are added in the
database (`INSERT ... ON CONFLICT (term) DO UPDATE SET claims = term_weight.claims + excluded.claims`),
so several ingesting processes on one PostgreSQL server never lose each other's counts. The row of
the empty term (`TOTAL`) counts the claims themselves.

`term_weight(session, terms)` is log(1 + N / df) (IDF, smoothed so that a small store's shared words
still weigh something): log 2 for a word every claim holds, high for a rare one; a term no claim
holds yet weighs as a term one claim holds.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from functools import cache
from typing import Any

from sqlalchemy import Executable, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from claimtrack.contradictions.terms import Terms
from claimtrack.contradictions.topics import Topic, claim_topic
from claimtrack.store.core_rows import execute, fetch, fetch_in, ids
from claimtrack.store.models import TermWeight

TOTAL = ""  # the row that counts the claims
CHUNK = 500  # terms per IN (...) query


def topic_of(text: str, terms: Terms) -> Topic:
    """The claim's topic, through the terms' cache (the finder reads the same claims right after)."""
    topic = terms.topic_cache.get(text)
    if topic is None:
        topic = terms.topic_cache[text] = claim_topic(text, terms)
    return topic


def claim_terms(text: str, terms: Terms) -> frozenset[str]:
    """The terms a claim is counted under: its matter keys and its entities."""
    topic = topic_of(text, terms)
    return topic.keys | topic.entities


def term_counts(texts: Iterable[str], terms: Terms) -> Counter[str]:
    """term -> how many of these claims hold it; `TOTAL` -> how many claims."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(claim_terms(text, terms))
        counts[TOTAL] += 1
    return counts


_WEIGHTS = TermWeight.__table__  # type: ignore[attr-defined]


@cache
def _upsert_statement(dialect: str) -> Executable:
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(_WEIGHTS)
    return statement.on_conflict_do_update(index_elements=[_WEIGHTS.c.term],
                                           set_={"claims": _WEIGHTS.c.claims + statement.excluded.claims})


def _upsert(session: Session, rows: list[dict[str, Any]]) -> None:
    execute(session, _upsert_statement(session.get_bind().dialect.name), rows)


def add_counts(session: Session, counts: Counter[str]) -> None:
    """Add *counts* (negative to take away) to the stored ones, in sorted order (the same lock order for all)."""
    rows = [{"term": term, "claims": count} for term, count in sorted(counts.items()) if count]
    for start in range(0, len(rows), CHUNK):
        _upsert(session, rows[start:start + CHUNK])


def count_claims(session: Session, texts: Iterable[str], terms: Terms, *, sign: int = 1) -> None:
    """Count these claims' terms in (sign 1) or out (sign -1) of the store's word weights."""
    counts = term_counts(texts, terms)
    add_counts(session, Counter({term: sign * n for term, n in counts.items()}))


def recount(session: Session, texts: Iterable[str], terms: Terms) -> None:
    """The word weights made again from these claims (all the store's): for a store from before them."""
    session.execute(delete(TermWeight))
    add_counts(session, term_counts(texts, terms))


def stored_counts(session: Session, wanted: Iterable[str]) -> dict[str, int]:
    """term -> claims holding it, for the wanted terms the store counts (and `TOTAL`)."""
    return {term: claims for term, claims in fetch_in(session, _COUNTS, "terms", {*wanted, TOTAL})}


def weights_from(counts: dict[str, int], wanted: Iterable[str]) -> dict[str, float]:
    """log(1 + N / df) for each wanted term, df at least 1 and N at least df."""
    total = counts.get(TOTAL, 0)
    out = {}
    for term in wanted:
        df = max(1, counts.get(term, 0))
        out[term] = math.log(1 + max(total, df) / df)
    return out


def term_weight(session: Session, terms: Iterable[str]) -> dict[str, float]:
    """How distinctive each term is in the store: log(1 + N / df) (see the module)."""
    wanted = [t for t in set(terms) if t != TOTAL]
    return weights_from(stored_counts(session, wanted), wanted)


def counted_claims(session: Session) -> int:
    """How many claims the word weights count."""
    return int(fetch(session, _COUNTED)[0][0])


_COUNTS = select(_WEIGHTS.c.term, _WEIGHTS.c.claims).where(_WEIGHTS.c.term.in_(ids("terms")))
_COUNTED = select(func.coalesce(func.sum(_WEIGHTS.c.claims), 0)).where(_WEIGHTS.c.term == TOTAL)
