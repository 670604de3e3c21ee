"""What a claim is about: lemmatised content words, entities, numbers and negations (pure functions).

`claim_topic(text, terms)` turns a claim's words into a `Topic`: the matter keys it is matched on
(lemmas, with related terms folded into their group: "troops", "deployment" and "tanks" are all the
matter "forces"), the entities it names (demonyms and capitals folded into the entity: "Serbian"
and "Belgrade" are Serbia), its quantities, and which words sit under a negation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

import simplemma

from claimtrack.contradictions.lemmas import lemma
from claimtrack.contradictions.lexicon import (
    APPROXIMATE,
    CHANGE_VERBS,
    CONTRACTED_STEMS,
    DEFAULT_ENTITIES,
    FIRST_PERSON,
    MULTIPLIERS,
    NAME_FILLERS,
    NEGATORS,
    NUMBER_WORDS,
    PERCENT_WORDS,
    SCOPE_BREAKS,
    SHARE_WORDS,
    STOPWORDS,
    TIME_UNITS,
)
from claimtrack.contradictions.terms import Terms

# A negation reaches over at most this many words, and stops at a clause break (a scope break or punctuation).
NEGATION_REACH = 6

# "his country's forces": the speaker's own side, named indirectly.
OWN_SIDE = re.compile(r"\b(?:his|her|their)\s+(?:country|government|nation|party|side|company)\b",
                      re.IGNORECASE)
# A denial aimed at what others said: "rejected claims that ...", "dismissed reports of ...".
CLAIM_NOUNS = re.compile(
    r"^\W*(?:(?:the|these|those|such)\s+)?(?:\w+(?:'s|’s)\s+)?(?:claims?|reports?|allegations?|accusations?|"
    r"assertions?|suggestions?|rumou?rs?|speculation|statements?|charges?|untruths?|lies)\b",
    re.IGNORECASE)

# "We are calling on Serbia to withdraw ...": the claim asks for something, it says nothing is so.
DIRECTIVE = re.compile(r"^\W*(?:\w+\s+){0,3}(?:call(?:s|ed|ing)?\s+(?:on|for|upon)|urg(?:e|es|ed|ing)|"
                       r"demand(?:s|ed|ing)?|appeal(?:s|ed|ing)?\s+(?:to|for)|ask(?:s|ed|ing)?\s+\w+\s+to)\b",
                       re.IGNORECASE)

TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|\d+(?:\.\d+)?%?|(?:[A-Z]\.){2,}|[A-Za-z]+(?:[’'\-][A-Za-z]+)*"
                   r"|[.,;:!?()]")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in a claim with what it counts: "20 vehicles", "half the troops", "40%"."""

    value: float
    kind: str  # "count", "share" (half, a third) or "percent"
    units: frozenset[str]  # matter keys of the words it counts
    approximate: bool
    text: str  # the words as written, for the reason
    changed: bool = False  # a new value ("had increased to 11,000"): later news, not a conflict


@dataclass(frozen=True, slots=True)
class Topic:
    """What one claim is about, as plain values."""

    keys: frozenset[str]  # matter keys: a group name for a related term, else the lemma
    seen: tuple[tuple[str, str], ...]  # (key, word as written, lower-case) for every matter word, for reasons
    lemmas: frozenset[str]  # every content lemma and phrase (antonyms are checked on these)
    entities: frozenset[str]  # entities named in the words, lower-case
    negated: frozenset[str]  # keys and lemmas under a negation
    negations: tuple[str, ...]  # the negated words as written ("don't even have half")
    quantities: tuple[Quantity, ...]
    first_person: bool  # speaks of "we", "our", "his country": the speaker's own side is an entity
    about_claims: bool  # aims at claims ("rejected claims that ...")
    directive: bool = False  # a call on someone to act ("We are calling on Serbia to withdraw"), not a fact

    def words_for(self, key: str) -> list[str]:
        return [word for k, word in self.seen if k == key]


class _Token(NamedTuple):  # a tuple: a claim has dozens, made for every sentence of every article
    surface: str
    start: int
    end: int
    word: str  # lower-case, possessive dropped; "n't" for a contracted negation; "" for punctuation
    capital: bool
    sentence_start: bool


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    sentence_start = True
    for match in TOKEN.finditer(text):
        surface = match.group()
        start, end = match.span()
        if surface in ".;:!?":
            out.append(_Token(surface, start, end, "", False, False))
            sentence_start = surface != ";" and surface != ":"
            continue
        if surface in ",()":
            out.append(_Token(surface, start, end, "", False, False))
            continue
        word = surface
        lower = word.lower().replace("’", "'")
        if lower.endswith("n't"):  # don't -> do + n't; can't -> can; won't -> will
            base = CONTRACTED_STEMS.get(lower[:-3], lower[:-3])
            out.append(_Token(surface, start, end, base, False, sentence_start))
            out.append(_Token(surface, start, end, "n't", False, False))
            sentence_start = False
            continue
        if lower.endswith("'s"):
            lower, word = lower[:-2], word[:-2]
        capital = word[:1].isupper()
        if "-" in lower and not capital:
            # "build-up" -> build up, "military-grade" -> military grade: the parts are matched as phrases
            for part in lower.split("-"):
                if part:
                    out.append(_Token(surface, start, end, part, False, sentence_start))
                    sentence_start = False
            continue
        if "-" in word and capital:  # "US-led": the name, then the rest
            head, _, rest = word.partition("-")
            out.append(_Token(head, start, start + len(head), head.lower(), True, sentence_start))
            out.append(_Token(surface, start, end, rest.lower(), False, False))
            sentence_start = False
            continue
        out.append(_Token(surface, start, end, lower, capital, sentence_start))
        sentence_start = False
    return out


def entity_key(name: str, terms: Terms) -> str | None:
    """The entity a capitalised name stands for, lower-case ("Serbian" -> "serbia"), or None."""
    lower = name.lower().replace("’", "'")
    if lower.endswith("'s"):
        lower = lower[:-2]
    if lower in terms.entities:
        return terms.entities[lower].lower()
    if lower in NAME_FILLERS or len(lower) < 2:
        return None
    if lower.endswith("ian") and len(lower) > 5:  # Serbian -> serbia, Albanian -> albania
        return lower[:-1]
    return lower


def _known_entity(lower: str, terms: Terms) -> bool:
    return lower in terms.entities or lower in _ENTITY_VALUES or not simplemma.is_known(lower, lang="en")


_ENTITY_VALUES = frozenset(v.lower() for v in DEFAULT_ENTITIES.values())


def speaker_entities(names: list[str], terms: Terms) -> frozenset[str]:
    """Entities that stand for a speaker: every name token of its name, aliases and affiliation."""
    found: set[str] = set()
    for name in names:
        if not name:
            continue
        found |= _entities_in(_tokens(name), terms, names_only=True)
    return frozenset(found)


def _entities_in(tokens: list[_Token], terms: Terms, *, names_only: bool = False) -> set[str]:
    found: set[str] = set()
    run: list[_Token] = []

    def flush() -> None:
        if not run:
            return
        whole = " ".join(t.word for t in run)
        if len(run) > 1 and whole in terms.entities:
            found.add(terms.entities[whole].lower())
        elif len(run) > 1 and whole in _ENTITY_VALUES:
            found.add(whole)
        else:
            for token in run:
                key = entity_key(token.word, terms)
                if key:
                    found.add(key)
        run.clear()

    for token in tokens:
        lower = token.word
        is_name = token.capital and lower not in NAME_FILLERS and (
            names_only or not token.sentence_start or _known_entity(lower, terms))
        if is_name:
            run.append(token)
        else:
            flush()
    flush()
    return found


@dataclass(frozen=True, slots=True)
class TopicTerms:
    """What a text is about, without its numbers, negations and the like: the part of a `Topic` that
    places an article in a story (`stories.profile_counts`), read for every sentence of every article."""

    keys: frozenset[str]
    seen: tuple[tuple[str, str], ...]
    entities: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Reading:
    tokens: list[_Token]
    entities: set[str]
    words: list[_Token]  # the tokens that are words, names taken as entities left out
    merged: list[_Item]
    seen: list[tuple[str, str]]
    content: set[str]


def _read(text: str, terms: Terms) -> _Reading:
    tokens = _tokens(text)
    entities = _entities_in(tokens, terms)
    names = _names_lower(tokens, terms)
    words = [t for t in tokens if t.word and not (t.capital and t.word in names)]
    lemmas = [lemma(t.word) if t.word != "n't" else "n't" for t in words]
    merged = _merge_phrases(lemmas, terms)
    seen, content = _matter_words(text, words, merged, terms)
    return _Reading(tokens, entities, words, merged, seen, content)


def topic_terms(text: str, terms: Terms) -> TopicTerms:
    """The matter keys and entities of *text* (as `claim_topic` reads them)."""
    reading = _read(text, terms)
    return TopicTerms(keys=frozenset(k for k, _ in reading.seen), seen=tuple(reading.seen),
                      entities=frozenset(reading.entities))


def claim_topic(text: str, terms: Terms) -> Topic:
    """What the claim *text* is about (see the module docstring)."""
    reading = _read(text, terms)
    words, merged, seen = reading.words, reading.merged, reading.seen
    negated, negations = _negations(text, words, merged, terms)
    lowered = text.lower()
    # "US" is a country, "us" and "I" are the speaker.
    pronouns = {t.word for t in reading.tokens if not (t.surface.isupper() and len(t.surface) > 1)}
    first_person = bool(FIRST_PERSON & pronouns) or bool(OWN_SIDE.search(text))
    return Topic(keys=frozenset(k for k, _ in seen), seen=tuple(seen), lemmas=frozenset(reading.content),
                 entities=frozenset(reading.entities), negated=negated, negations=negations,
                 quantities=tuple(_quantities(text, words, merged, terms)), first_person=first_person,
                 about_claims=bool(CLAIM_NOUNS.search(lowered.lstrip("\"“ "))),
                 directive=bool(DIRECTIVE.search(text)))


def _names_lower(tokens: list[_Token], terms: Terms) -> frozenset[str]:
    """The lower-case forms of the words taken as names (kept out of the matter words)."""
    return frozenset(t.word for t in tokens if t.capital and t.word not in NAME_FILLERS and (
        not t.sentence_start or _known_entity(t.word, terms)))


# One item of a claim's merged words: (lemma or phrase, index into its words, words taken).
_Item = tuple[str, int, int]


def _merge_phrases(lemmas: list[str], terms: Terms) -> list[_Item]:
    """The lemmas with each multi-word term ("combat readiness", "pull back", "build up") made one."""
    phrases, heads = terms.phrases, terms.phrase_heads
    merged: list[_Item] = []
    i = 0
    while i < len(lemmas):
        # only a phrase's first word can start one
        size = next((size for size in (3, 2) if lemmas[i] in heads and i + size <= len(lemmas)
                     and " ".join(lemmas[i:i + size]) in phrases), 1)
        merged.append((" ".join(lemmas[i:i + size]) if size > 1 else lemmas[i], i, size))
        i += size
    return merged


def _matter_words(text: str, words: list[_Token], merged: list[_Item],
                  terms: Terms) -> tuple[list[tuple[str, str]], set[str]]:
    """The content words: (matter key, words as written) for each, and their lemmas and phrases."""
    seen: list[tuple[str, str]] = []
    content: set[str] = set()
    for item, index, size in merged:
        if item in STOPWORDS or item == "n't" or len(item) < 3 or item[0].isdigit():
            continue
        key = terms.related.get(item, item)
        content.add(item)
        seen.append((key, text[words[index].start:words[index + size - 1].end].lower()))
    return seen, content


def _negations(text: str, words: list[_Token], merged: list[_Item],
               terms: Terms) -> tuple[frozenset[str], tuple[str, ...]]:
    negated: set[str] = set()
    snippets: list[str] = []
    for position, (item, index, _) in enumerate(merged):
        if item not in NEGATORS:
            continue
        previous_end = words[index].end
        shown_end = previous_end  # the snippet shows the negation and up to three words after it
        for reach, (follower, follower_index, _) in enumerate(merged[position + 1:], start=1):
            token = words[follower_index]
            if _breaks(text[previous_end:token.start]) or follower in SCOPE_BREAKS or follower in NEGATORS:
                break
            if reach > NEGATION_REACH:
                break
            negated.add(follower)
            negated.add(terms.related.get(follower, follower))
            previous_end = token.end
            if reach <= 3:
                shown_end = token.end
        start = words[index].start
        snippet = text[start:shown_end].strip()
        if snippet:
            snippets.append(snippet)
    return frozenset(negated), tuple(snippets)


def _breaks(between: str) -> bool:
    return any(mark in between for mark in ",;:.!?()")


def _number_value(word: str) -> float | None:
    cleaned = word.replace(",", "").rstrip("%")
    try:
        return float(cleaned)
    except ValueError:
        return NUMBER_WORDS.get(word)


def _quantities(text: str, words: list[_Token], merged: list[_Item], terms: Terms) -> list[Quantity]:
    found: list[Quantity] = []
    for position in range(len(merged)):
        quantity = _quantity_at(position, text, words, merged, terms)
        if quantity is not None:
            found.append(quantity)
    return found


def _quantity_at(position: int, text: str, words: list[_Token], merged: list[_Item],
                 terms: Terms) -> Quantity | None:
    """The quantity whose number is the item at *position*; None for no number, or one that says nothing
    comparable."""
    number = words[merged[position][1]]
    if not (number.word[:1].isdigit() or number.word in SHARE_WORDS or number.word in NUMBER_WORDS):
        return None  # most words: no number (read before the costlier `_number_read`)
    read = _number_read(number)
    if read is None:
        return None
    following = merged[position + 1:position + 5]
    value, kind, taken = _scaled(*read, number.surface, following)
    units, end = _counted_after(text, words, following[taken:], number, terms)
    # "turnout reached 61 percent", "troops had increased to 11,000": what is measured comes before.
    if kind == "percent" or (not units and kind == "count" and number.surface[0].isdigit()):
        units = _measured_before(text, words, merged[max(0, position - 8):position], number, terms)
        if kind == "percent" and text[number.end:number.end + 8].lower() == " percent":
            end = number.end + 8
    if _says_nothing_comparable(value, kind, units, number.surface):
        return None
    nearby = {w for w, _, _ in merged[max(0, position - 2):position]}
    lead_in = [w for w, _, _ in merged[max(0, position - 3):position]]
    changed = "to" in lead_in and bool(set(lead_in) & CHANGE_VERBS)
    return Quantity(value=value, kind=kind, units=frozenset(units), approximate=bool(nearby & APPROXIMATE),
                    text=text[number.start:end], changed=changed)


def _number_read(token: _Token) -> tuple[float, str] | None:
    """The value of a number word or figure, with its kind: "share" (half, a third) or "count"."""
    share = SHARE_WORDS.get(token.word)
    if share is not None:
        return share, "share"
    value = _number_value(token.word if not token.surface[0].isdigit() else token.surface)
    return None if value is None else (value, "count")


def _scaled(value: float, kind: str, surface: str, following: list[_Item]) -> tuple[float, str, int]:
    """A percentage ("40%", "40 percent"), or the number times the word after it ("2 million"); with how
    many of the following words that took."""
    if surface.endswith("%") or (following and following[0][0] in PERCENT_WORDS):
        return value, "percent", 0
    if following and following[0][0] in MULTIPLIERS:
        return value * MULTIPLIERS[following[0][0]], kind, 1
    return value, kind, 0


def _counted_after(text: str, words: list[_Token], followers: list[_Item], number: _Token,
                   terms: Terms) -> tuple[set[str], int]:
    """What the number counts, read after it ("20 armoured vehicles"): the matter keys, and where they end."""
    units: set[str] = set()
    end = number.end
    previous_end = number.end
    for follower, follower_index, _ in followers:
        if _breaks(text[previous_end:words[follower_index].start]):
            break
        previous_end = words[follower_index].end
        if follower in TIME_UNITS:
            units.add("time")
            break
        if follower in STOPWORDS:
            if units:
                break  # the counted noun is the run of words right after the number
            continue
        if follower[0].isdigit() or follower in NUMBER_WORDS:
            break
        units.add(terms.related.get(follower, follower))
        end = words[follower_index].end
        if len(units) == 2:
            break
    return units, end


def _measured_before(text: str, words: list[_Token], preceding: list[_Item], number: _Token,
                     terms: Terms) -> set[str]:
    """What the number measures, read back to the clause's start ("turnout reached 61 percent")."""
    units: set[str] = set()
    for before, before_index, _ in reversed(preceding):
        if _breaks(text[words[before_index].end:number.start]):
            break
        if before not in STOPWORDS and before not in NEGATORS and not before[0].isdigit():
            units.add(terms.related.get(before, before))
    return units


def _says_nothing_comparable(value: float, kind: str, units: set[str], surface: str) -> bool:
    """Years, times and bare numbers say nothing comparable."""
    is_year = kind == "count" and re.fullmatch(r"(?:19|20)\d\d", surface) is not None
    return not units or "time" in units or is_year or (kind == "count" and not surface[0].isdigit() and value < 2)
