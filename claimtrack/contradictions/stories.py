"""Stories: articles grouped by what they are about, at ingest, one article at a time.

An article's profile is its most distinctive terms (the people, bodies and matter words of its text,
as the finder reads them, weighed by the store's word weights: `weights.py`), entities and title
words chosen first.
A story keeps its own profile (`Story.terms`: each term with how many of its articles hold it) and
the dates of its dated articles. A new article joins the story whose profile holds most of its own
distinctive weight, when that weight is enough (`joins`: what a few of the store's rarest terms weigh;
a shared generic word weighs little) with at least `MIN_SHARED` terms in common, and (when both are
dated) its date is within `DATE_WINDOW_DAYS` of the story's; else it starts a story.
The story's label is made of its most distinctive terms. `story_term` holds each story's terms with an
index on the term, so only the stories sharing enough of an article's terms are read for it
(`CANDIDATE_STORIES` at most): placing an article costs the same in a store of a million claims.

Across articles the finder compares only claims of one story (`within_stories`, `same_story`): a
suggestion never joins two unrelated stories. Ingest places every new source; a source without a
story (a store from before stories) is placed by `backfill`, which `contradictions --rescan` runs
before its full pass (until then it is compared as before stories).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise
from typing import Protocol

from sqlalchemy import bindparam, delete, insert
from sqlalchemy import select as core_select
from sqlmodel import Session, col, func, select

from claimtrack.contradictions.signals import ClaimFacts
from claimtrack.contradictions.terms import Terms
from claimtrack.contradictions.topics import topic_terms
from claimtrack.contradictions.weights import counted_claims, recount, term_weight
from claimtrack.store.core_rows import execute, fetch, fetch_in, ids
from claimtrack.store.models import Claim, Source, Story, StoryTerm

PROFILE_TERMS = 30  # an article's distinctive terms kept as its profile
STORY_TERMS = 120  # terms a story's profile keeps (the most frequent among its articles)
ENTITY_BOOST = 2.0  # people, bodies and places say more about a story than matter words
TITLE_BOOST = 2.0  # so do the words of the title
JOIN_TERMS = 3.0  # the weight an article and a story share, in the store's rarest terms (see `joins`)
JOIN_SHARE = 0.25  # ... or the share of a short article's weight
MIN_SHARED = 3  # terms the article and the story must have in common
DATE_WINDOW_DAYS = 10  # a dated article joins a dated story only this close to its dates
LABEL_TERMS = 3
CANDIDATE_STORIES = 200  # the stories sharing most of an article's terms, weighed for it (the rest share fewer)
COMMON_STORIES, COMMON_SHARE = 50, 0.02  # a term held by more stories than both brings no story in by itself
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘'])|\n+")


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


@dataclass(frozen=True)
class ProfileCounts:
    """An article's terms as its text gives them, before the store weighs them (pure: see `profile_counts`)."""

    entities: frozenset[str]
    in_title: frozenset[str]
    frequency: Counter[str]
    candidates: frozenset[str]  # the terms that may enter the profile


PLAIN_NAME = re.compile(r"\w+(?: \w+)*")


class MentionCounter:
    """How often a name occurs in a text as whole words, case aside (as `\bname\b` would find it): the
    text's words are read once, where one regex per name read the whole text once per name."""

    def __init__(self, text: str):
        self.text = text
        found = list(re.finditer(r"\w+", text))
        self.words = [match.group().lower() for match in found]
        # between word i and word i + 1: one space exactly (a name of several words is spelt so)
        self.spaced = [text[a.end():b.start()] == " " for a, b in pairwise(found)]
        self.single = Counter(self.words)
        self.starts: dict[str, list[int]] = {}

    def count(self, name: str) -> int:
        if not PLAIN_NAME.fullmatch(name):  # punctuation in it ("U.S."): the regex
            return len(re.findall(rf"\b{re.escape(name)}\b", self.text, re.IGNORECASE))
        wanted = name.lower().split(" ")
        if len(wanted) == 1:
            return self.single[wanted[0]]
        if not self.starts:
            for place, word in enumerate(self.words):
                self.starts.setdefault(word, []).append(place)
        size = len(wanted)
        return sum(1 for place in self.starts.get(wanted[0], ())
                   if self.words[place:place + size] == wanted and all(self.spaced[place:place + size - 1]))


def profile_counts(text: str, terms: Terms, title: str | None = None) -> ProfileCounts:
    """The article's terms with how often it uses them; a matter word the article uses once and outside
    its title is left out (a passing word)."""
    # Read sentence by sentence: `topic_terms` is made for a claim, and its cost grows faster than its text.
    sentences = [topic_terms(sentence, terms) for sentence in SENTENCE_BREAK.split(text) if sentence.strip()]
    keys = frozenset().union(*(topic.keys for topic in sentences))
    entities = frozenset().union(*(topic.entities for topic in sentences))
    frequency = Counter(key for topic in sentences for key, _ in topic.seen)
    mentions = MentionCounter(text)
    for entity in entities:
        frequency[entity] = max(frequency[entity], mentions.count(entity))
    headline = topic_terms(title, terms) if title else None
    in_title = (headline.keys | headline.entities) if headline else frozenset()
    candidates = frozenset(term for term in keys | entities | in_title
                           if term in entities or term in in_title or frequency[term] > 1)
    return ProfileCounts(entities, in_title, frequency, candidates)


def article_profile(session: Session, text: str, terms: Terms, title: str | None = None,
                    counts: ProfileCounts | None = None) -> dict[str, float]:
    """The article's most distinctive terms with their word weights (see the module). They are chosen by
    their weight in the store, by how often the article uses them, more for an entity and more in the
    title (*counts*: `profile_counts`, when already read)."""
    counts = counts or profile_counts(text, terms, title)
    weights = term_weight(session, counts.candidates)
    scored = {}
    for term in counts.candidates:
        boost = (ENTITY_BOOST if term in counts.entities else 1.0) * (TITLE_BOOST if term in counts.in_title else 1.0)
        scored[term] = weights[term] * boost * math.log(2 + counts.frequency[term])
    best = sorted(scored.items(), key=lambda item: (-item[1], item[0]))[:PROFILE_TERMS]
    return {term: weights[term] for term, _ in best}


@dataclass(frozen=True)
class StorySpread:
    """How many stories hold each term: a term many stories hold (a desk's boilerplate, "BBC Radio 4's
    Today programme") ties an article to none of them, however rare it is in claims."""

    stories: int
    holding: Counter[str]

    def factor(self, term: str) -> float:
        others = max(0, self.holding[term] - 1)  # the stories besides the one compared
        return math.log(1 + self.stories / (1 + others)) / math.log(1 + self.stories) if self.stories else 1.0


class StoryProfile(Protocol):
    """What weighing an article against a story reads: a `Story`, or a row of its columns."""

    @property
    def terms(self) -> dict[str, int]: ...
    @property
    def articles(self) -> int: ...
    @property
    def first_published(self) -> str | None: ...
    @property
    def last_published(self) -> str | None: ...


def held_weight(profile: dict[str, float], story: StoryProfile, spread: StorySpread | None = None) -> tuple[float, int]:
    """(the profile's weight the story holds, terms in common): a term counts fully when at least half
    the story's articles hold it and no other story does, less otherwise."""
    if not story.articles:
        return 0.0, 0
    shared = [term for term in profile if term in story.terms]
    held = sum(profile[term] * min(1.0, 2 * story.terms[term] / story.articles)
               * (spread.factor(term) if spread else 1.0) for term in shared)
    return held, len(shared)


def joins(profile: dict[str, float], story: StoryProfile, rarest: float,
          spread: StorySpread | None = None) -> float | None:
    """How well the article fits the story (None: it does not). It fits when the weight they share is
    that of `JOIN_TERMS` of the store's rarest terms (*rarest* is their weight), or, for a short article,
    `JOIN_SHARE` of its own weight; and they have at least `MIN_SHARED` terms in common."""
    held, shared = held_weight(profile, story, spread)
    needed = min(JOIN_TERMS * rarest, JOIN_SHARE * sum(profile.values()))
    if shared < MIN_SHARED or held < needed or held <= 0:
        return None
    return held


def _dates_fit(day: date | None, story: StoryProfile) -> bool:
    first, last = _day(story.first_published), _day(story.last_published)
    if day is None or first is None or last is None:
        return True
    window = timedelta(days=DATE_WINDOW_DAYS)
    return first - window <= day <= last + window


def _candidate_stories(session: Session, profile: dict[str, float], spread: StorySpread) -> list[int]:
    """The stories holding at least `MIN_SHARED` of the profile's terms (the others cannot join it), those
    sharing most first, found through `story_term`'s index, never by reading every story. A term that
    many stories hold (see `StorySpread`: it ties an article to none of them) does not bring stories in
    by itself: it still counts in `joins` for a story its rarer terms brought in."""
    selective = [term for term in profile if spread.holding[term] <= max(COMMON_STORIES, COMMON_SHARE * spread.stories)]
    if not selective:
        return []
    # A story sharing fewer selective terms than this cannot share `MIN_SHARED` terms in all.
    needed = MIN_SHARED - (len(profile) - len(selective))
    return [story_id for story_id, _ in fetch(session, _SHARING, terms=sorted(selective), needed=needed)]


_STORY_TERMS = StoryTerm.__table__  # type: ignore[attr-defined]
_SHARED = func.count().label("shared")
_SHARING = (select(_STORY_TERMS.c.story_id, _SHARED).where(_STORY_TERMS.c.term.in_(ids("terms")))
            .group_by(_STORY_TERMS.c.story_id).having(func.count() >= bindparam("needed"))
            .order_by(_SHARED.desc(), _STORY_TERMS.c.story_id)
            .limit(CANDIDATE_STORIES))
_STORY_ROWS = Story.__table__  # type: ignore[attr-defined]
_STORIES = select(func.max(_STORY_ROWS.c.id))
_PROFILES = (core_select(_STORY_ROWS.c.id, _STORY_ROWS.c.terms, _STORY_ROWS.c.articles, _STORY_ROWS.c.first_published,
                    _STORY_ROWS.c.last_published).where(_STORY_ROWS.c.id.in_(ids("stories"))).order_by(_STORY_ROWS.c.id))
_HOLDING = (select(_STORY_TERMS.c.term, func.count()).where(_STORY_TERMS.c.term.in_(ids("terms")))
            .group_by(_STORY_TERMS.c.term))
_ADD_TERMS = insert(_STORY_TERMS)
_DROP_TERMS = delete(_STORY_TERMS).where(_STORY_TERMS.c.story_id == bindparam("story"),
                                         _STORY_TERMS.c.term.in_(ids("terms")))


def story_spread(session: Session, profile: Mapping[str, float]) -> StorySpread:
    """How many stories there are, and how many hold each of the profile's terms."""
    # Story ids are never taken again and stories are never removed: the largest id is their number,
    # read from the key, where count(*) reads the whole table.
    stories = fetch(session, _STORIES)[0][0] or 0
    holding = fetch_in(session, _HOLDING, "terms", profile)
    return StorySpread(stories, Counter({term: count for term, count in holding}))


def best_story(session: Session, profile: dict[str, float], day: date | None) -> Story | None:
    """The story the article joins, or None (it starts one)."""
    if not profile:
        return None
    spread = story_spread(session, profile)
    candidates = _candidate_stories(session, profile, spread)
    if not candidates:
        return None
    rarest = math.log(1 + max(1, counted_claims(session)))
    best: float | None = None
    chosen = None
    for story in fetch_in(session, _PROFILES, "stories", candidates):  # plain rows: up to 200 are weighed
        fit = joins(profile, story, rarest, spread) if _dates_fit(day, story) else None
        if fit is not None and (best is None or fit > best):
            best, chosen = fit, story.id
    return None if chosen is None else session.get(Story, chosen)


def _label(session: Session, story: Story) -> str:
    """The story's label: its terms that are most its own, by how many of its articles hold them, their
    weight in claims, and how few other stories hold them (a desk's "BBC Radio 4" names no story)."""
    weights = term_weight(session, story.terms)
    spread = story_spread(session, story.terms)
    # Ties (a story of one article) keep the profile's order: the article's most distinctive terms first.
    def own(term: str) -> float:  # 1 for a term no other story holds, 0 for one every other story holds
        return 1 - max(0, spread.holding[term] - 1) / spread.stories if spread.stories else 1.0

    ranked = sorted(story.terms, key=lambda term: -story.terms[term] * weights[term] * spread.factor(term) * own(term))
    return " · ".join(ranked[:LABEL_TERMS])


def _joined(session: Session, story: Story, profile: dict[str, float], day: date | None) -> None:
    """Add the article's profile to the (flushed) story: its terms, with `story_term` kept in step."""
    counts = Counter(story.terms)
    counts.update(profile.keys())  # in the profile's order, the most distinctive first
    before = set(story.terms)
    story.terms = dict(sorted(counts.items(), key=lambda item: -item[1])[:STORY_TERMS])
    story.articles += 1
    if day is not None:
        shown = day.isoformat()
        story.first_published = min(filter(None, (story.first_published, shown)))
        story.last_published = max(filter(None, (story.last_published, shown)))
    dropped, added = before - set(story.terms), set(story.terms) - before
    if dropped:
        execute(session, _DROP_TERMS, {"story": story.id, "terms": sorted(dropped)})
    if added:
        execute(session, _ADD_TERMS, [{"story_id": story.id, "term": term} for term in sorted(added)])


def assign_story(session: Session, source: Source, terms: Terms, counts: ProfileCounts | None = None) -> Story:
    """Put the (flushed) source in the best matching story, or in a new one; return it (*counts*: the
    article's `profile_counts`, when already read)."""
    profile = article_profile(session, source.text, terms, source.title, counts)
    day = _day(source.published)
    story = best_story(session, profile, day)
    if story is None:
        story = Story()
        session.add(story)
        session.flush()
    elif session.get_bind().dialect.name != "sqlite":  # another writer may be adding to it too: take its row first
        session.refresh(story, with_for_update=True)  # (SQLite: this transaction holds the store's write lock)
    _joined(session, story, profile, day)
    story.label = _label(session, story)
    source.story_id = story.id
    session.add(source)
    session.flush()
    return story


def backfill(session: Session, terms: Terms) -> int:
    """For a store from before stories: count the word weights if nothing is counted, then put every
    source without a story into one, in id order. Returns how many sources it placed."""
    claims = session.exec(select(func.count()).select_from(Claim)).one()
    if claims and not counted_claims(session):
        recount(session, session.exec(select(Claim.text)).all(), terms)
    placed = 0
    for source in session.exec(select(Source).where(col(Source.story_id).is_(None)).order_by(col(Source.id))).all():
        assign_story(session, source, terms)
        placed += 1
    return placed


# ----------------------------------------------------------------------------- the finder's hooks

@dataclass(frozen=True)
class StoryMap:
    """source id -> story id, for the sources of the claims compared."""

    stories: dict[int, int | None]

    def same_story(self, a: ClaimFacts, b: ClaimFacts) -> bool:
        """One article, or two articles of one story. A source not placed yet (a store from before
        stories, until `contradictions --rescan` places it) is compared as before stories."""
        if a.source_id == b.source_id:
            return True
        story, other = self.stories.get(a.source_id), self.stories.get(b.source_id)
        return story is None or other is None or story == other


def story_map(session: Session, source_ids: Iterable[int] | None = None) -> StoryMap:
    rows = fetch(session, _PLACES) if source_ids is None else fetch_in(session, _PLACES_OF, "sources", source_ids)
    return StoryMap({source_id: story_id for source_id, story_id in rows if source_id is not None})


_SOURCES = Source.__table__  # type: ignore[attr-defined]
_PLACES = select(_SOURCES.c.id, _SOURCES.c.story_id)
_PLACES_OF = _PLACES.where(_SOURCES.c.id.in_(ids("sources")))


def within_stories(session: Session, leads: dict[int, list[int]],
                   known: dict[int, ClaimFacts]) -> dict[int, list[int]]:
    """The finder's leads (claim -> candidate claims) kept to one article or one story."""
    stories = story_map(session, {facts.source_id for facts in known.values()})
    return {claim_id: [other for other in candidates if other in known
                       and stories.same_story(known[claim_id], known[other])]
            for claim_id, candidates in leads.items() if claim_id in known}


def story_claim_ids(session: Session, source_ids: Iterable[int], limit: int) -> list[int] | None:
    """The claims of the stories these sources belong to (their own included), the latest *limit*;
    None when a source of the store has no story yet (a store from before stories, until `contradictions
    --rescan` places them: its claims are compared as before stories)."""
    wanted = sorted(set(source_ids))
    if not wanted or fetch(session, _UNPLACED):
        return None
    stories = sorted({story for _, story in fetch_in(session, _PLACES_OF, "sources", wanted) if story is not None})
    return [claim_id for (claim_id,) in fetch(session, _STORY_CLAIMS, stories=stories, limit=limit)]


_UNPLACED = select(_SOURCES.c.id).where(_SOURCES.c.story_id.is_(None)).limit(1)
_CLAIMS = Claim.__table__  # type: ignore[attr-defined]
_STORY_CLAIMS = (select(_CLAIMS.c.id).join(_SOURCES, _SOURCES.c.id == _CLAIMS.c.source_id)
                 .where(_SOURCES.c.story_id.in_(ids("stories"))).order_by(_CLAIMS.c.id.desc())
                 .limit(bindparam("limit")))


def pairs_within_stories(session: Session, facts: dict[int, ClaimFacts],
                         pairs: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The full pass's candidate pairs kept to one article or one story."""
    stories = story_map(session)
    for a, b in pairs:
        if stories.same_story(facts[a], facts[b]):
            yield a, b
