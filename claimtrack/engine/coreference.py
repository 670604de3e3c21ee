"""Coreference within one article: speaker mentions -> entities.

Surnames and honorific forms resolve to the full name seen anywhere in the article ("Vucic" ->
"Aleksandar Vucic"); "he"/"she" to the nearest earlier speaker of compatible gender (honorifics,
role words, first-name lists), then to the nearest named person; "they"/"it" to a recent
organisation or group; role mentions ("the spokesman") to the last holder of that role; "who" to
the noun phrase it follows.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace

from claimtrack.engine import lexicon as lx
from claimtrack.engine import rules
from claimtrack.engine.attribution import Candidate
from claimtrack.engine.model import SpeakerEntity
from claimtrack.engine.speakers import (
    Entity,
    Mention,
    Title,
    apply_apposition,
    first_name_gender,
    full_names,
    parse_title,
    restrictive_relative,
)
from claimtrack.engine.text import Paragraph
from claimtrack.vocabulary import SpeakerKind

PRONOUN_PARAGRAPHS = 3  # a pronoun looks this many paragraphs back for its speaker


class Resolver:
    """Turns mentions into entities: names, surnames, honorifics, roles and pronouns."""

    def __init__(self, paras: list[Paragraph], masked: str) -> None:
        self.by_name: dict[str, Entity] = {}
        self.order: list[str] = []
        # Entities by first word (lower-cased) and by (first word, last word), in order of creation:
        # a name is matched against earlier entities without a scan of all of them.
        self.by_first: dict[str, list[Entity]] = {}
        self.by_first_last: dict[tuple[str, str], list[Entity]] = {}
        # (position, paragraph, entity) of each speaker's latest attribution, least recent first:
        # pronouns and role mentions look back over distinct speakers, not over every attribution
        # (one paragraph may hold thousands of them).
        self.recent: dict[int, tuple[int, int, Entity]] = {}
        self.floor_content = (0, 0)  # the words of the latest speaker who holds the floor
        self.longer_org_names: dict[str, str] = {}
        self.para_starts = [p.start for p in paras]
        self.masked = masked
        self.names = full_names(masked)  # person names outside quotations
        # Full names by surname key (see surname_key), with where they appear, in reading order.
        self.by_surname: dict[str, list[tuple[int, Title]]] = {}
        for start, _, title in self.names:
            self.by_surname.setdefault(surname_key(title.name).split()[-1], []).append((start, title))
        # For "he"/"she": the names a pronoun of each gender may fall back on, by position
        # (built on first use).
        self.names_for: dict[str, tuple[list[int], list[Title]]] = {}

    def para_of(self, pos: int) -> int:
        """The index of the paragraph holding character *pos*."""
        return bisect.bisect_right(self.para_starts, pos) - 1

    def entities(self) -> tuple[SpeakerEntity, ...]:
        out = []
        for name in self.order:
            e = self.by_name[name]
            out.append(SpeakerEntity(e.name, e.kind, e.role, e.affiliation, tuple(dict.fromkeys(e.aliases))))
        return tuple(out)

    def resolve(self, c: Candidate) -> tuple[Entity | None, tuple[int, int] | None]:
        if c.inherits is not None and c.mention is c.inherits.mention and isinstance(c.inherits.entity, Entity):
            inherited = c.inherits.entity
            c.entity = inherited
            m = c.mention
            return inherited, (m.start, m.end) if m else None
        # (a cue whose own attribution was dropped, "attacked Clinton for ..., saying", leaves its
        # subject unresolved: the mention is resolved here)
        m = c.mention
        if m is None:
            return None, None
        ent = self._entity_for(m, c)
        c.entity = ent
        # A speaker reported inside another's words ("Earnest said Obama has long called for ...")
        # does not take the floor: a "he said" after it is still the reporter's.
        # Nor does one named in passing in a relative clause with no comma ("a union leader who said"), nor
        # one who puts a question ("Asked by reporters whether ..., Ruiz said"), nor a poll.
        reported = c.parent is not None or (
            c.cue_span is not None and self.floor_content[0] <= c.cue_span[0] < self.floor_content[1]) \
            or restrictive_relative(self.masked, m) \
            or c.rule in rules.NO_FLOOR
        if not reported and c.pieces and c.cue_span is not None and c.pieces[0][0] >= c.cue_span[1]:
            self.floor_content = (c.pieces[0][0], c.pieces[-1][1])  # words reported after the cue
        if ent is not None and not reported:
            self.recent.pop(id(ent), None)
            self.recent[id(ent)] = (m.start, self.para_of(m.start), ent)
        return ent, (m.start, m.end)

    def _entity_for(self, m: Mention, c: Candidate) -> Entity | None:
        low = m.text.lower()
        pos = m.start
        if m.kind == "relative":
            ante = c.antecedent
            return self._entity_for(ante, c) if ante is not None and ante.kind != "relative" else None
        if m.kind == "pronoun":
            if low in lx.GENDERED_PRONOUNS:
                return self._pronoun(pos, lx.GENDERED_PRONOUNS[low])
            if low in lx.COLLECTIVE_PRONOUNS:
                return self._org_pronoun(pos, low)
            return None
        if all(w.strip(".,").lower() in lx.TIME_PHRASE_WORDS for w in low.split()):
            return None  # "On Monday": a time adjunct taken for a subject, no speaker
        title = parse_title(m.text)
        if _names_nobody(title.name):
            return None  # "Her comments have been described", "However, many activists said"
        # "The prime minister" at a sentence's start, "Connecticut's tax commissioner": descriptions
        possessive_office = title.role is not None and _possessive(low.split()[0])
        described = low.split()[0] in lx.ARTICLES or (possessive_office and title.name == m.text)
        if title.kind is SpeakerKind.PERSON and title.name and title.name[:1].isupper() and not described:
            return self._person(apply_apposition(title, m.apposition), m.text, pos)
        if low.startswith("the ") or possessive_office:
            # "the spokesman", "Connecticut's tax commissioner": an office held by someone named
            held = self._description_holder(title, m.text, pos)
            if held is not None:
                return held
        return self._body_or_description(title, m.text, pos)

    def _body_or_description(self, title: Title, surface: str, pos: int) -> Entity:
        """The entity of a mention that is no named person: a body, a group or a description."""
        name = title.name
        if title.kind is SpeakerKind.ORGANIZATION and " " not in name and self._holder_of_surname(name, pos):
            return self._person(replace(title, kind=SpeakerKind.PERSON), surface, pos)  # "Jordan said": Jim Jordan
        if title.kind is SpeakerKind.ORGANIZATION:
            name = self._longer_org_name(_org_name(name))
        elif name.startswith(lx.FOLDED_ARTICLE_PREFIXES):
            first, _, rest = name.partition(" ")
            if rest[:1].islower():
                name = f"{first.lower()} {rest}"  # "The minister" and "the minister" are one entity
        return self._add(Entity(name, title.kind, title.role, title.affiliation, title.gender, [surface]))

    def _longer_org_name(self, name: str) -> str:
        if name not in self.longer_org_names:  # one reading of the article per short name
            self.longer_org_names[name] = self._read_longer_org_name(name)
        return self.longer_org_names[name]

    def _read_longer_org_name(self, name: str) -> str:
        """"the Times" in an article that names "The New York Times": that paper, not another
        ("The Times" of London stays itself where no longer name ends so); "the commission" in one
        that names the Electoral Commission. One word only, and one longer name only."""
        if " " in name or name.lower() in lx.PLACES or name.lower() in lx.DEMONYMS:
            return name  # "UK", "Britain": a place is not short for "As Britain" or "No UK"
        head = name
        if not name[:1].isupper():
            if name not in _SHORT_FORM_HEADS:
                return name  # ("the government" is the country's, not the "Local Government Association")
            head = name.capitalize()  # "the commission" in an article that names the Electoral Commission
        longer = {m.group(1) for m in re.finditer(
            rf"\b((?:[A-Z][\w’'-]* ){{1,3}}{re.escape(head)})\b(?! (?:of|on|for|and) [A-Z])", self.masked)}
        longer = {n.removeprefix("The ") for n in longer if not n.startswith(("The " + head, head))}
        longer = {n for n in longer if parse_title(n) == Title(n, SpeakerKind.ORGANIZATION, None, None, None)}
        return longer.pop() if len(longer) == 1 else name

    def _description_holder(self, title: Title, surface: str, pos: int) -> Entity | None:
        """The person "the spokesman" or "the Vermont senator" stands for, or None: for an office, the
        latest speaker holding it, else the holder the article names ("Home Secretary David Blunkett"
        for "the home secretary"); for an epithet, the person it calls so (`_epithet_person`)."""
        if title.kind is SpeakerKind.PERSON and title.role:
            for _, _, e in reversed(self.recent.values()):
                if e.role and same_office(title, e.role, e.affiliation):
                    e.aliases.append(surface)
                    return e
            holder = self._named_holder(title, pos)
            if holder is not None:
                return self._person(holder, surface, pos)
        if _epithet(surface.lower()):
            named = self._epithet_person(pos, title.gender)
            if named is not None:
                named.aliases.append(surface)
                return named
        return None

    def _person(self, title: Title, surface: str, pos: int) -> Entity:
        parts = title.name.split()
        full = title.name
        gender = title.gender
        role, aff = title.role, title.affiliation
        if len(parts) == 1 or parts[0].lower() in lx.SURNAME_PARTICLES:
            best = self._holder_of_surname(title.name, pos)
            if best is not None:
                full = best.name
                role = role or best.role
                aff = aff or best.affiliation
                gender = gender or best.gender
            else:
                for e in self.by_first.get(parts[0].lower(), ()):
                    if e.kind is SpeakerKind.PERSON:
                        full = e.name
                        break
        else:
            # A longer earlier entity with the same surname ("John F. Kirby" vs "John Kirby").
            for e in self.by_first_last.get((parts[0], parts[-1]), ()):
                if e.kind is SpeakerKind.PERSON:
                    full = e.name
                    break
        if gender is None:
            gender = first_name_gender(full.split()[0])
        existing = self.by_name.get(full)
        if existing is not None:
            existing.aliases.append(surface)
            existing.role = existing.role or role
            existing.affiliation = existing.affiliation or aff
            existing.gender = existing.gender or gender
            return existing
        return self._add(Entity(full, SpeakerKind.PERSON, role, aff, gender, [surface]))

    def _holder_of_surname(self, surname: str, pos: int) -> Title | None:
        """The full name an article gives to a surname ("Blair", "De Blasio"): the latest speaker of
        that surname, else the nearest full name before *pos*, else the first after it. Two Blairs
        in one article ("Tony Blair", "Sir Ian Blair") are told apart by who spoke last."""
        key = surname_key(surname)
        cands = [(start, t) for start, t in self.by_surname.get(key.split()[-1], ())
                 if surname_key(t.name).endswith(f" {key}")]
        if not cands:
            return None
        names = {t.name for _, t in cands}
        if len(names) > 1:
            for _, _, e in reversed(self.recent.values()):
                if e.name in names:
                    return next(t for _, t in cands if t.name == e.name)
        before = [t for start, t in cands if start < pos]
        return before[-1] if before else cands[0][1]

    def _named_holder(self, description: Title, pos: int) -> Title | None:
        """The person the article names with the office of *description* ("the prime minister" ->
        "Prime Minister Tony Blair"), nearest before *pos*, else the first after it; None when the
        article names no holder."""
        holders = [(start, t) for start, _, t in self.names
                   if t.role and same_office(description, t.role, t.affiliation)]
        if not holders:
            return None
        before = [t for start, t in holders if start < pos]
        return before[-1] if before else holders[0][1]

    def _add(self, e: Entity) -> Entity:
        existing = self.by_name.get(e.name)
        if existing is not None:
            existing.aliases.extend(e.aliases)
            existing.role = existing.role or e.role
            existing.affiliation = existing.affiliation or e.affiliation
            if existing.kind is SpeakerKind.UNKNOWN:
                existing.kind = e.kind
            return existing
        self.by_name[e.name] = e
        words = e.name.split()
        if words:
            self.by_first.setdefault(words[0].lower(), []).append(e)
            self.by_first_last.setdefault((words[0], words[-1]), []).append(e)
        self.order.append(e.name)
        return e

    def _pronoun(self, pos: int, gender: str) -> Entity | None:
        para = self.para_of(pos)
        # Prefer a recent speaker (Citron: quote sources first), then the nearest named person; but a
        # person of that gender named since, in this paragraph or the one before, is the subject the
        # pronoun continues ("Trump cited his endorsements on Tuesday. On Wednesday, he called for").
        for at, p, e in reversed(self.recent.values()):
            if para - p > PRONOUN_PARAGRAPHS:
                break
            if e.kind in (SpeakerKind.PERSON, SpeakerKind.UNKNOWN) and e.gender in (None, gender) \
                    and e.name[:1].isupper():
                named = self._named_since(at, pos, gender)
                if named is not None and named is not e:
                    e = named
                e.aliases.append("he" if gender == "m" else "she")
                return e
        # The nearest name that may be of that gender ("Terry" may be a woman's), else the nearest
        # name with no known first name ("Crosscut Strategies" is no "she" when "Hillary Clinton"
        # came before it).
        for known in (True, False):
            key = f"{gender}:{known}"
            if key not in self.names_for:
                fit = sorted(((s, t) for s, _, t in self.names
                              if t.gender == gender or (t.gender is None and _known_first_name(t.name) is known)),
                             key=lambda x: x[0])
                self.names_for[key] = ([s for s, _ in fit], [t for _, t in fit])
            starts, titles = self.names_for[key]
            k = bisect.bisect_left(starts, pos) - 1
            if k >= 0:
                return self._person(titles[k], titles[k].name, pos)
        return None

    def _named_since(self, after: int, pos: int, gender: str) -> Entity | None:
        """The person of *gender* named first between *after* and the sentence holding *pos*, within this
        paragraph and the one before: the subject a pronoun continues."""
        para = self.para_of(pos)
        start = max(after + 1, self.para_starts[max(0, para - 1)])
        # Up to the pronoun's own sentence: names there may be what it reports ("Blinken had telephoned
        # Vucic, he added": he is the speaker before, not Blinken).
        end = max(self.masked.rfind(stop, start, pos) for stop in ".!?\n")
        if end < start:
            return None
        pos = end
        capitalised, objects = self._subject_names(start, pos)
        if not capitalised:
            return None
        first: tuple[int, Entity] | None = None
        for e in self.by_name.values():
            if e.kind is not SpeakerKind.PERSON or e.gender != gender:
                continue
            at = capitalised.get(e.name.rsplit(None, 1)[-1])
            if at is not None and (first is None or at < first[0]) and _named(e.name):
                first = (at, e)
        # A person the article names in full there, who has not spoken yet ("Tom Hartley cited ...").
        k = bisect.bisect_left(self.names, (start,))
        while k < len(self.names) and self.names[k][0] < pos and self.names[k][0] in objects:
            k += 1  # "loyalists to Joe Biden": no subject a pronoun continues
        if k < len(self.names) and self.names[k][0] < pos and (first is None or self.names[k][0] < first[0]):
            title = self.names[k][2]
            if title.gender == gender and _named(title.name):
                return self._person(title, title.name, pos)
        return first[1] if first else None

    def _subject_names(self, start: int, end: int) -> tuple[dict[str, int], set[int]]:
        """Each capitalised word of masked[start:end], where it first appears, less the name runs
        after a preposition ("lobbying by loyalists to Joe Biden": Biden is no subject); and where
        the words of those runs start."""
        found: dict[str, int] = {}
        objects: set[int] = set()
        after_preposition = False
        last_end = -1
        for word in _CAPITALISED.finditer(self.masked, start, end):
            between = self.masked[last_end:word.start()].strip() if last_end >= 0 else None
            if between not in ("", "and", "or"):  # a new run; "to Joe Biden and Bernie Sanders" is one object
                before = max(0, word.start() - 12)
                after_preposition = _OBJECT_BEFORE.search(self.masked, before, word.start()) is not None
            last_end = word.end()
            if after_preposition:
                objects.add(word.start())
            else:
                found.setdefault(word.group(), word.start())
        return found, objects

    def _epithet_person(self, pos: int, gender: str | None) -> Entity | None:
        """The person an epithet stands for ("the Vermont senator" after "Sen. Bernie Sanders"): of the
        named people before *pos* of a fitting gender, the one the article has named most often so far
        (an epithet stands for the story's subject, not for whoever spoke last); of two people with one
        surname ("Donald Trump", "Ivanka Trump"), the one the article named first."""
        seen: dict[str, tuple[int, Title]] = {}
        for start, _, title in self.names:
            if start >= pos:
                break
            if title.kind is SpeakerKind.PERSON and _named(title.name) \
                    and (gender is None or title.gender in (None, gender)):
                seen.setdefault(title.name, (start, title))
        if not seen:
            return None
        before = self.masked[:pos]

        def salience(item: tuple[str, tuple[int, Title]]) -> tuple[int, int]:
            surname = item[0].split()[-1]
            return len(re.findall(rf"\b{re.escape(surname)}\b", before)), -item[1][0]

        _, (_, title) = max(seen.items(), key=salience)
        return self._person(title, title.name, pos)

    def _org_pronoun(self, pos: int, low: str) -> Entity | None:
        para = self.para_of(pos)
        for _, p, e in reversed(self.recent.values()):
            if para - p > PRONOUN_PARAGRAPHS:
                break
            if e.kind in (SpeakerKind.ORGANIZATION, SpeakerKind.GROUP):
                e.aliases.append(low)
                return e
        return None


# A preposition right before a name: the name is an object ("loyalists to Joe Biden"), no subject.
_OBJECT_BEFORE = re.compile(r"\b(?:to|of|by|for|with|against|from|about|than|at)\s+\Z")


# Heads an article uses alone for the one body of that kind it names ("the commission" for the
# Electoral Commission). Not "the government" (the country's, not the "Local Government
# Association"), "the party" or "the association" (a party's local branch is rarely named in full).
_SHORT_FORM_HEADS = frozenset("""
    commission committee federation alliance council agency authority institute foundation union tribunal
""".split())


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s")) and len(word) > 3


def _known_first_name(name: str) -> bool:
    """The name opens with a first name of the lexicon, of either gender ("Terry Strada")."""
    first = name.split()[0].lower() if name.split() else ""
    return first in lx.MALE_NAMES or first in lx.FEMALE_NAMES


def _names_nobody(name: str) -> bool:
    """A mention that names nobody: one word that opens a sentence before a cue (a pronoun, a
    connective, a month), or a fragment a subject scan took for a speaker (one that opens with a
    preposition, "to back controversial government", "from Wembley"; the tail of a number,
    "000 adults for BBC One", "22bn ministers"; one with a verb in it, "the trouble began",
    "Mr Kennedy held talks with Tony Blair on Friday over government")."""
    low = name.lower()
    if " " not in name:
        return low.replace("’", "'") in lx.NOT_A_SPEAKER or low in lx.MONTHS or low in lx.DAYS
    words = low.split()
    if words[0] in lx.FRAGMENT_OPENERS or _NUMBER_TAIL.match(words[0]):
        return True
    return any(w in lx.PAST_ONLY or w in _FRAGMENT_VERBS for w in words)


# "000 adults" (of "2,000 adults"), "22bn", "1.7m": a number cut from its head, no speaker.
_NUMBER_TAIL = re.compile(r"^(?:000|\d+(?:\.\d+)?(?:bn|m|k|%))\b")
# Verbs that never sit inside a speaker's name ("Mr Kennedy held talks with ...", "the trouble began").
_FRAGMENT_VERBS = frozenset("held mean".split())  # besides lexicon.PAST_ONLY ("came", "began")


_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")


def _named(name: str) -> bool:
    """A person's name of two words or more, each capitalised ("Bernie Sanders"), not "U.S. senator"."""
    words = name.split()
    return len(words) > 1 and all(w[:1].isupper() or w.lower() in lx.SURNAME_PARTICLES for w in words)


def _epithet(low: str) -> bool:
    """"the New York businessman", "the 70-year-old": an epithet for a person named before, never
    one that changes the office ("the former senator")."""
    words = low.split()
    return (words[-1] in lx.EPITHET_HEADS or lx.YEAR_OLD.match(words[-1]) is not None) \
        and _OFFICE_CHANGERS.isdisjoint(words)


def surname_key(name: str) -> str:
    """A name compared by its words, lower-cased, with one kind of apostrophe ("O’Neill" = "O'Neill")."""
    return " ".join(name.replace("’", "'").lower().split())


# Modifiers a description may carry that its holder's title need not repeat ("the Democratic
# presidential nominee" is "Democratic nominee Hillary Clinton").
_LOOSE_MODIFIERS = frozenset("presidential party current new incumbent top senior".split())


# Modifiers that make another office: "the former prime minister" is not "Prime Minister Tony
# Blair", "the GOP nominee" not "Republican vice-presidential nominee Mike Pence".
_OFFICE_CHANGERS = frozenset("former vice deputy shadow assistant acting junior ex associate interim outgoing incoming"
                             " elect".split())


def _office_words(text: str | None) -> list[str]:
    words: list[str] = []
    for word in (text or "").replace("'s", "").replace("’s", "").replace("-", " ").split():
        low = word.strip(".,").lower()
        words.extend(lx.DESCRIPTION_SYNONYMS.get(low, low).split())
    return [w for w in words if w and w not in lx.ARTICLES]


def same_office(description: Title, role: str, affiliation: str | None) -> bool:
    """Does a holder with *role* and *affiliation* fit *description* ("the Tory leader" fits
    "Conservative leader Michael Howard"; "the former prime minister" does not fit "Prime Minister
    Tony Blair")? The role's words must end the holder's role, the description's other words must
    be in the holder's title, and words that make another office ("former", "vice") be on both."""
    wanted_role = _office_words(description.role)
    held_role = _office_words(role)
    if not wanted_role or held_role[-len(wanted_role):] != wanted_role:
        return False
    held = set(held_role) | set(_office_words(affiliation))
    wanted = set(_office_words(description.affiliation)) - _LOOSE_MODIFIERS
    return wanted <= held and wanted & _OFFICE_CHANGERS == held & _OFFICE_CHANGERS


def _org_name(name: str) -> str:
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words) or name
