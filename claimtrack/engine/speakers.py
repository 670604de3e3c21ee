"""Speaker mentions: finding the speaker's noun phrase and splitting titles.

Mentions are found by scanning away from the cue (no parser): the subject to the left of
"said", or the noun phrase after an inverted "said" / "according to". A title is split into
name, role and affiliation ("White House National Security Council spokesman John Kirby").
Resolution of mentions to entities (surnames, pronouns, roles) is in coreference.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from claimtrack.engine import lexicon as lx
from claimtrack.engine.cues import FORMS
from claimtrack.engine.text import Token
from claimtrack.vocabulary import SpeakerKind

MAX_NP = 14
CONNECTORS = frozenset("of for at in and the a an & de von van der al bin".split())
DETERMINERS = frozenset("the a an his her its their our my your this that these those another some one two three several many".split())
TIME_WORDS = lx.DAYS | frozenset("last this next earlier later late early on".split())


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
    """Step left over "on Thursday evening", "Friday", ", in a statement," before a cue."""
    while k > 0:
        t = toks[k - 1]
        if t.kind == "w" and t.low in lx.DAYS:
            k -= 1
            while k > 0 and toks[k - 1].kind == "w" and toks[k - 1].low in TIME_WORDS:
                k -= 1
            continue
        break
    return k


def subject_left(toks: list[Token], k: int, floor: int, text: str, depth: int = 0) -> Mention | None:
    """The subject noun phrase ending just before token *k* (the cue group start)."""
    k = skip_left_adjuncts(toks, k)
    if k <= floor:
        return None
    t = toks[k - 1]
    if t.kind == "p" and t.text == "," and k - 1 > floor:
        # "Vucic, the Serbian president, said" / "X, who ..., said": skip one comma-enclosed
        # apposition or relative clause and take the noun phrase before it.
        j = k - 2
        while j > floor and not (toks[j].kind == "p" and toks[j].text in ",;:") and toks[j].kind != "q" and k - j < 40:
            j -= 1
        if j > floor and toks[j].kind == "p" and toks[j].text == ",":
            first = toks[j + 1] if j + 1 < k - 1 else None
            if first is not None and first.kind == "w" and (
                first.low in ("who", "whose", "which", "a", "an", "the", "his", "her", "its", "their", "then")
                or first.low in lx.ROLE_NOUNS or first.capitalised or first.low in lx.DAYS or first.text[:1].isdigit()
                or first.low in ("in", "on", "at", "during", "speaking", "writing", "asked", "another", "also", "now",
                                 "after", "before", "while", "when", "despite", "like", "unlike", "for",
                                 "including", "like", "such", "both", "all", "one", "two", "each")
            ):
                m = subject_left(toks, j, floor, text, depth + 1) if depth < 2 else None
                if m is not None and m.kind != "relative":
                    # "the company's head of research, Tom Feld, said": the name is the speaker
                    if m.kind == "nominal" and all(t.kind == "w" and t.capitalised for t in toks[j + 1:k - 1]) \
                            and first.low not in lx.DAYS:
                        return _mention(toks, j + 1, k - 1, "name", text)
                    if m.kind == "name" and m.last == j:
                        m = with_apposition(m, toks, j + 1, k - 1, text)
                    return m
        return None
    if t.kind == "p" and t.text == ")":
        # "Sen. Lisa Grant (D-Ore.) said": step over the parenthesis, keep it in the mention
        j = k - 2
        while j > floor and k - j < 8 and not (toks[j].kind == "p" and toks[j].text == "("):
            j -= 1
        if j > floor and toks[j].text == "(":
            inner = subject_left(toks, j, floor, text, depth + 1) if depth < 2 else None
            if inner is not None and inner.kind in ("name", "nominal"):
                return _mention(toks, inner.first, k, inner.kind, text)
        return None
    if t.kind != "w":
        return None
    low = t.low
    if low in lx.SUBJECT_PRONOUNS:
        kind = "relative" if low in ("who", "which") else "pronoun"
        return _mention(toks, k - 1, k, kind, text)
    if low.replace("’", "'") in lx.PRONOUN_BE_CONTRACTIONS:
        # "he's predicting": the mention is the pronoun without the glued "'s"
        pronoun = re.split(r"['’]", t.text)[0]
        kind = "relative" if pronoun.lower() == "who" else "pronoun"
        return Mention(k - 1, k, t.start, t.start + len(pronoun), pronoun, kind)
    # Collect the noun phrase leftwards.
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
        if wl in lx.CLAUSE_BOUNDARIES and not (
            wl == "and" and a - 1 > floor and toks[a - 2].kind == "w"
            and (toks[a - 2].capitalised or _head_noun(toks[a - 2].low) or toks[a - 2].low in ("aides", "advisers", "allies"))
            and (toks[a].capitalised or _head_noun(toks[a].low) or toks[a].low.endswith("s"))
        ):
            break
        if wl in lx.SUBJECT_PRONOUNS or wl in ("him", "them", "me", "us"):
            break
        noun_slot = a - 2 >= floor and toks[a - 2].kind == "w" and (
            toks[a - 2].low in DETERMINERS or toks[a - 2].low.endswith(("'s", "’s")))
        if not w.capitalised and _verbish(wl) and wl not in CONNECTORS and not (noun_slot and wl not in lx.AUXILIARIES):
            break  # ("the minister's thinking", "the claims" are nouns)
        if not w.capitalised and wl.endswith("ed") and wl not in lx.SPEAKER_NOUNS and wl not in lx.ROLE_NOUNS:
            # "the retired neurosurgeon": a participle right after a determiner is an adjective
            if not (a - 2 >= floor and toks[a - 2].kind == "w" and toks[a - 2].low in DETERMINERS):
                break
        if wl in ("said", "says"):
            break
        a -= 1
    if a == k:
        return None
    # Trim leading connectors ("of", "and") that cannot start a phrase.
    while a < k and toks[a].kind == "w" and toks[a].low in ("of", "for", "at", "in", "and", "&"):
        a += 1
    # Sentence-initial conjunction or adverb glued on ("But", "And", "Meanwhile").
    while a < k and toks[a].kind == "w" and toks[a].low in ("but", "and", "so", "yet", "meanwhile", "now", "then", "still", "also"):
        a += 1
    if a >= k:
        return None
    trailing_np = (a > floor and toks[a - 1].kind == "p" and toks[a - 1].text == ","
                   and toks[a].low in ("a", "an", "the", "one", "another") and k - a <= 5)
    if not _valid_head(toks, a, k) and not _after_quote(toks, a) and not trailing_np:
        # "Lee at the time said", "The mayor on local radio said": a closing prepositional
        # phrase is an adjunct of the cue, the subject is the noun phrase before it
        for p in range(a + 1, k - 1):
            if toks[p].low in SUBJECT_ADJUNCT_PREPS and (_valid_head(toks, a, p) or (
                    p - a <= 3 and toks[a].low in SHORT_NP_DETERMINERS)):
                return _mention(toks, a, p, "name" if toks[p - 1].capitalised else "nominal", text)
        if k - a <= 3 and toks[a].low in SHORT_NP_DETERMINERS and (
                a == floor or toks[a - 1].kind == "p" or toks[a - 1].low in lx.CLAUSE_BOUNDARIES):
            return _mention(toks, a, k, "nominal", text)  # "The leaflet says", "This ad claims"
        # Keep the trailing capitalised run when the rest does not look like a noun phrase.
        b = k
        while b > a and toks[b - 1].kind == "w" and toks[b - 1].capitalised:
            b -= 1
        if b == k:
            return None
        a = b
    kind = "name" if toks[k - 1].capitalised else "nominal"
    return _mention(toks, a, k, kind, text)


SUBJECT_ADJUNCT_PREPS = frozenset("at on in during".split())
# A short determiner phrase opening a clause is a subject whatever its noun ("The leaflet says").
SHORT_NP_DETERMINERS = frozenset("the a an this that these those his her its their one".split())


def _after_quote(toks: list[Token], a: int) -> bool:
    """The phrase right after '"...,"' (before or after its cue) is the speaker, whatever its head."""
    k = a - 1
    while k >= 0 and toks[k].kind == "p" and toks[k].text in ",":
        k -= 1
    if k >= 0 and toks[k].kind == "w" and toks[k].low in ("said", "says", "added", "told", "wrote", "asked"):
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
    ) and (first.capitalised or first.low in DETERMINERS or _head_noun(first.low) or first.low[:1].isdigit()):
        return True
    # "a member of a major ... party": the head is the noun before "of"
    for idx, w in enumerate(words):
        if w.low == "of" and idx > 0 and _head_noun(words[idx - 1].low):
            return True
    return False


def _head_noun(low: str) -> bool:
    if low in lx.SPEAKER_NOUNS or low in lx.ROLE_NOUNS or low in lx.GROUP_NOUNS or low in lx.ORG_HEADS:
        return True
    if low.endswith("s") and (low[:-1] in lx.SPEAKER_NOUNS or low[:-1] in lx.ROLE_NOUNS):
        return True
    if low.endswith("es") and low[:-2] in lx.SPEAKER_NOUNS:
        return True
    return False


def subject_right(toks: list[Token], k: int, text: str, loose: bool = False) -> Mention | None:
    """The noun phrase starting at token *k* (after an inverted "said" or "according to")."""
    n = len(toks)
    if k >= n or toks[k].kind != "w":
        return None
    t = toks[k]
    if not loose and not t.capitalised and t.low not in DETERMINERS and t.low not in lx.SUBJECT_PRONOUNS \
            and not _head_noun(t.low) and not t.low[:1].isdigit() and not _after_quote(toks, k):
        return None  # "said on the morning show": a preposition does not start a speaker
    if t.low in lx.SUBJECT_PRONOUNS - {"who", "which"}:
        return _mention(toks, k, k + 1, "pronoun", text)
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
        if b > k and (wl in lx.CLAUSE_BOUNDARIES and wl != "and" or wl in lx.AUXILIARIES or wl in ("who", "which", "whose", "whom")):
            break
        if b > k and not w.capitalised and _verbish(wl) and wl not in CONNECTORS:
            break
        if b > k and not w.capitalised and wl.endswith("ed") and wl not in lx.SPEAKER_NOUNS \
                and toks[b - 1].low not in DETERMINERS:
            break  # "The airline cancelled": a past-tense verb ends the subject
        if b > k and not w.capitalised and (wl in lx.IRREGULAR_PAST or wl in ("also", "then", "later", "again")):
            break  # "Lee left the room", "The minister also referenced"
        if b > k and wl in TIME_WORDS and wl not in ("the",):
            break
        if b > k and wl in ("on", "in", "at", "during", "after", "before", "with", "to", "from") and not (
            b + 1 < n and toks[b + 1].capitalised and wl in ("at", "of", "for")
        ):
            break
        b += 1
    while b > k and toks[b - 1].kind == "w" and toks[b - 1].low in CONNECTORS:
        b -= 1
    if b == k:
        return None
    if not _valid_head(toks, k, b) and not _after_quote(toks, k - 1) and not (
        loose and toks[k].low in DETERMINERS
    ):
        return None
    if toks[k].low in NON_SOURCE_START:
        return None
    kind = "name" if toks[b - 1].capitalised else "nominal"
    return _mention(toks, k, b, kind, text)


NON_SOURCE_START = lx.NON_SOURCE_NOUNS


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


def parse_title(surface: str) -> Title:
    """Split "White House National Security Council spokesman John Kirby" into its parts."""
    surface = PARENTHESIS.sub("", surface).strip() or surface
    words = surface.split()
    if words and words[0].lower() in ("the", "a", "an"):
        body = words[1:]
    else:
        body = words
    if not body:
        return Title(surface, SpeakerKind.UNKNOWN, None, None, None)
    lows = [_clean(_strip_possessive(w)).lower() for w in body]
    # A lowercase head with "of": "a member of a major Kosovo Serb political party".
    i = lows.index("of") if "of" in lows else -1
    if i > 0 and not body[i - 1][:1].isupper():
        head = lows[i - 1]
        kind = SpeakerKind.GROUP if head in lx.GROUP_NOUNS else (
            SpeakerKind.PERSON if head in lx.ROLE_NOUNS or head in lx.SPEAKER_NOUNS else SpeakerKind.UNKNOWN)
        return Title(surface, kind, head if head in lx.ROLE_NOUNS or head in lx.SPEAKER_NOUNS else None,
                     " ".join(body[i + 1:]) or None, _gender_of_words(lows))
    # The trailing name run: capitalised words that are neither roles nor organisation heads.
    j = len(body)
    honorific = None
    while j > 0:
        w = _clean(body[j - 1])
        lw = _strip_possessive(w).lower().rstrip(".")
        if not w[:1].isupper() or lw in lx.ROLE_NOUNS or lw in lx.ORG_HEADS or lw in lx.DEMONYMS:
            break
        j -= 1
    if 0 < j < len(body) and body[j - 1].lower() in ("of", "from", "for", "at", "in", "with"):
        # "the senator from Vermont", "a spokesman for Acme Corp": the capitalised run is an affiliation
        head_idx = [i for i, w in enumerate(lows[: j - 1]) if w in lx.ROLE_NOUNS or _head_noun(w)]
        head = lows[head_idx[0]] if head_idx else None
        kind = SpeakerKind.GROUP if head in lx.GROUP_NOUNS else SpeakerKind.PERSON if head else SpeakerKind.UNKNOWN
        name = " ".join(words[1:] if words[0].lower() in ("the", "a", "an") else words)
        return Title(name, kind, head, " ".join(_clean(w) for w in body[j:]), _gender_of_words(lows))
    name_words = [_clean(w) for w in body[j:]]
    while name_words and name_words[0].lower().rstrip(".") in lx.HONORIFICS:
        honorific = name_words[0].lower().rstrip(".")
        name_words = name_words[1:]
    # An honorific-like role word directly before the name ("President Ruiz", "Mr. Lee").
    if j > 0 and _clean(body[j - 1]).lower().rstrip(".") in lx.HONORIFICS and honorific is None:
        honorific = _clean(body[j - 1]).lower().rstrip(".")
    pre = body[:j]
    pre_lows = lows[:j]
    role = affiliation = None
    role_idx = [i for i, w in enumerate(pre_lows) if w.rstrip(".") in lx.ROLE_NOUNS]
    if role_idx:
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
        aff = [_clean(_strip_possessive(w)) for w in pre[:r0] if w.lower() not in ("the", "a", "an", "his", "her", "its", "their")]
        affiliation = " ".join(aff) or None
    elif pre:
        affiliation = " ".join(_clean(_strip_possessive(w)) for w in pre if w.lower() not in ("the", "a", "an")) or None
    name_low = [w.lower() for w in name_words]
    if not role_idx and any(w[:1].isupper() and _clean(w).lower() in lx.ORG_HEADS for w in body):
        return Title(" ".join(_clean(_strip_possessive(w)) for w in body), SpeakerKind.ORGANIZATION, None, None, None)
    if name_words and not role_idx and (
        any(w.rstrip(".") in lx.ORG_HEADS for w in name_low)
        or " ".join(name_low) in lx.PLACES or (len(name_words) == 1 and name_low[0] in lx.PLACES)
        or " ".join(name_low) in ("united states", "united kingdom", "united nations", "european union", "white house")
        or (len(name_words) == 1 and name_words[0].isupper() and len(name_words[0]) > 1)
    ):
        org = " ".join([_clean(_strip_possessive(w)) for w in body])
        return Title(org, SpeakerKind.ORGANIZATION, None, None, None)
    if not name_words:
        head = lows[-1]
        if head in lx.ORG_HEADS or head in ("government", "ministry", "campaign", "administration"):
            kind = SpeakerKind.ORGANIZATION
        elif head in lx.GROUP_NOUNS or (head.endswith("s") and head[:-1] in lx.SPEAKER_NOUNS):
            kind = SpeakerKind.GROUP
        elif head in lx.ROLE_NOUNS or head in lx.SPEAKER_NOUNS:
            kind = SpeakerKind.PERSON
        else:
            kind = SpeakerKind.UNKNOWN
        aff = " ".join(_clean(_strip_possessive(w)) for w in body[:-1] if w.lower() not in DETERMINERS) or None
        if kind is SpeakerKind.ORGANIZATION and aff and aff.lower() in ("white", "united"):
            aff = None
        return Title(surface, kind, role or (head if head in lx.ROLE_NOUNS else None), aff if not role else affiliation,
                     _gender_of_words(lows))
    gender = lx.HONORIFICS.get(honorific) if honorific else None
    if gender is None:
        gender = _gender_of_words(pre_lows) or first_name_gender(name_words[0])
    return Title(" ".join(name_words), SpeakerKind.PERSON, role, affiliation, gender, honorific)


APPOSITION_OPENERS = frozenset("the a an his her its their".split())
APPOSITION_PREPOSITIONS = frozenset("of for at with from in to".split())
# Lower-case words that belong to the role ("executive vice president", "press secretary");
# other words before the role word are its affiliation ("the committee chairman").
ROLE_MODIFIERS = frozenset("""executive vice deputy senior chief interim acting assistant associate general
    managing press political permanent principal co top lead junior special foreign prime ranking""".split())
APPOSITION_FILLERS = frozenset("the a an his her its their former then longtime current now also".split())
# Speaker nouns that are no title: "a father of three", "the wife of a victim", "her opponent".
KINSHIP = frozenset("""father mother wife husband son daughter brother sister parent parents grandfather
    grandmother grandson granddaughter uncle aunt cousin nephew niece widow widower fiance fiancee
    opponent rival friend ally colleague neighbour neighbor""".split())


def _title_word(low: str) -> bool:
    low = low.rstrip(".")
    if low in lx.ORG_HEADS or low in lx.GROUP_NOUNS or low in ("campaign", "government", "ministry", "administration"):
        return False
    return low in lx.ROLE_NOUNS or (low in lx.SPEAKER_NOUNS and low not in KINSHIP)


def with_apposition(m: Mention, toks: list[Token], a: int, b: int, text: str) -> Mention:
    """*m* carrying the apposition toks[a:b] ("the minister of sport") when it names a role."""
    if not (0 <= a < b <= len(toks)) or b - a > 12:
        return m
    first = toks[a]
    if first.kind != "w" or not (first.low in APPOSITION_OPENERS or first.low in lx.ROLE_NOUNS):
        return m
    if any(t.kind not in ("w", "p") or t.low in ("who", "which", "whose", "that") for t in toks[a:b]):
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
    end = len(words)
    for p in range(1, len(words) - 1):
        if lows[p] in APPOSITION_PREPOSITIONS and _title_word(lows[p - 1]):
            end = p
            break
    heads = [i for i in range(end) if _title_word(lows[i])]
    if not heads:
        return None
    h = heads[-1]
    r = h
    while r > 0 and _strip_possessive(words[r - 1]) == words[r - 1] and (
        (lows[r - 1] in ROLE_MODIFIERS and words[r - 1][:1].islower()) or _title_word(lows[r - 1])
        or (lows[r - 1] == "and" and r > 1 and _title_word(lows[r - 2]))
    ):
        r -= 1
    role = " ".join(words[r:h + 1])
    post = words[end + 1:]
    while post and post[0].lower() in APPOSITION_FILLERS:
        post = post[1:]
    affiliation = " ".join(post) if any(w[:1].isalpha() for w in post) else None
    if affiliation is None:
        pre = [w for w, low in zip(words[:r], lows[:r]) if low not in APPOSITION_FILLERS]
        if pre and not any(low in APPOSITION_PREPOSITIONS or low == "and" or not low[:1].isalpha()
                           for low in (_strip_possessive(w).lower() for w in pre)):
            affiliation = " ".join(_strip_possessive(w) for w in pre)
    return role, affiliation, _gender_of_words(lows[r:h + 1])


def apply_apposition(title: Title, apposition: str | None) -> Title:
    """A name's title completed by its apposition (a title before the name wins)."""
    if not apposition or title.role:
        return title
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
NAME_RUN = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof)\.?[^\S\n]+)?[A-Z][a-zà-ÿ'’\-]+"
    r"(?:[^\S\n]+(?:[A-Z]\.[^\S\n]+)?[A-Z][a-zà-ÿ'’\-]+)+"
)


def full_names(masked: str) -> list[tuple[int, int, Title]]:
    """Person-like capitalised runs outside quotations, with their titles split off."""
    out = []
    for m in NAME_RUN.finditer(masked):
        surface = m.group()
        first, _, rest = surface.partition(" ")
        if first.lower() in FORMS or first.lower() in lx.CLAUSE_BOUNDARIES:
            surface = rest  # "Stated Lee", "But Kirby": a capitalised sentence opener
        title = parse_title(surface)
        if title.kind is SpeakerKind.PERSON and " " in title.name:
            out.append((m.start(), m.end(), title))
    return out
