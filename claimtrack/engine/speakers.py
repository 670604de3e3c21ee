"""Speaker mentions: finding the speaker's noun phrase and splitting titles.

Mentions are found by scanning away from the cue (no parser): the subject to the left of
"said", or the noun phrase after an inverted "said" / "according to". A title is split into
name, role and affiliation ("White House National Security Council spokesman John Kirby").
Resolution of mentions to entities (surnames, pronouns, roles) is in coreference.py.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from claimtrack.engine import lexicon as lx
from claimtrack.engine.cues import FORMS
from claimtrack.engine.text import Token
from claimtrack.vocabulary import SpeakerKind

MAX_NP = 14  # the longest noun phrase a speaker scan collects, in tokens
MAX_INSERTED_ADVERB = 3  # words of ", for their part," between a subject and its cue
MAX_NAME_WORDS = 4  # "Bill de Blasio", "Martin Luther King Jr"; longer capitalised runs are headlines


@dataclass(frozen=True, slots=True)
class Mention:
    first: int  # token indices [first, last)
    last: int
    start: int  # character offsets
    end: int
    text: str
    kind: str  # "pronoun", "relative", "name", "nominal"
    # An apposition after a name ("Mary Brown, the minister of sport,"): split into role and
    # affiliation by the resolver (split_apposition); not part of the mention's span.
    apposition: str | None = None


@dataclass
class Entity:
    name: str
    kind: SpeakerKind = SpeakerKind.UNKNOWN
    role: str | None = None
    affiliation: str | None = None
    gender: str | None = None  # "m", "f" or None
    aliases: list[str] = field(default_factory=list)


def restrictive_relative(text: str, m: Mention) -> bool:
    """"a union leader who said ...": a relative pronoun with no comma before it (someone the sentence
    names in passing, who does not take the floor)."""
    if m.kind != "relative":
        return False
    i = m.start
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i == 0 or text[i - 1] != ","


def _strip_possessive(w: str) -> str:
    """"Serbia's" -> "Serbia", "players'" -> "players"."""
    if w.endswith(("'s", "’s")):
        return w[:-2]
    if w.endswith(("s'", "s’")):
        return w[:-1]
    return w


def _verbish(low: str) -> bool:
    return low in lx.AUXILIARIES or low in FORMS or low in lx.CLAUSE_BOUNDARIES


def _mention(toks: list[Token], a: int, b: int, kind: str, text: str) -> Mention:
    return Mention(a, b, toks[a].start, toks[b - 1].end, text[toks[a].start:toks[b - 1].end], kind)


def skip_left_adjuncts(toks: list[Token], k: int) -> int:
    """Step left over "on Thursday evening", "Friday", "in 2010" before a cue, and over a comma-enclosed
    sentence adverb ("The two lawmakers, however, argue", "Officials, for their part, said")."""
    while k > 0:
        t = toks[k - 1]
        if t.text == "," and t.kind == "p":
            j = k - 2
            while j > 0 and k - 2 - j < MAX_INSERTED_ADVERB and toks[j].kind == "w" and toks[j].low not in lx.DAYS:
                j -= 1
            words = " ".join(x.low for x in toks[j + 1:k - 1])
            if j > 0 and toks[j].kind == "p" and toks[j].text == "," and words in lx.INSERTED_ADVERBS:
                k = j
                continue
            break
        if t.kind == "w" and t.low in lx.DAYS:
            k -= 1
            while k > 0 and toks[k - 1].kind == "w" and toks[k - 1].low in lx.TIME_WORDS:
                k -= 1
            continue
        if k > 1 and _YEAR.fullmatch(t.text) and toks[k - 2].low in ("in", "since"):
            k -= 2  # "who in 2010 said"
            continue
        break
    return k


_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def subject_left(toks: list[Token], k: int, floor: int, text: str, depth: int = 0) -> Mention | None:
    """The subject noun phrase ending just before token *k* (the cue group start)."""
    k = skip_left_adjuncts(toks, k)
    if k <= floor:
        return None
    t = toks[k - 1]
    if t.kind == "p" and t.text == ",":
        return _subject_before_insertion(toks, k, floor, text, depth) if k - 1 > floor else None
    if t.kind == "p" and t.text == ")":
        return _subject_with_parenthesis(toks, k, floor, text, depth)
    if t.kind != "w":
        return None
    pronoun = _pronoun_subject(toks, k, text)
    if pronoun is not None:
        return pronoun
    a = _noun_phrase_start(toks, k, floor)
    if a >= k:
        return None
    if not _valid_head(toks, a, k) and not _after_quote(toks, a) and not _trailing_noun_phrase(toks, a, k, floor):
        return _subject_before_adjunct(toks, a, k, floor, text)
    return _mention(toks, a, k, _np_kind(toks[k - 1]), text)


def _np_kind(head: Token) -> str:
    return "name" if head.capitalised else "nominal"


def _subject_before_insertion(toks: list[Token], k: int, floor: int, text: str, depth: int) -> Mention | None:
    """"Vucic, the Serbian president, said" / "X, who ..., said": skip one comma-enclosed
    apposition or relative clause (toks[k - 1] is its closing comma) and take the noun phrase before it."""
    j = _insertion_comma(toks, k, floor)
    if j is None:
        return None
    first = toks[j + 1] if j + 1 < k - 1 else None
    if first is None or not (_opens_insertion(first) or _opens_role_phrase(toks, j + 1, k - 1)):
        return None
    m = subject_left(toks, j, floor, text, depth + 1) if depth < 2 else None
    named = all(t.kind == "w" and t.capitalised for t in toks[j + 1:k - 1]) and first.low not in lx.DAYS
    # "the company's head of research, Tom Feld, said", "Amanda's uncle, Lewis Champion, told": the name
    if named and (m is None or m.kind == "nominal") and k - 1 - (j + 1) >= (1 if m else 2) \
            and toks[j - 1].kind == "w" and not toks[j - 1].capitalised:
        return _mention(toks, j + 1, k - 1, "name", text)
    if m is None or m.kind == "relative":
        return None
    if named and (m.kind == "nominal" or _office_alone(m.text)):
        # "Scottish Finance Minister, Tom McCabe MSP, said": the office is the name's apposition
        return replace(_mention(toks, j + 1, k - 1, "name", text), apposition=m.text if m.kind == "name" else None)
    if m.kind == "name" and m.last == j:
        return with_apposition(m, toks, j + 1, k - 1, text)
    return m


def _insertion_comma(toks: list[Token], k: int, floor: int) -> int | None:
    """The comma that opens the insertion closed by toks[k - 1], within 40 tokens and no other clause mark."""
    j = k - 2
    while j > floor and not (toks[j].kind == "p" and toks[j].text in ",;:") and toks[j].kind != "q" and k - j < 40:
        j -= 1
    return j if j > floor and toks[j].kind == "p" and toks[j].text == "," else None


def _opens_insertion(first: Token) -> bool:
    """An apposition, relative clause or adjunct starts with this word ("the", "who", "speaking", a name)."""
    return first.kind == "w" and (
        first.low in lx.INSERTION_OPENERS or first.low in lx.ROLE_NOUNS or first.capitalised
        or first.low in lx.DAYS or first.text[:1].isdigit()
    )


def _office_alone(surface: str) -> bool:
    """"Scottish Finance Minister", "Home Secretary": a capitalised office with no name in it."""
    title = parse_title(surface)
    return title.kind is SpeakerKind.PERSON and title.role is not None and title.name == surface


def _opens_role_phrase(toks: list[Token], a: int, b: int) -> bool:
    """An apposition naming a role or a place of work: "agent for Arundel Tories", "head of the
    unit", "of the Secondary Heads Association", "from the league", "representing the detainees"."""
    first = toks[a]
    if first.kind != "w" or first.capitalised:
        return False
    if first.low in ("of", "from") or (first.low.endswith("ing") and len(first.low) > 5):
        return True
    return a + 1 < b and toks[a + 1].kind == "w" and toks[a + 1].low in ("for", "of", "at", "to") \
        and first.low not in lx.DETERMINERS


def _subject_with_parenthesis(toks: list[Token], k: int, floor: int, text: str, depth: int) -> Mention | None:
    """"Sen. Lisa Grant (D-Ore.) said": step over the parenthesis, keep it in the mention."""
    j = k - 2
    while j > floor and k - j < 8 and not (toks[j].kind == "p" and toks[j].text == "("):
        j -= 1
    if not (j > floor and toks[j].text == "("):
        return None
    inner = subject_left(toks, j, floor, text, depth + 1) if depth < 2 else None
    if inner is not None and inner.kind in ("name", "nominal"):
        return _mention(toks, inner.first, k, inner.kind, text)
    return None


def _pronoun_subject(toks: list[Token], k: int, text: str) -> Mention | None:
    """The pronoun right before the cue ("he said", "who said", "he's predicting"), if it is one."""
    t = toks[k - 1]
    low = t.low
    if low in lx.SUBJECT_PRONOUNS:
        kind = "relative" if low in lx.RELATIVE_SUBJECT_PRONOUNS else "pronoun"
        return _mention(toks, k - 1, k, kind, text)
    if low.replace("’", "'") in lx.PRONOUN_AUXILIARY_CONTRACTIONS:
        # "he's predicting", "we've long urged": the mention is the pronoun without the glued auxiliary
        pronoun = re.split(r"['’]", t.text)[0]
        kind = "relative" if pronoun.lower() == "who" else "pronoun"
        return Mention(k - 1, k, t.start, t.start + len(pronoun), pronoun, kind)
    return None


def _noun_phrase_start(toks: list[Token], k: int, floor: int) -> int:
    """The first token of the noun phrase collected leftwards from *k*, less the connectors and
    sentence openers it cannot start with (*k* when there is none)."""
    a = k
    while a > floor and k - a < MAX_NP:
        w = toks[a - 1]
        if w.kind == "p":
            if w.text in "&-." and a - 1 > floor and toks[a - 2].kind == "w":
                a -= 1
                continue
            break
        if w.kind != "w":
            break
        # a capitalised word inside the sentence is a name, not a stop word ("Mary Will", "Theresa May")
        wl = w.low if not (w.capitalised and a - 1 > 0) else ""
        if any(stop(toks, a, floor, wl) for stop in LEFT_SUBJECT_STOPS):
            break
        a -= 1
    # Trim leading connectors ("of", "and") that cannot start a phrase, then a sentence-initial
    # conjunction or adverb glued on ("But", "And", "Meanwhile").
    a = _skip_words(toks, a, k, lx.LEADING_CONNECTORS)
    return _skip_words(toks, a, k, lx.SENTENCE_OPENERS)


def _skip_words(toks: list[Token], a: int, k: int, words: frozenset[str]) -> int:
    while a < k and toks[a].kind == "w" and toks[a].low in words:
        a += 1
    return a


# Why the word toks[a - 1] (lower-cased as *wl*, "" for a name) ends a subject scanned leftwards;
# each test is (toks, a, floor, wl) -> bool.
def _is_clause_boundary(toks: list[Token], a: int, floor: int, wl: str) -> bool:
    """"between what Trump says": a wh-word opens the clause whose subject speaks."""
    return (wl in lx.CLAUSE_BOUNDARIES and not _joins_two_speakers(toks, a, floor, wl)) or wl in lx.WH_CLAUSE_OPENERS


def _joins_two_speakers(toks: list[Token], a: int, floor: int, wl: str) -> bool:
    """"The president and his aides said": an "and" between two speaker nouns is inside the subject."""
    if not (wl == "and" and a - 1 > floor and toks[a - 2].kind == "w"):
        return False
    left = toks[a - 2]
    if not (left.capitalised or _head_noun(left.low) or left.low in lx.ENTOURAGE_NOUNS):
        return False
    right = toks[a]
    return right.capitalised or _head_noun(right.low) or right.low.endswith("s")


def _is_pronoun(toks: list[Token], a: int, floor: int, wl: str) -> bool:
    return wl in lx.SUBJECT_PRONOUNS or wl in lx.OBJECT_PRONOUNS


def _is_verb(toks: list[Token], a: int, floor: int, wl: str) -> bool:
    # A verb ends the subject, but after a determiner or a possessive it is a noun
    # ("the minister's thinking", "the claims").
    w = toks[a - 1]
    if w.capitalised or not _verbish(wl) or wl in lx.NOUN_PHRASE_CONNECTORS:
        return False
    noun_slot = a - 2 >= floor and toks[a - 2].kind == "w" and (
        toks[a - 2].low in lx.DETERMINERS or toks[a - 2].low.endswith(("'s", "’s")))
    return not (noun_slot and wl not in lx.AUXILIARIES)


def _is_past_participle(toks: list[Token], a: int, floor: int, wl: str) -> bool:
    # "the retired neurosurgeon": a participle right after a determiner is an adjective
    w = toks[a - 1]
    if w.capitalised or not wl.endswith("ed") or wl in lx.SPEAKER_NOUNS or wl in lx.ROLE_NOUNS:
        return False
    return not (a - 2 >= floor and toks[a - 2].kind == "w" and toks[a - 2].low in lx.DETERMINERS)


def _is_say_word(toks: list[Token], a: int, floor: int, wl: str) -> bool:
    return wl in lx.SAID_OR_SAYS


def _is_irregular_past(toks: list[Token], a: int, floor: int, wl: str) -> bool:
    """"Clinton spoke out Tuesday about ..., arguing": a past verb ends the subject ("the left" is a noun)."""
    if wl not in lx.PAST_ONLY:
        return False
    return not (a - 2 >= floor and toks[a - 2].kind == "w" and toks[a - 2].low in lx.DETERMINERS)


LEFT_SUBJECT_STOPS: tuple[Callable[[list[Token], int, int, str], bool], ...] = (
    _is_clause_boundary, _is_pronoun, _is_verb, _is_past_participle, _is_say_word, _is_irregular_past,
)


def _trailing_noun_phrase(toks: list[Token], a: int, k: int, floor: int) -> bool:
    """'"...," a spokesman said': a short noun phrase right after a comma."""
    return (a > floor and toks[a - 1].kind == "p" and toks[a - 1].text == ","
            and toks[a].low in lx.TRAILING_NP_DETERMINERS and k - a <= 5)


def _subject_before_adjunct(toks: list[Token], a: int, k: int, floor: int, text: str) -> Mention | None:
    """The subject when toks[a:k] has no head noun of a speaker."""
    # "Lee at the time said", "The mayor on local radio said": a closing prepositional
    # phrase is an adjunct of the cue, the subject is the noun phrase before it
    for p in range(a + 1, k - 1):
        if toks[p].low in lx.SUBJECT_ADJUNCT_PREPOSITIONS and (_valid_head(toks, a, p) or (
                p - a <= 3 and toks[a].low in lx.SHORT_NP_DETERMINERS)):
            return _mention(toks, a, p, _np_kind(toks[p - 1]), text)
    if k - a <= 3 and toks[a].low in lx.SHORT_NP_DETERMINERS and (
            a == floor or toks[a - 1].kind == "p" or toks[a - 1].low in lx.CLAUSE_BOUNDARIES):
        return _mention(toks, a, k, "nominal", text)  # "The leaflet says", "This ad claims"
    # Keep the trailing capitalised run when the rest does not look like a noun phrase.
    b = k
    while b > a and toks[b - 1].kind == "w" and toks[b - 1].capitalised:
        b -= 1
    if b == k:
        return None
    return _mention(toks, b, k, "name", text)


def _after_quote(toks: list[Token], a: int) -> bool:
    """The phrase right after '"...,"' (before or after its cue) is the speaker, whatever its head."""
    k = a - 1
    while k >= 0 and toks[k].kind == "p" and toks[k].text in ",":
        k -= 1
    if k >= 0 and toks[k].kind == "w" and toks[k].low in lx.QUOTE_TAG_VERBS:
        k -= 1
        while k >= 0 and toks[k].kind == "p" and toks[k].text in ",":
            k -= 1
    return k >= 0 and toks[k].kind == "q"


def _valid_head(toks: list[Token], a: int, b: int) -> bool:
    words = [t for t in toks[a:b] if t.kind == "w"]
    if not words:
        return False
    last = words[-1]
    if last.capitalised:
        return True
    base = _strip_possessive(last.low)
    if _head_noun(base):
        return True
    # "A person familiar with the planning", "Iowa biofuels advocates", "a study by economists"
    first = words[0]
    if first.low not in lx.CLAUSE_BOUNDARIES and any(
        (w.capitalised and w is not first) or _head_noun(_strip_possessive(w.low)) for w in words
    ) and (first.capitalised or first.low in lx.DETERMINERS or _head_noun(first.low) or first.low[:1].isdigit()):
        return True
    # "a member of a major ... party": the head is the noun before "of"
    return any(w.low == "of" and idx > 0 and _head_noun(words[idx - 1].low) for idx, w in enumerate(words))


def _head_noun(low: str) -> bool:
    if low in lx.SPEAKER_NOUNS or low in lx.ROLE_NOUNS or low in lx.GROUP_NOUNS or low in lx.ORG_HEADS:
        return True
    if low.endswith("s") and (low[:-1] in lx.SPEAKER_NOUNS or low[:-1] in lx.ROLE_NOUNS):
        return True
    return low.endswith("es") and low[:-2] in lx.SPEAKER_NOUNS


def subject_right(toks: list[Token], k: int, text: str, loose: bool = False) -> Mention | None:
    """The noun phrase starting at token *k* (after an inverted "said" or "according to")."""
    if k >= len(toks) or toks[k].kind != "w":
        return None
    t = toks[k]
    if not loose and not _may_open_speaker_phrase(toks, k):
        return None  # "said on the morning show": a preposition does not start a speaker
    if t.low in lx.PERSONAL_SUBJECT_PRONOUNS:
        return _mention(toks, k, k + 1, "pronoun", text)
    b = _noun_phrase_end(toks, k)
    if b == k:
        return None
    if not _valid_head(toks, k, b) and not _after_quote(toks, k - 1) and not (
        loose and toks[k].low in lx.DETERMINERS
    ):
        return None
    if toks[k].low in lx.NON_SOURCE_NOUNS:
        return None
    return _mention(toks, k, b, _np_kind(toks[b - 1]), text)


def _may_open_speaker_phrase(toks: list[Token], k: int) -> bool:
    t = toks[k]
    return t.capitalised or t.low in lx.DETERMINERS or t.low in lx.SUBJECT_PRONOUNS \
        or _head_noun(t.low) or t.low[:1].isdigit() or _after_quote(toks, k)


def _noun_phrase_end(toks: list[Token], k: int) -> int:
    """The end of the noun phrase collected rightwards from *k*, less trailing connectors."""
    n = len(toks)
    b = k
    while b < n and b - k < MAX_NP:
        w = toks[b]
        if w.kind == "p":
            if w.text in "&-./" and b + 1 < n and toks[b + 1].kind == "w" and b > k:
                b += 1
                continue
            break
        if w.kind != "w":
            break
        wl = w.low if not w.capitalised else ""  # "Mary Will", "Theresa May" are names
        if b > k and any(stop(toks, b, wl) for stop in RIGHT_SUBJECT_STOPS):
            break
        b += 1
    while b > k and toks[b - 1].kind == "w" and toks[b - 1].low in lx.NOUN_PHRASE_CONNECTORS:
        b -= 1
    return b


# Why the word toks[b] (lower-cased as *wl*, "" for a name) ends a subject scanned rightwards;
# each test is (toks, b, wl) -> bool.
def _opens_clause(toks: list[Token], b: int, wl: str) -> bool:
    return (wl in lx.CLAUSE_BOUNDARIES and wl != "and") or wl in lx.AUXILIARIES or wl in lx.WH_RELATIVES


def _is_verb_after(toks: list[Token], b: int, wl: str) -> bool:
    return not toks[b].capitalised and _verbish(wl) and wl not in lx.NOUN_PHRASE_CONNECTORS


def _is_past_tense(toks: list[Token], b: int, wl: str) -> bool:
    """"The airline cancelled", "Lee left the room": a past-tense verb ends the subject."""
    if toks[b].capitalised:
        return False
    if wl.endswith("ed") and wl not in lx.SPEAKER_NOUNS and toks[b - 1].low not in lx.DETERMINERS:
        return True
    return wl in lx.IRREGULAR_PAST


def _is_adverb_or_adjunct(toks: list[Token], b: int, wl: str) -> bool:
    """"The minister also referenced", "said Lee on Monday" (but "University at Buffalo")."""
    if not toks[b].capitalised and wl in lx.SUBJECT_ENDING_ADVERBS:
        return True
    if wl in lx.TIME_WORDS:
        return True
    return wl in lx.ADJUNCT_PREPOSITIONS and not (
        b + 1 < len(toks) and toks[b + 1].capitalised and wl in lx.NAME_PREPOSITIONS
    )


RIGHT_SUBJECT_STOPS: tuple[Callable[[list[Token], int, str], bool], ...] = (
    _opens_clause, _is_verb_after, _is_past_tense, _is_adverb_or_adjunct,
)


# --- Titles: name, role, affiliation -------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Title:
    name: str
    kind: SpeakerKind
    role: str | None
    affiliation: str | None
    gender: str | None
    honorific: str | None = None


def _clean(word: str) -> str:
    return word.strip(".,;:")


PARENTHESIS = re.compile(r"\s*\([^)]*\)")


@lru_cache(maxsize=16384)
def parse_title(surface: str) -> Title:
    """Split "White House National Security Council spokesman John Kirby" into its parts (a pure
    function of the words, kept for names met again: every article names its people many times)."""
    return _with_executive_body(surface, _parse_title(surface))


def _parse_title(surface: str) -> Title:
    surface = PARENTHESIS.sub("", surface).strip() or surface
    edge_words = [_clean(w).lower() for w in surface.split()]  # "9/11 widow Terry Strada": a woman
    words = trim_name_edges(surface.split())
    surface = " ".join(words) or surface
    body = words[1:] if words and words[0].lower() in lx.ARTICLES else words
    lows = [_clean(_strip_possessive(w)).lower() for w in body]
    whole = _whole_mention_form(surface, body, lows)
    if whole is not None:
        return whole
    post_nominal = None
    if len(body) > 2 and body[-1].isupper() and body[-1].lower() in lx.POST_NOMINALS and body[-2][:1].isupper():
        post_nominal = lx.POST_NOMINAL_ROLES.get(body[-1].lower())  # "Paul Boateng MP"
        body, lows = body[:-1], lows[:-1]
    # A lowercase head with "of": "a member of a major Kosovo Serb political party".
    i = lows.index("of") if "of" in lows else -1
    if i > 0 and not body[i - 1][:1].isupper():
        return _member_of(surface, body, lows, i)
    j = _name_run_start(body)
    joined = _name_after_link(body, lows, j)
    if joined is not None:
        return joined
    name_words, honorific = _name_and_honorific(body, j)
    pre_lows = lows[:j]
    role, affiliation = _role_and_affiliation(body[:j], pre_lows)
    if role is None and (_has_organization_head(body) or _organization_name(name_words)):
        return Title(_organization_words(body), SpeakerKind.ORGANIZATION, None, None, None)
    if not name_words:
        return _title_without_name(surface, body, lows, role, affiliation)
    return _person_title(name_words, honorific, role or post_nominal, affiliation, pre_lows or edge_words)


def _name_after_link(body: list[str], lows: list[str], j: int) -> Title | None:
    """The title when the name run follows "and" or a preposition, else None: "Bush and Blair" and
    "Marks and Spencer" are two names or one firm's (never "Blair" of "Bush and"); "the senator from
    Vermont" a role with its affiliation; "Rep. Elijah Cummings of Maryland" a person and a place."""
    if 1 < j < len(body) and body[j - 1].lower() in ("and", "&") and body[j - 2][:1].isupper():
        return Title(" ".join(_clean(w) for w in body), SpeakerKind.UNKNOWN, None, None, None)
    if 0 < j < len(body) and body[j - 1].lower() in lx.AFFILIATION_PREPOSITIONS:
        person = _person_of_place(body, j)
        return person if person is not None else _role_with_affiliation(body, lows, j)
    return None


def _person_title(name_words: list[str], honorific: str | None, role: str | None, affiliation: str | None,
                  pre_lows: list[str]) -> Title:
    """A named person's title: the name run split, an office honorific as the role, the gender."""
    name_words, role, affiliation = _split_name_run(name_words, role, affiliation)
    if role is None and honorific in lx.OFFICE_HONORIFICS:
        role = lx.OFFICE_HONORIFICS[honorific]  # "Sen. Ted Cruz": "the senator" later in the article
    gender = lx.HONORIFICS.get(honorific) if honorific else None
    if gender is None:
        gender = _gender_of_words(pre_lows) or first_name_gender(name_words[0])
    return Title(" ".join(name_words), SpeakerKind.PERSON, role, affiliation, gender, honorific)


def _person_of_place(body: list[str], j: int) -> Title | None:
    """"Rep. Elijah Cummings of Maryland", "Ann Orr from Leeds": a named person, then where they are
    from (the affiliation); None unless the words before the preposition end in a person's name."""
    if body[j - 1].lower() not in ("of", "from") or j < 3 or not all(w[:1].isupper() for w in body[j - 3:j - 1]):
        return None
    person = _parse_title(" ".join(body[:j - 1]))
    if person.kind is not SpeakerKind.PERSON or person.name[:1].islower():
        return None
    place = " ".join(_clean(w) for w in body[j:])
    return replace(person, affiliation=person.affiliation or place)


def _organization_words(body: list[str]) -> str:
    """An organisation's name, less the adjectives before it ("nonpartisan Congressional Budget Office")
    and the host after " at the " ("Tax Policy Center at the Urban Institute")."""
    words = [_clean(_strip_possessive(w)) for w in body]
    first = next((i for i, w in enumerate(words) if w[:1].isupper() or w[:1].isdigit()), 0)
    words = words[first:]
    for i in range(1, len(words) - 1):
        if words[i] == "at" and words[i + 1].lower() == "the":
            return " ".join(words[:i])
    return " ".join(words)


def _executive_body(words: list[str]) -> tuple[int, int] | None:
    """(first word, the Executive) of a body named "... Executive" in *words* ("Health and Safety
    Executive"), or None when no capitalised Executive there names a body."""
    at = next((k for k, w in enumerate(words) if _strip_possessive(w) == "Executive" and k > 0
               and (words[k - 1][:1].isupper() or words[k - 1].lower() in lx.ARTICLES)
               and words[k - 1].lower().rstrip(".") not in lx.ROLE_NOUNS | lx.HONORIFICS.keys()), None)
    if at is None:
        return None
    first = at
    while first > 0 and words[first - 1].lower() not in lx.ARTICLES and (words[first - 1][:1].isupper() or (
            words[first - 1].lower() in ("and", "&", "of") and first > 1 and words[first - 2][:1].isupper())):
        first -= 1
    return first, at


def _with_executive_body(surface: str, title: Title) -> Title:
    """*title* read again where "Executive" names a body, not a role: "the Scottish Executive", "a
    spokesman for the Health and Safety Executive", "Scottish Executive spokesman Jim Hart". A
    capitalised Executive after a capitalised word that is no role ("Chief Executive") is a body."""
    words = [_clean(w) for w in surface.split()]
    span = _executive_body(words)
    if span is None:
        return title
    first, at = span
    body = " ".join([*words[first:at], _strip_possessive(words[at])])
    role_words = [w for w in (title.role or "").split() if _strip_possessive(w) != "Executive"]
    if title.kind is SpeakerKind.PERSON and title.name != surface:  # a named person: "... Executive's Andy Kerr"
        return Title(title.name, title.kind, " ".join(role_words) or None, body, title.gender, title.honorific)
    before = [w.lower() for w in words[:first]]
    role = " ".join(role_words) or next((w for w in reversed(before) if w in lx.ROLE_NOUNS), None)
    if role is None and all(w in lx.ARTICLES for w in before):
        return Title(body, SpeakerKind.ORGANIZATION, None, None, None)  # "the Scottish Executive"
    return Title(surface, SpeakerKind.PERSON if role else SpeakerKind.UNKNOWN, role, body, title.gender)


# --- A mention's edges and the parts of a capitalised name run (issue 12) --------------------------
def _whole_mention_form(surface: str, body: list[str], lows: list[str]) -> Title | None:
    """Mentions read as a whole, before any title split: "No 10", two people joined by "and", a group
    noun alone, "X of the Campaign for ..."; None for every other mention."""
    if surface.lower() in lx.DOWNING_STREET_FORMS:
        return Title("Downing Street", SpeakerKind.ORGANIZATION, None, None, None)
    if not body:
        return Title(surface, SpeakerKind.UNKNOWN, None, None, None)
    if _is_coordination(body) or (len(body) == 1 and lows[0] in lx.GROUP_NOUNS):
        # "Tony Blair and Gordon Brown": two speakers, never one's alias; "MPs", "Officials"
        return Title(surface, SpeakerKind.GROUP, None, None, None)
    return _name_of_body(body, lows)


def trim_name_edges(words: list[str]) -> list[str]:
    """*words* less the time and place adjuncts and the adverbs glued to a speaker mention's edges:
    "On Wednesday Mr Blair", "Thursday Mr Blair", "Speaking in Harrogate Mr Kennedy", "Mr Blair
    instead", "Mr Brown slaps". A newspaper's name keeps its day ("Sunday Times")."""
    while len(words) > 1:
        low = [_clean(w).lower() for w in words]
        if (low[0] in lx.DAYS or (low[0] in lx.MONTHS and low[0] != "may")) and words[1][:1].isupper() \
                and low[-1] not in lx.ORG_HEADS:
            words = words[1:]
        elif low[0] in lx.NAME_EDGE_OPENERS and words[1][:1].isupper():
            words = words[1:]  # "As Lord Woolf", "Both Culture Secretary Tessa Jowell"
        elif len(words) > 2 and low[0] in lx.TIME_ADJUNCT_OPENERS and (
                _strip_possessive(low[1]) in lx.DAYS or _strip_possessive(low[1]) in lx.MONTHS):
            words = words[2:]  # "On Wednesday Mr Blair", "Last April's report by ..."
        elif (cut := _adjunct_before_name(words, low)) is not None or (cut := _phrase_before_name(words)) is not None \
                or (cut := _adjunct_before_description(words, low)) is not None:
            words = words[cut:]
        else:
            break
    while len(words) > 1 and _glued_after_name(words):
        words = words[:-1]
    if len(words) > 1 and words[-1].endswith(("'s", "’s")) and words[-2][:1].isupper():
        words = [*words[:-1], _strip_possessive(words[-1])]  # "Tony Blair's": the owner, cut from his spokesman
    return words


_COURTESY_TITLES = frozenset("mr mrs ms miss dr sir dame lord lady".split())
# A name right after one of these belongs to what comes before ("a spokesman for Tony Blair").
_NAME_OWNERS = lx.AFFILIATION_PREPOSITIONS | frozenset("to by on about against behind and & or".split())


def _phrase_before_name(words: list[str]) -> int | None:
    """Where a person's name starts after a phrase glued before it by a subject scan ("During his 49
    minute speech Mr Brown", "development in poorer countries Gordon Brown", "senior Labour figure
    Robin Cook"). None when the words before are the person's title ("the Tory leader Michael
    Howard"), own the name ("a spokesman for Tony Blair") or are capitalised ("Former Gov Ed Rendell")."""
    h = next((i for i in range(len(words) - 2, 0, -1) if _clean(words[i]).lower() in _COURTESY_TITLES), None)
    if h is not None and _clean(words[h - 1]).lower() not in _NAME_OWNERS \
            and _strip_possessive(words[h - 1]) == words[h - 1] \
            and any(w[:1].islower() and w.lower() not in lx.ARTICLES for w in words[:h]):
        return h  # "On top of the relief deal with Tanzania Mr Brown"
    r = len(words)
    while r > 0 and words[r - 1][:1].isupper():
        r -= 1
    if r == 0 or r == len(words):
        return None
    before = _clean(words[r - 1]).lower()
    if before in _NAME_OWNERS or before in lx.ROLE_NOUNS or _strip_possessive(words[r - 1]) != words[r - 1]:
        return None
    if all(w.lower() in lx.ARTICLES_AND_POSSESSIVES for w in words[:r]):
        return None
    run = words[r:]
    person = any(_honorific_key(w) in lx.HONORIFICS for w in run[:-1]) or (
        len(run) >= 2 and _clean(run[0]).lower() in lx.MALE_NAMES | lx.FEMALE_NAMES)
    return r if person else None


def _adjunct_before_name(words: list[str], low: list[str]) -> int | None:
    """Where the name starts after an opening adjunct ("Speaking in Harrogate[,] Mr Kennedy"): after
    its comma, else at the first honorific. None when the mention opens with no such adjunct."""
    if not (low[0].endswith("ing") and words[0][:1].isupper() and low[1] in lx.NOUN_PHRASE_CONNECTORS):
        return None
    comma = next((i + 1 for i, w in enumerate(words[:-1]) if w.endswith(",")), None)
    if comma is not None:
        return comma
    return next((i for i in range(2, len(words) - 1) if _honorific_key(words[i]) in lx.HONORIFICS), None)


def _adjunct_before_description(words: list[str], low: list[str]) -> int | None:
    """Where a described speaker starts after words glued before it by a subject scan ("In its report on
    the council's work the committee", "However a spokesman", "750m the prime minister"): after a dash,
    or at the last article that no preposition owns, with nothing capitalised before it but the first
    word. None for
    "a member of the committee" (owned by "of") and "Tony Blair the prime minister" (a name first)."""
    dash = max((i for i, w in enumerate(words[:-2]) if w in ("-", "–", "—")), default=None)
    if dash is not None and low[dash + 1] in lx.ARTICLES:
        return dash + 1  # "by the House of Lords ruling - the home secretary"
    if low[0] in lx.ARTICLES:
        return None
    for i in range(len(low) - 2, 0, -1):
        if low[i] in lx.ARTICLES and low[i - 1] not in _NAME_OWNERS and low[i - 1] not in lx.ARTICLES:
            return i if not any(w[:1].isupper() for w in words[1:i]) else None
    return None


def _glued_after_name(words: list[str]) -> bool:
    """Is the last word an adverb, a day or a verb glued after a person's name ("Mr Blair instead")?"""
    last = _clean(words[-1])
    low = last.lower()
    if not words[-2][:1].isupper() or not last:
        return False
    if low in lx.NAME_TRAILING_ADVERBS or low in lx.DAYS:
        return True
    # Any other lower-case word after a person's name ("Mr Brown slaps"), where nouns such as
    # "spokesman" or "officials" after a name make a title ("Labour officials").
    person = _honorific_key(words[0]) in lx.HONORIFICS or first_name_gender(_clean(words[0])) is not None
    return person and last[:1].islower() and not _speaker_noun(low)


def _speaker_noun(low: str) -> bool:
    return (low in lx.SPEAKER_NOUNS or low in lx.ROLE_NOUNS or low in lx.GROUP_NOUNS or low in lx.ORG_HEADS
            or (low.endswith("s") and low[:-1] in lx.SPEAKER_NOUNS))


def _is_coordination(body: list[str]) -> bool:
    """Two named people joined by "and" ("Tony Blair and Gordon Brown", "Mr Blair and Mr Brown"); a
    company's "Marks and Spencer" has one word a side."""
    for i, word in enumerate(body[1:-1], start=1):
        if word.lower() in ("and", "&"):
            left, right = body[:i], body[i + 1:]
            if _looks_like_person(left) and _looks_like_person(right):
                return True
    return False


def _looks_like_person(words: list[str]) -> bool:
    caps = [w for w in words if w[:1].isupper()]
    if len(caps) != len(words) or not words:
        return False
    if any(_clean(w).lower() in lx.ORG_HEADS for w in words):
        return False
    return len(words) >= 2 and (_honorific_key(words[0]) in lx.HONORIFICS or len(words) <= 3)


def _name_of_body(body: list[str], lows: list[str]) -> Title | None:
    """ "William Corr of the Campaign for Tobacco-Free Kids": a person's name, then "of" and their body
    (the affiliation). None when the mention is not of that form ("Secretary of State", "Bank of England")."""
    if "of" not in lows:
        return None
    i = lows.index("of")
    person, rest = body[:i], [w for w in body[i + 1:] if w.lower() not in lx.ARTICLES]
    if not (2 <= len(person) <= 3 and rest and any(w[:1].isupper() for w in rest)):
        return None
    if not all(w[:1].isupper() for w in person) or any(
            low in lx.ROLE_NOUNS or low in lx.ORG_HEADS or low in lx.HONORIFICS or low in lx.PLACES
            or low in lx.DEMONYMS for low in lows[:i]):
        return None
    name = [_clean(w) for w in person]
    return Title(" ".join(name), SpeakerKind.PERSON, None, " ".join(_clean(w) for w in rest),
                 first_name_gender(name[0]))


def _split_name_run(name_words: list[str], role: str | None,
                    affiliation: str | None) -> tuple[list[str], str | None, str | None]:
    """The person's name inside a capitalised run, with what the run also holds: a rank before the
    name ("Former Pennsylvania Gov Ed Rendell", "Retired Lt Gen Michael Flynn"), a party ("Democrat
    Hillary Clinton"), a possessive body ("Plaid Cymru's Elfyn Llwyd") and letters after it ("Guy
    Mansfield QC")."""
    while len(name_words) > 1 and _clean(name_words[-1]).lower() in lx.POST_NOMINALS \
            and (name_words[-1].isupper() or name_words[-1].lower() in ("jr", "sr")):
        role = role or lx.POST_NOMINAL_ROLES.get(name_words[-1].lower())
        name_words = name_words[:-1]
    rank = next((k for k in range(len(name_words) - 2, 0, -1)
                 if _honorific_key(name_words[k]) in lx.HONORIFICS), None)
    if rank is not None:
        role = role or " ".join(name_words[:rank + 1])
        name_words = name_words[rank + 1:]
    owner = next((k for k in range(len(name_words) - 2, -1, -1) if _strip_possessive(name_words[k]) != name_words[k]),
                 None)
    if owner is not None:
        affiliation = affiliation or " ".join(_strip_possessive(w) for w in name_words[:owner + 1])
        name_words = name_words[owner + 1:]
    while len(name_words) > 2 and name_words[0].lower() in lx.PARTY_WORDS:
        affiliation = f"{affiliation} {name_words[0]}" if affiliation else name_words[0]
        name_words = name_words[1:]
    return _without_middle_initials(name_words), role, affiliation


def _without_middle_initials(name_words: list[str]) -> list[str]:
    """"Leonard E. Burman" is stored as Leonard Burman, the name most reports use; the written form
    stays an alias."""
    if len(name_words) < 3 or len(name_words[0].rstrip(".")) == 1:
        return name_words  # "J. K. Rowling": a name of initials keeps them all
    middle = [w for w in name_words[1:-1] if not (len(w.rstrip(".")) == 1 and w[:1].isupper())]
    return [name_words[0], *middle, name_words[-1]]


def _member_of(surface: str, body: list[str], lows: list[str], i: int) -> Title:
    """"a member of a major Kosovo Serb political party": the head is the noun before "of"."""
    head = lows[i - 1]
    speaker = head in lx.ROLE_NOUNS or head in lx.SPEAKER_NOUNS
    kind = SpeakerKind.GROUP if head in lx.GROUP_NOUNS else SpeakerKind.PERSON if speaker else SpeakerKind.UNKNOWN
    return Title(surface, kind, head if speaker else None, " ".join(body[i + 1:]) or None, _gender_of_words(lows))


def _name_run_start(body: list[str]) -> int:
    """The start of the trailing name run: capitalised words that are neither roles nor organisation heads."""
    j = len(body)
    while j > 0:
        w = _clean(body[j - 1])
        lw = _strip_possessive(w).lower().rstrip(".")
        if lw in lx.SURNAME_PARTICLES and 1 < j < len(body) and (body[j - 2][:1].isupper()
                                                                  or body[j - 2].lower() in lx.SURNAME_PARTICLES):
            j -= 1  # "Bill de Blasio": the particle is inside the name
            continue
        if lw in lx.ROLE_NOUNS and j == len(body) and j > 1 and w[:1].isupper() \
                and (first_name_gender(_clean(body[j - 2])) is not None
                     or _honorific_key(body[j - 2]) in lx.PERSONAL_HONORIFICS):
            j -= 1  # "Charlie King", "Stephen Bishop", "Mr. King": a surname that is also a role
            continue
        if not w[:1].isupper() or lw in lx.ROLE_NOUNS or lw in lx.ORG_HEADS or lw in lx.DEMONYMS:
            break
        j -= 1
    return j


def _role_with_affiliation(body: list[str], lows: list[str], j: int) -> Title:
    """"the senator from Vermont", "a spokesman for Acme Corp": the capitalised run is an affiliation."""
    head = next((w for w in lows[: j - 1] if w in lx.ROLE_NOUNS or _head_noun(w)), None)
    kind = SpeakerKind.UNKNOWN if head is None else SpeakerKind.GROUP if head in lx.GROUP_NOUNS else SpeakerKind.PERSON
    return Title(" ".join(body), kind, head, " ".join(_clean(w) for w in body[j:]), _gender_of_words(lows))


def _honorific_key(word: str) -> str:
    return _clean(word).lower().rstrip(".")


def _name_and_honorific(body: list[str], j: int) -> tuple[list[str], str | None]:
    """The name's words without their honorifics ("Mr. Lee", "Sen. Lisa Grant"), and the honorific."""
    name_words = [_clean(w) for w in body[j:]]
    honorific = None
    while name_words and _honorific_key(name_words[0]) in lx.HONORIFICS and not (
            honorific in lx.PERSONAL_HONORIFICS and len(name_words) == 1):  # "Mr. King": King is the name
        honorific = _honorific_key(name_words[0])
        name_words = name_words[1:]
    # An honorific-like role word directly before the name ("President Ruiz", "Mr. Lee").
    if j > 0 and _honorific_key(body[j - 1]) in lx.HONORIFICS and honorific is None:
        honorific = _honorific_key(body[j - 1])
    if len(name_words) == 1 and honorific in lx.PEERAGE_TITLES:
        name_words = [honorific.capitalize(), *name_words]  # "Lord Falconer" is a peer's name, not "Falconer"
    return name_words, honorific


def _role_and_affiliation(pre: list[str], pre_lows: list[str]) -> tuple[str | None, str | None]:
    """The role and affiliation in the words before a name ("White House ... Council spokesman")."""
    role_idx = [i for i, w in enumerate(pre_lows) if w.rstrip(".") in lx.ROLE_NOUNS]
    if not role_idx:
        affiliation = " ".join(_clean(_strip_possessive(w)) for w in pre if w.lower() not in lx.ARTICLES)
        return None, affiliation or None
    r = role_idx[-1]
    # contiguous role words ("prime minister", "Secretary of State")
    r0 = r
    while r0 > 0 and pre_lows[r0 - 1] in lx.ROLE_NOUNS:
        r0 -= 1
    role_words = pre[r0:r + 1]
    # "Secretary of State": keep an "of X" right after the role when it precedes the name
    tail = pre[r + 1:]
    if tail and tail[0].lower() == "of":
        role_words = pre[r0:]
    role = " ".join(_clean(w) for w in role_words)
    before = pre[:r0]
    joins = [i for i, w in enumerate(before) if w.lower() in ("and", "&", "or")]
    if joins:  # "President Bush and Prime Minister Tony Blair": another person's words, not his affiliation
        before = before[joins[-1] + 1:]
    aff = [_clean(_strip_possessive(w)) for w in before if w.lower() not in lx.ARTICLES_AND_POSSESSIVES]
    return role, " ".join(aff) or None


def _has_organization_head(body: list[str]) -> bool:
    """"White House National Security Council": a capitalised organisation head anywhere."""
    return any(w[:1].isupper() and _clean(w).lower() in lx.ORG_HEADS for w in body)


def _organization_name(name_words: list[str]) -> bool:
    """A "name" that is an organisation, a place or an acronym ("Acme Corp", "Serbia", "NATO")."""
    if not name_words:
        return False
    name_low = [w.lower() for w in name_words]
    joined = " ".join(name_low)
    return (any(w.rstrip(".") in lx.ORG_HEADS for w in name_low)
            or joined in lx.PLACES or joined in lx.INSTITUTION_NAMES
            or (len(name_words) == 1 and name_words[0].isupper() and len(name_words[0]) > 1)
            or (len(name_words) == 2 and name_low[0] in lx.PLACE_OPENERS))


def _title_without_name(surface: str, body: list[str], lows: list[str], role: str | None,
                        affiliation: str | None) -> Title:
    """A title that names no one ("the spokesman", "the health ministry"): its kind is its head's."""
    head = lows[-1]
    if role and role.endswith(("'s", "’s")):  # "the prime minister's wife": the wife, of the prime minister
        return Title(surface, _head_kind(head), head, _strip_possessive(role), _gender_of_words(lows))
    kind = _head_kind(head)
    aff = " ".join(_clean(_strip_possessive(w)) for w in body[:-1] if w.lower() not in lx.DETERMINERS) or None
    if kind is SpeakerKind.ORGANIZATION and aff and aff.lower() in lx.ORGANIZATION_NAME_OPENERS:
        aff = None
    return Title(surface, kind, role or (head if head in lx.ROLE_NOUNS else None), aff if not role else affiliation,
                 _gender_of_words(lows))


def _head_kind(head: str) -> SpeakerKind:
    if head in lx.ORG_HEADS:
        return SpeakerKind.ORGANIZATION
    if head in lx.GROUP_NOUNS or (head.endswith("s") and head[:-1] in lx.SPEAKER_NOUNS):
        return SpeakerKind.GROUP
    if head in lx.ROLE_NOUNS or head in lx.SPEAKER_NOUNS:
        return SpeakerKind.PERSON
    return SpeakerKind.UNKNOWN


def _title_word(low: str) -> bool:
    low = low.rstrip(".")
    if low in lx.ORG_HEADS or low in lx.GROUP_NOUNS:
        return False
    return low in lx.ROLE_NOUNS or (low in lx.SPEAKER_NOUNS and low not in lx.KINSHIP)


def with_apposition(m: Mention, toks: list[Token], a: int, b: int, text: str) -> Mention:
    """*m* carrying the apposition toks[a:b] ("the minister of sport") when it names a role."""
    if not (0 <= a < b <= len(toks)) or b - a > 12:
        return m
    first = toks[a]
    if first.kind != "w" or not (first.low in lx.ARTICLES_AND_POSSESSIVES or first.low in lx.ROLE_NOUNS
                                 or (first.capitalised and first.low.endswith(("'s", "’s")))):
        return m  # "the minister of sport", "Connecticut's tax commissioner"
    if any(t.kind not in ("w", "p") or t.low in lx.RELATIVE_CLAUSE_OPENERS for t in toks[a:b]):
        return m
    surface = text[toks[a].start:toks[b - 1].end]
    if split_apposition(surface) is None:
        return m
    return replace(m, apposition=surface)


def split_apposition(surface: str) -> tuple[str, str | None, str | None] | None:
    """Role, affiliation and gender in an apposition, split like a title before a name:
    "the minister of sport" -> minister, sport; "a spokeswoman for the health ministry" ->
    spokeswoman, health ministry; "the Serbian president" -> president, Serbian; "the campaign's
    press secretary" -> press secretary, campaign. The affiliation is what follows "of/for/at/..."
    after the role word, else the words before the role. None when it names no role ("a father
    of three" is no title)."""
    words = [w for w in (_clean(w) for w in surface.split()) if w]
    lows = [_strip_possessive(w).lower() for w in words]
    end = next((p for p in range(1, len(words) - 1)
                if lows[p] in lx.APPOSITION_PREPOSITIONS and _title_word(lows[p - 1])), len(words))
    heads = [i for i in range(end) if _title_word(lows[i])]
    if not heads:
        return None
    h = heads[-1]
    r = h
    while r > 0 and _extends_role(words, lows, r - 1):
        r -= 1
    affiliation = _affiliation_after_role(words[end + 1:])
    if affiliation is None:
        affiliation = _affiliation_before_role(words[:r], lows[:r])
    return " ".join(words[r:h + 1]), affiliation, _gender_of_words(lows[r:h + 1])


def _extends_role(words: list[str], lows: list[str], i: int) -> bool:
    """Does words[i] belong to the role word after it ("executive vice president", "president and CEO")?"""
    if _strip_possessive(words[i]) != words[i]:
        return False  # "the campaign's press secretary": the possessive is the affiliation
    if lows[i] in lx.ROLE_MODIFIERS and words[i][:1].islower():
        return True
    return _title_word(lows[i]) or (lows[i] == "and" and i > 0 and _title_word(lows[i - 1]))


def _affiliation_after_role(post: list[str]) -> str | None:
    """"the minister of sport": the words after the preposition, less articles and fillers."""
    while post and post[0].lower() in lx.APPOSITION_FILLERS:
        post = post[1:]
    return " ".join(post) if any(w[:1].isalpha() for w in post) else None


def _affiliation_before_role(words: list[str], lows: list[str]) -> str | None:
    """"the Serbian president", "the campaign's press secretary": the words before the role."""
    pre = [w for w, low in zip(words, lows, strict=True) if low not in lx.APPOSITION_FILLERS]
    if pre and not any(low in lx.APPOSITION_PREPOSITIONS or low == "and" or not low[:1].isalpha()
                       for low in (_strip_possessive(w).lower() for w in pre)):
        return " ".join(_strip_possessive(w) for w in pre)
    return None


def apply_apposition(title: Title, apposition: str | None) -> Title:
    """A name's title completed by its apposition (a title before the name wins)."""
    if not apposition or (title.role and title.role not in lx.POST_NOMINAL_ROLES.values()):
        return title  # ("Tom McCabe MSP, Scottish Finance Minister": the office says more than "MSP")
    split = split_apposition(apposition)
    if split is None:
        return title
    role, aff, gender = split
    return replace(title, role=role, affiliation=title.affiliation or aff, gender=title.gender or gender)


def _gender_of_words(lows: list[str]) -> str | None:
    for w in lows:
        if w in lx.FEMALE_ROLE_WORDS:
            return "f"
        if w in lx.MALE_ROLE_WORDS:
            return "m"
    return None


def first_name_gender(word: str) -> str | None:
    w = word.lower()
    if w in lx.MALE_NAMES and w not in lx.FEMALE_NAMES:
        return "m"
    if w in lx.FEMALE_NAMES and w not in lx.MALE_NAMES:
        return "f"
    return None


# --- Names seen anywhere in the article (for "Vucic" -> "Aleksandar Vucic") -----------------------
_NAME_WORD = r"[A-Z][A-Za-zà-ÿ'’\-]*[a-zà-ÿ]"  # "Blair", "O’Neill", "McDonald"; not "NATO"
_NAME_TAIL = rf"(?:[^\S\n]+(?:(?:de|del|der|van|von|al|bin|da|di|du|le|la)[^\S\n]+)?(?:[A-Z]\.[^\S\n]+)?{_NAME_WORD})+"
# An optional honorific ("Mr", "Sen."), then name words: read as one capital first, then either the rest of
# the honorific (told by that capital: "(?<=M)rs") or the rest of the first name word. Opening with the
# capital lets the regex engine skip straight to capitals (3x faster on an article than the plain
# "(?:(?:Mr|Mrs|...)\.?\s+)?Name(?:\s+Name)+", which it tried at every character; the same matches).
NAME_RUN = re.compile(
    rf"[A-Z](?:(?:(?<=M)(?:r|rs|s)|(?<=D)r|(?<=S)en|(?<=R)ep|(?<=G)(?:ov|en)|(?<=P)rof)\.?[^\S\n]+{_NAME_WORD}{_NAME_TAIL}"
    rf"|[A-Za-zà-ÿ'’\-]*[a-zà-ÿ]{_NAME_TAIL})"
)


def full_names(masked: str) -> list[tuple[int, int, Title]]:
    """Person-like capitalised runs outside quotations, with their titles split off."""
    out = []
    for m in NAME_RUN.finditer(masked):
        surface = m.group()
        first, _, rest = surface.partition(" ")
        if first.lower() in FORMS or first.lower() in lx.CLAUSE_BOUNDARIES or first.lower() in lx.ADJUNCT_PREPOSITIONS:
            surface = rest  # "Stated Lee", "But Kirby", "In Mrs. Clinton's plan": a capitalised sentence opener
        if not surface or _honorific_key(surface.split()[-1]) in lx.PERSONAL_HONORIFICS:
            continue  # "In Mrs": the name after the honorific is outside the run
        title = parse_title(surface)
        if len(title.name.split()) > MAX_NAME_WORDS:
            # A title-case headline ("Hillary Clinton Goes After Donald Trump As The New Mitt Romney"):
            # only a known first name and the word after it are a name.
            words = surface.split()
            if first_name_gender(words[0]) is None:
                continue
            title = parse_title(" ".join(words[:2]))
        if title.kind is SpeakerKind.PERSON and title.role and title.name == surface:
            named = _surname_called_by_honorific(title, masked)  # "Oona King", also "Ms King"
            if named is None:
                continue  # "Scottish Finance Minister" is an office, no name
            title = named
        if title.kind is SpeakerKind.PERSON and " " in title.name:
            out.append((m.start(), m.end(), title))
    return out


def _surname_called_by_honorific(title: Title, masked: str) -> Title | None:
    """A run whose last word is an office word ("Oona King") is a person's name when the article also
    calls someone by that word with an honorific ("Ms King"); None otherwise."""
    last = title.name.split()[-1]
    m = re.search(rf"\b(Mr|Mrs|Ms|Miss|Dr)\.? {re.escape(last)}\b", masked)
    if m is None:
        return None
    return Title(title.name, SpeakerKind.PERSON, None, None, lx.HONORIFICS.get(m.group(1).lower()))
