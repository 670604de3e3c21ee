"""Answers linked to what they answer: "Trump denied the charge" to the claim that made the charge.

Real disputes rarely repeat the words they answer. An answer is a claim that denies, rejects, dismisses
or rebuts (by its cue, "denied", "dismissed", or by its words, "not true", "nonsense", "categorically
untrue"). It is linked to the claim it answers, in its own article:

- an answer with an object ("the charge", "those reports", "Exxon's accusation", "it is untrue") or a
  bare rebuttal ("This is some sort of nonsense") answers the nearest earlier claim, by another speaker,
  that is about the one who answers or their side (its targets, see `targets`), or that was made by
  someone the answer names ("Trump's tweets are lies");
- a denial with its own content ("denied she mishandled classified information") answers the nearest
  earlier accusation or allegation about the one who denies, even when the two share no word.

- an anaphoric answer ("That never happened", "It is untrue", "Nonsense") about which no earlier claim is
  made against the one who answers answers what was said just before it (`said_just_before`);
- a dispute that reports what it disputes ("Clinton has said X, a point officials have disputed") answers
  the claim reported inside it (`disputed_inside`).

An answer with an object or a bare rebuttal that its article leaves unanswered may answer a claim of
another article, but only one the finder already compares it with (`link_across`): the latest earlier
one about the one who answers. A noncommittal reply ("declined to comment") answers nothing, and neither
does a denial of something nobody claimed against the one who denies. The pure part (`read_answer`,
`answered_claim`, `link_article`) works on plain values; `answer_suggestions` reads what it needs from
the store (nothing new is stored: the targets come from each claim's words and speaker).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import cast

from sqlalchemy import case, func
from sqlmodel import Session, col
from sqlmodel.sql.expression import Select

from claimtrack.contradictions.lemmas import lemma
from claimtrack.contradictions.lexicon import (
    ACCUSING_CUES,
    ANSWER_CUES,
    ANSWER_NOUNS,
    ANSWER_PRONOUNS,
    REBUTTAL_WORDS,
)
from claimtrack.contradictions.propositions import distinctive, term_weight
from claimtrack.contradictions.signals import NEGATIVE, NOT_COMMITTED, POSITIVE, ClaimFacts, Suggestion
from claimtrack.contradictions.targets import PERSON, claim_targets, is_about
from claimtrack.contradictions.terms import Terms
from claimtrack.contradictions.topics import speaker_entities
from claimtrack.store.core_rows import fetch_in, ids
from claimtrack.store.models import Claim, Source, Speaker
from claimtrack.vocabulary import ARTICLE_VERDICT_RULE, RelationKind, SpeakerKind, Stance

# How sure each way of linking is (an answer's object names what it answers; a bare rebuttal or a
# denial with content is linked by whom the answered claim is about).
ANSWER_SCORES = {"object": 0.85, "rebuttal": 0.75, "denial": 0.7, "nearest": 0.6, "disputes": 0.75, "reply": 0.7,
                 "verdict": 0.75}
# A reply that opens by saying no ('"No, I meant he is the founder," Trump responded') answers what it
# replies to; a reply that agrees or goes on ("replied that the plan was ready") answers nothing.
REPLY_CUES = frozenset("reply respond retort counter".split())
_NO_OPENING = re.compile(r"^\W*(?:(?:no|nope)\s*[,.!;:—–-]|(?:absolutely|of\s+course)\s+not\b|not\s+at\s+all\b)",
                         re.IGNORECASE)
MAX_DISTANCE = 3000  # characters back from an answer to the claim it answers
# "That never happened" or "It is untrue" with no earlier claim about the one who answers: what was said
# just before (this far back, from claim start to claim start), whoever it was about.
NEAR = 400
MAX_OWN_MATTER = 3  # a rebuttal with more matter words of its own says something else too
MAX_REBUTTAL_WORDS = 12  # a bare rebuttal is short: "This is some sort of nonsense"
SNIPPET_WORDS = 9  # words of the answered claim shown in the reason
AUTHOR_REACH = 40  # characters of an answer's opening read for the author it names
WINDOW = 400  # characters of a claim's cue and content read for its targets
# id, start, cue, text, cue and content, the speaker's kind
PlacedRow = Select[int, int, str | None, str, str | None, str | None, str | None]
BODIES = frozenset({SpeakerKind.ORGANIZATION.value, SpeakerKind.GROUP.value})  # not "he" nor "she"

_REBUTTAL = re.compile(r"\b(?:" + "|".join(REBUTTAL_WORDS) + r")\b", re.IGNORECASE)
_OWNER = r"(?:(?:the|these|those|this|that|such|his|her|their|its|[A-Z][\w.\-]*(?:'s|’s))\s+)"
_NOUN_OBJECT = re.compile(rf"^\W*{_OWNER}{{0,2}}(?:[\w\-'’.]+\s+){{0,2}}?(?:{'|'.join(ANSWER_NOUNS)})\b",
                          re.IGNORECASE)
_PRONOUN_OBJECT = re.compile(rf"^\W*(?:{'|'.join(ANSWER_PRONOUNS)})\b", re.IGNORECASE)
# "It is categorically untrue", "This is some sort of nonsense", "That's a lie".
# Also 'is a "distortion"', whose subject ("that") the extractor left outside the content.
_PRONOUN_REBUTTAL = re.compile(rf"^\W*(?:(?:{'|'.join(ANSWER_PRONOUNS)})(?:'s|’s|\s+is|\s+was|\s+are|\s+were)?"
                               rf"|is|was|are|were)\s+(?:[\w\-]+\s+){{0,3}}?[\"“‘']?"
                               rf"(?:{'|'.join(REBUTTAL_WORDS)})\b", re.IGNORECASE)
# What may follow an object that names no content of its own: "those reports as lies", "the charge in an
# interview", "the claims on Monday". Anything else says what is denied ("the notion that ...", "the claim he
# had reneged ..."): a denial with content.
_PLAIN_REST = re.compile(r"\W*(?:$|(?:as|in|on|at|by|from|during|to|with|after|before|when|last|this|earlier|"
                         r"later|again|outright|flatly|today|yesterday|is|are|was|were|\w+day)\b)", re.IGNORECASE)
# The one an object names as its author: "Exxon's accusation", "Trump's tweets", "criticism from Smith".
_POSSESSOR = re.compile(r"\b([A-Z][\w.\-]*)(?:'s|’s)\s|\bfrom\s+((?:[A-Z][\w.\-]*\s?){1,3})")
_WORDS = re.compile(r"[A-Za-z]+")
# "his comments were false": the answer names a person as the author without naming them.
_HIS_HER = re.compile(rf"^\W*(?:his|her)\s+(?:[\w\-]+\s+){{0,2}}?(?:{'|'.join(ANSWER_NOUNS)})\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Placed:
    """A claim where it sits in its article: its facts, offset, cue, text and targets."""

    facts: ClaimFacts
    start: int
    cue: str
    text: str
    targets: frozenset[str]
    authors: frozenset[str] = frozenset()  # whom its opening names as an author ("Trump's tweets", "his")
    speaker_kind: str = SpeakerKind.UNKNOWN.value
    article_verdict: bool = False  # the article's own verdict on its parent ("Voting fraud is, in fact, rare.")


@dataclass(frozen=True, slots=True)
class Answer:
    """How a claim answers: by its object ("object"), by rebuttal words alone ("rebuttal"), or by a
    denial with content of its own ("denial"); *words* are what the reason shows ("the charge")."""

    how: str
    words: str
    anaphoric: bool = False  # "It is untrue", "Nonsense": it answers what was just said


def _cue_lemmas(cue: str) -> set[str]:
    return {lemma(word.lower()) for word in _WORDS.findall(cue)}


def read_answer(claim: Placed) -> Answer | None:
    """How *claim* answers another claim, or None when it answers nothing."""
    facts = claim.facts
    if facts.stance in NOT_COMMITTED:
        return None
    answer_cue = bool(_cue_lemmas(claim.cue) & ANSWER_CUES) or facts.stance == Stance.DENIES
    obj = _NOUN_OBJECT.match(claim.text)
    # The rebuttal words that follow the object: "those reports as lies", not "a false claim that".
    rebuttal = _REBUTTAL.search(claim.text, obj.end() if obj else 0)
    if "?" in claim.text:
        rebuttal = None  # "Is he pretending this is all made up?" asks, it does not rebut
    if _accusing(claim):
        # "accused ministers of telling lies" accuses, it answers nothing; "Trump's tweets accusing her of
        # ... are lies" accuses the one who tweeted, and answers the tweets
        if not (obj and rebuttal and _POSSESSOR.match(obj.group().strip())):
            return None
        return Answer("object", _clean(obj.group()))
    if _cue_lemmas(claim.cue) & REPLY_CUES and _NO_OPENING.match(claim.text):
        return Answer("reply", _quoted(_snippet(claim.text)), anaphoric=True)  # '"No, I meant ...," he replied'
    if obj and (answer_cue or rebuttal):
        # "denied the notion that a shakeup is coming" says what it denies: a denial with content.
        plain = _PLAIN_REST.match(claim.text, obj.end())
        return Answer("object" if plain else "denial", _clean(obj.group()))
    if _PRONOUN_REBUTTAL.match(claim.text) or (answer_cue and _pronoun_object(claim.text)):
        # 'Garten answers "It is categorically untrue"'
        return Answer("object", _quoted(_snippet(claim.text)), anaphoric=True)
    if rebuttal and len(facts.topic.keys) <= MAX_OWN_MATTER and _short(claim.text, MAX_REBUTTAL_WORDS):
        return Answer("rebuttal", rebuttal.group(), anaphoric=True)
    if answer_cue and facts.stance == Stance.DENIES:  # "rejected tax cuts" rejects a policy, not a claim
        return Answer("denial", "")
    return None


def _pronoun_object(text: str) -> bool:
    """ "denied it in an interview", "denied that": not "denied that the port was sold" (a clause)."""
    pronoun = _PRONOUN_OBJECT.match(text)
    if pronoun is None:
        return False
    return _short(text, 2) or (pronoun.group().strip(" \"“'‘").lower() != "that" and _short(text, 6))


def _short(text: str, words: int) -> bool:
    return len(_WORDS.findall(text)) <= words


def _clean(words: str) -> str:
    return " ".join(words.strip(" \t\n\"“”'‘’,").split())


def _accusing(claim: Placed) -> bool:
    return claim.facts.stance in (Stance.ACCUSES, Stance.ALLEGES) or bool(_cue_lemmas(claim.cue) & ACCUSING_CUES)


def _charge_answered(earlier: Placed, denial: Placed) -> bool:
    """Whether a denial with content of its own may answer *earlier*: an accusation or allegation its cue
    makes ("accused", "alleged"), or one that shares a distinctive word with the denial. A stance read from
    "said" or "told" alone is too weak a charge to link on whom it is about (on real news such links were
    wrong: "he talks off the cuff" answered by "I never said that")."""
    if not _accusing(earlier):
        return False
    if _cue_lemmas(earlier.cue) & ACCUSING_CUES:
        return True
    return bool(distinctive(earlier.facts.topic.keys & denial.facts.topic.keys, term_weight))


def _may_answer(answer: Placed, earlier: Placed) -> bool:
    a, b = answer.facts, earlier.facts
    if b.stance not in POSITIVE or earlier.start >= answer.start or answer.start - earlier.start > MAX_DISTANCE:
        return False
    if a.parent_id == b.id or b.parent_id == a.id:
        return False
    return a.speaker_id is None or a.speaker_id != b.speaker_id


def _about(earlier: Placed, answer: Placed) -> bool:
    """Whether *earlier* is about the one who answers; "he had taken the money" only when it accuses and
    the one who answers may be a person (not a body: "the government denies the claims")."""
    if earlier.targets != {PERSON}:
        return is_about(earlier.targets, answer.facts)
    return _accusing(earlier) and answer.speaker_kind not in BODIES and is_about(earlier.targets, answer.facts)


def _earlier_elsewhere(answer: Placed, other: Placed) -> bool:
    """Whether *other*, a claim of another article by another speaker, was said before *answer* (by the
    articles' dates, else by when it was stored)."""
    a, b = answer.facts, other.facts
    if a.source_id == b.source_id or b.stance not in POSITIVE:
        return False
    if a.speaker_id is not None and a.speaker_id == b.speaker_id:
        return False
    if a.published and b.published and a.published != b.published:
        return b.published < a.published
    return b.id < a.id


def _in_article(claim: Placed) -> tuple[str, int]:
    return "", claim.start


def _in_store(claim: Placed) -> tuple[str, int]:
    return claim.facts.published or "", claim.facts.id


def _by_author(authors: frozenset[str], claim: Placed) -> bool:
    """Whether *claim* was said by the author an answer names; "his comments" name a person, not a body."""
    if authors == {PERSON}:
        return claim.facts.speaker_id is not None and claim.speaker_kind not in BODIES
    return bool(authors & claim.facts.speaker_entities)


def answered_claim(answer: Placed, how: Answer, article: Sequence[Placed], *, across: bool = False) -> Placed | None:
    """The nearest earlier claim of *article* that *answer* answers, or None; with *across*, the latest
    earlier claim of the other articles in *article* (claims the finder compares the answer with).

    An answer that names the author of what it answers ("Trump's tweets are lies") answers that author."""
    may, order = (_earlier_elsewhere, _in_store) if across else (_may_answer, _in_article)
    by_author = []
    for earlier in sorted(article, key=order, reverse=True):
        if not may(answer, earlier):
            continue
        if answer.authors:
            if _by_author(answer.authors, earlier):
                by_author.append(earlier)
        elif (how.how != "denial" or _charge_answered(earlier, answer)) and _about(earlier, answer):
            return earlier
    # Of the author's claims, the nearest that shares a distinctive word with the answer ("Trump's tweets
    # accusing Machado of having a sex tape are lies": his claim about the sex tape), else the nearest.
    return next((e for e in by_author if distinctive(e.facts.topic.keys & answer.facts.topic.keys, term_weight)),
                by_author[0] if by_author else None)


def said_just_before(answer: Placed, article: Sequence[Placed]) -> Placed | None:
    """The claim said just before an anaphoric answer ("That never happened"), by someone else, when no
    earlier claim is about the one who answers: what "that" refers to. A question or a depiction counts
    ("For what?" ... "That never happened"); a denial does not (denying a denial agrees with it)."""
    a = answer.facts
    for earlier in sorted(article, key=_in_article, reverse=True):
        b = earlier.facts
        if earlier.start >= answer.start or b.id == a.id:
            continue
        if answer.start - earlier.start > NEAR:
            return None
        if a.parent_id == b.id or b.parent_id == a.id or (a.speaker_id is not None and a.speaker_id == b.speaker_id):
            continue
        return earlier if b.stance in POSITIVE or b.stance == Stance.UNCOMMITTED else None
    return None


def disputed_inside(claim: Placed, article: Sequence[Placed]) -> list[Placed]:
    """The claims reported inside a dispute ("Clinton said X, a point officials have disputed"; "denied
    Roe's claim that ..."): what the one who disputes answers, by another speaker."""
    a = claim.facts
    if a.stance not in NEGATIVE or not _cue_lemmas(claim.cue) & ANSWER_CUES:
        return []
    return [inner for inner in article if inner.facts.parent_id == a.id and inner.facts.stance in POSITIVE
            and not (a.speaker_id is not None and inner.facts.speaker_id == a.speaker_id)]


def _quoted(words: str) -> str:
    """Words quoted in a reason: 'is a "distortion"' keeps its own quotation marks apart from the reason's."""
    words = words.rstrip(",;")
    if words.count('"') % 2:  # its closing mark was cut with the trailing comma: 'is a "distortion,"'
        words += '"'
    return f"‘{words}’" if '"' in words else f"\"{words}\""


def _snippet(text: str) -> str:
    words = _clean(text).split()
    shown = " ".join(words[:SNIPPET_WORDS])
    if shown.count('"') % 2 and len(words) <= SNIPPET_WORDS:
        shown += '"'  # 'is "a huge problem"': its closing mark went with the cleaning
    return shown + (" ..." if len(words) > SNIPPET_WORDS else "")


def _reason(answer: Placed, how: Answer, answered: Placed) -> str:
    who = answer.facts.speaker or "an unattributed source"
    other = answered.facts.speaker or "an unattributed source"
    verb = answer.facts.stance if answer.facts.stance in NEGATIVE else "rebuts"
    said = "says" if answered.facts.stance == Stance.UNCOMMITTED else answered.facts.stance
    if how.how == "verdict":
        head = f"the article itself says {how.words}"
    elif how.how == "disputes":
        head = f"{who} {_clean(answer.cue) or verb} it"
    elif how.how == "reply":
        head = f"{who} replies {how.words}"
    elif how.words[:1] in ('"', "‘"):
        head = f"{who} answers {how.words}"
    elif how.how in ("rebuttal", "nearest"):
        head = f"{who} calls it \"{how.words}\""
    elif how.how == "object":
        head = f"{who} {verb} {how.words}"
    else:  # a denial with content: what it denies
        charge = "the accusation" if answered.facts.stance == Stance.ACCUSES else "the allegation"
        head = f"{who} {verb} {how.words or charge}"
    return f"{head} ({other} {said} {_snippet(answered.text)})"


def _linked(answer: Placed, how: Answer, answered: Placed) -> Suggestion:
    return Suggestion(claim_a=answered.facts.id, claim_b=answer.facts.id, kind=RelationKind.CONTRADICTS.value,
                      score=ANSWER_SCORES[how.how], reason=_reason(answer, how, answered),
                      signals=(f"answer: {how.how}",))


def link_article(article: Sequence[Placed]) -> list[Suggestion]:
    """Every answer of one article linked to the claim it answers."""
    found = []
    for claim in article:
        if claim.article_verdict:  # the article's own verdict answers the claim the engine linked it to
            answered = next((other for other in article if other.facts.id == claim.facts.parent_id), None)
            if answered is not None:
                found.append(_linked(claim, Answer("verdict", _quoted(_snippet(claim.text))), answered))
            continue
        found += [_linked(claim, Answer("disputes", ""), inner) for inner in disputed_inside(claim, article)]
        how = read_answer(claim)
        if how is None:
            continue
        # A reply answers what was said just before it (the question put to the one who replies).
        answered = said_just_before(claim, article) if how.how == "reply" else answered_claim(claim, how, article)
        if answered is None and how.anaphoric and (answered := said_just_before(claim, article)) is not None:
            how = Answer("nearest", how.words, anaphoric=True)
        if answered is not None:
            found.append(_linked(claim, how, answered))
    return found


def link_across(pending: Mapping[int, tuple[Placed, Answer]], compared: Iterable[tuple[int, int]],
                others: Mapping[int, Placed]) -> list[Suggestion]:
    """Answers their own article leaves unanswered, linked to a claim of another article among the
    claims the finder compares them with (*compared*: pairs of claim ids; *others*: those claims placed)."""
    leads: dict[int, list[Placed]] = {}
    for a, b in compared:
        for answer, other in ((a, b), (b, a)):
            if answer in pending and other in others:
                leads.setdefault(answer, []).append(others[other])
    found = []
    for claim_id, candidates in sorted(leads.items()):
        claim, how = pending[claim_id]
        answered = answered_claim(claim, how, candidates, across=True)
        if answered is not None:
            found.append(_linked(claim, how, answered))
    return found


def placed_claims(session: Session, facts: dict[int, ClaimFacts], terms: Terms) -> dict[int, list[Placed]]:
    """source id -> the claims of *facts* in that source, placed and with their targets."""
    articles: dict[int, list[Placed]] = {}
    for claim_id, start, cue, text, read, kind, rule in fetch_in(session, _PLACED, "claims", facts):
        placed = place(facts[claim_id], start, cue or "", text, read or text, terms, kind,
                       article_verdict=rule == ARTICLE_VERDICT_RULE)
        articles.setdefault(placed.facts.source_id, []).append(placed)
    return articles


def _placed_statement() -> PlacedRow:
    first = func.coalesce(col(Claim.cue_start), col(Claim.start))
    # From the cue (or the content) to the content's end; empty when the cue comes after the content
    # (then the claim's own text is read). A negative length is an error on PostgreSQL.
    length = col(Claim.end) - first
    window = func.substr(Source.text, first + 1, case((length > WINDOW, WINDOW), (length > 0, length), else_=0))
    columns = (col(Claim.id), col(Claim.start), col(Claim.cue), col(Claim.text), window, col(Speaker.kind),
               col(Claim.rule))
    # sqlmodel's `select` is typed for up to four columns; its `Select` takes any number, untyped.
    return cast(PlacedRow, Select(*columns).join(Source, col(Source.id) == Claim.source_id)
                .outerjoin(Speaker, col(Speaker.id) == Claim.speaker_id).where(col(Claim.id).in_(ids("claims"))))


_PLACED = _placed_statement()


def place(facts: ClaimFacts, start: int, cue: str, text: str, window: str, terms: Terms,
          speaker_kind: str | None = None, article_verdict: bool = False) -> Placed:
    """A claim placed in its article; *window* is its cue and content as the article writes them."""
    named = [name for match in _POSSESSOR.finditer(text[:AUTHOR_REACH]) for name in match.groups() if name]
    verdict = _HIS_HER.match(text) and _REBUTTAL.search(text)  # "his comments were false", not "denied her claims"
    authors = speaker_entities(named, terms) or (frozenset({PERSON}) if verdict else frozenset())
    return Placed(facts, start, cue, text, claim_targets(facts, window, terms), authors,
                  speaker_kind or SpeakerKind.UNKNOWN.value, article_verdict)


def answer_suggestions(session: Session, facts: dict[int, ClaimFacts], terms: Terms, blocked: set[tuple[int, int]],
                       compared: Iterable[tuple[int, int]] = (),
                       known: Mapping[int, ClaimFacts] | None = None) -> list[Suggestion]:
    """The answers among *facts* linked to the claims they answer in their articles, else (across articles)
    among the pairs in *compared* (the claims of *known*, default *facts*). Pairs in *blocked* are skipped,
    and the pairs found are added to it (so no other signal suggests them again)."""
    articles = placed_claims(session, facts, terms)
    found = [suggestion for article in articles.values() for suggestion in link_article(article)]
    linked = {suggestion.claim_b for suggestion in found}
    # Across articles only answers that say nothing of their own ("the charge", "It is untrue"): a denial with
    # content meets the claims of other articles through the shared matter `signals.compare` weighs.
    pending = {claim.facts.id: (claim, how) for article in articles.values() for claim in article
               if claim.facts.id not in linked and (how := read_answer(claim)) is not None and how.how != "denial"}
    pairs = [pair for pair in compared if pair[0] in pending or pair[1] in pending] if pending else []
    if pairs:
        known = known or facts
        wanted = {i: known[i] for pair in pairs for i in pair if i in known}
        others = {claim.facts.id: claim for article in placed_claims(session, wanted, terms).values()
                  for claim in article}
        found += link_across(pending, pairs, others)
    kept = []
    for suggestion in found:
        pair = (min(suggestion.claim_a, suggestion.claim_b), max(suggestion.claim_a, suggestion.claim_b))
        if pair not in blocked:
            blocked.add(pair)
            kept.append(suggestion)
    return kept
