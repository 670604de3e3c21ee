"""The contradiction finder: stored claims in, `ClaimRelation` suggestions out.

`suggest_for_claims` compares a few claims (an article just ingested) with the claims of their story
(see `_leads`); `full_pass` compares the whole store, through an in-memory index. Both skip every
pair that already has a relation (suggested, confirmed, dismissed or added by hand), so a pair a
person dismissed is never suggested again, and both store what they find as `suggested`, as a list a
desk can work through (`desk_list`: copies of one pair of sentences are one suggestion, 3 per claim).
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any, cast

from sqlalchemy import and_, case, delete, func, insert, or_
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import Select

from claimtrack.contradictions.answers import answer_suggestions
from claimtrack.contradictions.desk_list import desk_list, stored_pairs
from claimtrack.contradictions.index import StoreSearch, TopicIndex
from claimtrack.contradictions.signals import NOT_COMMITTED, ClaimFacts, Suggestion, compare
from claimtrack.contradictions.stories import pairs_within_stories, story_claim_ids, within_stories
from claimtrack.contradictions.terms import Terms, load_terms
from claimtrack.contradictions.topics import CLAIM_NOUNS, speaker_entities
from claimtrack.contradictions.weights import topic_of
from claimtrack.store.core_rows import fetch, fetch_in, ids
from claimtrack.store.models import Claim, ClaimRelation, Revision, Source, Speaker, SpeakerAlias, TableName, utc_now
from claimtrack.vocabulary import Origin, RelationStatus, SpeakerKind

MIN_SCORE = 0.35  # weaker suggestions are not stored: they cost a fact-checker more than they give
GAP_LIMIT = 40  # characters between a cue and its content read for "rejected claims that ..."
CHUNK = 500  # ids per IN (...) query
# An article's claims compared with the store, in the article's order. Real articles hold tens of claims
# (150 at most among the 1,293 PolNeAR and BBC articles); each comparison is one ranked full-text search,
# which on an article of 20,000 near-identical quotes costs ~35 ms, so without a cap it took many minutes
# and held the write lock all that time. Beyond this, its claims are stored but not compared, and ingest
# says so.
MAX_COMPARED_PER_ARTICLE = 500
MAX_STORY_CLAIMS = 3000  # a story's latest claims that a new article's claims are matched against


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), CHUNK):
        yield ids[i:i + CHUNK]


def shown_name(name: str, kind: str) -> str:
    """How a reason names a speaker: a person by surname ("Vucic"), anyone else in full."""
    name = re.sub(r" \(source \d+\)$", "", name)  # a description kept to one article
    parts = name.split()
    if kind == SpeakerKind.PERSON.value and len(parts) > 1 and name[:1].isupper():
        return parts[-1]
    return name


def _speaker_facts(session: Session, speaker_ids: set[int], terms: Terms) -> dict[int, tuple[str, frozenset[str]]]:
    """speaker id -> (name shown in reasons, entities that stand for the speaker)."""
    speakers: dict[int, tuple[str, str, str | None]] = {}  # id -> name, kind, affiliation (plain rows: many are read)
    aliases: dict[int, list[str]] = {}
    for speaker_id, name, kind, affiliation in fetch_in(session, _SPEAKERS, "speakers", speaker_ids):
        speakers[speaker_id] = (name, kind, affiliation)
    for speaker_id, alias in fetch_in(session, _ALIASES, "speakers", speaker_ids):
        aliases.setdefault(speaker_id, []).append(alias)
    cache = terms.topic_cache
    facts = {}
    for sid, (name, kind, affiliation) in speakers.items():
        names = (name, affiliation or "", *sorted(aliases.get(sid, [])))
        key = ("speaker", *names)  # tuples never collide with the claim texts cached beside them
        if key not in cache:
            cache[key] = speaker_entities(list(names), terms)
        facts[sid] = (shown_name(name, kind), cache[key])
    return facts


_SPEAKERS = (select(Speaker.id, Speaker.name, Speaker.kind, Speaker.affiliation)
             .where(col(Speaker.id).in_(ids("speakers"))))
_ALIASES = select(SpeakerAlias.speaker_id, SpeakerAlias.alias).where(col(SpeakerAlias.speaker_id).in_(ids("speakers")))
TOPIC_CACHE_LIMIT = 10_000  # claim texts read (about 2.5 KB each): ingest memory stays flat in its input
# What `load_facts` reads of a claim: id, source, speaker, parent, stance, text, the words between its cue
# and its content, the source's date and when it was ingested.
FactsRow = Select[int, int, int | None, int | None, str, str, str, str | None, datetime]
_NO_SPEAKER: tuple[str | None, frozenset[str]] = (None, frozenset())


def _facts_statement() -> FactsRow:
    cue_end, start = col(Claim.cue_end), col(Claim.start)
    gap = case((and_(cue_end.is_not(None), start > cue_end, start - cue_end <= GAP_LIMIT),
                func.substr(Source.text, cue_end + 1, start - cue_end)), else_="")
    # sqlmodel's `select` is typed for up to four columns; its `Select` takes any number, untyped.
    columns = (col(Claim.id), col(Claim.source_id), col(Claim.speaker_id), col(Claim.parent_id), col(Claim.stance),
               col(Claim.text), gap, col(Source.published), col(Source.ingested_at))
    return cast(FactsRow, Select(*columns).join(Source, col(Source.id) == Claim.source_id))


_FACTS = _facts_statement()
_FACTS_OF = _FACTS.where(col(Claim.id).in_(ids("claims")))


def load_facts(session: Session, terms: Terms, claim_ids: Iterable[int] | None = None) -> dict[int, ClaimFacts]:
    """What the pair scoring needs for these claims (all claims when *claim_ids* is None)."""
    rows = fetch(session, _FACTS) if claim_ids is None else fetch_in(session, _FACTS_OF, "claims", claim_ids)
    speakers = _speaker_facts(session, {row[2] for row in rows if row[2] is not None}, terms)
    if len(terms.topic_cache) > TOPIC_CACHE_LIMIT:  # the same words (a quote reprinted) are read once
        terms.topic_cache.clear()
    facts: dict[int, ClaimFacts] = {}
    for claim_id, source_id, speaker_id, parent_id, stance, text, between, published, ingested_at in rows:
        topic = topic_of(text, terms)
        if between and not topic.about_claims and CLAIM_NOUNS.search(between.strip()):
            topic = dataclasses.replace(topic, about_claims=True)
        name, entities = speakers.get(speaker_id, _NO_SPEAKER) if speaker_id is not None else _NO_SPEAKER
        date = published or (ingested_at.date().isoformat() if ingested_at else None)
        facts[claim_id] = ClaimFacts(id=claim_id, source_id=source_id, stance=stance, topic=topic,
                                     speaker_id=speaker_id, speaker=name, speaker_entities=entities,
                                     parent_id=parent_id, published=date, text=text)
    return facts


def related_pairs(session: Session, claim_ids: Iterable[int] | None = None) -> set[tuple[int, int]]:
    """Pairs (smaller id first) that already have a relation of any kind or status."""
    rows = fetch(session, _PAIRS) if claim_ids is None else fetch_in(session, _PAIRS_OF, "claims", claim_ids)
    return {(min(a, b), max(a, b)) for a, b in rows}


_PAIRS = select(ClaimRelation.claim_a_id, ClaimRelation.claim_b_id)
_PAIRS_OF = _PAIRS.where(or_(col(ClaimRelation.claim_a_id).in_(ids("claims")),
                             col(ClaimRelation.claim_b_id).in_(ids("claims"))))


def _rows(suggestions: list[Suggestion]) -> list[dict[str, Any]]:
    now = utc_now()
    return [{"claim_a_id": s.claim_a, "claim_b_id": s.claim_b, "kind": s.kind, "score": s.score, "reason": s.reason,
             "origin": Origin.AUTO.value, "status": RelationStatus.SUGGESTED.value, "created_at": now,
             "updated_at": now} for s in suggestions]


Leads = dict[int, list[int]]  # a claim -> the claims worth comparing with it


def _leads(session: Session, terms: Terms, new: dict[int, ClaimFacts]) -> tuple[Leads, dict[int, ClaimFacts]]:
    """(each new claim -> the claims worth comparing with it, the facts of all of them).

    Across articles the finder compares only claims of one story, so the new claims are matched, in
    memory, against their story's claims (the latest `MAX_STORY_CLAIMS`): the cost follows the story,
    not the store. While the store holds sources not placed in a story (a store from before stories,
    until `contradictions --rescan`), the claims are searched for in the whole store through the
    full-text index, as before stories; another database, with neither, through an in-memory index of
    the whole store."""
    committed = {claim_id: facts for claim_id, facts in new.items() if facts.stance not in NOT_COMMITTED}
    in_story = story_claim_ids(session, {facts.source_id for facts in new.values()}, MAX_STORY_CLAIMS)
    search = StoreSearch(session, terms)
    if in_story is not None:
        known = {**load_facts(session, terms, set(in_story) - set(new)), **new}
        index = TopicIndex(known, terms)
        return {claim_id: index.candidates(facts) for claim_id, facts in committed.items()}, known
    if search.fts:
        # An uncommitted claim ("did not directly deny") contradicts nobody: no need to look.
        leads = {claim_id: search.candidates(facts) for claim_id, facts in committed.items()}
        others = load_facts(session, terms, {c for found in leads.values() for c in found} - set(new))
        return leads, {**others, **new}
    known = load_facts(session, terms)
    index = TopicIndex(known, terms)
    return {claim_id: index.candidates(facts) for claim_id, facts in new.items()}, known


def suggest_for_claims(session: Session, claim_ids: Iterable[int | None], *, terms: Terms | None = None,
                       min_score: float = MIN_SCORE) -> list[ClaimRelation]:
    """Compare these claims (an article's new claims) with the store; store and return the suggestions.

    Only the first `MAX_COMPARED_PER_ARTICLE` claims are compared (see there)."""
    compared = [i for i in claim_ids if i is not None][:MAX_COMPARED_PER_ARTICLE]
    if not compared:
        return []
    terms = terms or load_terms()
    session.flush()  # the new claims must be in the full-text index
    new = load_facts(session, terms, compared)
    leads, known = _leads(session, terms, new)
    leads = within_stories(session, leads, known)  # across articles, only claims of one story
    blocked = related_pairs(session, compared)
    # Answers linked to what they answer, first: in their article, else among the claims compared with them.
    found = answer_suggestions(session, new, terms, blocked, [(c, o) for c, os in leads.items() for o in os], known)
    for claim_id, candidates in leads.items():
        for other in candidates:
            pair = (min(claim_id, other), max(claim_id, other))
            if pair in blocked or other not in known:
                continue
            blocked.add(pair)
            suggestion = compare(new[claim_id], known[other], terms.antonyms)
            if suggestion is not None and suggestion.score >= min_score:
                found.append(suggestion)
    kept = desk_list(found, known, stored_pairs(session, known))  # copies collapsed, 3 per claim at most
    relations = [ClaimRelation(**row) for row in _rows(kept)]
    session.add_all(relations)
    session.flush()
    return relations


def drop_untouched_suggestions(session: Session) -> int:
    """Remove the automatic suggestions nobody has acted on, so that a full pass can suggest afresh
    (a store whose suggestions an older finder made). Kept: every relation a person made, confirmed,
    dismissed, noted or changed in any way (its revisions name it, or its status, note or version
    moved), so no human judgement is lost. Returns how many were removed."""
    touched = select(Revision.row_id).where(Revision.table_name == TableName.RELATION)
    untouched = (col(ClaimRelation.origin) == Origin.AUTO, col(ClaimRelation.status) == RelationStatus.SUGGESTED,
                 col(ClaimRelation.note).is_(None), col(ClaimRelation.version) == 1,
                 col(ClaimRelation.id).not_in(touched))
    removed = session.execute(delete(ClaimRelation).where(*untouched))
    return int(getattr(removed, "rowcount", 0) or 0)


def full_pass(session: Session, *, terms: Terms | None = None, min_score: float = MIN_SCORE) -> list[Suggestion]:
    """Compare every stored claim with the claims about the same matter; store and return the new suggestions.

    The suggestions are written in one bulk insert (a pass over a large store makes thousands).
    """
    terms = terms or load_terms()
    facts = load_facts(session, terms)
    index = TopicIndex(facts, terms)
    blocked = related_pairs(session)
    pairs = list(pairs_within_stories(session, facts, index.candidate_pairs()))  # one article or one story
    found = answer_suggestions(session, facts, terms, blocked, pairs)  # answers linked to what they answer, first
    for a, b in pairs:
        if (a, b) in blocked:
            continue
        suggestion = compare(facts[a], facts[b], terms.antonyms)
        if suggestion is not None and suggestion.score >= min_score:
            found.append(suggestion)
    found = desk_list(found, facts, stored_pairs(session))  # copies collapsed, 3 per claim at most
    if found:
        session.execute(insert(ClaimRelation), _rows(found))
    return found
