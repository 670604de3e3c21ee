"""The article's own verdicts: sentences in the reporter's own voice that say a claim of the article is
not so ("Voting fraud is, in fact, very rare.", "That comment is a lie.", "She hadn't.", "Obama did not,
however, personally found ISIS.") (P19).

They are no attributions (nobody is quoted), so `Extraction.claims` leaves them out; they are kept apart
in `Extraction.verdicts`, each with the index of the claim it answers (`parent`), and the store keeps
them as claims of no speaker, which the contradiction finder pairs with the claim they answer.

A verdict is a sentence that no claim covers, holds no quotation, says "in fact", "is a lie", "is
false", "not true", "no evidence", "in no way", "contrary to", "did not, however", or is a short negation
of what was just said ("She hadn't.", "It didn't."). It answers the nearest earlier claim by a named
speaker, within a few paragraphs: the one just before when the verdict opens with "That", "This", "It",
"He", "She" or "They", else the one sharing most words of substance with it (the nearest on a tie). A
verdict that answers no claim is no verdict.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from claimtrack.engine import lexicon as lx
from claimtrack.engine import rules
from claimtrack.engine.cues import FORMS
from claimtrack.engine.model import ExtractedClaim
from claimtrack.engine.text import Paragraph, Sentence, split_sentences
from claimtrack.vocabulary import ClaimKind, Stance

# What makes a sentence of the reporter's a verdict on a claim.
VERDICT_WORDS = re.compile(
    r"(?<!and\s)(?<!or\s)\bin\s+fact\b|\bin\s+no\s+way\b|\bno\s+evidence\b|\bnot\s+true\b|\buntrue\b|\bcontrary\s+to\b"
    r"|\b(?:is|was|are|were)\s+(?:a\s+|simply\s+|also\s+|plainly\s+)?"
    r"(?:lie|lies|false|wrong|incorrect|misleading|inaccurate|baseless|unfounded)\b"
    r"|\b(?:did|does|do|has|have|had|is|was|were|are)(?:n[’']t|\s+not),?\s+however\b", re.IGNORECASE)
# "She hadn't.", "It didn't.", "He was not." - a short negation of what was just said, a sentence of its own.
SHORT_DENIAL = re.compile(r"(?:But\s+)?(?:He|She|They|It|That|This)\s+(?:had|did|was|is|has|does|were|are|could)"
                          r"(?:n[’']t|\s+not)\b[^.!?]{0,25}[.!]?")
# Words one of which a paragraph holding a verdict holds (lower-cased; the patterns run only where they are).
VERDICT_HINTS = ("in fact", "in no way", "no evidence", "true", "contrary to", "however", " lie", "false",
                 "wrong", "incorrect", "misleading", "inaccurate", "baseless", "unfounded")
SHORT_SENTENCE = 48  # characters of the longest short negation ("They did not, in the end, do so.")
# A verdict opening with one of these answers what was said just before it.
ANAPHORIC = re.compile(r"(?:But\s+)?(?:that|this|it|these|those|he|she|they)\b", re.IGNORECASE)
WORDS = re.compile(r"[A-Za-z][A-Za-z\-]+")
QUOTE_MARKS = frozenset("\"“”")
REPORTING = lx.SPEECH_VERBS | frozenset("say saying claim claims claimed".split())
SUBSTANCE_STOP = frozenset("""
    that this they them their there these those which while where when what with would could should have
    been were from into about also than then however fact very only just some more most other such
    said says told many much even still because after before over under
""".split())
# Claims a verdict may answer: what someone asserted, not a denial, a question or a call.
ANSWERABLE = frozenset({Stance.ASSERTS, Stance.ALLEGES, Stance.ACCUSES, Stance.PROMISES, Stance.HEDGES,
                        Stance.WARNS, Stance.CONFIRMS, Stance.ADMITS})
REACH = 1200  # characters back from a verdict to the claim it answers
ANAPHORIC_REACH = 400  # "She hadn't." answers what was said this close before it
PARAGRAPHS_BACK = 2


def article_verdicts(text: str, masked: str, lowered: str, paras: Sequence[Paragraph],
                     claims: Sequence[ExtractedClaim], short: Sequence[Sentence] = ()) -> tuple[ExtractedClaim, ...]:
    """The reporter's verdicts on the article's *claims* (see the module); *masked* is the text with
    quotations blanked out, *lowered* the masked text lower-cased, *short* the article's sentences of at
    most SHORT_SENTENCE characters (where a short negation may be)."""
    if not claims:
        return ()
    covered = [(c.start, c.end) for c in claims]
    covered += [(c.cue_start, c.cue_end) for c in claims if c.cue_start is not None and c.cue_end is not None]
    # Plain substring searches find the paragraphs that may hold a verdict (most hold none).
    starts = [para.start for para in paras]
    shortly = {sent.paragraph for sent in short
               if SHORT_DENIAL.fullmatch(text, sent.start, _trimmed(text, sent.start, sent.end))}
    marked = set(shortly)
    for hint in VERDICT_HINTS:
        at = lowered.find(hint)
        while at >= 0:
            index = bisect.bisect_right(starts, at) - 1
            marked.add(index)
            at = lowered.find(hint, paras[index].end if index >= 0 else at + 1)
    out: list[ExtractedClaim] = []
    for index in sorted(marked):
        para = paras[index]
        if index < 0 or para.skip:
            continue
        if index not in shortly and VERDICT_WORDS.search(masked, para.start, para.end) is None:
            continue
        for sent in split_sentences(text, para, masked):
            found = _verdict(text, sent.start, sent.end, para.index, paras, covered, claims)
            if found is not None:
                out.append(found)
    return tuple(out)


def _trimmed(text: str, start: int, end: int) -> int:
    """*end* moved back over trailing spaces."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _verdict(text: str, start: int, end: int, para: int, paras: Sequence[Paragraph],
             covered: list[tuple[int, int]], claims: Sequence[ExtractedClaim]) -> ExtractedClaim | None:
    end = _trimmed(text, start, end)
    sentence = text[start:end]
    if any(a < end and b > start for a, b in covered) or QUOTE_MARKS & set(sentence):
        return None
    opened = text[paras[para].start:start]
    if (opened.count('"') + opened.count("“") + opened.count("”")) % 2:
        return None  # inside a quotation whose closing mark is missing: the speaker's words
    if any(w.lower() in REPORTING for w in WORDS.findall(sentence)):
        return None  # "many of whom say the claims are unfounded": someone's words, not the reporter's
    marker = VERDICT_WORDS.search(sentence)
    short = SHORT_DENIAL.fullmatch(sentence)
    if short is not None and any(w.lower() in FORMS for w in WORDS.findall(sentence)):
        short = None  # "It did not admit wrongdoing": a report of its own, not a verdict
    if marker is None and short is None:
        return None
    anaphoric = short is not None or ANAPHORIC.match(sentence) is not None
    answered = _answered(text, start, para, paras, claims, sentence, anaphoric)
    if answered is None:
        return None
    a, b = marker.span() if marker is not None else (0, len(sentence))
    return ExtractedClaim(start=start, end=end, text=sentence, kind=ClaimKind.INDIRECT, stance=Stance.REJECTS,
                          confidence=rules.ARTICLE_VERDICT.own_confidence, rule=rules.ARTICLE_VERDICT.label,
                          cue=sentence[a:b], cue_start=start + a, cue_end=start + b, parent=answered)


def _answered(text: str, start: int, para: int, paras: Sequence[Paragraph], claims: Sequence[ExtractedClaim],
              sentence: str, anaphoric: bool) -> int | None:
    """The index of the claim the verdict at *start* answers, if any."""
    floor = paras[max(0, para - PARAGRAPHS_BACK)].start
    words = _substance(sentence)
    best: tuple[int, int] | None = None  # (shared words, index): the most shared, the nearest on a tie
    for index in range(len(claims) - 1, -1, -1):
        claim = claims[index]
        if claim.end > start:
            continue
        if claim.start < floor or start - claim.end > REACH:
            break
        if claim.speaker is None or claim.stance not in ANSWERABLE:
            continue
        if anaphoric:
            return index if start - claim.end <= ANAPHORIC_REACH else None
        shared = len(words & _substance(claim.text))
        if shared and (best is None or shared > best[0]):
            best = (shared, index)
    return None if best is None else best[1]


def _substance(words: str) -> set[str]:
    """Words of substance, crudely stemmed ("founder" and "found" meet, "troops" and "troop")."""
    out = set()
    for word in WORDS.findall(words):
        low = word.lower()
        if len(low) < 4 or low in SUBSTANCE_STOP:
            continue
        out.add(low[:5])
    return out
