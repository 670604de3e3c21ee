"""Stance: the cue's class, then the reported words' own act, then what the article says around it.

1. The cue decides first. A negated or refused cue ("did not directly deny", "declined to comment")
   leaves the speaker uncommitted; it never flips to the opposite class. A negated belief ("does not
   believe X") is the one exception: the speaker holds not-X, so the claim X is `rejects` (shown
   alone, "uncommitted: X" would read as if the speaker might hold X); passive ("is not thought to
   be capable"), it is others' belief: `hedges`.
2. For a neutral cue (said, told, according to) the reported words carry the act, tried in order:
   a denial in the speaker's words, a first-person performative ("I urge", "we are calling on"),
   an opening "I think", a concession, a refusal, an attack on a party's conduct, an insinuation,
   the speaker's own "will", a danger ahead, "should"/"must" for others, "probably"/"may".
3. `settle_stances` runs once the article's claims are all found (the engine sees the whole article
   and stays pure): an assertion about another party's conduct that this party denies in the same
   article is `alleges`, and the denier's next negated words are part of the denial.
"""
from __future__ import annotations

import dataclasses
import re

from claimtrack.engine import lexicon as lx
from claimtrack.engine.cues import Cue
from claimtrack.engine.model import ExtractedClaim, SpeakerEntity
from claimtrack.vocabulary import Stance

FIRST_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z])")
MODAL_OF_FUTURE = re.compile(r"\b(?:will|would|could|might|may|shall|going to|['’]ll)\b", re.I)
WORD = re.compile(r"[a-z]+")
QUOTATION_MARKS = re.compile(r"[\"“”„«»]")
# Trigger words (lexicon.STANCE_TRIGGERS): the short ones whole, the others by their first four letters.
_WHOLE: dict[str, set[str]] = {}
_HEADS: dict[str, list[tuple[str, str]]] = {}
for _name, _words in lx.STANCE_TRIGGERS.items():
    for _w in _words.split():
        if len(_w) < 4:
            _WHOLE.setdefault(_w, set()).add(_name)
        else:
            _HEADS.setdefault(_w[:4], []).append((_w, _name))


def _possible(content: str) -> frozenset[str]:
    """The content patterns worth trying on *content*: those one of whose trigger words it holds."""
    found: set[str] = set()
    for w in set(WORD.findall(content.lower())):
        if w in _WHOLE:
            found |= _WHOLE[w]
        for trigger, name in _HEADS.get(w[:4], ()):
            if w.startswith(trigger):
                found.add(name)
    return frozenset(found)


def stance_of(cue: Cue | None, content: str, direct: bool) -> Stance:
    if cue is None:
        return content_stance(content, direct)
    if cue.negated or cue.refused:
        return _negated(cue)
    if cue.passive and cue.lemma in lx.PASSIVE_NOT_SPEECH:
        return Stance.ASSERTS  # "the men were questioned by police": no one speaks
    base = lx.STANCE_CUE_OVERRIDES.get(cue.lemma) or lx.CUE_LEMMAS.get(cue.lemma, Stance.ASSERTS)
    if cue.lemma in lx.INTERROGATIVE_CUES and _open_question(content):
        return Stance.UNCOMMITTED
    if base is Stance.PROMISES and cue.lemma in lx.STANCE_CUE_OVERRIDES and lx.INTENT_TO_OTHERS.match(content):
        return Stance.URGES  # "wants Congress to act": a call on others, not an own intention
    if cue.lemma == "want" and content.startswith("to know"):
        return Stance.UNCOMMITTED  # "wanted to know who approved it": a question
    if cue.lemma in lx.VERDICT_CUES and lx.VERDICT_CONTENT.match(content):
        return Stance.REJECTS  # "called the charges unsubstantiated", "called it nonsense"
    if base is Stance.ASSERTS and cue.lemma in lx.DIRECTIVE_CUES and lx.INFINITIVE_CONTENT.match(content):
        return Stance.URGES  # "told his staff never to speak of it": a directive
    if base is Stance.ASSERTS:
        return content_stance(content, direct, naming=cue.lemma in lx.QUOTE_ONLY_CUES)
    return base


def _negated(cue: Cue) -> Stance:
    if cue.negated and not cue.refused and cue.lemma in lx.BELIEF_CUES:
        return Stance.HEDGES if cue.passive else Stance.REJECTS
    return Stance.UNCOMMITTED


def _open_question(content: str) -> bool:
    low = content.lower()
    first, _, rest = low.partition(" ")
    if first.endswith("ly"):  # "specifically what should be done"
        low = rest
    return low.startswith(lx.QUESTION_STARTS) or "?" in content


def content_stance(content: str, direct: bool, naming: bool = False) -> Stance:
    """The act of the reported words themselves, for a neutral cue (or none). With a naming cue
    ('called the plan "a betrayal"') the content's first words are the party the words fall on.
    Double quotation marks are read through: 'it was "a mistake"' concedes as 'it was a mistake'."""
    content = QUOTATION_MARKS.sub("", content)
    may = _possible(content)
    if "denial" in may and lx.DENIAL_CONTENT.search(content) and (direct or _first_person(content)):
        return Stance.DENIES
    first = first_sentence(content)
    if "first person" in may:
        for pattern, stance in lx.PERFORMATIVE_CONTENT:
            if pattern.search(first):
                return stance
    if lx.HEDGE_OPENING.search(content):
        return Stance.HEDGES
    if lx.OPENING_CALL.match(first) and not lx.QUESTION_CONTENT.search(first):
        return Stance.URGES  # "You should resign. You should give back the money ...": the call comes first
    if naming:
        may = may | {"named"}
    for check in (_conceding, _refusing, _undecided, _attacking, _own_future, _warning, _calling_on, _hedging):
        found = check(content, first, may)
        if found is not None:
            return found
    return Stance.ASSERTS


def _conceding(content: str, first: str, may: frozenset[str]) -> Stance | None:
    return Stance.ADMITS if "admission" in may and lx.ADMISSION_CONTENT.search(first) else None


def _refusing(content: str, first: str, may: frozenset[str]) -> Stance | None:
    return Stance.REJECTS if "rejection" in may and lx.REJECTION_CONTENT.search(first) else None


def _undecided(content: str, first: str, may: frozenset[str]) -> Stance | None:
    return Stance.UNCOMMITTED if lx.UNDECIDED_CONTENT.search(first) else None


def _attacking(content: str, first: str, may: frozenset[str]) -> Stance | None:
    if "reproach" in may and lx.REPROACH_CONTENT.search(first):
        return Stance.ACCUSES
    if "accusation" in may and lx.ACCUSATION_CONTENT.search(content) and ("named" in may or names_a_party(content)):
        return Stance.ACCUSES
    if "insinuation" in may and lx.INSINUATION_CONTENT.search(content):
        return Stance.ALLEGES
    return None


def _own_future(content: str, first: str, may: frozenset[str]) -> Stance | None:
    if lx.WISH_FOR_OTHERS.search(first):
        return Stance.URGES
    if lx.SPEECH_ACT_INTENT.search(first):
        return None
    if lx.OWN_FUTURE_DIRECT.search(first) or lx.OWN_FUTURE_REPORTED.search(first):
        return Stance.PROMISES
    if lx.PLAN_COMMITMENT.search(first):
        return Stance.PROMISES
    return None


def _warning(content: str, first: str, may: frozenset[str]) -> Stance | None:
    return Stance.WARNS if "warning" in may and lx.WARNING_CONTENT.search(first) else None


def _calling_on(content: str, first: str, may: frozenset[str]) -> Stance | None:
    if "deontic" not in may or lx.QUESTION_CONTENT.search(first):
        return None  # "Should we wait?" calls on nobody
    for m in lx.DEONTIC_CONTENT.finditer(first):
        before = first[max(0, m.start() - 3):m.start()]
        if not re.search(r"\bI\s$", before):  # "I have to say", "I must say": no call on others
            return Stance.URGES
    return None


def _hedging(content: str, first: str, may: frozenset[str]) -> Stance | None:
    """"probably", "may"; an estimate of what a plan would cost."""
    if "hedge" in may and (lx.HEDGE_CONTENT.search(first) or lx.ESTIMATE_CONTENT.search(first)):
        return Stance.HEDGES
    return None


def first_sentence(content: str) -> str:
    """The content up to its first sentence end: a quote's dominant act comes first. A title's or an
    initial's stop ("Mrs. Clinton", "U.S. officials") ends no sentence."""
    for end in FIRST_SENTENCE_END.finditer(content):
        word = content[:end.start()].rsplit(None, 1)[-1].strip("\"“”‘’'(").rstrip(".").lower()
        if word in lx.HONORIFICS or (len(word) <= 3 and "." in word) or len(word) == 1:
            continue
        return content[:end.start()]
    return content


def names_a_party(content: str) -> bool:
    """A person or side the content is about: a pronoun, a role or group noun, or a capitalised name."""
    if lx.PARTY_PRONOUNS.search(content):
        return True
    if not lx.PARTY_NOUNS.isdisjoint(WORD.findall(content.lower())):
        return True
    return any(_word(m.group()) not in lx.PARTY_STOPWORDS
               for m in lx.CAPITALISED_WORD.finditer(content))


def _first_person(content: str) -> bool:
    low = f" {content.lower()} "
    return " i " in low or " we " in low


def _word(token: str) -> str:
    return token.lower().removesuffix("'s").removesuffix("’s")


# --- the article's claims together -------------------------------------------------------------

def settle_stances(claims: tuple[ExtractedClaim, ...],
                   speakers: tuple[SpeakerEntity, ...]) -> tuple[ExtractedClaim, ...]:
    """Stances that only the whole article settles (claims in article order, as the engine found them).

    - An organisation's reported "it will ..." is its own commitment: `promises`; so is a state's
      "the United States would work with ..." reported from one of its officials.
    - A poll's or a survey's finding is an estimate: `hedges`.
    - A negated statement by a party that another speaker accused earlier in the article answers
      the charge, and so do a denier's next negated words ("We don't even have half the troops"):
      `denies`.
    - An assertion of fact about another party's conduct ("Serbia had deployed tanks"), with no
      accusation cue, is `alleges` when that party denies something in the same article.
    """
    by_name = {s.name: s for s in speakers}
    parties = {s.name: _party_words(s) for s in speakers}
    out = [_estimate(_own_commitment(c, by_name.get(c.speaker or ""))) for c in claims]
    _answers_deny(out, parties)
    deniers = {c.speaker for c in out if c.stance is Stance.DENIES and c.speaker}
    if deniers:
        _disputed_allege(out, deniers, parties)
    return tuple(out)


def _answers_deny(out: list[ExtractedClaim], parties: dict[str, frozenset[str]]) -> None:
    answers = {i for i, c in enumerate(out) if c.stance is Stance.ASSERTS and c.speaker
               and lx.DENIAL_ANSWER.search(c.text) is not None}
    accused: set[str] = set()
    for i, c in enumerate(out):
        answering = i in answers and c.speaker in accused
        continuing = i > 0 and _continues_denial(out[i - 1], c) and lx.NEGATED_CONTENT.search(first_sentence(c.text))
        if c.stance is Stance.ASSERTS and c.speaker and (answering or continuing):
            out[i] = dataclasses.replace(c, stance=Stance.DENIES)
        if answers and c.stance in (Stance.ACCUSES, Stance.ALLEGES):
            named = {_word(m.group()) for m in lx.CAPITALISED_WORD.finditer(c.text)}
            accused.update(name for name, words in parties.items()
                           if name != c.speaker and words and any(_same_party(w, words) for w in named))


def _disputed_allege(out: list[ExtractedClaim], deniers: set[str], parties: dict[str, frozenset[str]]) -> None:
    for i, c in enumerate(out):
        if c.stance not in (Stance.ASSERTS, Stance.WARNS):
            continue
        if c.stance is Stance.WARNS and MODAL_OF_FUTURE.search(c.text):
            continue  # a warning of what may come, not a report of what was done
        own = parties.get(c.speaker or "", frozenset())
        if any(d != c.speaker and _about_party(c.text, parties.get(d, frozenset()), own) for d in deniers):
            out[i] = dataclasses.replace(c, stance=Stance.ALLEGES)


def _estimate(claim: ExtractedClaim) -> ExtractedClaim:
    """A poll's or a survey's finding, stated plainly, is an estimate: `hedges`."""
    if claim.stance is Stance.ASSERTS and claim.speaker and lx.ESTIMATING_SPEAKERS.search(claim.speaker):
        return dataclasses.replace(claim, stance=Stance.HEDGES)
    return claim


def _own_commitment(claim: ExtractedClaim, speaker: SpeakerEntity | None) -> ExtractedClaim:
    """An organisation's reported "it will ..." or "<its own name> will ...": its own commitment; so is a
    state's "the United States would work with ..." reported from one of its officials."""
    if claim.stance is not Stance.ASSERTS or speaker is None:
        return claim
    m = lx.OWN_FUTURE_SUBJECT.match(claim.text)
    if m is None or m.group("verb") in lx.CONSEQUENCE_VERBS:
        return claim
    subject = _word(m.group("subject"))
    if speaker.kind.value == "person":
        official = speaker.role is not None and not lx.OFFICIAL_ROLES.isdisjoint(speaker.role.lower().split())
        state = subject.split(" and ")[0]  # "the United States and its allies"
        return dataclasses.replace(claim, stance=Stance.PROMISES) if official and state in lx.STATE_SUBJECTS \
            else claim
    own = {_word(speaker.name), *(_word(a).removeprefix("the ") for a in speaker.aliases)}
    if subject == "it" or subject.removeprefix("the ") in own:
        return dataclasses.replace(claim, stance=Stance.PROMISES)
    return claim


def _continues_denial(before: ExtractedClaim, claim: ExtractedClaim) -> bool:
    return before.stance is Stance.DENIES and before.speaker == claim.speaker and claim.cue is None


def _party_words(speaker: SpeakerEntity) -> frozenset[str]:
    """The words that name a speaker's side: its name (a person's surname) and its affiliation."""
    words = set()
    name = speaker.name.split()
    if name:
        words.update(name[-1:] if speaker.kind.value == "person" else name)
    if speaker.affiliation:
        words.update(speaker.affiliation.split())
    return frozenset(w for w in map(_word, words)
                     if len(w) > 2 and w[:1].isalpha() and w not in lx.PARTY_STOPWORDS)


def _same_party(word: str, party: frozenset[str]) -> bool:
    """"Serbian" and "Serbia", "Chinese" and "China": a name and its adjective share a stem."""
    for p in party:
        stem = p[:-1] if len(p) > 4 else p
        if word == p or (len(stem) >= 4 and word.startswith(stem)):
            return True
    return False


def _about_party(content: str, party: frozenset[str], own: frozenset[str]) -> bool:
    """The content names *party* on its own (not inside a longer name or title such as "Serbian
    President Aleksandar Vucic", where the party is addressed, not acting), and not the speaker's side."""
    if not party:
        return False
    for run in re.finditer(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*", content):
        words = [_word(w) for w in run.group().split()]
        if run.start() == 0 and len(words) > 1:
            continue
        if len(words) == 1 and _same_party(words[0], party) and not _same_party(words[0], own):
            return True
    return False
